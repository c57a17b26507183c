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
