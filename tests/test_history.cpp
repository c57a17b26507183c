// Real touch history from the user's own files (issue 16): mailboxes, LinkedIn messages and
// calendars become touches with known contacts, idempotently, and the deck, the card's words
// and the composer follow the real log.
#include "test_paths.h"
#include <catch2/catch.hpp>

#include "core/composer.h"
#include "core/history_import.h"
#include "core/history_mail.h"
#include "core/importer.h"
#include "core/rekindle.h"
#include "core/store.h"
#include "tests/test_support.h"

using namespace rekindle::core;

namespace {

const Day kToday = *make_day(2026, 12, 1);

Day day_of(const char* iso) { return *parse_iso_day(iso); }

std::string history_file(const std::string& name) { return std::string(REKINDLE_TEST_DATA) + "/history/" + name; }

std::unique_ptr<Rekindle> open_api() {
  auto api = Rekindle::open_in_memory();
  REQUIRE(api.ok());
  return std::move(*api);
}

int64_t add_person(Rekindle& api, const std::string& name, const std::string& email, const std::string& url = "",
                   const std::string& tier = "dormant", Day on = kToday) {
  Contact c;
  c.name = name;
  c.tier = tier;
  if (!email.empty()) c.emails.push_back({email, "", false, ""});
  if (!url.empty()) c.urls.push_back({url, "linkedin", false, ""});
  auto id = api.add_contact(c, on);
  REQUIRE(id.ok());
  return *id;
}

ImportReport import(Rekindle& api, const std::vector<std::string>& paths, std::vector<std::string> me = {}) {
  ImportOptions options;
  options.today = kToday;
  options.me = std::move(me);
  auto report = api.import_files(paths, options);
  INFO((report.ok() ? std::string() : report.error()));
  REQUIRE(report.ok());
  return *report;
}

const HistoryReport& history_of(const ImportReport& r, size_t file = 0) {
  REQUIRE(r.files.size() > file);
  REQUIRE(r.files[file].history.has_value());
  return *r.files[file].history;
}

std::vector<Interaction> log_of(Rekindle& api, int64_t id) {
  auto d = api.contact(id, kToday);
  REQUIRE(d.ok());
  return d->interactions;
}

// "2026-10-01 email neutral" per touch: what a file must yield, in one comparable line each.
std::vector<std::string> touches(Rekindle& api, int64_t id) {
  std::vector<std::string> out;
  for (const Interaction& x : log_of(api, id))
    out.push_back(format_iso_day(x.date) + " " + x.channel + " " + x.kind);
  return out;
}

}  // namespace

TEST_CASE("History: files are recognised by content, a Maildir by its cur/ and new/", "[history]") {
  CHECK(detect_history_path(history_file("thread.mbox")) == "mbox");
  CHECK(detect_history_path(history_file("calendar.ics")) == "ics");
  CHECK(detect_history_path(history_file("messages.csv")) == "linkedin-messages");
  CHECK(detect_history_path(history_file("maildir")) == "maildir");
  // A single message saved as a file reads as a one-message mailbox.
  CHECK(detect_history_format("From: Ana <ana@example.org>\nDate: Fri, 2 Oct 2026 10:00:00 +0200\n\nHi\n") == "mbox");
  CHECK(detect_history_format("First Name,Last Name,URL,Email Address\nAna,Lopez,,\n").empty());
  CHECK(detect_history_format("BEGIN:VCARD\nFN:Ana\nEND:VCARD\n").empty());
}

