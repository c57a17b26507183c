#include "bench/process.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "bench/report.h"

namespace rekindle::bench {

namespace fs = std::filesystem;

ProcessRun run_process(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const auto start = Clock::now();
  const pid_t pid = fork();
  if (pid < 0) die("fork", std::strerror(errno));
  if (pid == 0) {
    const int null_fd = open("/dev/null", O_RDWR);
    if (null_fd >= 0) {
      dup2(null_fd, 0);
      dup2(null_fd, 1);
      dup2(null_fd, 2);
    }
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  if (wait4(pid, &status, 0, &usage) < 0) die("wait4", std::strerror(errno));
  ProcessRun run;
  run.ms = ms_since(start);
  auto tv_ms = [](const timeval& tv) { return tv.tv_sec * 1e3 + tv.tv_usec / 1e3; };
  run.cpu_ms = tv_ms(usage.ru_utime) + tv_ms(usage.ru_stime);
  run.max_rss_kb = usage.ru_maxrss;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

ProcessRun run_measuring_rss(const std::vector<std::string>& argv, const fs::path& scratch_dir) {
  if (!fs::exists("/usr/bin/time")) return run_process(argv);
  const fs::path out = scratch_dir / "time-maxrss.txt";
  std::vector<std::string> wrapped = {"/usr/bin/time", "-f", "%M", "-o", out.string()};
  wrapped.insert(wrapped.end(), argv.begin(), argv.end());
  ProcessRun run = run_process(wrapped);
  std::ifstream in(out);
  long kb = 0;
  if (in >> kb) run.max_rss_kb = kb;
  return run;
}

std::string shell_line(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buf[4096];
    if (std::fgets(buf, sizeof buf, pipe)) out = buf;
    pclose(pipe);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

}  // namespace rekindle::bench
