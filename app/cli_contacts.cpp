// add, contacts, show, log: the contact commands of the command-line contract.
#include <cstdio>
#include <iostream>

#include "app/cli_common.h"
#include "core/contact_json.h"

namespace rekindle::app {
namespace {

using core::Contact;

struct AddArgs {
  std::string name, company, title, tier = "regular";
  std::vector<std::string> emails, phones, urls;
  bool json = false;
};

struct ListArgs {
  std::string search;
  bool json = false;
};

struct ShowArgs {
  int64_t id = 0;
  bool json = false;
};

struct LogArgs {
  int64_t id = 0;
  std::string channel, kind = "neutral", note;
  int grade = 0;
  bool json = false;
};

std::vector<core::LabeledValue> labeled(const std::vector<std::string>& values) {
  std::vector<core::LabeledValue> out;
  for (const auto& v : values) out.push_back({v, "", false, ""});
  return out;
}

int run_add(const CliContext& ctx, const AddArgs& args) {
  Contact c;
  c.name = args.name;
  c.company = args.company;
  c.title = args.title;
  c.tier = args.tier;
  c.emails = labeled(args.emails);
  c.phones = labeled(args.phones);
  c.urls = labeled(args.urls);
  c.source = "manual";
  auto api = ctx.open();
  if (!api) return fail(api.error());
  auto id = (*api)->add_contact(c, ctx.today());
  if (!id) return fail(id.error());
  if (args.json) {
    auto added = (*api)->contact(*id, ctx.today());  // the name as stored (trimmed)
    if (!added) return fail(added.error());
    print_json({{"id", *id}, {"name", added->contact.name}});
  } else
    std::printf("%lld\n", static_cast<long long>(*id));
  return 0;
}

int run_list(const CliContext& ctx, const ListArgs& args) {
  auto api = ctx.open();
  if (!api) return fail(api.error());
  auto rows = (*api)->contacts(args.search, ctx.today());
  if (!rows) return fail(rows.error());
  nlohmann::json out = nlohmann::json::array();
  for (const core::ContactRow& row : *rows) {
    const Contact& c = row.contact;
    if (args.json) {
      out.push_back(core::contact_summary_json(c, row.warmth, row.last_touch));
    } else {
      std::printf("%5lld  %-28s  %-24s  warmth %3.0f%%  due %s\n", static_cast<long long>(c.id), c.name.c_str(),
                  c.company.c_str(), row.warmth * 100.0, c.due ? core::format_iso_day(*c.due).c_str() : "-");
    }
  }
  if (args.json)
    print_json(out);
  else if (rows->empty())
    std::printf(args.search.empty() ? "No contacts yet. Import a file: rekindle import FILE\n"
                                    : "No contact matches.\n");
  return 0;
}

int run_show(const CliContext& ctx, const ShowArgs& args) {
  auto api = ctx.open();
  if (!api) return fail(api.error());
  auto detail = (*api)->contact(args.id, ctx.today());
  if (!detail) return fail(detail.error());
  const Contact& c = detail->contact;
  if (args.json) {
    print_json(
        core::contact_detail_json(c, detail->warmth, detail->last_touch, detail->interactions, detail->goal_links));
    return 0;
  }
  std::printf("%s\n", c.name.c_str());
  if (!c.title.empty() || !c.company.empty())
    std::printf("  %s%s%s\n", c.title.c_str(), (!c.title.empty() && !c.company.empty()) ? " at " : "",
                c.company.c_str());
  for (const auto& e : c.emails) std::printf("  email  %s\n", e.value.c_str());
  for (const auto& p : c.phones) std::printf("  phone  %s\n", p.value.c_str());
  for (const auto& u : c.urls) std::printf("  url    %s\n", u.value.c_str());
  std::printf("  tier %s, warmth %.0f%%, last touch %s, due %s\n", c.tier.c_str(), detail->warmth * 100.0,
              detail->last_touch ? core::format_iso_day(*detail->last_touch).c_str() : "never",
              c.due ? core::format_iso_day(*c.due).c_str() : "-");
  if (!c.notes.empty()) std::printf("  notes: %s\n", c.notes.c_str());
  for (const auto& x : detail->interactions)
    std::printf("  %s  %-8s %-8s %s\n", core::format_iso_day(x.date).c_str(), x.channel.c_str(), x.kind.c_str(),
                x.note.c_str());
  return 0;
}

int run_log(const CliContext& ctx, const LogArgs& args) {
  auto api = ctx.open();
  if (!api) return fail(api.error());
  core::Interaction x;
  x.contact_id = args.id;
  x.date = ctx.today();
  x.channel = args.channel;
  x.kind = args.kind;
  if (args.grade) x.grade = args.grade;
  x.note = args.note;
  // Inserts the touch and replays the contact's schedule from its event log.
  auto logged = (*api)->log_touch(x, ctx.today());
  if (!logged) return fail(logged.error());
  if (args.json)
    print_json(core::interaction_json(*logged));
  else
    std::printf("Logged %s (%s) with contact %lld on %s.\n", x.channel.c_str(), x.kind.c_str(),
                static_cast<long long>(x.contact_id), core::format_iso_day(x.date).c_str());
  return 0;
}

}  // namespace

void add_contact_commands(CLI::App& app, CliContext& ctx) {
  auto add_args = std::make_shared<AddArgs>();
  auto* add = app.add_subcommand("add", "Create a contact; prints its id");
  add->add_option("--name", add_args->name, "Full name")->required();
  add->add_option("--email", add_args->emails, "E-mail address (repeatable)");
  add->add_option("--phone", add_args->phones, "Phone number (repeatable)");
  add->add_option("--company", add_args->company, "Company");
  add->add_option("--title", add_args->title, "Job title");
  add->add_option("--url", add_args->urls, "Profile or web URL (repeatable)");
  add->add_option("--tier", add_args->tier, "Closeness: inner, close, regular, wider, dormant")
      ->check(CLI::IsMember({"inner", "close", "regular", "wider", "dormant"}));
  add->add_flag("--json", add_args->json, "Print {id, name} as JSON");
  add->callback([&ctx, add_args] { ctx.action = [&ctx, add_args] { return run_add(ctx, *add_args); }; });

  auto list_args = std::make_shared<ListArgs>();
  auto* list = app.add_subcommand("contacts", "List contacts with warmth and due date");
  list->add_option("--search", list_args->search,
                   "Only contacts whose name, company, title, e-mail or tag contains TEXT");
  list->add_option("--date", ctx.date_option, "Compute warmth as of this day")->check(iso_date_validator());
  list->add_flag("--json", list_args->json, "Print a JSON array");
  list->callback([&ctx, list_args] { ctx.action = [&ctx, list_args] { return run_list(ctx, *list_args); }; });

  auto show_args = std::make_shared<ShowArgs>();
  auto* show = app.add_subcommand("show", "Show one contact with its interactions");
  show->add_option("ID", show_args->id, "Contact id")->required();
  show->add_option("--date", ctx.date_option, "Compute warmth as of this day")->check(iso_date_validator());
  show->add_flag("--json", show_args->json, "Print JSON");
  show->callback([&ctx, show_args] { ctx.action = [&ctx, show_args] { return run_show(ctx, *show_args); }; });

  auto log_args = std::make_shared<LogArgs>();
  auto* log = app.add_subcommand("log", "Record a touchpoint with a contact");
  log->add_option("ID", log_args->id, "Contact id")->required();
  log->add_option("--channel", log_args->channel, "linkedin, email, phone, meeting or other")
      ->required()
      ->check(CLI::IsMember({"linkedin", "email", "phone", "meeting", "other"}));
  log->add_option("--kind", log_args->kind, "give, ask, neutral, or inbound (they reached out)")
      ->check(CLI::IsMember({"give", "ask", "neutral", "inbound"}));
  log->add_option("--grade", log_args->grade, "Outcome: 1 no reply, 2 lukewarm, 3 warm, 4 reciprocated")
      ->check(CLI::Range(1, 4));
  log->add_option("--note", log_args->note, "What you talked about");
  log->add_option("--date", ctx.date_option, "Day of the touchpoint (default today)")->check(iso_date_validator());
  log->add_flag("--json", log_args->json, "Print the interaction as JSON");
  log->callback([&ctx, log_args] { ctx.action = [&ctx, log_args] { return run_log(ctx, *log_args); }; });
}

}  // namespace rekindle::app
