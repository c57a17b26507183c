// The real window under the display, driven with xdotool: key presses travel from X11
// through GLFW and our callbacks (chained with ImGui's) to the shell, whose screen shows in
// the window title.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

extern char** environ;

namespace fs = std::filesystem;

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

// The window process, stopped at the end of the test whatever happens.
class GuiProcess {
 public:
  explicit GuiProcess(const std::string& db) {
    std::string exe = REKINDLE_EXE, db_flag = "--db", gui = "gui";
    char* argv[] = {exe.data(), db_flag.data(), const_cast<char*>(db.c_str()), gui.data(), nullptr};
    REQUIRE(posix_spawn(&pid_, exe.c_str(), nullptr, nullptr, argv, environ) == 0);
  }
  ~GuiProcess() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = 0;
};

// Polls the window's title until it equals expected or a few seconds pass.
bool title_becomes(const std::string& window, const std::string& expected) {
  for (int i = 0; i < 100; ++i) {
    if (output_of("xdotool getwindowname " + window + " 2>/dev/null") == expected) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace

TEST_CASE("the real window switches screens on the keys 1-4", "[gui][window]") {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) FAIL("DISPLAY is not set: run the tests under a display (e.g. Xvfb :99 & DISPLAY=:99)");
  if (std::system("command -v xdotool >/dev/null 2>&1") != 0) FAIL("xdotool is not installed (apt install xdotool)");

  char pattern[] = "/tmp/rekindle-window-XXXXXX";
  REQUIRE(mkdtemp(pattern));
  const fs::path dir = pattern;
  {
    GuiProcess gui((dir / "test.db").string());
    const std::string window =
        output_of("timeout 10 xdotool search --sync --pid " + std::to_string(gui.pid()) + " 2>/dev/null | head -n 1");
    REQUIRE(!window.empty());
    CHECK(title_becomes(window, "Rekindle \u00b7 Today"));
    CHECK(std::system(("xdotool key --window " + window + " 2").c_str()) == 0);
    CHECK(title_becomes(window, "Rekindle \u00b7 Contacts"));
    CHECK(std::system(("xdotool key --window " + window + " 4").c_str()) == 0);
    CHECK(title_becomes(window, "Rekindle \u00b7 Stats"));
    CHECK(std::system(("xdotool key --window " + window + " 1").c_str()) == 0);
    CHECK(title_becomes(window, "Rekindle \u00b7 Today"));
  }
  std::error_code ignored;
  fs::remove_all(dir, ignored);
}
