// The vCard reader on our own sample files (tests/data/vcard, made by make_samples.py), one
// per pitfall of FORMATS.md, checked field by field.
#include "test_paths.h"
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "core/vcard_reader.h"
#include "test_support.h"

using namespace rekindle::core;

namespace {

std::string sample(const std::string& name) {
  return rekindle::test::read_file(std::string(REKINDLE_TEST_DATA) + "/vcard/" + name);
}

ParseOutput parse_sample(const std::string& name) { return parse_vcard(sample(name)); }

const ParsedRecord& record_named(const ParseOutput& out, const std::string& name) {
  for (const ParsedRecord& r : out.records)
    if (r.contact.name == name) return r;
  FAIL("no record named " << name);
  return out.records.front();
}

bool has_extra(const Contact& c, const std::string& line) {
  return std::find(c.extra_properties.begin(), c.extra_properties.end(), line) != c.extra_properties.end();
}

}  // namespace

TEST_CASE("vCard 2.1: quoted-printable, CHARSET, bare parameters, legacy bytes", "[vcard]") {
  const ParseOutput out = parse_sample("v21_quoted_printable.vcf");
  CHECK(out.format == "vcard");
  REQUIRE(out.records.size() == 1);
  CHECK(out.skipped.empty());
  const Contact& c = out.records[0].contact;
  CHECK(out.records[0].line == 1);
  CHECK(c.name == "Dr. J\xC3\xBCrgen M\xC3\xBCller");
  CHECK(c.family_name == "M\xC3\xBCller");
  CHECK(c.given_name == "J\xC3\xBCrgen");
  CHECK(c.name_prefix == "Dr.");
  CHECK(c.middle_name.empty());
  REQUIRE(c.phones.size() == 2);
  CHECK(c.phones[0].value == "+49 30 1234567");
  CHECK(c.phones[0].label == "work,voice");
  CHECK(c.phones[1].label == "cell");
  REQUIRE(c.emails.size() == 1);
  CHECK(c.emails[0].value == "juergen@example.de");
  CHECK(c.emails[0].preferred);
  CHECK(c.emails[0].label.empty());  // INTERNET is the default e-mail type, not a label
  // =0D=0A is a line break; '=' at the end of a line is a soft break, even before an
  // indented line, whose blank is data.
  CHECK(c.notes == "First line\nSecond line is long and continues here");
  // Bare ;QUOTED-PRINTABLE; with windows-1252 bytes and no CHARSET.
  REQUIRE(c.addresses.size() == 1);
  CHECK(c.addresses[0].value ==
        "Hauptstra\xC3\x9F"
        "e 5, K\xC3\xB6ln, 50667, Germany");
  CHECK(c.addresses[0].label == "home");
  CHECK(c.title ==
        "Gesch\xC3\xA4"
        "ftsf\xC3\xBChrer");  // CHARSET=windows-1252, 8-bit
  CHECK(c.company == "Beispiel GmbH");
  CHECK(c.department == "Vertrieb");
  // vCard 2.1 folds RFC 822 style: the blank that starts a continuation is part of the value.
  // The address's structure is kept for the export (street, locality, code, country apart).
  CHECK(c.extra_properties == std::vector<std::string>{"X-REKINDLE-ADR:;;Hauptstra\xC3\x9F"
                                                       "e 5;K\xC3\xB6ln;;50667;Germany",
                                                       "X-CUSTOM;QUOTED-PRINTABLE:caf=E9", "X-FOLDED21:alpha beta"});
  CHECK(c.source == "vcard");
}

TEST_CASE("vCard 3.0: bare LF, folding inside UTF-8, TYPE styles, escapes", "[vcard]") {
  const ParseOutput out = parse_sample("v30_folding_lf.vcf");
  REQUIRE(out.records.size() == 1);
  const Contact& c = out.records[0].contact;
  CHECK(c.name == "Zo\xC3\xAB \xC3\x85ngstr\xC3\xB6m");  // folded between the bytes of ë
  CHECK(c.family_name == "\xC3\x85ngstr\xC3\xB6m");
  CHECK(c.nickname == "Zo, the \\ great");
  CHECK(c.company == "Acme, Inc.");
  CHECK(c.department == "Research, Lab 3");
  CHECK(c.title == "Head of R&D; Europe");
  REQUIRE(c.phones.size() == 3);
  CHECK(c.phones[0].label == "work,voice");  // TYPE=work;TYPE=voice
  CHECK(c.phones[1].label == "home,fax");    // TYPE=home,fax
  CHECK(c.phones[2].label == "cell");
  CHECK(c.phones[2].preferred);  // TYPE=pref
  CHECK_FALSE(c.phones[0].preferred);
  REQUIRE(c.emails.size() == 1);
  CHECK(c.emails[0].label == "work");
  // \n and \N are line breaks, \\ a backslash, and a backslash before any other character
  // stands for that character (RFC 6350 3.4, read leniently): \: is ':' and \x is 'x'.
  CHECK(c.notes == "Met at the 2019 summit\nLikes climbing, chess\nWindows path C:\\temp: odd x escape");
  CHECK(c.tags == std::vector<std::string>{"friends", "work, past", "climbing"});
  REQUIRE(c.urls.size() == 1);
  CHECK(c.urls[0].value == "https://acme.example/~zoe");
  // 3.0 unfolding removes exactly one blank (space or tab).
  CHECK(c.extra_properties == std::vector<std::string>{"X-FOLDED:onetwo three"});
}

