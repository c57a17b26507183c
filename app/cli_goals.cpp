// goal add / goal list: the user's strategy goals.
#include <algorithm>
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

struct GoalChangeArgs {
  int64_t id = 0;
  std::string text, target;
  bool json = false;
};

// Applies a change to one goal in a transaction; prints the goal afterwards.
template <typename Change>
int change_goal(const CliContext& ctx, int64_t id, bool json, Change&& change) {
  auto store = ctx.open_store();
  if (!store) return fail(store.error());
  core::Goal goal;
  core::Status s = (*store)->transaction([&]() -> core::Status {
    auto goals = (*store)->goals(true);
    if (!goals) return core::make_error(goals.error());
    auto it = std::find_if(goals->begin(), goals->end(), [&](const core::Goal& g) { return g.id == id; });
    if (it == goals->end()) return core::make_error("no goal with id " + std::to_string(id));
    goal = *it;
    return change(**store, goal);
  });
  if (!s) return fail(s.error());
  if (json) print_json(goal_json(goal));
  else std::printf("%lld %s %s%s\n", static_cast<long long>(goal.id), goal.current ? "*" : " ", goal.text.c_str(),
                   goal.archived ? " (archived)" : "");
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
      return change_goal(ctx, current_args->id, current_args->json, [&](core::Store& store, core::Goal& g) {
        if (g.archived) return core::Status(core::make_error("goal " + std::to_string(g.id) + " is archived"));
        g.current = true;
        return store.set_current_goal(g.id);
      });
    };
  });

  auto archive_args = std::make_shared<GoalChangeArgs>();
  auto* archive = goal->add_subcommand("archive", "Archive a goal (kept, but no longer current or listed)");
  archive->add_option("ID", archive_args->id, "Goal id")->required();
  archive->add_flag("--json", archive_args->json, "Print the goal as JSON");
  archive->callback([&ctx, archive_args] {
    ctx.action = [&ctx, archive_args] {
      return change_goal(ctx, archive_args->id, archive_args->json, [&](core::Store& store, core::Goal& g) {
        g.archived = true;
        g.current = false;
        return store.update_goal(g);
      });
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
      return change_goal(ctx, edit_args->id, edit_args->json, [&](core::Store& store, core::Goal& g) {
        if (text) {
          if (edit_args->text.empty()) return core::Status(core::make_error("the goal text must not be empty"));
          g.text = edit_args->text;
        }
        if (target) g.target = edit_args->target;
        if (!ctx.date_option.empty()) g.deadline = core::parse_iso_day(ctx.date_option);
        return store.update_goal(g);
      });
    };
  });
}

}  // namespace rekindle::app
