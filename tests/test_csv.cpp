// The RFC 4180 reader and the contact CSV dialects, checked field by field on our own samples.
#include "test_paths.h"
#include <catch2/catch.hpp>

#include <random>

#include "core/csv_contacts.h"
#include "core/csv_reader.h"
#include "tests/test_support.h"

using namespace rekindle::core;

namespace {

std::string sample(const std::string& name) { return rekindle::test::read_file(std::string(REKINDLE_TEST_DATA) + "/csv/" + name); }

ParseOutput parse_sample(const std::string& name) {
  auto parsed = parse_contact_csv(sample(name));
  REQUIRE(parsed.ok());
  return *parsed;
}

std::vector<std::string> values_of(const std::vector<LabeledValue>& list) {
  std::vector<std::string> out;
  for (const auto& v : list) out.push_back(v.value);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("CSV reader: quotes, doubled quotes, embedded separators and line breaks", "[csv]") {
  const auto records = read_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\r\nline\",x,\n\n1,2,3");
  REQUIRE(records.size() == 3);
  CHECK(records[0].fields == Strings{"a", "b,c", "say \"hi\""});
  CHECK(records[0].line == 1);
  CHECK(records[1].fields == Strings{"multi\nline", "x", ""});
  CHECK(records[1].line == 2);
  // The blank line 4 is no record; line numbers still count it.
  CHECK(records[2].fields == Strings{"1", "2", "3"});
  CHECK(records[2].line == 5);
}

TEST_CASE("CSV reader: BOM, bare LF and bare CR, other delimiters", "[csv]") {
  auto records = read_csv("\xEF\xBB\xBFName,Email\nA,a@x\rB,b@x");
  REQUIRE(records.size() == 3);
  CHECK(records[0].fields[0] == "Name");
  CHECK(records[2].fields == Strings{"B", "b@x"});
  CHECK(records[2].line == 3);
  records = read_csv("x;\"y;z\"\n", ';');
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == Strings{"x", "y;z"});
}

TEST_CASE("CSV reader: an unterminated quote costs one record, not the rest of the file", "[csv]") {
  const auto records = read_csv("h1,h2\nok,1\n\"broken,2\nnext,3\n");
  REQUIRE(records.size() == 4);
  CHECK(records[1].problem.empty());
  CHECK(records[2].line == 3);
  CHECK_FALSE(records[2].problem.empty());
  CHECK(records[3].fields == Strings{"next", "3"});
  CHECK(records[3].line == 4);
}

TEST_CASE("CSV reader: stray quotes inside unquoted fields are kept", "[csv]") {
  const auto records = read_csv("5'10\" tall,x");
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == Strings{"5'10\" tall", "x"});
}

TEST_CASE("csv_field quotes only when needed and round-trips through the reader", "[csv]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  const std::string tricky = "He said \"hi\",\nthen left";
  const auto records = read_csv(csv_field(tricky) + "," + csv_field("z"));
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == Strings{tricky, "z"});
}

TEST_CASE("CSV dates: LinkedIn old and new, Outlook, ISO", "[csv]") {
  CHECK(parse_csv_date("12 Nov 2025") == make_day(2025, 11, 12));
  CHECK(parse_csv_date("1/8/18, 6:14 PM") == make_day(2018, 1, 8));
  CHECK(parse_csv_date("4/15/1990") == make_day(1990, 4, 15));
  CHECK(parse_csv_date("15/4/1990") == make_day(1990, 4, 15));
  CHECK(parse_csv_date("2025-11-12") == make_day(2025, 11, 12));
  CHECK(parse_csv_date("Nov 12, 2025") == make_day(2025, 11, 12));
  CHECK_FALSE(parse_csv_date("0/0/00").has_value());
  CHECK_FALSE(parse_csv_date("31 Feb 2020").has_value());
  CHECK_FALSE(parse_csv_date("soon").has_value());
}

