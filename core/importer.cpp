#include "core/importer.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/compose_context.h"
#include "core/contact_merge.h"
#include "core/import_detect.h"
#include "core/model.h"
#include "core/schedule.h"
#include "core/vcard_reader.h"

namespace rekindle::core {
namespace {

// Thousandths of the progress bar given to reading and parsing; storing gets the rest.
constexpr size_t kParseShare = 400;
constexpr size_t kStoreProgressEvery = 64;
constexpr const char* kCancelled = kImportCancelled;
// Returned from the transaction body of a dry run so that everything is rolled back.
constexpr const char* kDryRunRollback = "dry run: rolled back";

bool is_one_of(const std::string& value, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return value == n; });
}

bool valid_channel(const std::string& c) {
  return std::any_of(std::begin(kChannelNames), std::end(kChannelNames), [&](const char* n) { return c == n; });
}

bool valid_kind(const std::string& k) {
  return std::any_of(std::begin(kKindNames), std::end(kKindNames), [&](const char* n) { return k == n; });
}

// Values a file may carry that the store's constraints would refuse are dropped to defaults
// rather than failing the whole import.
void sanitise(Contact& c) {
  if (!is_valid_tier(c.tier)) c.tier = "dormant";
  if (c.cadence_days && *c.cadence_days <= 0) c.cadence_days.reset();
  if (c.trust && !(*c.trust >= 0.0 && *c.trust <= 1.0)) c.trust.reset();
  if (c.snooze_streak < 0) c.snooze_streak = 0;
}

void sanitise(Interaction& x) {
  if (!valid_channel(x.channel)) x.channel = "other";
  if (!valid_kind(x.kind)) x.kind = "neutral";
  if (x.grade && (*x.grade < 1 || *x.grade > 4)) x.grade.reset();
}

bool same_interaction(const Interaction& a, const Interaction& b) {
  return a.date == b.date && a.channel == b.channel && a.kind == b.kind && a.grade == b.grade && a.note == b.note;
}

// Merges parsed records into the store, inside the caller's transaction.
class Merger {
 public:
  Merger(Store& store, Day today) : store_(store), today_(today) {}

  Status load() {
    auto contacts = store_.contacts();
    if (!contacts) return make_error(contacts.error());
    for (Contact& c : *contacts) {
      if (c.source == "linkedin" && c.connected_on && (!linkedin_newest_ || *c.connected_on > *linkedin_newest_))
        linkedin_newest_ = c.connected_on;
      index_.add(c, c.id);
      const int64_t id = c.id;
      contacts_.emplace(id, std::move(c));
    }
    auto goals = store_.goals(true);
    if (!goals) return make_error(goals.error());
    for (const Goal& g : *goals) goals_.emplace(g.text, g.id);
    return Status::success();
  }

  Status apply(const ParsedRecord& record, const std::string& format, ImportFileReport& report) {
    Contact incoming = record.contact;
    sanitise(incoming);
    if (incoming.name.empty()) incoming.name = derive_display_name(incoming);
    if (incoming.name.empty()) {
      report.skipped.push_back({record.line, "nothing identifies this contact (no name, e-mail, phone or URL)"});
      return Status::success();
    }
    if (auto match = index_.find(incoming)) return merge_into(*match, incoming, record, report);

    incoming.id = 0;
    if (incoming.source.empty()) incoming.source = format;
    auto id = store_.insert_contact(incoming);
    if (!id) return make_error(id.error());
    incoming.id = *id;
    index_.add(incoming, *id);
    added_.insert(*id);
    history_[*id] = {};
    // A record that carries its own due day (our own export) keeps its schedule.
    const bool own_schedule = incoming.due.has_value();
    contacts_.emplace(*id, std::move(incoming));
    auto history = add_interactions(*id, record.interactions);
    if (!history) return make_error(history.error());
    auto links = add_goal_links(*id, record.goal_links);
    if (!links) return make_error(links.error());
    if (!own_schedule) to_schedule_.insert(*id);
    ++report.added;
    return Status::success();
  }

  // A LinkedIn export is dated by its newest "Connected On": one older than the connections
  // already stored is an old export, whose positions are not news (a job change back to an
  // old title would be recorded otherwise). Returns the report line when it is old.
  std::optional<std::string> begin_file(const ParseOutput& parsed) {
    older_export_ = false;
    if (parsed.format != "linkedin" || !linkedin_newest_) return std::nullopt;
    std::optional<Day> newest;
    for (const ParsedRecord& r : parsed.records)
      if (r.contact.connected_on && (!newest || *r.contact.connected_on > *newest)) newest = r.contact.connected_on;
    if (!newest || *newest >= *linkedin_newest_) return std::nullopt;
    older_export_ = true;
    return "this LinkedIn export is older than one imported before (its newest connection is " +
           format_iso_day(*newest) + ", the stored one " + format_iso_day(*linkedin_newest_) +
           "): titles and companies that differ were kept as stored, not recorded as job changes";
  }

