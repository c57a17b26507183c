// The vCard 4.0 writer: folding, escapes, our own fields, determinism, and the round trip
// parse -> write -> parse -> write over every sample file.
#include "test_paths.h"
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "core/text_encoding.h"
#include "core/vcard_reader.h"
#include "core/vcard_writer.h"
#include "test_support.h"

using namespace rekindle::core;

namespace {

std::vector<std::string> sample_files() { return rekindle::test::test_data_files("vcard", ".vcf"); }

std::string write_all(const ParseOutput& parsed) {
  std::string out;
  for (const ParsedRecord& r : parsed.records) out += write_vcard(r.contact, r.interactions, r.goal_links);
  return out;
}

// Physical lines of CRLF-terminated output; fails the test on a bare LF or a missing CRLF.
std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    const size_t crlf = text.find("\r\n", start);
    REQUIRE(crlf != std::string::npos);
    const std::string line = text.substr(start, crlf - start);
    REQUIRE(line.find('\n') == std::string::npos);
    REQUIRE(line.find('\r') == std::string::npos);
    lines.push_back(line);
    start = crlf + 2;
  }
  return lines;
}

std::string unfold(const std::string& text) {
  std::string out;
  for (const std::string& line : physical_lines(text)) {
    if (!line.empty() && line[0] == ' ') {
      out.erase(out.size() - 2);  // drop the CRLF before a continuation
      out += line.substr(1);
    } else {
      out += line;
    }
    out += "\r\n";
  }
  return out;
}

void check_wire_format(const std::string& text) {
  for (const std::string& line : physical_lines(text)) {
    INFO(line);
    CHECK(line.size() <= 75);
    CHECK(is_valid_utf8(line));
  }
}

Contact full_contact() {
  Contact c;
  c.name = "Jos\xC3\xA9 \"Pepe\" O'Brien; Jr., \\ the 2nd";
  c.given_name = "Jos\xC3\xA9";
  c.family_name = "O'Brien";
  c.middle_name =
      "Mar\xC3\xAD"
      "a,Luis";
  c.name_prefix = "Dr.";
  c.name_suffix = "Jr.";
  c.nickname = "Pepe";
  c.company = "Acme; Inc.";
  c.department = "R&D, Europe";
  c.title = "Principal \xE2\x80\x94 Widgets";
  c.emails = {{"jose@acme.example", "work", true, ""}, {"pepe@home.example", "home", false, "item1"}};
  c.phones = {{"+1 555 0100", "work,voice", false, ""}, {"+1 555 0199", "my \"spare\" line", false, "item2"}};
  c.urls = {{"https://www.linkedin.com/in/jose", "linkedin", false, ""},
            {"https://example.com/a,b;c\\d", "", false, ""}};
  c.addresses = {{"1 Main St\nSpringfield, USA", "home", true, ""}};
  c.tags = {"friends", "ex-colleague, acme", "climbing;bouldering"};
  c.photo = Photo{"image/png", rekindle::test::read_file(std::string(REKINDLE_TEST_DATA) + "/vcard/photo_png.bin")};
  c.birthday = "1980-02-29";
  c.anniversary = "--06-30";
  c.notes = "Line one\nLine two, with; punctuation \\ and \xF0\x9F\x98\x80 emoji\n" + std::string(200, 'x');
  c.tier = "regular";
  c.cadence_days = 45;
  c.trust = 0.1;
  c.connected_on = parse_iso_day("2016-05-04");
  c.source = "linkedin";
  c.due = parse_iso_day("2024-07-01");
  c.starred = true;
  c.archived = true;
  c.snooze_streak = 3;
  c.extra_properties = {"item1.X-ABLabel:_$!<Home>!$_", "X-UNKNOWN;X-P=\"a:b\":value with \\, escapes",
                        "TITLE:a second title stays verbatim"};
  return c;
}

}  // namespace

TEST_CASE("escape_vcard_text escapes backslash, comma, semicolon and line breaks", "[vcard]") {
  CHECK(escape_vcard_text("a\\b,c;d\ne\r\nf") == "a\\\\b\\,c\\;d\\ne\\nf");
  CHECK(escape_vcard_text("plain") == "plain");
}

