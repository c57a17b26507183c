// Issue 13: the deck from SQL (due contacts by index, reactivation candidates from the
// maintained pool_rank table) deals exactly what the whole-network deck builder deals, day
// after day, after decisions, undos, touches, goal, tier and trust changes and other seeds.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "core/deck_query.h"
#include "core/rekindle.h"
#include "core/review_session.h"
#include "core/schedule.h"
#include "tests/engine_fixtures.h"
#include "tests/test_support.h"

using namespace rekindle::core;
using rekindle::test::day;
using rekindle::test::memory_store;

namespace {

// What a card shows and where it is: two decks are the same when these are.
std::vector<std::string> shown(const std::vector<Card>& deck) {
  std::vector<std::string> out;
  for (const Card& c : deck)
    out.push_back(std::to_string(c.contact_id) + " " + card_kind_name(c.kind) + " " + std::to_string(c.score) + " " +
                  c.reason + " | " + c.touch);
  return out;
}

// The deck as it was built before issue 13: from every contact in memory. The oracle.
std::vector<Card> whole_network_deck(Store& store, Day today, int limit, bool with_dealt) {
  auto net = load_network(store);
  REQUIRE(net.ok());
  auto done = decisions_on(store, today);
  REQUIRE(done.ok());
  auto seed = schedule_seed(store);
  REQUIRE(seed.ok());
  std::optional<DealtDeck> held;
  if (with_dealt) {
    auto dealt = dealt_deck(store, today);
    REQUIRE(dealt.ok());
    if (*dealt && listed_count(*net) <= (*dealt)->listed) held = **dealt;
  }
  return build_deck(*net, *done, today, limit, *seed, held ? &held->contacts : nullptr);
}

// The deck from today's SQL candidates alone, dealt afresh (no dealt deck).
std::vector<Card> candidate_deck(Store& store, Day today, int limit) {
  auto done = decisions_on(store, today);
  REQUIRE(done.ok());
  auto seed = schedule_seed(store);
  REQUIRE(seed.ok());
  auto net = load_deck_network(store, today, *done, *seed);
  INFO((net.ok() ? "" : net.error()));
  REQUIRE(net.ok());
  return build_deck(*net, *done, today, limit, *seed);
}

// A network like an imported one: most people in the dormant pool, connected over ten
// years (a good share within the last three, some crossing that line during the test), many
// with the same inputs so that the tie-breaks decide; a few on the list.
void add_network(Rekindle& api, std::mt19937& rng, int count, Day start) {
  const char* titles[] = {"", "Engineer", "Senior Engineer", "Director", "CTO", "Designer", "Head of Sales"};
  const char* tiers[] = {"inner", "close", "regular", "wider"};
  for (int i = 0; i < count; ++i) {
    Contact c;
    c.name = "Person " + std::to_string(i);
    c.title = titles[rng() % 7];
    c.tier = rng() % 30 == 0 ? tiers[rng() % 4] : "dormant";
    if (rng() % 5) c.connected_on = start - static_cast<int>(rng() % 3650);
    if (rng() % 25 == 0) c.connected_on = start - 1090 + static_cast<int>(rng() % 12);  // crossing 3 years
    if (rng() % 3 == 0) c.trust = static_cast<double>(rng() % 5) / 4.0;
    auto id = api.add_contact(c, start);
    REQUIRE(id.ok());
    if (rng() % 6 == 0) {
      Interaction x;
      x.contact_id = *id;
      x.date = start - 200 - static_cast<int>(rng() % 2500);
      x.channel = "email";
      x.kind = rng() % 2 ? "give" : "inbound";
      REQUIRE(api.log_touch(x, start).ok());
    }
  }
}

}  // namespace

