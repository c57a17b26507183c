// The deck's key map: one table binds the keys and writes the help, so the help can neither
// miss a key nor name one that does nothing.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/key_map.h"

using namespace rekindle::core;

namespace {

KeyStroke named(KeyName name) { return {name}; }

KeyStroke letter(char c, bool ctrl = false, bool shift = false) {
  KeyStroke k;
  k.name = KeyName::character;
  k.character = c;
  k.ctrl = ctrl;
  k.shift = shift;
  return k;
}

KeyStroke typed(char c) { return {KeyName::typed, c}; }

DeckCommand decide(Direction d) { return DeckCommand::decide(d); }
constexpr DeckCommand kNone{DeckAction::none};
constexpr DeckCommand kUndo{DeckAction::undo};

}  // namespace

TEST_CASE("keys: arrows and vim letters decide, undo has three keys, Enter/Esc/? do their job", "[keys]") {
  CHECK(command_for_key(named(KeyName::arrow_right)) == decide(Direction::right));
  CHECK(command_for_key(named(KeyName::arrow_left)) == decide(Direction::left));
  CHECK(command_for_key(named(KeyName::arrow_up)) == decide(Direction::up));
  CHECK(command_for_key(named(KeyName::arrow_down)) == decide(Direction::down));
  CHECK(command_for_key(letter('l')) == decide(Direction::right));
  CHECK(command_for_key(letter('h')) == decide(Direction::left));
  CHECK(command_for_key(letter('k')) == decide(Direction::up));
  CHECK(command_for_key(letter('j')) == decide(Direction::down));
  CHECK(command_for_key(letter('u')) == kUndo);
  CHECK(command_for_key(letter('z', true)) == kUndo);
  CHECK(command_for_key(named(KeyName::backspace)) == kUndo);
  CHECK(command_for_key(named(KeyName::enter)) == DeckCommand{DeckAction::details});
  CHECK(command_for_key(named(KeyName::escape)) == DeckCommand{DeckAction::close});
  CHECK(command_for_key(typed('?')) == DeckCommand{DeckAction::help});
  // A named key decides whatever the modifiers.
  KeyStroke shift_right = named(KeyName::arrow_right);
  shift_right.shift = true;
  CHECK(command_for_key(shift_right) == decide(Direction::right));
  // Not bound: a plain z or slash, the Shift+/ key press ('?' comes as typed text on every
  // layout), Ctrl with a swipe letter, Ctrl+Shift+Z, Alt+h, Shift+h, a typed letter, other keys.
  CHECK(command_for_key(letter('z')) == kNone);
  CHECK(command_for_key(letter('/')) == kNone);
  CHECK(command_for_key(letter('/', false, true)) == kNone);
  CHECK(command_for_key(letter('l', true)) == kNone);
  CHECK(command_for_key(letter('z', true, true)) == kNone);
  KeyStroke alt_h = letter('h');
  alt_h.alt = true;
  CHECK(command_for_key(alt_h) == kNone);
  CHECK(command_for_key(letter('h', false, true)) == kNone);
  CHECK(command_for_key(typed('h')) == kNone);
  CHECK(command_for_key(named(KeyName::other)) == kNone);
}

TEST_CASE("keys: every binding is found by its own stroke, and no command is bound to none", "[keys]") {
  for (const KeyBinding& binding : key_bindings()) {
    INFO(key_label(binding.key));
    CHECK(binding.command.action != DeckAction::none);
    CHECK(command_for_key(binding.key) == binding.command);
    if (binding.command.action == DeckAction::decide) CHECK(decision_kind(binding.command.direction).gesture());
  }
  // Every gesture direction has a key.
  for (const DecisionKind& kind : decision_kinds())
    if (kind.gesture()) CHECK(!keys_for(decide(kind.direction)).empty());
}

TEST_CASE("keys: labels as the help writes them", "[keys]") {
  CHECK(key_label(named(KeyName::arrow_right)) == "Right");
  CHECK(key_label(named(KeyName::escape)) == "Esc");
  CHECK(key_label(letter('l')) == "l");
  CHECK(key_label(letter('z', true)) == "Ctrl+Z");
  CHECK(key_label(typed('?')) == "?");
  CHECK(keys_for(kUndo) == std::vector<std::string>{"u", "Backspace", "Ctrl+Z"});
  CHECK(keys_for(decide(Direction::right)) == std::vector<std::string>{"Right", "l"});
  CHECK(keys_for(decide(Direction::skip)).empty());
}

TEST_CASE("help: every binding appears in the help, and the help has no line no binding produces", "[keys]") {
  const std::vector<KeyHelpLine> help = key_help();
  // Each binding: on its command's line, with its label.
  for (const KeyBinding& binding : key_bindings()) {
    INFO(key_label(binding.key));
    int lines_of_command = 0;
    for (const KeyHelpLine& line : help)
      if (line.command == binding.command) {
        ++lines_of_command;
        CHECK(std::count(line.keys.begin(), line.keys.end(), key_label(binding.key)) == 1);
      }
    CHECK(lines_of_command == 1);  // grouped: one line per command
  }
  // Each line: every key on it is a binding of its command, and its words are the command's.
  for (const KeyHelpLine& line : help) {
    INFO(line.action);
    CHECK(!line.keys.empty());
    CHECK(line.action == command_help(line.command));
    for (const std::string& key : line.keys) {
      bool bound = false;
      for (const KeyBinding& binding : key_bindings())
        bound |= binding.command == line.command && key_label(binding.key) == key;
      CHECK(bound);
    }
  }
}

TEST_CASE("help: decisions are described in the decision kinds' words", "[keys]") {
  for (const KeyHelpLine& line : key_help()) {
    if (line.command.action != DeckAction::decide) continue;
    const DecisionKind& kind = decision_kind(line.command.direction);
    CHECK(line.action.rfind(kind.action, 0) == 0);  // "Reach out..."
    CHECK(line.action.find(kind.effect) != std::string::npos);
  }
  CHECK(command_help(kUndo) == "Undo, as many times as you like");
  CHECK(key_help().front().command == decide(Direction::right));
}
