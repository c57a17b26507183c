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
  return {{"id", g.id}, {"text", g.text}, {"target", g.target}, {"deadline", core::day_json(g.deadline)},
          {"archived", g.archived}, {"current", g.current}};
}

int run_goal_add(const CliContext& ctx, const GoalAddArgs& args) {
  if (args.text.empty()) return fail("the goal text must not be empty");
  auto store = ctx.open_store();
  if (!store) return fail(store.error());
  core::Goal g;
  g.text = args.text;
  g.target = args.target;
  if (!ctx.date_option.empty()) g.deadline = core::parse_iso_day(ctx.date_option);
  core::Status s = (*store)->transaction([&]() -> core::Status {
    auto current = (*store)->current_goal();
    if (!current) return core::make_error(current.error());
    g.current = !current->has_value();  // the first goal becomes the current one
    auto id = (*store)->insert_goal(g);
    if (!id) return core::make_error(id.error());
    g.id = *id;
    return core::Status::success();
  });
  if (!s) return fail(s.error());
  if (args.json) print_json(goal_json(g));
  else std::printf("%lld\n", static_cast<long long>(g.id));
  return 0;
}

int run_goal_list(const CliContext& ctx, bool json) {
  auto store = ctx.open_store();
  if (!store) return fail(store.error());
  auto goals = (*store)->goals(false);
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
}

}  // namespace rekindle::app
