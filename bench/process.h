#pragma once
// Child processes the bench measures: the rekindle executable (the window, the CLI), the
// bare peer window and the peers' own programs (sqlite3, python3).
#include <filesystem>
#include <string>
#include <vector>

namespace rekindle::bench {

struct ProcessRun {
  double ms = 0;
  double cpu_ms = 0;  // user + system time of the child
  long max_rss_kb = 0;
  int exit_code = -1;
};

// Runs argv (PATH searched) with stdin, stdout and stderr on /dev/null; wall time, CPU time
// and the child's peak RSS from wait4.
ProcessRun run_process(const std::vector<std::string>& argv);

// Peak RSS of argv in kB. A child forked from this (large) process inherits its RSS
// high-water mark through fork and exec, so when GNU time is installed the command runs
// under it (forked from a small process) and its "%M" is used; else wait4's ru_maxrss.
ProcessRun run_measuring_rss(const std::vector<std::string>& argv, const std::filesystem::path& scratch_dir);

// The first line a shell command prints (empty when it fails).
std::string shell_line(const std::string& command);

}  // namespace rekindle::bench
