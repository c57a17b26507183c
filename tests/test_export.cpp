// Exports: the vCard round trip of every sample, CSV and JSON content, ICS validity, atomic
// writes, and the import/export commands run as a process.
#include "test_paths.h"
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "core/csv_reader.h"
#include "core/exporter.h"
#include "core/importer.h"
#include "core/review_session.h"
#include "core/store.h"
#include "tests/test_support.h"

using namespace rekindle::core;
using nlohmann::json;
using rekindle::test::run_rekindle;
using rekindle::test::TempDir;

namespace {

const Day kToday = *make_day(2026, 1, 15);

std::unique_ptr<Store> memory_store() {
  auto store = Store::open_in_memory();
  REQUIRE(store.ok());
  return std::move(*store);
}

void import_into(Store& store, const std::string& name, const std::string& bytes) {
  ImportOptions o;
  o.today = kToday;
  auto report = import_sources(store, {{name, bytes}}, o);
  INFO(name << ": " << (report.ok() ? "" : report.error()));
  REQUIRE(report.ok());
}

std::string exported(Store& store, const char* format) {
  auto out = export_contacts(store, format, kToday);
  REQUIRE(out.ok());
  return *out;
}

std::vector<std::string> sample_files() {
  std::vector<std::string> files;
  for (const char* folder : {"/csv", "/vcard"})
    for (const auto& entry : std::filesystem::directory_iterator(std::string(REKINDLE_TEST_DATA) + folder)) {
      const std::string ext = entry.path().extension().string();
      if (ext == ".csv" || ext == ".vcf") files.push_back(entry.path().string());
    }
  std::sort(files.begin(), files.end());
  return files;
}

// Physical lines of a CRLF text; fails on a bare LF or CR.
std::vector<std::string> crlf_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    const size_t crlf = text.find("\r\n", start);
    REQUIRE(crlf != std::string::npos);
    std::string line = text.substr(start, crlf - start);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find('\r') == std::string::npos);
    lines.push_back(line);
    start = crlf + 2;
  }
  return lines;
}

// A store with follow-ups planned, one archived, one with a long and awkward name.
std::unique_ptr<Store> store_with_followups() {
  auto store = memory_store();
  REQUIRE(store->transaction([&]() -> Status {
                 for (int i = 0; i < 3; ++i) {
                   Contact c;
                   c.name = i == 1 ? "Zoë Ångström-Łukasiewicz, PhD; the very longest name in the whole address book"
                                   : "Person " + std::to_string(i);
                   c.company = "Co, Ltd";
                   c.tier = "regular";
                   c.due = kToday + i;
                   c.archived = i == 2;
                   auto id = store->insert_contact(c);
                   if (!id) return make_error(id.error());
                 }
                 return Status::success();
               })
              .ok());
  return store;
}

}  // namespace

TEST_CASE("Export: import -> vCard -> import into an empty database -> vCard gives the same bytes", "[export]") {
  const auto files = sample_files();
  REQUIRE(files.size() >= 10);
  for (const std::string& file : files) {
    INFO(file);
    auto first = memory_store();
    import_into(*first, file, rekindle::test::read_file(file));
    const std::string vcard1 = exported(*first, "vcard");
    auto second = memory_store();
    import_into(*second, "export.vcf", vcard1);
    CHECK(exported(*second, "vcard") == vcard1);
    CHECK(json::parse(exported(*second, "json")) == json::parse(exported(*first, "json")));
    CHECK(exported(*second, "csv") == exported(*first, "csv"));
  }
}

