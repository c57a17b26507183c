// The composer: templates, placeholders, channel limits, the transactional guard, links.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <algorithm>
#include <regex>
#include <set>

#include "core/ask_guard.h"
#include "core/compose_context.h"
#include "core/composer.h"
#include "core/rekindle.h"
#include "core/url_encoding.h"
#include "tests/test_support.h"

using namespace rekindle::core;

namespace {

Day day(const char* iso) { return *parse_iso_day(iso); }

Interaction touch(const char* iso, const char* channel, const char* kind, std::optional<int> grade = std::nullopt,
                  const char* note = "") {
  Interaction x;
  x.date = day(iso);
  x.channel = channel;
  x.kind = kind;
  x.grade = grade;
  x.note = note;
  return x;
}

ComposeContext full_context() {
  ComposeContext c;
  c.today = day("2026-11-25");
  c.contact.id = 7;
  c.contact.name = "Ada Lovelace";
  c.contact.given_name = "Ada";
  c.contact.company = "Widget, Inc.";
  c.contact.title = "Head of Product";
  c.contact.emails = {{"ada@widget.example", "work", true, ""}};
  c.contact.urls = {{"https://www.linkedin.com/in/ada-lovelace", "linkedin", false, ""}};
  c.contact.connected_on = day("2018-05-01");
  c.interactions = {touch("2025-09-01", "email", "give", 4, "Product launch at Widget. We also talked kids.")};
  Goal g;
  g.id = 1;
  g.text = "move into product management";
  g.current = true;
  c.current_goal = g;
  c.goal_link = GoalLink{7, 1, "high", "knows the PM lead", "share my research on onboarding"};
  c.my_companies = {"widget, inc."};
  return c;
}

ComposeContext name_only_context() {
  ComposeContext c;
  c.today = day("2026-11-25");
  c.contact.id = 8;
  c.contact.name = "Zed";
  return c;
}

// What a filled message must never contain.
void check_clean(const std::string& raw, const std::string& what) {
  INFO(what << ":\n" << raw);
  std::string text = raw;  // the marked link is the one thing left for the user to fill
  for (size_t at; (at = text.find(kLinkPlaceholder)) != std::string::npos;) text.replace(at, kLinkPlaceholder.size(), "L");
  CHECK(text.find('{') == std::string::npos);
  CHECK(text.find('}') == std::string::npos);
  CHECK(text.find('[') == std::string::npos);
  CHECK(text.find(']') == std::string::npos);
  CHECK(text.find("  ") == std::string::npos);
  CHECK(text.find(" ,") == std::string::npos);
  CHECK(text.find(" .") == std::string::npos);
  CHECK(text.find("..") == std::string::npos);
  CHECK(text.find(",.") == std::string::npos);
  CHECK(text.find("\n\n\n") == std::string::npos);
  CHECK(text.find("()") == std::string::npos);
  CHECK_FALSE(std::regex_search(text, std::regex("(^|[.!?] )[.!?,]")));  // an empty sentence
}

}  // namespace

TEST_CASE("every built-in template renders cleanly for a full contact and for a bare name", "[composer]") {
  const TemplateSet set = load_templates("");
  CHECK(set.problems.empty());
  for (std::string_view situation : kSituations) {
    const MessageTemplate* t = set.find(situation);
    REQUIRE(t != nullptr);
    for (std::string_view channel : kComposeChannels) {
      REQUIRE(t->channels.count(std::string(channel)) == 1);
      for (const ComposeContext& context : {full_context(), name_only_context()}) {
        auto draft = compose(set, context, {std::string(channel), std::string(situation), std::nullopt});
        REQUIRE(draft.ok());
        const std::string what = std::string(situation) + "/" + std::string(channel) + " for " + context.contact.name;
        check_clean(draft->body, what);
        check_clean(draft->subject, what + " (subject)");
        CHECK(!draft->body.empty());
        CHECK(draft->body.find(context.contact.name == "Zed" ? "Zed" : "Ada") != std::string::npos);
        if (channel == "email") CHECK(!draft->subject.empty());
        if (channel == "linkedin-note") CHECK(draft->length <= kLinkedInNoteLimit);
      }
    }
  }
}

