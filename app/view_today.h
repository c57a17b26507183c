#pragma once
// The Today screen: what the user sees first. Drawn from a small model filled from core's
// review session; swiping the deck (issue 5) drives that same session.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/theme.h"
#include "core/date.h"
#include "core/schedule.h"
#include "core/store.h"

namespace rekindle::app {

enum class TodayState {
  kError,        // the store could not be read
  kNoContacts,   // nothing imported yet: explain how to import
  kAllCaughtUp,  // contacts exist but nothing (more) to review today
  kDeck,         // the top card of today's deck, the next one peeking behind
};

struct TodayModel {
  TodayState state = TodayState::kNoContacts;
  core::Day day;
  int64_t contact_count = 0;
  std::vector<core::Card> cards;  // the top card and the one after it, from core's review session
  std::string progress;           // "4 / 10"
  int remaining = 0;              // cards left in today's deck
  int reviewed = 0;               // decisions already made today
  std::string error;
};

// Reads what Today shows on day from the store.
TodayModel load_today(core::Store& store, core::Day day);
// Draws the Today screen into the current window; returns the state it drew.
TodayState draw_today(const TodayModel& model, const Theme& theme);

// "last talked 14 months ago" style wording for days since the last touch.
std::string time_since_label(std::optional<int> days);
// "Tuesday, 25 November" for a heading.
std::string long_date_label(core::Day day);

}  // namespace rekindle::app
