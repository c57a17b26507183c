// The real window under the display, driven with xdotool: key presses travel from X11
// through GLFW and our callbacks (chained with ImGui's) to the shell, whose screen shows in
// the window title.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/window_support.h"

namespace fs = std::filesystem;

TEST_CASE("the real window switches screens on the keys 1-4", "[gui][window]") {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) FAIL("DISPLAY is not set: run the tests under a display (e.g. Xvfb :99 & DISPLAY=:99)");
  if (std::system("command -v xdotool >/dev/null 2>&1") != 0) FAIL("xdotool is not installed (apt install xdotool)");

  char pattern[] = "/tmp/rekindle-window-XXXXXX";
  REQUIRE(mkdtemp(pattern));
  const fs::path dir = pattern;
  {
    rekindle::test::WindowProcess gui((dir / "test.db").string());
    const std::string window = gui.find_window();
    REQUIRE(!window.empty());
    CHECK(rekindle::test::title_becomes(window, "Rekindle \u00b7 Today"));
    CHECK(std::system(("xdotool key --window " + window + " 2").c_str()) == 0);
    CHECK(rekindle::test::title_becomes(window, "Rekindle \u00b7 Contacts"));
    CHECK(std::system(("xdotool key --window " + window + " 4").c_str()) == 0);
    CHECK(rekindle::test::title_becomes(window, "Rekindle \u00b7 Stats"));
    CHECK(std::system(("xdotool key --window " + window + " 1").c_str()) == 0);
    CHECK(rekindle::test::title_becomes(window, "Rekindle \u00b7 Today"));
  }
  std::error_code ignored;
  fs::remove_all(dir, ignored);
}
