// CardDAV sync (issue 15) against a real Radicale server started by each test on a loopback
// port with its own storage folder: discovery, first sync, edits both ways, a 412 conflict,
// deletions both ways, two databases converging, servers that drop X- properties, take only
// vCard 3.0 or keep no UID (through tests/data/carddav_proxy.py), wrong password, server down.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/ui_shell.h"
#include "core/carddav_xml.h"
#include "core/rekindle.h"
#include "core/review_session.h"
#include "core/store.h"
#include "core/sync.h"
#include "core/vcard_writer.h"
#include "platform/carddav_http.h"
#include "test_paths.h"
#include "tests/headless_ui.h"
#include "tests/radicale_server.h"
#include "tests/test_support.h"

using namespace rekindle::core;
using rekindle::test::CarddavProxy;
using rekindle::test::RadicaleServer;
using rekindle::test::TempDir;

namespace {

const Day kToday = *make_day(2026, 12, 1);
const std::string kUser = "ada";
const std::string kPassword = "correct horse";

std::string card(const std::string& uid, const std::string& lines) {
  return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\n" + lines + "END:VCARD\r\n";
}

std::unique_ptr<Store> memory_store() {
  auto store = Store::open_in_memory();
  REQUIRE(store.ok());
  return std::move(*store);
}

// A Radicale with the address book "contacts" holding cards, and what talks to it.
struct Server {
  TempDir dir;
  RadicaleServer radicale;
  explicit Server(const std::vector<std::pair<std::string, std::string>>& cards = {})
      : radicale(dir.file("radicale"), kUser, kPassword) {
    radicale.add_address_book("contacts", "Contacts", cards);
  }
  std::string book() const { return radicale.url() + "/" + kUser + "/contacts/"; }
};

SyncOptions options_for(const std::string& url) {
  SyncOptions o;
  o.server = url + "/";
  o.user = kUser;
  o.today = kToday;
  return o;
}

SyncReport sync_ok(Store& store, const std::string& url, SyncOptions o = {}) {
  if (o.server.empty())
    o = options_for(url);
  else
    o.today = kToday;
  auto report = sync_address_book(store, rekindle::platform::curl_transport(kUser, kPassword, 10), o);
  INFO((report.ok() ? std::string() : report.error()));
  REQUIRE(report.ok());
  return *report;
}

// The "phone": another CardDAV client writing to the same address book.
struct Phone {
  explicit Phone(std::string address_book) : book(std::move(address_book)) {}
  HttpTransport http = rekindle::platform::curl_transport(kUser, kPassword, 10);
  std::string book;
  HttpResponse get(const std::string& name) {
    HttpRequest r;
    r.method = "GET";
    r.url = book + name;
    auto answer = http(r);
    REQUIRE(answer.ok());
    return *answer;
  }
  void put(const std::string& name, const std::string& text) {
    HttpRequest r;
    r.method = "PUT";
    r.url = book + name;
    r.body = text;
    r.content_type = "text/vcard";
    auto answer = http(r);
    REQUIRE(answer.ok());
    REQUIRE((answer->status == 201 || answer->status == 204));
  }
  void remove(const std::string& name) {
    HttpRequest r;
    r.method = "DELETE";
    r.url = book + name;
    auto answer = http(r);
    REQUIRE(answer.ok());
    REQUIRE((answer->status == 200 || answer->status == 204));
  }
  // Every card's file name in the book.
  std::vector<std::string> names() {
    HttpRequest r;
    r.method = "PROPFIND";
    r.url = book;
    r.depth = 1;
    r.body = propfind_etags_body();
    auto answer = http(r);
    REQUIRE(answer.ok());
    auto ms = parse_multistatus(answer->body);
    REQUIRE(ms.ok());
    std::vector<std::string> out;
    for (const DavResource& res : ms->resources)
      if (!res.collection) out.push_back(res.href.substr(res.href.rfind('/') + 1));
    std::sort(out.begin(), out.end());
    return out;
  }
};

Contact only_contact(Store& store, const std::string& name) {
  auto all = store.contacts();
  REQUIRE(all.ok());
  for (const Contact& c : *all)
    if (c.name == name) return c;
  FAIL("no contact " << name);
  return {};
}

size_t contact_count(Store& store) {
  auto n = store.contact_count();
  REQUIRE(n.ok());
  return static_cast<size_t>(*n);
}

// The database's content but the sync token (which a server may renew at every sync).
std::string contacts_dump(Store& store) {
  auto dump = store.canonical_dump();
  REQUIRE(dump.ok());
  std::string out;
  std::istringstream lines(*dump);
  for (std::string line; std::getline(lines, line);)
    if (line.find("carddav_sync_token") == std::string::npos) out += line + "\n";
  return out;
}

std::string replace_line(std::string text, const std::string& starts, const std::string& line) {
  const size_t at = text.find("\n" + starts);
  REQUIRE(at != std::string::npos);
  const size_t end = text.find('\n', at + 1);
  return text.replace(at + 1, end - at - 1, line + "\r");
}

const std::string kGrace = card("grace-1",
                                "FN:Grace Hopper\r\nN:Hopper;Grace;;;\r\nEMAIL;TYPE=work:grace@navy.mil\r\n"
                                "TITLE:Rear Admiral\r\nORG:US Navy\r\n");
const std::string kAlan = card("alan-1", "FN:Alan Turing\r\nN:Turing;Alan;;;\r\nTEL;TYPE=cell:+44 20 7946 0000\r\n");
const std::string kKath = card("kath-1",
                               "FN:Katherine Johnson\r\nEMAIL:kj@nasa.gov\r\nX-REKINDLE-TIER:inner\r\n"
                               "X-REKINDLE-CADENCE:21\r\nX-REKINDLE-TOPIC:orbital mechanics\r\n"
                               "X-REKINDLE-INTERACTION:2026-11-02;email;give;4;sent the paper\r\n");

}  // namespace