TEST_CASE("folding keeps lines within 75 octets and never splits UTF-8", "[vcard]") {
  CHECK(fold_vcard_line(std::string(75, 'a')) == std::string(75, 'a') + "\r\n");
  CHECK(fold_vcard_line(std::string(76, 'a')) == std::string(75, 'a') + "\r\n a\r\n");
  CHECK(fold_vcard_line("") == "\r\n");
  // Every alignment of 2-, 3- and 4-byte characters against the fold points.
  for (const std::string glyph : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"}) {
    for (size_t prefix = 0; prefix < 4; ++prefix) {
      std::string line = "NOTE:" + std::string(prefix, 'x');
      for (int i = 0; i < 80; ++i) line += glyph;
      INFO("glyph bytes " << glyph.size() << ", prefix " << prefix);
      const std::string folded = fold_vcard_line(line);
      check_wire_format(folded);
      CHECK(unfold(folded) == line + "\r\n");
    }
  }
}

TEST_CASE("a minimal contact is written exactly", "[vcard]") {
  Contact c;
  c.name = "Ada Lovelace";
  c.given_name = "Ada";
  c.family_name = "Lovelace";
  c.emails = {{"ada@example.org", "work", true, ""}};
  c.source = "manual";
  CHECK(write_vcard(c, {}, std::vector<ParsedGoalLink>{}) ==
        "BEGIN:VCARD\r\n"
        "VERSION:4.0\r\n"
        "FN:Ada Lovelace\r\n"
        "N:Lovelace;Ada;;;\r\n"
        "EMAIL;TYPE=work;PREF=1:ada@example.org\r\n"
        "X-REKINDLE-TIER:dormant\r\n"
        "X-REKINDLE-SOURCE:manual\r\n"
        "END:VCARD\r\n");
}

TEST_CASE("FN is always written, derived when the contact has no name", "[vcard]") {
  Contact c;
  c.emails = {{"nobody@example.org", "", false, ""}};
  const std::string card = write_vcard(c, {}, std::vector<ParsedGoalLink>{});
  CHECK_THAT(card, Catch::Contains("\r\nFN:nobody@example.org\r\n"));
  Contact empty;
  CHECK_THAT(write_vcard(empty, {}, std::vector<ParsedGoalLink>{}), Catch::Contains("\r\nFN:\r\n"));
}

TEST_CASE("photos are written as data URIs", "[vcard]") {
  Contact c;
  c.name = "Pic";
  c.photo = Photo{"image/jpeg", rekindle::test::read_file(std::string(REKINDLE_TEST_DATA) + "/vcard/photo_jpeg.bin")};
  const std::string card = unfold(write_vcard(c, {}, std::vector<ParsedGoalLink>{}));
  CHECK_THAT(card, Catch::Contains("\r\nPHOTO:data:image/jpeg;base64," + base64_encode(c.photo->bytes) + "\r\n"));
}

TEST_CASE("every field survives write then parse, and the output is deterministic", "[vcard]") {
  const Contact c = full_contact();
  Interaction late{7, 1, *parse_iso_day("2024-03-02"), "meeting", "ask", std::nullopt, "Coffee; asked\nabout roles"};
  Interaction early{8, 1, *parse_iso_day("2023-12-24"), "email", "give", 4, "Sent article, \\o/"};
  ParsedGoalLink b{"Zeta goal", {0, 0, "some", "intro", "code review"}};
  ParsedGoalLink a{"Alpha; goal, with punctuation", {0, 0, "high", "knows people", ""}};
  const std::string card = write_vcard(c, {late, early}, {b, a});
  check_wire_format(card);
  CHECK(write_vcard(c, {late, early}, {b, a}) == card);
  // Input order of history and links does not change the bytes.
  CHECK(write_vcard(c, {early, late}, {a, b}) == card);

  const ParseOutput back = parse_vcard(card);
  REQUIRE(back.records.size() == 1);
  CHECK(back.skipped.empty());
  const ParsedRecord& r = back.records[0];
  CHECK(r.contact == c);
  REQUIRE(r.interactions.size() == 2);
  CHECK(r.interactions[0].date == early.date);  // oldest first
  CHECK(r.interactions[0].channel == "email");
  CHECK(r.interactions[0].kind == "give");
  CHECK(r.interactions[0].grade == 4);
  CHECK(r.interactions[0].note == early.note);
  CHECK(r.interactions[1].note == late.note);
  CHECK_FALSE(r.interactions[1].grade.has_value());
  REQUIRE(r.goal_links.size() == 2);
  CHECK(r.goal_links[0].goal_text == a.goal_text);  // goal-text order
  CHECK(r.goal_links[0].link.relevance == "high");
  CHECK(r.goal_links[0].link.can_help == "knows people");
  CHECK(r.goal_links[1].goal_text == "Zeta goal");
  CHECK(r.goal_links[1].link.offer == "code review");
  CHECK(write_vcard(r.contact, r.interactions, r.goal_links) == card);
}

