// sync: the contacts kept in agreement with a CardDAV address book (core/sync.h).
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "app/cli_common.h"
#include "app/sync_job.h"
#include "platform/carddav_http.h"

namespace rekindle::app {
namespace {

struct SyncArgs {
  std::string server, user, addressbook, on_start;
  bool list = false, json = false, conflicts = false;
  std::vector<std::string> keep, take;  // CONTACT_ID:FIELD
};

// The password from the prompt, without echo; nullopt when there is no terminal.
std::optional<std::string> prompt_password(const std::string& user) {
  FILE* tty = std::fopen("/dev/tty", "r+");
  if (!tty) return std::nullopt;
  std::fprintf(tty, "CardDAV password for %s: ", user.c_str());
  std::fflush(tty);
  termios old{};
  const int fd = fileno(tty);
  const bool restore = tcgetattr(fd, &old) == 0;
  if (restore) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  char buffer[512];
  const bool read = std::fgets(buffer, sizeof buffer, tty) != nullptr;
  if (restore) tcsetattr(fd, TCSAFLUSH, &old);
  std::fprintf(tty, "\n");
  std::fclose(tty);
  if (!read) return std::nullopt;
  std::string password(buffer);
  while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) password.pop_back();
  return password;
}

nlohmann::json report_json(const core::SyncReport& r) {
  nlohmann::json books = nlohmann::json::array();
  for (const core::AddressBook& b : r.books) books.push_back({{"name", b.name}, {"url", b.url}});
  return {{"addressbook", {{"name", r.book.name}, {"url", r.book.url}}},
          {"addressbooks", books},
          {"vcard_version", r.vcard_version},
          {"added", r.added},
          {"updated", r.updated},
          {"pushed_new", r.pushed_new},
          {"pushed_changed", r.pushed_changed},
          {"deleted_on_server", r.deleted_on_server},
          {"archived", r.archived},
          {"conflicts", r.conflicts},
          {"notes", r.notes}};
}

int resolve(core::Rekindle& api, const std::vector<std::string>& items, bool use_server) {
  for (const std::string& item : items) {
    const size_t colon = item.find(':');
    if (colon == std::string::npos) return fail("expected CONTACT_ID:FIELD, got '" + item + "'");
    if (core::Status s =
            api.resolve_sync_conflict(std::atoll(item.substr(0, colon).c_str()), item.substr(colon + 1), use_server);
        !s)
      return fail(s.error());
  }
  return 0;
}

int run_sync(const CliContext& ctx, const SyncArgs& args) {
  auto api = ctx.open();
  if (!api) return fail(api.error());
  if (!args.on_start.empty()) {
    if (core::Status s = (*api)->set_setting(core::kSettingSyncOnStart, args.on_start == "on" ? "1" : "0"); !s)
      return fail(s.error());
  }
  if (!args.keep.empty() || !args.take.empty()) {
    if (int code = resolve(**api, args.keep, false); code) return code;
    if (int code = resolve(**api, args.take, true); code) return code;
  }
  if (args.conflicts || !args.keep.empty() || !args.take.empty()) {
    auto conflicts = (*api)->sync_conflicts();
    if (!conflicts) return fail(conflicts.error());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [c, name] : *conflicts) {
      if (args.json) {
        out.push_back(
            {{"contact_id", c.contact_id}, {"name", name}, {"field", c.field}, {"here", c.here}, {"server", c.server}});
      } else {
        std::printf("%lld:%s  %s: %s here, %s on the server\n", static_cast<long long>(c.contact_id), c.field.c_str(),
                    name.c_str(), core::sync_value_words(c.field, c.here).c_str(),
                    core::sync_value_words(c.field, c.server).c_str());
      }
    }
    if (args.json)
      print_json(out);
    else if (conflicts->empty())
      std::printf("No sync conflicts.\n");
    return 0;
  }
  if (!args.on_start.empty() && args.server.empty()) return 0;

  SyncSettings settings;
  auto remembered = remembered_sync_settings(**api);
  if (!remembered) return fail(remembered.error());
  settings = *remembered;
  if (!args.server.empty()) settings.server = args.server;
  if (!args.user.empty()) settings.user = args.user;
  if (settings.server.empty()) return fail("no CardDAV server: give --server URL (remembered afterwards)");
  if (settings.user.empty()) return fail("no CardDAV user: give --user NAME (remembered afterwards)");
  std::string password;
  if (const char* env = std::getenv("REKINDLE_CARDDAV_PASSWORD")) {
    password = env;
  } else if (auto typed = prompt_password(settings.user)) {
    password = *typed;
  } else {
    return fail("no password: set REKINDLE_CARDDAV_PASSWORD or run sync in a terminal");
  }
  const core::HttpTransport http = platform::curl_transport(settings.user, password);
  core::SyncOptions options;
  options.server = settings.server;
  options.user = settings.user;
  options.addressbook = args.addressbook;
  options.today = ctx.today();
  if (args.list) {
    auto books = core::discover_address_books(http, options);
    if (!books) return fail(books.error());
    if (args.json) {
      nlohmann::json out = nlohmann::json::array();
      for (const core::AddressBook& b : *books) out.push_back({{"name", b.name}, {"url", b.url}});
      print_json(out);
    } else {
      for (const core::AddressBook& b : *books) std::printf("%s  %s\n", b.name.c_str(), b.url.c_str());
    }
    return 0;
  }
  auto report = (*api)->sync(http, options);
  if (!report) return fail("sync failed, nothing changed here: " + report.error());
  if (args.json) {
    print_json(report_json(*report));
    return 0;
  }
  std::printf("%s\n", sync_summary(*report).c_str());
  for (const std::string& note : report->notes) std::printf("  %s\n", note.c_str());
  return 0;
}

}  // namespace

void add_sync_commands(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<SyncArgs>();
  auto* sync =
      app.add_subcommand("sync",
                         "Sync contacts with a CardDAV address book (Nextcloud, iCloud, Fastmail, Radicale...). "
                         "The password comes from $REKINDLE_CARDDAV_PASSWORD or a prompt and is never stored.");
  sync->add_option("--server", args->server, "Server URL, e.g. https://dav.example.com (remembered)");
  sync->add_option("--user", args->user, "User name on the server (remembered)");
  sync->add_option("--addressbook", args->addressbook, "Address book to sync: its name, path or URL (remembered)");
  sync->add_flag("--list", args->list, "List the address books on the server and sync nothing");
  sync->add_flag("--conflicts", args->conflicts, "List the fields edited on both sides, as CONTACT_ID:FIELD");
  sync->add_option("--keep", args->keep, "Keep the value here for CONTACT_ID:FIELD");
  sync->add_option("--take", args->take, "Take the server's value for CONTACT_ID:FIELD");
  sync->add_option("--on-start", args->on_start, "Sync when the window opens: on or off")
      ->check(CLI::IsMember({"on", "off"}));
  sync->add_flag("--json", args->json, "Print the report as JSON");
  sync->add_option("--date", ctx.date_option, "Schedule as of this day")->check(iso_date_validator());
  sync->callback([&ctx, args] { ctx.action = [&ctx, args] { return run_sync(ctx, *args); }; });
}

}  // namespace rekindle::app