TEST_CASE("LinkedIn 2018: no preamble, urn e-mails dropped, old dates, empty names skipped", "[csv]") {
  const auto out = parse_sample("linkedin_2018.csv");
  CHECK(out.format == "linkedin");
  REQUIRE(out.records.size() == 2);
  const Contact& jane = out.records[0].contact;
  CHECK(out.records[0].line == 2);
  CHECK(jane.name == "Jane Doe");
  CHECK(jane.given_name == "Jane");
  CHECK(jane.family_name == "Doe");  // trailing space trimmed
  CHECK(jane.emails.empty());        // urn:li:member:... reaches nobody
  CHECK(jane.company == "Woodward, Inc.");
  CHECK(jane.title == "Senior Engineer");
  CHECK(jane.connected_on == make_day(2018, 1, 8));
  CHECK(jane.tier == "dormant");
  CHECK(jane.source == "linkedin");
  const Contact& omar = out.records[1].contact;
  CHECK(omar.name == "Омар Хайям");
  CHECK(values_of(omar.emails) == Strings{"omar@example.org"});
  CHECK(omar.title == "Head of \"Rhymes\"");
  CHECK(omar.connected_on == make_day(2017, 12, 31));
  REQUIRE(out.skipped.size() == 1);
  CHECK(out.skipped[0].line == 4);
  CHECK(out.skipped[0].reason.find("no name") != std::string::npos);
}

TEST_CASE("LinkedIn early 2022: the Notes preamble is not the header", "[csv]") {
  const auto out = parse_sample("linkedin_2022.csv");
  CHECK(out.format == "linkedin");
  REQUIRE(out.records.size() == 2);
  CHECK(out.skipped.empty());
  CHECK(out.records[0].line == 5);
  CHECK(out.records[0].contact.name == "Ana García");
  CHECK(out.records[0].contact.company == "Acme Corp");
  CHECK(out.records[0].contact.title == "CTO");
  CHECK(out.records[0].contact.connected_on == make_day(2022, 2, 14));
  CHECK(out.records[1].contact.title == "Founder 🚀");
  CHECK(values_of(out.records[1].contact.emails) == Strings{"bob.stone@example.com"});
}

TEST_CASE("LinkedIn current: URL kept as linkedin, nameless rows named from the URL or skipped", "[csv]") {
  const auto out = parse_sample("linkedin_current.csv");
  CHECK(out.format == "linkedin");
  REQUIRE(out.records.size() == 3);
  const Contact& chloe = out.records[0].contact;
  CHECK(chloe.name == "Chloé Martin");
  REQUIRE(chloe.urls.size() == 1);
  CHECK(chloe.urls[0].value == "https://www.linkedin.com/in/chlo%C3%A9-martin-4b2a1c");
  CHECK(chloe.urls[0].label == "linkedin");
  CHECK(chloe.connected_on == make_day(2025, 11, 12));
  CHECK(chloe.company == "Woodward, Inc.");
  const Contact& dmitri = out.records[1].contact;
  CHECK(dmitri.title == "Sales\nDirector");
  CHECK(values_of(dmitri.emails) == Strings{"dmitri@example.net"});
  CHECK(dmitri.connected_on == make_day(2024, 10, 1));
  const Contact& sam = out.records[2].contact;
  CHECK(out.records[2].line == 8);  // Dmitri's title spans lines 6-7
  CHECK(sam.name == "Sam Lee");
  CHECK(sam.company == "Hidden Co");
  REQUIRE(out.skipped.size() == 1);
  CHECK(out.skipped[0].line == 9);
}