TEST_CASE("CardDAV: discovery finds the address books through the well-known URL", "[carddav]") {
  Server server;
  server.radicale.add_address_book("work", "Work people");
  auto books = discover_address_books(rekindle::platform::curl_transport(kUser, kPassword, 10),
                                      options_for(server.radicale.url()));
  REQUIRE(books.ok());
  REQUIRE(books->size() == 2);
  std::vector<std::string> names{(*books)[0].name, (*books)[1].name};
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"Contacts", "Work people"});
  for (const AddressBook& b : *books) CHECK(b.sync_token);  // Radicale supports RFC 6578

  auto store = memory_store();
  SyncOptions o = options_for(server.radicale.url());
  o.addressbook = "Work people";
  SyncReport report = sync_ok(*store, "", o);
  CHECK(report.book.url == server.radicale.url() + "/ada/work/");
  auto remembered = store->setting(kSettingBook);
  REQUIRE(remembered.ok());
  CHECK(remembered->value_or("") == server.radicale.url() + "/ada/work/");
  CHECK(store->setting(kSettingUser)->value_or("") == kUser);
}

TEST_CASE("CardDAV: the first sync of a populated address book goes through the importer", "[carddav]") {
  Server server({{"grace.vcf", kGrace}, {"alan.vcf", kAlan}, {"kath.vcf", kKath}});
  auto store = memory_store();
  SyncReport first = sync_ok(*store, server.radicale.url());
  CHECK(first.added == 3);
  CHECK(first.pushed_new == 0);
  CHECK(contact_count(*store) == 3);
  const Contact grace = only_contact(*store, "Grace Hopper");
  CHECK(grace.title == "Rear Admiral");
  CHECK(grace.company == "US Navy");
  REQUIRE(grace.emails.size() == 1);
  CHECK(grace.emails[0].label == "work");
  // Another Rekindle's fields travel in X-REKINDLE-*: tier, cadence, topic, touches.
  const Contact kath = only_contact(*store, "Katherine Johnson");
  CHECK(kath.tier == "inner");
  CHECK(kath.cadence_days == 21);
  CHECK(kath.topic == "orbital mechanics");
  auto touches = store->interactions(kath.id);
  REQUIRE(touches.ok());
  REQUIRE(touches->size() == 1);
  CHECK((*touches)[0].note == "sent the paper");

  // Nothing changed on either side: the second sync reads nothing and sends nothing.
  auto before = contacts_dump(*store);
  SyncReport second = sync_ok(*store, server.radicale.url());
  CHECK(second.added + second.updated + second.pushed_new + second.pushed_changed == 0);
  CHECK(contacts_dump(*store) == before);
}

