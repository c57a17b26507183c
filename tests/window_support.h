#pragma once
// Driving the real window in tests: the process, its X window (xdotool), its title.
#include <sys/types.h>

#include <string>

namespace rekindle::test {

// Runs a shell command (test tooling only: xdotool) and returns its output without the final newline.
std::string output_of(const std::string& command);

// `rekindle --db DB gui` as a child process, stopped at the end of the scope whatever happens.
class WindowProcess {
 public:
  explicit WindowProcess(const std::string& db);
  ~WindowProcess();
  WindowProcess(const WindowProcess&) = delete;
  WindowProcess& operator=(const WindowProcess&) = delete;
  pid_t pid() const { return pid_; }
  // The X window id of the process (waits up to 10 s), or "" when none appeared.
  std::string find_window() const;

 private:
  pid_t pid_ = 0;
};

// Polls the window's title until it equals expected or a few seconds pass.
bool title_becomes(const std::string& window, const std::string& expected);

}  // namespace rekindle::test
