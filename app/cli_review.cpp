// due, swipe, undo, stats: the daily review from the command line, driving the same core
// review session as the window.
#include <cmath>
#include <cstdio>

#include "app/cli_common.h"
#include "core/contact_json.h"

namespace rekindle::app {
namespace {

struct DueArgs {
  int limit = 0;  // 0: the daily limit setting
  bool json = false;
};

struct SwipeArgs {
  std::string direction;
  std::string snooze;  // empty: the default snooze setting
  bool json = false;
};

// Three decimals are plenty for people to read and keep the JSON short.
double rounded(double v) { return std::round(v * 1000.0) / 1000.0; }

std::string suggestion_text(int snooze_streak) {
  return "snoozed " + std::to_string(snooze_streak) +
         " times in a row: set a longer cadence (rekindle edit ID --cadence DAYS) or archive (swipe down)";
}

nlohmann::json card_json(const core::Card& c) {
  return {
      {"id", c.contact_id},
      {"name", c.name},
      {"company", c.company},
      {"title", c.title},
      {"score", rounded(c.score)},
      {"value", rounded(c.value)},
      {"warmth", rounded(c.warmth)},
      {"days_since", c.days_since ? nlohmann::json(*c.days_since) : nlohmann::json(nullptr)},
      {"due", core::day_json(c.due)},
      {"overdue_days", c.overdue_days},
      {"touch", c.touch},
      {"reason", c.reason},
      {"kind", core::card_kind_name(c.kind)},
      {"back_on_list", c.back_on_list},
      {"snooze_streak", c.snooze_streak},
      {"suggestion", c.suggest_rethink ? nlohmann::json(suggestion_text(c.snooze_streak)) : nlohmann::json(nullptr)}};
}

nlohmann::json person_json(const core::Card* c) {
  if (!c) return nullptr;
  return {{"id", c->contact_id}, {"name", c->name}};
}

int run_due(const CliContext& ctx, const DueArgs& args) {
  auto api = ctx.open();
  if (!api) return fail(api.error());
  const core::Day today = ctx.today();
  int limit = args.limit;
  if (limit <= 0) {
    auto setting = (*api)->daily_limit();
    if (!setting) return fail(setting.error());
    limit = *setting;
  }
  auto deck = (*api)->deck(today, limit);
  if (!deck) return fail(deck.error());
  auto done = (*api)->decisions_on(today);
  if (!done) return fail(done.error());
  if (args.json) {
    nlohmann::json cards = nlohmann::json::array();
    for (const auto& c : *deck) cards.push_back(card_json(c));
    nlohmann::json snoozes = nlohmann::json::array();
    for (auto choice : core::kSnoozeChoices)
      snoozes.push_back({{"name", core::snooze_name(choice)}, {"days", core::snooze_days(choice)}});
    print_json({{"date", core::format_iso_day(today)},
                {"limit", limit},
                {"decided_today", done->count},
                {"snooze_options", snoozes},
                {"cards", cards}});
    return 0;
  }
  if (deck->empty()) {
    std::printf(done->count ? "Done for %s: %d decided. See you tomorrow.\n" : "Nothing due on %s.\n",
                core::format_iso_day(today).c_str(), done->count);
    return 0;
  }
  std::printf("%s: %zu card%s (%d decided, limit %d)\n", core::format_iso_day(today).c_str(), deck->size(),
              deck->size() == 1 ? "" : "s", done->count, limit);
  int n = 0;
  for (const auto& c : *deck)
    std::printf("%2d. [%lld] %s%s%s  score %.2f  warmth %.0f%%%s\n    %s\n    %s\n", ++n,
                static_cast<long long>(c.contact_id), c.name.c_str(), c.company.empty() ? "" : ", ", c.company.c_str(),
                c.score, c.warmth * 100.0, c.kind == core::CardKind::reactivation ? "  (reactivation)" : "",
                c.touch.c_str(), c.reason.c_str());
  return 0;
}

int run_swipe(const CliContext& ctx, const SwipeArgs& args) {
  const auto direction = core::parse_direction(args.direction);
  std::optional<core::SnoozeChoice> snooze;
  if (!args.snooze.empty()) snooze = core::parse_snooze(args.snooze);
  if (!direction || (!args.snooze.empty() && !snooze))
    return fail("unknown swipe " + args.direction + " / snooze " + args.snooze);
  auto api = ctx.open();
  if (!api) return fail(api.error());
  auto session = (*api)->open_review(ctx.today());
  if (!session) return fail(session.error());
  if (!session->current()) return fail("no card left in the deck for " + core::format_iso_day(ctx.today()));
  auto out = session->decide(*direction, snooze);
  if (!out) return fail(out.error());
  if (args.json) {
    print_json({{"decision", core::direction_name(out->direction)},
                {"date", core::format_iso_day(out->day)},
                {"contact", {{"id", out->contact_id}, {"name", out->name}}},
                {"due", core::day_json(out->due)},
                {"snooze_days", out->direction == core::Direction::left && out->due ? out->due->value - out->day.value : 0},
                {"snooze_streak", out->snooze_streak},
                {"suggestion",
                 out->suggest_rethink ? nlohmann::json(suggestion_text(out->snooze_streak)) : nlohmann::json(nullptr)},
                {"progress", session->progress_text()},
                {"remaining", session->remaining()},
                {"next", person_json(session->current())}});
    return 0;
  }
  std::printf("%s %s", core::decision_kind(out->direction).done, out->name.c_str());
  if (out->direction == core::Direction::left) std::printf(" until %s", core::format_iso_day(*out->due).c_str());
  std::printf(".\n");
  if (out->direction == core::Direction::right)
    std::printf("  Compose: rekindle draft %lld   then log it: rekindle log %lld --channel ...\n",
                static_cast<long long>(out->contact_id), static_cast<long long>(out->contact_id));
  if (out->suggest_rethink) std::printf("  Hint: %s\n", suggestion_text(out->snooze_streak).c_str());
  if (const auto* next = session->current())
    std::printf("Next: %s (%s)\n", next->name.c_str(), session->progress_text().c_str());
  else
    std::printf("Deck done. Streak: %d day%s.\n", session->summary().streak_days,
                session->summary().streak_days == 1 ? "" : "s");
  return 0;
}

int run_undo(const CliContext& ctx, bool json) {
  auto api = ctx.open();
  if (!api) return fail(api.error());
  auto out = (*api)->undo();
  if (!out) return fail(out.error());
  if (!*out) return fail("nothing to undo");
  const auto& o = **out;
  if (json) {
    print_json({{"undone", core::direction_name(o.direction)},
                {"date", core::format_iso_day(o.day)},
                {"contact", {{"id", o.contact_id}, {"name", o.name}}},
                {"due", core::day_json(o.due)}});
  } else {
    std::printf("Undid %s on %s (%s).\n", core::direction_name(o.direction), o.name.c_str(),
                core::format_iso_day(o.day).c_str());
  }
  return 0;
}

int run_stats(const CliContext& ctx, bool json) {
  auto api = ctx.open();
  if (!api) return fail(api.error());
  const core::Day today = ctx.today();
  auto st = (*api)->stats(today);
  if (!st) return fail(st.error());
  if (json) {
    print_json({{"date", core::format_iso_day(today)},
                {"contacts", st->contacts},
                {"warm", st->warm},
                {"cooling", st->cooling},
                {"cold", st->cold},
                {"dormant", st->dormant},
                {"archived", st->archived},
                {"starred", st->starred},
                {"streak_days", st->streak_days},
                {"reach_outs_by_week", st->reach_outs_by_week},
                {"give", st->give},
                {"ask", st->ask},
                {"inbound", st->inbound},
                {"due_next_14_days", st->due_next_14_days},
                {"relevant_without_offer", st->relevant_without_offer}});
    return 0;
  }
  std::printf("Contacts %d: warm %d, cooling %d, cold %d, dormant %d (archived %d)\n", st->contacts, st->warm,
              st->cooling, st->cold, st->dormant, st->archived);
  std::printf("Streak: %d day%s   give %d / ask %d\n", st->streak_days, st->streak_days == 1 ? "" : "s", st->give,
              st->ask);
  std::printf("Reach-outs per week (oldest first):");
  for (int n : st->reach_outs_by_week) std::printf(" %d", n);
  std::printf("\nDue in the next 14 days (today first):");
  for (int n : st->due_next_14_days) std::printf(" %d", n);
  std::printf("\n");
  if (st->relevant_without_offer)
    std::printf("Give first: %d contact%s relevant to your goal with nothing to offer yet (rekindle strategy).\n",
                st->relevant_without_offer, st->relevant_without_offer == 1 ? "" : "s");
  return 0;
}

}  // namespace

void add_review_commands(CLI::App& app, CliContext& ctx) {
  auto due_args = std::make_shared<DueArgs>();
  auto* due = app.add_subcommand("due", "Today's deck in order, with each card's score and reason");
  due->add_option("--limit", due_args->limit, "Cards at most (default: the daily limit, 10)")
      ->check(CLI::Range(1, 500));
  due->add_option("--date", ctx.date_option, "Replay this day (default today)")->check(iso_date_validator());
  due->add_flag("--json", due_args->json, "Print JSON");
  due->callback([&ctx, due_args] { ctx.action = [&ctx, due_args] { return run_due(ctx, *due_args); }; });

  auto swipe_args = std::make_shared<SwipeArgs>();
  auto* swipe = app.add_subcommand("swipe", "Act on the top card: right reach out, left snooze, up star, down archive");
  swipe->add_option("DIRECTION", swipe_args->direction, "right, left, up, down (or skip: back tomorrow)")
      ->required()
      ->check(CLI::IsMember({"right", "left", "up", "down", "skip"}));
  swipe->add_option("--snooze", swipe_args->snooze, "For left: week, month or quarter (default: the default_snooze_days setting, else a week)")
      ->check(CLI::IsMember({"week", "month", "quarter"}));
  swipe->add_option("--date", ctx.date_option, "Replay this day (default today)")->check(iso_date_validator());
  swipe->add_flag("--json", swipe_args->json, "Print JSON");
  swipe->callback([&ctx, swipe_args] { ctx.action = [&ctx, swipe_args] { return run_swipe(ctx, *swipe_args); }; });

  auto undo_json = std::make_shared<bool>(false);
  auto* undo = app.add_subcommand("undo", "Undo the last decision");
  undo->add_flag("--json", *undo_json, "Print JSON");
  undo->callback([&ctx, undo_json] { ctx.action = [&ctx, undo_json] { return run_undo(ctx, *undo_json); }; });

  auto stats_json = std::make_shared<bool>(false);
  auto* stats = app.add_subcommand("stats", "Network health, reach-outs per week, give/ask, streak, due forecast");
  stats->add_option("--date", ctx.date_option, "As of this day (default today)")->check(iso_date_validator());
  stats->add_flag("--json", *stats_json, "Print JSON");
  stats->callback([&ctx, stats_json] { ctx.action = [&ctx, stats_json] { return run_stats(ctx, *stats_json); }; });
}

}  // namespace rekindle::app
