// Mapping GLFW's key events into our own keys: pure functions, no window.
#include <GLFW/glfw3.h>

#include <catch2/catch.hpp>

#include "platform/input.h"

using rekindle::platform::Key;
namespace platform = rekindle::platform;

TEST_CASE("letters, digits and keypad digits map to their character", "[gui]") {
  CHECK(platform::key_from_glfw(GLFW_KEY_A) == platform::key_for_char('a'));
  CHECK(platform::key_from_glfw(GLFW_KEY_Z) == platform::key_for_char('Z'));
  CHECK(platform::key_from_glfw(GLFW_KEY_1) == platform::key_for_char('1'));
  CHECK(platform::key_from_glfw(GLFW_KEY_KP_4) == platform::key_for_char('4'));
  CHECK(platform::key_from_glfw(GLFW_KEY_H) != platform::key_from_glfw(GLFW_KEY_J));
}

TEST_CASE("named keys map, the rest are unknown", "[gui]") {
  CHECK(platform::key_from_glfw(GLFW_KEY_LEFT) == Key::kLeft);
  CHECK(platform::key_from_glfw(GLFW_KEY_RIGHT) == Key::kRight);
  CHECK(platform::key_from_glfw(GLFW_KEY_UP) == Key::kUp);
  CHECK(platform::key_from_glfw(GLFW_KEY_DOWN) == Key::kDown);
  CHECK(platform::key_from_glfw(GLFW_KEY_ESCAPE) == Key::kEscape);
  CHECK(platform::key_from_glfw(GLFW_KEY_KP_ENTER) == Key::kEnter);
  CHECK(platform::key_from_glfw(GLFW_KEY_BACKSPACE) == Key::kBackspace);
  CHECK(platform::key_from_glfw(GLFW_KEY_SLASH) == Key::kSlash);
  CHECK(platform::key_from_glfw(GLFW_KEY_F5) == Key::kUnknown);
  CHECK(platform::key_from_glfw(GLFW_KEY_UNKNOWN) == Key::kUnknown);
  CHECK(platform::key_for_char('#') == Key::kUnknown);
}

TEST_CASE("modifier bits", "[gui]") {
  CHECK(platform::mods_from_glfw(0) == 0);
  CHECK(platform::mods_from_glfw(GLFW_MOD_CONTROL) == platform::kModCtrl);
  CHECK(platform::mods_from_glfw(GLFW_MOD_SHIFT | GLFW_MOD_ALT) == (platform::kModShift | platform::kModAlt));
  CHECK(platform::mods_from_glfw(GLFW_MOD_SUPER) == platform::kModSuper);
}

TEST_CASE("input events know when they are empty", "[gui]") {
  platform::InputEvents events;
  CHECK(events.empty());
  events.other = 1;
  CHECK(!events.empty());
  events.clear();
  CHECK(events.empty());
  events.scrolls.push_back({-1, 0});
  CHECK(!events.empty());
}

TEST_CASE("key events become the key map's strokes; arrows are keys, not directions", "[gui]") {
  using rekindle::core::KeyName;
  const auto right = platform::key_stroke({Key::kRight, 0, false});
  CHECK(right.name == KeyName::arrow_right);
  const auto ctrl_z = platform::key_stroke({platform::key_for_char('Z'), platform::kModCtrl, false});
  CHECK(ctrl_z.name == KeyName::character);
  CHECK(ctrl_z.character == 'z');
  CHECK(ctrl_z.ctrl);
  CHECK(!ctrl_z.shift);
  const auto slash = platform::key_stroke({Key::kSlash, platform::kModShift, false});
  CHECK(slash.name == KeyName::character);
  CHECK(slash.character == '/');
  CHECK(slash.shift);
  CHECK(platform::key_stroke({platform::key_for_char('7'), 0, false}).character == '7');
  CHECK(platform::key_stroke({Key::kSpace, 0, false}).name == KeyName::other);
  CHECK(platform::key_stroke({Key::kRight, platform::kModSuper, false}).alt);
  // Typed text: '?' whatever key made it; nothing beyond ASCII.
  const auto question = platform::typed_stroke('?');
  CHECK(question.name == KeyName::typed);
  CHECK(question.character == '?');
  CHECK(platform::typed_stroke(0x00e9).name == KeyName::other);
  CHECK(platform::typed_stroke(' ').name == KeyName::other);
}
