#pragma once
// The first-run "Sort your network" screen: the goal prompts, then a fast triage deck over the
// imported people. Owner: triage.
#include <cstdint>
#include <string>

#include "app/theme.h"
#include "core/date.h"
#include "core/rekindle.h"
#include "platform/input.h"

namespace rekindle::app {

enum class SortState {
  kError,  // the store could not be read
  kShown,
};

struct SortModel {
  int64_t contact_id = 0;  // the contact shown (details), 0 when none
  std::string error;
};

// What one frame of the screen did.
struct SortFrame {
  SortState state = SortState::kShown;
};

// Reads what the screen shows.
void load_sort(core::Rekindle& api, core::Day today, SortModel& model);
// Draws the screen into the current window.
SortFrame draw_sort(SortModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                    const platform::InputEvents& events);

}  // namespace rekindle::app