TEST_CASE("CardDAV: pulled cards merge by the importer's duplicate rules, and the merged contact is pushed",
          "[carddav]") {
  // The same person twice on the phone: one card with the work e-mail and phone, one with the
  // same e-mail and a home address.
  const std::string a = card("g-a", "FN:Grace Hopper\r\nEMAIL:grace@navy.mil\r\nTEL:+1 202 555 0101\r\n");
  const std::string b = card("g-b", "FN:Grace Hopper\r\nEMAIL:grace@navy.mil\r\nNOTE:met at Harvard\r\n");
  Server server({{"a.vcf", a}, {"b.vcf", b}});
  auto store = memory_store();
  // A contact already here with the same e-mail: the cards merge into it, as a file import would.
  Contact here;
  here.name = "Grace Hopper";
  here.emails.push_back({"grace@navy.mil", "", false, ""});
  here.tier = "close";
  REQUIRE(store
              ->transaction(
                  [&] { return store->insert_contact(here).ok() ? Status::success() : Status(make_error("insert")); })
              .ok());

  SyncReport report = sync_ok(*store, server.radicale.url());
  CHECK(contact_count(*store) == 1);
  const Contact grace = only_contact(*store, "Grace Hopper");
  CHECK(grace.tier == "close");
  REQUIRE(grace.phones.size() == 1);
  CHECK(grace.notes == "met at Harvard");
  // The merged contact (both cards' data and its tier) is written to the first card.
  CHECK(report.pushed_changed == 1);
  Phone phone(server.book());
  const std::string pushed = phone.get("a.vcf").body;
  CHECK(pushed.find("555 0101") != std::string::npos);
  CHECK(pushed.find("met at Harvard") != std::string::npos);
  CHECK(pushed.find("X-REKINDLE-TIER:close") != std::string::npos);
  // The second card is left as it was: nothing of the user's is deleted on the server.
  CHECK(phone.names() == std::vector<std::string>{"a.vcf", "b.vcf"});
  // And the two agree from now on.
  SyncReport again = sync_ok(*store, server.radicale.url());
  CHECK(again.pushed_changed + again.pushed_new + again.added + again.updated == 0);
}

TEST_CASE("CardDAV: an edit round trips in each direction", "[carddav]") {
  Server server({{"grace.vcf", kGrace}});
  auto store = memory_store();
  sync_ok(*store, server.radicale.url());
  Phone phone(server.book());

  // On the phone: a new title. Pulled, by sync-token: only that card is read again.
  phone.put("grace.vcf", replace_line(phone.get("grace.vcf").body, "TITLE", "TITLE:Commodore"));
  int gets = 0;
  HttpTransport http = rekindle::platform::curl_transport(kUser, kPassword, 10);
  HttpTransport counting = [&](const HttpRequest& r) {
    if (r.method == "GET") ++gets;
    return http(r);
  };
  auto pulled = sync_address_book(*store, counting, options_for(server.radicale.url()));
  REQUIRE(pulled.ok());
  CHECK(only_contact(*store, "Grace Hopper").title == "Commodore");
  CHECK(gets == 1);
  CHECK(pulled->pushed_changed == 0);

  // Here: a tier and a company. Pushed with the X-REKINDLE fields; the phone's card keeps its UID.
  Contact grace = only_contact(*store, "Grace Hopper");
  grace.tier = "inner";
  grace.company = "Navy";
  REQUIRE(store->transaction([&] { return store->update_contact(grace); }).ok());
  SyncReport pushed = sync_ok(*store, server.radicale.url());
  CHECK(pushed.pushed_changed == 1);
  const std::string text = phone.get("grace.vcf").body;
  CHECK(text.find("ORG:Navy") != std::string::npos);
  CHECK(text.find("X-REKINDLE-TIER:inner") != std::string::npos);
  CHECK(text.find("TITLE:Commodore") != std::string::npos);
  CHECK(text.find("grace-1") != std::string::npos);
}

TEST_CASE("CardDAV: a concurrent edit (412) never overwrites the phone; both values kept as a conflict", "[carddav]") {
  Server server({{"grace.vcf", kGrace}});
  auto store = memory_store();
  sync_ok(*store, server.radicale.url());
  Phone phone(server.book());

  Contact grace = only_contact(*store, "Grace Hopper");
  grace.title = "Chief Engineer";
  grace.phones.push_back({"+1 202 555 0199", "cell", false, ""});
  REQUIRE(store->transaction([&] { return store->update_contact(grace); }).ok());
  // The phone edits the same card between the pull and the push: the push meets a 412.
  int edits = 0;
  SyncOptions o = options_for(server.radicale.url());
  o.before_push = [&] {
    if (edits++) return;
    std::string text = replace_line(phone.get("grace.vcf").body, "TITLE", "TITLE:Admiral");
    text = replace_line(text, "ORG", "ORG:United States Navy");
    phone.put("grace.vcf", text);
  };
  int status_412 = 0;
  HttpTransport http = rekindle::platform::curl_transport(kUser, kPassword, 10);
  HttpTransport watching = [&](const HttpRequest& r) {
    auto answer = http(r);
    if (answer.ok() && answer->status == 412) ++status_412;
    return answer;
  };
  auto report = sync_address_book(*store, watching, o);
  REQUIRE(report.ok());
  CHECK(status_412 == 1);
  CHECK(report->conflicts == 1);
  // The phone's title is still on the server; the value here is still here; both recorded.
  CHECK(phone.get("grace.vcf").body.find("TITLE:Admiral") != std::string::npos);
  const Contact after = only_contact(*store, "Grace Hopper");
  CHECK(after.title == "Chief Engineer");
  CHECK(after.company == "United States Navy");  // changed only on the phone: taken
  auto conflicts = store->sync_conflicts();
  REQUIRE(conflicts.ok());
  REQUIRE(conflicts->size() == 1);
  CHECK((*conflicts)[0].field == "title");
  CHECK((*conflicts)[0].here == "Chief Engineer");
  CHECK((*conflicts)[0].server == "Admiral");
  // Words for the merge card, not vCard lines.
  CHECK(sync_field_words("title") == "job title");
  CHECK(sync_value_words("title", (*conflicts)[0].server) == "\"Admiral\"");
  // Until the user chooses, the contact is not pushed.
  SyncReport waiting = sync_ok(*store, server.radicale.url());
  CHECK(waiting.pushed_changed == 0);
  CHECK(phone.get("grace.vcf").body.find("TITLE:Admiral") != std::string::npos);

  // The user takes the phone's title: then the rest (the new phone number) goes to the server.
  REQUIRE(resolve_sync_conflict(*store, after.id, "title", true).ok());
  CHECK(only_contact(*store, "Grace Hopper").title == "Admiral");
  CHECK(store->sync_conflicts()->empty());
  SyncReport resolved = sync_ok(*store, server.radicale.url());
  CHECK(resolved.pushed_changed == 1);
  const std::string text = phone.get("grace.vcf").body;
  CHECK(text.find("TITLE:Admiral") != std::string::npos);
  CHECK(text.find("555 0199") != std::string::npos);
  CHECK(text.find("ORG:United States Navy") != std::string::npos);
}

