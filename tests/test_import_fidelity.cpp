// Issue 12, import fidelity: our own small files in tests/data/fidelity (made by hand for
// these tests), one per class of loss found on real files from other apps, each checked field
// by field.
#include "test_paths.h"
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "core/contact_merge.h"
#include "core/csv_contacts.h"
#include "core/import_detect.h"
#include "core/importer.h"
#include "core/store.h"
#include "core/text_encoding.h"
#include "core/vcard_reader.h"
#include "core/vcard_writer.h"
#include "tests/test_support.h"

using namespace rekindle::core;

namespace {

std::string fidelity_file(const std::string& name) {
  return rekindle::test::read_file(std::string(REKINDLE_TEST_DATA) + "/fidelity/" + name);
}

ParseOutput vcard(const std::string& name) { return parse_vcard(fidelity_file(name)); }

ParseOutput csv(const std::string& name, std::string_view dialect = {}) {
  auto out = parse_contact_csv(fidelity_file(name), dialect);
  INFO((out.ok() ? std::string() : out.error()));
  REQUIRE(out.ok());
  return *out;
}

const Contact& named(const ParseOutput& out, const std::string& name) {
  for (const ParsedRecord& r : out.records)
    if (r.contact.name == name) return r.contact;
  FAIL("no record named " << name);
  return out.records.front().contact;
}

std::vector<std::string> values(const std::vector<LabeledValue>& list) {
  std::vector<std::string> out;
  for (const auto& v : list) out.push_back(v.value);
  return out;
}

std::vector<std::string> labels(const std::vector<LabeledValue>& list) {
  std::vector<std::string> out;
  for (const auto& v : list) out.push_back(v.label);
  return out;
}

bool has_line(const std::string& notes, const std::string& line) {
  return ("\n" + notes + "\n").find("\n" + line + "\n") != std::string::npos;
}

using Strings = std::vector<std::string>;

}  // namespace

// ---------------------------------------------------------------- 1. text escapes

TEST_CASE("Fidelity 1: every escaped character is unescaped, URLs included (RFC 6350 3.4, lenient)",
          "[fidelity][vcard]") {
  const ParseOutput out = vcard("escapes.vcf");
  REQUIRE(out.records.size() == 1);
  const Contact& c = out.records[0].contact;
  CHECK(c.name == "Grace Hopper");
  CHECK(c.company == "Navy, Inc.");
  CHECK(c.department == "Computing; Research");
  CHECK(c.title == "Rear Admiral (ret.)");
  CHECK(values(c.urls) == Strings{"http://www.example.com/grace", "https://example.org/a,b"});
  CHECK(c.urls[0].label == "work");
  CHECK(c.notes == "Provided \"AS IS\"\nColor: Blue; size\\large");
  CHECK(values(c.emails) == Strings{"grace@example.com"});
}

// ---------------------------------------------------------------- 2. CSV columns

