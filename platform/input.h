#pragma once
// Input events as the window received them, in order, in our own terms. ImGui 1.86 has no
// key codes for letters, so the app reads keys from here rather than from ImGuiIO, and hands
// them to core's key map (core/key_map.h) as key strokes.
#include <string>
#include <vector>

#include "core/key_map.h"

namespace rekindle::platform {

// Keys the app can bind. Printable keys use their upper-case ASCII code, like GLFW, so
// Key('A') and Key('1') read naturally; named keys sit above the ASCII range.
enum class Key : int {
  kUnknown = 0,
  kSpace = ' ',
  kSlash = '/',
  kEscape = 256,
  kEnter,
  kTab,
  kBackspace,
  kDelete,
  kRight,
  kLeft,
  kDown,
  kUp,
  kPageUp,
  kPageDown,
  kHome,
  kEnd,
};

// Modifier bits of a key event.
inline constexpr int kModShift = 1;
inline constexpr int kModCtrl = 2;
inline constexpr int kModAlt = 4;
inline constexpr int kModSuper = 8;

struct KeyEvent {
  Key key = Key::kUnknown;
  int mods = 0;         // kMod* bits
  bool repeat = false;  // auto-repeat while held
};

// A scroll step: touchpads send two-finger swipes this way (x is horizontal).
struct ScrollEvent {
  double x = 0, y = 0;
};

// What happened since the app last looked. Filled by the window's callbacks.
struct InputEvents {
  std::vector<KeyEvent> keys;  // presses and repeats, not releases
  std::vector<ScrollEvent> scrolls;
  std::vector<unsigned int> characters;  // Unicode code points typed
  int other = 0;                         // mouse moves, clicks, resizes, focus: anything to redraw for
  bool focus_gained = false;             // the window came back to the front: data may have changed
  std::vector<std::string> dropped_paths;  // files dropped on the window (UTF-8 paths), in order

  bool empty() const {
    return keys.empty() && scrolls.empty() && characters.empty() && other == 0 && !focus_gained &&
           dropped_paths.empty();
  }
  void clear() {
    keys.clear();
    scrolls.clear();
    characters.clear();
    dropped_paths.clear();
    other = 0;
    focus_gained = false;
  }
};

// Our key for a GLFW key code (GLFW_KEY_*); kUnknown for keys the app never binds.
Key key_from_glfw(int glfw_key);
// Our modifier bits for GLFW's (GLFW_MOD_*).
int mods_from_glfw(int glfw_mods);
// The key for a digit 0-9 or a letter (either case); kUnknown otherwise.
Key key_for_char(char c);

// A key event in the key map's terms: Super counts as Alt (neither is a plain key).
core::KeyStroke key_stroke(const KeyEvent& event);
// A typed character (InputEvents::characters) in the key map's terms; KeyName::other
// beyond ASCII, which no binding uses.
core::KeyStroke typed_stroke(unsigned int code_point);

}  // namespace rekindle::platform
