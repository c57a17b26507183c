#pragma once
// The review deck's keys, as data: one table of bindings from a key stroke to a deck
// command. command_for_key looks a stroke up in it and the help overlay is drawn from it,
// so a key added here is bound and documented at once.
#include <span>
#include <string>
#include <vector>

#include "core/deck_command.h"

namespace rekindle::core {

// A key in plain terms. The arrow keys are KEYS; which way a card goes is a Direction.
enum class KeyName {
  other,  // a key nothing binds
  arrow_left,
  arrow_right,
  arrow_up,
  arrow_down,
  enter,
  escape,
  backspace,
  character,  // a letter, digit or punctuation key: KeyStroke::character, with its modifiers
  typed,      // a character as typed on the user's layout ('?' sits on different keys per layout)
};

struct KeyStroke {
  KeyName name = KeyName::other;
  // KeyName::character: the unshifted key, lower-case ('h', '/'); KeyName::typed: the text ('?').
  char character = 0;
  bool ctrl = false, shift = false, alt = false;  // alt also stands for the Super/Cmd key
};

// One key and the command it sends.
struct KeyBinding {
  KeyStroke key;
  DeckCommand command;
};

// Every binding of the deck, grouped by command, in the order the help lists them: arrows
// and h/l/k/j decide (vim: h left, l right, k up, j down); u, Backspace and Ctrl+Z undo;
// Enter shows the details; Esc closes an overlay; '?' shows the keys.
std::span<const KeyBinding> key_bindings();

// The command a key stroke sends: a named key matches whatever the modifiers, a character
// key only with exactly the binding's Ctrl/Shift/Alt (a held Shift on 'h' is a slip, not a
// swipe). DeckAction::none when nothing binds it.
DeckCommand command_for_key(const KeyStroke& key);

// How the help writes a key: "Right", "l", "Ctrl+Z", "Esc", "?".
std::string key_label(const KeyStroke& key);

// The labels of every key bound to a command, in table order ({"u", "Backspace", "Ctrl+Z"}
// for undo); empty when nothing binds it.
std::vector<std::string> keys_for(const DeckCommand& command);

// What a command does, in the help's words; a decision uses its kind's action
// ("Reach out: opens the composer").
std::string command_help(const DeckCommand& command);

// One line of the key help: a command, the labels of all its keys, and what it does.
struct KeyHelpLine {
  DeckCommand command;
  std::vector<std::string> keys;
  std::string action;
};
// The key help: one line per bound command, in table order, drawn from key_bindings().
std::vector<KeyHelpLine> key_help();

}  // namespace rekindle::core
