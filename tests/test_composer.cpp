// The composer: templates, placeholders, channel limits, the transactional guard, links.
#include <catch2/catch.hpp>
#include <regex>

#include "core/ask_guard.h"
#include "core/composer.h"
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
void check_clean(const std::string& text, const std::string& what) {
  INFO(what << ":\n" << text);
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
  auto full = compose(set, full_context(), {"email", "reconnect", std::nullopt});
  REQUIRE(full.ok());
  CHECK_THAT(full->body, Catch::Contains("Head of Product at Widget, Inc."));
  CHECK_THAT(full->body, Catch::Contains("about product launch at Widget"));
  CHECK_THAT(full->body, Catch::Contains("share my research on onboarding"));
  CHECK_THAT(full->body, Catch::Contains("It's been over a year"));
  auto bare = compose(set, name_only_context(), {"email", "reconnect", std::nullopt});
  REQUIRE(bare.ok());
  CHECK_THAT(bare->body, !Catch::Contains("congratulations"));  // needs a title and company
  CHECK_THAT(bare->body, Catch::Contains("It's been a while"));

  ComposeContext talked = full_context();
  talked.interactions = {touch("2025-09-01", "linkedin", "neutral", 3, "Talked about their product launch")};
  auto topic = compose(set, talked, {"linkedin", "reconnect", std::nullopt});
  REQUIRE(topic.ok());
  CHECK_THAT(topic->body, Catch::Contains("our conversation about their product launch."));

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