TEST_CASE("Export: all samples at once survive the round trip with their history", "[export]") {
  auto first = memory_store();
  for (const std::string& file : sample_files()) import_into(*first, file, rekindle::test::read_file(file));
  const std::string vcard1 = exported(*first, "vcard");
  auto second = memory_store();
  import_into(*second, "export.vcf", vcard1);
  CHECK(exported(*second, "vcard") == vcard1);
  const json a = json::parse(exported(*first, "json"));
  const json b = json::parse(exported(*second, "json"));
  CHECK(a == b);
  CHECK(a["contacts"].size() == static_cast<size_t>(*first->contact_count()));
  // Exporting the imported export again into the same database changes nothing.
  const std::string before = *second->canonical_dump();
  import_into(*second, "export.vcf", vcard1);
  CHECK(*second->canonical_dump() == before);
}

TEST_CASE("Export: review decisions travel through a vCard export into another database", "[export]") {
  const std::string people =
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Byron\r\nEMAIL:ada@analytical.org\r\nX-REKINDLE-TIER:close\r\n"
      "X-REKINDLE-DUE:2026-01-15\r\nEND:VCARD\r\n"
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Grace Hopper\r\nEMAIL:grace@navy.mil\r\nX-REKINDLE-TIER:close\r\n"
      "X-REKINDLE-DUE:2026-01-15\r\nEND:VCARD\r\n";
  auto first = memory_store();
  import_into(*first, "people.vcf", people);
  auto deck = todays_deck(*first, kToday, 10);
  REQUIRE(deck.ok());
  REQUIRE(deck->size() == 2);
  const Card ada = deck->at(0).name == "Ada Byron" ? deck->at(0) : deck->at(1);
  REQUIRE(apply_decision(*first, ada, Direction::up, 7, kToday).ok());
  const std::string vcard = exported(*first, "vcard");
  CHECK_THAT(vcard, Catch::Contains("\r\nX-REKINDLE-DECISION:2026-01-15;up;due\r\n"));

  // Another database that decided Grace today already: it gets Ada's decision, keeps its own
  // for Grace, and is not dealt Ada again.
  auto second = memory_store();
  import_into(*second, "people.vcf", people);
  auto deck2 = todays_deck(*second, kToday, 10);
  REQUIRE(deck2.ok());
  const Card grace = deck2->at(0).name == "Grace Hopper" ? deck2->at(0) : deck2->at(1);
  REQUIRE(apply_decision(*second, grace, Direction::skip, 7, kToday).ok());
  auto other = memory_store();
  import_into(*other, "people.vcf", people);
  auto deck3 = todays_deck(*other, kToday, 10);
  const Card grace_there = deck3->at(0).name == "Grace Hopper" ? deck3->at(0) : deck3->at(1);
  REQUIRE(apply_decision(*other, grace_there, Direction::down, 7, kToday).ok());
  import_into(*second, "grace.vcf", exported(*other, "vcard"));  // Grace archived elsewhere: one decision stays
  import_into(*second, "export.vcf", vcard);
  import_into(*second, "export.vcf", vcard);  // twice: nothing doubled
  auto counts = second->decision_counts(kToday);
  REQUIRE(counts.ok());
  CHECK((*counts)[static_cast<size_t>(Direction::up)] == 1);
  CHECK((*counts)[static_cast<size_t>(Direction::skip)] == 1);
  CHECK((*counts)[static_cast<size_t>(Direction::down)] == 0);
  auto after = todays_deck(*second, kToday, 10);
  REQUIRE(after.ok());
  CHECK(after->empty());
  // Re-importing the export into the database it came from changes nothing.
  const std::string before = *first->canonical_dump();
  import_into(*first, "export.vcf", vcard);
  CHECK(*first->canonical_dump() == before);
}

