// Issue 11: drafts a person would actually send. A table of contacts with varied histories;
// each row is its own Catch2 case and states what its draft must have. The same table's
// drafts are kept in tests/data/drafts.txt for review; to rewrite that file after a wording
// change, run
//   REKINDLE_WRITE_DRAFTS=1 build/rekindle_tests "[drafts-file]"
// and read the diff. The "[drafts-file]" test fails while the file is stale.
#include "test_paths.h"
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <sstream>

#include "core/composer.h"
#include "core/phrase.h"

using namespace rekindle::core;

namespace {

const Day kToday = *parse_iso_day("2026-12-01");

Day day(const char* iso) { return *parse_iso_day(iso); }

Interaction touch(const char* iso, const char* channel, const char* kind, std::optional<int> grade,
                  const char* note = "") {
  Interaction x;
  x.date = day(iso);
  x.channel = channel;
  x.kind = kind;
  x.grade = grade;
  x.note = note;
  return x;
}

struct Row {
  std::string name;         // the row's id, shown in drafts.txt
  std::string description;  // what is special about this contact
  ComposeContext context;
  std::string channel;      // requested channel; empty: the default
  std::string situation;    // requested situation; empty: the default
  // Expectations.
  std::string expect_situation, expect_family, expect_greeting;
  bool congratulates = false;    // the draft congratulates (only with a known change)
  bool thanks_their_message = false;  // they wrote last: the draft thanks them for it
  bool has_link = false;         // a "[link]" for the user to fill
  std::vector<std::string> contains, absent, notes_contain;
};

// A contact with a LinkedIn profile and an e-mail address, silent since `last` (if any).
Row base(std::string name, std::string description, std::string display_name) {
  static int64_t next_id = 100;
  Row r;
  r.name = std::move(name);
  r.description = std::move(description);
  r.context.today = kToday;
  r.context.contact.id = next_id++;
  r.context.contact.name = std::move(display_name);
  r.context.contact.tier = "regular";
  r.context.contact.urls = {{"https://www.linkedin.com/in/x" + std::to_string(r.context.contact.id), "linkedin",
                             false, ""}};
  r.context.contact.emails = {{"x" + std::to_string(r.context.contact.id) + "@example.org", "work", false, ""}};
  return r;
}

void set_offer(Row& r, const std::string& offer) {
  Goal g;
  g.id = 1;
  g.text = "move into product management";
  g.current = true;
  r.context.current_goal = g;
  r.context.goal_link = GoalLink{r.context.contact.id, 1, "high", "", offer};
}

JobChange change(const char* iso, const char* old_title, const char* old_company, const char* new_title,
                 const char* new_company) {
  return JobChange{0, day(iso), old_title, old_company, new_title, new_company};
}

std::vector<Row>& registry() {
  static std::vector<Row> rows;
  return rows;
}

struct Registrar {
  explicit Registrar(Row (*make)()) { registry().push_back(make()); }
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Draft draft_of(const Row& row) {
  static const TemplateSet templates = load_templates("");
  auto d = compose(templates, row.context, {row.channel, row.situation, std::nullopt});
  REQUIRE(d.ok());
  return *d;
}

// Joins that show a slot was filled with the wrong kind of phrase.
const std::regex kBadJoin(
    "\\b(about|on|with|regarding) (congratulated|asked|sent|met|told|said|she|he|they|i|we|share|send|review|"
    "introduce|follow|ask|call|email|ping)\\b|"
    "\\bto to\\b|\\bthe the\\b|\\ba a\\b|\\babout about\\b|"
    "\\b(glad|happy|pleased|able) to (my|the|a|an|our|their|your|his|her|feedback|notes|intro|introduction|"
    "coffee)\\b|"
    "\\bI could (my|the|a|an|our|their|your|feedback|notes)\\b|"
    "\\bif I can ever (my|the|a|an|our|their|your|feedback|notes)\\b",
    std::regex::icase);
// A title without its article: "you're Mathematician at NASA".
const std::regex kBareTitle("\\b(you're|you are|as) [A-Z][a-z]+ (at|of)\\b");

void check_row(const Row& row) {
  const Draft d = draft_of(row);
  const std::string text = d.subject + "\n" + d.body;
  INFO(row.name << " (" << row.description << "):\n" << d.subject << "\n" << d.body);
  if (!row.expect_situation.empty()) CHECK(d.template_name == row.expect_situation);
  if (!row.expect_family.empty()) CHECK(d.family == row.expect_family);

  // Nothing left unfilled but the marked link.
  std::string without_link = text;
  for (size_t at; (at = without_link.find(kLinkPlaceholder)) != std::string::npos;)
    without_link.erase(at, kLinkPlaceholder.size());
  CHECK(without_link.find_first_of("{}[]") == std::string::npos);
  CHECK((text.find(kLinkPlaceholder) != std::string::npos) == row.has_link);
  CHECK(unsendable_reason(d).has_value() == row.has_link);

  // Slot joins, spacing and punctuation.
  std::smatch bad;
  const bool bad_join = std::regex_search(text, bad, kBadJoin);
  INFO("bad join: " << (bad_join ? bad.str() : ""));
  CHECK_FALSE(bad_join);
  CHECK_FALSE(std::regex_search(text, kBareTitle));
  for (const char* junk : {"  ", " ,", " .", "..", ",.", ",,", "\n\n\n", "()", ", !", " !", " ?"})
    CHECK(text.find(junk) == std::string::npos);

  // Greeting: a clean name or "Hi there," - never emoji, "?" or a replacement character.
  if (!row.expect_greeting.empty()) {
    const std::string greeting = d.body.substr(0, d.body.find_first_of("\n"));
    CHECK_THAT(greeting, Catch::StartsWith(row.expect_greeting));
  }
  CHECK(text.find("\xEF\xBF\xBD") == std::string::npos);  // U+FFFD
  for (unsigned char ch : text) CHECK(ch != 0xF0);       // no emoji (4-byte UTF-8) anywhere
  CHECK(d.body.find("Hi ?") == std::string::npos);

  // Congratulations only with a known change; inbound thanked for *their* message.
  CHECK((lower(text).find("congrat") != std::string::npos) == row.congratulates);
  if (row.thanks_their_message) {
    CHECK(lower(d.body).find("thank") != std::string::npos);
    CHECK(std::regex_search(d.body, std::regex("your (last )?(message|note)|getting in touch|reaching out")));
  }
  for (const auto& s : row.contains) CHECK_THAT(text, Catch::Contains(s));
  for (const auto& s : row.absent) CHECK_THAT(text, !Catch::Contains(s, Catch::CaseSensitive::No));
  for (const auto& s : row.notes_contain) {
    std::string notes;
    for (const auto& n : d.notes) notes += n + "\n";
    CHECK_THAT(notes, Catch::Contains(s));
  }
  if (d.channel == "linkedin-note") CHECK(d.length <= kLinkedInNoteLimit);
  if (d.channel == "email") CHECK(!d.subject.empty());
}

}  // namespace

// Declares a table row: its builder is registered for drafts.txt and checked as its own case.
#define DRAFT_ROW(NAME)                                       \
  static Row NAME##_row();                                    \
  static const Registrar NAME##_registrar(&NAME##_row);       \
  TEST_CASE("draft row: " #NAME, "[drafts]") { check_row(NAME##_row()); } \
  static Row NAME##_row()

// ---- Long silence, by how close the tie was ---------------------------------------------

DRAFT_ROW(close_tie_5_years_silent) {
  Row r = base("close_tie_5_years_silent", "close friend, last talked 5 years ago about her move", "Maya Chen");
  r.context.contact.given_name = "Maya";
  r.context.contact.tier = "close";
  r.context.interactions = {touch("2019-04-02", "meeting", "neutral", 4), touch("2020-06-11", "phone", "inbound", 4),
                            touch("2021-10-03", "email", "neutral", 3, "Talked about her move to Lisbon")};
  r.expect_situation = "reconnect";
  r.expect_family = "close";
  r.expect_greeting = "Hi Maya,";
  r.contains = {"about 5 years", "your move to Lisbon"};
  return r;
}

DRAFT_ROW(close_worked_together) {
  Row r = base("close_worked_together", "ex-colleague at Klarna, two warm touches, 4 years silent", "Erik Lund");
  r.context.contact.notes = "Worked together at Klarna. Great at pricing.";
  r.context.contact.company = "Spotify";
  r.context.my_companies = {"Klarna"};
  r.context.interactions = {touch("2020-05-01", "email", "neutral", 3), touch("2022-09-14", "linkedin", "give", 3)};
  r.expect_situation = "reconnect";
  r.expect_family = "close";
  r.expect_greeting = "Hi Erik,";
  r.contains = {"Klarna"};
  return r;
}

DRAFT_ROW(close_inner_tier_note) {
  Row r = base("close_inner_tier_note", "inner circle, silent 2 years, LinkedIn note", "Noor Aziz");
  r.context.contact.tier = "inner";
  r.context.interactions = {touch("2024-11-20", "phone", "neutral", 4)};
  r.channel = "linkedin-note";
  r.expect_situation = "reconnect";
  r.expect_greeting = "Hi Noor,";
  return r;
}

DRAFT_ROW(weak_tie_never_talked) {
  Row r = base("weak_tie_never_talked", "LinkedIn connection since 2019, never in touch", "Priya Raman");
  r.context.contact.tier = "dormant";
  r.context.contact.connected_on = day("2019-03-12");
  r.expect_situation = "reconnect";
  r.expect_family = "new";
  r.expect_greeting = "Hi Priya,";
  r.absent = {"far too long", "our conversation", "long overdue"};
  return r;
}

DRAFT_ROW(weak_tie_one_lukewarm_touch) {
  Row r = base("weak_tie_one_lukewarm_touch", "wider circle, one lukewarm message 2 years ago", "Tom Becker");
  r.context.contact.tier = "wider";
  r.context.contact.company = "Bosch";
  r.context.interactions = {touch("2024-02-10", "linkedin", "neutral", 2)};
  r.expect_situation = "reconnect";
  r.expect_family = "light";
  r.expect_greeting = "Hi Tom,";
  r.absent = {"far too long", "favourite"};
  return r;
}

DRAFT_ROW(weak_tie_email) {
  Row r = base("weak_tie_email", "dormant tie, e-mail only, silent 3 years", "Karin Nilsson");
  r.context.contact.tier = "dormant";
  r.context.contact.urls.clear();
  r.context.interactions = {touch("2023-09-01", "email", "neutral", 3)};
  r.expect_situation = "reconnect";
  r.expect_family = "light";
  r.expect_greeting = "Hi Karin,";
  return r;
}

DRAFT_ROW(standard_topic_migration) {
  Row r = base("standard_topic_migration", "regular tie, talked about a Kubernetes migration 2 years ago", "Lena Vogel");
  r.context.interactions = {touch("2024-06-03", "linkedin", "neutral", 3, "Kubernetes migration")};
  r.expect_situation = "reconnect";
  r.expect_family = "standard";
  r.expect_greeting = "Hi Lena,";
  r.contains = {"the Kubernetes migration"};
  return r;
}

DRAFT_ROW(standard_met_at_conference) {
  Row r = base("standard_met_at_conference", "met at PyCon, one warm touch 14 months ago", "Diego Ramos");
  r.context.contact.notes = "Met at PyCon 2019.";
  r.context.interactions = {touch("2025-09-20", "email", "neutral", 3)};
  r.expect_situation = "reconnect";
  r.expect_family = "standard";
  r.expect_greeting = "Hi Diego,";
  return r;
}

// ---- Who wrote last -----------------------------------------------------------------------

DRAFT_ROW(inbound_recent_clause_note) {
  Row r = base("inbound_recent_clause_note", "they wrote 11 days ago; the note is a clause", "Sam Okafor");
  r.context.interactions = {touch("2026-11-20", "linkedin", "inbound", 4, "Asked about our on-call setup")};
  r.expect_situation = "thank-you";
  r.expect_family = "inbound";
  r.expect_greeting = "Hi Sam,";
  r.thanks_their_message = true;
  r.absent = {"on-call", "conversation about"};
  r.notes_contain = {"Asked about our on-call setup"};
  return r;
}

DRAFT_ROW(inbound_she_asked) {
  Row r = base("inbound_she_asked", "they wrote; the note starts with 'she asked'", "Julia Santos");
  r.context.interactions = {touch("2026-10-15", "email", "neutral", 3),
                            touch("2026-11-10", "email", "inbound", 4, "she asked about our on-call setup")};
  r.expect_situation = "thank-you";
  r.expect_family = "inbound";
  r.expect_greeting = "Hi Julia,";
  r.thanks_their_message = true;
  r.absent = {"about she", "she asked"};
  return r;
}

DRAFT_ROW(inbound_with_topic) {
  Row r = base("inbound_with_topic", "they wrote about a noun-phrase topic", "Marco Rossi");
  r.context.interactions = {touch("2026-11-25", "linkedin", "inbound", 4, "Hiring plans for 2027")};
  r.expect_situation = "thank-you";
  r.expect_family = "inbound";
  r.expect_greeting = "Hi Marco,";
  r.thanks_their_message = true;
  r.contains = {"hiring plans for 2027"};
  return r;
}

DRAFT_ROW(inbound_long_ago_unanswered) {
  Row r = base("inbound_long_ago_unanswered", "they wrote 18 months ago and never got a reply", "Hannah Berg");
  r.context.interactions = {touch("2023-03-01", "email", "neutral", 3),
                            touch("2025-05-20", "email", "inbound", 4, "Rust adoption")};
  r.expect_situation = "reconnect";
  r.expect_family = "owed";
  r.expect_greeting = "Hi Hannah,";
  r.thanks_their_message = true;
  r.contains = {"Rust adoption"};
  return r;
}

DRAFT_ROW(inbound_phone) {
  Row r = base("inbound_phone", "they called last week; phone script", "Ahmed Khan");
  r.context.interactions = {touch("2026-11-24", "phone", "inbound", 4)};
  r.expect_situation = "thank-you";
  r.expect_family = "inbound";
  return r;
}

DRAFT_ROW(outbound_unanswered) {
  Row r = base("outbound_unanswered", "my LinkedIn message 19 days ago got no reply", "Omar Haddad");
  r.context.interactions = {touch("2026-11-12", "linkedin", "neutral", 1)};
  r.expect_situation = "follow-up";
  r.expect_family = "nudge";
  r.expect_greeting = "Hi Omar,";
  return r;
}

DRAFT_ROW(outbound_unanswered_email) {
  Row r = base("outbound_unanswered_email", "my e-mail 26 days ago got no reply; accented name", "Chloé Martin");
  r.context.interactions = {touch("2026-11-05", "email", "ask", 1)};
  r.expect_situation = "follow-up";
  r.expect_family = "nudge";
  r.expect_greeting = "Hi Chloé,";
  return r;
}

DRAFT_ROW(helped_me_last_week) {
  Row r = base("helped_me_last_week", "they helped with salary negotiation 6 days ago", "Beatriz Lima");
  r.context.interactions = {touch("2026-11-25", "meeting", "ask", 4, "Salary negotiation")};
  r.channel = "email";
  r.expect_situation = "thank-you";
  r.expect_family = "help";
  r.expect_greeting = "Hi Beatriz,";
  r.contains = {"salary negotiation"};
  return r;
}

// ---- Job changes --------------------------------------------------------------------------

DRAFT_ROW(job_change_mathematician) {
  Row r = base("job_change_mathematician", "moved to NASA two weeks ago (recorded)", "Katherine Johnson");
  r.context.contact.title = "Mathematician";
  r.context.contact.company = "NASA";
  r.context.job_change = change("2026-11-15", "Research Assistant", "NACA", "Mathematician", "NASA");
  r.context.interactions = {touch("2024-01-10", "email", "neutral", 3)};
  r.expect_situation = "congratulate";
  r.expect_family = "change";
  r.expect_greeting = "Hi Katherine,";
  r.congratulates = true;
  r.contains = {"a mathematician at NASA"};
  return r;
}

DRAFT_ROW(job_change_cto) {
  Row r = base("job_change_cto", "promoted to CTO at the same company", "Ravi Patel");
  r.context.contact.title = "CTO";
  r.context.contact.company = "Acme";
  r.context.job_change = change("2026-10-20", "VP Engineering", "Acme", "CTO", "Acme");
  r.expect_situation = "congratulate";
  r.expect_family = "change";
  r.congratulates = true;
  r.contains = {"the CTO of Acme"};
  return r;
}

DRAFT_ROW(job_change_engineer) {
  Row r = base("job_change_engineer", "moved from Shopify to Stripe as an engineer", "Inés Álvarez");
  r.context.contact.title = "Engineer";
  r.context.contact.company = "Stripe";
  r.context.job_change = change("2026-11-01", "Engineer", "Shopify", "Engineer", "Stripe");
  r.context.interactions = {touch("2025-12-01", "linkedin", "neutral", 3)};
  r.expect_situation = "congratulate";
  r.congratulates = true;
  r.expect_greeting = "Hi Inés,";
  r.contains = {"an engineer at Stripe"};
  return r;
}

DRAFT_ROW(job_change_head_of_product_note) {
  Row r = base("job_change_head_of_product_note", "new head of product; LinkedIn note", "Ada Lovelace");
  r.context.contact.title = "Head of Product";
  r.context.contact.company = "Widget";
  r.context.job_change = change("2026-11-20", "Senior Product Manager", "Widget", "Head of Product", "Widget");
  r.channel = "linkedin-note";
  r.expect_situation = "congratulate";
  r.congratulates = true;
  r.contains = {"head of product at Widget"};
  return r;
}

DRAFT_ROW(job_change_company_only) {
  Row r = base("job_change_company_only", "moved company, no title known", "Felix Wagner");
  r.context.contact.company = "Siemens";
  r.context.job_change = change("2026-09-30", "", "SAP", "", "Siemens");
  r.expect_situation = "congratulate";
  r.congratulates = true;
  r.contains = {"your move to Siemens"};
  return r;
}

DRAFT_ROW(job_change_headline_title) {
  Row r = base("job_change_headline_title", "a LinkedIn headline as the title", "Yuki Tanaka");
  r.context.contact.given_name = "Yuki";
  r.context.contact.title = "Engineer | Speaker | Author";
  r.context.contact.company = "Mercari";
  r.context.job_change = change("2026-11-28", "", "Rakuten", "Engineer | Speaker | Author", "Mercari");
  r.expect_situation = "congratulate";
  r.congratulates = true;
  r.contains = {"an engineer at Mercari"};
  r.absent = {"Speaker"};
  return r;
}

DRAFT_ROW(job_change_already_touched) {
  Row r = base("job_change_already_touched", "changed job in Jan 2025, we talked since", "Sofia Greco");
  r.context.contact.title = "Designer";
  r.context.contact.company = "Figma";
  r.context.job_change = change("2025-01-10", "Designer", "Canva", "Designer", "Figma");
  r.context.interactions = {touch("2025-06-02", "email", "neutral", 3)};
  r.expect_situation = "reconnect";
  r.congratulates = false;
  return r;
}

DRAFT_ROW(job_change_over_a_year_old) {
  Row r = base("job_change_over_a_year_old", "job change recorded 20 months ago, never touched", "Lars Holm");
  r.context.contact.title = "Architect";
  r.context.contact.company = "Maersk";
  r.context.job_change = change("2025-04-01", "Architect", "DSV", "Architect", "Maersk");
  r.expect_situation = "reconnect";
  r.congratulates = false;
  return r;
}

DRAFT_ROW(title_held_for_years) {
  Row r = base("title_held_for_years", "Fellow at Linux Foundation, silent 10 years, no change known", "Linus T");
  r.context.contact.given_name = "Linus";
  r.context.contact.title = "Fellow";
  r.context.contact.company = "Linux Foundation";
  r.context.interactions = {touch("2016-11-02", "email", "neutral", 3)};
  r.expect_situation = "reconnect";
  r.congratulates = false;
  r.absent = {"now Fellow", "you're now", "new role"};
  return r;
}

DRAFT_ROW(no_change_with_title) {
  Row r = base("no_change_with_title", "title and company known, nothing changed, 8 months silent", "Grace Park");
  r.context.contact.title = "Staff Engineer";
  r.context.contact.company = "Google";
  r.context.interactions = {touch("2026-03-20", "linkedin", "neutral", 3)};
  r.expect_situation = "reconnect";
  r.congratulates = false;
  return r;
}

DRAFT_ROW(congratulate_chosen_no_change) {
  Row r = base("congratulate_chosen_no_change", "user picks congratulate; no recorded change", "Mei Lin");
  r.context.contact.title = "Director";
  r.context.contact.company = "Airbnb";
  r.situation = "congratulate";
  r.channel = "email";
  r.expect_family = "news";
  r.congratulates = true;
  r.absent = {"Director", "Airbnb"};
  return r;
}

// ---- Offers -------------------------------------------------------------------------------

DRAFT_ROW(offer_verb_phrase) {
  Row r = base("offer_verb_phrase", "offer written as a verb phrase", "Ada Byron");
  set_offer(r, "share my notes on user research");
  r.context.interactions = {touch("2026-03-01", "email", "neutral", 3)};
  r.expect_situation = "reconnect";
  r.contains = {"share my notes on user research"};
  return r;
}

DRAFT_ROW(offer_noun_phrase) {
  Row r = base("offer_noun_phrase", "offer written as a noun phrase", "Ben Carter");
  set_offer(r, "my notes on user research from the checkout redesign");
  r.context.interactions = {touch("2026-03-01", "email", "neutral", 3)};
  r.absent = {"my notes on user research"};
  r.notes_contain = {"share my notes on user research from the checkout redesign"};
  return r;
}

DRAFT_ROW(offer_feedback_third_person) {
  Row r = base("offer_feedback_third_person", "offer 'feedback on their EMEA launch deck'", "Clara Weiss");
  set_offer(r, "feedback on their EMEA launch deck");
  r.context.interactions = {touch("2025-08-01", "linkedin", "neutral", 3)};
  r.absent = {"feedback", "their EMEA"};
  r.notes_contain = {"give feedback on your EMEA launch deck"};
  return r;
}

DRAFT_ROW(offer_introduce) {
  Row r = base("offer_introduce", "offer with a capital and a full stop", "Dan Brooks");
  set_offer(r, "Introduce you to our payments lead.");
  r.context.interactions = {touch("2025-02-01", "email", "neutral", 3)};
  r.contains = {"introduce you to our payments lead."};
  return r;
}

DRAFT_ROW(offer_i_can) {
  Row r = base("offer_i_can", "offer typed as 'I can review...'", "Eva Novak");
  set_offer(r, "I can review your launch deck");
  r.context.interactions = {touch("2025-02-01", "email", "neutral", 3)};
  r.contains = {"review your launch deck"};
  r.absent = {"I can review"};
  return r;
}

DRAFT_ROW(offer_absent) {
  Row r = base("offer_absent", "a goal but no offer yet", "Farid Said");
  set_offer(r, "");
  r.context.interactions = {touch("2025-02-01", "email", "neutral", 3)};
  r.absent = {"useful, I", "I could", "if it helps", "say the word"};
  return r;
}

DRAFT_ROW(offer_in_thank_you) {
  Row r = base("offer_in_thank_you", "they helped; I can offer an intro", "Gita Rao");
  set_offer(r, "introduce you to two founders in climate tech");
  r.context.interactions = {touch("2026-11-27", "linkedin", "ask", 4)};
  r.expect_situation = "thank-you";
  r.expect_family = "help";
  r.contains = {"introduce you to two founders in climate tech"};
  return r;
}

// ---- Notes in odd forms -------------------------------------------------------------------

DRAFT_ROW(note_congratulated_on_new_role) {
  Row r = base("note_congratulated_on_new_role", "note 'congratulated on new role' (a past-tense clause)", "Hugo Blanc");
  r.context.interactions = {touch("2025-08-12", "linkedin", "give", 3, "congratulated on new role")};
  r.expect_situation = "reconnect";
  r.congratulates = false;
  r.absent = {"new role", "congratulated"};
  return r;
}

DRAFT_ROW(note_follow_up_about_talk) {
  Row r = base("note_follow_up_about_talk", "contact notes 'Follow up about orbital mechanics talk'", "Iris Kahn");
  r.context.contact.notes = "Follow up about orbital mechanics talk";
  r.context.interactions = {touch("2025-01-15", "email", "neutral", 3)};
  r.contains = {"the orbital mechanics talk"};
  return r;
}

DRAFT_ROW(note_long_paragraph) {
  Row r = base("note_long_paragraph", "a long free-text note", "Jonas Weber");
  r.context.interactions = {touch("2025-03-01", "phone", "neutral", 3,
                                  "Long call. He is thinking about leaving, wife got a job in Munich, kids "
                                  "starting school, wants to stay in fintech but maybe switch to product.")};
  r.channel = "email";
  r.absent = {"Munich", "wife", "conversation about he"};
  return r;
}

DRAFT_ROW(note_url_only) {
  Row r = base("note_url_only", "a note that is a URL", "Kofi Mensah");
  r.context.interactions = {touch("2025-03-01", "email", "neutral", 3, "https://example.com/deck.pdf")};
  r.absent = {"example.com"};
  return r;
}

DRAFT_ROW(note_todo_imperative) {
  Row r = base("note_todo_imperative", "a to-do note 'send her the deck'", "Lucia Ferri");
  r.context.interactions = {touch("2025-03-01", "email", "neutral", 3, "send her the deck")};
  r.absent = {"send her", "about send"};
  return r;
}

DRAFT_ROW(note_logged_subject) {
  Row r = base("note_logged_subject", "the last note is a sent draft's subject", "Mateo Cruz");
  r.context.interactions = {touch("2025-05-01", "email", "neutral", 3, "It's been a while, Mateo")};
  r.absent = {"about it's", "about It's"};
  return r;
}

// ---- Names ----------------------------------------------------------------------------------

DRAFT_ROW(name_doctor_in_display_name) {
  Row r = base("name_doctor_in_display_name", "'Dr. Jane Smith', no given name", "Dr. Jane Smith");
  r.expect_greeting = "Hi Jane,";
  r.absent = {"Dr."};
  return r;
}

DRAFT_ROW(name_prefix_field) {
  Row r = base("name_prefix_field", "prefix 'Prof.' in its own field", "Prof. Alan Turing");
  r.context.contact.name_prefix = "Prof.";
  r.context.contact.given_name = "Alan";
  r.expect_greeting = "Hi Alan,";
  return r;
}

DRAFT_ROW(name_with_emoji) {
  Row r = base("name_with_emoji", "given name 'Zoë 🚀'", "Zoë 🚀 Adams");
  r.context.contact.given_name = "Zoë 🚀";
  r.expect_greeting = "Hi Zoë,";
  return r;
}

DRAFT_ROW(name_unrenderable) {
  Row r = base("name_unrenderable", "a name that came through as '? ?'", "? ?");
  r.expect_greeting = "Hi there,";
  return r;
}

DRAFT_ROW(name_chinese) {
  Row r = base("name_chinese", "Chinese name, no given name field", "王伟");
  r.expect_greeting = "Hi 王伟,";
  return r;
}

DRAFT_ROW(name_japanese_spaced) {
  Row r = base("name_japanese_spaced", "Japanese name with a space", "山田 太郎");
  r.expect_greeting = "Hi 山田 太郎,";
  return r;
}

DRAFT_ROW(name_nickname) {
  Row r = base("name_nickname", "goes by a nickname", "Robert Miller");
  r.context.contact.given_name = "Robert";
  r.context.contact.nickname = "Bob";
  r.expect_greeting = "Hi Bob,";
  return r;
}

DRAFT_ROW(name_all_caps) {
  Row r = base("name_all_caps", "name typed in capitals", "JOHN SMITH");
  r.expect_greeting = "Hi John,";
  return r;
}

DRAFT_ROW(name_from_email) {
  Row r = base("name_from_email", "the name is an e-mail address", "j.doe@example.com");
  r.expect_greeting = "Hi there,";
  return r;
}

DRAFT_ROW(name_family_first_comma) {
  Row r = base("name_family_first_comma", "'Lovelace, Ada'", "Lovelace, Ada");
  r.expect_greeting = "Hi Ada,";
  return r;
}

// ---- Sender, links, channels ---------------------------------------------------------------

DRAFT_ROW(signed_by_sender) {
  Row r = base("signed_by_sender", "sender_name set; e-mail", "Nina Petrova");
  r.context.sender_name = "Sam Rivera";
  r.context.interactions = {touch("2025-01-01", "email", "neutral", 3)};
  r.channel = "email";
  r.expect_greeting = "Hi Nina,";
  r.contains = {",\nSam Rivera"};
  return r;
}

DRAFT_ROW(share_with_link) {
  Row r = base("share_with_link", "a warm tie 2.5 months after a good chat: share something", "Oscar Diaz");
  r.context.interactions = {touch("2026-09-15", "email", "neutral", 3, "Pricing experiments")};
  r.expect_situation = "share";
  r.expect_family = "share";
  r.has_link = true;
  return r;
}

DRAFT_ROW(share_note_with_link) {
  Row r = base("share_note_with_link", "share as a LinkedIn note", "Paula Costa");
  r.context.interactions = {touch("2026-09-01", "linkedin", "neutral", 3)};
  r.channel = "linkedin-note";
  r.expect_situation = "share";
  r.has_link = true;
  return r;
}

DRAFT_ROW(meeting_invite) {
  Row r = base("meeting_invite", "reconnect as a coffee invitation", "Quinn Harper");
  r.context.interactions = {touch("2024-10-01", "meeting", "neutral", 3)};
  r.expect_situation = "reconnect";
  return r;
}

DRAFT_ROW(phone_script) {
  Row r = base("phone_script", "reconnect by phone, worked together", "Rosa Blanco");
  r.context.contact.company = "Telefónica";
  r.context.my_companies = {"Telefónica"};
  r.context.interactions = {touch("2023-10-01", "phone", "neutral", 3)};
  r.expect_situation = "reconnect";
  r.contains = {"Telefónica"};
  return r;
}

DRAFT_ROW(ask_advice_warm) {
  Row r = base("ask_advice_warm", "user picks ask-advice for a warm tie with a title", "Stefan Kraus");
  r.context.contact.title = "VP of Sales";
  r.context.contact.company = "HubSpot";
  r.context.interactions = {touch("2026-10-10", "email", "neutral", 3)};
  set_offer(r, "share my notes on user research");
  r.situation = "ask-advice";
  r.channel = "email";
  r.expect_family = "standard";
  return r;
}

DRAFT_ROW(bare_name_only) {
  Row r = base("bare_name_only", "a name and nothing else", "Zed");
  r.context.contact.tier = "dormant";
  r.context.contact.urls.clear();
  r.context.contact.emails.clear();
  r.expect_situation = "reconnect";
  r.expect_family = "light";
  r.expect_greeting = "Hi Zed,";
  return r;
}

// ---- A topic the user entered (stored as a noun phrase), in every wording that uses one ------

namespace {

// A contact whose topic the user entered; variant picks the wording among the family's.
Row topic_row(std::string name, std::string description, const char* topic, int variant) {
  Row r = base(std::move(name), std::move(description), "Iris Novak");
  r.context.contact.given_name = "Iris";
  r.context.contact.topic = topic;
  r.context.variant = variant;
  return r;
}

}  // namespace

DRAFT_ROW(topic_close_0) {
  Row r = topic_row("topic_close_0", "close tie, topic entered, silent 3 years", "orbital mechanics", 0);
  r.context.contact.tier = "close";
  r.context.interactions = {touch("2023-11-02", "email", "neutral", 4, "Lunch")};
  r.expect_family = "close";
  r.contains = {"our conversation about orbital mechanics."};
  return r;
}

DRAFT_ROW(topic_close_1) {
  Row r = topic_row("topic_close_1", "close tie, topic about them", "her thesis on Mars landers", 1);
  r.context.contact.tier = "close";
  r.context.interactions = {touch("2023-11-02", "email", "neutral", 4)};
  r.expect_family = "close";
  r.contains = {"our talk about your thesis on Mars landers."};
  return r;
}

DRAFT_ROW(topic_close_2) {
  Row r = topic_row("topic_close_2", "close tie, topic with a lead-in as typed", "Talked about her move to Lisbon", 2);
  r.context.contact.tier = "close";
  r.context.interactions = {touch("2023-11-02", "email", "neutral", 4)};
  r.expect_family = "close";
  r.contains = {"Our chat about your move to Lisbon"};
  r.absent = {"talked about", "her move"};
  return r;
}

DRAFT_ROW(topic_over_note_0) {
  Row r = topic_row("topic_over_note_0", "regular tie, entered topic wins over an older touch note",
                    "pricing for the EU launch", 0);
  r.context.interactions = {touch("2024-06-03", "linkedin", "neutral", 3, "Kubernetes migration")};
  r.expect_family = "standard";
  r.contains = {"our conversation about pricing for the EU launch."};
  r.absent = {"Kubernetes"};
  return r;
}

DRAFT_ROW(topic_standard_1) {
  Row r = topic_row("topic_standard_1", "regular tie, topic entered", "pricing for the EU launch", 1);
  r.context.interactions = {touch("2024-06-03", "linkedin", "neutral", 3)};
  r.expect_family = "standard";
  r.contains = {"Our conversation about pricing for the EU launch came back to me"};
  return r;
}

DRAFT_ROW(topic_standard_2) {
  Row r = topic_row("topic_standard_2", "regular tie, topic entered", "pricing for the EU launch", 2);
  r.context.interactions = {touch("2024-06-03", "linkedin", "neutral", 3)};
  r.expect_family = "standard";
  r.contains = {"our chat about pricing for the EU launch"};
  return r;
}

DRAFT_ROW(topic_clause_kept_out) {
  Row r = topic_row("topic_clause_kept_out", "a topic imported as a clause stays out, noted beside the draft",
                    "she asked about our on-call setup", 0);
  r.context.interactions = {touch("2024-06-03", "linkedin", "neutral", 3)};
  r.expect_family = "standard";
  r.absent = {"on-call", "she asked"};
  r.notes_contain = {"Your topic \"she asked about our on-call setup\" is not in the draft.",
                     "For example: \"our on-call setup\""};
  return r;
}

DRAFT_ROW(topic_share_0) {
  Row r = topic_row("topic_share_0", "share with a topic, e-mail", "distributed tracing", 0);
  r.context.interactions = {touch("2026-09-20", "email", "neutral", 3)};
  r.situation = "share";
  r.channel = "email";
  r.has_link = true;
  r.contains = {"given our conversation about distributed tracing"};
  return r;
}

DRAFT_ROW(topic_share_2) {
  Row r = topic_row("topic_share_2", "share with a topic", "distributed tracing", 2);
  r.context.interactions = {touch("2026-09-20", "email", "neutral", 3)};
  r.situation = "share";
  r.has_link = true;
  r.contains = {"distributed tracing"};
  return r;
}

DRAFT_ROW(topic_share_note) {
  Row r = topic_row("topic_share_note", "share with a topic, LinkedIn note", "distributed tracing", 2);
  r.context.interactions = {touch("2026-09-20", "email", "neutral", 3)};
  r.situation = "share";
  r.channel = "linkedin-note";
  r.has_link = true;
  r.contains = {"distributed tracing"};
  return r;
}

DRAFT_ROW(topic_thanks_help_0) {
  Row r = topic_row("topic_thanks_help_0", "thank-you for their help, topic entered", "my move into product", 0);
  r.context.interactions = {touch("2026-11-20", "meeting", "ask", 4)};
  r.situation = "thank-you";
  r.channel = "email";
  r.expect_family = "help";
  r.contains = {"the conversation about my move into product"};
  return r;
}

DRAFT_ROW(topic_thanks_help_1) {
  Row r = topic_row("topic_thanks_help_1", "thank-you for their help, topic entered", "my move into product", 1);
  r.context.interactions = {touch("2026-11-20", "meeting", "ask", 4)};
  r.situation = "thank-you";
  r.channel = "email";
  r.expect_family = "help";
  r.contains = {"your help with my move into product"};
  return r;
}

DRAFT_ROW(topic_thanks_help_2) {
  Row r = topic_row("topic_thanks_help_2", "thank-you for their help, topic entered", "my move into product", 2);
  r.context.interactions = {touch("2026-11-20", "meeting", "ask", 4)};
  r.situation = "thank-you";
  r.channel = "email";
  r.expect_family = "help";
  r.contains = {"your thoughts on my move into product"};
  return r;
}

DRAFT_ROW(topic_phone) {
  Row r = topic_row("topic_phone", "reconnect by phone, topic entered", "orbital mechanics", 0);
  r.context.interactions = {touch("2023-10-01", "phone", "neutral", 3)};
  r.expect_situation = "reconnect";
  r.contains = {"orbital mechanics"};
  return r;
}

// ---- The table as a whole -------------------------------------------------------------------

namespace {

std::string render_table() {
  std::ostringstream out;
  out << "# Drafts for the contacts of tests/test_drafts_table.cpp (one per row, default situation\n"
         "# unless the row picks one). Generated: REKINDLE_WRITE_DRAFTS=1 build/rekindle_tests \"[drafts-file]\"\n"
         "# Read them aloud: each must be sendable as written, except for [link].\n";
  for (const Row& row : registry()) {
    const Draft d = draft_of(row);
    out << "\n==== " << row.name << ": " << row.description << "\n";
    out << "(" << d.template_name << " / " << d.family << " #" << d.variant << ", " << d.channel << ")\n";
    if (!d.subject.empty()) out << "Subject: " << d.subject << "\n";
    out << "\n" << d.body << "\n";
    for (const auto& n : d.notes) out << "\n  Note: " << n << "\n";
    for (const auto& w : d.warnings) out << "\n  Warning: " << w << "\n";
  }
  return out.str();
}

}  // namespace

TEST_CASE("the table has at least 40 rows and varied families", "[drafts]") {
  CHECK(registry().size() >= 40);
  std::set<std::string> families;
  for (const Row& row : registry()) families.insert(draft_of(row).family);
  for (const char* f : {"close", "standard", "light", "new", "owed", "inbound", "help", "nudge", "change", "news", "share"})
    CHECK(families.count(f) == 1);
}

TEST_CASE("tests/data/drafts.txt is the table's drafts", "[drafts-file]") {
  const std::string path = std::string(REKINDLE_TEST_DATA) + "/drafts.txt";
  const std::string fresh = render_table();
  if (const char* write = std::getenv("REKINDLE_WRITE_DRAFTS"); write && std::string(write) == "1") {
    std::ofstream(path, std::ios::binary) << fresh;
    SUCCEED("wrote " << path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream stored;
  stored << in.rdbuf();
  INFO("tests/data/drafts.txt is stale: run REKINDLE_WRITE_DRAFTS=1 build/rekindle_tests \"[drafts-file]\" "
       "and review the diff");
  CHECK(stored.str() == fresh);
}