TEST_CASE("CardDAV: keeping the value here pushes it at the next sync", "[carddav]") {
  Server server({{"grace.vcf", kGrace}});
  auto store = memory_store();
  sync_ok(*store, server.radicale.url());
  Phone phone(server.book());
  Contact grace = only_contact(*store, "Grace Hopper");
  grace.title = "Chief Engineer";
  REQUIRE(store->transaction([&] { return store->update_contact(grace); }).ok());
  phone.put("grace.vcf", replace_line(phone.get("grace.vcf").body, "TITLE", "TITLE:Admiral"));
  SyncReport report = sync_ok(*store, server.radicale.url());  // pulled first: a conflict, no 412
  CHECK(report.conflicts == 1);
  REQUIRE(resolve_sync_conflict(*store, grace.id, "title", false).ok());
  CHECK(only_contact(*store, "Grace Hopper").title == "Chief Engineer");
  sync_ok(*store, server.radicale.url());
  CHECK(phone.get("grace.vcf").body.find("TITLE:Chief Engineer") != std::string::npos);
}

TEST_CASE("CardDAV: a deletion on the server archives; a deletion here deletes on the server", "[carddav]") {
  Server server({{"grace.vcf", kGrace}, {"alan.vcf", kAlan}});
  auto store = memory_store();
  sync_ok(*store, server.radicale.url());
  Phone phone(server.book());

  phone.remove("grace.vcf");
  SyncReport report = sync_ok(*store, server.radicale.url());
  CHECK(report.archived == 1);
  CHECK(contact_count(*store) == 2);  // nothing deleted here
  const Contact grace = only_contact(*store, "Grace Hopper");
  CHECK(grace.archived);
  REQUIRE(report.notes.size() == 1);
  CHECK(report.notes[0] == "Grace Hopper: the card was deleted on the server; archived here, nothing deleted");
  // Archived here is not a new contact to send back.
  SyncReport again = sync_ok(*store, server.radicale.url());
  CHECK(again.pushed_new == 0);
  CHECK(phone.names() == std::vector<std::string>{"alan.vcf"});

  // Deleted here by an explicit command: deleted on the server, with If-Match.
  const Contact alan = only_contact(*store, "Alan Turing");
  REQUIRE(store->transaction([&] { return store->delete_contact(alan.id); }).ok());
  SyncReport deleted = sync_ok(*store, server.radicale.url());
  CHECK(deleted.deleted_on_server == 1);
  CHECK(phone.names().empty());
  CHECK(phone.get("alan.vcf").status == 404);
}