TEST_CASE("Fidelity 2: Outlook's full column set, every column read or kept, and said so", "[fidelity][csv]") {
  const ParseOutput out = csv("outlook_full.csv");
  CHECK(out.format == "outlook");
  REQUIRE(out.records.size() == 1);
  CHECK(out.skipped.empty());
  const Contact& c = out.records[0].contact;
  CHECK(c.name == "Frances Allen");
  CHECK(c.name_prefix == "Ms.");
  CHECK(c.given_name == "Frances");
  CHECK(c.family_name == "Allen");
  CHECK(c.company == "IBM");
  CHECK(c.department == "Research");
  CHECK(c.title == "Fellow");
  CHECK(values(c.emails) == Strings{"frances@ibm.example", "fran@home.example", "fa@old.example"});
  CHECK(c.emails[0].preferred);
  CHECK(values(c.urls) == Strings{"https://allen.example.com/"});
  CHECK(values(c.phones) == Strings{"+1 914 555 0102", "+1 914 555 0101", "+1 914 555 0109", "+1 914 555 0103"});
  CHECK(labels(c.phones) == Strings{"work,fax", "work", "home,fax", "cell"});
  // The business street, its second line, city, state, code and country are ONE address.
  REQUIRE(c.addresses.size() == 1);
  CHECK(c.addresses[0].value == "1101 Kitchawan Rd, Route 134, Yorktown Heights, NY, 10598, United States");
  CHECK(c.addresses[0].label == "work");
  const auto parts = address_structure(c, c.addresses[0].value);
  REQUIRE(parts.has_value());
  CHECK((*parts)[2] == "1101 Kitchawan Rd, Route 134");
  CHECK((*parts)[3] == "Yorktown Heights");
  CHECK((*parts)[4] == "NY");
  CHECK((*parts)[5] == "10598");
  CHECK((*parts)[6] == "United States");
  CHECK(c.birthday == "1932-08-04");
  CHECK(c.anniversary.empty());  // 0/0/00
  CHECK(c.tags == Strings{"Pioneers", "Turing Award"});
  CHECK(has_line(c.notes, "First woman to win the Turing Award"));
  CHECK(has_line(c.notes, "Gender: Female"));
  CHECK(has_line(c.notes, "Hobby: Hiking"));
  CHECK(has_line(c.notes, "Manager's Name: John Cocke"));
  // Outlook's defaults say nothing and are not copied.
  CHECK(c.notes.find("Normal") == std::string::npos);
  CHECK(c.notes.find("False") == std::string::npos);
  REQUIRE(out.notes.size() == 2);
  CHECK(out.notes[0].line == 1);
  CHECK(out.notes[0].text ==
        "kept in each contact's notes, as these columns have no field of their own: Gender, Hobby, Manager's Name");
  CHECK(out.notes[1].text ==
        "not imported, as they repeat other columns or Rekindle's own schedule: E-mail Type, E-mail Display Name, "
        "E-mail 2 Type, Initials");
}

TEST_CASE("Fidelity 2: German, French and Spanish Outlook headers", "[fidelity][csv]") {
  SECTION("German, semicolons, windows-1252") {
    const ParseOutput out = csv("outlook_de.csv");
    CHECK(out.format == "outlook");
    REQUIRE(out.records.size() == 1);
    const Contact& c = out.records[0].contact;
    CHECK(c.name == "J\xC3\xBCrgen M\xC3\xBCller");
    CHECK(c.name_prefix == "Herr");
    CHECK(c.company == "Beispiel GmbH");
    CHECK(c.department == "Vertrieb");
    CHECK(c.title == "Leiter");
    CHECK(values(c.emails) == Strings{"juergen@example.de", "j.mueller@example.com"});
    CHECK(values(c.phones) == Strings{"+49 30 1234567", "+49 170 1234567"});
    CHECK(labels(c.phones) == Strings{"work", "cell"});
    REQUIRE(c.addresses.size() == 1);
    CHECK(c.addresses[0].value == "Hauptstra\xC3\x9F" "e 5, Hinterhaus, Berlin, Berlin, 10115, Deutschland");
    CHECK(c.addresses[0].label == "work");
    CHECK(c.birthday == "1970-04-15");
    CHECK(c.tags == Strings{"Kunden"});
    CHECK(values(c.urls) == Strings{"https://example.de"});
    CHECK(has_line(c.notes, "Kennt alle"));
    CHECK(has_line(c.notes, "Hobby: Segeln"));
  }
  SECTION("French, with Titre twice (honorific, then job title)") {
    const ParseOutput out = csv("outlook_fr.csv");
    CHECK(out.format == "outlook");
    REQUIRE(out.records.size() == 1);
    const Contact& c = out.records[0].contact;
    CHECK(c.name == "H\xC3\xA9l\xC3\xA8ne Dupont");
    CHECK(c.name_prefix == "Mme");
    CHECK(c.title == "Directrice");
    CHECK(c.company == "Exemple SA");
    CHECK(c.department == "Achats");
    CHECK(values(c.emails) == Strings{"helene@exemple.fr", "h.dupont@maison.fr"});
    CHECK(values(c.phones) == Strings{"+33 1 23 45 67 89", "+33 6 12 34 56 78"});
    CHECK(labels(c.phones) == Strings{"work", "cell"});
    REQUIRE(c.addresses.size() == 1);
    CHECK(c.addresses[0].value == "3 rue de la Paix, Paris, \xC3\x8Ele-de-France, 75002, France");
    CHECK(c.birthday == "1980-03-21");
    CHECK(c.tags == Strings{"Clients"});
    CHECK(c.notes == "Rencontr\xC3\xA9" "e au salon");
    CHECK(values(c.urls) == Strings{"https://exemple.fr"});
  }
  SECTION("Spanish") {
    const ParseOutput out = csv("outlook_es.csv");
    CHECK(out.format == "outlook");
    REQUIRE(out.records.size() == 1);
    const Contact& c = out.records[0].contact;
    CHECK(c.name == "Jos\xC3\xA9 Garc\xC3\xAD" "a L\xC3\xB3pez");
    CHECK(c.name_prefix == "Sr.");
    CHECK(c.given_name == "Jos\xC3\xA9");
    CHECK(c.family_name == "Garc\xC3\xAD" "a L\xC3\xB3pez");
    CHECK(c.company == "Ejemplo SL");
    CHECK(c.department == "Ventas");
    CHECK(c.title == "Gerente");
    CHECK(values(c.emails) == Strings{"jose@ejemplo.es", "pepe@casa.es", "pepe@viejo.es"});
    CHECK(labels(c.phones) == Strings{"work", "cell"});
    REQUIRE(c.addresses.size() == 1);
    CHECK(c.addresses[0].value == "Calle Mayor 1, Madrid, Madrid, 28013, Espa\xC3\xB1" "a");
    CHECK(c.birthday == "1975-01-02");
    CHECK(c.tags == Strings{"Clientes"});
    CHECK(c.notes == "Buen contacto");
    CHECK(values(c.urls) == Strings{"https://ejemplo.es"});
  }
}

