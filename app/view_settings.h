#pragma once
// The Settings screen: daily limit, default snooze, touchpad direction, sender name, database
// location. Owner: import-window.
#include <cstdint>
#include <string>

#include "app/theme.h"
#include "core/date.h"
#include "core/rekindle.h"
#include "platform/input.h"

namespace rekindle::app {

enum class SettingsState {
  kError,  // the store could not be read
  kShown,
};

struct SettingsModel {
  int64_t contact_id = 0;  // the contact shown (details), 0 when none
  std::string error;
};

// What one frame of the screen did.
struct SettingsFrame {
  SettingsState state = SettingsState::kShown;
};

// Reads what the screen shows.
void load_settings(core::Rekindle& api, core::Day today, SettingsModel& model);
// Draws the screen into the current window.
SettingsFrame draw_settings(SettingsModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                    const platform::InputEvents& events);

}  // namespace rekindle::app
