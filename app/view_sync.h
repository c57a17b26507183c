#pragma once
// The Sync screen (issue 15): the CardDAV server, user and password (kept in memory only),
// Sync now with its progress on a worker thread (app/sync_job.h), the outcome in words, the
// setting to sync when Rekindle opens, and one card per edit made on both sides with the two
// values in words and a button for each.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "app/form_widgets.h"
#include "app/sync_job.h"
#include "app/theme.h"
#include "core/date.h"
#include "core/rekindle.h"

namespace rekindle::app {

struct SyncModel {
  std::string error;  // the store could not be read
  std::string server, user, addressbook, password;
  bool on_start = false;
  std::unique_ptr<SyncJob> job;
  SyncSnapshot shown;  // the job's state as drawn
  bool finish_seen = false;
  std::vector<std::pair<core::SyncConflict, std::string>> conflicts;  // with the contact's name
  std::string notice;          // why Sync now did not start, or what a choice did
  std::function<void()> wake;  // set by the shell: wakes the window's loop
};

struct SyncFrame {
  bool back = false;
  bool started = false;   // a sync started this frame
  bool finished = false;  // a sync finished this frame: the shell reloads the other screens
  bool running = false;
  size_t conflicts = 0;  // choice cards drawn
  Clickables buttons;
};

// Reads the remembered server, user and address book and the open conflicts.
void load_sync(core::Rekindle& api, SyncModel& model);
// Starts a sync with the model's fields (and password); false with model.notice set when it
// cannot start (a field missing, one already running).
bool start_sync(SyncModel& model, core::Rekindle& api, core::Day today);
// Sync when the window opens: only when the setting is on, a server and user are remembered
// and $REKINDLE_CARDDAV_PASSWORD is set, on a worker thread (never on an in-memory database,
// which has no second connection): the review never waits for the network.
bool start_sync_on_open(SyncModel& model, core::Rekindle& api, core::Day today);
SyncFrame draw_sync(SyncModel& model, const Theme& theme, core::Rekindle& api, core::Day today);

}  // namespace rekindle::app