TEST_CASE("Fidelity 2: an Outlook CSV whose only name-like column is the e-mail address", "[fidelity][csv]") {
  const ParseOutput out = csv("outlook_email_only.csv");
  CHECK(out.format == "outlook");
  REQUIRE(out.records.size() == 2);
  CHECK(out.records[0].contact.name == "ann.lee@example.com");
  CHECK(values(out.records[0].contact.emails) == Strings{"ann.lee@example.com"});
  CHECK(out.records[0].contact.tags == Strings{"Newsletter"});
  CHECK(out.records[1].contact.name == "bo@example.org");

  // A lone "E-mail Address" column is no contact file by itself, but it is one when the
  // user says it is Outlook's.
  const std::string lone = fidelity_file("email_column_only.csv");
  CHECK_FALSE(parse_contact_csv(lone).ok());
  auto forced = parse_contact_file(lone, "outlook");
  INFO((forced.ok() ? std::string() : forced.error()));
  REQUIRE(forced.ok());
  REQUIRE(forced->records.size() == 1);
  CHECK(forced->records[0].contact.name == "ann.lee@example.com");
  CHECK(forced->format == "outlook");
}

TEST_CASE("Fidelity 2: Google's full column set; relations, events, custom fields and IM kept", "[fidelity][csv]") {
  const ParseOutput out = csv("google_full.csv");
  CHECK(out.format == "google");
  REQUIRE(out.records.size() == 1);
  const Contact& c = out.records[0].contact;
  CHECK(c.name == "Katherine G. Johnson");
  CHECK(c.name_prefix == "Dr.");
  CHECK(c.middle_name == "G.");
  CHECK(c.nickname == "Kat");
  CHECK(c.company == "NASA");
  CHECK(c.title == "Mathematician");
  CHECK(c.department == "Flight Research");
  CHECK(c.birthday == "1918-08-26");
  CHECK(c.tags == Strings{"myContacts", "Test"});
  CHECK(values(c.emails) == Strings{"kj@nasa.example", "kj@home.example"});
  CHECK(labels(c.emails) == Strings{"work", "home"});
  CHECK(c.emails[0].preferred);
  // One number listed as mobile and as work: one value with both types.
  CHECK(values(c.phones) == Strings{"+1 757 555 0100"});
  CHECK(labels(c.phones) == Strings{"cell,work"});
  REQUIRE(c.addresses.size() == 1);
  CHECK(c.addresses[0].value == "1 NASA Dr, Hampton, VA, 23681, USA");
  CHECK(values(c.urls) == Strings{"https://example.com/kj"});
  CHECK(photo_uri(c) == "https://photos.example.com/kj.jpg");
  CHECK(has_line(c.notes, "Computed trajectories"));
  CHECK(has_line(c.notes, "Spouse: James Johnson"));
  CHECK(has_line(c.notes, "Graduation: 1937-06-01"));
  CHECK(has_line(c.notes, "Team: Orbit"));
  CHECK(has_line(c.notes, "Skype: kj.nasa"));
  CHECK(has_line(c.notes, "Phonetic First Name: Kath"));
}