TEST_CASE("Google current: labels, primary markers, multi-values, addresses, events", "[csv]") {
  const auto out = parse_sample("google_current.csv");
  CHECK(out.format == "google");
  REQUIRE(out.records.size() == 2);
  const Contact& g = out.records[0].contact;
  CHECK(g.name == "Grace Brewster Hopper");  // the honorific stays in name_prefix
  CHECK(g.given_name == "Grace");
  CHECK(g.middle_name == "Brewster");
  CHECK(g.family_name == "Hopper");
  CHECK(g.name_prefix == "Dr.");
  CHECK(g.nickname == "Amazing Grace");
  CHECK(g.company == "US Navy");
  CHECK(g.title == "Rear Admiral");
  CHECK(g.department == "Computing");
  CHECK(g.birthday == "1906-12-09");
  CHECK(g.anniversary == "1930-06-15");
  CHECK(g.notes == "Wrote the first compiler.\nLoves clocks.");
  CHECK(g.tags == Strings{"myContacts", "Mentors", "Navy"});  // every label is kept
  REQUIRE(g.emails.size() == 3);
  CHECK(g.emails[0].value == "grace@navy.example");
  CHECK(g.emails[0].label == "work");
  CHECK(g.emails[0].preferred);
  CHECK(g.emails[1].value == "grace.h@example.com");
  CHECK(g.emails[1].label == "home");
  CHECK_FALSE(g.emails[1].preferred);
  CHECK(g.emails[2].value == "gh@example.org");
  REQUIRE(g.phones.size() == 2);
  CHECK(g.phones[0].value == "+1 202 555 0101");
  CHECK(g.phones[0].label == "cell");
  CHECK(g.phones[1].label == "work");
  REQUIRE(g.addresses.size() == 1);
  CHECK(g.addresses[0].value == "1 Navy Way, Arlington, VA, 22202, USA");
  CHECK(g.addresses[0].label == "work");
  REQUIRE(g.urls.size() == 1);
  CHECK(g.urls[0].label == "linkedin");
  const Contact& linus = out.records[1].contact;
  CHECK(linus.name == "Linus");
  CHECK(linus.tags == Strings{"myContacts"});
  CHECK(values_of(linus.phones) == Strings{"+358 40 123 4567"});
}

TEST_CASE("Google legacy: Name, Group Membership, E-mail N - Type, Organization 1", "[csv]") {
  const auto out = parse_sample("google_legacy.csv");
  CHECK(out.format == "google");
  REQUIRE(out.records.size() == 1);
  const Contact& a = out.records[0].contact;
  CHECK(a.name == "Alan Turing");
  CHECK(a.middle_name == "Mathison");
  CHECK(a.name_suffix == "OBE");
  CHECK(a.company == "GCHQ");
  CHECK(a.title == "Cryptanalyst");
  CHECK(a.department == "Hut 8");
  CHECK(a.tags == Strings{"myContacts", "Bletchley"});
  CHECK(values_of(a.emails) == Strings{"alan@bletchley.example", "turing@example.ac.uk", "alan@home.example"});
  CHECK(a.emails[0].preferred);
  CHECK(a.emails[1].label == "work");
  CHECK(a.urls[0].label == "blog");
  CHECK(a.birthday == "1912-06-23");
  // A row holding only the system group identifies nobody.
  REQUIRE(out.skipped.size() == 1);
  CHECK(out.skipped[0].line == 3);
}