TEST_CASE("CardDAV: two databases converge through one address book", "[carddav]") {
  Server server;
  auto laptop = memory_store();
  auto desktop = memory_store();
  Rekindle api(*laptop);
  Contact ada;
  ada.name = "Ada Byron";
  ada.emails.push_back({"ada@analytical.org", "home", true, ""});
  ada.tier = "close";
  ada.topic = "the analytical engine";
  auto id = api.add_contact(ada, kToday);
  REQUIRE(id.ok());
  Interaction touch;
  touch.contact_id = *id;
  touch.date = *make_day(2026, 11, 20);
  touch.channel = "email";
  touch.kind = "give";
  touch.note = "sent notes on Bernoulli numbers";
  REQUIRE(laptop
              ->transaction([&] {
                return laptop->insert_interaction(touch).ok() ? Status::success() : Status(make_error("touch"));
              })
              .ok());
  Goal goal;
  goal.text = "Find a patron";
  auto goal_id = laptop->insert_goal(goal);
  REQUIRE(goal_id.ok());
  GoalLink link;
  link.contact_id = *id;
  link.goal_id = *goal_id;
  link.relevance = "high";
  link.can_help = "introductions";
  REQUIRE(laptop->upsert_goal_link(link).ok());

  SyncReport first = sync_ok(*laptop, server.radicale.url());
  CHECK(first.pushed_new == 1);
  SyncReport second = sync_ok(*desktop, server.radicale.url());
  CHECK(second.added == 1);
  const Contact there = only_contact(*desktop, "Ada Byron");
  CHECK(there.tier == "close");
  CHECK(there.topic == "the analytical engine");
  // The desktop schedules her as an import does (the laptop had no due day yet) and sends
  // that back: after the laptop's next sync both have the same day.
  sync_ok(*laptop, server.radicale.url());
  CHECK(only_contact(*desktop, "Ada Byron").due.has_value());
  CHECK(only_contact(*laptop, "Ada Byron").due == only_contact(*desktop, "Ada Byron").due);
  auto touches = desktop->interactions(there.id);
  REQUIRE(touches->size() == 1);
  CHECK((*touches)[0].note == "sent notes on Bernoulli numbers");
  auto links = desktop->goal_links(there.id);
  REQUIRE(links->size() == 1);
  CHECK(links->front().relevance == "high");
  CHECK(links->front().can_help == "introductions");

  // An edit on the desktop reaches the laptop.
  Contact edited = there;
  edited.tier = "inner";
  edited.title = "Countess";
  REQUIRE(desktop->transaction([&] { return desktop->update_contact(edited); }).ok());
  CHECK(sync_ok(*desktop, server.radicale.url()).pushed_changed == 1);
  CHECK(sync_ok(*laptop, server.radicale.url()).updated == 1);
  const Contact back = only_contact(*laptop, "Ada Byron");
  CHECK(back.tier == "inner");
  CHECK(back.title == "Countess");
  CHECK(contact_count(*laptop) == 1);
  // Both agree: neither has anything to send.
  CHECK(sync_ok(*laptop, server.radicale.url()).pushed_changed == 0);
  CHECK(sync_ok(*desktop, server.radicale.url()).pushed_changed == 0);
}

namespace {

// A contact in the close tier, due today: dealt in today's deck.
int64_t due_today(Store& store, const std::string& name, const std::string& email) {
  Rekindle api(store);
  Contact c;
  c.name = name;
  c.emails.push_back({email, "", false, ""});
  c.tier = "close";
  auto id = api.add_contact(c, kToday);
  REQUIRE(id.ok());
  REQUIRE(store.transaction([&] { return store.set_due(*id, kToday); }).ok());
  return *id;
}

std::vector<std::string> deck_names(Store& store) {
  auto deck = todays_deck(store, kToday, 10);
  REQUIRE(deck.ok());
  std::vector<std::string> names;
  for (const Card& c : *deck) names.push_back(c.name);
  std::sort(names.begin(), names.end());
  return names;
}

void decide(Store& store, const std::string& name, Direction direction) {
  auto deck = todays_deck(store, kToday, 10);
  REQUIRE(deck.ok());
  for (const Card& c : *deck)
    if (c.name == name) {
      REQUIRE(apply_decision(store, c, direction, 7, kToday).ok());
      return;
    }
  FAIL(name << " is not in today's deck");
}

}  // namespace

