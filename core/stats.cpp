#include "core/stats.h"

#include <algorithm>

#include "core/review_session.h"

namespace rekindle::core {

NetworkStats network_stats(const Network& net, Day today, int streak_days, int daily_limit) {
  int listed_ready = 0;
  NetworkStats st;
  st.streak_days = streak_days;
  st.reach_outs_by_week.assign(kStatsWeeks, 0);
  st.due_next_14_days.assign(kForecastDays, 0);
  for (const ContactRecord& r : net.contacts) {
    const Contact& c = r.contact;
    for (const Interaction& x : r.interactions) {
      if (x.kind == "give")
        ++st.give;
      else if (x.kind == "ask")
        ++st.ask;
      else if (x.kind == "inbound")
        ++st.inbound;
      const int age = today - x.date;
      if (x.kind != "inbound" && age >= 0 && age < kStatsWeeks * 7) ++st.reach_outs_by_week[kStatsWeeks - 1 - age / 7];
    }
    // Every contact counts in the health figures, so they add up to `contacts`; archived ones
    // are also counted apart and leave the forecast.
    ++st.contacts;
    if (c.archived) ++st.archived;
    if (c.starred && !c.archived) ++st.starred;
    // A relational networker gives first: count who matters for the goal but gets nothing yet.
    if (!c.archived && r.relevance != "none" && r.offer.empty()) ++st.relevant_without_offer;
    switch (health_of(c, r.interactions, today)) {
      case Health::warm:
        ++st.warm;
        break;
      case Health::cooling:
        ++st.cooling;
        break;
      case Health::cold:
        ++st.cold;
        break;
      case Health::dormant:
        ++st.dormant;
        break;
    }
    if (has_target_layer(c) && !c.archived) {
      if (back_on_list(c, r.interactions) && (!c.due || *c.due <= today)) {
        ++listed_ready;  // placed below, at the pace the deck deals them
        continue;
      }
      const int in = c.due ? *c.due - today : 0;
      if (in < kForecastDays) ++st.due_next_14_days[static_cast<size_t>(std::max(0, in))];
    }
  }
  // A freshly sorted network is not "60 due today": the deck deals them a day's room at a
  // time, keeping the reactivation slots.
  const int pace = std::max(1, daily_limit - kMaxReactivationsPerDay);
  for (int d = 0; d < kForecastDays && listed_ready > 0; ++d) {
    const int n = std::min(pace, listed_ready);
    st.due_next_14_days[static_cast<size_t>(d)] += n;
    listed_ready -= n;
  }
  return st;
}

Result<NetworkStats> compute_stats(Store& store, Day today) {
  auto net = load_network(store);
  if (!net) return make_error(net.error());
  auto streak = review_streak(store, today);
  if (!streak) return make_error(streak.error());
  auto limit = daily_limit(store);
  if (!limit) return make_error(limit.error());
  return network_stats(*net, today, *streak, *limit);
}

}  // namespace rekindle::core
