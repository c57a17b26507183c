#include "app/cli.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "app/cli_common.h"
#include "app/gui.h"
#include "platform/paths.h"

namespace rekindle::app {

std::string CliContext::database_path() const {
  if (!db_option.empty()) return db_option;
  if (const char* env = std::getenv("REKINDLE_DB"); env && *env) return env;
  return platform::default_database_path();
}

core::Result<std::unique_ptr<core::Rekindle>> CliContext::open() const {
  return core::Rekindle::open(database_path());
}

core::Day CliContext::today() const {
  if (auto d = core::parse_iso_day(date_option)) return *d;
  return platform::today_local();
}

int fail(const std::string& message) {
  std::fprintf(stderr, "error: %s\n", message.c_str());
  return 1;
}

void print_json(const nlohmann::json& document) {
  std::cout << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

const CLI::Validator& iso_date_validator() {
  static const CLI::Validator validator(
      [](std::string& value) -> std::string {
        return core::parse_iso_day(value) ? std::string() : "expected a date as YYYY-MM-DD, got '" + value + "'";
      },
      "YYYY-MM-DD");
  return validator;
}

int run_cli(int argc, char** argv) {
  CLI::App app("Rekindle: revive a cold professional network and keep it warm, a few minutes a day.\n"
               "With no command, opens the window on today's deck.",
               "rekindle");
  app.set_version_flag("--version", std::string("rekindle ") + REKINDLE_VERSION);
  CliContext ctx;
  app.add_option("--db", ctx.db_option, "Database file (default: $REKINDLE_DB, else $XDG_DATA_HOME/rekindle/rekindle.db)");
  app.fallthrough();
  app.require_subcommand(0, 1);

  add_contact_commands(app, ctx);
  add_goal_commands(app, ctx);
  add_window_commands(app, ctx);
  add_review_commands(app, ctx);
  add_draft_commands(app, ctx);
  add_strategy_commands(app, ctx);
  add_import_commands(app, ctx);
  add_sync_commands(app, ctx);
  add_check_commands(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    std::cout << "rekindle " << REKINDLE_VERSION << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    std::cerr << "error: " << e.what() << "\n";
    std::cerr << "usage: rekindle [--db PATH] COMMAND [OPTIONS]   (rekindle --help lists the commands)\n";
    return 2;
  }
  if (!ctx.action) {
    GuiOptions options;
    options.db_path = ctx.database_path();
    return run_gui(options);
  }
  return ctx.action();
}

}  // namespace rekindle::app