TEST_CASE("Fidelity 2: Thunderbird's full column set", "[fidelity][csv]") {
  const ParseOutput out = csv("thunderbird_full.csv");
  CHECK(out.format == "thunderbird");
  REQUIRE(out.records.size() == 1);
  const Contact& c = out.records[0].contact;
  CHECK(c.name == "Margaret Hamilton");
  CHECK(c.nickname == "Maggie");
  CHECK(values(c.emails) == Strings{"mh@mit.example", "mh@home.example"});
  CHECK(values(c.phones) == Strings{"+1 617 555 0100", "+1 617 555 0101", "+1 617 555 0199"});
  CHECK(labels(c.phones) == Strings{"work", "fax", "cell"});
  REQUIRE(c.addresses.size() == 1);
  CHECK(c.addresses[0].value == "77 Massachusetts Ave, Room 5, Cambridge, MA, 02139, USA");
  CHECK(c.addresses[0].label == "work");
  CHECK(c.title == "Director");
  CHECK(c.department == "Software Engineering");
  CHECK(c.company == "MIT");
  CHECK(values(c.urls) == Strings{"https://mit.example/mh", "https://home.example/mh"});
  CHECK(labels(c.urls) == Strings{"work", "home"});
  CHECK(c.birthday == "1936-08-17");
  CHECK(has_line(c.notes, "Wrote the code"));
  CHECK(has_line(c.notes, "Screen Name: mhamilton"));
  CHECK(has_line(c.notes, "Custom 1: Apollo"));
}

// ---------------------------------------------------------------- 3. quoted-printable

TEST_CASE("Fidelity 3: a soft line break before a blank line ends the value there", "[fidelity][vcard]") {
  const ParseOutput out = vcard("qp_soft_break.vcf");
  REQUIRE(out.records.size() == 1);
  const Contact& c = out.records[0].contact;
  CHECK(c.name == "Ada Lovelace");
  CHECK(c.notes == "Analytical engine\nnotes");
  CHECK(c.company == "Babbage & Co");
  CHECK(c.department.empty());
  CHECK(c.title == "Analyst");
  CHECK(c.tags == Strings{"Mathematics"});
}

// ---------------------------------------------------------------- 4. REV

TEST_CASE("Fidelity 4: REV is an edit time, not a touch; it is kept for the export", "[fidelity][vcard]") {
  const ParseOutput out = vcard("rev.vcf");
  REQUIRE(out.records.size() == 1);
  const Contact& c = out.records[0].contact;
  CHECK_FALSE(c.connected_on.has_value());
  CHECK(c.extra_properties == Strings{"REV:2019-03-04T10:00:00Z"});
}

// ---------------------------------------------------------------- 5. honorifics

TEST_CASE("Fidelity 5: honorifics go to the prefix and suffix, never into the display name", "[fidelity]") {
  SECTION("vCard N without FN") {
    const ParseOutput out = vcard("honorifics.vcf");
    REQUIRE(out.records.size() == 1);
    const Contact& c = out.records[0].contact;
    CHECK(c.name == "Katherine G. Johnson");
    CHECK(c.name_prefix == "Dr.");
    CHECK(c.name_suffix == "PhD");
  }
  SECTION("Outlook Title column") {
    const ParseOutput out = csv("outlook_full.csv");
    REQUIRE(out.records.size() == 1);
    const Contact& c = out.records[0].contact;
    CHECK(c.name == "Frances Allen");
    CHECK(c.name_prefix == "Ms.");
  }
  SECTION("Google legacy Name that repeats Name Prefix and Name Suffix") {
    const ParseOutput out = csv("google_legacy_honorifics.csv");
    REQUIRE(out.records.size() == 1);
    const Contact& c = out.records[0].contact;
    CHECK(c.name == "Mae C. Jemison");
    CHECK(c.name_prefix == "Dr.");
    CHECK(c.name_suffix == "MD");
    CHECK(c.company == "NASA");
    CHECK(c.tags == Strings{"My Contacts", "Test"});
    CHECK(has_line(c.notes, "Gender: female"));
    CHECK(has_line(c.notes, "Occupation: Astronaut"));
    CHECK(has_line(c.notes, "Organization 1 - Symbol: NASA"));
  }
}

