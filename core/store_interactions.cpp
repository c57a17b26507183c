// Store: the interactions table (touchpoints).
#include "core/store.h"

namespace rekindle::core {
namespace {

Result<std::vector<Interaction>> read_interactions(Result<Statement> s) {
  if (!s) return make_error(s.error());
  std::vector<Interaction> out;
  Status st = s->each_row([&](const Statement& row) {
    Interaction& x = out.emplace_back();
    x.id = row.int64(0);
    x.contact_id = row.int64(1);
    x.date = parse_iso_day(row.text(2)).value_or(Day{});
    x.channel = row.text(3);
    x.kind = row.text(4);
    if (auto g = row.optional_int64(5)) x.grade = static_cast<int>(*g);
    x.note = row.text(6);
  });
  if (!st) return make_error(st.error());
  return out;
}

}  // namespace

Result<int64_t> Store::insert_interaction(const Interaction& x) {
  auto s =
      db_->prepare("INSERT INTO interactions (contact_id, date, channel, kind, grade, note) VALUES (?, ?, ?, ?, ?, ?)");
  if (!s) return make_error(s.error());
  s->bind(1, x.contact_id).bind(2, x.date).bind(3, x.channel).bind(4, x.kind);
  s->bind(5, x.grade).bind(6, x.note);
  if (Status st = s->run(); !st) return make_error(st.error());
  return db_->last_insert_rowid();
}

Status Store::delete_interaction(int64_t id) {
  auto s = db_->prepare("DELETE FROM interactions WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, id);
  return s->run();
}

Result<std::optional<int64_t>> Store::set_interaction_grade(int64_t interaction_id, int grade) {
  auto s = db_->prepare("UPDATE interactions SET grade = ? WHERE id = ? RETURNING contact_id");
  if (!s) return make_error(s.error());
  s->bind(1, grade).bind(2, interaction_id);
  auto row = s->step();
  if (!row) return make_error(row.error());
  if (!*row) return std::optional<int64_t>();
  const int64_t contact_id = s->int64(0);
  // RETURNING rows come before the statement is done: finish it so the update is complete.
  if (auto done = s->step(); !done) return make_error(done.error());
  return std::optional<int64_t>(contact_id);
}

Result<std::vector<Interaction>> Store::interactions(int64_t contact_id) {
  auto s = db_->prepare(
      "SELECT id, contact_id, date, channel, kind, grade, note FROM interactions WHERE contact_id = ? "
      "ORDER BY date, id");
  if (s) s->bind(1, contact_id);
  return read_interactions(std::move(s));
}

Result<std::vector<Interaction>> Store::interactions_of(const std::vector<int64_t>& ids) {
  std::string list;
  for (const int64_t id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  auto s = db_->prepare(
      "SELECT id, contact_id, date, channel, kind, grade, note FROM interactions "
      "WHERE contact_id IN (SELECT value FROM json_each(?1)) ORDER BY contact_id, date, id");
  if (s) s->bind(1, "[" + list + "]");
  return read_interactions(std::move(s));
}

Result<std::vector<Interaction>> Store::all_interactions() {
  return read_interactions(db_->prepare(
      "SELECT id, contact_id, date, channel, kind, grade, note FROM interactions ORDER BY contact_id, date, id"));
}

}  // namespace rekindle::core

// ---- details: editing one touch (owner: details) -------------------------------------------

namespace rekindle::core {

Result<std::optional<Interaction>> Store::interaction(int64_t id) {
  auto s = db_->prepare("SELECT id, contact_id, date, channel, kind, grade, note FROM interactions WHERE id = ?");
  if (s) s->bind(1, id);
  auto rows = read_interactions(std::move(s));
  if (!rows) return make_error(rows.error());
  if (rows->empty()) return std::optional<Interaction>();
  return std::optional<Interaction>(rows->front());
}

Status Store::update_interaction(const Interaction& x) {
  auto s = db_->prepare("UPDATE interactions SET date = ?, channel = ?, kind = ?, grade = ?, note = ? WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, x.date).bind(2, x.channel).bind(3, x.kind).bind(4, x.grade).bind(5, x.note).bind(6, x.id);
  if (Status st = s->run(); !st) return st;
  if (db_->changes() != 1) return make_error("no touch with id " + std::to_string(x.id));
  return Status::success();
}

}  // namespace rekindle::core