TEST_CASE("the SQL deck equals the whole-network deck, day after day, for several seeds", "[deck][review]") {
  for (const uint64_t seed : {uint64_t{1}, uint64_t{77}, uint64_t{20261201}}) {
    CAPTURE(seed);
    auto store = memory_store();
    Rekindle api(*store);
    REQUIRE(api.set_setting("schedule_seed", std::to_string(seed)).ok());
    std::mt19937 rng(static_cast<unsigned>(seed));
    const Day start = day("2026-03-01");
    add_network(api, rng, 400, start);
    auto goal_a = api.add_goal(Goal{0, "Find a product role", "", std::nullopt, false, false});
    auto goal_b = api.add_goal(Goal{0, "Hire two engineers", "", std::nullopt, false, false});
    REQUIRE(goal_a.ok());
    REQUIRE(goal_b.ok());
    int reactivations = 0;
    for (int d = 0; d < 12; ++d) {
      const Day today = start + d;
      CAPTURE(d);
      // Changes made elsewhere: goal links, tiers, trust, touches, the current goal.
      for (int k = 0; k < 6; ++k) {
        const int64_t id = 1 + static_cast<int64_t>(rng() % 400);
        ContactEdit edit;
        switch (rng() % 6) {
          case 0: edit.relevance = rng() % 2 ? "high" : "some"; break;
          case 1: edit.offer = "an intro to my team"; break;
          case 2: edit.trust = static_cast<double>(rng() % 5) / 4.0; break;
          case 3: edit.tier = rng() % 3 ? "dormant" : "wider"; break;
          case 4: edit.relevance = "none"; break;
          default: {
            Interaction x;
            x.contact_id = id;
            x.date = today - static_cast<int>(rng() % 1500);
            x.channel = "meeting";
            x.kind = "neutral";
            REQUIRE(api.log_touch(x, today).ok());
            continue;
          }
        }
        REQUIRE(api.edit_contact(id, edit, today).ok());
      }
      if (d % 4 == 3) REQUIRE(api.set_current_goal(d % 8 == 3 ? goal_b->id : goal_a->id).ok());

      CHECK(shown(candidate_deck(*store, today, kDefaultDailyLimit)) ==
            shown(whole_network_deck(*store, today, kDefaultDailyLimit, false)));
      CHECK(shown(candidate_deck(*store, today, 40)) == shown(whole_network_deck(*store, today, 40, false)));

      // The day's review: every command's deck against the oracle's. Opening it deals the
      // day's deck (a fresh deal, as the oracle without a dealt deck); then it holds.
      auto dealt_before = dealt_deck(*store, today);
      REQUIRE(dealt_before.ok());
      auto session = ReviewSession::open(*store, today);
      REQUIRE(session.ok());
      CHECK(shown(session->deck()) ==
            shown(whole_network_deck(*store, today, kDefaultDailyLimit, dealt_before->has_value())));
      for (int step = 0; step < 10 && session->current(); ++step) {
        if (session->current()->kind == CardKind::reactivation) ++reactivations;
        if (rng() % 5 == 0) {
          REQUIRE(session->undo().ok());
        } else {
          REQUIRE(session->decide(static_cast<Direction>(rng() % 5), static_cast<SnoozeChoice>(rng() % 3)).ok());
        }
        CHECK(shown(session->deck()) == shown(whole_network_deck(*store, today, kDefaultDailyLimit, true)));
        if (step % 3 == 0) CHECK(shown(session->deck()) == shown(rekindle::test::deck_on(*store, today)));
      }
      CHECK(shown(candidate_deck(*store, today, kDefaultDailyLimit)) ==
            shown(whole_network_deck(*store, today, kDefaultDailyLimit, false)));
    }
    CHECK(reactivations > 10);  // the pool's part of the deck was exercised, not only due cards
  }
}

TEST_CASE("pool_rank follows a new seed, a new goal and a deleted contact", "[deck]") {
  auto store = memory_store();
  Rekindle api(*store);
  std::mt19937 rng(5);
  const Day today = day("2026-05-01");
  add_network(api, rng, 120, today);
  auto goal = api.add_goal(Goal{0, "Raise a seed round", "", std::nullopt, false, false});
  REQUIRE(goal.ok());
  for (int64_t id = 1; id <= 120; id += 7) {
    ContactEdit edit;
    edit.relevance = "high";
    REQUIRE(api.edit_contact(id, edit, today).ok());
  }
  const auto check = [&] {
    CHECK(shown(candidate_deck(*store, today, 30)) == shown(whole_network_deck(*store, today, 30, false)));
  };
  check();
  REQUIRE(api.set_setting("schedule_seed", "4242").ok());
  check();
  REQUIRE(api.archive_goal(goal->id).ok());
  check();
  REQUIRE(api.merge_contacts(3, 10, today).ok());  // the duplicate's row goes with it
  check();
}

TEST_CASE("gui --first-frame-exit shows the first frame of the deck and quits", "[gui][window][deck]") {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) FAIL("DISPLAY is not set: run the tests under a display (e.g. Xvfb :99 & DISPLAY=:99)");
  rekindle::test::TempDir dir;
  const std::string db = dir.file("first-frame.db");
  auto added = rekindle::test::run_rekindle({"--db", db, "add", "--name", "Ada Lovelace", "--tier", "close"});
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  auto run = rekindle::test::run_rekindle({"--db", db, "gui", "--first-frame-exit", "--date", "2026-12-01"});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  // Without the flag the window would wait for the user: it quit on its own, and the
  // database it opened is as it was, Ada still today's card.
  auto due = rekindle::test::run_rekindle({"--db", db, "due", "--date", "2026-12-01"});
  CHECK(due.out.find("Ada Lovelace") != std::string::npos);
}
