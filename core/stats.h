#pragma once
// The insight figures: network health, reach-outs per week, give/ask balance, streak and the
// due forecast. Pure over a loaded Network, plus one call that reads the store.
#include <span>
#include <vector>

#include "core/result.h"
#include "core/schedule.h"
#include "core/store.h"

namespace rekindle::core {

inline constexpr int kStatsWeeks = 12;
inline constexpr int kForecastDays = 14;

// Health buckets: health_of() and health_name() in core/model.h, by the same warmth W that
// the card and the contacts list show.

struct NetworkStats {
  int contacts = 0;  // all, archived included: warm + cooling + cold + dormant
  int warm = 0, cooling = 0, cold = 0, dormant = 0;
  int archived = 0, starred = 0;
  int streak_days = 0;
  std::vector<int> reach_outs_by_week;  // 12 weeks, oldest first; the last is the 7 days to today
  int give = 0, ask = 0, inbound = 0;   // touchpoints of each kind, all time
  std::vector<int> due_next_14_days;    // [0]: due today or overdue; [i]: due on today + i
  int relevant_without_offer = 0;       // relevant to the current goal, nothing to offer yet
};

// The figures of a network on a day, with the streak computed elsewhere. Contacts back on
// the list (ready, not due) enter the forecast as the deck deals them: daily_limit − 2 a day.
NetworkStats network_stats(const Network& network, Day today, int streak_days, int daily_limit = kDefaultDailyLimit);
// Loads the store and computes the figures for today.
Result<NetworkStats> compute_stats(Store& store, Day today);

}  // namespace rekindle::core
