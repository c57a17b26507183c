// The import pipeline: detection, duplicates and merge rules, idempotence, all-or-nothing,
// dry runs, cancellation, scheduling of what was imported.
#include "test_paths.h"
#include <catch2/catch.hpp>
#include <random>

#include "core/contact_merge.h"
#include "core/import_detect.h"
#include "core/importer.h"
#include "core/rekindle.h"
#include "core/store.h"
#include "tests/test_support.h"

using namespace rekindle::core;

namespace {

const Day kToday = *make_day(2026, 1, 15);

std::string data_file(const std::string& name) { return std::string(REKINDLE_TEST_DATA) + "/" + name; }

std::unique_ptr<Store> memory_store() {
  auto store = Store::open_in_memory();
  REQUIRE(store.ok());
  return std::move(*store);
}

ImportOptions options(bool dry_run = false) {
  ImportOptions o;
  o.today = kToday;
  o.dry_run = dry_run;
  return o;
}

ImportReport import_text(Store& store, const std::string& name, const std::string& bytes, bool dry_run = false) {
  auto report = import_sources(store, {{name, bytes}}, options(dry_run));
  INFO((report.ok() ? std::string() : report.error()));
  REQUIRE(report.ok());
  return *report;
}

std::string dump(Store& store) {
  auto d = store.canonical_dump();
  REQUIRE(d.ok());
  return *d;
}

Contact only_contact_named(Store& store, const std::string& name) {
  auto all = store.contacts();
  REQUIRE(all.ok());
  std::vector<Contact> found;
  for (const auto& c : *all)
    if (c.name == name) found.push_back(c);
  REQUIRE(found.size() == 1);
  return found[0];
}

int64_t add_contact(Store& store, Contact c) {
  auto id = Rekindle(store).add_contact(std::move(c), *parse_iso_day("2026-01-15"));
  REQUIRE(id.ok());
  return *id;
}

const std::string kCsvHeader = "First Name,Last Name,E-mail Address,Mobile Phone,Company,Job Title,Web Page\n";

}  // namespace

TEST_CASE("Import: detection by content, whatever the file is called", "[import]") {
  const std::string linkedin = rekindle::test::read_file(data_file("csv/linkedin_current.csv"));
  CHECK(*detect_import_format(linkedin) == "linkedin");
  CHECK(*detect_import_format(rekindle::test::read_file(data_file("vcard/v40_full.vcf"))) == "vcard");
  CHECK(*detect_import_format(rekindle::test::read_file(data_file("vcard/utf16le_bom.vcf"))) == "vcard");
  CHECK(*detect_import_format("\n\n  begin:vcard\nfn:x\nend:vcard\n") == "vcard");
  auto refused = detect_import_format("%PDF-1.4 binary\x01\x02 stuff");
  REQUIRE_FALSE(refused.ok());
  for (const char* named : {"vCard", "LinkedIn", "Google", "Outlook", "Thunderbird"})
    CHECK(refused.error().find(named) != std::string::npos);
  CHECK_FALSE(detect_import_format("").ok());

  auto store = memory_store();
  const auto report = import_text(*store, "contacts.vcf", linkedin);  // a misleading name
  REQUIRE(report.files.size() == 1);
  CHECK(report.files[0].format == "linkedin");
  CHECK(report.files[0].file == "contacts.vcf");
}

TEST_CASE("Import: LinkedIn rows become dormant contacts connected on the file's date", "[import]") {
  auto store = memory_store();
  auto report = import_files(*store, {data_file("csv/linkedin_current.csv")}, options());
  REQUIRE(report.ok());
  CHECK(report->added == 3);
  CHECK(report->updated == 0);
  CHECK(report->skipped == 1);
  REQUIRE(report->files.size() == 1);
  REQUIRE(report->files[0].skipped.size() == 1);
  CHECK(report->files[0].skipped[0].line == 9);
  CHECK(report->files[0].file == data_file("csv/linkedin_current.csv"));
  const Contact chloe = only_contact_named(*store, "Chloé Martin");
  CHECK(chloe.tier == "dormant");
  CHECK(chloe.connected_on == make_day(2025, 11, 12));
  CHECK(chloe.source == "linkedin");
  CHECK(chloe.company == "Woodward, Inc.");
  REQUIRE(chloe.urls.size() == 1);
  CHECK(chloe.urls[0].label == "linkedin");
  CHECK(report->seconds >= 0.0);
}

