// rekindle_bench: import throughput, re-import and dry run, deck building, swipe and undo,
// start-up to the first frame and peak memory, each against a peer measured in the same run.
// Build in Release and run it (under Xvfb for the start-up figures): see BENCHMARKS.md.
//
// The window is measured as a process: the rekindle executable (`rekindle screenshot`), against
// rekindle_bench_peer_window, a bare GLFW + ImGui window (bench/peer_window.cpp). This program
// links rekindle_core only.
//
// usage: rekindle_bench [--runs N] [--sizes 1000,10000,50000] [--vcards N] [--exe PATH]
//                       [--peer-window PATH] [--sections 1,2,3,4,5,6] [--keep]
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "bench/corpus.h"
#include "bench/import_scale.h"
#include "bench/process.h"
#include "bench/report.h"
#include "core/date.h"
#include "core/importer.h"
#include "core/deck_query.h"
#include "core/review_session.h"
#include "core/schedule.h"
#include "core/store.h"

namespace fs = std::filesystem;
using namespace rekindle;
using namespace rekindle::bench;

namespace {


void copy_db(const fs::path& from, const fs::path& to) {
  remove_db(to);
  std::error_code ec;
  for (const char* suffix : {"", "-wal"})
    if (fs::exists(from.string() + suffix)) fs::copy_file(from.string() + suffix, to.string() + suffix, ec);
}

// ---- the measurements ----------------------------------------------------------------------

struct Options {
  int runs = 7;
  std::vector<int> sizes = {1000, 10000, 50000};
  int vcards = 10000;
  std::string exe;          // the rekindle executable
  std::string peer_window;  // rekindle_bench_peer_window
  std::set<int> sections = {1, 2, 3, 4, 5, 6};
  bool keep = false;
  // Section 7 (import at scale).
  std::vector<int> scale_sizes = {1000, 10000, 100000};
  std::vector<std::string> scale_kinds = {"merge", "photos", "linkedin"};
  std::string before_exe;  // an older rekindle, for a before/after in the same run
  std::string eds_peer, kcontacts_peer;
};

struct Corpus {
  std::string label;  // "linkedin 10k"
  fs::path file;
  int records = 0;
  bool csv = false;
  fs::path db;          // the database the last fresh import left behind
  Samples fresh;        // section 1's fresh imports, the reference of section 2
};

struct Context {
  Options options;
  fs::path dir;
  core::Day today;
  std::vector<Corpus> corpora;
  std::string sqlite3;  // the sqlite3 shell, when installed
  std::string python;   // the real python3 interpreter (not a pyenv shim), when installed
};

core::ImportOptions import_options(const Context& ctx, bool dry_run) {
  core::ImportOptions options;
  options.dry_run = dry_run;
  options.today = ctx.today;
  return options;
}

// One import through the core importer, the function behind `rekindle import`: opening the
// database, reading, parsing, merging, committing and closing it.
core::ImportReport timed_import(const Context& ctx, const fs::path& db, const fs::path& file, bool dry_run,
                                bool in_memory, Samples* samples) {
  const Timer timer;
  auto store = in_memory ? must(core::Store::open_in_memory(), "open in-memory store")
                         : must(core::Store::open(db.string()), "open " + db.string());
  auto report = must(core::import_files(*store, {file.string()}, import_options(ctx, dry_run)), "import " + file.string());
  store.reset();
  if (samples) timer.stop(*samples);
  return report;
}

std::string report_counts(const core::ImportReport& r) {
  return std::to_string(r.added) + " added, " + std::to_string(r.updated) + " updated, " +
         std::to_string(r.unchanged) + " unchanged, " + std::to_string(r.skipped) + " skipped";
}

const char* kPythonCsv =
    "import csv, sys\n"
    "f = open(sys.argv[1], newline='', encoding='utf-8')\n"
    "for _ in range(int(sys.argv[2])): f.readline()\n"
    "rows = [dict(r) for r in csv.DictReader(f)]\n";
const char* kPythonVcard =
    "import sys\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "text = text.replace('\\r\\n ', '').replace('\\r\\n\\t', '').replace('=\\r\\n', '')\n"
    "cards, card = [], None\n"
    "for line in text.split('\\r\\n'):\n"
    "    name, _, value = line.partition(':')\n"
    "    if name == 'BEGIN': card = []\n"
    "    elif name == 'END': cards.append(card)\n"
    "    elif card is not None: card.append((name.split(';'), value))\n";

std::vector<std::string> sqlite3_import_argv(const Context& ctx, const fs::path& db, const fs::path& csv) {
  return {ctx.sqlite3, db.string(),
          ".import --csv --skip " + std::to_string(bench::kLinkedInPreambleLines) + " " + csv.string() + " connections"};
}

void section_import(Context& ctx) {
  heading("1. Import into a fresh database (core import_files, as `rekindle import`)");
  const int runs = ctx.options.runs;
  Table table({"file", "records", "MB", "median ms", "min ms", "max ms", "CPU ms", "records/s"});
  Table peers({"file", "peer", "median ms", "min ms", "max ms", "CPU ms", "records/s", "import / peer: wall (CPU)"});
  std::vector<std::string> notes;
  for (Corpus& c : ctx.corpora) {
    c.db = ctx.dir / ("fresh-" + std::to_string(c.records) + (c.csv ? "-li" : "-vcf") + ".db");
    core::ImportReport report;
    c.fresh = Samples();
    for (int r = 0; r < runs; ++r) {
      remove_db(c.db);
      report = timed_import(ctx, c.db, c.file, false, false, &c.fresh);
    }
    notes.push_back(c.label + ": " + report_counts(report));
    const double median = stats_of(c.fresh.wall).median;
    table.add(concat({c.label, std::to_string(c.records),
                      fmt("%.1f", static_cast<double>(fs::file_size(c.file)) / 1e6)},
                     concat(time_cells(c.fresh), {rate_text(c.records / (median / 1000))})));

    auto peer = [&](const std::string& name, const std::vector<std::string>& argv, const fs::path& scratch_db) {
      Samples samples;
      for (int r = 0; r < runs; ++r) {
        if (!scratch_db.empty()) remove_db(scratch_db);
        const ProcessRun run = run_process(argv);
        if (run.exit_code != 0) {
          notes.push_back(name + " on " + c.label + " failed (exit " + std::to_string(run.exit_code) + ")");
          return;
        }
        samples.add(run.ms, run.cpu_ms);
      }
      const double peer_median = stats_of(samples.wall).median;
      peers.add(concat(concat({c.label, name}, time_cells(samples)),
                       {rate_text(c.records / (peer_median / 1000)), ratio_cells(c.fresh, samples)}));
    };
    if (c.csv && !ctx.sqlite3.empty()) {
      const fs::path peer_db = ctx.dir / "peer-sqlite3.db";
      peer("sqlite3 shell .import --csv", sqlite3_import_argv(ctx, peer_db, c.file), peer_db);
      remove_db(peer_db);
    }
    if (!ctx.python.empty()) {
      if (c.csv)
        peer("python3 csv.DictReader",
             {ctx.python, "-c", kPythonCsv, c.file.string(), std::to_string(bench::kLinkedInPreambleLines)}, {});
      else
        peer("python3 unfold + split lines", {ctx.python, "-c", kPythonVcard, c.file.string()}, {});
    }
  }
  table.print();
  heading("1b. Peers (separate processes, same files, same run; process start included)");
  peers.print();
  for (const auto& n : notes) std::printf("- %s\n", n.c_str());
  std::printf("\n");
}

void section_reimport(Context& ctx) {
  heading("2. Re-import of the same file (all unchanged) and dry runs");
  const int runs = ctx.options.runs;
  Table table({"file", "case", "median ms", "min ms", "max ms", "CPU ms", "records/s", "vs fresh: wall (CPU)"});
  std::vector<std::string> notes;
  for (Corpus& c : ctx.corpora) {
    const fs::path scratch = ctx.dir / "scratch.db";
    remove_db(scratch);
    if (c.fresh.empty())
      for (int r = 0; r < runs; ++r) {
        remove_db(scratch);
        timed_import(ctx, scratch, c.file, false, false, &c.fresh);
      }
    else timed_import(ctx, scratch, c.file, false, false, nullptr);
    Samples again, dry_new, dry_existing;
    core::ImportReport again_report, dry_report;
    for (int r = 0; r < runs; ++r) {
      again_report = timed_import(ctx, scratch, c.file, false, false, &again);
      timed_import(ctx, scratch, c.file, true, true, &dry_new);
      dry_report = timed_import(ctx, scratch, c.file, true, false, &dry_existing);
    }
    remove_db(scratch);
    auto row = [&](const std::string& name, const Samples& samples) {
      table.add(concat(concat({c.label, name}, time_cells(samples)),
                       {rate_text(c.records / (stats_of(samples.wall).median / 1000)), ratio_cells(samples, c.fresh)}));
    };
    row("fresh import (section 1)", c.fresh);
    row("re-import, all unchanged", again);
    row("dry run, new database", dry_new);
    row("dry run over the imported db", dry_existing);
    notes.push_back(c.label + " re-import: " + report_counts(again_report) + "; dry run over it: " +
                    report_counts(dry_report));
  }
  table.print();
  for (const auto& n : notes) std::printf("- %s\n", n.c_str());
  std::printf("\n");
}

// Gives an imported network some history: 400 contacts on closer tiers (so cards fall due)
// and 300 touchpoints, as a few weeks of use would.
void add_history(Context& ctx, const fs::path& db) {
  auto store = must(core::Store::open(db.string()), "open " + db.string());
  std::vector<int64_t> ids;
  for (const core::Contact& contact : must(store->contacts(), "list contacts")) ids.push_back(contact.id);
  std::sort(ids.begin(), ids.end());  // by id (import order), as the figures were taken; contacts() is by name
  must(store->transaction([&]() -> core::Status {
         const size_t tiered = std::min<size_t>(ids.size(), 400);
         for (size_t i = 0; i < tiered; ++i) {
           auto contact = store->contact(ids[i]);
           if (!contact) return core::make_error(contact.error());
           if (!*contact) continue;
           core::Contact c = **contact;
           c.tier = i < 20 ? "inner" : i < 100 ? "close" : "regular";
           if (core::Status s = store->update_contact(c); !s) return s;
           if (core::Status s = core::reschedule_contact(*store, c.id, ctx.today); !s) return s;
         }
         uint64_t x = 12345;
         for (int i = 0; i < 300; ++i) {
           x = x * 6364136223846793005ull + 1442695040888963407ull;
           core::Interaction touch;
           touch.contact_id = ids[(x >> 33) % std::min<size_t>(ids.size(), 1000)];
           touch.date = ctx.today - static_cast<int>(20 + (x >> 20) % 700);
           touch.channel = core::kChannelNames[(x >> 11) % 5];
           touch.kind = core::kKindNames[(x >> 7) % 3];
           touch.grade = static_cast<int>(1 + (x >> 3) % 4);
           touch.note = "bench touchpoint";
           auto id = core::log_touch(*store, touch, ctx.today);
           if (!id) return core::make_error(id.error());
         }
         return core::Status::success();
       }),
       "add history to " + db.string());
}

std::vector<const Corpus*> linkedin_corpora(const Context& ctx) {
  std::vector<const Corpus*> out;
  for (const Corpus& c : ctx.corpora)
    if (c.csv) out.push_back(&c);
  return out;
}

fs::path deck_db(const Context& ctx, const Corpus& c) { return ctx.dir / ("deck-" + std::to_string(c.records) + ".db"); }

// The deck databases: each LinkedIn import with add_history on top.
void prepare_deck_dbs(Context& ctx) {
  for (const Corpus* c : linkedin_corpora(ctx)) {
    const fs::path db = deck_db(ctx, *c);
    if (fs::exists(db)) continue;
    remove_db(db);
    if (!c->db.empty() && fs::exists(c->db)) copy_db(c->db, db);
    else timed_import(ctx, db, c->file, false, false, nullptr);
    add_history(ctx, db);
  }
}

struct PeerRow {
  std::string id, name, company, title, tier, connected_on, due;
  int64_t cadence = 0, starred = 0, archived = 0, snooze = 0;
  double trust = 0;
};

std::string column_text(sqlite3_stmt* stmt, int i) {
  const unsigned char* text = sqlite3_column_text(stmt, i);
  return text ? reinterpret_cast<const char*>(text) : "";
}

// The peer of deck building: every contact row through a plain ordered SELECT on its own
// connection, read into structs.
size_t peer_select(const fs::path& db) {
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) die("open peer", db.string());
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(raw,
                         "SELECT id, name, company, title, tier, cadence_days, trust, connected_on, due, starred, "
                         "archived, snooze_streak FROM contacts ORDER BY due IS NULL, due, name",
                         -1, &stmt, nullptr) != SQLITE_OK)
    die("peer select", sqlite3_errmsg(raw));
  std::vector<PeerRow> rows;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    PeerRow row;
    row.id = column_text(stmt, 0);
    row.name = column_text(stmt, 1);
    row.company = column_text(stmt, 2);
    row.title = column_text(stmt, 3);
    row.tier = column_text(stmt, 4);
    row.cadence = sqlite3_column_int64(stmt, 5);
    row.trust = sqlite3_column_double(stmt, 6);
    row.connected_on = column_text(stmt, 7);
    row.due = column_text(stmt, 8);
    row.starred = sqlite3_column_int64(stmt, 9);
    row.archived = sqlite3_column_int64(stmt, 10);
    row.snooze = sqlite3_column_int64(stmt, 11);
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(raw);
  return rows.size();
}

