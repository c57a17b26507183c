// Store: the decisions table, the review's undo stack. The before_state column is the
// review session's JSON (core/review_session.cpp); the store reads only its "card" key.
#include "core/store.h"

namespace rekindle::core {

// A decision that came with a card (add_card_decision) has no before-state of this database:
// its before_state is {"card": kind, "synced": true}, and undo passes it by.
// A damaged before_state (not JSON) counts as made here, so undo reports it as damaged.
#define SYNCED_DECISION \
  "CASE WHEN json_valid(d.before_state) THEN coalesce(json_extract(d.before_state, '$.synced'), 0) ELSE 0 END"

Result<int64_t> Store::insert_decision(int64_t contact_id, Day day, Direction direction,
                                       const std::string& before_state) {
  // Inside the decision's write transaction (BEGIN IMMEDIATE): no other connection can
  // decide between this check and the insert, so of two windows showing the same card only
  // the first decision counts.
  auto earlier = db_->prepare(
      "SELECT c.name, " SYNCED_DECISION " FROM decisions d JOIN contacts c ON c.id = d.contact_id "
      "WHERE d.contact_id = ? AND d.day = ? LIMIT 1");
  if (!earlier) return make_error(earlier.error());
  earlier->bind(1, contact_id).bind(2, day);
  auto found = earlier->step();
  if (!found) return make_error(found.error());
  if (*found)
    return make_error(std::string("Already decided ") +
                      (earlier->int64(1) != 0 ? "on another computer: " : "in another window: ") + earlier->text(0) +
                      "; nothing changed");
  auto s = db_->prepare("INSERT INTO decisions (contact_id, day, decision, before_state) VALUES (?, ?, ?, ?)");
  if (!s) return make_error(s.error());
  s->bind(1, contact_id).bind(2, day).bind(3, direction_name(direction)).bind(4, before_state);
  if (Status st = s->run(); !st) return make_error(st.error());
  return db_->last_insert_rowid();
}

Result<std::optional<StoredDecision>> Store::latest_decision() {
  auto s = db_->prepare(
      "SELECT d.id, d.contact_id, d.day, d.decision, d.before_state, d.interaction_id, c.name "
      "FROM decisions d JOIN contacts c ON c.id = d.contact_id WHERE " SYNCED_DECISION " = 0 "
      "ORDER BY d.id DESC LIMIT 1");
  if (!s) return make_error(s.error());
  auto row = s->step();
  if (!row) return make_error(row.error());
  if (!*row) return std::optional<StoredDecision>();
  StoredDecision d;
  d.id = s->int64(0);
  d.contact_id = s->int64(1);
  d.day = parse_iso_day(s->text(2)).value_or(Day{});
  d.direction = parse_direction(s->text(3)).value_or(Direction::skip);
  d.before_state = s->text(4);
  d.interaction_id = s->optional_int64(5);
  d.contact_name = s->text(6);
  return std::optional<StoredDecision>(std::move(d));
}

Result<std::vector<std::pair<int64_t, DayDecision>>> Store::card_decisions(std::optional<int64_t> contact_id) {
  auto s = db_->prepare(
      "SELECT contact_id, day, decision, card FROM (SELECT contact_id, day, decision, "
      "CASE WHEN json_valid(before_state) THEN json_extract(before_state, '$.card') = 'reactivation' END AS card, "
      "row_number() OVER (PARTITION BY contact_id ORDER BY day DESC, id DESC) AS newest FROM decisions "
      "WHERE ?1 IS NULL OR contact_id = ?1) WHERE newest <= ?2 ORDER BY contact_id, day, decision");
  if (!s) return make_error(s.error());
  if (contact_id) s->bind(1, *contact_id);
  s->bind(2, static_cast<int64_t>(kDecisionsOnCard));
  std::vector<std::pair<int64_t, DayDecision>> out;
  Status st = s->each_row([&](const Statement& row) {
    const auto day = parse_iso_day(row.text(1));
    const auto direction = parse_direction(row.text(2));
    if (day && direction) out.push_back({row.int64(0), {*day, *direction, !row.is_null(3) && row.int64(3) != 0}});
  });
  if (!st) return make_error(st.error());
  return out;
}

Result<bool> Store::add_card_decision(int64_t contact_id, const DayDecision& decision) {
  auto s = db_->prepare(
      "INSERT INTO decisions (contact_id, day, decision, before_state) SELECT ?1, ?2, ?3, ?4 "
      "WHERE NOT EXISTS (SELECT 1 FROM decisions WHERE contact_id = ?1 AND day = ?2)");
  if (!s) return make_error(s.error());
  const std::string before = std::string("{\"card\":\"") + (decision.reactivation ? "reactivation" : "due") +
                             "\",\"synced\":true}";
  s->bind(1, contact_id).bind(2, decision.day).bind(3, direction_name(decision.direction)).bind(4, before);
  if (Status st = s->run(); !st) return make_error(st.error());
  return db_->changes() > 0;
}

Status Store::delete_decision(int64_t id) {
  auto s = db_->prepare("DELETE FROM decisions WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, id);
  return s->run();
}

Status Store::tie_reach_out_to_interaction(int64_t contact_id, Day day, int64_t interaction_id) {
  auto s = db_->prepare(
      "UPDATE decisions SET interaction_id = ?1 WHERE id = (SELECT id FROM decisions WHERE contact_id = ?2 "
      "AND day = ?3 AND decision = 'right' AND interaction_id IS NULL ORDER BY id DESC LIMIT 1)");
  if (!s) return make_error(s.error());
  s->bind(1, interaction_id).bind(2, contact_id).bind(3, day);
  return s->run();
}

Result<std::vector<DecidedCard>> Store::decisions_on_day(Day day) {
  auto s = db_->prepare(
      "SELECT contact_id, json_extract(before_state, '$.card') = 'reactivation' FROM decisions WHERE day = ?");
  if (!s) return make_error(s.error());
  s->bind(1, day);
  std::vector<DecidedCard> out;
  Status st = s->each_row([&](const Statement& row) {
    out.push_back({row.int64(0), !row.is_null(1) && row.int64(1) != 0});
  });
  if (!st) return make_error(st.error());
  return out;
}

Result<std::array<int, kDirectionCount>> Store::decision_counts(Day day) {
  auto s = db_->prepare("SELECT decision, count(*) FROM decisions WHERE day = ? GROUP BY decision");
  if (!s) return make_error(s.error());
  s->bind(1, day);
  std::array<int, kDirectionCount> counts{};
  Status st = s->each_row([&](const Statement& row) {
    // The table's CHECK admits only the directions' names.
    if (auto direction = parse_direction(row.text(0)))
      counts[static_cast<size_t>(*direction)] += static_cast<int>(row.int64(1));
  });
  if (!st) return make_error(st.error());
  return counts;
}

Result<std::vector<Day>> Store::decision_days_until(Day last) {
  auto s = db_->prepare("SELECT DISTINCT day FROM decisions WHERE day <= ? ORDER BY day DESC");
  if (!s) return make_error(s.error());
  s->bind(1, last);
  std::vector<Day> out;
  Status st = s->each_row([&](const Statement& row) {
    if (auto day = parse_iso_day(row.text(0))) out.push_back(*day);
  });
  if (!st) return make_error(st.error());
  return out;
}

Result<std::vector<int64_t>> Store::starred_between(Day first, Day last) {
  auto s = db_->prepare(
      "SELECT d.contact_id FROM decisions d JOIN contacts c ON c.id = d.contact_id "
      "WHERE d.decision = 'up' AND d.day BETWEEN ? AND ? AND c.starred = 1 AND c.archived = 0 "
      "GROUP BY d.contact_id ORDER BY max(d.id) DESC");
  if (!s) return make_error(s.error());
  s->bind(1, first).bind(2, last);
  std::vector<int64_t> out;
  Status st = s->each_row([&](const Statement& row) { out.push_back(row.int64(0)); });
  if (!st) return make_error(st.error());
  return out;
}

}  // namespace rekindle::core