TEST_CASE("placeholders come from the contact and its history, and optional sentences drop", "[composer]") {
  const TemplateSet set = load_templates("");
  ComposeContext full_first = full_context();
  full_first.variant = 0;
  auto full = compose(set, full_first, {"email", "reconnect", std::nullopt});
  REQUIRE(full.ok());
  CHECK(full->family == "close");  // worked together at Widget, and a reciprocated touch
  CHECK_THAT(full->body, Catch::Contains("our time at Widget, Inc."));
  CHECK_THAT(full->body, Catch::Contains("about the product launch at Widget"));
  CHECK_THAT(full->body, Catch::Contains("share my research on onboarding"));
  CHECK_THAT(full->body, Catch::Contains("It's been over a year"));
  // A title held all along is no news: no congratulations without a recorded change.
  CHECK_THAT(full->body, !Catch::Contains("ongratulations"));
  CHECK_THAT(full->body, !Catch::Contains("Head of Product"));
  auto bare = compose(set, name_only_context(), {"email", "reconnect", std::nullopt});
  REQUIRE(bare.ok());
  CHECK_THAT(bare->body, !Catch::Contains("ongratulations"));
  CHECK_THAT(bare->body, Catch::StartsWith("Hi Zed,"));
  CHECK(bare->family == "light");

  ComposeContext talked = full_first;
  talked.interactions = {touch("2025-09-01", "linkedin", "neutral", 3, "Talked about their product launch")};
  auto topic = compose(set, talked, {"linkedin", "reconnect", std::nullopt});
  REQUIRE(topic.ok());
  CHECK_THAT(topic->body, Catch::Contains("our conversation about your product launch."));

  const std::map<std::string, std::string> values{{"a", "A"}};
  CHECK(fill_template("x [y {missing}] z [w {a}].", values) == "x z w A.");
  CHECK(fill_template("Hi {a}, [see {missing}]!", values) == "Hi A!");
  CHECK(fill_template("one [{a}] two [{a}] three", values, 1) == "one A two three");
}

TEST_CASE("the situation and channel fit the history", "[composer]") {
  struct Row {
    std::vector<Interaction> history;
    std::vector<LabeledValue> urls, emails;
    const char* situation;
    const char* channel;
  };
  const LabeledValue li{"https://linkedin.com/in/x", "linkedin", false, ""};
  const LabeledValue mail{"x@example.org", "", false, ""};
  const std::vector<Row> rows = {
      {{}, {li}, {mail}, "reconnect", "linkedin"},
      {{}, {}, {mail}, "reconnect", "email"},
      {{touch("2025-01-10", "phone", "neutral")}, {li}, {mail}, "reconnect", "phone"},
      {{touch("2026-11-10", "email", "ask", 1)}, {li}, {mail}, "follow-up", "email"},
      {{touch("2026-11-20", "linkedin", "inbound")}, {li}, {}, "thank-you", "linkedin"},
      {{touch("2026-10-01", "meeting", "neutral", 3)}, {}, {mail}, "share", "meeting"},
      {{touch("2026-10-01", "other", "neutral", 3)}, {}, {mail}, "share", "email"},
      {{touch("2026-10-01", "email", "neutral", 3)}, {li}, {}, "share", "linkedin"},
  };
  for (const Row& row : rows) {
    ComposeContext c = name_only_context();
    c.interactions = row.history;
    c.contact.urls = row.urls;
    c.contact.emails = row.emails;
    const DefaultChoice choice = default_choice(c);
    INFO("expected " << row.situation << " on " << row.channel);
    CHECK(choice.situation == row.situation);
    CHECK(choice.channel == row.channel);
  }
}

TEST_CASE("the transactional guard", "[composer]") {
  const TemplateSet set = load_templates("");
  ComposeContext cold = full_context();
  cold.interactions = {touch("2025-09-20", "email", "neutral", 3)};  // 14 months ago
  ComposeContext warm = full_context();
  warm.interactions = {touch("2026-11-01", "email", "neutral", 3)};

  auto asked = compose(set, cold, {"linkedin", "", std::string("Hi Ada! Could you refer me for the PM role?")});
  REQUIRE(asked.ok());
  REQUIRE(asked->warnings.size() == 1);
  CHECK_THAT(asked->warnings[0], Catch::Contains("refer me"));
  CHECK_THAT(asked->warnings[0], Catch::Contains("reconnect"));
  CHECK_THAT(asked->warnings[0], Catch::Contains("over a year"));

  auto warm_ask = compose(set, warm, {"linkedin", "", std::string("Hi Ada! Could you refer me for the PM role?")});
  REQUIRE(warm_ask.ok());
  CHECK(warm_ask->warnings.empty());

  auto giving = compose(set, cold, {"linkedin", "", std::string("I referred a colleague to your talk, she loved it.")});
  REQUIRE(giving.ok());
  CHECK(giving->warnings.empty());

  CHECK(find_transactional_ask("Is your team HIRING? I'd love an intro.") ==
        std::optional<std::string>("is your team hiring"));
  CHECK(find_transactional_ask("I'd love an intro to the Hiring Manager.") ==
        std::optional<std::string>("intro to the hiring"));
  CHECK(find_transactional_ask("Could you pass my résumé along") == std::optional<std::string>("pass my"));
  CHECK(!find_transactional_ask("Congratulations on the new job!"));
  CHECK(!find_transactional_ask("The referee referred it back."));

  auto advice = compose(set, cold, {"email", "ask-advice", std::nullopt});
  REQUIRE(advice.ok());
  CHECK(advice->warnings.size() == 1);
  auto reconnect = compose(set, cold, {"email", "reconnect", std::nullopt});
  REQUIRE(reconnect.ok());
  CHECK(reconnect->warnings.empty());
}

