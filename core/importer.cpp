#include "core/importer.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>
#include <unistd.h>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/compose_context.h"
#include "core/contact_merge.h"
#include "core/csv_contacts.h"
#include "core/import_detect.h"
#include "core/import_stream.h"
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
    auto contacts = store_.contacts_for_import();  // photos as their type only
    if (!contacts) return make_error(contacts.error());
    contacts_.reserve(contacts->size());
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

  // record.contact is moved from. into: a contact id every record is merged into rather than
  // matched by the duplicate rules (a synced card whose contact is known), or 0.
  Status apply(ParsedRecord& record, const std::string& format, ImportFileReport& report, int64_t into = 0) {
    Contact incoming = std::move(record.contact);
    sanitise(incoming);
    if (incoming.name.empty()) incoming.name = derive_display_name(incoming);
    if (incoming.name.empty()) {
      report.skipped.push_back({record.line, "nothing identifies this contact (no name, e-mail, phone or URL)"});
      report.contact_ids.push_back(0);
      return Status::success();
    }
    if (into != 0 && contacts_.count(into)) return merge_into(into, incoming, record, report);
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
    if (incoming.photo) std::string().swap(incoming.photo->bytes);  // stored; memory keeps only its type
    contacts_.emplace(*id, std::move(incoming));
    auto history = add_interactions(*id, record.interactions);
    if (!history) return make_error(history.error());
    auto links = add_goal_links(*id, record.goal_links);
    if (!links) return make_error(links.error());
    auto decided = add_decisions(*id, record.decisions);
    if (!decided) return make_error(decided.error());
    if (!own_schedule) to_schedule_.insert(*id);
    report.contact_ids.push_back(*id);
    ++report.added;
    return Status::success();
  }

  // A LinkedIn export is dated by its newest "Connected On": one older than the connections
  // already stored is an old export, whose positions are not news (a job change back to an
  // old title would be recorded otherwise). Returns the report line when it is old.
  // newest: the newest "Connected On" of the file (a first, cheap pass over a LinkedIn file).
  std::optional<std::string> begin_file(const std::string& format, std::optional<Day> newest) {
    older_export_ = false;
    if (format != "linkedin" || !linkedin_newest_) return std::nullopt;
    if (!newest || *newest >= *linkedin_newest_) return std::nullopt;
    older_export_ = true;
    return "this LinkedIn export is older than one imported before (its newest connection is " +
           format_iso_day(*newest) + ", the stored one " + format_iso_day(*linkedin_newest_) +
           "): titles and companies that differ were kept as stored, not recorded as job changes";
  }

  // Whether a LinkedIn file needs begin_file's newest date (only when LinkedIn contacts are stored).
  bool wants_linkedin_date(const std::string& format) const { return format == "linkedin" && linkedin_newest_; }

  // Replays the schedule of every contact whose history or tier data the import changed.
  // Computed from the contacts and touches in memory, not read back from the store.
  Status reschedule() {
    std::optional<uint64_t> seed;
    for (int64_t id : to_schedule_) {
      Contact& c = contacts_.at(id);
      if (!has_target_layer(c)) continue;  // the dormant pool has no due day to replay
      if (!seed) {
        auto read = schedule_seed(store_);
        if (!read) return make_error(read.error());
        seed = *read;
      }
      std::vector<Interaction> xs;
      if (auto known = history_.find(id); known != history_.end()) {
        xs = known->second;
      } else {
        auto stored = store_.interactions(id);
        if (!stored) return make_error(stored.error());
        xs = std::move(*stored);
      }
      // As the store lists them: oldest first, then by id.
      std::stable_sort(xs.begin(), xs.end(), [](const Interaction& a, const Interaction& b) {
        return a.date != b.date ? a.date < b.date : a.id < b.id;
      });
      const auto due = scheduled_due(c, xs, *seed);
      if (due == c.due) continue;
      if (Status s = store_.set_due(id, due); !s) return s;
      c.due = due;
    }
    return Status::success();
  }

 private:
  Status merge_into(int64_t id, const Contact& incoming, const ParsedRecord& record, ImportFileReport& report) {
    report.contact_ids.push_back(id);
    Contact& existing = contacts_.at(id);
    const Contact before = existing;
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
      // Only what changed is written: new list rows appended, changed columns set.
      if (Status s = store_.update_contact_changes(before, existing); !s) return s;
      if (existing.photo) std::string().swap(existing.photo->bytes);  // stored; memory keeps only its type
      index_.add(existing, id);
    }
    auto history = add_interactions(id, record.interactions);
    if (!history) return make_error(history.error());
    auto links = add_goal_links(id, record.goal_links);
    if (!links) return make_error(links.error());
    auto decided = add_decisions(id, record.decisions);
    if (!decided) return make_error(decided.error());
    if (*history || existing.connected_on != before_connected || existing.cadence_days != before_cadence)
      to_schedule_.insert(id);
    if (added_.count(id)) ++report.duplicates;
    if (fields || *history || *links || *decided) ++report.updated;
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

  // Records the review decisions the card carries on days the contact has none here (a
  // decision of the same day made here stays: never two on one day); true when any was added.
  Result<bool> add_decisions(int64_t id, const std::vector<DayDecision>& incoming) {
    bool added = false;
    for (const DayDecision& d : incoming) {
      auto inserted = store_.add_card_decision(id, d);
      if (!inserted) return make_error(inserted.error());
      added = added || *inserted;
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
  std::unordered_map<int64_t, Contact> contacts_;
  std::unordered_map<int64_t, std::vector<Interaction>> history_;  // loaded when first needed
  std::map<std::string, int64_t> goals_;                           // by text
  std::unordered_set<int64_t> added_;                              // created by this import
  std::set<int64_t> to_schedule_;
};

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
    const bool in_memory = sources[f].history.empty() && !sources[f].stream;
    const uint64_t size = in_memory ? sources[f].bytes.size() : std::filesystem::file_size(sources[f].name, ec);
    where.bytes_done = 0;
    where.bytes_total = ec ? 0 : static_cast<size_t>(size);
    history_options.progress = [&](size_t done, size_t total) {
      if (total) where.bytes_done = static_cast<size_t>(where.bytes_total * std::min(done, total) / total);
      return tick(total ? from + (to - from) * std::min(done, total) / total : from);
    };
    const HistorySource source{sources[f].name, history[f], sources[f].name,
                               in_memory ? &sources[f].bytes : nullptr};
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

// A contact file being read: its stream of whole records and how to parse them.
struct ContactInput {
  std::unique_ptr<RecordStream> stream;
  std::string format;  // "vcard" or a CSV dialect
  std::unique_ptr<ContactCsvReader> csv;
};

Result<std::unique_ptr<RecordStream>> open_stream(const ImportSource& source) {
  if (source.stream) return RecordStream::open_file(source.name);
  return RecordStream::over_text(source.name, source.bytes);
}

// Recognises a contact file by its first bytes (or checks the format asked for) and readies
// its parser; fails ("reason", without the file's name) when it is not one.
Result<ContactInput> open_contact_input(std::unique_ptr<RecordStream> stream, const std::string& format) {
  ContactInput input;
  std::string chosen = format;
  const std::string_view head = stream->head();
  if (chosen.empty() || chosen == "auto") {
    auto detected = detect_import_format(head);
    if (!detected) return make_error(detected.error());
    chosen = *detected;
  } else if (!is_import_format(chosen)) {
    return make_error("unknown format '" + chosen + "' (use auto, vcard, linkedin, google, outlook or thunderbird)");
  }
  if (chosen == "vcard") {
    auto detected = detect_import_format(head);
    if (!detected || *detected != "vcard") return make_error("no BEGIN:VCARD in this file: not a vCard file");
    stream->set_syntax(RecordSyntax::kVcard);
  } else {
    input.csv = std::make_unique<ContactCsvReader>();
    if (Status s = input.csv->begin(head, chosen); !s) return make_error(s.error());
    chosen = input.csv->dialect();
    stream->set_syntax(RecordSyntax::kCsv, input.csv->delimiter());
  }
  input.format = chosen;
  input.stream = std::move(stream);
  return input;
}

// Parses one piece of whole records into out, its lines counted from the file's start.
// progress as the parsers take it; false cancels (the error is then "cancelled").
Status parse_piece(ContactInput& input, const RecordStream::Piece& piece, bool first, ParseOutput& out,
                   const ProgressFn& progress) {
  if (input.csv) return input.csv->read(piece.text, piece.first_line, out, progress);
  bool cancelled = false;
  ProgressFn watch;
  if (progress) watch = [&](size_t done, size_t total) { return !(cancelled = !progress(done, total)); };
  ParseOutput cards = parse_vcard(piece.text, watch);
  if (cancelled) return make_error("cancelled");
  const int offset = piece.first_line - 1;
  for (ParsedRecord& r : cards.records) {
    r.line += offset;
    out.records.push_back(std::move(r));
  }
  for (SkippedRecord& k : cards.skipped) {
    // Text between cards is carried by the piece before; only a file with no card says so.
    if (!first && k.reason.starts_with("no BEGIN:VCARD found")) continue;
    k.line += offset;
    out.skipped.push_back(std::move(k));
  }
  for (ImportNote& n : cards.notes) {
    if (n.line > 0) n.line += offset;
    out.notes.push_back(std::move(n));
  }
  return Status::success();
}

// The newest "Connected On" of a LinkedIn file: a first pass over it that keeps nothing else.
Result<std::optional<Day>> newest_connection(const ImportSource& source, const std::string& format) {
  auto stream = open_stream(source);
  if (!stream) return make_error(stream.error());
  auto input = open_contact_input(std::move(*stream), format);
  if (!input) return make_error(input.error());
  std::optional<Day> newest;
  RecordStream::Piece piece;
  for (bool first = true;; first = false) {
    auto more = input->stream->next(piece);
    if (!more) return make_error(more.error());
    if (!*more) break;
    ParseOutput out;
    if (Status s = parse_piece(*input, piece, first, out, {}); !s) return make_error(s.error());
    for (const ParsedRecord& r : out.records)
      if (r.contact.connected_on && (!newest || *r.contact.connected_on > *newest)) newest = r.contact.connected_on;
  }
  return newest;
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

  // Recognise every file first, from its first bytes: a file that is not contacts stops the
  // import before any write. Contact files are then read in pieces of whole records, each
  // parsed and stored before the next is read, so memory follows the largest record.
  // History files (mailboxes, LinkedIn messages, calendars) are read after the contacts are
  // stored, so that they match contacts imported with them; their share of the progress bar
  // follows their size.
  std::vector<std::string> history(sources.size());
  std::vector<std::optional<ContactInput>> inputs(sources.size());
  size_t total_bytes = 0, history_bytes = 0;
  for (size_t f = 0; f < sources.size(); ++f) {
    const ImportSource& source = sources[f];
    if (source.history.empty()) {
      auto stream = open_stream(source);
      if (!stream) return make_error(stream.error());
      history[f] = detect_history_format((*stream)->head());
      if (history[f].empty()) {
        total_bytes += static_cast<size_t>((*stream)->size());
        auto input = open_contact_input(std::move(*stream), options.format);
        if (!input) return make_error(source.name + ": " + input.error());
        inputs[f] = std::move(*input);
        continue;
      }
      if (source.stream) {
        history_bytes += static_cast<size_t>((*stream)->size());
        continue;
      }
    } else {
      history[f] = source.history;
    }
    std::error_code ec;
    const auto size = source.history.empty() && !source.stream ? source.bytes.size()
                                                                : std::filesystem::file_size(source.name, ec);
    history_bytes += ec ? 0 : static_cast<size_t>(size);
  }
  const size_t history_share = history_bytes == 0 ? 0
      : std::clamp<size_t>(kImportProgressTotal * history_bytes / (history_bytes + total_bytes), 100, kImportProgressTotal);
  const size_t contact_end = kImportProgressTotal - history_share;
  // Within each piece: reading and parsing it, then storing its records.
  auto at_bytes = [&](double bytes) {
    return total_bytes ? static_cast<size_t>(bytes * static_cast<double>(contact_end) / static_cast<double>(total_bytes))
                       : size_t{0};
  };

  where.bytes_total = total_bytes;
  // A bulk import needs no fsync per page; the commit itself is still durable in WAL mode.
  if (Status s = store.set_bulk_import(true); !s) return make_error(s.error());
  Status stored = store.transaction([&]() -> Status {
    if (options.first)
      if (Status s = options.first(); !s) return s;
    Merger merger(store, options.today);
    if (Status s = merger.load(); !s) return s;
    size_t done = 0, bytes_before = 0;
    std::vector<ImportFileReport> files(sources.size());
    for (size_t f = 0; f < sources.size(); ++f) {
      if (!inputs[f]) continue;
      ContactInput& input = *inputs[f];
      RecordStream& stream = *input.stream;
      where.file = f;
      ImportFileReport& file = files[f];
      file.file = sources[f].name;
      file.format = input.format;
      std::optional<std::string> older;
      if (merger.wants_linkedin_date(input.format)) {
        auto newest = newest_connection(sources[f], options.format);
        if (!newest) return make_error(newest.error());
        older = merger.begin_file(input.format, *newest);
      } else {
        older = merger.begin_file(input.format, std::nullopt);
      }
      RecordStream::Piece piece;
      size_t file_records = 0;
      for (bool first = true;; first = false) {
        const double from = static_cast<double>(bytes_before + stream.bytes_done());
        auto more = stream.next(piece);
        if (!more) return make_error(more.error());
        if (!*more) break;
        const double to = static_cast<double>(bytes_before + stream.bytes_done());
        const double parsed_at = from + (to - from) * kParseShare / kImportProgressTotal;
        ProgressFn parse_progress = [&](size_t part, size_t whole) {
          where.bytes_done = static_cast<size_t>(whole ? from + (to - from) * std::min(part, whole) / whole : from);
          return tick(at_bytes(whole ? from + (parsed_at - from) * std::min(part, whole) / whole : from));
        };
        ParseOutput out;
        if (Status s = parse_piece(input, piece, first, out, parse_progress); !s)
          return make_error(cancelled || s.error() == "cancelled" ? std::string(kCancelled) : sources[f].name + ": " + s.error());
        where.bytes_done = static_cast<size_t>(to);
        if (!tick(at_bytes(parsed_at))) return make_error(kCancelled);
        for (SkippedRecord& k : out.skipped) file.skipped.push_back(std::move(k));
        for (ImportNote& n : out.notes) file.notes.push_back(std::move(n));
        // The records to store: known exactly once the file is read, estimated from the bytes before.
        file_records += out.records.size();
        const bool last = stream.bytes_done() >= stream.size();
        where.storing = true;
        where.records_total = done + out.records.size() +
            (last || to <= 0 ? 0 : static_cast<size_t>(static_cast<double>(file_records) *
                                                         (static_cast<double>(stream.size() - stream.bytes_done())) /
                                                         static_cast<double>(stream.bytes_done())));
        const size_t piece_done = done;
        for (ParsedRecord& record : out.records) {
          where.records_done = done;
          if (++done % kStoreProgressEvery == 0 &&
              !tick(at_bytes(parsed_at + (to - parsed_at) * static_cast<double>(done - piece_done) /
                                             static_cast<double>(out.records.size()))))
            return make_error(kCancelled);
          if (Status s = merger.apply(record, input.format, file, sources[f].into); !s) {
            // A full disk, a lock or a damaged file is the database's failure, not the line's.
            if (store.storage_failed()) return s;
            return make_error(sources[f].name + ":" + std::to_string(record.line) + ": " + s.error());
          }
        }
        where.records_done = done;
      }
      bytes_before += static_cast<size_t>(stream.bytes_done());
      if (input.csv) {
        ParseOutput columns;
        input.csv->finish(columns);
        for (ImportNote& n : columns.notes) file.notes.push_back(std::move(n));
      }
      if (older) file.notes.push_back({0, *older});
      std::sort(file.skipped.begin(), file.skipped.end(),
                [](const SkippedRecord& a, const SkippedRecord& b) { return a.line < b.line; });
      inputs[f].reset();  // closes the file
    }
    where.records_total = done;
    if (Status s = merger.reschedule(); !s) return s;
    if (Status s = import_history_files(store, sources, history, options, files, where, tick, contact_end); !s)
      return s;
    if (options.last)
      if (Status s = options.last(files); !s) return s;
    for (ImportFileReport& file : files) report.files.push_back(std::move(file));
    where.records_done = done;
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
    std::error_code ec;
    // A Maildir is a folder; anything else must be a regular file (never a FIFO or a device,
    // which would block or never end): checked before a byte is read.
    if (std::filesystem::is_directory(path, ec)) {
      if (std::string history = detect_history_path(path); !history.empty()) {
        sources.push_back({path, "", std::move(history)});
        continue;
      }
    }
    auto fd = open_regular_file(path);
    if (!fd) return make_error(fd.error());
    ::close(*fd);
    if (std::string history = detect_history_path(path); !history.empty()) {
      sources.push_back({path, "", std::move(history)});
      continue;
    }
    // Contacts are streamed from the file at import time.
    sources.push_back({path, "", "", true});
  }
  return sources;
}

Result<std::string> detect_source_format(const ImportSource& source) {
  if (!source.history.empty()) return source.history;
  auto stream = open_stream(source);
  if (!stream) return make_error(stream.error());
  return detect_import_format((*stream)->head());
}

uint64_t source_size(const ImportSource& source) {
  if (!source.stream && source.history.empty()) return source.bytes.size();
  std::error_code ec;
  const uint64_t size = std::filesystem::file_size(source.name, ec);
  return ec ? 0 : size;
}

Result<ImportReport> import_files(Store& store, const std::vector<std::string>& paths, const ImportOptions& options) {
  auto sources = read_import_sources(paths);
  if (!sources) return make_error(sources.error());
  return import_sources(store, *sources, options);
}

}  // namespace rekindle::core