TEST_CASE("vCard 4.0: PREF=n, quoted types, data URI photo, truncated dates, REV", "[vcard]") {
  const ParseOutput out = parse_sample("v40_full.vcf");
  REQUIRE(out.records.size() == 1);
  const Contact& c = out.records[0].contact;
  CHECK(c.name ==
        "Ana Mar\xC3\xAD"
        "a P\xC3\xA9rez");
  CHECK(c.middle_name ==
        "Mar\xC3\xAD"
        "a");
  REQUIRE(c.emails.size() == 2);
  CHECK(c.emails[0].preferred);        // PREF=1
  CHECK_FALSE(c.emails[1].preferred);  // PREF=2 is a weaker preference
  CHECK(c.emails[1].label == "home");
  REQUIRE(c.phones.size() == 1);
  CHECK(c.phones[0].value == "+34-600-000-000");  // tel: URI scheme removed
  CHECK(c.phones[0].label == "voice,cell");
  REQUIRE(c.urls.size() == 2);
  CHECK(c.urls[0].label == "linkedin");  // by host, whatever the TYPE said
  CHECK(c.urls[1].label.empty());
  REQUIRE(c.addresses.size() == 1);
  CHECK(c.addresses[0].value == "Calle 1, Madrid, 28001, Spain");
  CHECK(c.addresses[0].label == "work");
  CHECK(c.birthday == "--04-15");
  CHECK(c.anniversary == "2010-06-12");
  CHECK_FALSE(c.connected_on.has_value());  // REV is an edit time, not a touch
  REQUIRE(c.photo.has_value());
  CHECK(c.photo->mime == "image/png");
  CHECK(c.photo->bytes == sample("photo_png.bin"));
  // A social profile that is not LinkedIn stays verbatim.
  CHECK(c.extra_properties == std::vector<std::string>{"X-REKINDLE-ADR:;;Calle 1;Madrid;;28001;Spain",
                                                       "REV:20230105T101500Z",
                                                       "X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/ana"});
}

TEST_CASE("every photo spelling is read, checked by magic bytes, or dropped", "[vcard]") {
  const ParseOutput out = parse_sample("photos.vcf");
  REQUIRE(out.records.size() == 10);
  CHECK(out.skipped.empty());
  const std::string jpeg = sample("photo_jpeg.bin");
  for (const char* name : {"Photo One", "Photo Two", "Photo Three"}) {
    INFO(name);
    const Contact& c = record_named(out, name).contact;
    REQUIRE(c.photo.has_value());
    CHECK(c.photo->mime == "image/jpeg");
    CHECK(c.photo->bytes == jpeg);
    CHECK(c.extra_properties.empty());
  }
  const Contact& four = record_named(out, "Photo Four").contact;
  REQUIRE(four.photo.has_value());
  CHECK(four.photo->mime == "image/png");
  CHECK(four.photo->bytes == sample("photo_png.bin"));
  const Contact& five = record_named(out, "Photo Five").contact;
  REQUIRE(five.photo.has_value());
  CHECK(five.photo->mime == "image/gif");
  CHECK(five.photo->bytes == sample("photo_gif.bin"));
  const Contact& six = record_named(out, "Photo Six").contact;  // declared JPEG, really WebP
  REQUIRE(six.photo.has_value());
  CHECK(six.photo->mime == "image/webp");
  CHECK(six.photo->bytes == sample("photo_webp.bin"));
  const Contact& seven = record_named(out, "Photo Seven").contact;  // no ENCODING at all
  REQUIRE(seven.photo.has_value());
  CHECK(seven.photo->mime == "image/bmp");
  CHECK(seven.photo->bytes == sample("photo_bmp.bin"));
  const Contact& eight = record_named(out, "Photo Eight").contact;  // text, not an image
  CHECK_FALSE(eight.photo.has_value());
  CHECK(eight.extra_properties.empty());
  const Contact& nine = record_named(out, "Photo Nine").contact;  // a link is kept verbatim
  CHECK_FALSE(nine.photo.has_value());
  CHECK(nine.extra_properties == std::vector<std::string>{"PHOTO;VALUE=uri:https://example.com/nine.jpg"});
  const Contact& ten = record_named(out, "Photo Ten").contact;  // damaged base64
  CHECK_FALSE(ten.photo.has_value());
  CHECK(ten.extra_properties.empty());
}

