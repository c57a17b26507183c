// goal add / goal list: the user's strategy goals.
#include <cstdio>

#include "app/cli_common.h"
#include "core/contact_json.h"

namespace rekindle::app {
namespace {

struct GoalAddArgs {
  std::string text, target;
  bool json = false;
};

nlohmann::json goal_json(const core::Goal& g) {
  return {{"id", g.id},
          {"text", g.text},
          {"target", g.target},
          {"deadline", core::day_json(g.deadline)},
          {"archived", g.archived},
          {"current", g.current}};
}

int run_goal_add(const CliContext& ctx, const GoalAddArgs& args) {
  auto api = ctx.open();
  if (!api) return fail(api.error());
  core::Goal g;
  g.text = args.text;
  g.target = args.target;
  if (!ctx.date_option.empty()) g.deadline = core::parse_iso_day(ctx.date_option);
  auto added = (*api)->add_goal(g);
  if (!added) return fail(added.error());
  if (args.json)
    print_json(goal_json(*added));
  else
    std::printf("%lld\n", static_cast<long long>(added->id));
  return 0;
}

int run_goal_list(const CliContext& ctx, bool json) {
  auto api = ctx.open();
  if (!api) return fail(api.error());
  auto goals = (*api)->goals(false);
  if (!goals) return fail(goals.error());
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& g : *goals) out.push_back(goal_json(g));
    print_json(out);
    return 0;
  }
  if (goals->empty()) std::printf("No goals yet. Add one: rekindle goal add \"Move into product management\"\n");
  for (const auto& g : *goals)
    std::printf("%3lld %s %s%s%s\n", static_cast<long long>(g.id), g.current ? "*" : " ", g.text.c_str(),
                g.deadline ? ("  (by " + core::format_iso_day(*g.deadline) + ")").c_str() : "",
                g.target.empty() ? "" : ("  target: " + g.target).c_str());
  return 0;
}

struct GoalChangeArgs {
  int64_t id = 0;
  std::string text, target;
  bool json = false;
};

// Runs one goal call of the API and prints the goal it returns.
template <typename Call>
int change_goal(const CliContext& ctx, bool json, Call&& call) {
  auto api = ctx.open();
  if (!api) return fail(api.error());
  core::Result<core::Goal> goal = call(**api);
  if (!goal) return fail(goal.error());
  if (json)
    print_json(goal_json(*goal));
  else
    std::printf("%lld %s %s%s\n", static_cast<long long>(goal->id), goal->current ? "*" : " ", goal->text.c_str(),
                goal->archived ? " (archived)" : "");
  return 0;
}

}  // namespace

void add_goal_commands(CLI::App& app, CliContext& ctx) {
  auto* goal = app.add_subcommand("goal", "Strategy goals: where your career is going next");
  goal->require_subcommand(1);

  auto add_args = std::make_shared<GoalAddArgs>();
  auto* add = goal->add_subcommand("add", "Add a goal (the first one becomes current)");
  add->add_option("TEXT", add_args->text, "The goal, e.g. \"Move into product management\"")->required();
  add->add_option("--target", add_args->target, "Target role or industry");
  add->add_option("--deadline", ctx.date_option, "Deadline YYYY-MM-DD")->check(iso_date_validator());
  add->add_flag("--json", add_args->json, "Print the goal as JSON");
  add->callback([&ctx, add_args] { ctx.action = [&ctx, add_args] { return run_goal_add(ctx, *add_args); }; });

  auto list_json = std::make_shared<bool>(false);
  auto* list = goal->add_subcommand("list", "List goals (* marks the current one)");
  list->add_flag("--json", *list_json, "Print a JSON array");
  list->callback([&ctx, list_json] { ctx.action = [&ctx, list_json] { return run_goal_list(ctx, *list_json); }; });

  auto current_args = std::make_shared<GoalChangeArgs>();
  auto* current = goal->add_subcommand("set-current", "Make a goal the current one (it feeds the deck and drafts)");
  current->add_option("ID", current_args->id, "Goal id")->required();
  current->add_flag("--json", current_args->json, "Print the goal as JSON");
  current->callback([&ctx, current_args] {
    ctx.action = [&ctx, current_args] {
      return change_goal(ctx, current_args->json,
                         [&](core::Rekindle& api) { return api.set_current_goal(current_args->id); });
    };
  });

  auto archive_args = std::make_shared<GoalChangeArgs>();
  auto* archive = goal->add_subcommand("archive", "Archive a goal (kept, but no longer current or listed)");
  archive->add_option("ID", archive_args->id, "Goal id")->required();
  archive->add_flag("--json", archive_args->json, "Print the goal as JSON");
  archive->callback([&ctx, archive_args] {
    ctx.action = [&ctx, archive_args] {
      return change_goal(ctx, archive_args->json,
                         [&](core::Rekindle& api) { return api.archive_goal(archive_args->id); });
    };
  });

  auto edit_args = std::make_shared<GoalChangeArgs>();
  auto* edit = goal->add_subcommand("edit", "Change a goal's text, target or deadline");
  edit->add_option("ID", edit_args->id, "Goal id")->required();
  edit->add_option("--text", edit_args->text, "New text");
  edit->add_option("--target", edit_args->target, "Target role or industry");
  edit->add_option("--deadline", ctx.date_option, "Deadline YYYY-MM-DD")->check(iso_date_validator());
  edit->add_flag("--json", edit_args->json, "Print the goal as JSON");
  edit->callback([&ctx, edit_args, edit] {
    const bool text = edit->count("--text") > 0, target = edit->count("--target") > 0;
    ctx.action = [&ctx, edit_args, text, target] {
      core::GoalEdit change;
      if (text) change.text = edit_args->text;
      if (target) change.target = edit_args->target;
      if (!ctx.date_option.empty()) change.deadline = core::parse_iso_day(ctx.date_option);
      return change_goal(ctx, edit_args->json,
                         [&](core::Rekindle& api) { return api.edit_goal(edit_args->id, change); });
    };
  });
}

}  // namespace rekindle::app
