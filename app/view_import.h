#pragma once
// The Import screen: files dropped on the window or typed into a path field are imported on a
// background thread with progress and Cancel; the report at the end. Owner: import-window.
#include <cstdint>
#include <string>

#include "app/theme.h"
#include "core/date.h"
#include "core/rekindle.h"
#include "platform/input.h"

namespace rekindle::app {

enum class ImportState {
  kError,  // the store could not be read
  kShown,
};

struct ImportModel {
  int64_t contact_id = 0;  // the contact shown (details), 0 when none
  std::string error;
};

// What one frame of the screen did.
struct ImportFrame {
  ImportState state = ImportState::kShown;
};

// Reads what the screen shows.
void load_import(core::Rekindle& api, core::Day today, ImportModel& model);
// Draws the screen into the current window.
ImportFrame draw_import(ImportModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                    const platform::InputEvents& events);

}  // namespace rekindle::app