TEST_CASE("Apple groups and X-ABLabel pairs, omitted year, social profiles", "[vcard]") {
  const ParseOutput out = parse_sample("apple_groups.vcf");
  REQUIRE(out.records.size() == 1);
  const Contact& c = out.records[0].contact;
  CHECK(c.name == "Jane Appleseed");
  REQUIRE(c.emails.size() == 1);
  CHECK(c.emails[0].group == "item1");
  CHECK(c.emails[0].label == "other");  // from _$!<Other>!$_
  CHECK(c.emails[0].preferred);
  REQUIRE(c.phones.size() == 2);
  CHECK(c.phones[0].group == "item3");
  CHECK(c.phones[0].label == "home office");  // a custom label
  CHECK(c.phones[1].group.empty());
  CHECK(c.phones[1].label == "cell,voice");
  REQUIRE(c.urls.size() == 2);
  CHECK(c.urls[0].group == "ITEM2");  // matched to item2.X-ABLabel whatever the case
  CHECK(c.urls[0].label == "blog");
  CHECK(c.urls[1].value == "http://www.linkedin.com/in/janeappleseed");
  CHECK(c.urls[1].label == "linkedin");
  CHECK(c.birthday == "--04-15");        // 1604 + X-APPLE-OMIT-YEAR
  CHECK(c.anniversary == "2012-06-30");  // item4.X-ABDATE labelled Anniversary
  // The label lines stay, so the pairs survive an export.
  CHECK(has_extra(c, "item1.X-ABLabel:_$!<Other>!$_"));
  CHECK(has_extra(c, "item2.X-ABLabel:Blog"));
  CHECK(has_extra(c, "item4.X-ABDATE;type=pref:2012-06-30"));
  CHECK(has_extra(c, "X-SOCIALPROFILE;type=twitter;x-user=jane:x-apple:jane"));
  CHECK(has_extra(c, "PRODID:-//Apple Inc.//iPhone OS 17.0//EN"));
  CHECK(has_extra(c, "X-ABShowAs:PERSON"));
  CHECK(c.extra_properties.size() == 8);
}

TEST_CASE("missing FN is derived; unidentifiable and cut-short cards are skipped", "[vcard]") {
  const ParseOutput out = parse_sample("missing_fn.vcf");
  REQUIRE(out.records.size() == 5);
  CHECK(out.records[0].contact.name == "Ada King Lovelace");  // from N
  CHECK(out.records[0].contact.name_prefix == "Countess");
  CHECK(out.records[0].line == 1);
  CHECK(out.records[1].contact.name == "Analytical Engines Ltd");  // from ORG
  CHECK(out.records[1].line == 5);
  CHECK(out.records[2].contact.name == "only@mail.example");  // from EMAIL
  CHECK(out.records[3].contact.name == "+44 20 7946 0000");   // from TEL
  CHECK(out.records[4].contact.name == "After The Cut");
  CHECK(out.records[4].line == 25);
  REQUIRE(out.skipped.size() == 3);
  CHECK(out.skipped[0].line == 17);
  CHECK_THAT(out.skipped[0].reason, Catch::Contains("no name"));
  CHECK(out.skipped[1].line == 21);
  CHECK_THAT(out.skipped[1].reason, Catch::Contains("END:VCARD"));
  CHECK(out.skipped[2].line == 30);
  CHECK_THAT(out.skipped[2].reason, Catch::Contains("END:VCARD"));
}

