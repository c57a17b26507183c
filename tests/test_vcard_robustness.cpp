// The vCard reader never crashes and never produces garbage, whatever the bytes: every
// sample cut at every length, and many deterministic random mutations of each.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
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

// A small fixed-seed generator so failures replay identically.
struct Lcg {
  uint64_t state;
  uint32_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33);
  }
  size_t below(size_t n) { return n == 0 ? 0 : next() % n; }
};

bool all_utf8(const std::vector<LabeledValue>& values) {
  return std::all_of(values.begin(), values.end(), [](const LabeledValue& v) {
    return is_valid_utf8(v.value) && is_valid_utf8(v.label) && is_valid_utf8(v.group);
  });
}

// What must hold for any input: readable records with a name, UTF-8 everywhere, and a
// written card that reads back as the same single contact.
void check_output(const ParseOutput& out) {
  for (const ParsedRecord& r : out.records) {
    const Contact& c = r.contact;
    REQUIRE_FALSE(c.name.empty());
    REQUIRE(is_valid_utf8(c.name));
    REQUIRE(is_valid_utf8(c.notes));
    REQUIRE(is_valid_utf8(c.company));
    REQUIRE(all_utf8(c.emails));
    REQUIRE(all_utf8(c.phones));
    REQUIRE(all_utf8(c.urls));
    REQUIRE(all_utf8(c.addresses));
    for (const std::string& extra : c.extra_properties) REQUIRE(is_valid_utf8(extra));
    const std::string card = write_vcard(c, r.interactions, r.goal_links);
    INFO("written:\n" << card);
    const ParseOutput again = parse_vcard(card);
    REQUIRE(again.records.size() == 1);
    INFO("rewritten:\n"
         << write_vcard(again.records[0].contact, again.records[0].interactions, again.records[0].goal_links));
    REQUIRE(again.records[0].contact == c);
    REQUIRE(write_vcard(again.records[0].contact, again.records[0].interactions, again.records[0].goal_links) == card);
  }
  for (const SkippedRecord& s : out.skipped) {
    REQUIRE(s.line >= 1);
    REQUIRE_FALSE(s.reason.empty());
  }
}

}  // namespace

TEST_CASE("every sample cut at every length parses without harm", "[vcard]") {
  for (const std::string& file : sample_files()) {
    INFO(file);
    const std::string bytes = rekindle::test::read_file(file);
    for (size_t n = 0; n <= bytes.size(); ++n) {
      INFO("cut at " << n);
      check_output(parse_vcard(std::string_view(bytes).substr(0, n)));
    }
  }
}

TEST_CASE("random mutations of every sample parse without harm", "[vcard]") {
  // Bytes that matter to the grammar, plus invalid UTF-8 and NUL.
  const std::string specials[] = {":",
                                  ";",
                                  ",",
                                  "=",
                                  "\\",
                                  "\"",
                                  "\r\n",
                                  "\n",
                                  " ",
                                  "\t",
                                  "^",
                                  ".",
                                  std::string(1, '\0'),
                                  "\xFF",
                                  "\xC3",
                                  "\xE2\x82",
                                  "BEGIN:VCARD\r\n",
                                  "END:VCARD\r\n",
                                  "AGENT:\r\n",
                                  "=\r\n",
                                  "ENCODING=QUOTED-PRINTABLE",
                                  ";BASE64",
                                  "data:image/png;base64,",
                                  "\xFE\xFF",
                                  "\xEF\xBB\xBF"};
  Lcg random{0x5EED};
  for (const std::string& file : sample_files()) {
    INFO(file);
    const std::string original = rekindle::test::read_file(file);
    for (int round = 0; round < 300; ++round) {
      std::string bytes = original;
      const size_t edits = 1 + random.below(6);
      for (size_t e = 0; e < edits; ++e) {
        const size_t at = random.below(bytes.size() + 1);
        switch (random.below(4)) {
          case 0:
            bytes.insert(at, specials[random.below(std::size(specials))]);
            break;
          case 1:
            if (at < bytes.size()) bytes.erase(at, 1 + random.below(8));
            break;
          case 2:
            if (at < bytes.size()) bytes[at] = static_cast<char>(random.next() & 0xFF);
            break;
          default:
            bytes.insert(at, bytes.substr(random.below(bytes.size()), random.below(40)));
            break;
        }
      }
      INFO("round " << round);
      check_output(parse_vcard(bytes));
    }
  }
}

TEST_CASE("degenerate inputs", "[vcard]") {
  for (const std::string& input :
       {std::string(), std::string("\r\n\r\n"), std::string("BEGIN:VCARD"), std::string("END:VCARD\r\n"),
        std::string("BEGIN:VCARD\r\nEND:VCARD\r\n"), std::string("BEGIN:VCARD\r\nFN:\r\nEND:VCARD\r\n"),
        std::string("BEGIN:VCARD\r\nFN:x\r\nAGENT:\r\nBEGIN:VCARD\r\nEND:VCARD\r\n"),
        std::string("BEGIN:VCARD\r\nNOTE;QUOTED-PRINTABLE:a=\r\n=\r\n=\r\nEND:VCARD\r\n"),
        std::string("BEGIN:VCARD\r\nPHOTO;BASE64:\r\n\r\nFN:y\r\nEND:VCARD\r\n"), std::string("\xFE\xFF"),
        std::string("\xFF\xFE\x00"), std::string(1000, '\0'),
        std::string(100000, ' ') + "BEGIN:VCARD\nFN:z\nEND:VCARD"}) {
    INFO(input.substr(0, 60));
    check_output(parse_vcard(input));
  }
}

