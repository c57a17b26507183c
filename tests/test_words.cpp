// Issue 10, "honest words on the card" and "the deck after triage": one warmth everywhere,
// the connection date is not a conversation, "overdue" only within a cadence, a dealt deck
// that does not grow while the user works, and a full ranked deck after sorting the network.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/rekindle.h"
#include "core/review_session.h"
#include "core/schedule.h"
#include "core/stats.h"
#include "tests/engine_fixtures.h"

using namespace rekindle::core;
using rekindle::test::add_contact;
using rekindle::test::contact_of;
using rekindle::test::day;
using rekindle::test::deck_on;
using rekindle::test::log_touch;
using rekindle::test::memory_store;
using rekindle::test::NewContact;

namespace {

const Day kToday = day("2026-12-01");

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Gives a tier (and, with a goal, relevance) through the call the Sort screen makes.
void give_tier(Store& store, int64_t id, const std::string& tier, Day today, const std::string& relevance = "") {
  ContactEdit edit;
  edit.tier = tier;
  if (!relevance.empty()) edit.relevance = relevance;
  Status s = Rekindle(store).edit_contact(id, edit, today);
  INFO(s.error());
  REQUIRE(s.ok());
}

const Card* card_for(const std::vector<Card>& deck, int64_t id) {
  for (const auto& c : deck)
    if (c.contact_id == id) return &c;
  return nullptr;
}

// A LinkedIn "Connections.csv" of n people, connected 3 to 8 years before 2026-12-01, with a
// spread of positions (some senior), in the order LinkedIn writes them.
std::string linkedin_export(int n) {
  static const char* kFirst[] = {"Anna", "Ben", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas"};
  static const char* kPositions[] = {"Software Engineer", "Product Manager", "Data Analyst", "VP Engineering",
                                     "Designer",          "Head of Sales",   "Consultant",   "Director of Product",
                                     "Recruiter",         "Founder"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::string out = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  for (int i = 0; i < n; ++i) {
    const int year = 2018 + (i * 7) % 6;  // 2018..2023: all 3+ years ago
    out += std::string(kFirst[i % 10]) + ",Person" + std::to_string(i) + ",https://www.linkedin.com/in/p" +
           std::to_string(i) + ",,Company " + std::to_string(i % 37) + "," + kPositions[(i * 3) % 10] + "," +
           std::to_string(1 + i % 28) + " " + kMonths[(i * 5) % 12] + " " + std::to_string(year) + "\n";
  }
  return out;
}

std::vector<int64_t> import_linkedin(Store& store, int n, Day today) {
  ImportOptions options;
  options.today = today;
  auto report = Rekindle(store).import_sources({{"Connections.csv", linkedin_export(n)}}, options);
  INFO((report.ok() ? "" : report.error()));
  REQUIRE(report.ok());
  auto rows = Rekindle(store).contacts("", today);
  REQUIRE(rows.ok());
  REQUIRE(static_cast<int>(rows->size()) == n);
  std::vector<int64_t> ids;
  for (const auto& r : *rows) ids.push_back(r.contact.id);
  std::sort(ids.begin(), ids.end());  // file order
  return ids;
}

}  // namespace

TEST_CASE("a contact in the dormant pool fades with S = 30: 58 % after 1 year, 42 % after 3, 31 % after 10",
          "[words][model]") {
  auto store = memory_store();
  const auto one = add_contact(*store, NewContact("One year", "dormant", kToday - 365), kToday);
  const auto three = add_contact(*store, NewContact("Three years", "dormant", kToday - 3 * 365), kToday);
  const auto ten = add_contact(*store, NewContact("Ten years", "dormant", kToday - 3652), kToday);
  auto w = [&](int64_t id) { return warmth_on(contact_of(*store, id), {}, kToday); };
  CHECK(w(one) == Approx(0.58).margin(0.01));
  CHECK(w(three) == Approx(0.42).margin(0.01));
  CHECK(w(ten) == Approx(0.31).margin(0.01));
  CHECK(health_of(contact_of(*store, one), {}, kToday) == Health::cold);
  CHECK(health_of(contact_of(*store, ten), {}, kToday) == Health::dormant);
}

TEST_CASE("buckets by warmth: warm from 80 %, cooling from 60 %, cold from 40 %, dormant below", "[words][model]") {
  CHECK(health_for_warmth(1.0) == Health::warm);
  CHECK(health_for_warmth(0.80) == Health::warm);
  CHECK(health_for_warmth(0.7951) == Health::warm);  // shown as 80 %: never "cooling" beside it
  CHECK(health_for_warmth(0.79) == Health::cooling);
  CHECK(health_for_warmth(0.60) == Health::cooling);
  CHECK(health_for_warmth(0.59) == Health::cold);
  CHECK(health_for_warmth(0.40) == Health::cold);
  CHECK(health_for_warmth(0.39) == Health::dormant);
  CHECK(health_for_warmth(0.15) == Health::dormant);
}

TEST_CASE("given a tier after 3 silent years: the layer's S0 from then on, no jump to warm", "[words][model]") {
  auto store = memory_store();
  const auto id = add_contact(*store, NewContact("Wider", "dormant", kToday - 3 * 365), kToday - 10);
  const double before = warmth_on(contact_of(*store, id), {}, kToday);
  give_tier(*store, id, "wider", kToday);
  const Contact c = contact_of(*store, id);
  REQUIRE(c.listed_since == kToday);
  // With S0 = 365 over the whole silence the yearly tie would read 82 %, "warm" after 3
  // silent years; from the day it was listed it goes on from the pool's 42 %.
  const double after = warmth_on(c, {}, kToday);
  CHECK(after < 0.60);
  CHECK(health_of(c, {}, kToday) == Health::cold);
  // Only the floor moves with the tier's closeness (0.25): R itself is continuous.
  const double f = warmth_floor(closeness(c));
  CHECK((after - f) / (1 - f) == Approx((before - 0.15) / 0.85).margin(1e-9));
  // And from then on it decays on the yearly curve, never rising.
  double previous = after;
  for (int d = 1; d < 800; d += 17) {
    const double later = warmth_on(c, {}, kToday + d);
    CHECK(later <= previous);
    previous = later;
  }
  // Back to the pool: listed_since is cleared.
  give_tier(*store, id, "dormant", kToday + 5);
  CHECK(!contact_of(*store, id).listed_since);
}

TEST_CASE("card, contacts list and Stats buckets show the same warmth for every kind of contact",
          "[words][stats]") {
  auto store = memory_store();
  Rekindle api(*store);
  std::vector<int64_t> ids;
  ids.push_back(add_contact(*store, NewContact("Never touched", "dormant", kToday - 3 * 365), kToday - 40));
  ids.push_back(add_contact(*store, NewContact("Fresh connection", "dormant", kToday - 20), kToday - 40));
  const auto once = add_contact(*store, NewContact("Touched once", "dormant", kToday - 5 * 365), kToday - 40);
  log_touch(*store, once, kToday - 4 * 365);
  ids.push_back(once);
  const auto close = add_contact(*store, NewContact("Close tie", "close", kToday - 900), kToday - 40);
  log_touch(*store, close, kToday - 25, "neutral", 4);
  ids.push_back(close);
  const auto inner = add_contact(*store, NewContact("Inner tie", "inner", kToday - 900), kToday - 40);
  log_touch(*store, inner, kToday - 2);
  ids.push_back(inner);
  const auto tiered = add_contact(*store, NewContact("Just tiered", "dormant", kToday - 4 * 365), kToday - 40);
  give_tier(*store, tiered, "close", kToday - 1);
  ids.push_back(tiered);
  const auto regular = add_contact(*store, NewContact("Regular overdue", "regular", kToday - 900), kToday - 200);
  log_touch(*store, regular, kToday - 100);
  ids.push_back(regular);

  auto rows = api.contacts("", kToday);
  REQUIRE(rows.ok());
  std::map<int64_t, double> row_warmth;
  std::map<Health, int> by_rows;
  for (const auto& r : *rows) {
    row_warmth[r.contact.id] = r.warmth;
    ++by_rows[health_for_warmth(r.warmth)];
  }
  auto detail_of = [&](int64_t id) {
    auto d = api.contact(id, kToday);
    REQUIRE(d.ok());
    return *d;
  };
  // Every card dealt today (a big limit deals them all) carries the row's warmth.
  auto deck = deck_on(*store, kToday, 50);
  int compared = 0;
  for (const Card& card : deck) {
    CHECK(card.warmth == Approx(row_warmth.at(card.contact_id)).epsilon(1e-12));
    ++compared;
  }
  CHECK(compared >= 2);
  for (const int64_t id : ids) {
    const auto d = detail_of(id);
    CHECK(d.warmth == Approx(row_warmth.at(id)).epsilon(1e-12));
    CHECK(health_of(d.contact, d.interactions, kToday) == health_for_warmth(row_warmth.at(id)));
  }
  auto stats = api.stats(kToday);
  REQUIRE(stats.ok());
  CHECK(stats->warm == by_rows[Health::warm]);
  CHECK(stats->cooling == by_rows[Health::cooling]);
  CHECK(stats->cold == by_rows[Health::cold]);
  CHECK(stats->dormant == by_rows[Health::dormant]);
  CHECK(stats->warm + stats->cooling + stats->cold + stats->dormant == static_cast<int>(ids.size()));
  // The inner tie talked to 2 days ago is warm; the one never in touch for 3 years is not.
  CHECK(health_for_warmth(row_warmth.at(inner)) == Health::warm);
  CHECK(health_for_warmth(row_warmth.at(ids[0])) != Health::warm);
}

TEST_CASE("card words: connected is not talked, real touches are, tiered is back on the list", "[words][schedule]") {
  auto store = memory_store();
  Goal goal;
  goal.text = "find a product role in Berlin";
  REQUIRE(Rekindle(*store).add_goal(goal).ok());

  SECTION("never in touch since the LinkedIn connection: a reactivation") {
    const auto id = add_contact(*store, NewContact("Ada Never", "dormant", kToday - 3 * 365 - 10), kToday - 1);
    const auto deck = deck_on(*store, kToday);
    const Card* card = card_for(deck, id);
    REQUIRE(card);
    CHECK(card->kind == CardKind::reactivation);
    CHECK(card->touch == "Connected 3 years ago, never in touch since");
    CHECK(!card->days_since_talked);
    CHECK(card->reason == "dormant tie, never followed up");
    CHECK(!contains(card->reason, "talked"));
    CHECK(!contains(card->reason, "overdue"));
  }
  SECTION("a real touch, long ago: who wrote last (an e-mail the user sent)") {
    const auto id = add_contact(*store, NewContact("Bo Once", "dormant", kToday - 6 * 365), kToday - 1);
    log_touch(*store, id, kToday - 4 * 365 - 3);
    const auto deck = deck_on(*store, kToday);
    const Card* card = card_for(deck, id);
    REQUIRE(card);
    CHECK(card->touch == "You last wrote 4 years ago");
    CHECK(card->reason == "dormant tie, silent 4 years");
  }
  SECTION("just given a close tier after 4 silent years: back on the list, not overdue by years") {
    const auto id = add_contact(*store, NewContact("Cy Tiered", "dormant", kToday - 6 * 365), kToday - 30);
    log_touch(*store, id, kToday - 4 * 365 - 3);
    give_tier(*store, id, "close", kToday, "high");
    CHECK(!contact_of(*store, id).due);  // ready now, not due four years ago
    const auto deck = deck_on(*store, kToday);
    const Card* card = card_for(deck, id);
    REQUIRE(card);
    CHECK(card->kind == CardKind::due);
    CHECK(card->back_on_list);
    CHECK(card->overdue_days == 0);
    CHECK(card->touch == "You last wrote 4 years ago");
    CHECK(card->reason == "back on your list as a close tie; relevant to goal: find a product role in Berlin");
    CHECK(!contains(card->reason, "overdue"));
  }
  SECTION("a never-touched connection given a tier reads the same") {
    const auto id = add_contact(*store, NewContact("Di Listed", "dormant", kToday - 3 * 365 - 10), kToday - 30);
    give_tier(*store, id, "inner", kToday);
    const auto deck = deck_on(*store, kToday);
    const Card* card = card_for(deck, id);
    REQUIRE(card);
    CHECK(card->touch == "Connected 3 years ago, never in touch since");
    CHECK(card->reason == "back on your list as an inner-circle tie");
  }
  SECTION("overdue within the cadence: \"due N days ago\" with N the days past the due day") {
    const auto id = add_contact(*store, NewContact("Eve Close", "close", kToday - 900), kToday - 100);
    log_touch(*store, id, kToday - 70, "neutral", 3);
    const Contact c = contact_of(*store, id);
    REQUIRE(c.due);
    const int late = kToday - *c.due;
    REQUIRE(late > 1);
    REQUIRE(late <= 30);
    const auto deck = deck_on(*store, kToday);
    const Card* card = card_for(deck, id);
    REQUIRE(card);
    CHECK(card->touch == "You last wrote 2 months ago");
    const std::string ago = late < 14 ? std::to_string(late) + " days" : std::to_string(late / 7) + " weeks";
    CHECK(card->reason == "close tie; due " + ago + " ago");
  }
  SECTION("past a whole cadence: no \"overdue by\" a cadence never kept") {
    const auto id = add_contact(*store, NewContact("Fay Lapsed", "close", kToday - 2000), kToday - 1000);
    log_touch(*store, id, kToday - 420, "neutral", 3);
    const auto deck = deck_on(*store, kToday);
    const Card* card = card_for(deck, id);
    REQUIRE(card);
    CHECK(card->reason == "close tie, meant to be monthly, silent 13 months");
  }
  SECTION("snoozed three times, starred: said plainly") {
    const auto id = add_contact(*store, NewContact("Gus Snoozed", "regular", kToday - 900), kToday - 100);
    log_touch(*store, id, kToday - 95, "neutral", 3);
    REQUIRE(store->transaction([&] {
                   auto f = store->scheduling_fields(id);
                   SchedulingFields fields = **f;
                   fields.snooze_streak = 3;
                   fields.starred = true;
                   fields.due = kToday;
                   return store->set_scheduling_fields(id, fields);
                 })
                .ok());
    const auto deck = deck_on(*store, kToday);
    const Card* card = card_for(deck, id);
    REQUIRE(card);
    CHECK(card->reason ==
          "regular contact; due today; starred for this week; snoozed 3 times in a row: longer cadence or archive?");
  }
}

TEST_CASE("touch words read as sentences", "[words]") {
  CHECK(touch_words(std::nullopt, std::nullopt) == "No touchpoint logged yet");
  CHECK(touch_words(std::nullopt, 0) == "Connected today, not in touch yet");
  CHECK(touch_words(std::nullopt, 1) == "Connected yesterday, never in touch since");
  CHECK(touch_words(std::nullopt, 20) == "Connected 2 weeks ago, never in touch since");
  CHECK(touch_words(std::nullopt, 3 * 365 + 30) == "Connected 3 years ago, never in touch since");
  CHECK(touch_words(9, 3 * 365) == "Last talked 9 days ago");
  CHECK(touch_words(0, std::nullopt) == "Last talked today");
}

TEST_CASE("once dealt, today's deck does not grow while the user works", "[words][review]") {
  auto store = memory_store();
  // Three regular contacts due on earlier days (a backlog: no reactivations today) and a
  // dormant pool that would fill the deck once the backlog is cleared.
  std::vector<int64_t> due;
  for (int i = 0; i < 3; ++i) {
    const auto id = add_contact(*store, NewContact("Due " + std::to_string(i), "regular", kToday - 900), kToday - 200);
    log_touch(*store, id, kToday - 170 - i, "neutral", 3);
    due.push_back(id);
  }
  for (int i = 0; i < 6; ++i)
    add_contact(*store, NewContact("Pool " + std::to_string(i), "dormant", kToday - 2000 - i), kToday - 200);

  auto session = ReviewSession::open(*store, kToday);
  REQUIRE(session.ok());
  REQUIRE(session->total() == 3);
  CHECK(session->progress_text() == "1 / 3");
  REQUIRE(session->decide(Direction::right).ok());
  REQUIRE(session->decide(Direction::skip).ok());
  CHECK(session->progress_text() == "3 / 3");
  REQUIRE(session->decide(Direction::left).ok());
  // The backlog is cleared, but the deck stays as dealt: no reactivations appear at 3 of 3.
  CHECK(session->remaining() == 0);
  CHECK(session->total() == 3);
  // Not after leaving the screen and coming back (a new session), nor from the CLI's deck.
  auto again = ReviewSession::open(*store, kToday);
  REQUIRE(again.ok());
  CHECK(again->remaining() == 0);
  CHECK(again->total() == 3);
  CHECK(deck_on(*store, kToday).empty());
  // Undo puts its card back, and only it.
  auto undone = again->undo();
  REQUIRE(undone.ok());
  REQUIRE(*undone);
  CHECK(again->remaining() == 1);
  CHECK(again->total() == 3);
  CHECK(again->current()->contact_id == (*undone)->contact_id);
  // An edit of a dealt contact (relevance, a note) adds nothing either.
  ContactEdit note;
  note.note = "met at the conference";
  REQUIRE(Rekindle(*store).edit_contact(due[0], note, kToday).ok());
  REQUIRE(again->refresh().ok());
  CHECK(again->total() == 3);
  REQUIRE(again->decide(Direction::left).ok());
  // Tomorrow is dealt afresh, with reactivations.
  auto tomorrow = ReviewSession::open(*store, kToday + 1);
  REQUIRE(tomorrow.ok());
  int reactivations = 0;
  for (const auto& c : tomorrow->deck()) reactivations += c.kind == CardKind::reactivation;
  CHECK(reactivations == 2);
}

TEST_CASE("the deck is dealt again, topped up, when the user puts more people on the list", "[words][review]") {
  auto store = memory_store();
  std::vector<int64_t> pool;
  for (int i = 0; i < 30; ++i)
    pool.push_back(add_contact(*store, NewContact("Pool " + std::to_string(i), "dormant", kToday - 1500 - i), kToday));
  auto session = ReviewSession::open(*store, kToday);
  REQUIRE(session.ok());
  CHECK(session->total() == 2);  // two reactivations
  REQUIRE(session->decide(Direction::skip).ok());
  for (int i = 0; i < 12; ++i) give_tier(*store, pool[static_cast<size_t>(i)], i < 4 ? "close" : "regular", kToday);
  // Back on Today after sorting: the full daily limit, the decided card still counted.
  auto after = ReviewSession::open(*store, kToday);
  REQUIRE(after.ok());
  CHECK(after->total() == kDefaultDailyLimit);
  CHECK(after->decided() == 1);
}

TEST_CASE("after a LinkedIn import of 300 and sorting 60: a full, varied, ranked deck", "[words][review]") {
  auto store = memory_store();
  const Day imported = kToday - 1;
  const auto ids = import_linkedin(*store, 300, imported);

  // Before sorting: two reactivations, ranked by something meaningful, not file order.
  const auto first = deck_on(*store, imported);
  REQUIRE(first.size() == 2);
  for (const Card& c : first) {
    CHECK(c.kind == CardKind::reactivation);
    CHECK(contains(c.touch, "never in touch since"));
    CHECK(title_seniority(c.title) == 3);  // the most senior titles first at equal value
  }
  CHECK(!(first[0].contact_id == ids[0] && first[1].contact_id == ids[1]));

  // The user sorts: a goal, 60 people given tiers, a third of them relevant to the goal.
  Goal goal;
  goal.text = "move into climate tech";
  REQUIRE(Rekindle(*store).add_goal(goal).ok());
  std::set<int64_t> relevant;
  std::map<int64_t, std::string> tier_of;
  for (int i = 0; i < 60; ++i) {
    const int64_t id = ids[static_cast<size_t>(i * 5)];
    const std::string tier = i % 6 == 0 ? "inner" : i % 6 < 3 ? "close" : i % 6 < 5 ? "regular" : "wider";
    const bool helps = i % 3 == 1;
    give_tier(*store, id, tier, kToday, helps ? (i % 4 < 2 ? "high" : "some") : "none");
    tier_of[id] = tier;
    if (helps) relevant.insert(id);
  }

  auto session = ReviewSession::open(*store, kToday);
  REQUIRE(session.ok());
  const auto& deck = session->deck();
  REQUIRE(static_cast<int>(deck.size()) == kDefaultDailyLimit);
  int listed = 0, reactivations = 0, relevant_cards = 0;
  std::set<std::string> tiers;
  for (const Card& c : deck) {
    CHECK(!contains(c.reason, "overdue"));
    if (c.kind == CardKind::reactivation) {
      ++reactivations;
      continue;
    }
    ++listed;
    CHECK(c.back_on_list);
    CHECK(contains(c.reason, "back on your list"));
    tiers.insert(tier_of.at(c.contact_id));
    relevant_cards += relevant.count(c.contact_id) ? 1 : 0;
  }
  CHECK(listed == kDefaultDailyLimit - 2);
  CHECK(reactivations == 2);
  // Ranked: the listed cards come by value, the relevant ones first.
  for (size_t i = 1; i < static_cast<size_t>(listed); ++i) CHECK(deck[i - 1].value >= deck[i].value);
  CHECK(relevant_cards == listed);
  CHECK(tiers.size() >= 2);
  // Varied and not in file order: the listed cards are not simply the lowest ids.
  std::vector<int64_t> listed_ids;
  for (int i = 0; i < listed; ++i) listed_ids.push_back(deck[static_cast<size_t>(i)].contact_id);
  CHECK(!std::is_sorted(listed_ids.begin(), listed_ids.end()));

  // The rest arrive over the next days, a full deck a day, none of them "overdue".
  std::set<int64_t> seen;
  int days_with_listed = 0;
  for (int d = 0; d < 12; ++d) {
    auto s = ReviewSession::open(*store, kToday + d);
    REQUIRE(s.ok());
    CHECK(s->total() <= kDefaultDailyLimit);
    bool any_listed = false;
    while (const Card* c = s->current()) {
      CHECK(!contains(c->reason, "overdue"));
      if (c->back_on_list) {
        any_listed = true;
        CHECK(seen.insert(c->contact_id).second);
      }
      // Reach out to the listed (the message is sent and logged), skip the rest.
      const int64_t id = c->contact_id;
      const bool reach_out = c->back_on_list;
      REQUIRE(s->decide(reach_out ? Direction::right : Direction::skip).ok());
      if (reach_out) {
        log_touch(*store, id, kToday + d);
        REQUIRE(s->refresh_contact(id).ok());
      }
    }
    days_with_listed += any_listed;
  }
  CHECK(seen.size() == 60);  // every sorted person got a card within 8 days
  CHECK(days_with_listed >= 7);
  CHECK(days_with_listed <= 9);
}

TEST_CASE("the forecast places a sorted network at the pace the deck deals it", "[words][stats]") {
  auto store = memory_store();
  for (int i = 0; i < 30; ++i) {
    const auto id = add_contact(*store, NewContact("P" + std::to_string(i), "dormant", kToday - 2000), kToday);
    give_tier(*store, id, "regular", kToday);
  }
  auto st = Rekindle(*store).stats(kToday);
  REQUIRE(st.ok());
  // 30 ready, 8 a day (10 minus the two reactivation slots): 8, 8, 8, 6.
  CHECK(st->due_next_14_days[0] == 8);
  CHECK(st->due_next_14_days[1] == 8);
  CHECK(st->due_next_14_days[2] == 8);
  CHECK(st->due_next_14_days[3] == 6);
  CHECK(st->due_next_14_days[4] == 0);
}
