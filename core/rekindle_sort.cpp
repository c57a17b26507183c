// The API of "Sort your network" (the first-run triage) and of Strategy's people lists.
// Owner: triage. Every call that writes is one transaction, as in rekindle.cpp.
#include <exception>

#include "core/rekindle.h"
#include "core/schedule.h"
#include "core/strategy.h"

namespace rekindle::core {
namespace {

constexpr std::string_view kAnswerNames[kSortAnswerCount] = {"close", "keep", "acquaintance", "unknown"};
constexpr const char* kAnswerTiers[kSortAnswerCount] = {"close", "regular", "wider", "dormant"};

template <typename Body>
Status in_transaction(Store& store, Body&& body) {
  try {
    return store.transaction(std::forward<Body>(body));
  } catch (const std::exception& e) {
    return make_error(std::string("unexpected failure: ") + e.what());
  }
}

std::optional<GoalLink> link_of(const std::vector<GoalLink>& links, int64_t goal_id) {
  for (const GoalLink& l : links)
    if (l.goal_id == goal_id) return l;
  return std::nullopt;
}

}  // namespace

std::string_view sort_answer_name(SortAnswer answer) { return kAnswerNames[static_cast<int>(answer)]; }

std::optional<SortAnswer> sort_answer_from_name(std::string_view name) {
  for (int i = 0; i < kSortAnswerCount; ++i)
    if (kAnswerNames[i] == name) return static_cast<SortAnswer>(i);
  return std::nullopt;
}

const char* sort_answer_tier(SortAnswer answer) { return kAnswerTiers[static_cast<int>(answer)]; }

Result<SortProgress> Rekindle::sort_progress() {
  SortProgress p;
  auto total = store_->active_contact_count();
  if (!total) return make_error(total.error());
  auto sorted = store_->sorted_contact_count();
  if (!sorted) return make_error(sorted.error());
  auto untiered = store_->untiered_unsorted_count();
  if (!untiered) return make_error(untiered.error());
  auto skipped = store_->setting(kSortSkippedSetting);
  if (!skipped) return make_error(skipped.error());
  auto goal = store_->current_goal();
  if (!goal) return make_error(goal.error());
  p.total = *total;
  p.sorted = *sorted;
  p.untiered = *untiered;
  p.skipped = *skipped && **skipped == "1";
  p.has_goal = goal->has_value();
  return p;
}

Result<std::vector<SortCandidate>> Rekindle::sort_queue(int limit) {
  if (limit <= 0) return std::vector<SortCandidate>();
  auto ids = store_->unsorted_contact_ids(limit);
  if (!ids) return make_error(ids.error());
  auto goal = store_->current_goal();
  if (!goal) return make_error(goal.error());
  std::vector<SortCandidate> out;
  out.reserve(ids->size());
  for (int64_t id : *ids) {
    auto rows = store_->schedule_contacts(id);
    if (!rows) return make_error(rows.error());
    if (rows->empty()) continue;
    const Contact& c = rows->front();
    SortCandidate s{c.id, c.name, c.company, c.title, c.tier, c.connected_on, "none", ""};
    if (*goal) {
      auto links = store_->goal_links(id);
      if (!links) return make_error(links.error());
      if (auto l = link_of(*links, (*goal)->id)) {
        s.relevance = l->relevance;
        s.offer = l->offer;
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

Status Rekindle::sort_contact(int64_t contact_id, const SortChoice& choice, Day today) {
  if (static_cast<int>(choice.answer) < 0 || static_cast<int>(choice.answer) >= kSortAnswerCount)
    return make_error("unknown answer");
  return in_transaction(*store_, [&]() -> Status {
    auto contact = store_->schedule_contacts(contact_id);
    if (!contact) return make_error(contact.error());
    if (contact->empty()) return make_error("no contact with id " + std::to_string(contact_id));
    const Contact& c = contact->front();
    if (c.archived) return make_error(c.name + " is archived");
    auto earlier = store_->sort_answer(contact_id);
    if (!earlier) return make_error(earlier.error());
    if (*earlier) return make_error(c.name + " is already sorted");
    auto schedule = store_->scheduling_fields(contact_id);
    if (!schedule) return make_error(schedule.error());
    auto goal = store_->current_goal();
    if (!goal) return make_error(goal.error());

    SortAnswerRow row;
    row.contact_id = contact_id;
    row.answer = choice.answer;
    row.day = today;
    row.before_tier = c.tier;
    row.before_listed = c.listed_since;
    row.before_schedule = **schedule;

    ContactEdit edit;
    edit.tier = sort_answer_tier(choice.answer);
    if (*goal) {
      auto links = store_->goal_links(contact_id);
      if (!links) return make_error(links.error());
      const std::optional<GoalLink> before = link_of(*links, (*goal)->id);
      const bool was_relevant = before && before->relevance != "none";
      // Marked as a helper: high; a helper no longer marked: none; otherwise unchanged, so
      // a relevance set by hand ("some") is not lost by a quick pass.
      if (choice.could_help && !was_relevant) edit.relevance = "high";
      if (!choice.could_help && was_relevant) edit.relevance = "none";
      if (!choice.offer.empty()) edit.offer = choice.offer;
      if (edit.relevance || edit.offer) {
        row.goal_id = (*goal)->id;
        row.before_link = before.has_value();
        if (before) {
          row.before_relevance = before->relevance;
          row.before_can_help = before->can_help;
          row.before_offer = before->offer;
        }
      }
    } else if (choice.could_help || !choice.offer.empty()) {
      return make_error("write your goal first: who could help, and what you offer, is for a goal");
    }
    if (Status s = core::edit_contact(*store_, contact_id, edit, today); !s) return s;
    return store_->insert_sort_answer(row);
  });
}

Result<std::optional<int64_t>> Rekindle::undo_sort() {
  std::optional<int64_t> undone;
  Status s = in_transaction(*store_, [&]() -> Status {
    auto latest = store_->latest_sort_answer();
    if (!latest) return make_error(latest.error());
    if (!*latest) return Status::success();
    const SortAnswerRow& a = **latest;
    auto found = store_->contact(a.contact_id);
    if (!found) return make_error(found.error());
    if (*found) {
      Contact c = std::move(**found);
      c.tier = a.before_tier;
      c.listed_since = a.before_listed;
      if (Status st = store_->update_contact(c); !st) return st;
      // The schedule as it was, not a fresh one: undo restores, it does not replay.
      if (Status st = store_->set_scheduling_fields(a.contact_id, a.before_schedule); !st) return st;
      if (a.goal_id) {
        Status st = a.before_link ? store_->upsert_goal_link({a.contact_id, *a.goal_id, a.before_relevance,
                                                               a.before_can_help, a.before_offer})
                                  : store_->delete_goal_link(a.contact_id, *a.goal_id);
        if (!st) return st;
      }
    }
    if (Status st = store_->delete_sort_answer(a.contact_id); !st) return st;
    undone = a.contact_id;
    return Status::success();
  });
  if (!s) return make_error(s.error());
  return undone;
}

Status Rekindle::set_sort_skipped(bool skipped) {
  return in_transaction(*store_, [&] { return store_->set_setting(kSortSkippedSetting, skipped ? "1" : "0"); });
}

Result<StrategyPeople> Rekindle::strategy_people(int limit) {
  StrategyPeople out;
  auto goal = store_->current_goal();
  if (!goal) return make_error(goal.error());
  out.goal = *goal;
  if (!out.goal) return out;
  const int64_t goal_id = out.goal->id;
  for (bool without_offer : {false, true}) {
    auto count = store_->relevant_link_count(goal_id, without_offer);
    if (!count) return make_error(count.error());
    auto links = store_->relevant_links(goal_id, without_offer, limit);
    if (!links) return make_error(links.error());
    std::vector<StrategyEntry>& list = without_offer ? out.without_offer : out.relevant;
    (without_offer ? out.without_offer_total : out.relevant_total) = *count;
    for (const GoalLink& l : *links) {
      auto rows = store_->schedule_contacts(l.contact_id);
      if (!rows) return make_error(rows.error());
      if (rows->empty()) continue;
      const Contact& c = rows->front();
      list.push_back({c.id, c.name, c.company, c.title, l.relevance, l.can_help, l.offer});
    }
  }
  return out;
}

}  // namespace rekindle::core
