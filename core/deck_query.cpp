#include "core/deck_query.h"

#include <algorithm>
#include <functional>
#include <map>

#include "core/model.h"

namespace rekindle::core {
namespace {

// A pool row that build_deck would consider on `today`: not decided, not snoozed, and with
// no logged touch in the last kDormantDays (a contact never in touch is always in the pool).
bool dealable(const Store::PoolRow& row, Day today, const DayDecisions& done) {
  if (done.decided.count(row.contact_id)) return false;
  if (row.due && *row.due > today) return false;
  return !row.logged || (row.touched && today - *row.touched >= kDormantDays);
}

// The smallest silence in days from which novelty is a full 1 (novelty() clamps at 1).
int full_novelty_days() {
  int d = static_cast<int>(kNoveltyFullYears * kDaysPerYear);
  while (novelty(d) < 1.0) ++d;
  return d;
}

// Novelty below 1 takes at least this much off V: 0.2·(1 − n) at the largest silence with
// n < 1 (then a little less, for rounding).
double young_margin() {
  const int d = full_novelty_days() - 1;
  return kWeightNovelty * (1.0 - novelty(d)) * 0.5;
}

}  // namespace

Result<Network> load_contacts(Store& store, std::vector<int64_t> ids, const std::optional<Goal>& goal) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  Network net;
  net.goal = goal;
  auto contacts = store.schedule_contacts_in(ids);
  if (!contacts) return make_error(contacts.error());
  std::map<int64_t, size_t> index;
  net.contacts.reserve(contacts->size());
  for (Contact& c : *contacts) {
    index[c.id] = net.contacts.size();
    net.contacts.push_back({std::move(c), {}, "none", "", ""});
  }
  if (ids.empty()) return net;
  auto xs = store.interactions_of(ids);
  if (!xs) return make_error(xs.error());
  for (Interaction& x : *xs)
    if (auto it = index.find(x.contact_id); it != index.end()) net.contacts[it->second].interactions.push_back(std::move(x));
  if (!goal) return net;
  auto links = store.goal_links_of(goal->id, ids);
  if (!links) return make_error(links.error());
  for (GoalLink& link : *links) {
    if (auto it = index.find(link.contact_id); it != index.end()) {
      ContactRecord& r = net.contacts[it->second];
      r.relevance = std::move(link.relevance);
      r.can_help = std::move(link.can_help);
      r.offer = std::move(link.offer);
    }
  }
  return net;
}

Result<std::vector<int64_t>> deck_candidate_ids(Store& store, Day today, const DayDecisions& done, uint64_t seed,
                                                std::optional<int64_t> goal_id) {
  if (Status s = store.refresh_pool_rank(seed, goal_id); !s) return make_error(s.error());
  auto due = store.due_contact_ids(today);
  if (!due) return make_error(due.error());
  std::vector<int64_t> ids;
  ids.reserve(due->size() + kPoolCandidates);
  for (const int64_t id : *due)
    if (!done.decided.count(id)) ids.push_back(id);

  // Contacts silent for full_novelty_days or more (or with no date at all) have V = bound
  // exactly, and pool_rank_order is build_deck's order for them: the first kPoolCandidates
  // dealable ones are the best of them.
  const Day split = today - full_novelty_days();
  std::vector<int64_t> best;
  std::vector<double> values;
  Status st = store.each_pool_row(split, false, [&](const Store::PoolRow& row) {
    if (!dealable(row, today, done)) return true;
    best.push_back(row.contact_id);
    values.push_back(row.bound);
    return static_cast<int>(best.size()) < kPoolCandidates;
  });
  if (!st) return make_error(st.error());
  // The younger ones (a connection of the last three years never written to) have V below
  // their bound by at least young_margin: read them, best bound first, until kPoolCandidates
  // candidates already beat every bound left.
  const double margin = young_margin();
  std::vector<int64_t> young;
  st = store.each_pool_row(split, true, [&](const Store::PoolRow& row) {
    if (static_cast<int>(values.size()) >= kPoolCandidates) {
      std::nth_element(values.begin(), values.begin() + (kPoolCandidates - 1), values.end(), std::greater<>());
      if (values[kPoolCandidates - 1] >= row.bound - margin) return false;
    }
    if (!dealable(row, today, done)) return true;
    const double n = novelty(row.touched ? std::optional<int>(today - *row.touched) : std::nullopt);
    values.push_back(row.bound - kWeightNovelty * (1.0 - n));
    young.push_back(row.contact_id);
    return true;
  });
  if (!st) return make_error(st.error());
  ids.insert(ids.end(), best.begin(), best.end());
  for (const int64_t id : young) ids.push_back(id);
  return ids;
}

Result<Network> load_deck_network(Store& store, Day today, const DayDecisions& done, uint64_t seed) {
  auto goal = store.current_goal();
  if (!goal) return make_error(goal.error());
  auto ids = deck_candidate_ids(store, today, done, seed, *goal ? std::optional<int64_t>((*goal)->id) : std::nullopt);
  if (!ids) return make_error(ids.error());
  return load_contacts(store, std::move(*ids), *goal);
}

}  // namespace rekindle::core
