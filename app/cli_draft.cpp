// draft: the composer on the command line.
#include <cstdio>

#include "app/cli_common.h"
#include "platform/open_link.h"
#include "platform/paths.h"

namespace rekindle::app {
namespace {

struct DraftArgs {
  int64_t id = 0;
  std::string channel, template_name, text;
  bool has_text = false, sent = false, open = false, json = false;
};

int run_draft(const CliContext& ctx, const DraftArgs& args) {
  auto api = ctx.open();
  if (!api) return fail(api.error());
  const core::Day today = ctx.today();
  auto context = (*api)->compose_context(args.id, today);
  if (!context) return fail(context.error());
  const core::TemplateSet templates = core::load_templates(platform::data_folder() + "/templates");
  for (const auto& problem : templates.problems) std::fprintf(stderr, "warning: %s\n", problem.c_str());
  core::DraftRequest request{args.channel, args.template_name, std::nullopt};
  if (args.has_text) request.user_text = args.text;
  auto draft = core::compose(templates, *context, request);
  if (!draft) return fail(draft.error());

  if (args.open) {
    if (draft->link.empty()) return fail(context->contact.name + " has no profile URL or e-mail address to open");
    if (core::Status s = platform::open_link(draft->link); !s) return fail(s.error());
  }
  int64_t logged = 0;
  if (args.sent) {
    auto id = (*api)->log_sent(args.id, *draft, today);
    if (!id) return fail(id.error());
    logged = *id;
  }
  if (args.json) {
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& w : draft->warnings) warnings.push_back(w);
    nlohmann::json out = {{"channel", draft->channel},
                          {"template", draft->template_name},
                          {"subject", draft->subject},
                          {"body", draft->body},
                          {"warnings", warnings},
                          {"link", draft->link.empty() ? nlohmann::json(nullptr) : nlohmann::json(draft->link)},
                          {"kind", draft->kind},
                          {"length", draft->length},
                          {"limit", draft->limit ? nlohmann::json(draft->limit) : nlohmann::json(nullptr)},
                          {"contact", {{"id", context->contact.id}, {"name", context->contact.name}}}};
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& n : draft->notes) notes.push_back(n);
    out["notes"] = notes;
    out["family"] = draft->family;
    out["variant"] = draft->variant;
    if (args.sent) out["logged_interaction"] = logged;
    print_json(out);
    return 0;
  }
  std::printf("To: %s  (%s, %s)\n", context->contact.name.c_str(), draft->channel.c_str(),
              draft->template_name.c_str());
  if (!draft->subject.empty()) std::printf("Subject: %s\n", draft->subject.c_str());
  std::printf("\n%s\n\n", draft->body.c_str());
  if (draft->limit) std::printf("%d / %d characters\n", draft->length, draft->limit);
  for (const auto& w : draft->warnings) std::printf("Warning: %s\n", w.c_str());
  for (const auto& n : draft->notes) std::printf("Note: %s\n", n.c_str());
  if (!draft->link.empty()) std::printf("Link: %s\n", draft->link.c_str());
  if (args.sent) std::printf("Logged as sent on %s.\n", core::format_iso_day(today).c_str());
  return 0;
}

}  // namespace

void add_draft_commands(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<DraftArgs>();
  auto* draft = app.add_subcommand("draft", "Draft a personal message for a contact (or check your own text)");
  draft->add_option("ID", args->id, "Contact id")->required();
  draft->add_option("--channel", args->channel, "linkedin, linkedin-note, email, phone or meeting")
      ->check(CLI::IsMember({"linkedin", "linkedin-note", "email", "phone", "meeting"}));
  draft->add_option("--template", args->template_name,
                    "reconnect, congratulate, share, ask-advice, follow-up, thank-you, or one of yours");
  draft->add_option("--text", args->text, "Check this text instead of drafting one");
  draft->add_flag("--open", args->open, "Open the link (profile or mailto:) with the system's opener");
  draft->add_flag("--sent", args->sent,
                  "Log the message as a touchpoint sent today (or --date); refused while the draft still "
                  "has a [link] to fill: pass your final words with --text");
  draft->add_option("--date", ctx.date_option, "Day to compose for / log on")->check(iso_date_validator());
  draft->add_flag("--json", args->json, "Print {channel, template, subject, body, warnings, link}");
  draft->callback([&ctx, args, draft] {
    args->has_text = draft->count("--text") > 0;
    ctx.action = [&ctx, args] { return run_draft(ctx, *args); };
  });
}

}  // namespace rekindle::app