TEST_CASE("History: mail headers in the forms real mailboxes hold", "[history]") {
  CHECK(decode_encoded_words("=?ISO-8859-1?Q?Bj=F6rn?=") == "Bj\u00f6rn");
  CHECK(decode_encoded_words("=?UTF-8?B?UmU6IFRoZSBwbGFu?=") == "Re: The plan");
  CHECK(decode_encoded_words("=?UTF-8?Q?Ana?= =?UTF-8?Q?_L=C3=B3pez?=") == "Ana L\u00f3pez");
  const auto parties = parse_address_list("\"Doe, Jo\" <jo@else.org>, bob@example.com (Bob B), team: a@x.org, b@x.org;");
  REQUIRE(parties.size() == 4);
  CHECK(parties[0].name == "Doe, Jo");
  CHECK(parties[0].address == "jo@else.org");
  CHECK(parties[1].address == "bob@example.com");
  CHECK(parties[1].name == "Bob B");
  CHECK(parties[2].address == "a@x.org");
  CHECK(parties[3].address == "b@x.org");

  auto day = [](const char* text) {
    auto d = parse_mail_date(text);
    return d ? format_iso_day(d->day) : std::string("none");
  };
  CHECK(day("Tue, 1 Dec 2026 09:30:00 +0100") == "2026-12-01");
  CHECK(day("1 Dec 2026 09:30 +0100") == "2026-12-01");
  CHECK(day("2 Nov 26 14:05 EST") == "2026-11-02");
  CHECK(day("Sat, 21 Nov 2026 08:15:00 -0500 (EST)") == "2026-11-21");
  CHECK(day("Tue Dec  1 09:30:00 2026") == "2026-12-01");
  CHECK(day("1-Dec-2026 09:30:00 GMT") == "2026-12-01");
  CHECK(day("2026-12-01T09:30:00Z") == "2026-12-01");
  CHECK(day("2026-06-11 15:33:58 UTC") == "2026-06-11");
  CHECK(day("sometime last week") == "none");
  // Seconds are UTC, for ordering messages written in different zones.
  CHECK(parse_mail_date("Tue, 1 Dec 2026 09:30:00 +0100")->seconds ==
        parse_mail_date("Tue, 1 Dec 2026 08:30:00 +0000")->seconds);

  CHECK(normalise_address(" <Ana@Example.ORG> ") == "ana@example.org");
  CHECK(normalise_address("mailto:ana@example.org") == "ana@example.org");
  CHECK(normalise_address("https://www.linkedin.com/in/Carla-Mendes/?trk=x") == "linkedin.com/in/carla-mendes");
  CHECK(normalise_address("linkedin.com/in/carla-mendes") == "linkedin.com/in/carla-mendes");
  CHECK(normalise_address("Ana Lopez").empty());
}

TEST_CASE("History: an mbox reply thread yields alternating touches; lists, no-reply and strangers none", "[history]") {
  auto api = open_api();
  const int64_t ana = add_person(*api, "Ana Lopez", "ana@example.org");
  const ImportReport r = import(*api, {history_file("thread.mbox")});
  const HistoryReport& h = history_of(r);
  CHECK(r.files[0].format == "mbox");
  CHECK(touches(*api, ana) == std::vector<std::string>{"2026-10-01 email neutral", "2026-10-02 email inbound",
                                                       "2026-10-03 email neutral", "2026-11-21 email inbound"});
  CHECK(h.items == 7);
  CHECK(h.touches == 4);
  CHECK(h.contacts == 1);
  CHECK(h.lists == 1);     // Ana's own message to a list is not a touch
  CHECK(h.no_reply == 1);  // the shop's no-reply sender
  CHECK(h.without_contacts == 1);
  CHECK(h.unknown_people == 1);  // the stranger: counted, not added
  CHECK(h.me_detected);
  CHECK(h.me == std::vector<std::string>{"me@mine.org"});
  CHECK(api->contact_count().value() == 1);
  // The subject is the touch's note, without the mail client's "Re:".
  CHECK(log_of(*api, ana).back().note == "Lunch next week?");
  // The address is kept, and not detected again.
  CHECK(api->setting(kMyAddressesSetting).value() == std::optional<std::string>("me@mine.org"));
}

TEST_CASE("History: importing the same files again adds nothing", "[history]") {
  auto api = open_api();
  const int64_t ana = add_person(*api, "Ana Lopez", "ana@example.org");
  const int64_t dan = add_person(*api, "Dan Okafor", "dan@example.net");
  const std::vector<std::string> files{history_file("thread.mbox"), history_file("calendar.ics")};
  import(*api, files);
  const auto ana_before = log_of(*api, ana);
  const auto dan_before = log_of(*api, dan);
  const ImportReport again = import(*api, files);
  CHECK(history_of(again, 0).touches == 0);
  CHECK(history_of(again, 0).already == 4);
  CHECK(history_of(again, 1).touches == 0);
  CHECK(log_of(*api, ana) == ana_before);
  CHECK(log_of(*api, dan) == dan_before);
  CHECK_FALSE(history_of(again, 0).me_detected);
}