  // Replays the schedule of every contact whose history or tier data the import changed.
  Status reschedule() {
    for (int64_t id : to_schedule_)
      if (Status s = reschedule_contact(store_, id, today_); !s) return s;
    return Status::success();
  }

 private:
  Status merge_into(int64_t id, const Contact& incoming, const ParsedRecord& record, ImportFileReport& report) {
    Contact& existing = contacts_.at(id);
    const auto before_connected = existing.connected_on;
    const auto before_cadence = existing.cadence_days;
    // LinkedIn's export gives each connection's current position: a title or company that
    // replaces a different one is a job change. It is recorded with the old values (nothing
    // lost), so a draft may congratulate on it, and the contact takes the new position.
    bool job_changed = false;
    if (incoming.source == "linkedin" && !older_export_) {
      Contact now = existing;
      if (!incoming.title.empty()) now.title = incoming.title;
      if (!incoming.company.empty()) now.company = incoming.company;
      if (auto change = job_change_between(existing, now, today_)) {
        change->contact_id = id;
        if (Status s = store_.insert_job_change(*change); !s) return s;
        existing.title = now.title;
        existing.company = now.company;
        job_changed = true;
      }
    }
    const bool fields = merge_contact(existing, incoming) || job_changed;  // fills only empty fields
    if (fields) {
      if (Status s = store_.update_contact(existing); !s) return s;
      index_.add(existing, id);
    }
    auto history = add_interactions(id, record.interactions);
    if (!history) return make_error(history.error());
    auto links = add_goal_links(id, record.goal_links);
    if (!links) return make_error(links.error());
    if (*history || existing.connected_on != before_connected || existing.cadence_days != before_cadence)
      to_schedule_.insert(id);
    if (added_.count(id)) ++report.duplicates;
    if (fields || *history || *links) ++report.updated;
    else ++report.unchanged;
    return Status::success();
  }

  // Adds the interactions the contact's history lacks; true when any was added.
  Result<bool> add_interactions(int64_t id, const std::vector<Interaction>& incoming) {
    if (incoming.empty()) return false;
    auto known = history_.find(id);
    if (known == history_.end()) {
      auto stored = store_.interactions(id);
      if (!stored) return make_error(stored.error());
      known = history_.emplace(id, std::move(*stored)).first;
    }
    bool added = false;
    for (Interaction x : incoming) {
      sanitise(x);
      x.id = 0;
      x.contact_id = id;
      const bool seen = std::any_of(known->second.begin(), known->second.end(),
                                    [&](const Interaction& k) { return same_interaction(k, x); });
      if (seen) continue;
      auto inserted = store_.insert_interaction(x);
      if (!inserted) return make_error(inserted.error());
      x.id = *inserted;
      known->second.push_back(x);
      added = true;
    }
    return added;
  }

  // Links the contact to goals by their text (creating goals the store lacks) and fills
  // empty link fields; true when anything changed.
  Result<bool> add_goal_links(int64_t id, const std::vector<ParsedGoalLink>& incoming) {
    if (incoming.empty()) return false;
    auto stored = store_.goal_links(id);
    if (!stored) return make_error(stored.error());
    bool changed = false;
    for (const ParsedGoalLink& parsed : incoming) {
      if (parsed.goal_text.empty()) continue;
      auto goal = goals_.find(parsed.goal_text);
      if (goal == goals_.end()) {
        Goal g;
        g.text = parsed.goal_text;
        auto goal_id = store_.insert_goal(g);
        if (!goal_id) return make_error(goal_id.error());
        goal = goals_.emplace(g.text, *goal_id).first;
      }
      GoalLink link = parsed.link;
      link.contact_id = id;
      link.goal_id = goal->second;
      if (!is_one_of(link.relevance, {"none", "some", "high"})) link.relevance = "none";
      auto existing = std::find_if(stored->begin(), stored->end(),
                                   [&](const GoalLink& l) { return l.goal_id == link.goal_id; });
      GoalLink result = link;
      if (existing != stored->end()) {
        result = *existing;
        if (result.relevance == "none") result.relevance = link.relevance;
        if (result.can_help.empty()) result.can_help = link.can_help;
        if (result.offer.empty()) result.offer = link.offer;
        if (result.relevance == existing->relevance && result.can_help == existing->can_help &&
            result.offer == existing->offer)
          continue;
        *existing = result;
      } else {
        stored->push_back(result);
      }
      if (Status s = store_.upsert_goal_link(result); !s) return make_error(s.error());
      changed = true;
    }
    return changed;
  }