TEST_CASE("Export: a card with a malformed X-REKINDLE-DECISION is imported with its good decisions", "[export]") {
  auto store = memory_store();
  import_into(*store, "bad.vcf",
              "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Byron\r\nEMAIL:ada@analytical.org\r\n"
              "X-REKINDLE-DECISION:2026-01-15;sideways;due\r\nX-REKINDLE-DECISION:2026-01-14;left;due\r\n"
              "END:VCARD\r\n");
  auto all = store->contacts();
  REQUIRE(all.ok());
  REQUIRE(all->size() == 1);
  CHECK(all->front().emails.front().value == "ada@analytical.org");
  CHECK(all->front().extra_properties == std::vector<std::string>{"X-REKINDLE-DECISION:2026-01-15;sideways;due"});
  CHECK(store->decisions_on_day(kToday)->empty());
  auto yesterday = store->decision_counts(kToday - 1);
  CHECK((*yesterday)[static_cast<size_t>(Direction::left)] == 1);
  // The bad line goes out again as it came: nothing lost.
  CHECK_THAT(exported(*store, "vcard"), Catch::Contains("\r\nX-REKINDLE-DECISION:2026-01-15;sideways;due\r\n"));
}

TEST_CASE("Export: CSV is RFC 4180 with the documented header, one row per contact", "[export]") {
  auto store = memory_store();
  import_into(*store, "g.csv", rekindle::test::read_file(std::string(REKINDLE_TEST_DATA) + "/csv/google_current.csv"));
  const std::string csv = exported(*store, "csv");
  const auto records = read_csv(csv);
  REQUIRE(records.size() == 3);
  const std::vector<std::string> header(std::begin(kCsvExportColumns), std::end(kCsvExportColumns));
  CHECK(records[0].fields == header);
  std::map<std::string, std::string> grace;
  for (size_t i = 0; i < header.size(); ++i) grace[header[i]] = records[1].fields.at(i);
  CHECK(grace["name"] == "Grace Brewster Hopper");
  CHECK(grace["notes"] == "Wrote the first compiler.\nLoves clocks.");
  CHECK(grace["emails"] == "grace@navy.example ::: grace.h@example.com ::: gh@example.org");
  CHECK(grace["addresses"] == "1 Navy Way, Arlington, VA, 22202, USA");
  CHECK(grace["tags"] == "myContacts ::: Mentors ::: Navy");
  CHECK(grace["tier"] == "dormant");
  CHECK(grace["source"] == "google");
}

TEST_CASE("Export: JSON carries every field, interactions, goals and the photo", "[export]") {
  auto store = memory_store();
  import_into(*store, "r.vcf", rekindle::test::read_file(std::string(REKINDLE_TEST_DATA) + "/vcard/rekindle_fields.vcf"));
  import_into(*store, "p.vcf", rekindle::test::read_file(std::string(REKINDLE_TEST_DATA) + "/vcard/photos.vcf"));
  const json doc = json::parse(exported(*store, "json"));
  CHECK(doc["format"] == "rekindle");
  CHECK(doc["exported_on"] == "2026-01-15");
  REQUIRE(doc["goals"].size() == 1);
  CHECK(doc["goals"][0]["text"] == "Move into product management");
  const json* friend_ = nullptr;
  bool photo_seen = false;
  for (const auto& c : doc["contacts"]) {
    if (c["name"] == "Rekindled Friend") friend_ = &c;
    if (c.contains("photo")) photo_seen = !c["photo"]["base64"].get<std::string>().empty();
  }
  REQUIRE(friend_ != nullptr);
  CHECK((*friend_)["tier"] == "close");
  CHECK((*friend_)["cadence_days"] == 21);
  CHECK((*friend_)["connected_on"] == "2018-01-08");
  CHECK((*friend_)["interactions"].size() == 2);
  CHECK((*friend_)["goals"].size() == 1);
  CHECK(photo_seen);
}