// Bugs the mutation test found, each pinned with the input that showed it.
TEST_CASE("regressions found by mutating the samples", "[vcard]") {
  SECTION("a group name with stray bytes is cleaned the same way by reader and writer") {
    const ParseOutput out = parse_vcard(
        "BEGIN:VCARD\r\nFN:G\r\nI\xEF\xBB\xBFTEM2.URL:https://g.example\r\nitem2.X-ABLabel:Blog\r\nEND:VCARD\r\n");
    REQUIRE(out.records.size() == 1);
    REQUIRE(out.records[0].contact.urls.size() == 1);
    CHECK(out.records[0].contact.urls[0].group == "ITEM2");
    CHECK(out.records[0].contact.urls[0].label == "blog");
    check_output(out);
  }
  SECTION("parameter bytes that are not UTF-8 give UTF-8 labels") {
    const ParseOutput out = parse_vcard("BEGIN:VCARD\r\nFN:P\r\nTEL;TYPE=b\xFCro:1\r\nEND:VCARD\r\n");
    REQUIRE(out.records.size() == 1);
    REQUIRE(out.records[0].contact.phones.size() == 1);
    CHECK(out.records[0].contact.phones[0].label == "b\xC3\xBCro");
    check_output(out);
  }
  SECTION("a line ending in a blank just before a fold keeps the blank") {
    const ParseOutput out =
        parse_vcard("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Tail \r\n Space\r\nNOTE:ends with two\r\n  \r\nEND:VCARD\r\n");
    REQUIRE(out.records.size() == 1);
    CHECK(out.records[0].contact.name == "Tail Space");
    CHECK(out.records[0].contact.notes == "ends with two ");
    check_output(out);
  }
  SECTION("an indented END:VCARD is a continuation, not the end of the card") {
    const ParseOutput out = parse_vcard(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Folded\r\nNOTE:a\r\n END:VCARD\r\nEMAIL:f@example.com\r\nEND:VCARD\r\n");
    REQUIRE(out.records.size() == 1);
    CHECK(out.records[0].contact.notes == "aEND:VCARD");
    CHECK(out.records[0].contact.emails.size() == 1);
    check_output(out);
  }
  SECTION("bare parameters holding commas and Apple labels with blanks give canonical labels") {
    const ParseOutput out = parse_vcard(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:L\r\nTEL;WORK, MAIN:1\r\nitem1.TEL:2\r\nitem1.X-ABLabel:Home "
        ",Office\r\nEND:VCARD\r\n");
    REQUIRE(out.records.size() == 1);
    REQUIRE(out.records[0].contact.phones.size() == 2);
    CHECK(out.records[0].contact.phones[0].label == "work,main");
    CHECK(out.records[0].contact.phones[1].label == "home,office");
    check_output(out);
  }
  SECTION("a date that only looks like YYYY-MM-DD is written as text") {
    const ParseOutput out =
        parse_vcard("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:D\r\nANNIVERSARY:1900-0--03\r\nEND:VCARD\r\n");
    REQUIRE(out.records.size() == 1);
    CHECK(out.records[0].contact.anniversary == "1900-0--03");
    check_output(out);
  }
  SECTION("an AGENT whose value is only BEGIN:VCARD stays inert after export") {
    const ParseOutput out = parse_vcard(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:A\r\nAGENT:\r\n\tBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\nEND:VCARD\r\n");
    REQUIRE(out.records.size() == 1);
    CHECK(out.records[0].contact.name == "A");
    CHECK(out.records[0].contact.extra_properties.front() == "AGENT:\tBEGIN:VCARD\\n");
    check_output(out);
  }
  SECTION("a backslash before a quoted-printable line break keeps the break") {
    const ParseOutput out =
        parse_vcard("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:B\r\nNOTE;QUOTED-PRINTABLE:one\\=0D=0Atwo\r\nEND:VCARD\r\n");
    REQUIRE(out.records.size() == 1);
    CHECK(out.records[0].contact.notes == "one\\\ntwo");
    check_output(out);
  }
  SECTION("a kept quoted-printable line folded after '=' by our writer reads back exactly") {
    const std::string line =
        "X-NOTE;ENCODING=QUOTED-PRINTABLE:" + std::string(41, 'a') + "=0D=0A" + std::string(60, 'b');
    const ParseOutput out = parse_vcard("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Q\r\n" + line + "\r\nEND:VCARD\r\n");
    REQUIRE(out.records.size() == 1);
    CHECK(out.records[0].contact.extra_properties == std::vector<std::string>{line});
    check_output(out);
  }
}