TEST_CASE("Import: the same files twice change nothing and report unchanged", "[import]") {
  const std::vector<std::string> files = {
      data_file("csv/linkedin_2018.csv"),  data_file("csv/linkedin_2022.csv"), data_file("csv/linkedin_current.csv"),
      data_file("csv/google_current.csv"), data_file("csv/google_legacy.csv"), data_file("csv/outlook.csv"),
      data_file("csv/thunderbird.csv"),    data_file("vcard/v40_full.vcf"),    data_file("vcard/rekindle_fields.vcf")};
  auto store = memory_store();
  auto first = import_files(*store, files, options());
  REQUIRE(first.ok());
  CHECK(first->added > 10);
  const std::string after_first = dump(*store);
  auto second = import_files(*store, files, options());
  REQUIRE(second.ok());
  CHECK(second->added == 0);
  CHECK(second->updated == 0);
  CHECK(second->duplicates == 0);
  CHECK(second->unchanged == first->added + first->updated + first->unchanged);
  CHECK(second->skipped == first->skipped);
  CHECK(dump(*store) == after_first);
}

TEST_CASE("Import: a match on e-mail merges without overwriting what the user has", "[import]") {
  auto store = memory_store();
  Contact mine;
  mine.name = "Ana G.";
  mine.company = "Acme";
  mine.title = "Boss";
  mine.notes = "Met at the conference.";
  mine.tier = "close";
  mine.emails = {{"ANA@Example.com", "", false, ""}};
  const int64_t id = add_contact(*store, mine);

  const auto report = import_text(*store, "in.csv",
                                  kCsvHeader + "Ana,García,ana@example.com,+1 555 0100 200,Other Co,CTO,\n");
  CHECK(report.updated == 1);
  CHECK(report.added == 0);
  auto merged = store->contact(id);
  REQUIRE(merged.ok());
  REQUIRE(merged->has_value());
  const Contact& c = **merged;
  CHECK(c.name == "Ana G.");
  CHECK(c.company == "Acme");
  CHECK(c.title == "Boss");
  CHECK(c.tier == "close");
  CHECK(c.given_name == "Ana");        // empty before: filled
  CHECK(c.family_name == "García");
  CHECK(c.emails.size() == 1);         // same address in another case is no new address
  REQUIRE(c.phones.size() == 1);
  CHECK(c.phones[0].value == "+1 555 0100 200");
  CHECK(c.notes == "Met at the conference.");
}

TEST_CASE("Import: phones and profile URLs match after normalisation", "[import]") {
  CHECK(phone_key("+44 (20) 7946-0000") == phone_key("0044 20 7946 0000"));
  CHECK(phone_key("12-34").empty());
  CHECK(profile_url_key("https://www.linkedin.com/in/Chlo%C3%A9-Martin/") ==
        profile_url_key("http://uk.linkedin.com/in/chloé-martin?trk=abc"));
  CHECK(profile_url_key("https://acme.example/").empty());
  CHECK(profile_url_key("https://acme.example/team/jo") != profile_url_key("https://acme.example/team/al"));

  auto store = memory_store();
  Contact by_phone;
  by_phone.name = "Phone Person";
  by_phone.phones = {{"+44 20 7946 0000", "", false, ""}};
  const int64_t phone_id = add_contact(*store, by_phone);
  Contact by_url;
  by_url.name = "Url Person";
  by_url.urls = {{"https://www.linkedin.com/in/Chlo%C3%A9-Martin/", "linkedin", false, ""}};
  const int64_t url_id = add_contact(*store, by_url);

  const auto report = import_text(*store, "in.csv",
                                  kCsvHeader + "P,Q,,0044 (20) 7946-0000,,,\n" +
                                      "U,V,,,,,http://linkedin.com/in/chloé-martin\n");
  CHECK(report.updated == 2);
  CHECK(report.added == 0);
  CHECK((*store->contact(phone_id))->given_name == "P");
  CHECK((*store->contact(url_id))->given_name == "U");
}

