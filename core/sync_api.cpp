// Rekindle's API for CardDAV sync (core/sync.h).
#include "core/rekindle.h"

namespace rekindle::core {

Result<SyncReport> Rekindle::sync(const HttpTransport& http, const SyncOptions& options) {
  return sync_address_book(*store_, http, options);
}

Result<std::vector<std::pair<SyncConflict, std::string>>> Rekindle::sync_conflicts() {
  auto conflicts = store_->sync_conflicts();
  if (!conflicts) return make_error(conflicts.error());
  std::vector<std::pair<SyncConflict, std::string>> out;
  for (SyncConflict& c : *conflicts) {
    auto name = store_->contact_name(c.contact_id);
    if (!name) return make_error(name.error());
    out.emplace_back(std::move(c), name->value_or(""));
  }
  return out;
}

Status Rekindle::resolve_sync_conflict(int64_t contact_id, const std::string& field, bool use_server) {
  return core::resolve_sync_conflict(*store_, contact_id, field, use_server);
}

}  // namespace rekindle::core
