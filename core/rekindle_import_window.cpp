// The core API calls of the Settings screen and of importing in the window.
#include <exception>

#include "core/rekindle.h"

namespace rekindle::core {

Result<int> Rekindle::default_snooze_days() { return core::default_snooze_days(*store_); }

Status Rekindle::set_default_snooze_days(int days) {
  try {
    return core::set_default_snooze_days(*store_, days);
  } catch (const std::exception& e) {
    return make_error(std::string("unexpected failure: ") + e.what());
  }
}

Result<std::unique_ptr<Rekindle>> Rekindle::open_another() const {
  if (path().empty()) return make_error("an in-memory database cannot be opened a second time");
  return open(path());
}

}  // namespace rekindle::core
