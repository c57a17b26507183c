// Store: the sync_cards and sync_conflicts tables (issue 15, CardDAV sync).
#include "core/store.h"

namespace rekindle::core {

Result<std::vector<SyncedCard>> Store::synced_cards(const std::string& book) {
  auto s = db_->prepare(
      "SELECT book, href, contact_id, etag, base, server_deleted FROM sync_cards WHERE book = ? ORDER BY href");
  if (!s) return make_error(s.error());
  s->bind(1, book);
  std::vector<SyncedCard> out;
  Status st = s->each_row([&](const Statement& row) {
    SyncedCard c;
    c.book = row.text(0);
    c.href = row.text(1);
    c.contact_id = row.int64(2);
    c.etag = row.text(3);
    c.base = row.text(4);
    c.server_deleted = row.int64(5) != 0;
    out.push_back(std::move(c));
  });
  if (!st) return make_error(st.error());
  return out;
}

Status Store::put_synced_card(const SyncedCard& c) {
  auto s = db_->prepare(
      "INSERT OR REPLACE INTO sync_cards (book, href, contact_id, etag, base, server_deleted) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  if (!s) return make_error(s.error());
  s->bind(1, c.book).bind(2, c.href).bind(3, c.contact_id).bind(4, c.etag).bind(5, c.base).bind(6, c.server_deleted);
  return s->run();
}

Status Store::delete_synced_card(const std::string& book, const std::string& href) {
  auto s = db_->prepare("DELETE FROM sync_cards WHERE book = ? AND href = ?");
  if (!s) return make_error(s.error());
  s->bind(1, book).bind(2, href);
  return s->run();
}

Result<std::vector<SyncConflict>> Store::sync_conflicts() {
  auto s = db_->prepare("SELECT contact_id, field, here, server FROM sync_conflicts ORDER BY contact_id, field");
  if (!s) return make_error(s.error());
  std::vector<SyncConflict> out;
  Status st = s->each_row([&](const Statement& row) {
    out.push_back({row.int64(0), row.text(1), row.text(2), row.text(3)});
  });
  if (!st) return make_error(st.error());
  return out;
}

Status Store::put_sync_conflict(const SyncConflict& c) {
  auto s = db_->prepare("INSERT OR REPLACE INTO sync_conflicts (contact_id, field, here, server) VALUES (?, ?, ?, ?)");
  if (!s) return make_error(s.error());
  s->bind(1, c.contact_id).bind(2, c.field).bind(3, c.here).bind(4, c.server);
  return s->run();
}

Status Store::delete_sync_conflict(int64_t contact_id, const std::string& field) {
  auto s = db_->prepare("DELETE FROM sync_conflicts WHERE contact_id = ? AND field = ?");
  if (!s) return make_error(s.error());
  s->bind(1, contact_id).bind(2, field);
  return s->run();
}

}  // namespace rekindle::core
