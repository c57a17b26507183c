// A CardDAV sync on a worker thread (see sync_job.h).
#include "app/sync_job.h"

#include "platform/carddav_http.h"

namespace rekindle::app {

core::Result<SyncSettings> remembered_sync_settings(core::Rekindle& api) {
  SyncSettings out;
  for (auto [key, into] : {std::pair{core::kSettingServer, &out.server}, std::pair{core::kSettingUser, &out.user},
                           std::pair{core::kSettingBook, &out.addressbook}}) {
    auto value = api.setting(key);
    if (!value) return core::make_error(value.error());
    if (*value) *into = **value;
  }
  auto on_start = api.setting(core::kSettingSyncOnStart);
  if (!on_start) return core::make_error(on_start.error());
  out.on_start = *on_start && **on_start == "1";
  return out;
}

std::string sync_summary(const core::SyncReport& r) {
  std::string parts;
  auto part = [&](int n, const std::string& one, const std::string& many) {
    if (n) parts += (parts.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
  };
  part(r.added, "new contact here", "new contacts here");
  part(r.updated, "contact updated here", "contacts updated here");
  part(r.pushed_new + r.pushed_changed, "card sent to the server", "cards sent to the server");
  part(r.deleted_on_server, "card deleted on the server", "cards deleted on the server");
  part(r.archived, "contact archived (deleted on the server)", "contacts archived (deleted on the server)");
  part(r.conflicts, "edit on both sides to choose", "edits on both sides to choose");
  return "Synced with \"" + r.book.name + "\": " + (parts.empty() ? "already in agreement" : parts) + ".";
}

SyncJob::SyncJob(core::Rekindle& api, core::SyncOptions options, std::string password, std::function<void()> wake) {
  auto user = options.user;
  auto run = [this, options, wake, user, password](core::Rekindle& db) mutable {
    options.on_progress = [this, wake](const core::SyncProgress& p) {
      {
        std::lock_guard lock(mutex_);
        snapshot_.progress = p;
      }
      if (wake) wake();
    };
    auto report = db.sync(platform::curl_transport(user, password), options);
    {
      std::lock_guard lock(mutex_);
      if (report) {
        snapshot_.phase = SyncPhase::kDone;
        snapshot_.report = std::move(*report);
      } else {
        snapshot_.phase = SyncPhase::kFailed;
        snapshot_.error = report.error();
      }
    }
    finished_ = true;
    if (wake) wake();
  };
  auto another = api.open_another();
  if (!another) {  // an in-memory database (tests): run here
    run(api);
    return;
  }
  worker_ = std::thread([run, db = std::shared_ptr<core::Rekindle>(std::move(*another))]() mutable { run(*db); });
}

SyncJob::~SyncJob() {
  if (worker_.joinable()) worker_.join();
}

SyncSnapshot SyncJob::snapshot() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

bool SyncJob::finished() const { return finished_.load(); }

}  // namespace rekindle::app