TEST_CASE("Outlook: quoted header, Windows-1252, 0/0/00, categories, Exchange addresses", "[csv]") {
  const std::string bytes = sample("outlook.csv");
  REQUIRE(bytes.find("J\xFCrgen") != std::string::npos);  // the sample really is cp1252
  const auto out = parse_sample("outlook.csv");
  CHECK(out.format == "outlook");
  REQUIRE(out.records.size() == 2);
  const Contact& j = out.records[0].contact;
  CHECK(j.name == "Jürgen Müller");  // honorifics stay in their fields
  CHECK(j.name_prefix == "Mr.");
  CHECK(j.name_suffix == "Jr.");
  CHECK(j.company == "Café Zürich GmbH");
  CHECK(j.department == "Einkauf");
  CHECK(j.title == "Einkäufer");
  CHECK(j.birthday == "1975-05-17");
  CHECK(j.anniversary.empty());
  CHECK(j.tags == Strings{"Suppliers", "VIP"});
  CHECK(values_of(j.emails) == Strings{"juergen@cafe.example"});
  CHECK(j.emails[0].preferred);
  REQUIRE(j.phones.size() == 3);
  CHECK(j.phones[0].value == "+41 44 000 00 01");
  CHECK(j.phones[0].label == "work,fax");
  CHECK(j.phones[1].label == "work");
  CHECK(j.phones[2].label == "cell");
  REQUIRE(j.addresses.size() == 1);
  CHECK(j.addresses[0].value == "Bahnhofstraße 1, Gebäude B, Zürich, ZH, 8001, Switzerland");
  CHECK(j.addresses[0].label == "work");
  // A column with no field of its own is kept in the notes, under its name.
  CHECK(j.notes == "Costs 5 € per cup — ask about “Kaffee”.\nManager's Name: Frau Weiß");
  CHECK(values_of(j.urls) == Strings{"http://www.cafe.example/"});
  const Contact& z = out.records[1].contact;
  CHECK(z.name == "Zoë Adams");
  CHECK(z.birthday.empty());
}

TEST_CASE("Thunderbird: display name, primary e-mail, birth parts, work address", "[csv]") {
  const auto out = parse_sample("thunderbird.csv");
  CHECK(out.format == "thunderbird");
  REQUIRE(out.records.size() == 2);
  const Contact& a = out.records[0].contact;
  CHECK(a.name == "Ada King");
  CHECK(a.given_name == "Ada");
  CHECK(a.family_name == "Lovelace");
  CHECK(a.nickname == "Countess");
  CHECK(values_of(a.emails) == Strings{"ada@engines.example", "ada.king@example.org"});
  CHECK(a.emails[0].preferred);
  CHECK_FALSE(a.emails[1].preferred);
  CHECK(values_of(a.phones) == Strings{"+44 20 0000 0001", "+44 7700 900000"});
  CHECK(a.phones[0].label == "work");
  CHECK(a.phones[1].label == "cell");
  REQUIRE(a.addresses.size() == 1);
  CHECK(a.addresses[0].value == "12 St James's Square, London, SW1Y 4JH, UK");
  CHECK(a.company == "Analytical Engines Ltd");
  CHECK(a.title == "Analyst");
  CHECK(a.department == "Engines");
  CHECK(values_of(a.urls) == Strings{"https://ada.example"});
  CHECK(a.birthday == "1815-12-10");
  CHECK(a.notes == "First programmer.");
  CHECK(out.records[1].contact.name == "Charles Babbage");
  CHECK(out.records[1].contact.birthday == "--03-07");
}

TEST_CASE("Contact CSV detection reads the header, not the file name", "[csv]") {
  CHECK(detect_contact_csv(sample("linkedin_current.csv")) == "linkedin");
  CHECK(detect_contact_csv(sample("linkedin_2018.csv")) == "linkedin");
  CHECK(detect_contact_csv(sample("google_legacy.csv")) == "google");
  CHECK(detect_contact_csv(sample("google_current.csv")) == "google");
  CHECK(detect_contact_csv(sample("outlook.csv")) == "outlook");
  CHECK(detect_contact_csv(sample("thunderbird.csv")) == "thunderbird");
  CHECK(detect_contact_csv("Full Name;E-mail\nA B;a@b.example\n") == "csv");
  CHECK(detect_contact_csv("date,amount,payee\n2024-01-01,5,Shop\n").empty());
  CHECK(detect_contact_csv("").empty());
  auto refused = parse_contact_csv("date,amount,payee\n2024-01-01,5,Shop\n");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().find("header") != std::string::npos);
}

