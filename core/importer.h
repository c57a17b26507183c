#pragma once
// The import pipeline: read contact files, detect and parse each, then merge every record
// into the store in one transaction (all of it stored, or none), with a report per file.
#include <string>
#include <vector>

#include "core/date.h"
#include "core/import_types.h"
#include "core/result.h"
#include "core/store.h"

namespace rekindle::core {

struct ImportOptions {
  std::string format = "auto";  // "auto" or one of kImportFormats, applied to every file
  bool dry_run = false;         // report what would happen; store nothing
  Day today;                    // for scheduling the contacts the import touches
  ProgressFn progress;          // (done, kImportProgressTotal); false cancels, storing nothing
};

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
};

// Imports the sources into store. Fails, storing nothing, when a source is not a contact
// file, when storing fails, or when cancelled through options.progress; malformed records
// are skipped and reported instead.
Result<ImportReport> import_sources(Store& store, const std::vector<ImportSource>& sources,
                                    const ImportOptions& options);

// Reads each file whole; fails on the first missing or unreadable one ("FILE: reason").
Result<std::vector<ImportSource>> read_import_sources(const std::vector<std::string>& paths);

// Reads the files, then import_sources. A missing or unreadable file fails the whole import
// ("FILE: reason") before anything is stored.
Result<ImportReport> import_files(Store& store, const std::vector<std::string>& paths, const ImportOptions& options);

}  // namespace rekindle::core
