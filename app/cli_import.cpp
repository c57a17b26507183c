// import and export: contact files in and out, with the report of the command-line contract.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>

#include "app/cli_common.h"
#include "core/exporter.h"
#include "core/importer.h"

namespace rekindle::app {
namespace {

struct ImportArgs {
  std::vector<std::string> files;
  std::string format = "auto";
  bool dry_run = false;
  bool json = false;
  std::vector<std::string> me;
};

struct ExportArgs {
  std::string format;
  std::string output;
};

// Ctrl-C during an import cancels it through the progress callback: the transaction is
// rolled back instead of the process dying half way.
std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted = true; }

nlohmann::json history_json(const core::HistoryReport& h) {
  return {{"items", h.items},         {"touches", h.touches},         {"already", h.already},
          {"contacts", h.contacts},   {"lists", h.lists},             {"no_reply", h.no_reply},
          {"crowded", h.crowded},     {"future", h.future},           {"without_contacts", h.without_contacts},
          {"unreadable", h.unreadable}, {"unknown_people", h.unknown_people}, {"me", h.me},
          {"me_detected", h.me_detected}};
}

// "mail.mbox (mbox): 14 touches with 5 contacts from 120 messages; ...", then who "you" are.
void print_history(const core::ImportFileReport& f, const core::HistoryReport& h) {
  const bool meetings = f.format == "ics";
  std::printf("%s (%s): %d new %s with %d %s from %d %s", f.file.c_str(), f.format.c_str(), h.touches,
              h.touches == 1 ? "touch" : "touches", h.contacts, h.contacts == 1 ? "contact" : "contacts", h.items,
              meetings ? (h.items == 1 ? "event" : "events") : (h.items == 1 ? "message" : "messages"));
  if (h.already) std::printf(" (%d already imported)", h.already);
  std::printf("\n");
  std::string left;
  auto part = [&](int n, const char* words) {
    if (n) left += (left.empty() ? "" : ", ") + std::to_string(n) + " " + words;
  };
  part(h.lists, "from mailing lists or newsletters");
  part(h.no_reply, "from automated senders");
  part(h.crowded, "to more than 10 people");
  part(h.future, "still to come");
  part(h.without_contacts, "with none of your contacts");
  part(h.unreadable, "without a date we could read");
  if (!left.empty()) std::printf("  not touches: %s\n", left.c_str());
  if (h.unknown_people)
    std::printf("  %d %s not in your contacts (not added)\n", h.unknown_people,
                h.unknown_people == 1 ? "person is" : "people are");
  std::string me;
  for (const auto& a : h.me) me += (me.empty() ? "" : ", ") + a;
  if (h.me_detected)
    std::printf("  you: %s (the address in the most messages; not you? import again with --me ADDRESS)\n", me.c_str());
  else if (!me.empty())
    std::printf("  you: %s\n", me.c_str());
}

nlohmann::json report_json(const core::ImportReport& report) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : report.files) {
    if (f.history) {
      files.push_back({{"file", f.file}, {"format", f.format}, {"history", history_json(*f.history)}});
      continue;
    }
    nlohmann::json skipped = nlohmann::json::array();
    for (const auto& s : f.skipped) skipped.push_back({{"line", s.line}, {"reason", s.reason}});
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& n : f.notes) notes.push_back({{"line", n.line}, {"note", n.text}});
    files.push_back({{"file", f.file},
                     {"format", f.format},
                     {"added", f.added},
                     {"updated", f.updated},
                     {"unchanged", f.unchanged},
                     {"duplicates", f.duplicates},
                     {"skipped", std::move(skipped)},
                     {"notes", std::move(notes)}});
  }
  return {{"files", std::move(files)},     {"added", report.added},           {"updated", report.updated},
          {"unchanged", report.unchanged}, {"duplicates", report.duplicates}, {"skipped", report.skipped},
          {"seconds", report.seconds},     {"dry_run", report.dry_run}};
}

void print_report(const core::ImportReport& report) {
  for (const auto& f : report.files) {
    if (f.history) {
      print_history(f, *f.history);
      continue;
    }
    std::printf("%s (%s): %d added, %d updated, %d unchanged, %zu skipped", f.file.c_str(), f.format.c_str(), f.added,
                f.updated, f.unchanged, f.skipped.size());
    if (f.duplicates) std::printf(" (%d duplicates merged)", f.duplicates);
    std::printf("\n");
    for (const auto& s : f.skipped) std::printf("  skipped %s:%d: %s\n", f.file.c_str(), s.line, s.reason.c_str());
    for (const auto& n : f.notes) {
      if (n.line > 0) std::printf("  note %s:%d: %s\n", f.file.c_str(), n.line, n.text.c_str());
      else std::printf("  note %s: %s\n", f.file.c_str(), n.text.c_str());
    }
  }
  std::printf("%s: %d added, %d updated, %d unchanged, %d skipped in %.2f s\n",
              report.dry_run ? "Dry run, nothing stored" : "Imported", report.added, report.updated, report.unchanged,
              report.skipped, report.seconds);
}

