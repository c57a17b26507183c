#pragma once
// The import pipeline: read contact files, detect and parse each, then merge every record
// into the store in one transaction (all of it stored, or none), with a report per file.
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/history_import.h"
#include "core/import_types.h"
#include "core/result.h"
#include "core/store.h"

namespace rekindle::core {

// Where a running import is, in units a person reads: the file being read (and its bytes),
// then the records being stored.
struct ImportProgress {
  bool storing = false;  // false: reading and parsing the files; true: storing the records
  size_t file = 0;       // the file being read or stored, an index into the sources
  size_t files = 0;
  size_t bytes_done = 0, bytes_total = 0;      // over all files, while reading
  size_t records_done = 0, records_total = 0;  // over all files, while storing
};

struct ImportFileReport;

struct ImportOptions {
  std::string format = "auto";  // "auto" or one of kImportFormats, applied to every file
  bool dry_run = false;         // report what would happen; store nothing
  Day today;                    // for scheduling the contacts the import touches
  ProgressFn progress;          // (done, kImportProgressTotal); false cancels, storing nothing
  // The same moments in detail, for a window's progress display (may be empty).
  std::function<void(const ImportProgress&)> on_progress;
  // Set from another thread to cancel: checked with each progress step (every few dozen
  // records, and as the parsers report); the import then stores nothing.
  const std::atomic<bool>* cancel = nullptr;
  // The user's own e-mail addresses or LinkedIn profile, for history files (--me); kept in
  // the my_addresses setting. Empty: the setting, else detected from each file.
  std::vector<std::string> me;
  // CardDAV sync (core/sync.cpp): run inside the import's transaction, so that what they
  // write commits with the import or not at all. first runs before any record is merged;
  // last after every record is, with each file's report (contact_ids tells which contact
  // each record went to).
  std::function<Status()> first;
  std::function<Status(const std::vector<ImportFileReport>&)> last;
};

// The error of a cancelled import.
inline constexpr const char* kImportCancelled = "import cancelled; nothing was stored";

// Progress is reported in thousandths: reading and parsing the files, then storing.
inline constexpr size_t kImportProgressTotal = 1000;

// What happened to one file's records. Each record is counted once: added (a new contact),
// updated (merged into a contact that gained something from it), unchanged (a duplicate
// that added nothing), or skipped with its reason. duplicates counts the updated or
// unchanged records that matched a contact added earlier by the same import.
struct ImportFileReport {
  std::string file;
  std::string format;
  int added = 0, updated = 0, unchanged = 0, duplicates = 0;
  std::vector<SkippedRecord> skipped;
  std::vector<ImportNote> notes;  // what was kept elsewhere or left out of imported records
  // A history file (mailbox, LinkedIn messages, calendar): its touches instead of contacts.
  std::optional<HistoryReport> history;
  // The contact each record was added as or merged into, in record order (0: skipped).
  std::vector<int64_t> contact_ids;
};

struct ImportReport {
  std::vector<ImportFileReport> files;
  int added = 0, updated = 0, unchanged = 0, duplicates = 0, skipped = 0;  // totals over files
  double seconds = 0;  // wall time of the whole import
  bool dry_run = false;
};

// A file's name (for the report) and bytes.
struct ImportSource {
  std::string name;
  std::string bytes;
  // A history format ("mbox", "maildir", ...) when the file is read as a stream from name at
  // import time (bytes then empty): a mailbox may be larger than memory.
  std::string history = {};
  // Contacts read as a stream from name at import time (bytes then empty), in pieces of whole
  // records: memory follows the largest card or row, not the file (read_import_sources).
  bool stream = false;
  // A contact id: every record of this source is merged into that contact rather than
  // matched by the duplicate rules (a synced card whose contact is known).
  int64_t into = 0;
};

// Imports the sources into store: in-memory text (bytes, e.g. cards fetched from a server) or
// files streamed from their name. Fails, storing nothing, when a source is not a contact
// file, when storing fails, or when cancelled through options.progress or options.cancel
// (the error is then kImportCancelled); malformed records are skipped and reported instead.
Result<ImportReport> import_sources(Store& store, const std::vector<ImportSource>& sources,
                                    const ImportOptions& options);

// Checks each file (a regular file that can be opened; a Maildir folder) without reading it
// whole: contact and history files are read as streams at import time. Fails on the first
// missing, unreadable or irregular one ("FILE: reason"): a folder, a FIFO or a device
// (/dev/zero) is refused at once.
Result<std::vector<ImportSource>> read_import_sources(const std::vector<std::string>& paths);

// The format of a source (detect_import_format of its first bytes, or its history format).
Result<std::string> detect_source_format(const ImportSource& source);
// Its size in bytes (the file's, when it is read at import time).
uint64_t source_size(const ImportSource& source);

// Reads the files, then import_sources. A missing or unreadable file fails the whole import
// ("FILE: reason") before anything is stored.
Result<ImportReport> import_files(Store& store, const std::vector<std::string>& paths, const ImportOptions& options);

}  // namespace rekindle::core
