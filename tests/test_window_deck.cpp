// The real window under the display: `xdotool key Right` in the Today deck changes the
// database exactly as `rekindle swipe right` does on a twin database built the same way.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "test_support.h"

extern char** environ;

using rekindle::test::run_rekindle;

namespace {

std::string output_of(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[512];
  size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

// The window on a database (today: the contacts are added today), stopped at the end of the test whatever happens.
class DeckWindow {
 public:
  explicit DeckWindow(const std::string& db) {
    std::vector<std::string> args = {REKINDLE_EXE, "--db", db, "gui"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    REQUIRE(posix_spawn(&pid_, REKINDLE_EXE, nullptr, nullptr, argv.data(), environ) == 0);
  }
  ~DeckWindow() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = 0;
};

bool title_becomes(const std::string& window, const std::string& expected) {
  for (int i = 0; i < 100; ++i) {
    if (output_of("xdotool getwindowname " + window + " 2>/dev/null") == expected) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

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
    DeckWindow gui(by_window);
    const std::string window =
        output_of("timeout 10 xdotool search --sync --pid " + std::to_string(gui.pid()) + " 2>/dev/null | head -n 1");
    REQUIRE(!window.empty());
    REQUIRE(title_becomes(window, "Rekindle \u00b7 Today"));
    CHECK(std::system(("xdotool key --window " + window + " Right").c_str()) == 0);
    // Right opens the composer: by then the decision is in the database.
    CHECK(title_becomes(window, "Rekindle \u00b7 Compose"));
  }
  const std::string expected = state_of(by_cli);
  CHECK(state_of(by_window) == expected);
  // And the swipe did change something: a twin nobody touched differs.
  const std::string untouched = dir.file("untouched.db");
  build_deck(untouched);
  CHECK(state_of(untouched) != expected);
}