TEST_CASE("nested AGENT cards never become contacts and are kept verbatim", "[vcard]") {
  const ParseOutput out = parse_sample("nested_agent.vcf");
  REQUIRE(out.records.size() == 2);
  CHECK(out.skipped.empty());
  const Contact& boss = out.records[0].contact;
  CHECK(boss.name == "Boss Person");
  REQUIRE(boss.phones.size() == 1);
  CHECK(boss.phones[0].value == "+1 555 1000");  // not the assistant's
  REQUIRE(boss.emails.size() == 1);
  CHECK(boss.emails[0].value == "boss@example.com");  // read after the nested card
  CHECK(
      boss.extra_properties ==
      std::vector<std::string>{"AGENT:BEGIN:VCARD\\nVERSION:2.1\\nFN:Assistant Person\\nTEL:+1 555 1001\\nEND:VCARD"});
  const Contact& other = out.records[1].contact;
  CHECK(other.name == "Other Boss");
  CHECK(other.phones.empty());
  CHECK(other.extra_properties ==
        std::vector<std::string>{"AGENT:BEGIN:VCARD\\nFN:Other Assistant\\nTEL:+1 555 2001\\nEND:VCARD"});
}

TEST_CASE("UTF-8 with BOM and UTF-16 in both byte orders, with and without BOM, read alike", "[vcard]") {
  for (const char* file :
       {"utf8_bom.vcf", "utf16le_bom.vcf", "utf16be_nobom.vcf", "utf16be_bom.vcf", "utf16le_nobom.vcf"}) {
    INFO(file);
    const ParseOutput out = parse_sample(file);
    REQUIRE(out.records.size() == 1);
    const Contact& c = out.records[0].contact;
    CHECK(c.name == "\xC5\x81ukasz \xC5\xBB\xC3\xB3\xC5\x82\xC4\x87 \xF0\x9F\x98\x80");
    CHECK(c.given_name == "\xC5\x81ukasz");
    REQUIRE(c.emails.size() == 1);
    CHECK(c.emails[0].value == "lukasz@example.pl");
  }
}

TEST_CASE("lower-case property and parameter names", "[vcard]") {
  const ParseOutput out = parse_sample("lowercase.vcf");
  REQUIRE(out.records.size() == 1);
  const Contact& c = out.records[0].contact;
  CHECK(c.name == "Lower Case");
  CHECK(c.family_name == "Case");
  REQUIRE(c.emails.size() == 1);
  CHECK(c.emails[0].value == "lower@example.com");
  CHECK(c.emails[0].label.empty());
  REQUIRE(c.phones.size() == 1);
  CHECK(c.phones[0].label == "cell");
  REQUIRE(c.urls.size() == 1);
  CHECK(c.urls[0].group == "item1");
  CHECK(c.extra_properties.empty());
}

TEST_CASE("date spellings: basic, extended, date-time, truncated, text, no-year", "[vcard]") {
  const ParseOutput out = parse_sample("dates.vcf");
  REQUIRE(out.records.size() == 7);
  const std::pair<const char*, const char*> expected[] = {{"1990-04-15", "2015-09-01"},
                                                          {"1990-04-15", "2001-02-03"},
                                                          {"--04-15", "2005-06-07"},
                                                          {"--04-15", "1999-12-31"},
                                                          {"circa 1980", "--12-24"},
                                                          {"--11-05", "--03-04"},
                                                          {"1985", ""}};
  for (size_t i = 0; i < 7; ++i) {
    INFO("card " << i + 1);
    CHECK(out.records[i].contact.birthday == expected[i].first);
    CHECK(out.records[i].contact.anniversary == expected[i].second);
    CHECK(out.records[i].contact.extra_properties.empty());
  }
}

TEST_CASE("vendor and unknown properties are kept verbatim and in order", "[vcard]") {
  const ParseOutput out = parse_sample("vendor_extras.vcf");
  REQUIRE(out.records.size() == 1);
  const std::vector<std::string> expected = {
      "X-MS-OL-DESIGN;CHARSET=utf-8:<card xmlns=\"http://schemas.microsoft.com/office/outlook/12/"
      "electronicbusinesscards\" ver=\"1.0\"><img xmlns=\"\" align=\"fit\" area=\"16\" use=\"cardpicture\"/></card>",
      "X-EVOLUTION-FILE-AS:Props\\, Vendor",
      "LABEL;TYPE=WORK:1 Main St\\nSpringfield",
      "KEY;ENCODING=b;TYPE=PGP:AAECAwQF",
      "TZ:-05:00",
      "GEO:37.386013;-122.082932",
      "grp.IMPP;X-SERVICE-TYPE=Skype:skype:vendor.props",
      "X-SKYPE:vendor.props",
      "X-JABBER;TYPE=HOME:vendor@jabber.example",
      "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"};
  CHECK(out.records[0].contact.extra_properties == expected);
}

