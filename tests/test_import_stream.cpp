// Import of files read as streams (issue 13) and refused inputs (issue 14 item 3): pieces of
// whole records with exact line numbers, only regular files, line and record limits, merges
// that write only what changed and never accumulate duplicates.
#include "test_paths.h"
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "core/contact_merge.h"
#include "core/csv_contacts.h"
#include "core/import_stream.h"
#include "core/importer.h"
#include "core/store.h"
#include "core/vcard_reader.h"
#include "tests/test_support.h"

using namespace rekindle::core;

namespace {

const Day kToday = *make_day(2026, 1, 15);

std::unique_ptr<Store> memory_store() {
  auto store = Store::open_in_memory();
  REQUIRE(store.ok());
  return std::move(*store);
}

ImportOptions options() {
  ImportOptions o;
  o.today = kToday;
  return o;
}

std::string dump(Store& store) {
  auto d = store.canonical_dump();
  REQUIRE(d.ok());
  return *d;
}

const std::string kLinkedInHeader =
    "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

// A LinkedIn file of n rows, some with a quoted multi-line company, some unusable (too many
// fields), so that line numbers after a piece boundary can be checked.
std::string linkedin_rows(int n) {
  std::string out = kLinkedInHeader;
  for (int i = 0; i < n; ++i) {
    const std::string id = std::to_string(i);
    if (i % 997 == 500) {
      out += "Bad,Row,x,y,z,w,v,extra," + id + "\n";
      continue;
    }
    const std::string company = i % 7 == 0 ? "\"Acme, \"\"Two\"\"\nLines " + id + "\"" : "Firm " + id;
    out += "Given" + id + ",Family,https://www.linkedin.com/in/p" + id + "," + (i % 3 ? "" : "p" + id + "@x.example") +
           "," + company + ",Engineer,12 Nov 2025\r\n";
  }
  return out;
}

std::string vcards(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    const std::string id = std::to_string(i);
    if (i % 1000 == 333) {
      out += "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nothing that names anyone\r\nEND:VCARD\r\n";
      continue;
    }
    out += "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person " + id + "\r\nEMAIL:p" + id +
           "@x.example\r\nNOTE:a note long enough to be folded at seventy-five octets as vCard files\r\n  do, "
           "number " + id + "\r\nEND:VCARD\r\n";
  }
  return out;
}

}  // namespace

TEST_CASE("a record stream cuts files into pieces of whole records with their first lines", "[import][stream]") {
  const std::string cards = vcards(24000);  // several MiB: several pieces
  REQUIRE(cards.size() > 3 * kImportPieceBytes);
  for (const bool from_file : {false, true}) {
    rekindle::test::TempDir dir;
    const std::string path = dir.file("cards.vcf");
    rekindle::test::write_file(path, cards);
    std::unique_ptr<RecordStream> stream;
    if (from_file) {
      auto opened = RecordStream::open_file(path);
      REQUIRE(opened.ok());
      stream = std::move(*opened);
    } else {
      stream = RecordStream::over_text("cards.vcf", cards);
    }
    stream->set_syntax(RecordSyntax::kVcard);
    std::string joined;
    int pieces = 0;
    RecordStream::Piece piece;
    for (;;) {
      auto more = stream->next(piece);
      REQUIRE(more.ok());
      if (!*more) break;
      ++pieces;
      // Each piece starts a card, at the line the whole file says.
      CHECK(piece.text.starts_with("BEGIN:VCARD"));
      const int line = 1 + static_cast<int>(std::count(joined.begin(), joined.end(), '\n'));
      CHECK(piece.first_line == line);
      CHECK(piece.text.size() < kImportPieceBytes + 4096);
      joined += piece.text;
    }
    CHECK(pieces > 3);
    CHECK(joined == cards);
    CHECK(stream->bytes_done() == cards.size());
  }
}

TEST_CASE("a CSV stream never cuts inside a quoted field", "[import][stream]") {
  const std::string csv = linkedin_rows(60000);
  REQUIRE(csv.size() > 3 * kImportPieceBytes);
  auto stream = RecordStream::over_text("c.csv", csv);
  stream->set_syntax(RecordSyntax::kCsv, ',');
  RecordStream::Piece piece;
  std::string joined;
  int pieces = 0;
  for (;;) {
    auto more = stream->next(piece);
    REQUIRE(more.ok());
    if (!*more) break;
    if (pieces++ > 0) {
      // A piece after the first starts a row: the first field is a given name.
      CHECK((piece.text.starts_with("Given") || piece.text.starts_with("Bad,Row")));
    }
    joined += piece.text;
  }
  CHECK(pieces > 3);
  CHECK(joined == csv);
}

