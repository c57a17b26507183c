#include "core/rekindle.h"

#include <algorithm>
#include <cctype>
#include <exception>

#include "core/compose_context.h"
#include "core/contact_merge.h"
#include "core/exporter.h"
#include "core/model.h"
#include "core/schedule.h"

namespace rekindle::core {
namespace {

std::string trimmed(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return std::string(s.substr(a, b - a));
}

// Runs body as one write transaction and returns what it produced. The API's calls all go
// through here, so none of them can leave a half-written change or let an exception out.
template <typename T, typename Body>
Result<T> in_transaction(Store& store, Body&& body) {
  std::optional<T> out;
  Status s = Status::success();
  try {
    s = store.transaction([&]() -> Status {
      Result<T> r = body();
      if (!r) return make_error(r.error());
      out = std::move(*r);
      return Status::success();
    });
  } catch (const std::exception& e) {
    return make_error(std::string("unexpected failure: ") + e.what());
  }
  if (!s) return make_error(s.error());
  return std::move(*out);
}

template <typename Body>
Status in_transaction(Store& store, Body&& body) {
  try {
    return store.transaction(std::forward<Body>(body));
  } catch (const std::exception& e) {
    return make_error(std::string("unexpected failure: ") + e.what());
  }
}

// Reads that can throw (a damaged JSON value, an allocation) report instead.
template <typename T, typename Body>
Result<T> guarded(Body&& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    return make_error(std::string("unexpected failure: ") + e.what());
  }
}

Result<Goal> find_goal(Store& store, int64_t goal_id) {
  auto goals = store.goals(true);
  if (!goals) return make_error(goals.error());
  for (const Goal& g : *goals)
    if (g.id == goal_id) return g;
  return make_error("no goal with id " + std::to_string(goal_id));
}

Result<Contact> find_contact(Store& store, int64_t contact_id) {
  auto found = store.contact(contact_id);
  if (!found) return make_error(found.error());
  if (!*found) return make_error("no contact with id " + std::to_string(contact_id));
  return std::move(**found);
}

// 0 for the closest tier (inner) up to the dormant pool.
int tier_rank(const std::string& tier) {
  int rank = 0;
  for (const char* name : kTierNames) {
    if (tier == name) return rank;
    ++rank;
  }
  return rank;
}

// The two links of one goal as one: the stronger relevance, and each text kept (joined when
// both wrote something different).
GoalLink merged_link(GoalLink keep, const GoalLink& other) {
  auto rank = [](const std::string& r) { return r == "high" ? 2 : r == "some" ? 1 : 0; };
  if (rank(other.relevance) > rank(keep.relevance)) keep.relevance = other.relevance;
  auto join = [](std::string& into, const std::string& from) {
    if (from.empty() || into == from) return;
    into = into.empty() ? from : into + "; " + from;
  };
  join(keep.can_help, other.can_help);
  join(keep.offer, other.offer);
  return keep;
}

}  // namespace

Result<std::unique_ptr<Rekindle>> Rekindle::open(const std::string& path) {
  auto store = Store::open(path);
  if (!store) return make_error(store.error());
  return std::unique_ptr<Rekindle>(new Rekindle(std::move(*store)));
}

Result<std::unique_ptr<Rekindle>> Rekindle::open_in_memory() {
  auto store = Store::open_in_memory();
  if (!store) return make_error(store.error());
  return std::unique_ptr<Rekindle>(new Rekindle(std::move(*store)));
}

std::unique_ptr<Rekindle> Rekindle::adopt(std::unique_ptr<Store> store) {
  return std::unique_ptr<Rekindle>(new Rekindle(std::move(store)));
}

// ---- Contacts --------------------------------------------------------------------------

Result<int64_t> Rekindle::add_contact(Contact contact, Day today) {
  contact.name = trimmed(contact.name);
  if (contact.name.empty()) return make_error("a contact needs a name");
  if (!is_valid_tier(contact.tier)) return make_error("unknown tier '" + contact.tier + "'");
  if (contact.source.empty()) contact.source = "manual";
  // A new contact has no silence before its tier: listed_since stays unknown, and it is on
  // the list until its first touch (logged, imported, or a past one entered by hand).
  contact.listed_since.reset();
  return in_transaction<int64_t>(*store_, [&]() -> Result<int64_t> {
    auto id = store_->insert_contact(contact);
    if (!id) return id;
    // A new contact with a tier and no history has no due day: the deck shows it at once,
    // whatever the day (the dormant pool is never scheduled).
    if (Status s = reschedule_contact(*store_, *id, today); !s) return make_error(s.error());
    return id;
  });
}