TEST_CASE("the LinkedIn note never exceeds 300 characters", "[composer]") {
  const TemplateSet set = load_templates("");
  ComposeContext c = full_context();
  c.contact.given_name = "Maximiliana-Konstantina-Alexandrina-Wilhelmina";
  c.contact.name = c.contact.given_name + " von Hohenzollern-Sigmaringen";
  c.contact.company = "The International Consolidated Amalgamated Holdings of Very Long Company Names, "
                      "Limited Liability Partnership (Worldwide), Société Générale des Noms Très Longs";
  c.contact.title = "Senior Principal Vice President of Strategic Cross-Functional Global Partnerships";
  for (std::string_view situation : kSituations) {
    auto draft = compose(set, c, {"linkedin-note", std::string(situation), std::nullopt});
    REQUIRE(draft.ok());
    INFO(draft->body);
    CHECK(draft->length <= kLinkedInNoteLimit);
    CHECK(character_count(draft->body) == draft->length);
    check_clean(draft->body, std::string(situation));
  }
  ComposeContext absurd = c;
  absurd.contact.given_name = std::string(400, 'a');
  auto cut = compose(set, absurd, {"linkedin-note", "reconnect", std::nullopt});
  REQUIRE(cut.ok());
  CHECK(cut->length <= kLinkedInNoteLimit);
  auto typed = compose(set, c, {"linkedin-note", "", std::string(350, 'x')});
  REQUIRE(typed.ok());
  CHECK(typed->length == 350);  // the user's own text is never cut, only flagged
  CHECK(typed->warnings.size() == 1);
}

TEST_CASE("mailto links encode and decode every character", "[composer]") {
  const std::string subject = "Café & co: 100% = \"yes\"?";
  const std::string body = "Línea 1\nLine 2 with #hash, /slash, +plus and 😀";
  const std::string link = mailto_link("ada@example.org", subject, body);
  CHECK_THAT(link, Catch::StartsWith("mailto:ada@example.org?subject="));
  CHECK(link.find(' ') == std::string::npos);
  CHECK(link.find('\n') == std::string::npos);
  CHECK_THAT(link, Catch::Contains("%0D%0A"));
  const size_t s = link.find("subject=") + 8, b = link.find("&body=");
  CHECK(percent_decode(link.substr(s, b - s)) == std::optional<std::string>(subject));
  std::string crlf_body = body;
  crlf_body.replace(crlf_body.find('\n'), 1, "\r\n");
  CHECK(percent_decode(link.substr(b + 6)) == std::optional<std::string>(crlf_body));
  CHECK(!percent_decode("%G1"));
  CHECK(!percent_decode("abc%4"));
  CHECK(is_openable_link("https://www.linkedin.com/in/ada"));
  CHECK(is_openable_link("MAILTO:ada@example.org"));
  CHECK_FALSE(is_openable_link("file:///etc/passwd"));
  CHECK_FALSE(is_openable_link("javascript:alert(1)"));
  CHECK_FALSE(is_openable_link("https://x.org/a b"));
}