TEST_CASE("CardDAV: a card decided on one machine is not dealt again on the other", "[carddav]") {
  Server server;
  auto laptop = memory_store();
  auto desktop = memory_store();
  due_today(*laptop, "Ada Byron", "ada@analytical.org");
  due_today(*laptop, "Grace Hopper", "grace@navy.mil");
  sync_ok(*laptop, server.radicale.url());
  CHECK(sync_ok(*desktop, server.radicale.url()).added == 2);
  const std::vector<std::string> both = {"Ada Byron", "Grace Hopper"};
  REQUIRE(deck_names(*desktop) == both);
  auto shown = todays_deck(*desktop, kToday, 10);  // the desktop's window shows Ada meanwhile
  REQUIRE(shown.ok());
  const Card ada_shown = shown->at(0).name == "Ada Byron" ? shown->at(0) : shown->at(1);

  // The laptop swipes Ada today and syncs; the desktop syncs and is not dealt her again.
  decide(*laptop, "Ada Byron", Direction::left);
  CHECK(sync_ok(*laptop, server.radicale.url()).pushed_changed == 1);
  CHECK(sync_ok(*desktop, server.radicale.url()).updated == 1);
  CHECK(deck_names(*desktop) == std::vector<std::string>{"Grace Hopper"});
  const int64_t ada = only_contact(*desktop, "Ada Byron").id;
  auto decided = desktop->decisions_on_day(kToday);
  REQUIRE(decided.ok());
  REQUIRE(decided->size() == 1);
  CHECK(decided->front().contact_id == ada);
  auto counts = desktop->decision_counts(kToday);
  CHECK((*counts)[static_cast<size_t>(Direction::left)] == 1);
  // Swiping the card still shown there is refused, with the reason.
  auto late = apply_decision(*desktop, ada_shown, Direction::right, 7, kToday);
  REQUIRE(!late.ok());
  CHECK(late.error() == "Already decided on another computer: Ada Byron; nothing changed");
  // The laptop's decision is not the desktop's to undo: it has no state from before it here.
  auto undone = undo_last_decision(*desktop);
  REQUIRE(undone.ok());
  CHECK(!undone->has_value());
  CHECK(desktop->decisions_on_day(kToday)->size() == 1);

  // Both decide Grace before either syncs: each keeps its own decision, one for the day, and
  // the two settle instead of sending the card back and forth.
  decide(*desktop, "Grace Hopper", Direction::skip);
  decide(*laptop, "Grace Hopper", Direction::up);
  sync_ok(*desktop, server.radicale.url());
  sync_ok(*laptop, server.radicale.url());
  sync_ok(*desktop, server.radicale.url());
  for (Store* store : {laptop.get(), desktop.get()}) {
    CHECK(deck_names(*store).empty());
    CHECK(store->decisions_on_day(kToday)->size() == 2);
  }
  CHECK((*desktop->decision_counts(kToday))[static_cast<size_t>(Direction::skip)] == 1);
  CHECK((*laptop->decision_counts(kToday))[static_cast<size_t>(Direction::up)] == 1);
  // Their schedules differ: the laptop keeps its own, which then reaches the desktop.
  auto conflicts = laptop->sync_conflicts();
  REQUIRE(conflicts.ok());
  CHECK(!conflicts->empty());
  for (const SyncConflict& c : *conflicts) REQUIRE(resolve_sync_conflict(*laptop, c.contact_id, c.field, false).ok());
  sync_ok(*laptop, server.radicale.url());
  sync_ok(*desktop, server.radicale.url());
  CHECK(only_contact(*desktop, "Grace Hopper").starred);
  CHECK((*desktop->decision_counts(kToday))[static_cast<size_t>(Direction::skip)] == 1);
  for (int i = 0; i < 2; ++i) {
    const SyncReport calm_laptop = sync_ok(*laptop, server.radicale.url());
    const SyncReport calm_desktop = sync_ok(*desktop, server.radicale.url());
    CHECK(calm_laptop.pushed_changed + calm_laptop.pushed_new == 0);
    CHECK(calm_desktop.pushed_changed + calm_desktop.pushed_new == 0);
  }
}

TEST_CASE("CardDAV: a server that drops X- properties keeps the Rekindle fields here", "[carddav]") {
  Server server;
  CarddavProxy proxy(server.radicale.url(), "drop-x");
  auto store = memory_store();
  Rekindle api(*store);
  Contact ada;
  ada.name = "Ada Byron";
  ada.emails.push_back({"ada@analytical.org", "", false, ""});
  ada.tier = "inner";
  ada.cadence_days = 14;
  REQUIRE(api.add_contact(ada, kToday).ok());
  CHECK(sync_ok(*store, proxy.url()).pushed_new == 1);
  Phone phone(server.book());
  const auto names = phone.names();
  REQUIRE(names.size() == 1);
  const std::string stored = phone.get(names[0]).body;
  CHECK(stored.find("X-REKINDLE") == std::string::npos);  // the server dropped them
  CHECK(stored.find("ada@analytical.org") != std::string::npos);

  // The phone edits the card (without X- properties): the edit comes in, the tier stays.
  phone.put(names[0], replace_line(stored, "FN", "FN:Ada Lovelace"));
  SyncReport report = sync_ok(*store, proxy.url());
  const Contact after = only_contact(*store, "Ada Lovelace");
  CHECK(after.tier == "inner");
  CHECK(after.cadence_days == 14);
  CHECK(report.conflicts == 0);
  // And the two agree: nothing is pushed again and again.
  SyncReport calm = sync_ok(*store, proxy.url());
  CHECK(calm.pushed_changed + calm.pushed_new == 0);
}