TEST_CASE("History: a message logged from the composer is not counted twice", "[history]") {
  auto api = open_api();
  const int64_t ana = add_person(*api, "Ana Lopez", "ana@example.org");
  Interaction sent;
  sent.contact_id = ana;
  sent.date = day_of("2026-10-01");
  sent.channel = "email";
  sent.kind = "ask";
  REQUIRE(api->log_touch(sent, day_of("2026-10-01")).ok());
  import(*api, {history_file("thread.mbox")}, {"me@mine.org"});
  const auto log = log_of(*api, ana);
  REQUIRE(log.size() == 4);
  CHECK(log.front().kind == "ask");  // the user's own touch, kept as logged
}

TEST_CASE("History: broken dates, encoded names, crowded and undated messages", "[history]") {
  auto api = open_api();
  const int64_t bob = add_person(*api, "Bob Berg", "bob@example.com");
  const ImportReport r = import(*api, {history_file("broken.mbox")}, {"Me@Mine.org"});
  const HistoryReport& h = history_of(r);
  CHECK(touches(*api, bob) == std::vector<std::string>{"2026-11-02 email neutral"});
  CHECK(log_of(*api, bob).front().note == "The plan");
  CHECK(h.crowded == 1);     // to eleven people: an announcement
  CHECK(h.unreadable == 1);  // no Date, no Received
  CHECK_FALSE(h.me_detected);
}

TEST_CASE("History: a Maildir with a Sent sub-folder", "[history]") {
  auto api = open_api();
  REQUIRE(api->set_setting(kMyAddressesSetting, "me@mine.org").ok());
  const int64_t bob = add_person(*api, "Bob Berg", "bob@example.com");
  const ImportReport r = import(*api, {history_file("maildir")});
  CHECK(r.files[0].format == "maildir");
  CHECK(touches(*api, bob) == std::vector<std::string>{"2026-11-20 email inbound", "2026-11-21 email neutral"});
  CHECK(history_of(r).lists == 1);
}

TEST_CASE("History: LinkedIn messages.csv by profile URL, or by a unique name", "[history]") {
  auto api = open_api();
  const int64_t carla = add_person(*api, "Carla Mendes", "", "https://www.linkedin.com/in/carla-mendes");
  // Newer exports give member ids instead of profile URLs: the name alone, when unique.
  const int64_t dan = add_person(*api, "Dan Okafor", "");
  const ImportReport r = import(*api, {history_file("messages.csv")});
  const HistoryReport& h = history_of(r);
  CHECK(r.files[0].format == "linkedin-messages");
  CHECK(touches(*api, carla) ==
        std::vector<std::string>{"2026-09-01 linkedin neutral", "2026-09-03 linkedin inbound"});
  CHECK(touches(*api, dan) == std::vector<std::string>{"2026-11-10 linkedin neutral"});
  CHECK(h.me == std::vector<std::string>{"linkedin.com/in/sam-rivers"});
  CHECK(h.unknown_people == 1);  // the recruiter
  CHECK(api->contact_count().value() == 2);
}

TEST_CASE("History: calendar meetings, past only, both ways", "[history]") {
  auto api = open_api();
  const int64_t dan = add_person(*api, "Dan Okafor", "dan@example.net");
  const int64_t ana = add_person(*api, "Ana Lopez", "ana@example.org");
  const ImportReport r = import(*api, {history_file("calendar.ics")}, {"me@mine.org"});
  // Declined and cancelled meetings are not touches; the planned one is still to come.
  CHECK(touches(*api, dan) == std::vector<std::string>{"2026-10-15 meeting neutral", "2026-10-28 meeting neutral"});
  // A weekly meeting counts each of its three occurrences.
  CHECK(touches(*api, ana) == std::vector<std::string>{"2026-11-02 meeting neutral", "2026-11-09 meeting neutral",
                                                       "2026-11-16 meeting neutral"});
  CHECK(history_of(r).future == 1);
  CHECK(log_of(*api, dan).front().grade == std::optional<int>(4));
  CHECK(log_of(*api, dan).front().note == "Coffee with Dan");
}

