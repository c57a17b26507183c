// The real window under the display: `xdotool key Right` in the Today deck changes the
// database exactly as `rekindle swipe right` does on a twin database built the same way.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "tests/test_support.h"
#include "tests/window_support.h"

using rekindle::test::run_rekindle;

namespace {

// Three contacts added the same way in both databases.
void build_deck(const std::string& db) {
  for (const char* name : {"Ada Lovelace", "Grace Hopper", "Alan Turing"}) {
    auto added = run_rekindle({"--db", db, "add", "--name", name, "--company", "Acme", "--tier", "regular", "--url",
                               "https://www.linkedin.com/in/x"});
    INFO(added.err);
    REQUIRE(added.exit_code == 0);
  }
}

std::string state_of(const std::string& db) {
  auto due = run_rekindle({"--db", db, "due", "--json"});
  auto contacts = run_rekindle({"--db", db, "contacts", "--json"});
  REQUIRE(due.exit_code == 0);
  REQUIRE(contacts.exit_code == 0);
  return due.out + "\n" + contacts.out;
}

}  // namespace

TEST_CASE("the real window: key Right changes the database exactly like `rekindle swipe right`",
          "[gui][window][deck]") {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) FAIL("DISPLAY is not set: run the tests under a display (e.g. Xvfb :99 & DISPLAY=:99)");
  if (std::system("command -v xdotool >/dev/null 2>&1") != 0) FAIL("xdotool is not installed (apt install xdotool)");

  rekindle::test::TempDir dir;
  const std::string by_cli = dir.file("cli.db"), by_window = dir.file("window.db");
  build_deck(by_cli);
  build_deck(by_window);
  REQUIRE(state_of(by_cli) == state_of(by_window));

  auto swiped = run_rekindle({"--db", by_cli, "swipe", "right"});
  INFO(swiped.err);
  REQUIRE(swiped.exit_code == 0);
  {
    rekindle::test::WindowProcess gui(by_window);
    const std::string window = gui.find_window();
    REQUIRE(!window.empty());
    REQUIRE(rekindle::test::title_becomes(window, "Rekindle \u00b7 Today"));
    CHECK(std::system(("xdotool key --window " + window + " Right").c_str()) == 0);
    // Right opens the composer: by then the decision is in the database.
    CHECK(rekindle::test::title_becomes(window, "Rekindle \u00b7 Compose"));
  }
  const std::string expected = state_of(by_cli);
  CHECK(state_of(by_window) == expected);
  // And the swipe did change something: a twin nobody touched differs.
  const std::string untouched = dir.file("untouched.db");
  build_deck(untouched);
  CHECK(state_of(untouched) != expected);
}