TEST_CASE("CardDAV: a server that takes only vCard 3.0 gets 3.0", "[carddav]") {
  Server server;
  CarddavProxy proxy(server.radicale.url(), "vcard3");
  auto store = memory_store();
  Rekindle api(*store);
  Contact ada;
  ada.name = "Ada Byron";
  ada.emails.push_back({"ada@analytical.org", "home", true, ""});
  ada.anniversary = "1835-07-08";
  ada.tier = "close";
  REQUIRE(api.add_contact(ada, kToday).ok());
  SyncReport report = sync_ok(*store, proxy.url());
  CHECK(report.vcard_version == "3.0");
  CHECK(report.pushed_new == 1);
  Phone phone(server.book());
  const auto names = phone.names();
  REQUIRE(names.size() == 1);
  const std::string stored = phone.get(names[0]).body;
  CHECK(stored.find("VERSION:3.0") != std::string::npos);
  CHECK(stored.find("X-ANNIVERSARY:") != std::string::npos);
  CHECK(stored.find("X-REKINDLE-TIER:close") != std::string::npos);
  // A second Rekindle reads it back whole.
  auto other = memory_store();
  sync_ok(*other, proxy.url());
  const Contact there = only_contact(*other, "Ada Byron");
  CHECK(there.tier == "close");
  REQUIRE(there.emails.size() == 1);
  CHECK(there.emails[0].preferred);
  CHECK(there.anniversary == "1835-07-08");
}

TEST_CASE("CardDAV: cards without a UID are followed by their address", "[carddav]") {
  Server server({{"grace.vcf", kGrace}});
  CarddavProxy proxy(server.radicale.url(), "no-uid");
  auto store = memory_store();
  sync_ok(*store, proxy.url());
  Phone phone(server.book());
  // The phone changes the e-mail (the importer's duplicate key): still the same contact.
  std::string text = phone.get("grace.vcf").body;
  phone.put("grace.vcf", replace_line(text, "EMAIL", "EMAIL:grace.hopper@navy.mil"));
  SyncReport report = sync_ok(*store, proxy.url());
  CHECK(report.added == 0);
  CHECK(contact_count(*store) == 1);
  const Contact grace = only_contact(*store, "Grace Hopper");
  REQUIRE(grace.emails.size() == 1);
  CHECK(grace.emails[0].value == "grace.hopper@navy.mil");
}

TEST_CASE(
    "CardDAV: a wrong password, a forbidden collection, a TLS error or a server that is down change nothing and say "
    "why",
    "[carddav]") {
  Server server({{"grace.vcf", kGrace}});
  auto store = memory_store();
  Contact local;
  local.name = "Someone Here";
  REQUIRE(
      store
          ->transaction([&] { return store->insert_contact(local).ok() ? Status::success() : Status(make_error("x")); })
          .ok());
  auto before = store->canonical_dump();
  REQUIRE(before.ok());

  auto wrong = sync_address_book(*store, rekindle::platform::curl_transport(kUser, "wrong", 10),
                                 options_for(server.radicale.url()));
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().find("refused the user name or password for ada (401 Unauthorized)") != std::string::npos);
  CHECK(*store->canonical_dump() == *before);

  // Another user's collection: forbidden (Radicale's owner_only rights).
  SyncOptions other = options_for(server.radicale.url());
  other.server = server.radicale.url() + "/bob/";
  auto forbidden = sync_address_book(*store, rekindle::platform::curl_transport(kUser, kPassword, 10), other);
  REQUIRE_FALSE(forbidden.ok());
  CHECK(forbidden.error().find("(403 Forbidden)") != std::string::npos);
  CHECK(*store->canonical_dump() == *before);

  // https:// to a server that speaks plain HTTP: the TLS handshake fails, and says so.
  std::string https = server.radicale.url();
  https.replace(0, 4, "https");
  auto tls = sync_address_book(*store, rekindle::platform::curl_transport(kUser, kPassword, 10), options_for(https));
  REQUIRE_FALSE(tls.ok());
  CHECK(tls.error().rfind("TLS error with https://127.0.0.1:", 0) == 0);
  CHECK(*store->canonical_dump() == *before);

  server.radicale.stop();
  auto down = sync_address_book(*store, rekindle::platform::curl_transport(kUser, kPassword, 10),
                                options_for(server.radicale.url()));
  REQUIRE_FALSE(down.ok());
  CHECK(down.error().find("cannot reach") != std::string::npos);
  CHECK(down.error().find("connection was refused") != std::string::npos);
  CHECK(*store->canonical_dump() == *before);
}

