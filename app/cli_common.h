#pragma once
// Shared plumbing for the command-line front end: one register function per command group,
// each adding CLI11 subcommands whose callbacks set the action to run after parsing.
#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/result.h"
#include "core/rekindle.h"

namespace rekindle::app {

struct CliContext {
  std::string db_option;    // --db
  std::string date_option;  // --date on commands that take it
  std::function<int()> action;

  // --db, else $REKINDLE_DB, else the platform data folder.
  std::string database_path() const;
  // The core API over the database file: the only way a command reads or changes data.
  core::Result<std::unique_ptr<core::Rekindle>> open() const;
  // --date when given (validated by the option), else today in local time.
  core::Day today() const;
};

// Prints "error: MESSAGE" on stderr and returns exit code 1.
int fail(const std::string& message);
// Prints one JSON document (pretty, UTF-8) on stdout.
void print_json(const nlohmann::json& document);
// CLI11 validator for YYYY-MM-DD.
const CLI::Validator& iso_date_validator();

// Command groups.
void add_contact_commands(CLI::App& app, CliContext& ctx);  // add, edit, contacts, show, log
void add_goal_commands(CLI::App& app, CliContext& ctx);     // goal ...
void add_window_commands(CLI::App& app, CliContext& ctx);   // gui, screenshot
void add_review_commands(CLI::App& app, CliContext& ctx);   // due, swipe, undo, stats
void add_draft_commands(CLI::App& app, CliContext& ctx);    // draft
void add_strategy_commands(CLI::App& app, CliContext& ctx); // edit, strategy
void add_import_commands(CLI::App& app, CliContext& ctx);   // import, export
void add_sync_commands(CLI::App& app, CliContext& ctx);     // sync
void add_check_commands(CLI::App& app, CliContext& ctx);    // check

}  // namespace rekindle::app