TEST_CASE("History: the deck, the card's words and the composer follow the real log", "[history]") {
  auto api = open_api();
  // Ana: a close tie listed a month ago, never touched since: back on the list, in the deck.
  const int64_t ana = add_person(*api, "Ana Lopez", "ana@example.org", "", "close", day_of("2026-11-01"));
  // Bob: a weekly tie; the last word was the user's, four weeks ago: due.
  const int64_t bob = add_person(*api, "Bob Berg", "bob@example.com", "", "inner", day_of("2026-10-01"));
  auto in_deck = [&](int64_t id) {
    auto deck = api->deck(kToday);
    REQUIRE(deck.ok());
    for (const Card& c : *deck)
      if (c.contact_id == id) return std::optional<Card>(c);
    return std::optional<Card>();
  };
  REQUIRE(in_deck(ana));
  const auto due_before = api->contact(bob, kToday)->contact.due;

  import(*api, {history_file("thread.mbox"), history_file("broken.mbox")});

  // Ana wrote 10 days ago: warm, due again only a cadence after her message (MODEL.md 8).
  CHECK_FALSE(in_deck(ana));
  auto detail = api->contact(ana, kToday);
  REQUIRE(detail.ok());
  CHECK(detail->history == "Ana wrote 10 days ago, no reply yet");
  CHECK(detail->warmth >= 0.80);
  REQUIRE(detail->contact.due);
  CHECK(*detail->contact.due > kToday);
  // Bob's schedule is replayed from the real log: due a week after the user's message.
  auto bob_card = in_deck(bob);
  REQUIRE(bob_card);
  CHECK(bob_card->touch == "You last wrote 4 weeks ago");
  CHECK(api->contact(bob, kToday)->contact.due != due_before);

  // The composer answers Ana's message: she wrote last.
  auto context = api->compose_context(ana, kToday);
  REQUIRE(context.ok());
  CHECK(default_choice(*context).situation == "thank-you");
  CHECK(variant_family(*context, "reconnect") == "owed");
}

TEST_CASE("History: rekindle import takes a mailbox, reports who you are, and --me is kept", "[history][cli]") {
  rekindle::test::TempDir dir;
  const std::string db = dir.file("r.db");
  auto add = rekindle::test::run_rekindle({"--db", db, "add", "--name", "Ana Lopez", "--email", "ana@example.org"});
  REQUIRE(add.exit_code == 0);
  auto run = rekindle::test::run_rekindle({"--db", db, "import", history_file("thread.mbox"), "--date", "2026-12-01"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("4 new touches with 1 contact from 7 messages") != std::string::npos);
  CHECK(run.out.find("you: me@mine.org (the address in the most messages") != std::string::npos);
  CHECK(run.out.find("1 person is not in your contacts (not added)") != std::string::npos);
  auto again = rekindle::test::run_rekindle(
      {"--db", db, "import", history_file("messages.csv"), "--me", "https://linkedin.com/in/sam-rivers/", "--json", "--date", "2026-12-01"});
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.find("\"me_detected\": false") != std::string::npos);
}

TEST_CASE("History: a cancelled mailbox import stores nothing", "[history]") {
  auto api = open_api();
  const int64_t ana = add_person(*api, "Ana Lopez", "ana@example.org");
  // Enough messages that the reader reports progress before the end.
  std::string mbox;
  for (int i = 0; i < 400; ++i)
    mbox += "From ana@example.org Fri Oct  2 10:00:00 2026\nFrom: Ana <ana@example.org>\nTo: me@mine.org\n"
            "Date: Fri, 2 Oct 2026 10:00:00 +0200\nMessage-ID: <c" + std::to_string(i) + "@example.org>\n\n" +
            std::string(2000, 'x') + "\n\n";
  ImportOptions options;
  options.today = kToday;
  int calls = 0;
  options.progress = [&](size_t, size_t) { return ++calls < 3; };
  auto report = api->import_sources({{"big.mbox", mbox}}, options);
  REQUIRE_FALSE(report.ok());
  CHECK(report.error() == kImportCancelled);
  CHECK(log_of(*api, ana).empty());
  CHECK_FALSE(api->setting(kMyAddressesSetting).value());
  // The same bytes, not cancelled: one touch per message.
  options.progress = nullptr;
  auto done = api->import_sources({{"big.mbox", mbox}}, options);
  REQUIRE(done.ok());
  CHECK(history_of(*done).touches == 400);
}
