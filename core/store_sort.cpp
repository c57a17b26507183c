// Store: the answers of "Sort your network" (sort_answers) and the bounded reads of the
// Strategy screen. Owner: triage.
#include "core/store.h"

namespace rekindle::core {
namespace {

Result<int64_t> count_of(Result<Statement> s) {
  if (!s) return make_error(s.error());
  auto row = s->step();
  if (!row) return make_error(row.error());
  return *row ? s->int64(0) : 0;
}

constexpr const char* kAnswerColumns =
    "SELECT contact_id, seq, answer, day, before_tier, before_due, before_starred, before_archived, "
    "before_snooze, goal_id, before_link, before_relevance, before_can_help, before_offer, before_listed "
    "FROM sort_answers ";

Result<std::optional<SortAnswerRow>> read_answer(Result<Statement> s) {
  if (!s) return make_error(s.error());
  auto row = s->step();
  if (!row) return make_error(row.error());
  if (!*row) return std::optional<SortAnswerRow>();
  SortAnswerRow a;
  a.contact_id = s->int64(0);
  a.seq = s->int64(1);
  a.answer = sort_answer_from_name(s->text(2)).value_or(SortAnswer::unknown);
  a.day = parse_optional_day(s->optional_text(3)).value_or(Day{});
  a.before_tier = s->text(4);
  a.before_schedule.due = parse_optional_day(s->optional_text(5));
  a.before_schedule.starred = s->int64(6) != 0;
  a.before_schedule.archived = s->int64(7) != 0;
  a.before_schedule.snooze_streak = static_cast<int>(s->int64(8));
  a.goal_id = s->optional_int64(9);
  a.before_link = s->int64(10) != 0;
  a.before_relevance = s->text(11);
  a.before_can_help = s->text(12);
  a.before_offer = s->text(13);
  a.before_listed = parse_optional_day(s->optional_text(14));
  return std::optional<SortAnswerRow>(std::move(a));
}

}  // namespace

Result<int64_t> Store::active_contact_count() {
  return count_of(db_->prepare("SELECT count(*) FROM contacts WHERE archived = 0"));
}

Result<int64_t> Store::sorted_contact_count() {
  return count_of(db_->prepare(
      "SELECT count(*) FROM sort_answers a JOIN contacts c ON c.id = a.contact_id WHERE c.archived = 0"));
}

Result<int64_t> Store::untiered_unsorted_count() {
  return count_of(db_->prepare(
      "SELECT count(*) FROM contacts c WHERE archived = 0 AND tier = 'dormant' "
      "AND NOT EXISTS (SELECT 1 FROM sort_answers a WHERE a.contact_id = c.id)"));
}

Result<std::vector<int64_t>> Store::unsorted_contact_ids(int limit) {
  // A top-N sort over the unanswered contacts: one pass, never the whole table in memory.
  auto s = db_->prepare(
      "SELECT id FROM contacts c WHERE archived = 0 "
      "AND NOT EXISTS (SELECT 1 FROM sort_answers a WHERE a.contact_id = c.id) "
      "ORDER BY (title <> '' OR company <> '') DESC, connected_on IS NULL, connected_on DESC, id LIMIT ?");
  if (!s) return make_error(s.error());
  s->bind(1, limit);
  std::vector<int64_t> out;
  Status st = s->each_row([&](const Statement& row) { out.push_back(row.int64(0)); });
  if (!st) return make_error(st.error());
  return out;
}

Result<std::optional<SortAnswerRow>> Store::sort_answer(int64_t contact_id) {
  auto s = db_->prepare(std::string(kAnswerColumns) + "WHERE contact_id = ?");
  if (s) s->bind(1, contact_id);
  return read_answer(std::move(s));
}

Result<std::optional<SortAnswerRow>> Store::latest_sort_answer() {
  return read_answer(db_->prepare(std::string(kAnswerColumns) + "ORDER BY seq DESC LIMIT 1"));
}

Status Store::insert_sort_answer(const SortAnswerRow& a) {
  auto s = db_->prepare(
      "INSERT INTO sort_answers (contact_id, seq, answer, day, before_tier, before_due, before_starred, "
      "before_archived, before_snooze, goal_id, before_link, before_relevance, before_can_help, before_offer, "
      "before_listed) VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM sort_answers), ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?)");
  if (!s) return make_error(s.error());
  s->bind(1, a.contact_id)
      .bind(2, sort_answer_name(a.answer))
      .bind(3, a.day)
      .bind(4, a.before_tier)
      .bind(5, a.before_schedule.due)
      .bind(6, a.before_schedule.starred)
      .bind(7, a.before_schedule.archived)
      .bind(8, a.before_schedule.snooze_streak)
      .bind(9, a.goal_id)
      .bind(10, a.before_link)
      .bind(11, a.before_relevance)
      .bind(12, a.before_can_help)
      .bind(13, a.before_offer)
      .bind(14, a.before_listed);
  return s->run();
}

Status Store::delete_sort_answer(int64_t contact_id) {
  auto s = db_->prepare("DELETE FROM sort_answers WHERE contact_id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, contact_id);
  return s->run();
}

Status Store::delete_goal_link(int64_t contact_id, int64_t goal_id) {
  auto s = db_->prepare("DELETE FROM contact_goals WHERE contact_id = ? AND goal_id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, contact_id).bind(2, goal_id);
  return s->run();
}

namespace {
std::string relevant_where(bool without_offer_only) {
  return std::string(
             "FROM contact_goals g JOIN contacts c ON c.id = g.contact_id "
             "WHERE g.goal_id = ? AND g.relevance <> 'none' AND c.archived = 0") +
         (without_offer_only ? " AND g.offer = ''" : "");
}
}  // namespace

Result<std::vector<GoalLink>> Store::relevant_links(int64_t goal_id, bool without_offer_only, int limit) {
  auto s = db_->prepare("SELECT g.contact_id, g.goal_id, g.relevance, g.can_help, g.offer " +
                        relevant_where(without_offer_only) +
                        " ORDER BY g.relevance = 'high' DESC, c.name COLLATE NOCASE, c.id LIMIT ?");
  if (!s) return make_error(s.error());
  s->bind(1, goal_id).bind(2, limit);
  std::vector<GoalLink> out;
  Status st = s->each_row([&](const Statement& row) {
    out.push_back({row.int64(0), row.int64(1), row.text(2), row.text(3), row.text(4)});
  });
  if (!st) return make_error(st.error());
  return out;
}

Result<int64_t> Store::relevant_link_count(int64_t goal_id, bool without_offer_only) {
  auto s = db_->prepare("SELECT count(*) " + relevant_where(without_offer_only));
  if (s) s->bind(1, goal_id);
  return count_of(std::move(s));
}

}  // namespace rekindle::core
