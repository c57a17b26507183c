// Store: what importing history from mail, LinkedIn messages and calendars needs (issue 16).
#include "core/store.h"

namespace rekindle::core {

Result<std::vector<std::pair<int64_t, std::string>>> Store::contact_addresses() {
  auto s = db_->prepare("SELECT contact_id, value FROM contact_fields WHERE kind IN ('email', 'url')");
  if (!s) return make_error(s.error());
  std::vector<std::pair<int64_t, std::string>> out;
  Status st = s->each_row([&](const Statement& row) { out.emplace_back(row.int64(0), row.text(1)); });
  if (!st) return make_error(st.error());
  return out;
}

Result<bool> Store::insert_imported_interaction(const Interaction& x, const std::string& external_id) {
  auto known = db_->prepare("SELECT 1 FROM interactions WHERE contact_id = ? AND external_id = ?");
  if (!known) return make_error(known.error());
  known->bind(1, x.contact_id).bind(2, external_id);
  auto found = known->step();
  if (!found) return make_error(found.error());
  if (*found) return false;
  if (x.kind != "inbound") {
    // The message the user wrote from the composer and logged: now we know its real id.
    auto claim = db_->prepare(
        "UPDATE interactions SET external_id = ? WHERE id = (SELECT id FROM interactions WHERE contact_id = ? "
        "AND date = ? AND channel = ? AND kind <> 'inbound' AND external_id IS NULL ORDER BY id LIMIT 1)");
    if (!claim) return make_error(claim.error());
    claim->bind(1, external_id).bind(2, x.contact_id).bind(3, x.date).bind(4, x.channel);
    if (Status st = claim->run(); !st) return make_error(st.error());
    if (db_->changes() == 1) return false;
  }
  auto s = db_->prepare(
      "INSERT INTO interactions (contact_id, date, channel, kind, grade, note, external_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!s) return make_error(s.error());
  s->bind(1, x.contact_id).bind(2, x.date).bind(3, x.channel).bind(4, x.kind);
  s->bind(5, x.grade).bind(6, x.note).bind(7, external_id);
  if (Status st = s->run(); !st) return make_error(st.error());
  return true;
}

}  // namespace rekindle::core