void section_deck(Context& ctx) {
  heading("3. Deck building (10 cards; 400 contacts on closer tiers, 300 touchpoints)");
  prepare_deck_dbs(ctx);
  const int runs = std::max(ctx.options.runs, 11);
  Table table({"contacts", "case", "median ms", "min ms", "max ms", "CPU ms", "vs peer: wall (CPU)"});
  std::vector<std::string> notes;
  for (const Corpus* c : linkedin_corpora(ctx)) {
    const fs::path db = deck_db(ctx, *c);
    auto store = must(core::Store::open(db.string()), "open " + db.string());
    Samples deck, session, cold, load, build, before, peer;
    size_t cards = 0;
    for (int r = 0; r < runs; ++r) {
      {
        const Timer t;
        auto d = must(core::todays_deck(*store, ctx.today, 10), "todays_deck");
        t.stop(deck);
        cards = d.size();
      }
      {
        const Timer t;
        auto s = must(core::ReviewSession::open(*store, ctx.today), "ReviewSession::open");
        t.stop(session);
      }
      {
        const Timer t;
        auto fresh_store = must(core::Store::open(db.string()), "open " + db.string());
        auto fresh_session = must(core::ReviewSession::open(*fresh_store, ctx.today), "ReviewSession::open");
        t.stop(cold);
      }
      // The deal itself (what a new day or a grown list costs): SQL candidates, then build_deck.
      const Timer t_load;
      auto network = must(core::load_deck_network(*store, ctx.today, core::DayDecisions{}, core::kDefaultSeed),
                          "load_deck_network");
      t_load.stop(load);
      const Timer t_build;
      auto built = core::build_deck(network, core::DayDecisions{}, ctx.today, 10, core::kDefaultSeed);
      t_build.stop(build);
      // Before issue 13: the whole network in memory, then build_deck over all of it.
      const Timer t_before;
      auto whole = must(core::load_network(*store), "load_network");
      auto old_deck = core::build_deck(whole, core::DayDecisions{}, ctx.today, 10, core::kDefaultSeed);
      t_before.stop(before);
      if (old_deck.size() != built.size()) die("deck", "the SQL deck and the whole-network deck differ in size");

      const Timer t_peer;
      const size_t rows = peer_select(db);
      t_peer.stop(peer);
      if (static_cast<int>(rows) < c->records / 2) die("peer select", "too few rows");
    }
    auto row = [&](const std::string& name, const Samples& samples) {
      table.add(concat(concat({count_text(c->records), name}, time_cells(samples)), {ratio_cells(samples, peer)}));
    };
    row("todays_deck (store open)", deck);
    row("ReviewSession::open (store open)", session);
    row("Store::open + ReviewSession::open", cold);
    row("deal: load_deck_network (SQL candidates)", load);
    row("deal: build_deck on the candidates", build);
    row("before issue 13: load_network + build_deck", before);
    row("peer: SELECT ... FROM contacts ORDER BY due, name", peer);
    notes.push_back(count_text(c->records) + " contacts: deck of " + std::to_string(cards) + " cards");
  }
  table.print();
  for (const auto& n : notes) std::printf("- %s\n", n.c_str());
  std::printf("\n");
}