  Store& store_;
  Day today_;
  std::optional<Day> linkedin_newest_;  // the newest "Connected On" of stored LinkedIn contacts
  bool older_export_ = false;           // the file being merged is an older LinkedIn export
  DuplicateIndex index_;
  std::map<int64_t, Contact> contacts_;
  std::map<int64_t, std::vector<Interaction>> history_;  // loaded when first needed
  std::map<std::string, int64_t> goals_;                 // by text
  std::set<int64_t> added_;                              // created by this import
  std::set<int64_t> to_schedule_;
};

Result<std::string> read_file_bytes(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return make_error(path + ": is a directory, not a contact file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(path + ": cannot read: " + std::strerror(errno));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return make_error(path + ": cannot read: " + std::strerror(errno));
  return bytes.str();
}

// Reads the history files into touches once the contacts are stored, then replays the
// schedules of the contacts they touched (only those), inside the import's transaction.
template <typename Tick>
Status import_history_files(Store& store, const std::vector<ImportSource>& sources,
                            const std::vector<std::string>& history, const ImportOptions& options,
                            std::vector<ImportFileReport>& files, ImportProgress& where, Tick& tick,
                            size_t progress_from) {
  std::set<int64_t> affected;
  const size_t count = static_cast<size_t>(std::count_if(history.begin(), history.end(), [](const auto& h) { return !h.empty(); }));
  size_t index = 0;
  for (size_t f = 0; f < sources.size(); ++f) {
    if (history[f].empty()) continue;
    where.file = f;
    where.storing = false;
    const size_t from = progress_from + (kImportProgressTotal - progress_from) * index / count;
    const size_t to = progress_from + (kImportProgressTotal - progress_from) * ++index / count;
    HistoryOptions history_options;
    history_options.today = options.today;
    history_options.me = options.me;
    // The screen says "Reading 120 MB of 2 GB": the reader's units scaled to the file's size.
    std::error_code ec;
    const uint64_t size = sources[f].history.empty() ? sources[f].bytes.size() : std::filesystem::file_size(sources[f].name, ec);
    where.bytes_done = 0;
    where.bytes_total = ec ? 0 : static_cast<size_t>(size);
    history_options.progress = [&](size_t done, size_t total) {
      if (total) where.bytes_done = static_cast<size_t>(where.bytes_total * std::min(done, total) / total);
      return tick(total ? from + (to - from) * std::min(done, total) / total : from);
    };
    const HistorySource source{sources[f].name, history[f], sources[f].name,
                               sources[f].history.empty() ? &sources[f].bytes : nullptr};
    auto read = import_history(store, source, history_options, affected);
    if (!read) return make_error(read.error() == "cancelled" ? std::string(kCancelled) : sources[f].name + ": " + read.error());
    files[f].file = sources[f].name;
    files[f].format = history[f];
    files[f].history = std::move(*read);
  }
  for (int64_t id : affected)
    if (Status s = reschedule_contact(store, id, options.today); !s) return s;
  return Status::success();
}

}  // namespace