TEST_CASE("X-REKINDLE properties restore our own fields, history and goal links", "[vcard]") {
  const ParseOutput out = parse_sample("rekindle_fields.vcf");
  REQUIRE(out.records.size() == 1);
  const ParsedRecord& r = out.records[0];
  const Contact& c = r.contact;
  CHECK(c.tier == "close");
  CHECK(c.cadence_days == 21);
  CHECK(c.trust == 0.8);
  REQUIRE(c.connected_on.has_value());
  CHECK(format_iso_day(*c.connected_on) == "2018-01-08");  // beats REV
  REQUIRE(c.due.has_value());
  CHECK(format_iso_day(*c.due) == "2024-06-01");
  CHECK(c.snooze_streak == 2);
  CHECK(c.starred);
  CHECK_FALSE(c.archived);
  CHECK(c.source == "linkedin");
  CHECK(c.notes == "Introduced by Sam");
  REQUIRE(r.goal_links.size() == 1);
  CHECK(r.goal_links[0].goal_text == "Move into product management");
  CHECK(r.goal_links[0].link.relevance == "high");
  CHECK(r.goal_links[0].link.can_help == "Knows the hiring manager, team lead");
  CHECK(r.goal_links[0].link.offer == "Share my UX research");
  REQUIRE(r.interactions.size() == 2);
  CHECK(format_iso_day(r.interactions[0].date) == "2024-01-10");
  CHECK(r.interactions[0].channel == "email");
  CHECK(r.interactions[0].kind == "give");
  CHECK(r.interactions[0].grade == 3);
  CHECK(r.interactions[0].note == "Sent the article; she liked it");
  CHECK(r.interactions[1].channel == "meeting");
  CHECK(r.interactions[1].kind == "ask");
  CHECK_FALSE(r.interactions[1].grade.has_value());
  CHECK(r.interactions[1].note == "Coffee\nasked for advice");
  // What we cannot read is kept rather than lost.
  CHECK(c.extra_properties == std::vector<std::string>{"X-REKINDLE-INTERACTION:not-a-date;email;give;;kept verbatim",
                                                       "X-REKINDLE-TIER:nonsense", "REV:2020-01-01T00:00:00Z"});
}

TEST_CASE("a 3.0 file in windows-1252 without CHARSET falls back to the legacy charset", "[vcard]") {
  const ParseOutput out = parse_sample("legacy_cp1252.vcf");
  REQUIRE(out.records.size() == 1);
  const Contact& c = out.records[0].contact;
  CHECK(c.name == "Fran\xC3\xA7ois L\xC3\xA9ger");
  CHECK(c.company == "Caf\xC3\xA9 \xE2\x82\xACuro");
  CHECK(c.notes == "\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x93 dash");
}

TEST_CASE("REV is when the card was edited: no connection date, kept verbatim", "[vcard]") {
  const ParseOutput out =
      parse_vcard("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Rev\r\nREV:1995-10-31T22:27:10Z\r\nEND:VCARD\r\n");
  REQUIRE(out.records.size() == 1);
  CHECK_FALSE(out.records[0].contact.connected_on.has_value());
  CHECK(out.records[0].contact.extra_properties == std::vector<std::string>{"REV:1995-10-31T22:27:10Z"});
}

TEST_CASE("a file with no card at all is reported, not silently empty", "[vcard]") {
  const ParseOutput out = parse_vcard("First Name,Last Name\nAda,Lovelace\n");
  CHECK(out.records.empty());
  REQUIRE(out.skipped.size() == 1);
  CHECK_THAT(out.skipped[0].reason, Catch::Contains("BEGIN:VCARD"));
  CHECK(parse_vcard("").skipped.empty());
}

TEST_CASE("progress is reported in bytes and cancelling stops the parse", "[vcard]") {
  std::string big;
  for (int i = 0; i < 3000; ++i)
    big += "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person " + std::to_string(i) + "\r\nNOTE:" + std::string(60, 'x') +
           "\r\nEND:VCARD\r\n";
  size_t calls = 0, last_done = 0;
  bool monotonic = true;
  const ParseOutput all = parse_vcard(big, [&](size_t done, size_t total) {
    ++calls;
    monotonic = monotonic && done >= last_done && total == big.size() && done <= total;
    last_done = done;
    return true;
  });
  CHECK(all.records.size() == 3000);
  CHECK(calls >= 3);
  CHECK(monotonic);
  CHECK(last_done == big.size());

  size_t cancel_calls = 0;
  const ParseOutput cancelled = parse_vcard(big, [&](size_t done, size_t) {
    ++cancel_calls;
    return done == 0;  // allow the start, cancel at the first real report
  });
  CHECK(cancel_calls == 2);
  CHECK(cancelled.records.size() < 3000);
}