TEST_CASE("Export: ICS is valid RFC 5545 with folded lines and stable unique UIDs", "[export]") {
  auto store = store_with_followups();
  const std::string ics = exported(*store, "ics");
  const auto lines = crlf_lines(ics);
  int depth = 0, events = 0;
  std::set<std::string> uids;
  std::string unfolded_summary;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    CHECK(line.size() <= 75);
    if (line.starts_with("BEGIN:")) ++depth;
    if (line.starts_with("END:")) --depth;
    CHECK(depth >= 0);
    if (line == "BEGIN:VEVENT") ++events;
    if (line.starts_with("UID:")) CHECK(uids.insert(line).second);
    if (line.starts_with("SUMMARY:")) {
      std::string s = line;
      for (size_t j = i + 1; j < lines.size() && lines[j].starts_with(" "); ++j) s += lines[j].substr(1);
      if (s.find("Zo") != std::string::npos) unfolded_summary = s;
    }
  }
  CHECK(depth == 0);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(std::find(lines.begin(), lines.end(), "VERSION:2.0") != lines.end());
  CHECK(events == 2);  // the archived contact has no follow-up
  CHECK(uids.size() == 2);
  CHECK(unfolded_summary ==
        "SUMMARY:Reach out to Zoë Ångström-Łukasiewicz\\, PhD\\; the very longest name in the whole address book");
  CHECK(ics.find("DTSTART;VALUE=DATE:20260116") != std::string::npos);

  // Moving a follow-up keeps its UID, so a subscribed calendar moves the event.
  auto contacts = store->contacts();
  Contact moved = contacts->front();
  moved.due = kToday + 30;
  REQUIRE(store->transaction([&] { return store->update_contact(moved); }).ok());
  const std::string again = exported(*store, "ics");
  for (const auto& uid : uids) CHECK(again.find(uid + "\r\n") != std::string::npos);
  CHECK(again != ics);
}

TEST_CASE("Export: -o writes atomically and replaces the old file", "[export]") {
  TempDir dir;
  const std::string path = dir.file("out.vcf");
  rekindle::test::write_file(path, "old content");
  REQUIRE(write_file_atomically(path, "new content").ok());
  CHECK(rekindle::test::read_file(path) == "new content");
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 1);  // no temporary file left behind
  auto refused = write_file_atomically(dir.file("missing/folder/out.vcf"), "x");
  CHECK_FALSE(refused.ok());
}

TEST_CASE("CLI import --json has the contract's shape; twice is unchanged", "[import][cli]") {
  TempDir dir;
  const std::string db = dir.file("r.db");
  const std::string file = std::string(REKINDLE_TEST_DATA) + "/csv/linkedin_current.csv";
  auto first = run_rekindle({"--db", db, "import", "--json", file});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  const json a = json::parse(first.out);
  REQUIRE(a["files"].size() == 1);
  const json& f = a["files"][0];
  CHECK(f["file"] == file);
  CHECK(f["format"] == "linkedin");
  CHECK(f["added"] == 3);
  CHECK(f["updated"] == 0);
  CHECK(f["unchanged"] == 0);
  REQUIRE(f["skipped"].is_array());
  REQUIRE(f["skipped"].size() == 1);
  CHECK(f["skipped"][0]["line"] == 9);
  CHECK(f["skipped"][0]["reason"].is_string());
  CHECK(a["added"] == 3);
  CHECK(a["skipped"] == 1);  // a count at the top level
  CHECK(a["seconds"].is_number());

  const json b = json::parse(run_rekindle({"--db", db, "import", "--json", file}).out);
  CHECK(b["added"] == 0);
  CHECK(b["unchanged"] == 3);

  auto listed = run_rekindle({"--db", db, "contacts", "--json"});
  REQUIRE(listed.exit_code == 0);
  CHECK(json::parse(listed.out).size() == 3);
}