void section_swipe(Context& ctx) {
  heading("4. Swipe (decision committed, synchronous=FULL) and undo, per call");
  prepare_deck_dbs(ctx);
  const int per_direction = std::max(ctx.options.runs, 11);
  Table table({"contacts", "call", "calls", "median ms", "min ms", "max ms", "CPU ms", "vs peer: wall (CPU)"});
  for (const Corpus* c : linkedin_corpora(ctx)) {
    if (c->records < 10000) continue;  // the 1k deck behaves like the 10k one; keep the run short
    const fs::path db = ctx.dir / ("swipe-" + std::to_string(c->records) + ".db");
    copy_db(deck_db(ctx, *c), db);
    Samples left, right, up, down, undo, peer;
    {
      auto store = must(core::Store::open(db.string()), "open " + db.string());
      auto session = must(core::ReviewSession::open(*store, ctx.today), "ReviewSession::open");
      if (!session.current()) die("swipe", "empty deck");
      const core::Direction directions[] = {core::Direction::left, core::Direction::right, core::Direction::up,
                                            core::Direction::down};
      Samples* sinks[] = {&left, &right, &up, &down};
      for (int r = 0; r < per_direction; ++r) {
        for (int d = 0; d < 4; ++d) {
          const Timer t_decide;
          must(session.decide(directions[d]), "decide");
          t_decide.stop(*sinks[d]);
          const Timer t_undo;
          auto undone = must(session.undo(), "undo");
          t_undo.stop(undo);
          if (!undone) die("undo", "nothing undone");
        }
      }
    }
    // Peer: the smallest durable write on the same file: one UPDATE in its own transaction.
    // The value alternates: SQLite writes nothing (and syncs nothing) for an unchanged row.
    {
      sqlite3* raw = nullptr;
      if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) die("open peer", db.string());
      if (sqlite3_exec(raw, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", nullptr, nullptr, nullptr) !=
          SQLITE_OK)
        die("peer pragma", sqlite3_errmsg(raw));
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v2(raw, "UPDATE contacts SET snooze_streak = ? WHERE id = (SELECT min(id) FROM contacts)", -1, &stmt,
                             nullptr) != SQLITE_OK)
        die("peer prepare", sqlite3_errmsg(raw));
      for (int r = 0; r < per_direction * 4; ++r) {
        const Timer t;
        if (sqlite3_exec(raw, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
          die("peer begin", sqlite3_errmsg(raw));
        sqlite3_bind_int(stmt, 1, r % 2);
        if (sqlite3_step(stmt) != SQLITE_DONE) die("peer update", sqlite3_errmsg(raw));
        sqlite3_reset(stmt);
        if (sqlite3_exec(raw, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) die("peer commit", sqlite3_errmsg(raw));
        t.stop(peer);
      }
      sqlite3_finalize(stmt);
      sqlite3_close(raw);
    }
    auto row = [&](const std::string& name, const Samples& samples) {
      table.add(concat(concat({count_text(c->records), name, std::to_string(samples.wall.size())}, time_cells(samples)),
                       {ratio_cells(samples, peer)}));
    };
    row("decide(left)  snooze", left);
    row("decide(right) reach out", right);
    row("decide(up)    star", up);
    row("decide(down)  archive", down);
    row("undo", undo);
    row("peer: BEGIN; UPDATE 1 row (changed); COMMIT", peer);
    remove_db(db);
  }
  table.print();
}

void section_startup(Context& ctx) {
  heading("5. Start-up to the first presented frame (`rekindle gui --first-frame-exit`) beside a bare window");
  if (ctx.options.exe.empty() || !fs::exists(ctx.options.exe)) {
    std::printf("skipped: no rekindle executable (pass --exe PATH)\n\n");
    return;
  }
  if (!std::getenv("DISPLAY")) {
    std::printf("skipped: no DISPLAY (run under xvfb-run, see scripts/bench.sh)\n\n");
    return;
  }
  prepare_deck_dbs(ctx);
  const int runs = std::max(ctx.options.runs, 11);
  const std::string exe = ctx.options.exe;
  const std::string date = core::format_iso_day(ctx.today);
  const fs::path png = ctx.dir / "first-frame.png";
  Table table({"case", "median ms", "min ms", "max ms", "CPU ms", "vs bare window: wall (CPU)"});
  auto measure = [&](const std::vector<std::string>& argv, const fs::path& scratch_db) -> Samples {
    if (!scratch_db.empty()) remove_db(scratch_db);
    const ProcessRun warm = run_process(argv);  // warms the page cache; not counted
    if (warm.exit_code != 0) {
      std::string cmd;
      for (const auto& a : argv) cmd += a + " ";
      die("start-up", cmd + "exited " + std::to_string(warm.exit_code));
    }
    Samples samples;
    for (int r = 0; r < runs; ++r) {
      if (!scratch_db.empty()) remove_db(scratch_db);
      const ProcessRun run = run_process(argv);
      samples.add(run.ms, run.cpu_ms);
    }
    return samples;
  };
  // The peers, measured in this run: process start alone, and the bare GLFW + ImGui window
  // presenting one frame (the ratio's denominator).
  const Samples version = measure({exe, "--version"}, {});
  Samples bare;
  if (!ctx.options.peer_window.empty()) bare = measure({ctx.options.peer_window, "--first-frame-exit"}, {});
  auto row = [&](const std::string& name, const Samples& samples) {
    table.add(concat(concat({name}, time_cells(samples)), {bare.wall.empty() ? "-" : ratio_cells(samples, bare)}));
  };
  row("peer: rekindle --version (process start)", version);
  if (!bare.wall.empty()) row("peer: bare GLFW + ImGui window, first frame presented", bare);
  const fs::path empty_db = ctx.dir / "startup-empty.db";
  row("gui --first-frame-exit, new empty database",
      measure({exe, "--db", empty_db.string(), "gui", "--first-frame-exit", "--date", date}, empty_db));
  for (const Corpus* c : linkedin_corpora(ctx)) {
    if (c->records < 10000) continue;
    row("gui --first-frame-exit, " + count_text(c->records) + " contacts",
        measure({exe, "--db", deck_db(ctx, *c).string(), "gui", "--first-frame-exit", "--date", date}, {}));
  }
  for (const Corpus* c : linkedin_corpora(ctx)) {
    if (c->records < 10000) continue;
    row("screenshot today (3 frames to PNG), " + count_text(c->records) + " contacts",
        measure({exe, "--db", deck_db(ctx, *c).string(), "screenshot", png.string(), "--date", date}, {}));
  }
  if (!ctx.options.peer_window.empty())
    row("peer: bare window, 3 frames to PNG", measure({ctx.options.peer_window, png.string()}, {}));
  table.print();
}

void section_memory(Context& ctx) {
  heading("6. Peak memory (peak RSS of the process: GNU time %M, else ru_maxrss; median of 3)");
  if (ctx.options.exe.empty() || !fs::exists(ctx.options.exe)) {
    std::printf("skipped: no rekindle executable (pass --exe PATH)\n\n");
    return;
  }
  prepare_deck_dbs(ctx);
  const std::string exe = ctx.options.exe;
  const std::string date = core::format_iso_day(ctx.today);
  Table table({"process", "peak RSS MB", "wall ms", "RSS minus --version"});
  std::vector<std::string> notes;
  auto measure = [&](const std::string& name, const std::vector<std::string>& argv, const fs::path& scratch_db,
                     double baseline_mb) -> double {
    std::vector<double> rss, wall;
    for (int r = 0; r < 3; ++r) {
      if (!scratch_db.empty()) remove_db(scratch_db);
      const ProcessRun run = run_measuring_rss(argv, ctx.dir);
      if (run.exit_code != 0) {
        std::printf("- %s failed (exit %d)\n", name.c_str(), run.exit_code);
        return 0;
      }
      rss.push_back(run.max_rss_kb / 1024.0);
      wall.push_back(run.ms);
    }
    const double mb = stats_of(rss).median;
    table.add({name, fmt("%.1f", mb), ms_text(stats_of(wall).median),
               baseline_mb > 0 ? "+" + fmt("%.1f", mb - baseline_mb) : "-"});
    return mb;
  };
  const double base = measure("rekindle --version", {exe, "--version"}, {}, 0);
  const fs::path scratch = ctx.dir / "memory.db";
  const Corpus* biggest = nullptr;
  for (const Corpus* c : linkedin_corpora(ctx))
    if (!biggest || c->records > biggest->records) biggest = c;
  if (biggest) {
    measure("rekindle import " + biggest->label + " (new db)",
            {exe, "--db", scratch.string(), "import", biggest->file.string()}, scratch, base);
    measure("rekindle due, " + count_text(biggest->records) + " contacts",
            {exe, "--db", deck_db(ctx, *biggest).string(), "due", "--date", date}, {}, base);
    if (std::getenv("DISPLAY")) {
      double bare = 0;
      if (!ctx.options.peer_window.empty())
        bare = measure("peer: bare GLFW + ImGui window, first frame", {ctx.options.peer_window, "--first-frame-exit"},
                       {}, base);
      for (const Corpus* c : linkedin_corpora(ctx)) {
        if (c->records < 10000) continue;
        const double mb = measure("rekindle gui --first-frame-exit, " + count_text(c->records) + " contacts",
                                  {exe, "--db", deck_db(ctx, *c).string(), "gui", "--first-frame-exit", "--date", date},
                                  {}, base);
        if (bare > 0 && mb > 0) notes.push_back("window at " + count_text(c->records) + " contacts: +" +
                                                fmt("%.1f", mb - bare) + " MB over the bare window");
      }
      measure("rekindle screenshot, " + count_text(biggest->records) + " contacts",
              {exe, "--db", deck_db(ctx, *biggest).string(), "screenshot", (ctx.dir / "m.png").string(), "--date", date},
              {}, base);
      if (!ctx.options.peer_window.empty())
        measure("peer: bare GLFW + ImGui window (3 frames to PNG)",
                {ctx.options.peer_window, (ctx.dir / "m.png").string()}, {}, base);
    }
  }
  for (const Corpus& c : ctx.corpora)
    if (!c.csv)
      measure("rekindle import " + c.label + " (new db)", {exe, "--db", scratch.string(), "import", c.file.string()},
              scratch, base);
  if (biggest && !ctx.sqlite3.empty()) {
    const fs::path peer_db = ctx.dir / "peer-sqlite3.db";
    measure("peer: sqlite3 .import --csv " + biggest->label,
            sqlite3_import_argv(ctx, peer_db, biggest->file),
            peer_db, 0);
  }
  remove_db(scratch);
  table.print();
  for (const auto& n : notes) std::printf("- %s\n", n.c_str());
  std::printf("\n");
}

std::vector<int> parse_list(const std::string& text) {
  std::vector<int> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) out.push_back(std::atoi(item.c_str()));
  return out;
}

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) die(arg, "needs a value");
      return argv[++i];
    };
    if (arg == "--runs") o.runs = std::max(1, std::atoi(value().c_str()));
    else if (arg == "--sizes") o.sizes = parse_list(value());
    else if (arg == "--vcards") o.vcards = std::atoi(value().c_str());
    else if (arg == "--exe") o.exe = value();
    else if (arg == "--peer-window") o.peer_window = value();
    else if (arg == "--sections") {
      const auto list = parse_list(value());
      o.sections = std::set<int>(list.begin(), list.end());
    } else if (arg == "--keep") o.keep = true;
    else if (arg == "--scale-sizes") o.scale_sizes = parse_list(value());
    else if (arg == "--scale-kinds") {
      o.scale_kinds.clear();
      std::stringstream in(value());
      for (std::string kind; std::getline(in, kind, ',');)
        if (!kind.empty()) o.scale_kinds.push_back(kind);
    } else if (arg == "--before-exe") o.before_exe = value();
    else if (arg == "--help" || arg == "-h") {
      std::printf(
          "usage: rekindle_bench [--runs N] [--sizes 1000,10000,50000] [--vcards N] [--exe PATH]\n"
          "                      [--peer-window PATH] [--sections 1,2,3,4,5,6,7] [--keep]\n"
          "                      [--scale-sizes 1000,10000,100000] [--scale-kinds merge,photos,linkedin]\n"
          "                      [--before-exe PATH]\n"
          "sections: 1 import, 2 re-import and dry run, 3 deck building, 4 swipe and undo,\n"
          "          5 start-up to first frame (needs DISPLAY), 6 peak memory,\n"
          "          7 import at scale (not run unless asked: --sections 7)\n");
      std::exit(0);
    } else die(arg, "unknown option (see --help)");
  }
  // Both executables are built next to this one (see CMakeLists.txt).
  std::error_code ec;
  const fs::path here = fs::read_symlink("/proc/self/exe", ec).parent_path();
  if (o.exe.empty() && !ec && fs::exists(here / "rekindle")) o.exe = (here / "rekindle").string();
  if (o.peer_window.empty() && !ec && fs::exists(here / "rekindle_bench_peer_window"))
    o.peer_window = (here / "rekindle_bench_peer_window").string();
  // The peer parsers of section 7, built only when their libraries are installed.
  if (!ec && fs::exists(here / "rekindle_bench_peer_eds")) o.eds_peer = (here / "rekindle_bench_peer_eds").string();
  if (!ec && fs::exists(here / "rekindle_bench_peer_kcontacts"))
    o.kcontacts_peer = (here / "rekindle_bench_peer_kcontacts").string();
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  Context ctx;
  ctx.options = parse_options(argc, argv);
  ctx.today = *core::make_day(2026, 11, 25);

  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/rekindle-bench-XXXXXX";
  if (!mkdtemp(pattern.data())) die("mkdtemp", std::strerror(errno));
  ctx.dir = pattern;

  ctx.sqlite3 = shell_line("command -v sqlite3 2>/dev/null");
  ctx.python = shell_line("python3 -c 'import sys; print(sys.executable)' 2>/dev/null");

  std::printf("## rekindle_bench\n\n");
  std::printf("- runs per figure: %d (deck, swipe, start-up: at least 11); day replayed: %s\n", ctx.options.runs,
              core::format_iso_day(ctx.today).c_str());
  std::printf("- rekindle executable: %s\n", ctx.options.exe.empty() ? "(none)" : ctx.options.exe.c_str());
  std::printf("- peer window: %s\n", ctx.options.peer_window.empty() ? "(none)" : ctx.options.peer_window.c_str());
  std::printf("- peers: sqlite3 %s, python3 %s\n", ctx.sqlite3.empty() ? "(absent)" : ctx.sqlite3.c_str(),
              ctx.python.empty() ? "(absent)" : ctx.python.c_str());
  std::printf("- work dir: %s\n\n", ctx.dir.c_str());
  std::fflush(stdout);

  for (int n : ctx.options.sizes) {
    if (n <= 0) continue;
    Corpus c;
    c.label = "linkedin " + count_text(n);
    c.file = ctx.dir / ("Connections-" + std::to_string(n) + ".csv");
    c.records = n;
    c.csv = true;
    write_file(c.file, bench::make_linkedin_csv(n, 0xC0FFEEull + static_cast<uint64_t>(n)));
    ctx.corpora.push_back(c);
  }
  if (ctx.options.vcards > 0) {
    Corpus c;
    c.label = "vcard3 " + count_text(ctx.options.vcards);
    c.file = ctx.dir / ("contacts-" + std::to_string(ctx.options.vcards) + ".vcf");
    c.records = ctx.options.vcards;
    write_file(c.file, bench::make_vcard_file(ctx.options.vcards, 0xBADC0DEull));
    ctx.corpora.push_back(c);
  }

  const auto started = Clock::now();
  if (ctx.options.sections.count(1)) section_import(ctx);
  if (ctx.options.sections.count(2)) section_reimport(ctx);
  if (ctx.options.sections.count(3)) section_deck(ctx);
  if (ctx.options.sections.count(4)) section_swipe(ctx);
  if (ctx.options.sections.count(5)) section_startup(ctx);
  if (ctx.options.sections.count(6)) section_memory(ctx);
  if (ctx.options.sections.count(7)) {
    bench::ImportScaleOptions scale;
    scale.sizes = ctx.options.scale_sizes;
    scale.kinds = ctx.options.scale_kinds;
    scale.runs = std::min(ctx.options.runs, 3);
    scale.exe = ctx.options.exe;
    scale.before_exe = ctx.options.before_exe;
    scale.eds_peer = ctx.options.eds_peer;
    scale.kcontacts_peer = ctx.options.kcontacts_peer;
    scale.python = ctx.python;
    scale.dir = ctx.dir;
    bench::section_import_scale(scale);
  }

  struct rusage self {};
  getrusage(RUSAGE_SELF, &self);
  std::printf("bench finished in %.1f s; the bench process's own peak RSS: %.1f MB\n", ms_since(started) / 1000,
              self.ru_maxrss / 1024.0);
  if (ctx.options.keep) std::printf("files kept in %s\n", ctx.dir.c_str());
  else {
    std::error_code ec;
    fs::remove_all(ctx.dir, ec);
  }
  return 0;
}
