#include "core/strategy.h"

#include <algorithm>

#include "core/model.h"
#include "core/schedule.h"

namespace rekindle::core {

Status edit_contact(Store& store, int64_t contact_id, const ContactEdit& edit, Day today) {
  auto found = store.contact(contact_id);
  if (!found) return make_error(found.error());
  if (!*found) return make_error("no contact with id " + std::to_string(contact_id));
  Contact c = std::move(**found);
  const Contact before = c;
  bool schedule_changed = false;
  if (edit.tier) {
    if (!is_valid_tier(*edit.tier)) return make_error("unknown tier '" + *edit.tier + "'");
    schedule_changed |= c.tier != *edit.tier;
    c.tier = *edit.tier;
  }
  if (edit.cadence_days) {
    if (*edit.cadence_days < 0 || *edit.cadence_days > 3650)
      return make_error("cadence must be between 1 and 3650 days (0 clears it)");
    const std::optional<int> cadence = *edit.cadence_days ? edit.cadence_days : std::nullopt;
    schedule_changed |= c.cadence_days != cadence;
    c.cadence_days = cadence;
  }
  if (edit.trust) {
    if (!(*edit.trust >= 0.0 && *edit.trust <= 1.0)) return make_error("trust must be between 0 and 1");
    c.trust = edit.trust;
  }
  for (const auto& tag : edit.add_tags)
    if (!tag.empty() && std::find(c.tags.begin(), c.tags.end(), tag) == c.tags.end()) c.tags.push_back(tag);
  if (edit.note && !edit.note->empty()) c.notes += (c.notes.empty() ? "" : "\n\n") + *edit.note;
  if (edit.topic) c.topic = *edit.topic;
  if (schedule_changed) note_listing_change(before, c, today);
  if (Status s = store.update_contact(c); !s) return s;

  if (edit.relevance || edit.can_help || edit.offer) {
    if (edit.relevance && *edit.relevance != "none" && *edit.relevance != "some" && *edit.relevance != "high")
      return make_error("relevance must be none, some or high");
    auto goal = store.current_goal();
    if (!goal) return make_error(goal.error());
    if (!*goal) return make_error("no current goal: add one first with: rekindle goal add \"...\"");
    GoalLink link{contact_id, (*goal)->id, "none", "", ""};
    auto links = store.goal_links(contact_id);
    if (!links) return make_error(links.error());
    for (const auto& l : *links)
      if (l.goal_id == link.goal_id) link = l;
    if (edit.relevance) link.relevance = *edit.relevance;
    if (edit.can_help) link.can_help = *edit.can_help;
    if (edit.offer) link.offer = *edit.offer;
    if (Status s = store.upsert_goal_link(link); !s) return s;
  }
  // Goal relevance and trust change the value score, which the deck reads live; tier and
  // cadence change the due day, which is stored.
  if (schedule_changed) return reschedule_contact(store, contact_id, today);
  return Status::success();
}

Result<StrategyReport> strategy_report(Store& store) {
  StrategyReport report;
  auto goal = store.current_goal();
  if (!goal) return make_error(goal.error());
  report.goal = *goal;
  if (!report.goal) return report;
  auto links = store.all_goal_links();
  if (!links) return make_error(links.error());
  for (const GoalLink& l : *links) {
    if (l.goal_id != report.goal->id || l.relevance == "none") continue;
    auto c = store.contact(l.contact_id);
    if (!c) return make_error(c.error());
    if (!*c || (*c)->archived) continue;
    StrategyEntry e{l.contact_id, (*c)->name, (*c)->company, (*c)->title, l.relevance, l.can_help, l.offer};
    report.relevant.push_back(e);
  }
  std::stable_sort(report.relevant.begin(), report.relevant.end(), [](const auto& a, const auto& b) {
    return (a.relevance == "high") > (b.relevance == "high");
  });
  for (const auto& e : report.relevant)
    if (e.offer.empty()) report.without_offer.push_back(e);
  return report;
}

}  // namespace rekindle::core