Result<ImportReport> import_sources(Store& store, const std::vector<ImportSource>& sources,
                                    const ImportOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  ImportReport report;
  report.dry_run = options.dry_run;
  bool cancelled = false;
  ImportProgress where;  // kept up to date below, for options.on_progress
  where.files = sources.size();
  auto tick = [&](size_t done) {
    if (options.cancel && options.cancel->load(std::memory_order_relaxed)) cancelled = true;
    if (options.progress && !cancelled && !options.progress(std::min(done, kImportProgressTotal), kImportProgressTotal))
      cancelled = true;
    if (options.on_progress && !cancelled) options.on_progress(where);
    return !cancelled;
  };

  // History files (mailboxes, LinkedIn messages, calendars) are read after the contacts are
  // stored, so that they match contacts imported with them; their share of the progress bar
  // follows their size.
  std::vector<std::string> history(sources.size());
  size_t total_bytes = 0, history_bytes = 0;
  for (size_t f = 0; f < sources.size(); ++f) {
    history[f] = sources[f].history.empty() ? detect_history_format(sources[f].bytes) : sources[f].history;
    if (history[f].empty()) {
      total_bytes += sources[f].bytes.size();
      continue;
    }
    std::error_code ec;
    const auto size = sources[f].history.empty() ? sources[f].bytes.size() : std::filesystem::file_size(sources[f].name, ec);
    history_bytes += ec ? 0 : static_cast<size_t>(size);
  }
  const size_t history_share = history_bytes == 0 ? 0
      : std::clamp<size_t>(kImportProgressTotal * history_bytes / (history_bytes + total_bytes), 100, kImportProgressTotal);
  const size_t contact_end = kImportProgressTotal - history_share;
  const size_t parse_share = kParseShare * contact_end / kImportProgressTotal;

  // Parse everything first: a file that is not contacts stops the import before any write.
  where.bytes_total = total_bytes;
  std::vector<ParseOutput> parsed;
  size_t bytes_before = 0;
  for (const ImportSource& source : sources) {
    where.file = parsed.size();
    if (!history[where.file].empty()) {
      parsed.push_back(ParseOutput{history[where.file], {}, {}, {}});
      continue;
    }
    // Parsers count in their own units (bytes, records): scale to this file's share of bytes.
    ProgressFn file_progress = [&](size_t done, size_t total) {
      const size_t file_done = total ? source.bytes.size() * std::min(done, total) / total : 0;
      where.bytes_done = bytes_before + file_done;
      return tick(total_bytes ? (bytes_before + file_done) * parse_share / total_bytes : 0);
    };
    auto out = parse_contact_file(source.bytes, options.format, file_progress);
    if (cancelled) return make_error(kCancelled);
    if (!out) return make_error(source.name + ": " + out.error());
    parsed.push_back(std::move(*out));
    bytes_before += source.bytes.size();
    where.bytes_done = bytes_before;
    if (!tick(total_bytes ? bytes_before * parse_share / total_bytes : parse_share)) return make_error(kCancelled);
  }

  size_t total_records = 0;
  for (const auto& p : parsed) total_records += p.records.size();
  where.storing = true;
  where.file = 0;
  where.records_total = total_records;
  // A bulk import needs no fsync per page; the commit itself is still durable in WAL mode.
  if (Status s = store.set_bulk_import(true); !s) return make_error(s.error());
  Status stored = store.transaction([&]() -> Status {
    Merger merger(store, options.today);
    if (Status s = merger.load(); !s) return s;
    size_t done = 0;
    std::vector<ImportFileReport> files(sources.size());
    for (size_t f = 0; f < sources.size(); ++f) {
      if (!history[f].empty()) continue;
      where.file = f;
      ImportFileReport& file = files[f];
      file.file = sources[f].name;
      file.format = parsed[f].format;
      file.skipped = parsed[f].skipped;
      file.notes = parsed[f].notes;
      if (auto older = merger.begin_file(parsed[f])) file.notes.push_back({0, *older});
      for (const ParsedRecord& record : parsed[f].records) {
        where.records_done = done;
        if (++done % kStoreProgressEvery == 0 &&
            !tick(parse_share + done * (contact_end - parse_share) / std::max<size_t>(total_records, 1)))
          return make_error(kCancelled);
        if (Status s = merger.apply(record, parsed[f].format, file); !s) {
          // A full disk, a lock or a damaged file is the database's failure, not the line's.
          if (store.storage_failed()) return s;
          return make_error(sources[f].name + ":" + std::to_string(record.line) + ": " + s.error());
        }
      }
      std::sort(file.skipped.begin(), file.skipped.end(),
                [](const SkippedRecord& a, const SkippedRecord& b) { return a.line < b.line; });
    }
    if (Status s = merger.reschedule(); !s) return s;
    if (Status s = import_history_files(store, sources, history, options, files, where, tick, contact_end); !s)
      return s;
    for (ImportFileReport& file : files) report.files.push_back(std::move(file));
    where.records_done = total_records;
    if (!tick(kImportProgressTotal)) return make_error(kCancelled);
    if (options.dry_run) return make_error(kDryRunRollback);
    return Status::success();
  });
  const Status restored = store.set_bulk_import(false);
  if (!stored && !(options.dry_run && stored.error() == kDryRunRollback)) return make_error(stored.error());
  if (!restored) return make_error("after the import: " + restored.error());

  for (const auto& f : report.files) {
    report.added += f.added;
    report.updated += f.updated;
    report.unchanged += f.unchanged;
    report.duplicates += f.duplicates;
    report.skipped += static_cast<int>(f.skipped.size());
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

Result<std::vector<ImportSource>> read_import_sources(const std::vector<std::string>& paths) {
  std::vector<ImportSource> sources;
  for (const std::string& path : paths) {
    if (std::string history = detect_history_path(path); !history.empty()) {
      sources.push_back({path, "", std::move(history)});
      continue;
    }
    auto bytes = read_file_bytes(path);
    if (!bytes) return make_error(bytes.error());
    sources.push_back({path, std::move(*bytes)});
  }
  return sources;
}

Result<ImportReport> import_files(Store& store, const std::vector<std::string>& paths, const ImportOptions& options) {
  auto sources = read_import_sources(paths);
  if (!sources) return make_error(sources.error());
  return import_sources(store, *sources, options);
}

}  // namespace rekindle::core
