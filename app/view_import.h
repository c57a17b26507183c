#pragma once
// The Import screen: files dropped on the window or typed into a path field are imported on a
// background thread (app/import_job.h) with progress and Cancel; the report at the end, with
// the way on after a first import. Owner: import-window.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/form_widgets.h"
#include "app/import_job.h"
#include "app/theme.h"
#include "core/date.h"
#include "core/rekindle.h"
#include "platform/input.h"

namespace rekindle::app {

enum class ImportState {
  kError,      // the store could not be read
  kIdle,       // waiting for files: the drop zone and the path field
  kRunning,    // an import is running: progress and Cancel
  kDone,       // the report
  kCancelled,  // cancelled: nothing was stored
  kFailed,     // stopped by a bad file: the error sentence; nothing was stored
};

// Where a button of the screen leads; the shell switches screens.
enum class ImportExit { kNone, kToday, kSort };

struct ImportModel {
  std::string error;      // the store could not be read
  std::string path_text;  // the path field
  std::unique_ptr<ImportJob> job;
  ImportSnapshot shown;        // the job's state as drawn (copied each frame while it runs)
  bool first_import = false;   // the database was empty when this import started
  bool finish_seen = false;    // the shell has reloaded after this job finished
  bool skipped_open = false;   // the list of skipped lines is unfolded
  std::string notice;          // e.g. why a drop was not started
  // History files: the user's own address as the report shows it, and its change.
  bool me_editing = false;
  std::string me_text;
  ImportHooks hooks;           // set by the shell: wakes the window's loop
};

// What one frame of the screen did.
struct ImportFrame {
  ImportState state = ImportState::kIdle;
  ImportExit exit = ImportExit::kNone;
  bool started = false;  // an import was started this frame (Enter or the Import button)
  size_t permille = 0;   // progress of the running import, 0..1000
  size_t records_done = 0, records_total = 0;
  std::vector<ImportFileInfo> files;       // the files read so far, with their formats
  int added = 0, updated = 0, unchanged = 0, skipped = 0;  // kDone
  bool first_import = false;               // kDone: offers "Sort your network"
  int touches = 0;                         // kDone: touches added from history files
  std::string me;                          // kDone: the user's addresses the history was read with
  std::string message;                     // kFailed: the sentence shown
  Clickables buttons;                      // where each button was drawn
};

// Reads what the screen shows (it keeps a running or finished import).
void load_import(core::Rekindle& api, core::Day today, ImportModel& model);
// Starts importing paths; refused (model.notice says why) while another import runs.
// True when an import started.
bool start_import(ImportModel& model, core::Rekindle& api, core::Day today, std::vector<std::string> paths);
// True once, on the first call after an import has finished (the shell then reloads).
bool import_just_finished(ImportModel& model);
// Draws the screen into the current window.
ImportFrame draw_import(ImportModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                        const platform::InputEvents& events);

// The empty state's call to action (Today on an empty database): a card with an "Import
// contacts" button and the drop hint. True when the button was clicked.
bool import_invitation(const Theme& theme, Clickables* where = nullptr);

}  // namespace rekindle::app
