#pragma once
// One CardDAV sync running on a worker thread with its own database connection, so the window
// (and the review) never waits for the network; the Sync screen reads a snapshot each frame.
// Also the words both front ends use for a sync's outcome. No ImGui here.
#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/rekindle.h"
#include "core/sync.h"

namespace rekindle::app {

// The server and user remembered by the last sync, and whether to sync when the window opens.
struct SyncSettings {
  std::string server, user, addressbook;
  bool on_start = false;
};
core::Result<SyncSettings> remembered_sync_settings(core::Rekindle& api);

// "Synced with "Contacts": 3 new here, 1 updated, 2 sent, 1 to choose." in words.
std::string sync_summary(const core::SyncReport& report);

enum class SyncPhase { kRunning, kDone, kFailed };

struct SyncSnapshot {
  SyncPhase phase = SyncPhase::kRunning;
  core::SyncProgress progress;
  std::optional<core::SyncReport> report;  // kDone
  std::string error;                       // kFailed: why; nothing was changed
};

class SyncJob {
 public:
  // Starts syncing api's database file on a new thread (its own connection). The password
  // stays in memory for this job only. wake is called from the worker when there is news.
  SyncJob(core::Rekindle& api, core::SyncOptions options, std::string password, std::function<void()> wake = {});
  ~SyncJob();  // waits for the worker (a request times out within its timeout)
  SyncJob(const SyncJob&) = delete;
  SyncJob& operator=(const SyncJob&) = delete;

  SyncSnapshot snapshot() const;
  bool finished() const;

 private:
  mutable std::mutex mutex_;
  SyncSnapshot snapshot_;
  std::atomic<bool> finished_{false};
  std::thread worker_;
};

}  // namespace rekindle::app
