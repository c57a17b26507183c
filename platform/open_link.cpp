#include "platform/open_link.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include "core/url_encoding.h"

extern char** environ;

namespace rekindle::platform {

core::Status open_link(std::string_view link) {
  if (!core::is_openable_link(link))
    return core::make_error("refusing to open '" + std::string(link.substr(0, 80)) +
                            "': only http(s) and mailto links are opened");
  const char* custom = std::getenv("REKINDLE_OPENER");
  std::string opener = custom && *custom ? custom : "xdg-open";
  // A mailto: link keeps only subject, body, cc and bcc: an attach= field (or any other) would
  // let a link in an imported contact make the mail client attach a local file.
  std::string argument(link);
  if (std::tolower(static_cast<unsigned char>(link[0])) == 'm') {  // http(s) links start with h
    auto mail = core::safe_mailto_link(link);
    if (!mail) return core::make_error("refusing to open a mailto link with a malformed %-escape");
    argument = std::move(*mail);
  }
  char* argv[] = {opener.data(), argument.data(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // The opener's chatter does not belong in our output.
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, opener.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  // Said so that it reads after "Could not open your mail app: ".
  if (rc == ENOENT) return core::make_error("no program to open links was found (" + opener + " is not installed)");
  if (rc != 0) return core::make_error(opener + " could not be started (" + std::strerror(rc) + ")");
  // Reap it in the background so no zombie is left; xdg-open returns quickly.
  std::thread([pid] {
    int status = 0;
    waitpid(pid, &status, 0);
  }).detach();
  return core::Status::success();
}

}  // namespace rekindle::platform
