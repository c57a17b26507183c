// Store: the goals table and the per-contact goal links (contact_goals).
#include "core/store.h"

namespace rekindle::core {
namespace {

Result<std::vector<GoalLink>> read_links(Result<Statement> s) {
  if (!s) return make_error(s.error());
  std::vector<GoalLink> out;
  Status st = s->each_row([&](const Statement& row) {
    out.push_back({row.int64(0), row.int64(1), row.text(2), row.text(3), row.text(4)});
  });
  if (!st) return make_error(st.error());
  return out;
}

}  // namespace

Result<int64_t> Store::insert_goal(const Goal& g) {
  auto s = db_->prepare("INSERT INTO goals (text, target, deadline, archived, current) VALUES (?, ?, ?, ?, ?)");
  if (!s) return make_error(s.error());
  s->bind(1, g.text).bind(2, g.target).bind(3, g.deadline).bind(4, g.archived).bind(5, g.current);
  if (Status st = s->run(); !st) return make_error(st.error());
  return db_->last_insert_rowid();
}

Status Store::update_goal(const Goal& g) {
  auto s = db_->prepare("UPDATE goals SET text = ?, target = ?, deadline = ?, archived = ?, current = ? WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, g.text).bind(2, g.target).bind(3, g.deadline).bind(4, g.archived).bind(5, g.current).bind(6, g.id);
  if (Status st = s->run(); !st) return st;
  if (db_->changes() != 1) return make_error("no goal with id " + std::to_string(g.id));
  return Status::success();
}

Result<std::vector<Goal>> Store::goals(bool include_archived) {
  auto s = db_->prepare(std::string("SELECT id, text, target, deadline, archived, current FROM goals") +
                        (include_archived ? "" : " WHERE archived = 0") + " ORDER BY id");
  if (!s) return make_error(s.error());
  std::vector<Goal> out;
  Status st = s->each_row([&](const Statement& row) {
    Goal& g = out.emplace_back();
    g.id = row.int64(0);
    g.text = row.text(1);
    g.target = row.text(2);
    g.deadline = parse_optional_day(row.optional_text(3));
    g.archived = row.int64(4) != 0;
    g.current = row.int64(5) != 0;
  });
  if (!st) return make_error(st.error());
  return out;
}

Result<std::optional<Goal>> Store::current_goal() {
  auto all = goals(false);
  if (!all) return make_error(all.error());
  for (const Goal& g : *all)
    if (g.current) return std::optional<Goal>(g);
  return std::optional<Goal>();
}

Status Store::set_current_goal(int64_t goal_id) {
  if (Status st = db_->exec("UPDATE goals SET current = 0 WHERE current = 1"); !st) return st;
  auto s = db_->prepare("UPDATE goals SET current = 1 WHERE id = ? AND archived = 0");
  if (!s) return make_error(s.error());
  s->bind(1, goal_id);
  if (Status st = s->run(); !st) return st;
  if (db_->changes() != 1) return make_error("no active goal with id " + std::to_string(goal_id));
  return Status::success();
}

Status Store::upsert_goal_link(const GoalLink& l) {
  auto s = db_->prepare(
      "INSERT INTO contact_goals (contact_id, goal_id, relevance, can_help, offer) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (contact_id, goal_id) DO UPDATE SET relevance = excluded.relevance, "
      "can_help = excluded.can_help, offer = excluded.offer");
  if (!s) return make_error(s.error());
  s->bind(1, l.contact_id).bind(2, l.goal_id).bind(3, l.relevance).bind(4, l.can_help).bind(5, l.offer);
  return s->run();
}

Result<std::vector<GoalLink>> Store::goal_links(int64_t contact_id) {
  auto s = db_->prepare(
      "SELECT contact_id, goal_id, relevance, can_help, offer FROM contact_goals WHERE contact_id = ? ORDER BY "
      "goal_id");
  if (s) s->bind(1, contact_id);
  return read_links(std::move(s));
}

Result<std::vector<GoalLink>> Store::all_goal_links() {
  return read_links(db_->prepare(
      "SELECT contact_id, goal_id, relevance, can_help, offer FROM contact_goals ORDER BY contact_id, goal_id"));
}

Result<std::vector<GoalLink>> Store::goal_links_of(int64_t goal_id, const std::vector<int64_t>& ids) {
  std::string list;
  for (const int64_t id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  auto s = db_->prepare(
      "SELECT contact_id, goal_id, relevance, can_help, offer FROM contact_goals "
      "WHERE goal_id = ?1 AND contact_id IN (SELECT value FROM json_each(?2))");
  if (s) s->bind(1, goal_id).bind(2, "[" + list + "]");
  return read_links(std::move(s));
}

Result<std::vector<GoalLink>> Store::links_of_goal(int64_t goal_id, std::optional<int64_t> only_contact) {
  auto s = db_->prepare("SELECT contact_id, goal_id, relevance, can_help, offer FROM contact_goals WHERE goal_id = ?" +
                        std::string(only_contact ? " AND contact_id = ?" : ""));
  if (s) {
    s->bind(1, goal_id);
    if (only_contact) s->bind(2, *only_contact);
  }
  return read_links(std::move(s));
}

}  // namespace rekindle::core