TEST_CASE("Contact CSV: a header quoted as one field, semicolons, extra fields skipped", "[csv]") {
  auto out = parse_contact_csv("\"First Name,Last Name,E-mail Address,Company\"\nKim,Park,kim@x.example,K Co\n"
                               "Lee,Chen,lee@x.example,L Co,spill\n");
  REQUIRE(out.ok());
  CHECK(out->format == "outlook");
  REQUIRE(out->records.size() == 1);
  CHECK(out->records[0].contact.name == "Kim Park");
  REQUIRE(out->skipped.size() == 1);
  CHECK(out->skipped[0].line == 3);
  CHECK(out->skipped[0].reason.find("5 fields") != std::string::npos);

  out = parse_contact_csv("First Name;Last Name;E-mail Address\nKim;Park;kim@x.example\n");
  REQUIRE(out.ok());
  REQUIRE(out->records.size() == 1);
  CHECK(values_of(out->records[0].contact.emails) == Strings{"kim@x.example"});
}

TEST_CASE("Contact CSV: UTF-16 input and forced dialect", "[csv]") {
  const std::string utf8 = "First Name,Last Name,E-mail Address\nÉva,Kovács,eva@x.example\n";
  std::string utf16 = "\xFF\xFE";
  for (char16_t unit : std::u16string(u"First Name,Last Name,E-mail Address\nÉva,Kovács,eva@x.example\n")) {
    utf16 += static_cast<char>(unit & 0xFF);
    utf16 += static_cast<char>(unit >> 8);
  }
  auto out = parse_contact_csv(utf16);
  REQUIRE(out.ok());
  REQUIRE(out->records.size() == 1);
  CHECK(out->records[0].contact.name == "Éva Kovács");
  out = parse_contact_csv(utf8, "thunderbird");
  REQUIRE(out.ok());
  CHECK(out->format == "thunderbird");
  CHECK(out->records[0].contact.source == "thunderbird");
}

TEST_CASE("Contact CSV: cancelling through progress fails the parse", "[csv]") {
  std::string text = "First Name,Last Name,E-mail Address\n";
  for (int i = 0; i < 500; ++i) text += "P" + std::to_string(i) + ",Q,p" + std::to_string(i) + "@x.example\n";
  size_t calls = 0;
  auto out = parse_contact_csv(text, "", [&](size_t, size_t) { return ++calls < 3; });
  CHECK_FALSE(out.ok());
  CHECK(calls == 3);
  auto full = parse_contact_csv(text, "", [](size_t done, size_t total) { return done <= total; });
  REQUIRE(full.ok());
  CHECK(full->records.size() == 500);
}

TEST_CASE("Contact CSV: mangled files never crash and every record is usable", "[csv]") {
  std::mt19937 random(20260115);
  const char kNasty[] = {'"', ',', '\n', '\r', ';', '\0', '\xFF', '\xC3', ' ', ':'};
  for (const char* name : {"linkedin_current.csv", "google_current.csv", "outlook.csv", "thunderbird.csv"}) {
    const std::string original = sample(name);
    for (int round = 0; round < 150; ++round) {
      std::string bytes = original;
      const int edits = 1 + static_cast<int>(random() % 8);
      for (int e = 0; e < edits && !bytes.empty(); ++e) {
        const size_t at = random() % bytes.size();
        const char c = kNasty[random() % sizeof kNasty];
        switch (random() % 3) {
          case 0: bytes[at] = c; break;
          case 1: bytes.insert(bytes.begin() + static_cast<long>(at), c); break;
          default: bytes.erase(at, 1 + random() % 40);
        }
      }
      INFO(name << " round " << round);
      auto out = parse_contact_csv(bytes);
      if (!out.ok()) continue;  // the header itself was destroyed: refused, which is fine
      for (const auto& r : out->records) {
        CHECK(r.line >= 1);
        CHECK_FALSE(r.contact.name.empty());
      }
      for (const auto& s : out->skipped) {
        CHECK(s.line >= 1);
        CHECK_FALSE(s.reason.empty());
      }
    }
  }
}