TEST_CASE("Import: name + company is the last resort, and never beats conflicting e-mails", "[import]") {
  auto store = memory_store();
  Contact kim;
  kim.name = "Kim Park";
  kim.company = "K Co";
  kim.emails = {{"kim@k.example", "", false, ""}};
  add_contact(*store, kim);
  const auto report = import_text(*store, "in.csv",
                                  kCsvHeader + "Kim,Park,,+82 2 1234 5678,K Co,Designer,\n" +  // no e-mail: same person
                                      "Kim,Park,other.kim@elsewhere.example,,K Co,,\n");     // another Kim
  CHECK(report.updated == 1);
  CHECK(report.added == 1);
  auto all = store->contacts();
  REQUIRE(all->size() == 2);
}

TEST_CASE("Import: duplicates within one file are merged into one contact", "[import]") {
  auto store = memory_store();
  const std::string file = kCsvHeader + "Lee,Chen,lee@x.example,,L Co,,\n" +
                           "Lee,Chen,LEE@x.example,+1 555 0100 999,,Head,\n" + "Max,Moe,max@x.example,,,,\n" +
                           "Max,Moe,max@x.example,,,,\n";
  const auto report = import_text(*store, "in.csv", file);
  CHECK(report.added == 2);
  CHECK(report.updated == 1);    // the second Lee brought a phone and a title
  CHECK(report.unchanged == 1);  // the second Max brought nothing
  CHECK(report.duplicates == 2);
  const Contact lee = only_contact_named(*store, "Lee Chen");
  CHECK(lee.company == "L Co");
  CHECK(lee.title == "Head");
  CHECK(lee.phones.size() == 1);
  CHECK(lee.emails.size() == 1);
  const std::string before = dump(*store);
  const auto again = import_text(*store, "in.csv", file);
  CHECK(again.unchanged == 4);
  CHECK(again.duplicates == 0);
  CHECK(dump(*store) == before);
}

TEST_CASE("Import: a dry run reports the same and stores nothing", "[import]") {
  auto store = memory_store();
  const std::string before = dump(*store);
  const std::string bytes = rekindle::test::read_file(data_file("csv/google_current.csv"));
  const auto dry = import_text(*store, "g.csv", bytes, true);
  CHECK(dry.dry_run);
  CHECK(dump(*store) == before);
  const auto real = import_text(*store, "g.csv", bytes);
  CHECK(dry.added == real.added);
  CHECK(dry.skipped == real.skipped);
  CHECK(real.added == 2);
  CHECK(dump(*store) != before);
}

TEST_CASE("Import: all or nothing when a file fails, is missing, or the user cancels", "[import]") {
  auto store = memory_store();
  import_text(*store, "seed.csv", kCsvHeader + "Seed,One,seed@x.example,,,,\n");
  const std::string before = dump(*store);
  const std::string good = rekindle::test::read_file(data_file("csv/linkedin_current.csv"));

  auto bad = import_sources(*store, {{"good.csv", good}, {"notes.txt", "just some text\nnothing else\n"}}, options());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().find("notes.txt") == 0);
  CHECK(dump(*store) == before);

  auto missing = import_files(*store, {data_file("csv/linkedin_current.csv"), "/nonexistent/x.csv"}, options());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().find("/nonexistent/x.csv") != std::string::npos);
  CHECK(dump(*store) == before);

  // Cancel once storing is under way (past the parse share of the progress).
  std::string many = kCsvHeader;
  for (int i = 0; i < 300; ++i) many += "N" + std::to_string(i) + ",M,n" + std::to_string(i) + "@x.example,,,,\n";
  ImportOptions cancel = options();
  size_t last = 0;
  cancel.progress = [&](size_t done, size_t total) {
    CHECK(total == kImportProgressTotal);
    CHECK(done >= last);
    last = done;
    return done < 700;
  };
  auto cancelled = import_sources(*store, {{"many.csv", many}}, cancel);
  REQUIRE_FALSE(cancelled.ok());
  CHECK(cancelled.error().find("cancelled") != std::string::npos);
  CHECK(last >= 700);
  CHECK(dump(*store) == before);

  // The same import, not cancelled, moves steadily while parsing and reaches 100 %.
  ImportOptions watched = options();
  std::vector<size_t> seen;
  watched.progress = [&](size_t done, size_t) {
    seen.push_back(done);
    return true;
  };
  auto whole = import_sources(*store, {{"many.csv", many}}, watched);
  REQUIRE(whole.ok());
  CHECK(whole->added == 300);
  REQUIRE_FALSE(seen.empty());
  CHECK(seen.back() == kImportProgressTotal);
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  CHECK(std::any_of(seen.begin(), seen.end(), [](size_t d) {
    return d > kImportProgressTotal / 10 && d < kImportProgressTotal * 4 / 10;
  }));
}