Status Rekindle::edit_contact(int64_t contact_id, const ContactEdit& edit, Day today) {
  return in_transaction(*store_, [&] { return core::edit_contact(*store_, contact_id, edit, today); });
}

Status Rekindle::update_contact(const Contact& contact, Day today) {
  if (trimmed(contact.name).empty()) return make_error("a contact needs a name");
  if (!is_valid_tier(contact.tier)) return make_error("unknown tier '" + contact.tier + "'");
  return in_transaction(*store_, [&]() -> Status {
    auto stored = find_contact(*store_, contact.id);
    if (!stored) return make_error(stored.error());
    Contact c = contact;
    c.name = trimmed(contact.name);
    // The scheduling state belongs to the review, not to an edit of the person.
    c.due = stored->due;
    c.starred = stored->starred;
    c.archived = stored->archived;
    c.snooze_streak = stored->snooze_streak;
    c.listed_since = stored->listed_since;
    if (c.tier != stored->tier || c.cadence_days != stored->cadence_days) note_listing_change(*stored, c, today);
    if (Status s = store_->update_contact(c); !s) return s;
    // A new title or company is news a draft may congratulate on (issue 11).
    if (auto change = job_change_between(*stored, c, today))
      if (Status s = store_->insert_job_change(*change); !s) return s;
    // Only the tier and cadence move the due day; a snooze or star stays as decided.
    if (c.tier == stored->tier && c.cadence_days == stored->cadence_days) return Status::success();
    return reschedule_contact(*store_, c.id, today);
  });
}

Status Rekindle::merge_contacts(int64_t keep_id, int64_t duplicate_id, Day today) {
  return merge_contacts(keep_id, duplicate_id, MergeChoices{}, today);
}

Status Rekindle::merge_contacts(int64_t keep_id, int64_t duplicate_id, const MergeChoices& choices, Day today) {
  for (const auto* list : {&choices.from_duplicate, &choices.from_kept})
    for (const std::string& field : *list) {
      Contact probe;
      if (!copy_merge_field(probe, probe, field)) return make_error("unknown merge field '" + field + "'");
    }
  if (keep_id == duplicate_id) return make_error("a contact cannot be merged with itself");
  return in_transaction(*store_, [&]() -> Status {
    auto keep = find_contact(*store_, keep_id);
    if (!keep) return make_error(keep.error());
    auto duplicate = find_contact(*store_, duplicate_id);
    if (!duplicate) return make_error(duplicate.error());
    merge_contact(*keep, *duplicate);
    // The kept contact stays in the review if either one does.
    keep->starred = keep->starred || duplicate->starred;
    keep->archived = keep->archived && duplicate->archived;
    if (!keep->cadence_days) keep->cadence_days = duplicate->cadence_days;
    if (!keep->trust) keep->trust = duplicate->trust;
    if (tier_rank(duplicate->tier) < tier_rank(keep->tier)) {
      keep->tier = duplicate->tier;  // the closer one, listed since the duplicate was
      keep->listed_since = duplicate->listed_since;
    }
    if (has_target_layer(*keep) && !keep->listed_since) keep->listed_since = duplicate->listed_since;
    if (duplicate->connected_on && (!keep->connected_on || *duplicate->connected_on < *keep->connected_on))
      keep->connected_on = duplicate->connected_on;
    // The user's choices, field by field, over the rules above (the stored kept contact is
    // re-read: merge_contact has already filled its empty fields).
    if (!choices.from_kept.empty()) {
      auto original = find_contact(*store_, keep_id);
      if (!original) return make_error(original.error());
      for (const std::string& field : choices.from_kept) copy_merge_field(*keep, *original, field);
    }
    for (const std::string& field : choices.from_duplicate) copy_merge_field(*keep, *duplicate, field);
    if (trimmed(keep->name).empty()) keep->name = duplicate->name;  // a contact always has a name
    if (!is_valid_tier(keep->tier)) return make_error("unknown tier '" + keep->tier + "'");
    if (Status s = store_->update_contact(*keep); !s) return s;
    auto theirs = store_->goal_links(duplicate_id);
    if (!theirs) return make_error(theirs.error());
    auto mine = store_->goal_links(keep_id);
    if (!mine) return make_error(mine.error());
    for (GoalLink link : *theirs) {
      link.contact_id = keep_id;
      for (const GoalLink& m : *mine)
        if (m.goal_id == link.goal_id) link = merged_link(m, link);
      if (Status s = store_->upsert_goal_link(link); !s) return s;
    }
    if (Status s = store_->move_history(duplicate_id, keep_id); !s) return s;
    if (Status s = store_->delete_contact(duplicate_id); !s) return s;
    return reschedule_contact(*store_, keep_id, today);
  });
}

