#include "platform/input.h"

#include <GLFW/glfw3.h>

namespace rekindle::platform {

Key key_for_char(char c) {
  if (c >= '0' && c <= '9') return static_cast<Key>(c);
  if (c >= 'A' && c <= 'Z') return static_cast<Key>(c);
  if (c >= 'a' && c <= 'z') return static_cast<Key>(c - 'a' + 'A');
  return Key::kUnknown;
}

Key key_from_glfw(int glfw_key) {
  // GLFW's printable key codes are the ASCII codes of the unshifted US-layout key.
  if ((glfw_key >= GLFW_KEY_0 && glfw_key <= GLFW_KEY_9) || (glfw_key >= GLFW_KEY_A && glfw_key <= GLFW_KEY_Z))
    return key_for_char(static_cast<char>(glfw_key));
  if (glfw_key >= GLFW_KEY_KP_0 && glfw_key <= GLFW_KEY_KP_9)
    return key_for_char(static_cast<char>('0' + glfw_key - GLFW_KEY_KP_0));
  switch (glfw_key) {
    case GLFW_KEY_SPACE:
      return Key::kSpace;
    case GLFW_KEY_SLASH:
      return Key::kSlash;
    case GLFW_KEY_ESCAPE:
      return Key::kEscape;
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER:
      return Key::kEnter;
    case GLFW_KEY_TAB:
      return Key::kTab;
    case GLFW_KEY_BACKSPACE:
      return Key::kBackspace;
    case GLFW_KEY_DELETE:
      return Key::kDelete;
    case GLFW_KEY_RIGHT:
      return Key::kRight;
    case GLFW_KEY_LEFT:
      return Key::kLeft;
    case GLFW_KEY_DOWN:
      return Key::kDown;
    case GLFW_KEY_UP:
      return Key::kUp;
    case GLFW_KEY_PAGE_UP:
      return Key::kPageUp;
    case GLFW_KEY_PAGE_DOWN:
      return Key::kPageDown;
    case GLFW_KEY_HOME:
      return Key::kHome;
    case GLFW_KEY_END:
      return Key::kEnd;
    default:
      return Key::kUnknown;
  }
}

int mods_from_glfw(int glfw_mods) {
  int mods = 0;
  if (glfw_mods & GLFW_MOD_SHIFT) mods |= kModShift;
  if (glfw_mods & GLFW_MOD_CONTROL) mods |= kModCtrl;
  if (glfw_mods & GLFW_MOD_ALT) mods |= kModAlt;
  if (glfw_mods & GLFW_MOD_SUPER) mods |= kModSuper;
  return mods;
}

core::KeyStroke key_stroke(const KeyEvent& event) {
  core::KeyStroke stroke;
  stroke.ctrl = event.mods & kModCtrl;
  stroke.shift = event.mods & kModShift;
  stroke.alt = event.mods & (kModAlt | kModSuper);
  switch (event.key) {
    case Key::kRight:
      stroke.name = core::KeyName::arrow_right;
      break;
    case Key::kLeft:
      stroke.name = core::KeyName::arrow_left;
      break;
    case Key::kUp:
      stroke.name = core::KeyName::arrow_up;
      break;
    case Key::kDown:
      stroke.name = core::KeyName::arrow_down;
      break;
    case Key::kEnter:
      stroke.name = core::KeyName::enter;
      break;
    case Key::kEscape:
      stroke.name = core::KeyName::escape;
      break;
    case Key::kBackspace:
      stroke.name = core::KeyName::backspace;
      break;
    default: {
      // Printable keys are their unshifted ASCII character, letters upper-case (see Key).
      const int code = static_cast<int>(event.key);
      if (code >= 'A' && code <= 'Z') {
        stroke.name = core::KeyName::character;
        stroke.character = static_cast<char>(code - 'A' + 'a');
      } else if (code > ' ' && code < 127) {
        stroke.name = core::KeyName::character;
        stroke.character = static_cast<char>(code);
      }
      break;
    }
  }
  return stroke;
}

core::KeyStroke typed_stroke(unsigned int code_point) {
  if (code_point <= ' ' || code_point >= 127) return {};
  return {core::KeyName::typed, static_cast<char>(code_point)};
}

}  // namespace rekindle::platform
