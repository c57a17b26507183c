#pragma once
// One import of contact files running on a worker thread, so the window keeps drawing while
// it reads and stores; the window reads a snapshot of its progress each frame and may cancel
// it. The worker has its own connection to the database file (SQLite wants one connection
// per thread; in WAL mode the window's connection keeps reading the state before the import
// until it commits). No ImGui here: the Import screen draws what this reports.
#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/date.h"
#include "core/importer.h"
#include "core/rekindle.h"

namespace rekindle::app {

// One file of the import, as soon as it has been read.
struct ImportFileInfo {
  std::string path;
  std::string name;    // the file's name without its folder, for the screen
  uint64_t bytes = 0;  // its size
  std::string format;  // "linkedin", "vcard"... detected from the content; empty until known
};

enum class ImportPhase {
  kRunning,    // reading, parsing or storing
  kDone,       // stored; report holds the counts
  kFailed,     // nothing stored; error says why
  kCancelled,  // cancelled by the user; nothing stored
};

// What the screen shows of a job, copied out under the job's lock.
struct ImportSnapshot {
  ImportPhase phase = ImportPhase::kRunning;
  std::vector<std::string> paths;      // as given
  std::vector<ImportFileInfo> files;   // those read so far, in order
  core::ImportProgress progress;       // where the import is
  size_t permille = 0;                 // of the whole import, 0..1000
  std::optional<core::ImportReport> report;  // kDone
  std::string error;                         // kFailed: one sentence naming the file (and line)
};

// Hooks into a job, from the window (wake the event loop) and from tests (see each step).
struct ImportHooks {
  // Called from the worker after progress changed, at most every few dozen milliseconds:
  // the window posts an empty event so its loop draws a frame (it sleeps otherwise).
  std::function<void()> wake;
  // Called from the worker at each progress step, after the snapshot is updated; a test may
  // block here to look at the screen mid-import.
  std::function<void(const core::ImportProgress&)> step;
};

class ImportJob {
 public:
  // Starts importing paths into api's database file on a new thread with its own connection.
  // An in-memory database (tests) has no file a second connection could open: the import
  // then runs at once on api's own connection, before this returns.
  ImportJob(core::Rekindle& api, std::vector<std::string> paths, core::Day today, ImportHooks hooks = {});
  // Cancels a running import (storing nothing) and waits for the worker.
  ~ImportJob();
  ImportJob(const ImportJob&) = delete;
  ImportJob& operator=(const ImportJob&) = delete;

  ImportSnapshot snapshot() const;
  // Asks the worker to stop; the import is rolled back unless it had already committed.
  void cancel() { cancel_.store(true); }
  bool cancel_requested() const { return cancel_.load(); }
  bool finished() const;

 private:
  // Reads, detects and imports with the given connection; fills the snapshot.
  void run(core::Rekindle& api, core::Day today);
  void publish(const std::function<void(ImportSnapshot&)>& change, bool force_wake = false);

  ImportHooks hooks_;
  std::atomic<bool> cancel_{false};
  mutable std::mutex mutex_;
  ImportSnapshot snapshot_;  // guarded by mutex_
  double last_wake_ = 0;     // seconds on a steady clock, worker only
  std::thread worker_;
};

// The paths in what a user typed or pasted into the path field: one per line, surrounding
// quotes removed, "~" expanded to home, file:// addresses decoded. Blank lines are ignored.
std::vector<std::string> parse_path_list(std::string_view text, std::string_view home);

// An import's error as one sentence for the screen: the file by its name (not its folder)
// and the line when the error has one, e.g. "Connections.csv, line 12: the quote ... ."
std::string import_error_sentence(const std::string& error, const std::vector<std::string>& paths);

// "LinkedIn connections" for "linkedin": a detected format in words.
const char* format_label(std::string_view format);

}  // namespace rekindle::app