TEST_CASE("user templates appear beside the built-in ones", "[composer]") {
  rekindle::test::TempDir dir;
  rekindle::test::write_file(dir.file("coffee-chat.txt"),
                             "label: Coffee chat\nkind: give\n== meeting\nsubject: Coffee?\nHi {first_name}[ at {company}], coffee?\n");
  rekindle::test::write_file(dir.file("broken.txt"), "== carrier-pigeon\nhello\n");
  const TemplateSet set = load_templates(dir.path().string());
  REQUIRE(set.find("coffee-chat") != nullptr);
  CHECK_FALSE(set.find("coffee-chat")->built_in);
  CHECK(set.find("reconnect") != nullptr);
  REQUIRE(set.problems.size() == 1);
  CHECK_THAT(set.problems[0], Catch::Contains("broken.txt:1"));
  auto draft = compose(set, name_only_context(), {"meeting", "coffee-chat", std::nullopt});
  REQUIRE(draft.ok());
  CHECK(draft->body == "Hi Zed, coffee?");
  CHECK(draft->kind == "give");
  auto missing = compose(set, name_only_context(), {"meeting", "nope", std::nullopt});
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.error(), Catch::Contains("coffee-chat"));
}

TEST_CASE("every situation has at least 3 variants, and the variant follows the history", "[composer]") {
  const TemplateSet set = load_templates("");
  for (std::string_view situation : kSituations) {
    const MessageTemplate* t = set.find(situation);
    REQUIRE(t != nullptr);
    for (const char* channel : {"linkedin", "email", "linkedin-note", "meeting"}) {
      INFO(situation << "/" << channel);
      CHECK(t->channels.at(channel).variants.size() >= 3);
    }
  }
  // Three positions in a deck, three different wordings for the same history.
  std::set<std::string> bodies;
  for (int v = 0; v < 3; ++v) {
    ComposeContext c = full_context();
    c.variant = v;
    auto d = compose(set, c, {"linkedin", "reconnect", std::nullopt});
    REQUIRE(d.ok());
    CHECK(d->variant == v);
    bodies.insert(d->body);
  }
  CHECK(bodies.size() == 3);
  // Without a position, the choice is stable for a contact and spreads over contacts.
  std::set<int> chosen;
  for (int64_t id = 1; id <= 12; ++id) {
    ComposeContext c = full_context();
    c.contact.id = id;
    auto a = compose(set, c, {"linkedin", "reconnect", std::nullopt});
    auto b = compose(set, c, {"linkedin", "reconnect", std::nullopt});
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->body == b->body);
    chosen.insert(a->variant);
  }
  CHECK(chosen.size() == 3);
}

TEST_CASE("variants in template files: families, shared sections, errors", "[composer]") {
  auto t = parse_message_template("x", "kind: give\n== linkedin, email\n-- close\nsubject: S1\nA {first_name}\n"
                                       "-- light\nsubject: S2\nB\n--\nC\n== phone\nP\n");
  REQUIRE(t.ok());
  REQUIRE(t->channels.at("email").variants.size() == 3);
  CHECK(t->channels.at("linkedin").variants[1].family == "light");
  CHECK(t->channels.at("email").variants[0].subject == "S1");
  CHECK(t->channels.at("email").variants[2].family.empty());
  CHECK(t->channels.at("phone").variants.size() == 1);
  auto twice = parse_message_template("y", "== linkedin, linkedin\nA\n");
  REQUIRE_FALSE(twice.ok());
  CHECK_THAT(twice.error(), Catch::Contains("y.txt:1"));
  auto spaced = parse_message_template("z", "== email\n-- two words\nA\n");
  REQUIRE_FALSE(spaced.ok());
  CHECK_THAT(spaced.error(), Catch::Contains("z.txt:2"));
}

TEST_CASE("sender name signs letters, not notes or call scripts", "[composer]") {
  const TemplateSet set = load_templates("");
  ComposeContext c = full_context();
  c.sender_name = "Sam Rivera 🙂";
  auto email = compose(set, c, {"email", "reconnect", std::nullopt});
  REQUIRE(email.ok());
  CHECK_THAT(email->body, Catch::EndsWith(",\nSam Rivera"));
  auto note = compose(set, c, {"linkedin-note", "reconnect", std::nullopt});
  REQUIRE(note.ok());
  CHECK_THAT(note->body, !Catch::Contains("Sam Rivera"));
  c.sender_name.clear();
  auto unsigned_email = compose(set, c, {"email", "reconnect", std::nullopt});
  REQUIRE(unsigned_email.ok());
  CHECK_THAT(unsigned_email->body, !Catch::EndsWith(","));
}