TEST_CASE("CardDAV: rekindle sync remembers server and user, never the password", "[carddav][cli]") {
  Server server({{"grace.vcf", kGrace}});
  TempDir dir;
  const std::string db = dir.file("r.db");
  auto run = rekindle::test::run_rekindle(
      {"--db", db, "sync", "--server", server.radicale.url() + "/", "--user", kUser, "--date", "2026-12-01"},
      {"REKINDLE_CARDDAV_PASSWORD=" + kPassword});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("Synced with \"Contacts\": 1 new contact here.") != std::string::npos);
  // Remembered: the next sync needs no --server or --user.
  auto again = rekindle::test::run_rekindle({"--db", db, "sync", "--json"}, {"REKINDLE_CARDDAV_PASSWORD=" + kPassword});
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(nlohmann::json::parse(again.out)["addressbook"]["name"] == "Contacts");
  // No password in the database file (nor its WAL).
  for (const std::string& file : {db, db + "-wal"}) {
    if (!std::filesystem::exists(file)) continue;
    CHECK(rekindle::test::read_file(file).find(kPassword) == std::string::npos);
  }
  // No password and no terminal: a clear error.
  auto none = rekindle::test::run_rekindle({"--db", db, "sync"}, {"REKINDLE_CARDDAV_PASSWORD="});
  CHECK(none.exit_code == 1);
  CHECK(none.err.find("REKINDLE_CARDDAV_PASSWORD") != std::string::npos);
  auto bad = rekindle::test::run_rekindle({"--db", db, "sync"}, {"REKINDLE_CARDDAV_PASSWORD=nope"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("error: sync failed, nothing changed here:") != std::string::npos);
  CHECK(bad.err.find("401") != std::string::npos);
}

TEST_CASE("CardDAV: vCard 3.0 for a 3.0-only server", "[carddav-unit]") {
  Contact c;
  c.name = "Ada Byron";
  c.emails.push_back({"ada@analytical.org", "home", true, ""});
  c.photo = Photo{"image/png", "\x89PNG"};
  c.anniversary = "1835-07-08";
  const std::string v3 = vcard_as_version_3(write_vcard(c, {}, std::vector<ParsedGoalLink>{}));
  CHECK(v3.find("VERSION:3.0\r\n") != std::string::npos);
  CHECK(v3.find("EMAIL;TYPE=home;TYPE=pref:ada@analytical.org") != std::string::npos);
  CHECK(v3.find("PHOTO;ENCODING=b;TYPE=PNG:iVBORw==") != std::string::npos);
  CHECK(v3.find("X-ANNIVERSARY:") != std::string::npos);
  CHECK(v3.find("4.0") == std::string::npos);
}

namespace {

// Clicks the button whose label starts with prefix in the last frame's buttons.
rekindle::app::FrameReport click(rekindle::test::HeadlessUi& ui, rekindle::app::AppShell& shell,
                                 const rekindle::app::FrameReport& last, const std::string& prefix) {
  REQUIRE(last.sync);
  const rekindle::app::Clickable* found = nullptr;
  for (const auto& b : last.sync->buttons)
    if (b.label.rfind(prefix, 0) == 0) found = &b;
  INFO(prefix);
  REQUIRE(found);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = found->center();
  ui.frame(shell);
  io.MouseDown[0] = true;
  ui.frame(shell);
  io.MouseDown[0] = false;
  return ui.frame(shell);
}

}  // namespace

TEST_CASE("CardDAV: the Sync screen syncs with progress and shows a conflict in words", "[carddav][gui]") {
  Server server({{"grace.vcf", kGrace}});
  auto owned = memory_store();
  Store& store = *owned;
  sync_ok(store, server.radicale.url());
  Phone phone(server.book());
  Contact grace = only_contact(store, "Grace Hopper");
  grace.title = "Chief Engineer";
  REQUIRE(store.transaction([&] { return store.update_contact(grace); }).ok());
  phone.put("grace.vcf", replace_line(phone.get("grace.vcf").body, "TITLE", "TITLE:Admiral"));

  rekindle::test::HeadlessUi ui;
  rekindle::app::AppShell shell(std::make_unique<Rekindle>(store), "", kToday);
  shell.show(rekindle::app::Screen::kSync);
  auto report = ui.frames(shell);
  REQUIRE(report.sync);
  CHECK(report.sync->conflicts == 0);
  // The server and user are remembered; the password comes from the environment here.
  setenv("REKINDLE_CARDDAV_PASSWORD", kPassword.c_str(), 1);
  report = click(ui, shell, report, "Sync now");
  unsetenv("REKINDLE_CARDDAV_PASSWORD");
  report = ui.frames(shell);
  REQUIRE(report.sync);
  CHECK_FALSE(report.sync->running);
  CHECK(report.sync->conflicts == 1);
  // The card offers both values by name; using the server's takes it.
  report = click(ui, shell, report, "Use the server's \"Admiral\"");
  report = ui.frames(shell);
  CHECK(report.sync->conflicts == 0);
  CHECK(only_contact(store, "Grace Hopper").title == "Admiral");
}