Result<std::vector<ContactRow>> Rekindle::contacts(const std::string& search, Day today) {
  return guarded<std::vector<ContactRow>>([&]() -> Result<std::vector<ContactRow>> {
    auto contacts = store_->contacts(search);
    if (!contacts) return make_error(contacts.error());
    auto all = store_->all_interactions();
    if (!all) return make_error(all.error());
    const auto& xs = *all;
    std::vector<ContactRow> rows;
    rows.reserve(contacts->size());
    for (Contact& c : *contacts) {
      // Interactions come sorted by contact id, contacts by name: look each range up.
      auto first = std::lower_bound(xs.begin(), xs.end(), c.id,
                                    [](const Interaction& x, int64_t id) { return x.contact_id < id; });
      auto last =
          std::upper_bound(first, xs.end(), c.id, [](int64_t id, const Interaction& x) { return id < x.contact_id; });
      const std::span<const Interaction> log(first, last);
      ContactRow row;
      row.warmth = warmth_on(c, log, today);
      row.last_touch = last_touch(c, log);
      row.contact = std::move(c);
      rows.push_back(std::move(row));
    }
    return rows;
  });
}

Result<int64_t> Rekindle::contact_count() { return store_->contact_count(); }

Result<ContactDetail> Rekindle::contact(int64_t contact_id, Day today) {
  ContactDetail d;
  auto c = find_contact(*store_, contact_id);
  if (!c) return make_error(c.error());
  d.contact = std::move(*c);
  auto xs = store_->interactions(contact_id);
  if (!xs) return make_error(xs.error());
  d.interactions = std::move(*xs);
  auto links = store_->goal_links(contact_id);
  if (!links) return make_error(links.error());
  d.goal_links = std::move(*links);
  d.warmth = warmth_on(d.contact, d.interactions, today);
  d.last_touch = last_touch(d.contact, d.interactions);
  d.history = history_words(d.contact, d.interactions, today);
  return d;
}

// ---- Touches ---------------------------------------------------------------------------

Result<Interaction> Rekindle::log_touch(Interaction interaction, Day today) {
  return in_transaction<Interaction>(*store_, [&]() -> Result<Interaction> {
    auto id = core::log_touch(*store_, interaction, today);
    if (!id) return make_error(id.error());
    interaction.id = *id;
    return interaction;
  });
}

Result<int64_t> Rekindle::log_sent(int64_t contact_id, const Draft& draft, Day day) {
  // A draft still holding "[link]" would go out with a hole in it (issue 11).
  if (auto reason = unsendable_reason(draft)) return make_error(*reason);
  const std::string note = draft.subject.empty() ? draft.template_name : draft.subject;
  return in_transaction<int64_t>(*store_, [&] {
    return log_sent_message(*store_, contact_id, day, interaction_channel(draft.channel), draft.kind, note);
  });
}

Status Rekindle::record_outcome(int64_t interaction_id, int grade, Day today) {
  return in_transaction(*store_, [&] { return core::record_outcome(*store_, interaction_id, grade, today); });
}

// ---- Daily review ----------------------------------------------------------------------

Result<ReviewSession> Rekindle::open_review(Day today) {
  return guarded<ReviewSession>([&] { return ReviewSession::open(*store_, today); });
}

Result<std::vector<Card>> Rekindle::deck(Day today, int limit) {
  if (limit <= 0) {
    auto setting = core::daily_limit(*store_);
    if (!setting) return make_error(setting.error());
    limit = *setting;
  }
  return guarded<std::vector<Card>>([&] { return todays_deck(*store_, today, limit); });
}

Result<DayDecisions> Rekindle::decisions_on(Day day) { return core::decisions_on(*store_, day); }

Result<std::optional<DecisionOutcome>> Rekindle::undo() {
  return guarded<std::optional<DecisionOutcome>>([&] { return undo_last_decision(*store_); });
}

Result<int> Rekindle::daily_limit() { return core::daily_limit(*store_); }

Status Rekindle::set_daily_limit(int limit) {
  try {
    return core::set_daily_limit(*store_, limit);
  } catch (const std::exception& e) {
    return make_error(std::string("unexpected failure: ") + e.what());
  }
}

Result<SessionSummary> Rekindle::session_summary(Day today) {
  auto limit = core::daily_limit(*store_);
  if (!limit) return make_error(limit.error());
  return guarded<SessionSummary>([&] { return core::session_summary(*store_, today, *limit); });
}

// ---- Goals and strategy ----------------------------------------------------------------