TEST_CASE("a draft with [link] cannot be logged as sent until the link is filled", "[composer]") {
  const TemplateSet set = load_templates("");
  auto share = compose(set, full_context(), {"email", "share", std::nullopt});
  REQUIRE(share.ok());
  CHECK_THAT(share->body, Catch::Contains("[link]"));
  REQUIRE(unsendable_reason(*share));
  CHECK_THAT(*unsendable_reason(*share), Catch::Contains("[link]"));
  CHECK(std::any_of(share->warnings.begin(), share->warnings.end(),
                    [](const std::string& w) { return w.find("[link]") != std::string::npos; }));
  std::string filled = share->body;
  filled.replace(filled.find("[link]"), 6, "https://example.org/post");
  auto checked = compose(set, full_context(), {"email", "share", filled});
  REQUIRE(checked.ok());
  CHECK_FALSE(unsendable_reason(*checked));
  auto typed = compose(set, full_context(), {"email", "", std::string("Hi Ada, see {link} and [LINK]")});
  REQUIRE(typed.ok());
  CHECK(unsendable_reason(*typed));
  CHECK(unfilled_placeholder("Hi {first_name}") == std::optional<std::string>("{first_name}"));
  CHECK_FALSE(unfilled_placeholder("a {b c} d"));

  // The API refuses to log it, and logs the filled text.
  auto opened = Rekindle::open_in_memory();
  REQUIRE(opened.ok());
  auto& api = *opened;
  Contact ada;
  ada.name = "Ada";
  auto id = api->add_contact(ada, day("2026-11-25"));
  REQUIRE(id.ok());
  auto refused = api->log_sent(*id, *share, day("2026-11-25"));
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.error(), Catch::Contains("[link]"));
  auto detail = api->contact(*id, day("2026-11-25"));
  REQUIRE(detail.ok());
  CHECK(detail->interactions.empty());
  REQUIRE(api->log_sent(*id, *checked, day("2026-11-25")).ok());
}

TEST_CASE("a changed title or company is recorded as a job change, a first value is not", "[composer]") {
  Contact before;
  before.id = 3;
  before.name = "Katherine Johnson";
  before.title = "Engineer";
  before.company = "Shopify";
  Contact after = before;
  after.company = "Stripe";
  auto moved = job_change_between(before, after, day("2026-11-01"));
  REQUIRE(moved);
  CHECK(moved->old_company == "Shopify");
  CHECK(moved->new_company == "Stripe");
  Contact first = before;
  first.title.clear();
  CHECK_FALSE(job_change_between(first, before, day("2026-11-01")));  // filled in, not changed
  CHECK_FALSE(job_change_between(before, before, day("2026-11-01")));
  after = before;
  after.title = "engineer";
  CHECK_FALSE(job_change_between(before, after, day("2026-11-01")));  // only the case changed

  auto opened = Rekindle::open_in_memory();
  REQUIRE(opened.ok());
  auto& api = *opened;
  auto id = api->add_contact(before, day("2026-01-01"));
  REQUIRE(id.ok());
  auto stored = api->contact(*id, day("2026-01-01"));
  REQUIRE(stored.ok());
  Contact edited = stored->contact;
  edited.title = "Mathematician";
  edited.company = "NASA";
  REQUIRE(api->update_contact(edited, day("2026-11-20")).ok());
  auto context = api->compose_context(*id, day("2026-12-01"));
  REQUIRE(context.ok());
  REQUIRE(context->job_change);
  CHECK(context->job_change->day == day("2026-11-20"));
  auto draft = compose(load_templates(""), *context, {"email", "", std::nullopt});
  REQUIRE(draft.ok());
  CHECK(draft->template_name == "congratulate");
  CHECK_THAT(draft->body, Catch::Contains("a mathematician at NASA"));
  REQUIRE(api->set_setting("sender_name", "Sam").ok());
  auto signed_context = api->compose_context(*id, day("2026-12-01"));
  REQUIRE(signed_context.ok());
  CHECK(signed_context->sender_name == "Sam");
}

