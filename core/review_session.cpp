#include "core/review_session.h"

#include <nlohmann/json.hpp>

namespace rekindle::core {
namespace {

constexpr int kMaxDailyLimit = 500;

std::optional<std::string> day_text(const std::optional<Day>& d) {
  return d ? std::optional<std::string>(format_iso_day(*d)) : std::nullopt;
}

Result<std::optional<std::pair<SchedulingFields, std::string>>> read_fields(Store& store, int64_t contact_id) {
  auto s = store.db().prepare("SELECT due, starred, archived, snooze_streak, name FROM contacts WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, contact_id);
  auto row = s->step();
  if (!row) return make_error(row.error());
  if (!*row) return std::optional<std::pair<SchedulingFields, std::string>>();
  SchedulingFields f;
  f.due = parse_optional_day(s->optional_text(0));
  f.starred = s->int64(1) != 0;
  f.archived = s->int64(2) != 0;
  f.snooze_streak = static_cast<int>(s->int64(3));
  return std::optional<std::pair<SchedulingFields, std::string>>(std::make_pair(f, s->text(4)));
}

Result<int64_t> newest_interaction_id(Store& store, int64_t contact_id) {
  auto s = store.db().prepare("SELECT coalesce(max(id), 0) FROM interactions WHERE contact_id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, contact_id);
  auto row = s->step();
  if (!row) return make_error(row.error());
  return *row ? s->int64(0) : int64_t{0};
}

Status write_fields(Store& store, int64_t contact_id, const SchedulingFields& f) {
  auto s = store.db().prepare("UPDATE contacts SET due = ?, starred = ?, archived = ?, snooze_streak = ? WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, day_text(f.due)).bind(2, f.starred ? 1 : 0).bind(3, f.archived ? 1 : 0).bind(4, f.snooze_streak);
  s->bind(5, contact_id);
  return s->run();
}

std::string before_state_json(const SchedulingFields& f, CardKind kind) {
  nlohmann::json j = {{"due", f.due ? nlohmann::json(format_iso_day(*f.due)) : nlohmann::json(nullptr)},
                      {"starred", f.starred},
                      {"archived", f.archived},
                      {"snooze_streak", f.snooze_streak},
                      {"last_interaction_id", f.last_interaction_id},
                      {"card", card_kind_name(kind)}};
  return j.dump();
}

Result<SchedulingFields> parse_before_state(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return make_error("damaged decision record: " + text);
  SchedulingFields f;
  const auto due = j.value("due", nlohmann::json(nullptr));
  if (due.is_string()) {
    f.due = parse_iso_day(due.get<std::string>());
    if (!f.due) return make_error("damaged decision record: bad due day in " + text);
  }
  f.starred = j.value("starred", false);
  f.archived = j.value("archived", false);
  f.snooze_streak = j.value("snooze_streak", 0);
  f.last_interaction_id = j.value("last_interaction_id", int64_t{0});
  return f;
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

Result<DayDecisions> decisions_on(Store& store, Day day) {
  auto s = store.db().prepare(
      "SELECT contact_id, json_extract(before_state, '$.card') = 'reactivation' FROM decisions WHERE day = ?");
  if (!s) return make_error(s.error());
  s->bind(1, format_iso_day(day));
  DayDecisions out;
  for (;;) {
    auto row = s->step();
    if (!row) return make_error(row.error());
    if (!*row) return out;
    out.decided.insert(s->int64(0));
    ++out.count;
    if (!s->is_null(1) && s->int64(1) != 0) ++out.reactivations;
  }
}

Result<std::vector<Card>> todays_deck(Store& store, Day today, int limit) {
  auto net = load_network(store);
  if (!net) return make_error(net.error());
  auto done = decisions_on(store, today);
  if (!done) return make_error(done.error());
  auto seed = schedule_seed(store);
  if (!seed) return make_error(seed.error());
  return build_deck(*net, *done, today, limit, *seed);
}

Result<DecisionOutcome> apply_decision(Store& store, const Card& card, Direction direction, SnoozeChoice snooze,
                                       Day today) {
  DecisionOutcome out;
  Status st = store.transaction([&]() -> Status {
    auto found = read_fields(store, card.contact_id);
    if (!found) return make_error(found.error());
    if (!*found) return make_error("no contact with id " + std::to_string(card.contact_id));
    SchedulingFields before = (*found)->first;
    auto newest = newest_interaction_id(store, card.contact_id);
    if (!newest) return make_error(newest.error());
    before.last_interaction_id = *newest;
    const SchedulingFields after = decision_effect(direction, before, snooze, today);
    if (Status w = write_fields(store, card.contact_id, after); !w) return w;
    auto s = store.db().prepare("INSERT INTO decisions (contact_id, day, decision, before_state) VALUES (?, ?, ?, ?)");
    if (!s) return make_error(s.error());
    s->bind(1, card.contact_id).bind(2, format_iso_day(today)).bind(3, direction_name(direction));
    s->bind(4, before_state_json(before, card.kind));
    if (Status r = s->run(); !r) return r;
    out.decision_id = store.db().last_insert_rowid();
    out.direction = direction;
    out.contact_id = card.contact_id;
    out.name = (*found)->second;
    out.day = today;
    out.due = after.due;
    out.snooze_streak = after.snooze_streak;
    out.suggest_rethink = suggests_rethink(direction, after.snooze_streak);
    return Status::success();
  });
  if (!st) return make_error(st.error());
  return out;
}

Result<std::optional<DecisionOutcome>> undo_last_decision(Store& store) {
  std::optional<DecisionOutcome> out;
  Status st = store.transaction([&]() -> Status {
    auto s = store.db().prepare(
        "SELECT d.id, d.contact_id, d.day, d.decision, d.before_state, d.interaction_id, c.name "
        "FROM decisions d JOIN contacts c ON c.id = d.contact_id ORDER BY d.id DESC LIMIT 1");
    if (!s) return make_error(s.error());
    auto row = s->step();
    if (!row) return make_error(row.error());
    if (!*row) return Status::success();
    DecisionOutcome o;
    o.decision_id = s->int64(0);
    o.contact_id = s->int64(1);
    o.day = parse_iso_day(s->text(2)).value_or(Day{});
    o.direction = parse_direction(s->text(3)).value_or(Direction::skip);
    const std::string before_text = s->text(4);
    const auto interaction_id = s->optional_int64(5);
    o.name = s->text(6);
    if (auto done = s->step(); !done) return make_error(done.error());  // releases the statement
    auto before = parse_before_state(before_text);
    if (!before) return make_error(before.error());
    auto del = store.db().prepare("DELETE FROM decisions WHERE id = ?");
    if (!del) return make_error(del.error());
    del->bind(1, o.decision_id);
    if (Status r = del->run(); !r) return r;
    if (interaction_id)
      if (Status r = store.delete_interaction(*interaction_id); !r) return r;
    auto newest = newest_interaction_id(store, o.contact_id);
    if (!newest) return make_error(newest.error());
    if (*newest > before->last_interaction_id) {
      // A touch was logged after this decision: the swipe is taken back, but the due day
      // and the snooze streak follow that touch, as they did before the undo.
      auto now = read_fields(store, o.contact_id);
      if (!now) return make_error(now.error());
      if (*now) {
        before->due = (*now)->first.due;
        before->snooze_streak = 0;
      }
    }
    if (Status w = write_fields(store, o.contact_id, *before); !w) return w;
    o.due = before->due;
    o.snooze_streak = before->snooze_streak;
    out = o;
    return Status::success();
  });
  if (!st) return make_error(st.error());
  return out;
}

Result<int> review_streak(Store& store, Day today) {
  auto s = store.db().prepare("SELECT DISTINCT day FROM decisions WHERE day <= ? ORDER BY day DESC");
  if (!s) return make_error(s.error());
  s->bind(1, format_iso_day(today));
  int streak = 0;
  Day expected = today;
  for (;;) {
    auto row = s->step();
    if (!row) return make_error(row.error());
    if (!*row) break;
    const auto day = parse_iso_day(s->text(0));
    if (!day) continue;
    // Today not reviewed yet does not break the streak: it may still happen.
    if (streak == 0 && *day == today - 1 && expected == today) expected = today - 1;
    if (*day != expected) break;
    ++streak;
    expected = expected - 1;
  }
  return streak;
}

Result<std::vector<int64_t>> focus_this_week(Store& store, Day today) {
  auto s = store.db().prepare(
      "SELECT d.contact_id FROM decisions d JOIN contacts c ON c.id = d.contact_id "
      "WHERE d.decision = 'up' AND d.day BETWEEN ? AND ? AND c.starred = 1 AND c.archived = 0 "
      "GROUP BY d.contact_id ORDER BY max(d.id) DESC");
  if (!s) return make_error(s.error());
  s->bind(1, format_iso_day(today - 6)).bind(2, format_iso_day(today));
  std::vector<int64_t> out;
  for (;;) {
    auto row = s->step();
    if (!row) return make_error(row.error());
    if (!*row) return out;
    out.push_back(s->int64(0));
  }
}

namespace {

// The summary of a day's decisions, with the remaining deck size already known.
Result<SessionSummary> summarize(Store& store, Day today, int remaining) {
  SessionSummary sum;
  sum.day = today;
  auto s = store.db().prepare("SELECT decision, count(*) FROM decisions WHERE day = ? GROUP BY decision");
  if (!s) return make_error(s.error());
  s->bind(1, format_iso_day(today));
  for (;;) {
    auto row = s->step();
    if (!row) return make_error(row.error());
    if (!*row) break;
    const int n = static_cast<int>(s->int64(1));
    sum.reviewed += n;
    if (auto direction = parse_direction(s->text(0))) sum.counted[static_cast<size_t>(*direction)] += n;
  }
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
  if (Status s = session.refresh(); !s) return make_error(s.error());
  return session;
}

Status ReviewSession::refresh() {
  auto net = load_network(*store_);
  if (!net) return make_error(last_error_ = net.error());
  auto seed = schedule_seed(*store_);
  if (!seed) return make_error(last_error_ = seed.error());
  network_ = std::move(*net);
  seed_ = *seed;
  return rebuild();
}

Status ReviewSession::refresh_contact(int64_t contact_id) {
  if (Status s = reload_contact(*store_, network_, contact_id); !s) return make_error(last_error_ = s.error());
  return rebuild();
}

Status ReviewSession::rebuild() {
  auto done = decisions_on(*store_, today_);
  if (!done) return make_error(last_error_ = done.error());
  done_ = std::move(*done);
  deck_ = build_deck(network_, done_, today_, limit_, seed_);
  auto sum = summarize(*store_, today_, static_cast<int>(deck_.size()));
  if (!sum) return make_error(last_error_ = sum.error());
  summary_ = *sum;
  return Status::success();
}

std::string ReviewSession::progress_text() const {
  const int shown = deck_.empty() ? decided() : decided() + 1;
  return std::to_string(shown) + " / " + std::to_string(total());
}

Result<DecisionOutcome> ReviewSession::decide(Direction direction, SnoozeChoice snooze) {
  if (deck_.empty()) {
    last_error_ = "no card left in today's deck";
    return make_error(last_error_);
  }
  auto out = apply_decision(*store_, deck_.front(), direction, snooze, today_);
  if (!out) {
    last_error_ = out.error();
    return out;
  }
  last_error_.clear();
  // Only this contact changed; the decision is already committed either way.
  if (Status s = refresh_contact(out->contact_id); !s) return make_error(s.error());
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
    if (Status s = refresh_contact((*out)->contact_id); !s) return make_error(s.error());
  }
  return out;
}

Status ReviewSession::set_limit(int limit) {
  if (Status s = set_daily_limit(*store_, limit); !s) {
    last_error_ = s.error();
    return s;
  }
  limit_ = limit;
  return rebuild();
}

}  // namespace rekindle::core