TEST_CASE("Import: our own vCard export brings history, goals and schedule back", "[import]") {
  auto store = memory_store();
  auto report = import_files(*store, {data_file("vcard/rekindle_fields.vcf")}, options());
  REQUIRE(report.ok());
  CHECK(report->added == 1);
  const Contact c = only_contact_named(*store, "Rekindled Friend");
  CHECK(c.tier == "close");
  CHECK(c.due == make_day(2024, 6, 1));  // carried by the file: kept, not recomputed
  auto xs = store->interactions(c.id);
  REQUIRE(xs.ok());
  CHECK(xs->size() == 2);
  auto links = store->goal_links(c.id);
  REQUIRE(links.ok());
  REQUIRE(links->size() == 1);
  CHECK(links->at(0).relevance == "high");
  auto goals = store->goals(true);
  REQUIRE(goals->size() == 1);
  CHECK(goals->at(0).text == "Move into product management");
}

TEST_CASE("Import: contacts with a tier but no due day are scheduled from their history", "[import]") {
  auto store = memory_store();
  const std::string card =
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Sched Uled\r\nEMAIL:s@x.example\r\nX-REKINDLE-TIER:regular\r\n"
      "X-REKINDLE-INTERACTION:2025-12-01;email;give;3;hello\r\nEND:VCARD\r\n";
  import_text(*store, "s.vcf", card);
  const Contact c = only_contact_named(*store, "Sched Uled");
  REQUIRE(c.due.has_value());
  CHECK(*c.due > *make_day(2025, 12, 1));
  // LinkedIn connections land in the dormant pool with no due day.
  import_text(*store, "l.csv", rekindle::test::read_file(data_file("csv/linkedin_2022.csv")));
  const Contact ana = only_contact_named(*store, "Ana García");
  CHECK(ana.tier == "dormant");
  CHECK_FALSE(ana.due.has_value());
}

TEST_CASE("Import: merge_contact fills, appends and reports change exactly", "[import]") {
  Contact into;
  into.name = "A";
  into.title = "Keep";
  into.tags = {"Friends"};
  into.notes = "one";
  into.emails = {{"a@x.example", "", false, ""}};
  Contact from;
  from.name = "B";
  from.title = "Other";
  from.company = "New Co";
  from.tags = {"friends", "Work"};
  from.notes = "two";
  from.emails = {{"A@X.example", "work", true, ""}};
  CHECK(merge_contact(into, from));
  CHECK(into.name == "A");
  CHECK(into.title == "Keep");
  CHECK(into.company == "New Co");
  CHECK(into.tags == std::vector<std::string>{"Friends", "Work"});
  CHECK(into.notes == "one\n\ntwo");
  REQUIRE(into.emails.size() == 1);
  CHECK(into.emails[0].label == "work");
  CHECK_FALSE(merge_contact(into, from));  // a second time adds nothing
}