int run_import(const CliContext& ctx, const ImportArgs& args) {
  // Read every file before opening the database: a bad path must leave no trace.
  auto sources = core::read_import_sources(args.files);
  if (!sources) return fail(sources.error());
  const std::string db_path = ctx.database_path();
  std::error_code ec;
  // A dry run against a database that does not exist yet must not create it.
  auto api = args.dry_run && !std::filesystem::exists(db_path, ec) ? core::Rekindle::open_in_memory() : ctx.open();
  if (!api) return fail(api.error());

  core::ImportOptions options;
  options.format = args.format;
  options.dry_run = args.dry_run;
  options.today = ctx.today();
  options.me = args.me;
  const bool show_progress = ::isatty(STDERR_FILENO) == 1;
  int last_percent = -1;
  options.progress = [&](size_t done, size_t total) {
    if (show_progress && total) {
      const int percent = static_cast<int>(done * 100 / total);
      if (percent != last_percent) {
        std::fprintf(stderr, "\rimporting... %3d%%", percent);
        std::fflush(stderr);
        last_percent = percent;
      }
    }
    return !g_interrupted.load();
  };
  g_interrupted = false;
  auto previous = std::signal(SIGINT, on_interrupt);
  auto report = (*api)->import_sources(*sources, options);
  std::signal(SIGINT, previous);
  if (show_progress && last_percent >= 0) std::fprintf(stderr, "\r%*s\r", 20, "");
  if (!report) return fail(report.error());
  if (args.json)
    print_json(report_json(*report));
  else
    print_report(*report);
  return 0;
}

int run_export(const CliContext& ctx, const ExportArgs& args) {
  auto api = ctx.open();
  if (!api) return fail(api.error());
  auto bytes = (*api)->export_all(args.format, ctx.today());
  if (!bytes) return fail(bytes.error());
  if (!args.output.empty() && args.output != "-") {
    if (core::Status s = core::write_file_atomically(args.output, *bytes); !s) return fail(s.error());
    return 0;
  }
  if (std::fwrite(bytes->data(), 1, bytes->size(), stdout) != bytes->size() || std::fflush(stdout) != 0)
    return fail("cannot write to standard output");
  return 0;
}

}  // namespace

void add_import_commands(CLI::App& app, CliContext& ctx) {
  auto import_args = std::make_shared<ImportArgs>();
  auto* import = app.add_subcommand("import", "Import contact files (vCard, LinkedIn/Google/Outlook/Thunderbird CSV) and history "
                                  "(LinkedIn messages.csv, mbox, Maildir, .ics)");
  import->add_option("FILE", import_args->files, "Contact or history files (a Maildir is a folder); the format of each is detected from its content")
      ->required();
  import->add_option("--format", import_args->format, "Read every file as this format instead of detecting it")
      ->check(CLI::IsMember({"auto", "vcard", "linkedin", "google", "outlook", "thunderbird"}));
  import->add_flag("--dry-run", import_args->dry_run, "Show the report but store nothing");
  import->add_option("--date", ctx.date_option, "Schedule imported contacts as of this day")
      ->check(iso_date_validator());
  import->add_flag("--json", import_args->json, "Print the report as JSON");
  import->add_option("--me", import_args->me,
                     "Your own e-mail address or LinkedIn profile URL, for mailboxes, messages and calendars "
                     "(repeatable; kept for later imports)");
  import->callback([&ctx, import_args] { ctx.action = [&ctx, import_args] { return run_import(ctx, *import_args);
};
}  // namespace rekindle::app
);

auto export_args = std::make_shared<ExportArgs>();
auto* exp = app.add_subcommand("export", "Export every contact as vCard 4.0, CSV, JSON or an iCalendar of follow-ups");
exp->add_option("--format", export_args->format, "vcard, csv, json or ics")
    ->required()
    ->check(CLI::IsMember({"vcard", "csv", "json", "ics"}));
exp->add_option("-o,--output", export_args->output, "Write to FILE (atomically) instead of standard output");
exp->add_option("--date", ctx.date_option, "Export day (warmth, calendar stamp)")->check(iso_date_validator());
exp->callback([&ctx, export_args] { ctx.action = [&ctx, export_args] { return run_export(ctx, *export_args); }; });
}

}  // namespace rekindle::app
