#pragma once
// The Settings screen: daily limit, default snooze, touchpad direction, the name that signs
// drafts, and where the database is. Each change is saved through the core API at once (a
// name when its field is left), with a small "Saved" next to it. Owner: import-window.
#include <cstdint>
#include <string>

#include "app/form_widgets.h"
#include "app/theme.h"
#include "core/date.h"
#include "core/rekindle.h"
#include "platform/input.h"

namespace rekindle::app {

enum class SettingsState {
  kError,  // the store could not be read
  kShown,
};

// The shared setting names (BRIEF: agreed between the branches).
inline constexpr const char* kSenderNameSetting = "sender_name";

struct SettingsModel {
  std::string error;
  int daily_limit = 10;
  int snooze_days = 7;
  bool touchpad_invert = false;
  std::string sender_name;  // as stored
  std::string name_field;   // as being typed
  std::string db_path;
  std::string saved;        // the field saved last ("limit", "snooze", "touchpad", "name", "path")
  std::string save_error;   // why the last save failed, shown under its field
  std::string failed;       // the field whose save failed
};

// What one frame of the screen did.
struct SettingsFrame {
  SettingsState state = SettingsState::kShown;
  bool back = false;      // the back link: the shell returns to Today
  bool open_sync = false;  // "Sync…": the shell opens the Sync screen
  std::string saved;      // a field saved this frame
  Clickables buttons;     // where each button was drawn
};

// Reads what the screen shows.
void load_settings(core::Rekindle& api, core::Day today, SettingsModel& model);
// Draws the screen into the current window; saves what the user changed.
SettingsFrame draw_settings(SettingsModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                            const platform::InputEvents& events);

}  // namespace rekindle::app