TEST_CASE("review decisions survive write then parse; a card carries the newest seven", "[vcard]") {
  Contact c;
  c.name = "Decided";
  std::vector<DayDecision> decisions;
  // Nine days, given newest first: the two oldest are left out.
  for (int i = 8; i >= 0; --i)
    decisions.push_back({*make_day(2026, 11, 20 + i), static_cast<Direction>(i % kDirectionCount), i == 3});
  const std::string card = write_vcard(c, {}, std::vector<ParsedGoalLink>{}, decisions);
  check_wire_format(card);
  CHECK_THAT(card, Catch::Contains("\r\nX-REKINDLE-DECISION:2026-11-22;up;due\r\n"));
  CHECK_THAT(card, Catch::Contains("\r\nX-REKINDLE-DECISION:2026-11-23;down;reactivation\r\n"));
  CHECK(card.find("2026-11-21") == std::string::npos);
  CHECK(card.find("2026-11-20") == std::string::npos);

  const ParseOutput back = parse_vcard(card);
  REQUIRE(back.records.size() == 1);
  const ParsedRecord& r = back.records[0];
  CHECK(r.contact.extra_properties.empty());
  const std::vector<DayDecision> newest(decisions.rbegin() + 2, decisions.rend());  // oldest first
  CHECK(r.decisions == newest);
  CHECK(write_vcard(c, {}, std::vector<ParsedGoalLink>{}, r.decisions) == card);
}

TEST_CASE("a card with a malformed X-REKINDLE-DECISION is read whole; the bad lines are kept as they are", "[vcard]") {
  const std::string card =
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Grace Hopper\r\nEMAIL:grace@navy.mil\r\n"
      "X-REKINDLE-DECISION:yesterday;right;due\r\n"
      "X-REKINDLE-DECISION:2026-11-30;sideways;due\r\n"
      "X-REKINDLE-DECISION:2026-11-29;skip;a kind from a newer version\r\n"
      "X-REKINDLE-DECISION:2026-11-28\\;left\\;reactivation\r\n"
      "X-REKINDLE-TIER:close\r\nEND:VCARD\r\n";
  const ParseOutput back = parse_vcard(card);
  REQUIRE(back.records.size() == 1);
  CHECK(back.skipped.empty());
  const ParsedRecord& r = back.records[0];
  CHECK(r.contact.name == "Grace Hopper");
  CHECK(r.contact.tier == "close");
  const std::vector<DayDecision> good = {{*make_day(2026, 11, 29), Direction::skip, false}};
  CHECK(r.decisions == good);
  const std::vector<std::string> kept = {"X-REKINDLE-DECISION:yesterday;right;due",
                                         "X-REKINDLE-DECISION:2026-11-30;sideways;due",
                                         "X-REKINDLE-DECISION:2026-11-28\\;left\\;reactivation"};
  CHECK(r.contact.extra_properties == kept);
}

TEST_CASE("store goal links are written with their goal's text", "[vcard]") {
  Contact c;
  c.name = "Linked";
  Goal known;
  known.id = 5;
  known.text = "Find a CTO role";
  const std::vector<GoalLink> links = {{1, 5, "high", "board contacts", "a warm intro"}, {1, 99, "some", "", ""}};
  const std::string card = write_vcard(c, {}, links, {known});
  CHECK_THAT(card, Catch::Contains("\r\nX-REKINDLE-GOAL:Find a CTO role;high;board contacts;a warm intro\r\n"));
  CHECK(card.find("X-REKINDLE-GOAL", card.find("X-REKINDLE-GOAL") + 1) == std::string::npos);  // unknown goal left out
}

TEST_CASE("round trip over every sample: parse, write, parse, write", "[vcard]") {
  const auto files = sample_files();
  REQUIRE(files.size() >= 10);
  for (const std::string& file : files) {
    INFO(file);
    const ParseOutput first = parse_vcard(rekindle::test::read_file(file));
    const std::string written = write_all(first);
    check_wire_format(written);
    const ParseOutput second = parse_vcard(written);
    CHECK(second.skipped.empty());
    REQUIRE(second.records.size() == first.records.size());
    for (size_t i = 0; i < first.records.size(); ++i) {
      INFO(first.records[i].contact.name);
      CHECK(second.records[i].contact == first.records[i].contact);
      CHECK(second.records[i].interactions == first.records[i].interactions);
      CHECK(second.records[i].goal_links.size() == first.records[i].goal_links.size());
    }
    CHECK(write_all(second) == written);
  }
}
