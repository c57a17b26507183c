#include "platform/paths.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>

namespace rekindle::platform {

std::string data_folder() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/') return std::string(xdg) + "/rekindle";
  const char* home = std::getenv("HOME");
  if (!home || !*home) {
    if (const passwd* pw = getpwuid(getuid())) home = pw->pw_dir;
  }
  return std::string(home ? home : ".") + "/.local/share/rekindle";
}

std::string default_database_path() { return data_folder() + "/rekindle.db"; }

core::Day today_local() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *core::make_day(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

}  // namespace rekindle::platform
