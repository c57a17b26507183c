// Store: what the contacts list and its bulk actions read and write (owner: details).
#include "core/store.h"

namespace rekindle::core {

Status Store::each_list_contact(const std::function<void(Contact&, std::string&)>& fn) {
  // The correlated sub-selects walk the (contact_id, ...) primary keys: one seek per contact.
  auto s = db_->prepare(
      "SELECT c.id, c.name, c.company, c.title, c.tier, c.cadence_days, c.trust, c.connected_on, c.due, "
      "c.starred, c.archived, c.snooze_streak, "
      "(SELECT group_concat(value, ' ') FROM contact_fields f WHERE f.contact_id = c.id "
      "AND f.kind IN ('email', 'phone')), "
      "(SELECT group_concat(tag, ' ') FROM contact_tags t WHERE t.contact_id = c.id) "
      "FROM contacts c ORDER BY c.id");
  if (!s) return make_error(s.error());
  Contact c;
  std::string extra;
  return s->each_row([&](const Statement& row) {
    c = Contact{};
    c.id = row.int64(0);
    c.name = row.text(1);
    c.company = row.text(2);
    c.title = row.text(3);
    c.tier = row.text(4);
    if (auto v = row.optional_int64(5)) c.cadence_days = static_cast<int>(*v);
    c.trust = row.optional_real(6);
    c.connected_on = parse_optional_day(row.optional_text(7));
    c.due = parse_optional_day(row.optional_text(8));
    c.starred = row.int64(9) != 0;
    c.archived = row.int64(10) != 0;
    c.snooze_streak = static_cast<int>(row.int64(11));
    extra = row.optional_text(12).value_or("");
    const std::string tags = row.optional_text(13).value_or("");
    if (!tags.empty()) extra += (extra.empty() ? "" : " ") + tags;
    fn(c, extra);
  });
}

Result<bool> Store::has_tag(int64_t contact_id, const std::string& tag) {
  auto s = db_->prepare("SELECT 1 FROM contact_tags WHERE contact_id = ? AND tag = ?");
  if (!s) return make_error(s.error());
  s->bind(1, contact_id).bind(2, tag);
  auto row = s->step();
  if (!row) return make_error(row.error());
  return *row;
}

Status Store::add_tag(int64_t contact_id, const std::string& tag) {
  auto s = db_->prepare(
      "INSERT INTO contact_tags (contact_id, position, tag) "
      "SELECT ?1, coalesce(max(position) + 1, 0), ?2 FROM contact_tags WHERE contact_id = ?1");
  if (!s) return make_error(s.error());
  s->bind(1, contact_id).bind(2, tag);
  return s->run();
}

Status Store::remove_tag(int64_t contact_id, const std::string& tag) {
  auto s = db_->prepare("DELETE FROM contact_tags WHERE contact_id = ? AND tag = ?");
  if (!s) return make_error(s.error());
  s->bind(1, contact_id).bind(2, tag);
  return s->run();
}

Status Store::set_archived(int64_t contact_id, bool archived) {
  auto s = db_->prepare("UPDATE contacts SET archived = ? WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, archived).bind(2, contact_id);
  if (Status st = s->run(); !st) return st;
  if (db_->changes() != 1) return make_error("no contact with id " + std::to_string(contact_id));
  return Status::success();
}

Status Store::set_cadence(int64_t contact_id, std::optional<int> cadence_days) {
  auto s = db_->prepare("UPDATE contacts SET cadence_days = ? WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, cadence_days).bind(2, contact_id);
  if (Status st = s->run(); !st) return st;
  if (db_->changes() != 1) return make_error("no contact with id " + std::to_string(contact_id));
  return Status::success();
}

}  // namespace rekindle::core
