// edit and strategy: the user's plan for each contact and the current goal.
#include <cstdio>

#include "app/cli_common.h"
#include "core/phrase.h"
#include "core/strategy.h"

namespace rekindle::app {
namespace {

struct EditArgs {
  int64_t id = 0;
  core::ContactEdit edit;
  std::string tier, relevance, can_help, offer, note, topic;
  int cadence = 0;
  double trust = 0;
  std::vector<std::string> tags;
};

nlohmann::json entry_json(const core::StrategyEntry& e) {
  return {{"id", e.id},       {"name", e.name},           {"company", e.company},
          {"title", e.title}, {"relevance", e.relevance}, {"can_help", e.can_help},
          {"offer", e.offer}};
}

int run_edit(const CliContext& ctx, const EditArgs& args) {
  // An offer goes into drafts as "I'd be glad to <offer>": it is stored only as a verb phrase.
  core::ContactEdit edit = args.edit;
  std::string preview;
  if (edit.offer && !edit.offer->empty()) {
    const core::OfferCheck check = core::offer_preview(*edit.offer);
    if (!check.ok)
      return fail("--offer \"" + *edit.offer + "\": " + check.hint +
                  (check.suggestion.empty() ? "" : " Try: --offer \"" + check.suggestion + "\""));
    edit.offer = check.phrase;
    preview = check.sentence;
  }
  // A topic goes into drafts as "our conversation about <topic>": stored only as a noun phrase.
  std::string topic_preview;
  if (edit.topic && !edit.topic->empty()) {
    const core::OfferCheck check = core::topic_preview(*edit.topic);
    if (!check.ok)
      return fail("--topic \"" + *edit.topic + "\": " + check.hint +
                  (check.suggestion.empty() ? "" : " Try: --topic \"" + check.suggestion + "\""));
    edit.topic = check.phrase;
    topic_preview = check.sentence;
  }
  auto api = ctx.open();
  if (!api) return fail(api.error());
  if (core::Status s = (*api)->edit_contact(args.id, edit, ctx.today()); !s) return fail(s.error());
  std::printf("Updated contact %lld.\n", static_cast<long long>(args.id));
  if (!preview.empty()) std::printf("Your drafts will say: \"%s\"\n", preview.c_str());
  if (!topic_preview.empty()) std::printf("Your drafts will say: \"%s\"\n", topic_preview.c_str());
  return 0;
}

int run_strategy(const CliContext& ctx, bool json) {
  auto api = ctx.open();
  if (!api) return fail(api.error());
  auto report = (*api)->strategy();
  if (!report) return fail(report.error());
  if (json) {
    nlohmann::json relevant = nlohmann::json::array(), without = nlohmann::json::array();
    for (const auto& e : report->relevant) relevant.push_back(entry_json(e));
    for (const auto& e : report->without_offer) without.push_back(entry_json(e));
    nlohmann::json goal = nullptr;
    if (report->goal) goal = {{"id", report->goal->id}, {"text", report->goal->text}, {"target", report->goal->target}};
    print_json({{"goal", goal}, {"relevant", relevant}, {"without_offer", without}});
    return 0;
  }
  if (!report->goal) {
    std::printf(
        "No current goal. Start with where you are going: rekindle goal add \"Move into product management\"\n");
    return 0;
  }
  std::printf("Goal: %s\n\n", report->goal->text.c_str());
  if (report->relevant.empty())
    std::printf("No contact is marked relevant yet: rekindle edit ID --relevance high --can-help \"...\"\n");
  for (const auto& e : report->relevant)
    std::printf("  %-5s %-28s %s%s%s\n", e.relevance.c_str(), e.name.c_str(), e.can_help.c_str(),
                e.offer.empty() ? "" : "  | I can offer: ", e.offer.c_str());
  if (!report->without_offer.empty()) {
    std::printf("\nGive first: %zu relevant contact(s) with nothing to offer yet:\n", report->without_offer.size());
    for (const auto& e : report->without_offer)
      std::printf("  %lld  %s\n", static_cast<long long>(e.id), e.name.c_str());
  }
  return 0;
}

}  // namespace

void add_strategy_commands(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<EditArgs>();
  auto* edit = app.add_subcommand("edit", "Set a contact's tier, cadence, trust, tags, notes, topic and goal fields");
  edit->add_option("ID", args->id, "Contact id")->required();
  edit->add_option("--tier", args->tier, "inner, close, regular, wider or dormant")
      ->check(CLI::IsMember({"inner", "close", "regular", "wider", "dormant"}));
  edit->add_option("--cadence", args->cadence, "Days between touches (0 = back to the tier's)")
      ->check(CLI::Range(0, 3650));
  edit->add_option("--relevance", args->relevance, "Relevance to the current goal: none, some, high")
      ->check(CLI::IsMember({"none", "some", "high"}));
  edit->add_option("--can-help", args->can_help, "How they could help with the current goal");
  edit->add_option("--offer", args->offer,
                   "What you can do for them, as a verb phrase that ends \"I'd be glad to ...\": "
                   "\"share my notes on user research\", \"introduce you to our payments lead\", "
                   "\"review your launch deck\" (\"\" clears it)");
  edit->add_option("--topic", args->topic,
                   "What you talked about, as a noun phrase that ends \"our conversation about ...\": "
                   "\"orbital mechanics\", \"your move to Lisbon\" (\"\" clears it)");
  edit->add_option("--trust", args->trust, "Willingness to help, 0..1")->check(CLI::Range(0.0, 1.0));
  edit->add_option("--tag", args->tags, "Add a tag (repeatable)");
  edit->add_option("--note", args->note, "Add a note");
  edit->callback([&ctx, args, edit] {
    core::ContactEdit& e = args->edit;
    if (edit->count("--tier")) e.tier = args->tier;
    if (edit->count("--cadence")) e.cadence_days = args->cadence;
    if (edit->count("--relevance")) e.relevance = args->relevance;
    if (edit->count("--can-help")) e.can_help = args->can_help;
    if (edit->count("--offer")) e.offer = args->offer;
    if (edit->count("--trust")) e.trust = args->trust;
    if (edit->count("--note")) e.note = args->note;
    if (edit->count("--topic")) e.topic = args->topic;
    e.add_tags = args->tags;
    ctx.action = [&ctx, args] { return run_edit(ctx, *args); };
  });

  auto json = std::make_shared<bool>(false);
  auto* strategy =
      app.add_subcommand("strategy", "The current goal, who can help, and who you have nothing to offer yet");
  strategy->add_flag("--json", *json, "Print {goal, relevant, without_offer}");
  strategy->callback([&ctx, json] { ctx.action = [&ctx, json] { return run_strategy(ctx, *json); }; });
}

}  // namespace rekindle::app
