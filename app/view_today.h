#pragma once
// The Today screen: what the user sees first. Drawn from a small model so the deck of
// issue 5 (fed by core's review session) can slot in as one more state.
#include <cstdint>
#include <string>

#include "app/theme.h"
#include "core/date.h"
#include "core/store.h"

namespace rekindle::app {

enum class TodayState {
  kError,        // the store could not be read
  kNoContacts,   // nothing imported yet: explain how to import
  kAllCaughtUp,  // contacts exist but nothing to review today
};

struct TodayModel {
  TodayState state = TodayState::kNoContacts;
  core::Day day;
  int64_t contact_count = 0;
  std::string error;
};

// Reads what Today shows on day from the store.
TodayModel load_today(core::Store& store, core::Day day);
// Draws the Today screen into the current window; returns the state it drew.
TodayState draw_today(const TodayModel& model, const Theme& theme);

// "Tuesday, 25 November" for a heading.
std::string long_date_label(core::Day day);

}  // namespace rekindle::app