TEST_CASE("CLI import refuses missing and foreign files, storing nothing; dry run stores nothing", "[import][cli]") {
  TempDir dir;
  const std::string db = dir.file("r.db");
  const std::string good = std::string(REKINDLE_TEST_DATA) + "/csv/outlook.csv";
  auto missing = run_rekindle({"--db", db, "import", good, dir.file("nope.csv")});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::StartsWith("error: ") && Catch::Contains("nope.csv"));
  CHECK_FALSE(std::filesystem::exists(db));

  const std::string foreign = dir.file("notes.txt");
  rekindle::test::write_file(foreign, "Shopping list\neggs\nmilk\n");
  auto refused = run_rekindle({"--db", db, "import", good, foreign});
  CHECK(refused.exit_code == 1);
  CHECK_THAT(refused.err, Catch::Contains("notes.txt") && Catch::Contains("vCard") && Catch::Contains("LinkedIn"));

  auto dry = run_rekindle({"--db", db, "import", "--dry-run", "--json", good});
  REQUIRE(dry.exit_code == 0);
  CHECK(json::parse(dry.out)["added"] == 2);
  auto listed = run_rekindle({"--db", db, "contacts", "--json"});
  CHECK(json::parse(listed.out).empty());

  auto forced = run_rekindle({"--db", db, "import", "--format", "vcard", good});
  CHECK(forced.exit_code == 1);
  CHECK_THAT(forced.err, Catch::StartsWith("error: "));
}

TEST_CASE("CLI export writes each format to stdout or atomically to -o", "[export][cli]") {
  TempDir dir;
  const std::string db = dir.file("r.db");
  REQUIRE(run_rekindle({"--db", db, "import", std::string(REKINDLE_TEST_DATA) + "/vcard/rekindle_fields.vcf"})
              .exit_code == 0);
  auto vcard = run_rekindle({"--db", db, "export", "--format", "vcard"});
  REQUIRE(vcard.exit_code == 0);
  CHECK_THAT(vcard.out, Catch::StartsWith("BEGIN:VCARD\r\n") && Catch::Contains("FN:Rekindled Friend"));
  auto ics = run_rekindle({"--db", db, "export", "--format", "ics", "-o", dir.file("f.ics")});
  REQUIRE(ics.exit_code == 0);
  CHECK(ics.out.empty());
  CHECK_THAT(rekindle::test::read_file(dir.file("f.ics")), Catch::Contains("BEGIN:VEVENT\r\n"));
  auto js = run_rekindle({"--db", db, "export", "--format", "json"});
  REQUIRE(js.exit_code == 0);
  CHECK(json::parse(js.out)["contacts"].size() == 1);
  CHECK(run_rekindle({"--db", db, "export", "--format", "pdf"}).exit_code != 0);
}

TEST_CASE("Export: the CSV export reads back with names, lists, notes and dates intact", "[export][csv]") {
  auto first = memory_store();
  for (const char* name : {"/csv/google_current.csv", "/csv/outlook.csv", "/csv/linkedin_current.csv"})
    import_into(*first, name, rekindle::test::read_file(std::string(REKINDLE_TEST_DATA) + name));
  const std::string csv = exported(*first, "csv");
  auto second = memory_store();
  ImportOptions o;
  o.today = kToday;
  auto report = import_sources(*second, {{"export.csv", csv}}, o);
  REQUIRE(report.ok());
  CHECK(report->files[0].format == "csv");
  CHECK(report->added == *first->contact_count());
  auto a = first->contacts();
  auto b = second->contacts();
  REQUIRE(a->size() == b->size());
  auto values = [](const std::vector<LabeledValue>& list) {
    std::vector<std::string> out;
    for (const auto& v : list) out.push_back(v.value);
    return out;
  };
  for (size_t i = 0; i < a->size(); ++i) {
    const Contact& x = (*a)[i];
    const Contact& y = (*b)[i];
    INFO(x.name);
    CHECK(y.name == x.name);
    CHECK(y.given_name == x.given_name);
    CHECK(y.family_name == x.family_name);
    CHECK(y.company == x.company);
    CHECK(y.title == x.title);
    CHECK(y.notes == x.notes);
    CHECK(y.birthday == x.birthday);
    CHECK(y.connected_on == x.connected_on);
    CHECK(y.tags == x.tags);
    CHECK(values(y.emails) == values(x.emails));
    CHECK(values(y.phones) == values(x.phones));
    CHECK(values(y.urls) == values(x.urls));
    CHECK(values(y.addresses) == values(x.addresses));
  }
}
