// Store: the deck from SQL (issue 13, migration 7): the due contacts by the contacts_due
// index and the dormant pool's reactivation candidates by pool_rank, kept up to date lazily
// from pool_stale (which triggers fill when a contact's inputs change).
#include <string>

#include "core/model.h"
#include "core/schedule.h"
#include "core/store.h"

namespace rekindle::core {
namespace {

// What one pool_rank row is computed from.
struct PoolInputs {
  int64_t id = 0;
  std::string title;
  std::optional<double> trust;
  std::optional<Day> connected_on;
  std::optional<Day> last_logged;
  std::string relevance, offer;
};

// The row of a contact in the dormant pool: the same value, seniority, silence and tie-break
// that build_deck orders reactivation cards by, with novelty at its full 1 (its bound).
Store::PoolRow pool_row(const PoolInputs& in, uint64_t seed) {
  Store::PoolRow row;
  row.contact_id = in.id;
  ValueInputs v;
  v.goal_relevance = relevance_weight(in.relevance);
  v.trust = in.trust.value_or(kDefaultTrust);
  v.novelty = 1.0;
  v.offer = in.offer.empty() ? 0.0 : 1.0;
  v.mutual = 0.0;
  v.closeness = closeness(Contact{});  // the dormant pool's c
  row.bound = value_score(v);
  row.seniority = title_seniority(in.title);
  row.touched = in.connected_on;
  if (in.last_logged && (!row.touched || *in.last_logged > *row.touched)) row.touched = in.last_logged;
  row.logged = in.last_logged.has_value();
  row.hash = tie_break_hash(seed, in.id);
  return row;
}

}  // namespace

Status Store::refresh_pool_rank(uint64_t seed, std::optional<int64_t> goal_id) {
  auto state = db_->prepare("SELECT seed, goal_id FROM pool_state WHERE id = 1");
  if (!state) return make_error(state.error());
  auto found = state->step();
  if (!found) return make_error(found.error());
  if (!*found) return make_error("damaged database: pool_state has no row");
  const std::optional<std::string> stored_seed = state->optional_text(0);
  const std::optional<int64_t> stored_goal = state->optional_int64(1);
  const std::string seed_text = std::to_string(seed);
  const bool full = stored_seed != seed_text;
  const bool goal_changed = stored_goal != goal_id;
  if (!full && !goal_changed) {
    auto any = db_->query_int("SELECT EXISTS (SELECT 1 FROM pool_stale)");
    if (!any) return make_error(any.error());
    if (*any == 0) return Status::success();
  }
  auto work = [&]() -> Status {
    if (full) {
      if (Status s = db_->exec("DELETE FROM pool_rank; DELETE FROM pool_stale"); !s) return s;
    } else if (goal_changed) {
      // Only the contacts linked to the goal that stopped or started being current change.
      auto mark = db_->prepare(
          "INSERT INTO pool_stale (contact_id) SELECT DISTINCT contact_id FROM contact_goals "
          "WHERE (goal_id = ?1 OR goal_id = ?2) "
          "AND contact_id NOT IN (SELECT contact_id FROM pool_stale)");
      if (!mark) return make_error(mark.error());
      mark->bind(1, stored_goal).bind(2, goal_id);
      if (Status s = mark->run(); !s) return s;
    }
    if (!full)
      if (Status s = db_->exec("DELETE FROM pool_rank WHERE contact_id IN (SELECT contact_id FROM pool_stale)"); !s)
        return s;
    std::vector<PoolInputs> inputs;
    {
      auto read = db_->prepare(
          std::string("SELECT c.id, c.title, c.trust, c.connected_on, "
                      "(SELECT max(x.date) FROM interactions x WHERE x.contact_id = c.id), g.relevance, g.offer "
                      "FROM contacts c ") +
          (full ? "" : "JOIN pool_stale s ON s.contact_id = c.id ") +
          "LEFT JOIN contact_goals g ON g.contact_id = c.id AND g.goal_id = ?1 "
          "WHERE c.archived = 0 AND c.tier = 'dormant' AND (c.cadence_days IS NULL OR c.cadence_days <= 0)");
      if (!read) return make_error(read.error());
      read->bind(1, goal_id);
      Status st = read->each_row([&](const Statement& r) {
        PoolInputs& in = inputs.emplace_back();
        in.id = r.int64(0);
        in.title = r.text(1);
        in.trust = r.optional_real(2);
        in.connected_on = parse_optional_day(r.optional_text(3));
        in.last_logged = parse_optional_day(r.optional_text(4));
        in.relevance = r.optional_text(5).value_or("none");
        in.offer = r.optional_text(6).value_or("");
      });
      if (!st) return st;
    }
    for (const PoolInputs& in : inputs) {
      const PoolRow row = pool_row(in, seed);
      // The cached statement, reset and cleared for each row.
      auto insert = db_->prepare(
          "INSERT INTO pool_rank (contact_id, bound, seniority, touched, logged, hash) VALUES (?, ?, ?, ?, ?, ?)");
      if (!insert) return make_error(insert.error());
      insert->bind(1, row.contact_id).bind(2, row.bound).bind(3, row.seniority).bind(4, row.touched);
      insert->bind(5, row.logged).bind(6, row.hash);
      if (Status s = insert->run(); !s) return s;
    }
    if (!full)
      if (Status s = db_->exec("DELETE FROM pool_stale"); !s) return s;
    auto save = db_->prepare("UPDATE pool_state SET seed = ?1, goal_id = ?2 WHERE id = 1");
    if (!save) return make_error(save.error());
    save->bind(1, seed_text).bind(2, goal_id);
    return save->run();
  };
  if (db_->in_transaction()) return work();
  return db_->transaction(work);
}

Result<std::vector<int64_t>> Store::due_contact_ids(Day today) {
  // Two index ranges (no due day; due on or before today): an OR of them would read every
  // listed contact. The WHERE repeats the index's own so the planner may use it.
  auto s = db_->prepare(
      "SELECT id FROM contacts INDEXED BY contacts_due "
      "WHERE (tier <> 'dormant' OR cadence_days > 0) AND archived = 0 AND due IS NULL "
      "UNION ALL "
      "SELECT id FROM contacts INDEXED BY contacts_due "
      "WHERE (tier <> 'dormant' OR cadence_days > 0) AND archived = 0 AND due <= ?1");
  if (!s) return make_error(s.error());
  s->bind(1, today);
  std::vector<int64_t> out;
  if (Status st = s->each_row([&](const Statement& r) { out.push_back(r.int64(0)); }); !st)
    return make_error(st.error());
  return out;
}

Result<int64_t> Store::listed_contact_count() {
  return db_->query_int(
      "SELECT count(*) FROM contacts INDEXED BY contacts_due WHERE tier <> 'dormant' OR cadence_days > 0");
}

Status Store::each_pool_row(Day split, bool young, const std::function<bool(const PoolRow&)>& fn) {
  auto s = db_->prepare(
      std::string("SELECT p.contact_id, p.bound, p.seniority, p.touched, p.logged, p.hash, c.due "
                  "FROM pool_rank p INDEXED BY pool_rank_order JOIN contacts c ON c.id = p.contact_id WHERE ") +
      (young ? "p.touched > ?1" : "(p.touched IS NULL OR p.touched <= ?1)") +
      " ORDER BY p.bound DESC, p.seniority DESC, p.touched DESC, p.hash, p.contact_id");
  if (!s) return make_error(s.error());
  s->bind(1, split);
  for (;;) {
    auto more = s->step();
    if (!more) return make_error(more.error());
    if (!*more) return Status::success();
    PoolRow row;
    row.contact_id = s->int64(0);
    row.bound = s->real(1);
    row.seniority = static_cast<int>(s->int64(2));
    row.touched = parse_optional_day(s->optional_text(3));
    row.logged = s->int64(4) != 0;
    row.hash = s->real(5);
    row.due = parse_optional_day(s->optional_text(6));
    if (!fn(row)) return Status::success();
  }
}

Result<std::vector<Contact>> Store::schedule_contacts_in(const std::vector<int64_t>& ids) {
  std::vector<Contact> out;
  out.reserve(ids.size());
  for (const int64_t id : ids) {
    auto one = schedule_contacts(id);
    if (!one) return make_error(one.error());
    for (Contact& c : *one) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace rekindle::core