// ---------------------------------------------------------------- 6. quiet losses

TEST_CASE("Fidelity 6: types, photos, preferred e-mail and categories lose nothing quietly", "[fidelity][vcard]") {
  const ParseOutput out = vcard("quiet_losses.vcf");
  REQUIRE(out.records.size() == 3);

  const Contact& dorothy = named(out, "Dorothy Vaughan");
  CHECK(values(dorothy.phones) == Strings{"+1 555 0100", "+1 555 0199"});
  CHECK(labels(dorothy.phones) == Strings{"work,fax", "cell"});
  CHECK(values(dorothy.urls) == Strings{"https://vaughan.example.com"});
  CHECK(labels(dorothy.urls) == Strings{"work,home"});
  CHECK(values(dorothy.emails) == Strings{"dorothy@pref.example", "dorothy@home.example", "dorothy@work.example"});
  CHECK(dorothy.emails[0].preferred);
  CHECK(dorothy.tags == Strings{"My Contacts", "Test"});
  CHECK_FALSE(dorothy.photo.has_value());
  // The damaged photo is left out with a word, on its own line.
  REQUIRE(out.notes.size() == 1);
  CHECK(out.notes[0].line == 14);
  CHECK(out.notes[0].text.find("photo") != std::string::npos);

  const Contact& mary = named(out, "Mary Jackson");
  CHECK(photo_uri(mary) == "http://photos.example.com/mary.jpg");
  CHECK(values(mary.emails) == Strings{"mary@pref.example", "mary@example.com"});
  CHECK(mary.emails[0].preferred);

  const Contact& annie = named(out, "Annie Easley");
  CHECK(photo_uri(annie) == "https://photos.example.com/annie.png");
  CHECK(values(annie.emails) == Strings{"annie@first.example", "annie@second.example"});
  CHECK(annie.tags == Strings{"Engineers", "NASA"});
}

TEST_CASE("Fidelity 6: the import report carries the parser's notes", "[fidelity][import]") {
  auto store = Store::open_in_memory();
  REQUIRE(store.ok());
  ImportOptions options;
  options.today = *make_day(2026, 1, 15);
  auto report = import_sources(**store, {{"q.vcf", fidelity_file("quiet_losses.vcf")}}, options);
  REQUIRE(report.ok());
  REQUIRE(report->files.size() == 1);
  REQUIRE(report->files[0].notes.size() == 1);
  CHECK(report->files[0].notes[0].line == 14);
}

// ---------------------------------------------------------------- 7. charsets

TEST_CASE("Fidelity 7: every charset iconv knows, with our fast paths kept", "[fidelity][text_encoding]") {
  const ParseOutput out = vcard("charsets.vcf");
  REQUIRE(out.records.size() == 2);
  const Contact& yamada = out.records[0].contact;
  CHECK(yamada.name == "\xE5\xB1\xB1\xE7\x94\xB0\xE5\xA4\xAA\xE9\x83\x8E");  // 山田太郎
  CHECK(yamada.family_name == "\xE5\xB1\xB1\xE7\x94\xB0");
  CHECK(yamada.given_name == "\xE5\xA4\xAA\xE9\x83\x8E");
  const Contact& ivan = out.records[1].contact;
  CHECK(ivan.name == "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD \xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2");
  REQUIRE(ivan.addresses.size() == 1);
  CHECK(ivan.addresses[0].value == "ul. Piotrkowska 1, \xC5\x81\xC3\xB3\x64\xC5\xBA, 90-001, Polska");

  CHECK(charset_to_utf8("\x93\xfa\x96\x7b", "Shift_JIS") == "\xE6\x97\xA5\xE6\x9C\xAC");  // 日本
  CHECK(charset_to_utf8("\xA7\x41", "big5") == "\xE4\xBD\xA0");                              // 你
  CHECK(charset_to_utf8("\xF0\xD2\xC9", "KOI8-R") == "\xD0\x9F\xD1\x80\xD0\xB8");            // При
  CHECK(charset_to_utf8("\xA3", "windows-1250") == "\xC5\x81");                               // Ł
  CHECK(charset_to_utf8("\xA4", "ISO-8859-15") == "\xE2\x82\xAC");                            // €
  // A byte the charset does not define reads as U+FFFD, and the rest still reads.
  CHECK(charset_to_utf8("a\x80" "b", "Shift_JIS") == "a\xEF\xBF\xBD" "b");
  CHECK_FALSE(charset_to_utf8("x", "klingon-7").has_value());
}