TEST_CASE("Import: mangled files import cleanly or are refused whole", "[import]") {
  std::mt19937 random(7);
  const char kNasty[] = {'"', ',', '\n', ';', ':', '\\', '=', '\xFF', ' '};
  auto store = memory_store();
  for (const char* name : {"csv/linkedin_2018.csv", "csv/google_legacy.csv", "vcard/rekindle_fields.vcf",
                           "vcard/v40_full.vcf", "vcard/v21_quoted_printable.vcf"}) {
    const std::string original = rekindle::test::read_file(data_file(name));
    for (int round = 0; round < 40; ++round) {
      std::string bytes = original;
      for (int e = 0; e < 4 && !bytes.empty(); ++e) {
        const size_t at = random() % bytes.size();
        if (random() % 2) bytes[at] = kNasty[random() % sizeof kNasty];
        else bytes.erase(at, 1 + random() % 20);
      }
      INFO(name << " round " << round);
      const std::string before = dump(*store);
      auto report = import_sources(*store, {{name, bytes}}, options());
      if (!report.ok()) {
        CHECK(dump(*store) == before);
        continue;
      }
      // Whatever was stored can be imported again without change.
      const std::string stored = dump(*store);
      auto again = import_sources(*store, {{name, bytes}}, options());
      REQUIRE(again.ok());
      CHECK(again->added == 0);
      CHECK(again->updated == 0);
      CHECK(dump(*store) == stored);
    }
  }
}

TEST_CASE("a newer LinkedIn export with another position records a job change and keeps the old one", "[import][job-change]") {
  auto store = memory_store();
  const std::string header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  const std::string url = "https://www.linkedin.com/in/katherine-j";
  import_text(*store, "Connections.csv", header + "Katherine,Johnson," + url + ",,NASA,Engineer,12 Nov 2019\n");
  auto none = store->latest_job_change(1);
  REQUIRE(none.ok());
  CHECK_FALSE(*none);  // a first import is no change

  // The same file again: nothing changes, nothing is recorded.
  auto same = import_text(*store, "Connections.csv", header + "Katherine,Johnson," + url + ",,NASA,Engineer,12 Nov 2019\n");
  CHECK(same.files.at(0).unchanged == 1);
  CHECK_FALSE(*store->latest_job_change(1));

  // A later export: she is now a mathematician. The contact takes the new title; the change is
  // recorded with the old title, so nothing is lost and a draft may congratulate her.
  auto later = import_text(*store, "Connections.csv", header + "Katherine,Johnson," + url + ",,NASA,Mathematician,12 Nov 2019\n");
  CHECK(later.files.at(0).updated == 1);
  auto stored = store->contact(1);
  REQUIRE(stored.ok());
  REQUIRE(*stored);
  CHECK((*stored)->title == "Mathematician");
  auto change = store->latest_job_change(1);
  REQUIRE(change.ok());
  REQUIRE(*change);
  CHECK((*change)->old_title == "Engineer");
  CHECK((*change)->new_title == "Mathematician");
  CHECK((*change)->day == kToday);

  // A vCard with another title is not a position report: it only fills empty fields.
  import_text(*store, "k.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Katherine Johnson\r\nTITLE:Astronaut\r\n"
                              "URL:" + url + "\r\nEND:VCARD\r\n");
  CHECK((*store->contact(1))->title == "Mathematician");
}

TEST_CASE("an older LinkedIn export imported after a newer one records no job change back", "[import][job-change]") {
  auto store = memory_store();
  const std::string header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  const std::string katherine = "Katherine,Johnson,https://www.linkedin.com/in/katherine-j,,NASA,";
  const std::string dorothy = "Dorothy,Vaughan,https://www.linkedin.com/in/dorothy-v,,NASA,Supervisor,";
  // The newer export: she is a mathematician now, and a connection made in 2024 dates it.
  import_text(*store, "new.csv", header + katherine + "Mathematician,12 Nov 2019\n" + dorothy + "03 Mar 2024\n");
  // The older export, from before the 2024 connection: still "Engineer".
  auto older = import_text(*store, "old.csv", header + katherine + "Engineer,12 Nov 2019\n");
  CHECK((*store->contact(1))->title == "Mathematician");
  auto change = store->latest_job_change(1);
  REQUIRE(change.ok());
  CHECK_FALSE(*change);
  REQUIRE(older.files.at(0).notes.size() == 1);
  CHECK_THAT(older.files.at(0).notes[0].text, Catch::Contains("older than one imported before"));
  CHECK(older.files.at(0).unchanged == 1);
}
