// check: the full PRAGMA integrity_check of the database file (issue 14). Opening runs only
// a quick check; this reads every page and index. Exit 0 when the file is sound, 1 when it
// is damaged or cannot be opened.
#include <cstdio>

#include "app/cli_common.h"

namespace rekindle::app {
namespace {

int run_check(const CliContext& ctx, bool json) {
  const std::string path = ctx.database_path();
  auto api = ctx.open();
  if (!api) {
    if (json) print_json({{"file", path}, {"ok", false}, {"problems", {api.error()}}});
    return fail(api.error());
  }
  auto problems = (*api)->integrity_problems();
  if (!problems) return fail(problems.error());
  if (json) {
    print_json({{"file", path}, {"ok", problems->empty()}, {"problems", *problems}});
  } else if (problems->empty()) {
    std::printf("%s: ok, the database is sound.\n", path.c_str());
  } else {
    std::printf("%s: damaged, %zu problem%s found:\n", path.c_str(), problems->size(), problems->size() == 1 ? "" : "s");
    for (const std::string& p : *problems) std::printf("  %s\n", p.c_str());
  }
  if (problems->empty()) return 0;
  std::fprintf(stderr, "error: %s\n", (*api)->damage_message().c_str());
  return 1;
}

}  // namespace

void add_check_commands(CLI::App& app, CliContext& ctx) {
  auto json = std::make_shared<bool>(false);
  auto* check = app.add_subcommand("check", "Check the whole database file for damage (exit 1 when damaged)");
  check->add_flag("--json", *json, "Print JSON");
  check->callback([&ctx, json] { ctx.action = [&ctx, json] { return run_check(ctx, *json); }; });
}

}  // namespace rekindle::app
