#include "core/key_map.h"

#include <algorithm>

namespace rekindle::core {
namespace {

constexpr KeyStroke named(KeyName name) { return {name}; }
constexpr KeyStroke key(char c) { return {KeyName::character, c}; }
constexpr KeyStroke ctrl(char c) { return {KeyName::character, c, true}; }
constexpr KeyStroke typed(char c) { return {KeyName::typed, c}; }

constexpr KeyBinding kBindings[] = {
    {named(KeyName::arrow_right), DeckCommand::decide(Direction::right)},
    {key('l'), DeckCommand::decide(Direction::right)},
    {named(KeyName::arrow_left), DeckCommand::decide(Direction::left)},
    {key('h'), DeckCommand::decide(Direction::left)},
    {named(KeyName::arrow_up), DeckCommand::decide(Direction::up)},
    {key('k'), DeckCommand::decide(Direction::up)},
    {named(KeyName::arrow_down), DeckCommand::decide(Direction::down)},
    {key('j'), DeckCommand::decide(Direction::down)},
    {key('u'), {DeckAction::undo}},
    {named(KeyName::backspace), {DeckAction::undo}},
    {ctrl('z'), {DeckAction::undo}},
    {named(KeyName::enter), {DeckAction::details}},
    {named(KeyName::escape), {DeckAction::close}},
    {typed('?'), {DeckAction::help}},
};

bool matches(const KeyStroke& binding, const KeyStroke& pressed) {
  if (binding.name != pressed.name) return false;
  switch (binding.name) {
    case KeyName::character:
      return binding.character == pressed.character && binding.ctrl == pressed.ctrl && binding.shift == pressed.shift &&
             binding.alt == pressed.alt;
    case KeyName::typed:
      return binding.character == pressed.character;
    case KeyName::other:
      return false;
    default:
      return true;  // a named key: Shift+Right still swipes right
  }
}

}  // namespace

std::span<const KeyBinding> key_bindings() { return kBindings; }

DeckCommand command_for_key(const KeyStroke& key) {
  for (const KeyBinding& binding : kBindings)
    if (matches(binding.key, key)) return binding.command;
  return {};
}

std::string key_label(const KeyStroke& key) {
  switch (key.name) {
    case KeyName::arrow_left:
      return "Left";
    case KeyName::arrow_right:
      return "Right";
    case KeyName::arrow_up:
      return "Up";
    case KeyName::arrow_down:
      return "Down";
    case KeyName::enter:
      return "Enter";
    case KeyName::escape:
      return "Esc";
    case KeyName::backspace:
      return "Backspace";
    case KeyName::other:
      return "";
    case KeyName::character:
    case KeyName::typed:
      break;
  }
  std::string label;
  if (key.ctrl) label += "Ctrl+";
  if (key.alt) label += "Alt+";
  if (key.shift) label += "Shift+";
  // Shortcuts are written with the key's upper-case letter (Ctrl+Z), plain keys as typed.
  const bool shortcut = key.ctrl || key.alt || key.shift;
  label += shortcut && key.character >= 'a' && key.character <= 'z' ? static_cast<char>(key.character - 'a' + 'A')
                                                                    : key.character;
  return label;
}

std::vector<std::string> keys_for(const DeckCommand& command) {
  std::vector<std::string> keys;
  for (const KeyBinding& binding : kBindings)
    if (binding.command == command) keys.push_back(key_label(binding.key));
  return keys;
}

std::string command_help(const DeckCommand& command) {
  switch (command.action) {
    case DeckAction::decide: {
      const DecisionKind& kind = decision_kind(command.direction);
      return std::string(kind.action) + " \u2013 " + kind.effect;
    }
    case DeckAction::undo:
      return "Undo, as many times as you like";
    case DeckAction::details:
      return "The card's details";
    case DeckAction::close:
      return "Close this, or leave the composer";
    case DeckAction::help:
      return "Show or hide these keys";
    case DeckAction::none:
      break;
  }
  return "";
}

std::vector<KeyHelpLine> key_help() {
  std::vector<KeyHelpLine> lines;
  for (const KeyBinding& binding : kBindings) {
    const bool listed = std::any_of(lines.begin(), lines.end(),
                                    [&](const KeyHelpLine& line) { return line.command == binding.command; });
    if (!listed) lines.push_back({binding.command, keys_for(binding.command), command_help(binding.command)});
  }
  return lines;
}

}  // namespace rekindle::core