TEST_CASE("user templates: a huge file, a device, a FIFO and a folder are left out with one line each",
          "[templates-folder]") {
  rekindle::test::TempDir dir;
  rekindle::test::write_file(dir.file("coffee-chat.txt"), "label: Coffee chat\n== meeting\nHi {first_name}, coffee?\n");
  // 260 MB without writing them: a sparse file.
  const std::string huge = dir.file("huge.txt");
  rekindle::test::write_file(huge, "label: Huge\n== meeting\nHi\n");
  REQUIRE(::truncate(huge.c_str(), 260LL * 1024 * 1024) == 0);
  REQUIRE(::symlink("/dev/zero", dir.file("zero.txt").c_str()) == 0);
  REQUIRE(::mkfifo(dir.file("pipe.txt").c_str(), 0600) == 0);
  std::filesystem::create_directory(dir.file("folder.txt"));

  const uint64_t before = user_template_bytes_read();
  const TemplateSet set = load_templates(dir.path().string());  // returns: the FIFO is not opened to wait
  const uint64_t read = user_template_bytes_read() - before;
  CHECK(read < 1024);  // the small file only: not a byte of the others
  REQUIRE(set.find("coffee-chat") != nullptr);
  CHECK(set.find("huge") == nullptr);
  CHECK(set.find("zero") == nullptr);
  CHECK(set.find("pipe") == nullptr);
  REQUIRE(set.problems.size() == 4);
  std::string problems;
  for (const auto& p : set.problems) problems += p + "\n";
  CHECK_THAT(problems, Catch::Contains("huge.txt: 260 MB is more than a template's limit of 64 KB; left out"));
  CHECK_THAT(problems, Catch::Contains("zero.txt: not a regular file"));
  CHECK_THAT(problems, Catch::Contains("pipe.txt: not a regular file"));
  CHECK_THAT(problems, Catch::Contains("folder.txt: not a regular file"));
  for (const auto& p : set.problems) CHECK(p.find('\n') == std::string::npos);
}

TEST_CASE("user templates: an unchanged file is not read again for the next draft", "[templates-folder]") {
  rekindle::test::TempDir dir;
  const std::string path = dir.file("coffee-chat.txt");
  rekindle::test::write_file(path, "label: Coffee chat\n== meeting\nHi {first_name}, coffee?\n");
  (void)load_templates(dir.path().string());
  uint64_t before = user_template_bytes_read();
  const TemplateSet again = load_templates(dir.path().string());
  CHECK(user_template_bytes_read() == before);  // served from the cache
  REQUIRE(again.find("coffee-chat") != nullptr);
  // A changed file (another size) is read again.
  rekindle::test::write_file(path, "label: Coffee chat\n== meeting\nHi {first_name}, a coffee soon?\n");
  before = user_template_bytes_read();
  const TemplateSet changed = load_templates(dir.path().string());
  CHECK(user_template_bytes_read() > before);
  auto draft = compose(changed, name_only_context(), {"meeting", "coffee-chat", std::nullopt});
  REQUIRE(draft.ok());
  CHECK(draft->body == "Hi Zed, a coffee soon?");
}

TEST_CASE("mailto links keep only subject, body, cc and bcc, percent-encoded", "[mailto]") {
  CHECK(safe_mailto_link("mailto:ada@example.org?subject=Hi&attach=/etc/passwd&body=See%20you") ==
        "mailto:ada@example.org?subject=Hi&body=See%20you");
  CHECK(safe_mailto_link("MAILTO:ada@example.org?ATTACH=~/.ssh/id_rsa&Attachment=x&X-Foo=1&in-reply-to=y") ==
        "mailto:ada@example.org");
  CHECK(safe_mailto_link("mailto:ada@example.org?CC=b@x.org&bcc=c@x.org&to=evil@x.org") ==
        "mailto:ada@example.org?cc=b%40x.org&bcc=c%40x.org");
  // A value cannot smuggle a field in: its '&' and '=' are encoded again.
  CHECK(safe_mailto_link("mailto:a@x.org?subject=a%26attach%3D%2Fetc%2Fpasswd") ==
        "mailto:a@x.org?subject=a%26attach%3D%2Fetc%2Fpasswd");
  CHECK(safe_mailto_link("mailto:a@x.org,b@x.org?body=one two\nthree#frag") ==
        "mailto:a@x.org,b@x.org?body=one%20two%0Athree");
  CHECK_FALSE(safe_mailto_link("mailto:a@x.org?subject=%zz"));
  CHECK_FALSE(safe_mailto_link("https://x.org/?attach=1"));
  // What the composer builds already passes unchanged.
  const std::string built = mailto_link("ada@example.org", "Hi & bye", "Line 1\nLine 2");
  CHECK(safe_mailto_link(built) == built);

  // A contact's stored mailto link is offered without its attach=.
  ComposeContext context = name_only_context();
  context.contact.urls = {{"mailto:zed@example.org?attach=/etc/passwd&subject=Hi", "", false, ""}};
  auto draft = compose(load_templates(""), context, {"linkedin", "", std::nullopt});
  REQUIRE(draft.ok());
  CHECK(draft->link == "mailto:zed@example.org?subject=Hi");
}