TEST_CASE("a streamed import reports what an import of the same bytes in memory does, line for line",
          "[import][stream]") {
  for (const std::string name : {"Connections.csv", "cards.vcf"}) {
    // Over a MiB: two pieces or more, so that lines after a cut are checked.
    const std::string bytes = name == "cards.vcf" ? vcards(8000) : linkedin_rows(16000);
    REQUIRE(bytes.size() > kImportPieceBytes + kImportPieceBytes / 4);
    rekindle::test::TempDir dir;
    const std::string path = dir.file(name);
    rekindle::test::write_file(path, bytes);
    auto streamed_store = memory_store();
    auto streamed = import_files(*streamed_store, {path}, options());
    REQUIRE(streamed.ok());
    auto memory_store_ = memory_store();
    auto whole = import_sources(*memory_store_, {{path, bytes}}, options());
    REQUIRE(whole.ok());
    // The parsers over the whole file, as before streaming: the same skipped lines.
    ParseOutput reference;
    if (name == "cards.vcf") {
      reference = parse_vcard(bytes);
    } else {
      auto parsed = parse_contact_csv(bytes);
      REQUIRE(parsed.ok());
      reference = std::move(*parsed);
    }
    REQUIRE(streamed->files.size() == 1);
    REQUIRE(reference.skipped.size() > 5);
    REQUIRE(streamed->files[0].skipped.size() == reference.skipped.size());
    for (size_t i = 0; i < reference.skipped.size(); ++i) {
      CHECK(streamed->files[0].skipped[i].line == reference.skipped[i].line);
      CHECK(streamed->files[0].skipped[i].reason == reference.skipped[i].reason);
    }
    CHECK(streamed->added == static_cast<int>(reference.records.size()));
    CHECK(whole->added == streamed->added);
    CHECK(dump(*streamed_store) == dump(*memory_store_));
    // Imported again from the file: all unchanged, nothing written.
    const std::string before = dump(*streamed_store);
    auto again = import_files(*streamed_store, {path}, options());
    REQUIRE(again.ok());
    CHECK(again->unchanged == streamed->added);
    CHECK(again->added + again->updated == 0);
    CHECK(dump(*streamed_store) == before);
  }
}

TEST_CASE("a FIFO, a device and a folder are refused at once, naming the file", "[import][stream]") {
  rekindle::test::TempDir dir;
  const std::string fifo = dir.file("contacts.vcf");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // A watchdog opens the FIFO's write end after a while, so that a reader blocked on it (the
  // bug) ends and the test fails rather than hanging.
  std::atomic<bool> finished{false};
  std::thread watchdog([&] {
    for (int i = 0; i < 500 && !finished; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (finished) return;
    const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0) ::close(fd);
  });
  auto store = memory_store();
  const std::string before = dump(*store);
  const auto started = std::chrono::steady_clock::now();
  auto refused = import_files(*store, {fifo}, options());
  finished = true;
  watchdog.join();
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error() == fifo + ": is a pipe (FIFO), not a file; only regular files are imported");

  auto zero = import_files(*store, {"/dev/zero"}, options());
  REQUIRE_FALSE(zero.ok());
  CHECK(zero.error() == "/dev/zero: is a device, not a file; only regular files are imported");

  auto folder = import_files(*store, {dir.path().string()}, options());
  REQUIRE_FALSE(folder.ok());
  CHECK(folder.error() == dir.path().string() + ": is a directory, not a contact file");
  CHECK(dump(*store) == before);
}

