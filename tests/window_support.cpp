#include "test_paths.h"
#include "tests/window_support.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

extern char** environ;

namespace rekindle::test {

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

WindowProcess::WindowProcess(const std::string& db) {
  std::vector<std::string> args = {REKINDLE_EXE, "--db", db, "gui"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  if (posix_spawn(&pid_, REKINDLE_EXE, nullptr, nullptr, argv.data(), environ) != 0) pid_ = 0;
}

WindowProcess::~WindowProcess() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
}

std::string WindowProcess::find_window() const {
  if (pid_ <= 0) return {};
  return output_of("timeout 10 xdotool search --sync --pid " + std::to_string(pid_) + " 2>/dev/null | head -n 1");
}

bool title_becomes(const std::string& window, const std::string& expected) {
  for (int i = 0; i < 100; ++i) {
    if (output_of("xdotool getwindowname " + window + " 2>/dev/null") == expected) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace rekindle::test
