#include "core/review_session.h"

#include <limits>
#include <nlohmann/json.hpp>

#include "core/deck_query.h"

namespace rekindle::core {
namespace {

using nlohmann::json;

// What a decision row keeps of the moment before it: the contact's scheduling fields and
// which kind of card it was (reactivations count against their own daily slots).
struct BeforeState {
  SchedulingFields fields;
  CardKind card = CardKind::due;
};

std::string before_state_json(const BeforeState& before) {
  const SchedulingFields& f = before.fields;
  json j = {{"due", f.due ? json(format_iso_day(*f.due)) : json(nullptr)},
            {"starred", f.starred},
            {"archived", f.archived},
            {"snooze_streak", f.snooze_streak},
            {"last_interaction_id", f.last_interaction_id},
            {"card", card_kind_name(before.card)}};
  return j.dump();
}

// Reads an optional field of a before-state; false when it is there with the wrong type.
bool read_bool(const json& j, const char* key, bool& out) {
  const auto it = j.find(key);
  if (it == j.end()) return true;
  if (!it->is_boolean()) return false;
  out = it->get<bool>();
  return true;
}
bool read_integer(const json& j, const char* key, int64_t min, int64_t max, int64_t& out) {
  const auto it = j.find(key);
  if (it == j.end()) return true;
  if (it->is_number_unsigned()) {
    if (it->get<uint64_t>() > static_cast<uint64_t>(max)) return false;
  } else if (!it->is_number_integer()) {
    return false;
  }
  const auto value = it->get<int64_t>();
  if (value < min || value > max) return false;
  out = value;
  return true;
}

// Parses a stored before-state. A record this code did not write (a damaged file, a field
// of the wrong type) is an error, never an exception: undo must fail cleanly.
Result<BeforeState> parse_before_state(const std::string& text) {
  const auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return make_error("damaged decision record: " + text);
  auto damaged = [&](const char* field) {
    return make_error(std::string("damaged decision record: bad ") + field + " in " + text);
  };
  BeforeState b;
  SchedulingFields& f = b.fields;
  if (const auto due = j.find("due"); due != j.end() && !due->is_null()) {
    if (!due->is_string()) return damaged("due day");
    f.due = parse_iso_day(due->get_ref<const std::string&>());
    if (!f.due) return damaged("due day");
  }
  int64_t streak = 0;
  if (!read_bool(j, "starred", f.starred)) return damaged("starred");
  if (!read_bool(j, "archived", f.archived)) return damaged("archived");
  if (!read_integer(j, "snooze_streak", 0, std::numeric_limits<int>::max(), streak)) return damaged("snooze_streak");
  f.snooze_streak = static_cast<int>(streak);
  if (!read_integer(j, "last_interaction_id", 0, std::numeric_limits<int64_t>::max(), f.last_interaction_id))
    return damaged("last_interaction_id");
  if (const auto card = j.find("card"); card != j.end()) {
    if (!card->is_string()) return damaged("card");
    if (card->get_ref<const std::string&>() == card_kind_name(CardKind::reactivation)) b.card = CardKind::reactivation;
  }
  return b;
}

// The fields that taking back a decision restores: its before-state, except that a touch
// logged after the decision (not through it) keeps the due day and the cleared snooze
// streak it brought, as they were before the undo.
Result<SchedulingFields> fields_to_restore(Store& store, int64_t contact_id, const SchedulingFields& before) {
  auto now = store.scheduling_fields(contact_id);
  if (!now) return make_error(now.error());
  SchedulingFields restored = before;
  if (*now && (*now)->last_interaction_id > before.last_interaction_id) {
    restored.due = (*now)->due;
    restored.snooze_streak = 0;
    restored.last_interaction_id = (*now)->last_interaction_id;
  }
  return restored;
}

// The outcome of a decision that left the contact with `after`.
DecisionOutcome outcome_of(int64_t decision_id, Direction direction, int64_t contact_id, std::string name, Day day,
                           const SchedulingFields& after) {
  DecisionOutcome out;
  out.decision_id = decision_id;
  out.direction = direction;
  out.contact_id = contact_id;
  out.name = std::move(name);
  out.day = day;
  out.due = after.due;
  out.snooze_streak = after.snooze_streak;
  out.suggest_rethink = suggests_rethink(direction, after.snooze_streak);
  return out;
}

}  // namespace

Result<int> daily_limit(Store& store) {
  auto text = store.setting("daily_limit");
  if (!text) return make_error(text.error());
  if (!*text) return kDefaultDailyLimit;
  int limit = 0;
  for (char ch : **text) {
    if (ch < '0' || ch > '9' || limit > kMaxDailyLimit) return kDefaultDailyLimit;  // a damaged value: the default
    limit = limit * 10 + (ch - '0');
  }
  return limit >= 1 && limit <= kMaxDailyLimit ? limit : kDefaultDailyLimit;
}

Status set_daily_limit(Store& store, int limit) {
  if (limit < 1 || limit > kMaxDailyLimit)
    return make_error("the daily limit must be 1.." + std::to_string(kMaxDailyLimit) + ", got " +
                      std::to_string(limit));
  return store.transaction([&] { return store.set_setting("daily_limit", std::to_string(limit)); });
}

Result<int> default_snooze_days(Store& store) {
  auto text = store.setting("default_snooze_days");
  if (!text) return make_error(text.error());
  if (!*text || (*text)->empty()) return kSnoozeWeekDays;
  int days = 0;
  for (char ch : **text) {
    if (ch < '0' || ch > '9' || days > kMaxSnoozeDays) return kSnoozeWeekDays;  // a damaged value: the default
    days = days * 10 + (ch - '0');
  }
  return days >= 1 && days <= kMaxSnoozeDays ? days : kSnoozeWeekDays;
}

Status set_default_snooze_days(Store& store, int days) {
  if (days < 1 || days > kMaxSnoozeDays)
    return make_error("the default snooze must be 1.." + std::to_string(kMaxSnoozeDays) + " days, got " +
                      std::to_string(days));
  return store.transaction([&] { return store.set_setting("default_snooze_days", std::to_string(days)); });
}

Result<DayDecisions> decisions_on(Store& store, Day day) {
  auto rows = store.decisions_on_day(day);
  if (!rows) return make_error(rows.error());
  DayDecisions out;
  for (const DecidedCard& row : *rows) {
    out.decided.insert(row.contact_id);
    ++out.count;
    if (row.reactivation) ++out.reactivations;
  }
  return out;
}

namespace {

constexpr const char* kDealtSetting = "dealt_deck";

// "2026-12-01;60;4,9,17": day, contacts on the list, the dealt contacts.
std::string dealt_text(const DealtDeck& d) {
  std::string ids;
  for (const int64_t id : d.contacts) ids += (ids.empty() ? "" : ",") + std::to_string(id);
  return format_iso_day(d.day) + ";" + std::to_string(d.listed) + ";" + ids;
}

std::optional<DealtDeck> parse_dealt(const std::string& text) {
  const size_t a = text.find(';');
  const size_t b = a == std::string::npos ? a : text.find(';', a + 1);
  if (b == std::string::npos) return std::nullopt;
  DealtDeck d;
  const auto day = parse_iso_day(text.substr(0, a));
  if (!day) return std::nullopt;
  d.day = *day;
  auto number = [](const std::string& digits) -> std::optional<int64_t> {
    if (digits.empty() || digits.size() > 18) return std::nullopt;
    int64_t n = 0;
    for (char ch : digits) {
      if (ch < '0' || ch > '9') return std::nullopt;
      n = n * 10 + (ch - '0');
    }
    return n;
  };
  const auto listed = number(text.substr(a + 1, b - a - 1));
  if (!listed || *listed > std::numeric_limits<int>::max()) return std::nullopt;
  d.listed = static_cast<int>(*listed);
  for (size_t at = b + 1; at < text.size();) {
    size_t end = text.find(',', at);
    if (end == std::string::npos) end = text.size();
    const auto id = number(text.substr(at, end - at));
    if (!id) return std::nullopt;
    d.contacts.insert(*id);
    at = end + 1;
  }
  return d;
}

// The dealt deck that still holds on `today` with `listed` contacts on the list: of that day,
// with no more contacts on the list than when it was dealt.
const DealtDeck* holding(const std::optional<DealtDeck>& dealt, Day today, int64_t listed) {
  if (!dealt || dealt->day != today || listed > dealt->listed) return nullptr;
  return &*dealt;
}

// The dealt contacts not decided yet: all a held deck can show.
std::vector<int64_t> undecided(const DealtDeck& dealt, const DayDecisions& done) {
  std::vector<int64_t> ids;
  for (const int64_t id : dealt.contacts)
    if (!done.decided.count(id)) ids.push_back(id);
  return ids;
}

}  // namespace

int listed_count(const Network& network) {
  // Archived ones count too: archiving a card and undoing it must not deal the deck again.
  int n = 0;
  for (const ContactRecord& r : network.contacts)
    if (has_target_layer(r.contact)) ++n;
  return n;
}

Result<std::optional<DealtDeck>> dealt_deck(Store& store, Day day) {
  auto text = store.setting(kDealtSetting);
  if (!text) return make_error(text.error());
  if (!*text) return std::optional<DealtDeck>();
  auto d = parse_dealt(**text);
  // A damaged record only costs the fixed count: the deck is dealt again.
  if (!d || d->day != day) return std::optional<DealtDeck>();
  return d;
}

Result<std::vector<Card>> todays_deck(Store& store, Day today, int limit) {
  auto done = decisions_on(store, today);
  if (!done) return make_error(done.error());
  auto seed = schedule_seed(store);
  if (!seed) return make_error(seed.error());
  auto dealt = dealt_deck(store, today);
  if (!dealt) return make_error(dealt.error());
  auto listed = store.listed_contact_count();
  if (!listed) return make_error(listed.error());
  const DealtDeck* held = holding(*dealt, today, *listed);
  Result<Network> net = make_error("");
  if (held) {
    auto goal = store.current_goal();
    if (!goal) return make_error(goal.error());
    net = load_contacts(store, undecided(*held, *done), *goal);
  } else {
    net = load_deck_network(store, today, *done, *seed);
  }
  if (!net) return make_error(net.error());
  return build_deck(*net, *done, today, limit, *seed, held ? &held->contacts : nullptr);
}

Result<DecisionOutcome> apply_decision(Store& store, const Card& card, Direction direction, int snooze_for,
                                       Day today) {
  DecisionOutcome out;
  Status st = store.transaction([&]() -> Status {
    auto before = store.scheduling_fields(card.contact_id);
    if (!before) return make_error(before.error());
    auto name = store.contact_name(card.contact_id);
    if (!name) return make_error(name.error());
    if (!*before || !*name) return make_error("no contact with id " + std::to_string(card.contact_id));
    const SchedulingFields after = decision_effect(direction, **before, snooze_for, today);
    if (Status w = store.set_scheduling_fields(card.contact_id, after); !w) return w;
    auto id = store.insert_decision(card.contact_id, today, direction, before_state_json({**before, card.kind}));
    if (!id) return make_error(id.error());
    out = outcome_of(*id, direction, card.contact_id, **name, today, after);
    return Status::success();
  });
  if (!st) return make_error(st.error());
  return out;
}

Result<std::optional<DecisionOutcome>> undo_last_decision(Store& store) {
  std::optional<DecisionOutcome> out;
  Status st = store.transaction([&]() -> Status {
    auto last = store.latest_decision();
    if (!last) return make_error(last.error());
    if (!*last) return Status::success();
    const StoredDecision& d = **last;
    auto before = parse_before_state(d.before_state);
    if (!before) return make_error(before.error());
    if (Status r = store.delete_decision(d.id); !r) return r;
    if (d.interaction_id)
      if (Status r = store.delete_interaction(*d.interaction_id); !r) return r;
    auto restored = fields_to_restore(store, d.contact_id, before->fields);
    if (!restored) return make_error(restored.error());
    if (Status w = store.set_scheduling_fields(d.contact_id, *restored); !w) return w;
    out = outcome_of(d.id, d.direction, d.contact_id, d.contact_name, d.day, *restored);
    out->suggest_rethink = false;  // the card is back as it was: nothing to suggest yet
    return Status::success();
  });
  if (!st) return make_error(st.error());
  return out;
}

Result<DecisionOutcome> change_snooze(Store& store, SnoozeChoice choice, Day today) {
  DecisionOutcome out;
  Status st = store.transaction([&]() -> Status {
    auto last = store.latest_decision();
    if (!last) return make_error(last.error());
    if (!*last || (*last)->direction != Direction::left || (*last)->day != today)
      return make_error("the last decision is not a snooze of today");
    const StoredDecision& d = **last;
    auto before = parse_before_state(d.before_state);
    if (!before) return make_error(before.error());
    // Re-snoozing is taking the snooze back and snoozing again, in one step.
    auto restored = fields_to_restore(store, d.contact_id, before->fields);
    if (!restored) return make_error(restored.error());
    before->fields = *restored;
    const SchedulingFields after = decision_effect(Direction::left, before->fields, snooze_days(choice), today);
    if (Status w = store.set_scheduling_fields(d.contact_id, after); !w) return w;
    // A snooze never has a touch of its own (only a reach-out does), so nothing is lost.
    if (Status r = store.delete_decision(d.id); !r) return r;
    auto id = store.insert_decision(d.contact_id, today, Direction::left, before_state_json(*before));
    if (!id) return make_error(id.error());
    out = outcome_of(*id, Direction::left, d.contact_id, d.contact_name, today, after);
    return Status::success();
  });
  if (!st) return make_error(st.error());
  return out;
}

Result<int> review_streak(Store& store, Day today) {
  auto days = store.decision_days_until(today);
  if (!days) return make_error(days.error());
  int streak = 0;
  Day expected = today;
  for (const Day day : *days) {
    // Today not reviewed yet does not break the streak: it may still happen.
    if (streak == 0 && day == today - 1 && expected == today) expected = today - 1;
    if (day != expected) break;
    ++streak;
    expected = expected - 1;
  }
  return streak;
}

Result<std::vector<int64_t>> focus_this_week(Store& store, Day today) {
  return store.starred_between(today - 6, today);
}

namespace {

// The summary of a day's decisions, with the remaining deck size already known.
Result<SessionSummary> summarize(Store& store, Day today, int remaining) {
  SessionSummary sum;
  sum.day = today;
  auto counts = store.decision_counts(today);
  if (!counts) return make_error(counts.error());
  sum.counted = *counts;
  for (const int n : sum.counted) sum.reviewed += n;
  sum.remaining = remaining;
  sum.finished = remaining == 0;
  auto streak = review_streak(store, today);
  if (!streak) return make_error(streak.error());
  sum.streak_days = *streak;
  return sum;
}

}  // namespace

Result<SessionSummary> session_summary(Store& store, Day today, int limit) {
  auto deck = todays_deck(store, today, limit);
  if (!deck) return make_error(deck.error());
  return summarize(store, today, static_cast<int>(deck->size()));
}

Result<ReviewSession> ReviewSession::open(Store& store, Day today) {
  ReviewSession session(store, today);
  auto limit = daily_limit(store);
  if (!limit) return make_error(limit.error());
  session.limit_ = *limit;
  auto dealt = dealt_deck(store, today);
  if (!dealt) return make_error(dealt.error());
  session.dealt_ = std::move(*dealt);
  auto snooze = default_snooze_days(store);
  if (!snooze) return make_error(snooze.error());
  session.snooze_days_ = *snooze;
  if (Status s = session.refresh(); !s) return make_error(s.error());
  return session;
}

Status ReviewSession::refresh() {
  auto seed = schedule_seed(*store_);
  if (!seed) return make_error(last_error_ = seed.error());
  seed_ = *seed;
  auto listed = store_->listed_contact_count();
  if (!listed) return make_error(last_error_ = listed.error());
  listed_ = *listed;
  auto goal = store_->current_goal();
  if (!goal) return make_error(last_error_ = goal.error());
  // A held deck needs only its dealt contacts; a deal reads the candidates (in rebuild).
  auto done = decisions_on(*store_, today_);
  if (!done) return make_error(last_error_ = done.error());
  std::vector<int64_t> ids;
  if (const DealtDeck* held = holding(dealt_, today_, listed_)) ids = undecided(*held, *done);
  auto net = load_contacts(*store_, std::move(ids), *goal);
  if (!net) return make_error(last_error_ = net.error());
  network_ = std::move(*net);
  return rebuild();
}

Status ReviewSession::refresh_contact(int64_t contact_id) {
  // An edit elsewhere may have put the contact on the list (or taken it off).
  auto listed = store_->listed_contact_count();
  if (!listed) return make_error(last_error_ = listed.error());
  listed_ = *listed;
  return reload_one(contact_id);
}

Status ReviewSession::reload_one(int64_t contact_id) {
  if (Status s = reload_contact(*store_, network_, contact_id); !s) return make_error(last_error_ = s.error());
  return rebuild();
}

Status ReviewSession::save_dealt() {
  const std::string text = dealt_text(*dealt_);
  auto stored = store_->setting(kDealtSetting);
  if (!stored) return make_error(last_error_ = stored.error());
  if (*stored && **stored == text) return Status::success();
  if (Status s = store_->transaction([&] { return store_->set_setting(kDealtSetting, text); }); !s)
    return make_error(last_error_ = s.error());
  return Status::success();
}

Status ReviewSession::rebuild(bool force_deal) {
  auto done = decisions_on(*store_, today_);
  if (!done) return make_error(last_error_ = done.error());
  done_ = std::move(*done);
  if (const DealtDeck* held = force_deal ? nullptr : holding(dealt_, today_, listed_)) {
    deck_ = build_deck(network_, done_, today_, limit_, seed_, &held->contacts);
  } else {
    // Deal: today's decided cards and the fresh deck are the day's deck from now on. The
    // candidates come from SQL; the session then keeps only the dealt ones.
    auto net = load_deck_network(*store_, today_, done_, seed_);
    if (!net) return make_error(last_error_ = net.error());
    network_ = std::move(*net);
    deck_ = build_deck(network_, done_, today_, limit_, seed_);
    DealtDeck d;
    d.day = today_;
    d.listed = static_cast<int>(listed_);
    d.contacts = done_.decided;
    for (const Card& card : deck_) d.contacts.insert(card.contact_id);
    std::erase_if(network_.contacts, [&](const ContactRecord& r) { return !d.contacts.count(r.contact.id); });
    dealt_ = std::move(d);
    if (Status s = save_dealt(); !s) return s;
  }
  auto sum = summarize(*store_, today_, static_cast<int>(deck_.size()));
  if (!sum) return make_error(last_error_ = sum.error());
  summary_ = *sum;
  return Status::success();
}

std::string ReviewSession::progress_text() const {
  const int shown = deck_.empty() ? decided() : decided() + 1;
  return std::to_string(shown) + " / " + std::to_string(total());
}

Result<DecisionOutcome> ReviewSession::decide(Direction direction, std::optional<SnoozeChoice> snooze) {
  if (deck_.empty()) {
    last_error_ = "no card left in today's deck";
    return make_error(last_error_);
  }
  const int days = snooze ? snooze_days(*snooze) : snooze_days_;
  return after_decision(apply_decision(*store_, deck_.front(), direction, days, today_));
}

Result<DecisionOutcome> ReviewSession::after_decision(Result<DecisionOutcome> out) {
  if (!out) {
    last_error_ = out.error();
    return out;
  }
  last_error_.clear();
  // Only this contact changed (not the list: a decision never changes a tier); the decision
  // is already committed either way.
  if (Status s = reload_one(out->contact_id); !s) return make_error(s.error());
  return out;
}

Result<std::optional<DecisionOutcome>> ReviewSession::undo() {
  auto out = undo_last_decision(*store_);
  if (!out) {
    last_error_ = out.error();
    return out;
  }
  last_error_.clear();
  if (*out) {
    // The undone card comes back, even one decided on an earlier day.
    if (dealt_ && dealt_->day == today_ && dealt_->contacts.insert((*out)->contact_id).second)
      if (Status s = save_dealt(); !s) return make_error(s.error());
    if (Status s = reload_one((*out)->contact_id); !s) return make_error(s.error());
  }
  return out;
}

Result<DecisionOutcome> ReviewSession::change_snooze(SnoozeChoice choice) {
  return after_decision(core::change_snooze(*store_, choice, today_));
}

Status ReviewSession::set_limit(int limit) {
  if (Status s = set_daily_limit(*store_, limit); !s) {
    last_error_ = s.error();
    return s;
  }
  const bool raised = limit > limit_;
  limit_ = limit;
  // A higher limit tops the deck up; a lower one only caps it.
  return rebuild(raised);
}

}  // namespace rekindle::core