// ---------------------------------------------------------------- ADR structure

TEST_CASE("Fidelity: ADR keeps street, locality, region, code and country on import and export",
          "[fidelity][vcard]") {
  const ParseOutput out = vcard("addresses.vcf");
  REQUIRE(out.records.size() == 1);
  const Contact& c = out.records[0].contact;
  REQUIRE(c.addresses.size() == 2);
  CHECK(c.addresses[0].value == "Building 1244, 1 NASA Drive, Hampton, VA, 23681, USA");
  CHECK(c.addresses[0].label == "work");
  CHECK(c.addresses[1].value == "12 Elm Street");
  const auto parts = address_structure(c, c.addresses[0].value);
  REQUIRE(parts.has_value());
  CHECK(*parts == AddressParts{"", "Building 1244", "1 NASA Drive", "Hampton", "VA", "23681", "USA"});

  const std::string written = write_vcard(c, {}, std::vector<ParsedGoalLink>{});
  CHECK(written.find("ADR;TYPE=work:;Building 1244;1 NASA Drive;Hampton;VA;23681;USA\r\n") != std::string::npos);
  CHECK(written.find("ADR;TYPE=home:;;12 Elm Street;;;;\r\n") != std::string::npos);
  CHECK(written.find("X-REKINDLE-ADR") == std::string::npos);
  // Read back: the same contact, structure and all.
  const ParseOutput again = parse_vcard(written);
  REQUIRE(again.records.size() == 1);
  CHECK(again.records[0].contact.addresses == c.addresses);
  CHECK(address_structure(again.records[0].contact, c.addresses[0].value) == parts);

  // An address edited by hand no longer matches its old structure: it is written as it reads.
  Contact edited = c;
  edited.addresses[0].value = "2 New Road, Hampton";
  const std::string rewritten = write_vcard(edited, {}, std::vector<ParsedGoalLink>{});
  CHECK(rewritten.find("ADR;TYPE=work:;;2 New Road\\, Hampton;;;;\r\n") != std::string::npos);
  CHECK(rewritten.find("NASA Drive") == std::string::npos);
}

// ---------------------------------------------------------------- merging

TEST_CASE("Fidelity: contacts with no key and no company never merge on the name alone", "[fidelity][import]") {
  Contact first;
  first.name = "Ann Lee";
  first.title = "Engineer";
  Contact second;
  second.name = "Ann Lee";
  second.notes = "Met at a conference";
  DuplicateIndex index;
  index.add(first, 1);
  CHECK_FALSE(index.find(second).has_value());
  // The very same record again (the same file imported twice) is still recognised.
  CHECK(index.find(first) == std::optional<int64_t>(1));
  // With the same company the name identifies the person.
  first.company = "Acme";
  second.company = "Acme";
  DuplicateIndex with_company;
  with_company.add(first, 1);
  CHECK(with_company.find(second) == std::optional<int64_t>(1));
}

TEST_CASE("Fidelity: two key-less namesakes in one file are two contacts", "[fidelity][import]") {
  auto store = Store::open_in_memory();
  REQUIRE(store.ok());
  ImportOptions options;
  options.today = *make_day(2026, 1, 15);
  const std::string file = "First Name,Last Name,E-mail Address,Job Title,Company\n"
                           "Ann,Lee,,Engineer,\n"
                           "Ann,Lee,,Designer,\n";
  auto report = import_sources(**store, {{"in.csv", file}}, options);
  REQUIRE(report.ok());
  CHECK(report->added == 2);
  auto again = import_sources(**store, {{"in.csv", file}}, options);
  REQUIRE(again.ok());
  CHECK(again->added == 0);
  CHECK(again->unchanged == 2);
}