TEST_CASE("a line over 4 MiB or a record over 16 MiB stops the import at its line, storing nothing",
          "[import][stream]") {
  rekindle::test::TempDir dir;
  auto store = memory_store();
  auto seeded = import_sources(*store, {{"seed.vcf", vcards(3)}}, options());
  REQUIRE(seeded.ok());
  const std::string before = dump(*store);

  SECTION("a vCard line") {
    const std::string path = dir.file("long-line.vcf");
    rekindle::test::write_file(path, vcards(10) + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long\r\nNOTE:" +
                                         std::string(kMaxImportLineBytes + 10, 'x') + "\r\nEND:VCARD\r\n" + vcards(2));
    auto report = import_files(*store, {path}, options());
    REQUIRE_FALSE(report.ok());
    // 10 cards of 7 lines, then BEGIN, VERSION, FN: the NOTE is line 74.
    CHECK(report.error() == path + ":74: a line longer than 4 MiB; nothing was imported");
  }
  SECTION("a vCard card of short lines") {
    const std::string path = dir.file("long-card.vcf");
    std::string card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Huge\r\n";
    const std::string line = "X-FILLER:" + std::string(1 << 20, 'y') + "\r\n";
    for (int i = 0; i < 17; ++i) card += line;
    rekindle::test::write_file(path, vcards(2) + card + "END:VCARD\r\n");
    auto report = import_files(*store, {path}, options());
    REQUIRE_FALSE(report.ok());
    CHECK(report.error() == path + ":15: a card longer than 16 MiB starts here; nothing was imported");
  }
  SECTION("a CSV row with a quote never closed") {
    const std::string path = dir.file("quote.csv");
    std::string csv = linkedin_rows(5) + "Open,Quote,x,,\"Acme";
    for (int i = 0; i < 20; ++i) csv += "\n" + std::string(1 << 20, 'z');
    rekindle::test::write_file(path, csv);
    auto report = import_files(*store, {path}, options());
    REQUIRE_FALSE(report.ok());
    // The preamble (3 lines), the header, 5 rows (one with a two-line company): line 11.
    CHECK(report.error() ==
          path + ":11: a row longer than 16 MiB starts here (a quote never closed?); nothing was imported");
  }
  CHECK(dump(*store) == before);
}

TEST_CASE("a person repeated with small changes merges into one contact without duplicate values",
          "[import][stream]") {
  std::string cards;
  for (int i = 0; i < 60; ++i) {
    cards += "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nORG:Analytical\r\n";
    // The same address in other cases and the same phone written otherwise: one value each.
    cards += i % 2 ? "EMAIL:ADA@x.example\r\n" : "EMAIL:ada@x.example\r\n";
    cards += i % 3 ? "TEL:+44 20 7946 0000\r\n" : "TEL:0044207946 0000\r\n";
    cards += "EMAIL;TYPE=work:ada" + std::to_string(i % 5) + "@work.example\r\n";
    cards += std::string(i % 2 ? "CATEGORIES:FRIENDS,maths" : "CATEGORIES:friends,maths") + std::to_string(i % 4) + "\r\n";
    cards += "X-CUSTOM:" + std::to_string(i % 6) + "\r\nEND:VCARD\r\n";
  }
  auto store = memory_store();
  auto report = import_sources(*store, {{"ada.vcf", cards}}, options());
  REQUIRE(report.ok());
  CHECK(report->added == 1);
  CHECK(report->updated + report->unchanged == 59);
  auto all = store->contacts();
  REQUIRE(all.ok());
  REQUIRE(all->size() == 1);
  const Contact& ada = all->front();
  CHECK(ada.emails.size() == 6);  // ada@ and ada0..4@work
  CHECK(ada.phones.size() == 1);
  CHECK(ada.tags.size() == 5);  // friends, maths0..3
  CHECK(std::count_if(ada.extra_properties.begin(), ada.extra_properties.end(),
                      [](const std::string& l) { return l.starts_with("X-CUSTOM"); }) == 6);
  // Again: nothing new.
  auto again = import_sources(*store, {{"ada.vcf", cards}}, options());
  REQUIRE(again.ok());
  CHECK(again->unchanged == 60);
}

TEST_CASE("update_contact_changes stores exactly the contact it is given", "[import][stream]") {
  auto store = memory_store();
  Contact c;
  c.name = "Grace Hopper";
  c.company = "Navy";
  c.emails = {{"g@navy.example", "work", false, ""}, {"g@home.example", "", false, ""}};
  c.phones = {{"+1 555 0100", "", false, ""}};
  c.tags = {"a", "b", "c"};
  c.extra_properties = {"X-A:1", "X-B:2"};
  c.photo = Photo{"image/png", "png-bytes"};
  auto id = store->transaction([&]() -> Status {
    auto inserted = store->insert_contact(c);
    if (!inserted) return make_error(inserted.error());
    c.id = *inserted;
    return Status::success();
  });
  REQUIRE(id.ok());
  Contact after = c;
  after.title = "Rear Admiral";
  after.emails[1].label = "home";
  after.emails.push_back({"grace@x.example", "", true, "item1"});
  after.phones.clear();
  after.tags = {"a", "z"};
  after.extra_properties.push_back("X-C:3");
  after.photo = Photo{"image/jpeg", "jpeg-bytes"};
  REQUIRE(store->transaction([&] { return store->update_contact_changes(c, after); }).ok());
  auto stored = store->contact(c.id);
  REQUIRE(stored.ok());
  REQUIRE(stored->has_value());
  CHECK(**stored == after);
  // Nothing changed: nothing written, and the contact is the same.
  REQUIRE(store->transaction([&] { return store->update_contact_changes(after, after); }).ok());
  CHECK(**store->contact(c.id) == after);
}