Result<Goal> Rekindle::add_goal(Goal goal) {
  goal.text = trimmed(goal.text);
  if (goal.text.empty()) return make_error("the goal text must not be empty");
  return in_transaction<Goal>(*store_, [&]() -> Result<Goal> {
    auto current = store_->current_goal();
    if (!current) return make_error(current.error());
    goal.current = !current->has_value();  // the first goal becomes the current one
    goal.archived = false;
    auto id = store_->insert_goal(goal);
    if (!id) return make_error(id.error());
    goal.id = *id;
    return goal;
  });
}

Result<Goal> Rekindle::edit_goal(int64_t goal_id, const GoalEdit& edit) {
  if (edit.text && trimmed(*edit.text).empty()) return make_error("the goal text must not be empty");
  return in_transaction<Goal>(*store_, [&]() -> Result<Goal> {
    auto goal = find_goal(*store_, goal_id);
    if (!goal) return goal;
    if (edit.text) goal->text = trimmed(*edit.text);
    if (edit.target) goal->target = *edit.target;
    if (edit.deadline) goal->deadline = edit.deadline;
    if (Status s = store_->update_goal(*goal); !s) return make_error(s.error());
    return goal;
  });
}

Result<Goal> Rekindle::set_current_goal(int64_t goal_id) {
  return in_transaction<Goal>(*store_, [&]() -> Result<Goal> {
    auto goal = find_goal(*store_, goal_id);
    if (!goal) return goal;
    if (goal->archived) return make_error("goal " + std::to_string(goal_id) + " is archived");
    if (Status s = store_->set_current_goal(goal_id); !s) return make_error(s.error());
    goal->current = true;
    return goal;
  });
}

Result<Goal> Rekindle::archive_goal(int64_t goal_id) {
  return in_transaction<Goal>(*store_, [&]() -> Result<Goal> {
    auto goal = find_goal(*store_, goal_id);
    if (!goal) return goal;
    goal->archived = true;
    goal->current = false;
    if (Status s = store_->update_goal(*goal); !s) return make_error(s.error());
    return goal;
  });
}

Result<std::vector<Goal>> Rekindle::goals(bool include_archived) { return store_->goals(include_archived); }

Result<std::vector<GoalSummary>> Rekindle::goal_summaries() {
  auto goals = store_->goals();
  if (!goals) return make_error(goals.error());
  auto links = store_->all_goal_links();
  if (!links) return make_error(links.error());
  std::vector<GoalSummary> out;
  for (const Goal& g : *goals) {
    GoalSummary summary{g};
    for (const GoalLink& link : *links) {
      if (link.goal_id != g.id || link.relevance == "none") continue;
      summary.relevant_contacts++;
      if (link.offer.empty()) summary.without_offer++;
    }
    out.push_back(std::move(summary));
  }
  return out;
}

Result<StrategyReport> Rekindle::strategy() { return strategy_report(*store_); }

// ---- Settings --------------------------------------------------------------------------

Result<std::optional<std::string>> Rekindle::setting(const std::string& key) { return store_->setting(key); }

Status Rekindle::set_setting(const std::string& key, const std::string& value) {
  if (key.empty()) return make_error("a setting needs a name");
  return in_transaction(*store_, [&] { return store_->set_setting(key, value); });
}

// ---- Import and export -----------------------------------------------------------------

Result<ImportReport> Rekindle::import_files(const std::vector<std::string>& paths, const ImportOptions& options) {
  return guarded<ImportReport>([&] { return core::import_files(*store_, paths, options); });
}

Result<ImportReport> Rekindle::import_sources(const std::vector<ImportSource>& sources, const ImportOptions& options) {
  return guarded<ImportReport>([&] { return core::import_sources(*store_, sources, options); });
}

Result<std::string> Rekindle::export_all(std::string_view format, Day today) {
  return guarded<std::string>([&] { return export_contacts(*store_, format, today); });
}

// ---- Drafts ----------------------------------------------------------------------------

Result<ComposeContext> Rekindle::compose_context(int64_t contact_id, Day today) {
  return load_compose_context(*store_, contact_id, today);
}

Result<Draft> Rekindle::draft(const TemplateSet& templates, int64_t contact_id, const DraftRequest& request,
                              Day today) {
  auto context = load_compose_context(*store_, contact_id, today);
  if (!context) return make_error(context.error());
  return compose(templates, *context, request);
}

// ---- Insights --------------------------------------------------------------------------

Result<NetworkStats> Rekindle::stats(Day today) {
  return guarded<NetworkStats>([&] { return compute_stats(*store_, today); });
}

}  // namespace rekindle::core
