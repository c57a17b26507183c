#pragma once
// The contact details screen: every field editable, the timeline, un-archive, merge.
// Owner: details.
#include <cstdint>
#include <string>

#include "app/theme.h"
#include "core/date.h"
#include "core/rekindle.h"
#include "platform/input.h"

namespace rekindle::app {

enum class DetailsState {
  kError,  // the store could not be read
  kShown,
};

struct DetailsModel {
  int64_t contact_id = 0;  // the contact shown (details), 0 when none
  std::string error;
};

// What one frame of the screen did.
struct DetailsFrame {
  DetailsState state = DetailsState::kShown;
};

// Reads what the screen shows.
void load_details(core::Rekindle& api, core::Day today, DetailsModel& model);
// Draws the screen into the current window.
DetailsFrame draw_details(DetailsModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                    const platform::InputEvents& events);

}  // namespace rekindle::app
