// MODEL.md properties 3, 4, 5, 8 and 9, undo and --date replay: the schedule and the review
// session over a real store.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "core/model.h"
#include "core/review_session.h"
#include "core/schedule.h"
#include "tests/engine_fixtures.h"
#include "tests/test_support.h"

using namespace rekindle::core;
using rekindle::test::add_contact;
using rekindle::test::contact_of;
using rekindle::test::day;
using rekindle::test::deck_on;
using rekindle::test::dump;
using rekindle::test::memory_store;
using rekindle::test::NewContact;

namespace {

std::vector<int64_t> ids_of(const std::vector<Card>& deck) {
  std::vector<int64_t> out;
  for (const auto& c : deck) out.push_back(c.contact_id);
  return out;
}

DecisionOutcome decide_top(Store& store, Day today, Direction d, SnoozeChoice s = SnoozeChoice::week) {
  auto session = ReviewSession::open(store, today);
  REQUIRE(session.ok());
  REQUIRE(session->current() != nullptr);
  auto out = session->decide(d, s);
  INFO((out.ok() ? "" : out.error()));
  REQUIRE(out.ok());
  return *out;
}

std::vector<Interaction> history(Store& store, int64_t id) {
  auto xs = store.interactions(id);
  REQUIRE(xs.ok());
  return *xs;
}

// Overwrites every decision's before-state through a second connection to the store's
// file, as a bad disk or another program would.
void damage_decisions(const std::string& path, const std::string& before_state) {
  auto db = Database::open(path, SQLITE_OPEN_READWRITE);
  REQUIRE(db.ok());
  auto s = (*db)->prepare("UPDATE decisions SET before_state = ?");
  REQUIRE(s.ok());
  s->bind(1, before_state);
  REQUIRE(s->run().ok());
}

std::unique_ptr<Store> file_store(const std::string& path) {
  auto store = Store::open(path);
  REQUIRE(store.ok());
  return std::move(*store);
}

}  // namespace

TEST_CASE("add schedules a new contact; the dormant pool is not scheduled", "[review]") {
  auto store = memory_store();
  const Day today = day("2026-03-02");
  const auto fresh = add_contact(*store, {"Fresh", "close"}, today);
  // Never touched: no due day, and in the deck at once, on any day (a replay of an earlier
  // day included).
  CHECK_FALSE(contact_of(*store, fresh).due);
  for (Day d : {today - 400, today, today + 30}) CHECK(ids_of(deck_on(*store, d)) == std::vector<int64_t>{fresh});
  const auto known = add_contact(*store, {"Known", "regular", day("2026-02-01")}, today);
  // MODEL.md: the connection date is not a conversation, so it gives no due day; the first
  // real touch does.
  CHECK_FALSE(contact_of(*store, known).due);
  rekindle::test::log_touch(*store, known, day("2026-02-01"));
  const auto due = contact_of(*store, known).due;
  REQUIRE(due);
  const auto range = fuzz_range(90);
  CHECK(*due - day("2026-02-01") >= range.low);
  CHECK(*due - day("2026-02-01") <= range.high);
  const auto pooled = add_contact(*store, {"Imported", "dormant", day("2019-05-01")}, today);
  CHECK_FALSE(contact_of(*store, pooled).due);
}

TEST_CASE("logging replays the event log; the stored due equals a fresh replay", "[review]") {
  auto store = memory_store();
  std::mt19937 rng(7);
  const char* tiers[] = {"inner", "close", "regular", "wider"};
  std::vector<int64_t> ids;
  for (int i = 0; i < 20; ++i)
    ids.push_back(add_contact(*store, {"P" + std::to_string(i), tiers[i % 4], day("2025-01-01")}, day("2025-01-01")));
  Day d = day("2025-01-02");
  for (int step = 0; step < 200; ++step) {
    d = d + static_cast<int>(rng() % 4);
    const auto id = ids[rng() % ids.size()];
    const int g = static_cast<int>(rng() % 5);  // 0: unknown outcome
    rekindle::test::log_touch(*store, id, d, g == 0 ? "give" : "neutral", g ? std::optional<int>(g) : std::nullopt);
  }
  auto seed = schedule_seed(*store);
  REQUIRE(seed.ok());
  for (auto id : ids) {
    const Contact c = contact_of(*store, id);
    const auto xs = history(*store, id);
    CHECK(c.due == scheduled_due(c, xs, *seed));
    // And the due is the last touch plus a fuzzed interval of the replayed stability.
    const double s = replay_stability(c, xs);
    const auto r = fuzz_range(s);
    const int gap = *c.due - *last_touch(c, xs);
    CHECK(gap >= r.low);
    CHECK(gap <= std::min<int>(r.high, static_cast<int>(2 * initial_stability(c))));
  }
}

TEST_CASE("snooze, skip, star and archive never change stability or history", "[review]") {
  auto store = memory_store();
  const Day today = day("2026-05-10");
  for (int i = 0; i < 8; ++i) {
    const auto id = add_contact(*store, {"C" + std::to_string(i), i % 2 ? "close" : "regular", day("2025-01-01")},
                                day("2025-01-01"));
    rekindle::test::log_touch(*store, id, day("2025-06-01") + i, "give", 3);
  }
  for (Direction d : {Direction::left, Direction::skip, Direction::up, Direction::down, Direction::left}) {
    auto deck = deck_on(*store, today);
    REQUIRE_FALSE(deck.empty());
    const auto id = deck.front().contact_id;
    const Contact before = contact_of(*store, id);
    const auto xs_before = history(*store, id);
    const double s_before = replay_stability(before, xs_before);
    decide_top(*store, today, d);
    const Contact after = contact_of(*store, id);
    const auto xs_after = history(*store, id);
    CHECK(xs_after == xs_before);
    CHECK(replay_stability(after, xs_after) == s_before);
    CHECK(after.tier == before.tier);
    CHECK(after.cadence_days == before.cadence_days);
    if (d == Direction::left) CHECK(after.due == today + kSnoozeWeekDays);
    if (d == Direction::skip) CHECK(after.due == today + 1);
    if (d == Direction::up) CHECK(after.starred);
    if (d == Direction::down) CHECK(after.archived);
  }
}

TEST_CASE("snooze durations, and a suggestion after 3 snoozes in a row", "[review]") {
  auto store = memory_store();
  const auto id = add_contact(*store, {"Sam", "close", day("2025-01-01")}, day("2025-01-01"));
  Day d = day("2025-06-01");
  const std::pair<SnoozeChoice, int> choices[] = {
      {SnoozeChoice::week, 7}, {SnoozeChoice::month, 30}, {SnoozeChoice::quarter, 91}};
  int n = 0;
  for (const auto& [choice, days] : choices) {
    auto deck = deck_on(*store, d);
    REQUIRE(deck.size() == 1);
    CHECK(deck[0].suggest_rethink == (n >= 3));
    const auto out = decide_top(*store, d, Direction::left, choice);
    ++n;
    CHECK(out.due == d + days);
    CHECK(out.snooze_streak == n);
    CHECK(out.suggest_rethink == (n >= 3));
    CHECK(deck_on(*store, d).empty());
    CHECK(deck_on(*store, d + days - 1).empty());
    d = d + days;
  }
  auto deck = deck_on(*store, d);
  REQUIRE(deck.size() == 1);
  CHECK(deck[0].suggest_rethink);
  CHECK_THAT(deck[0].reason, Catch::Contains("longer cadence or archive"));
  // Reaching out ends the streak.
  rekindle::test::log_touch(*store, id, d);
  CHECK(contact_of(*store, id).snooze_streak == 0);
}

TEST_CASE("deck order: more overdue first at equal value, more valuable first at equal overdueness", "[review]") {
  auto store = memory_store();
  const Day start = day("2025-01-01");
  const auto long_ago = add_contact(*store, {"Long ago", "regular", day("2024-01-01")}, start);
  const auto recent = add_contact(*store, {"Recent", "regular", day("2024-06-01")}, start);
  const auto trusted = add_contact(*store, {"Trusted", "wider", day("2023-01-01"), 0.9}, start);
  const auto doubtful = add_contact(*store, {"Doubtful", "wider", day("2023-01-01"), 0.1}, start);
  const auto deck = ids_of(deck_on(*store, day("2025-03-01")));
  auto pos = [&](int64_t id) { return std::find(deck.begin(), deck.end(), id) - deck.begin(); };
  REQUIRE(deck.size() == 4);
  CHECK(pos(long_ago) < pos(recent));
  CHECK(pos(trusted) < pos(doubtful));
}

TEST_CASE("a formerly close tie silent for years comes before a formerly weak one", "[review]") {
  // MODEL.md: the connection date is not a conversation, so "formerly close" needs a real
  // touch; four silent years later neither is "overdue by years" (past a whole cadence).
  auto store = memory_store();
  const auto weak = add_contact(*store, {"Weak", "wider", day("2020-01-01")}, day("2020-01-01"));
  const auto strong = add_contact(*store, {"Strong", "close", day("2020-01-01")}, day("2020-01-01"));
  rekindle::test::log_touch(*store, weak, day("2020-01-01"));
  rekindle::test::log_touch(*store, strong, day("2020-01-01"));
  const auto deck = deck_on(*store, day("2024-01-01"));
  REQUIRE(deck.size() == 2);
  CHECK(deck[0].contact_id == strong);
  CHECK(deck[1].contact_id == weak);
  CHECK(deck[0].reason == "close tie, meant to be monthly, silent 4 years");
  // Never in touch at all: both are back on the list, the closer one first by value.
  auto store2 = memory_store();
  const auto weak2 = add_contact(*store2, {"Weak", "wider", day("2020-01-01")}, day("2020-01-01"));
  const auto strong2 = add_contact(*store2, {"Strong", "close", day("2020-01-01")}, day("2020-01-01"));
  const auto deck2 = deck_on(*store2, day("2024-01-01"));
  REQUIRE(deck2.size() == 2);
  CHECK(deck2[0].contact_id == strong2);
  CHECK(deck2[1].contact_id == weak2);
  CHECK(deck2[0].reason == "back on your list as a close tie");
}

TEST_CASE("reasons in plain words", "[review]") {
  auto store = memory_store();
  int64_t goal_id = 0;
  REQUIRE(store
              ->transaction([&]() -> Status {
                Goal g;
                g.text = "move into product management";
                g.current = true;
                auto id = store->insert_goal(g);
                if (!id) return make_error(id.error());
                goal_id = *id;
                return Status::success();
              })
              .ok());
  const auto id = add_contact(*store, {"Close", "close", day("2024-01-10")}, day("2024-01-10"));
  REQUIRE(store->transaction([&] { return store->upsert_goal_link({id, goal_id, "high", "", "an intro"}); }).ok());
  const auto deck = deck_on(*store, day("2025-03-15"));
  REQUIRE(deck.size() == 1);
  // Connected, never in touch (MODEL.md): on the list, not "silent" or "overdue".
  CHECK(deck[0].reason == "back on your list as a close tie; relevant to goal: move into product management");
  CHECK(deck[0].touch == "Connected 14 months ago, never in touch since");
  // Goal relevance and an offer raise the value.
  CHECK(deck[0].value > value_score(ValueInputs{0, kDefaultTrust, deck[0].value, 0, 0, 0.75}) - 1);  // sanity
  auto store2 = memory_store();
  const auto plain = add_contact(*store2, {"Close", "close", day("2024-01-10")}, day("2024-01-10"));
  const auto deck2 = deck_on(*store2, day("2025-03-15"));
  REQUIRE(deck2.size() == 1);
  CHECK(deck2[0].contact_id == plain);
  CHECK(deck[0].value > deck2[0].value);

  auto store3 = memory_store();
  const auto overdue = add_contact(*store3, {"Overdue", "regular", day("2025-09-01")}, day("2025-09-01"));
  rekindle::test::log_touch(*store3, overdue, day("2025-09-01"));
  const Day today = *contact_of(*store3, overdue).due + 9;
  const auto deck3 = deck_on(*store3, today);
  REQUIRE(deck3.size() == 1);
  CHECK(deck3[0].reason == "regular contact; due 9 days ago");
}

TEST_CASE("the deck never exceeds N; reactivations at most 2 and none during a backlog", "[review]") {
  auto store = memory_store();
  const Day today = day("2026-02-01");
  for (int i = 0; i < 30; ++i)
    add_contact(*store, {"Pool" + std::to_string(i), "dormant", day("2018-01-01") + i}, today);
  // Only the dormant pool: two reactivations a day.
  auto deck = deck_on(*store, today);
  CHECK(deck.size() == 2);
  for (const auto& c : deck) CHECK(c.kind == CardKind::reactivation);
  // Due cards from today only: reactivations still come after them.
  for (int i = 0; i < 5; ++i) add_contact(*store, {"Today" + std::to_string(i), "close"}, today);
  deck = deck_on(*store, today);
  REQUIRE(deck.size() == 7);
  for (int i = 0; i < 5; ++i) CHECK(deck[static_cast<size_t>(i)].kind == CardKind::due);
  CHECK(deck[5].kind == CardKind::reactivation);
  // A backlog from earlier days: no reactivations.
  // (A real touch 200 days ago: a connection date alone is not one, MODEL.md.)
  for (int i = 0; i < 12; ++i) {
    const auto id = add_contact(*store, {"Backlog" + std::to_string(i), "close", today - 200}, today - 200);
    rekindle::test::log_touch(*store, id, today - 200);
  }
  for (int limit : {1, 5, 10, 20, 50}) {
    deck = deck_on(*store, today, limit);
    CHECK(static_cast<int>(deck.size()) == std::min(limit, 17));
    for (const auto& c : deck) CHECK(c.kind == CardKind::due);
  }
  // Decisions count against the limit.
  for (int i = 0; i < 4; ++i) decide_top(*store, today, Direction::skip);
  CHECK(deck_on(*store, today).size() == 6);
  auto session = ReviewSession::open(*store, today);
  REQUIRE(session.ok());
  CHECK(session->progress_text() == "5 / 10");
  CHECK(session->remaining() == 6);
}

TEST_CASE("reactivation slots: one in five drawn from the top 10, deterministic per day", "[review]") {
  auto store = memory_store();
  const Day start = day("2026-01-01");
  std::mt19937 rng(3);
  for (int i = 0; i < 40; ++i) {
    NewContact n{"Pool" + std::to_string(i), "dormant", day("2015-01-01") + static_cast<int>(rng() % 2000)};
    n.trust = (rng() % 100) / 100.0;
    add_contact(*store, n, start);
  }
  int not_top = 0, slots = 0;
  for (int k = 0; k < 200; ++k) {
    const Day d = start + k;
    const auto deck = deck_on(*store, d);
    REQUIRE(deck.size() == 2);
    CHECK(ids_of(deck) == ids_of(deck_on(*store, d)));  // same day, same deck
    auto net = load_network(*store);
    REQUIRE(net.ok());
    std::vector<std::pair<double, int64_t>> ranked;
    for (const auto& r : net->contacts) ranked.push_back({-value_score(value_inputs(r, d)), r.contact.id});
    std::sort(ranked.begin(), ranked.end());
    for (size_t i = 0; i < deck.size(); ++i) {
      ++slots;
      // The contacts still available for slot i, best first.
      std::vector<int64_t> remaining;
      for (const auto& [v, id] : ranked)
        if (i == 0 || id != deck[0].contact_id) remaining.push_back(id);
      const auto top10_end = remaining.begin() + 10;
      CHECK(std::find(remaining.begin(), top10_end, deck[i].contact_id) != top10_end);
      // Without a draw, the slot holds the best remaining contact.
      if (deck[i].contact_id != remaining[0]) ++not_top;
    }
  }
  // About one slot in five is drawn (a drawn slot may still land on the top one).
  CHECK(not_top > slots / 10);
  CHECK(not_top < slots * 3 / 10);
}

TEST_CASE("archived contacts never appear; skipped ones return the next day; right waits for the message", "[review]") {
  auto store = memory_store();
  const Day today = day("2026-04-01");
  const auto a = add_contact(*store, {"A", "close"}, today);
  const auto b = add_contact(*store, {"B", "close"}, today);
  const auto c = add_contact(*store, {"C", "close"}, today);
  REQUIRE(deck_on(*store, today).size() == 3);
  auto out = decide_top(*store, today, Direction::down);
  const auto archived = out.contact_id;
  out = decide_top(*store, today, Direction::skip);
  const auto skipped = out.contact_id;
  out = decide_top(*store, today, Direction::right);
  const auto reached = out.contact_id;
  CHECK(std::set<int64_t>{archived, skipped, reached} == std::set<int64_t>{a, b, c});
  CHECK(deck_on(*store, today).empty());
  const auto tomorrow = ids_of(deck_on(*store, today + 1));
  CHECK(tomorrow == std::vector<int64_t>{skipped});
  for (int k = 1; k < 400; k += 13)
    for (const auto& card : deck_on(*store, today + k)) CHECK(card.contact_id != archived);
  // The message is sent: the touch is tied to the swipe and replays the schedule.
  const auto sent = [&] {
    int64_t id = 0;
    REQUIRE(store
                ->transaction([&]() -> Status {
                  auto r = log_sent_message(*store, reached, today, "email", "give", "hello again");
                  if (!r) return make_error(r.error());
                  id = *r;
                  return Status::success();
                })
                .ok());
    return id;
  }();
  const auto xs = history(*store, reached);
  REQUIRE(xs.size() == 1);
  CHECK(xs[0].id == sent);
  CHECK_FALSE(xs[0].grade);  // provisional: counted as 3
  CHECK(effective_grade(xs[0]) == kProvisionalGrade);
  const Contact rc = contact_of(*store, reached);
  CHECK(*rc.due > today + kReachOutPendingDays);
  // The real outcome replays the schedule: no reply shortens the next interval.
  const auto due_before = *rc.due;
  REQUIRE(store->transaction([&] { return record_outcome(*store, sent, 1, today); }).ok());
  CHECK(*contact_of(*store, reached).due < due_before);
  // Undoing the right swipe removes the touch it led to.
  auto undone = undo_last_decision(*store);
  REQUIRE(undone.ok());
  REQUIRE(undone->has_value());
  CHECK((*undone)->direction == Direction::right);
  CHECK(history(*store, reached).empty());
}

TEST_CASE("a logged inbound message resets the due date", "[review]") {
  auto store = memory_store();
  const auto id = add_contact(*store, {"In", "regular", day("2025-01-01")}, day("2025-01-01"));
  const Day d = day("2025-05-01");
  REQUIRE(deck_on(*store, d).size() == 1);
  decide_top(*store, d, Direction::left, SnoozeChoice::quarter);
  CHECK(contact_of(*store, id).due == d + kSnoozeQuarterDays);
  const Day reply = d + 10;
  rekindle::test::log_touch(*store, id, reply, "inbound");
  const Contact c = contact_of(*store, id);
  const auto xs = history(*store, id);
  const double s = replay_stability(c, xs);
  const auto r = fuzz_range(s);
  REQUIRE(c.due);
  CHECK(*c.due - reply >= r.low);
  CHECK(*c.due - reply <= r.high);
  CHECK(*c.due != d + kSnoozeQuarterDays);
  CHECK(effective_grade(xs.back()) == kInboundGrade);
}

TEST_CASE("undo: random decisions then as many undos restore the exact state, also after reopening", "[review]") {
  rekindle::test::TempDir dir;
  const std::string path = dir.file("undo.db");
  const Day today = day("2026-06-15");
  {
    auto store = Store::open(path);
    REQUIRE(store.ok());
    std::mt19937 rng(11);
    const char* tiers[] = {"inner", "close", "regular", "wider", "dormant"};
    for (int i = 0; i < 40; ++i) {
      const auto id = add_contact(
          **store, {"U" + std::to_string(i), tiers[i % 5], day("2020-01-01") + static_cast<int>(rng() % 2000)},
          day("2020-01-01"));
      if (i % 3 == 0) rekindle::test::log_touch(**store, id, day("2025-01-01") + i, "give", 2 + i % 3);
    }
  }
  for (int round = 0; round < 4; ++round) {
    std::mt19937 rng(100 + round);
    std::vector<std::string> dumps;
    int steps = 0;
    {
      auto store = Store::open(path);
      REQUIRE(store.ok());
      dumps.push_back(dump(**store));
      for (int i = 0; i < 12; ++i) {
        const Day d = today + round * 2 + static_cast<int>(rng() % 2);
        auto session = ReviewSession::open(**store, d);
        REQUIRE(session.ok());
        if (!session->current()) continue;
        const auto dir_ = static_cast<Direction>(rng() % 5);
        const auto snooze = static_cast<SnoozeChoice>(rng() % 3);
        const auto card = *session->current();
        REQUIRE(session->decide(dir_, snooze).ok());
        ++steps;
        if (dir_ == Direction::right && rng() % 2) {
          // Sometimes the message goes out before the next swipe; it belongs to the swipe and
          // is undone with it.
          REQUIRE((*store)
                      ->transaction([&]() -> Status {
                        auto r = log_sent_message(**store, card.contact_id, d, "linkedin", "neutral", "");
                        return r ? Status::success() : Status(make_error(r.error()));
                      })
                      .ok());
        }
        dumps.push_back(dump(**store));
      }
    }
    REQUIRE(steps > 0);
    // Undo half in this process, the rest after reopening the file.
    int undone = 0;
    for (int pass = 0; pass < 2; ++pass) {
      auto store = Store::open(path);
      REQUIRE(store.ok());
      const int n = pass == 0 ? steps / 2 : steps - steps / 2;
      for (int i = 0; i < n; ++i) {
        auto session = ReviewSession::open(**store, today);
        REQUIRE(session.ok());
        auto u = session->undo();
        REQUIRE(u.ok());
        REQUIRE(u->has_value());
        ++undone;
        CHECK(dump(**store) == dumps[static_cast<size_t>(steps - undone)]);
      }
    }
    auto store = Store::open(path);
    REQUIRE(store.ok());
    CHECK(dump(**store) == dumps.front());
  }
}

TEST_CASE("undo with nothing to undo says so", "[review]") {
  auto store = memory_store();
  auto u = undo_last_decision(*store);
  REQUIRE(u.ok());
  CHECK_FALSE(u->has_value());
  auto session = ReviewSession::open(*store, day("2026-01-01"));
  REQUIRE(session.ok());
  CHECK(session->current() == nullptr);
  CHECK_FALSE(session->decide(Direction::right).ok());
  CHECK_FALSE(session->last_error().empty());
}

TEST_CASE("replaying a day with --date: the same store and seed give the same deck, run after run", "[review]") {
  auto build = [](uint64_t seed) {
    auto store = memory_store();
    if (seed)
      REQUIRE(store->transaction([&] { return store->set_setting("schedule_seed", std::to_string(seed)); }).ok());
    std::mt19937 rng(5);
    const char* tiers[] = {"inner", "close", "regular", "wider", "dormant"};
    for (int i = 0; i < 120; ++i)
      add_contact(*store, {"R" + std::to_string(i), tiers[i % 5], day("2025-09-01") + static_cast<int>(rng() % 150)},
                  day("2025-09-01"));
    std::vector<std::vector<int64_t>> decks;
    // No limit to speak of, so every due day shows.
    for (int k = 0; k < 60; ++k) decks.push_back(ids_of(deck_on(*store, day("2025-10-01") + k, 500)));
    return decks;
  };
  CHECK(build(0) == build(0));
  CHECK(build(99) == build(99));
  CHECK(build(99) != build(12345));  // the seed moves the fuzz and the draws
}

TEST_CASE("daily limit setting, default 10", "[review]") {
  auto store = memory_store();
  auto limit = daily_limit(*store);
  REQUIRE(limit.ok());
  CHECK(*limit == 10);
  const Day today = day("2026-01-05");
  for (int i = 0; i < 15; ++i) add_contact(*store, {"L" + std::to_string(i), "close"}, today);
  auto session = ReviewSession::open(*store, today);
  REQUIRE(session.ok());
  CHECK(session->remaining() == 10);
  CHECK(session->progress_text() == "1 / 10");
  REQUIRE(session->set_limit(4).ok());
  CHECK(session->remaining() == 4);
  CHECK(*daily_limit(*store) == 4);
  CHECK_FALSE(set_daily_limit(*store, 0).ok());
  CHECK_FALSE(set_daily_limit(*store, 100000).ok());
}

TEST_CASE("streak and end-of-session summary", "[review]") {
  auto store = memory_store();
  const Day first = day("2026-03-01");
  for (int i = 0; i < 10; ++i) add_contact(*store, {"S" + std::to_string(i), "close"}, first);
  for (int k = 0; k < 3; ++k) decide_top(*store, first + k, Direction::skip);
  CHECK(*review_streak(*store, first + 2) == 3);
  CHECK(*review_streak(*store, first + 3) == 3);  // today not reviewed yet: still running
  CHECK(*review_streak(*store, first + 4) == 0);  // a day missed
  const Day d = first + 2;
  decide_top(*store, d, Direction::right);
  decide_top(*store, d, Direction::left);
  decide_top(*store, d, Direction::up);
  decide_top(*store, d, Direction::down);
  auto sum = session_summary(*store, d, 10);
  REQUIRE(sum.ok());
  CHECK(sum->reviewed == 5);
  CHECK(sum->count(Direction::skip) == 1);
  CHECK(sum->count(Direction::right) == 1);
  CHECK(sum->count(Direction::left) == 1);
  CHECK(sum->count(Direction::up) == 1);
  CHECK(sum->count(Direction::down) == 1);
  CHECK(sum->remaining == 5);
  CHECK_FALSE(sum->finished);
  CHECK(sum->streak_days == 3);
}

TEST_CASE("a simulated year with 300 contacts", "[review][simulation]") {
  auto store = memory_store();
  std::mt19937 rng(2026);
  const Day start = day("2026-01-01");
  struct Tier {
    const char* name;
    int count;
  };
  const Tier tiers[] = {{"inner", 5}, {"close", 15}, {"regular", 50}, {"wider", 150}, {"dormant", 80}};
  std::map<int64_t, std::string> tier_of;
  std::map<int64_t, Day> last;
  for (const auto& t : tiers) {
    const int s0 = static_cast<int>(tier_parameters(t.name).initial_stability);
    for (int i = 0; i < t.count; ++i) {
      NewContact n{std::string(t.name) + std::to_string(i), t.name};
      n.connected_on = std::string(t.name) == "dormant" ? start - 365 * 2 - static_cast<int>(rng() % 3000)
                                                        : start - static_cast<int>(rng() % static_cast<unsigned>(s0));
      n.trust = (rng() % 100) / 100.0;
      const auto id = add_contact(*store, n, start);
      tier_of[id] = t.name;
      last[id] = *n.connected_on;
    }
  }
  std::uniform_int_distribution<int> grade(1, 4);
  int max_gap_inner = 0, reactivated = 0;
  for (int k = 0; k < 365; ++k) {
    const Day d = start + k;
    auto session = ReviewSession::open(*store, d);
    REQUIRE(session.ok());
    REQUIRE(session->total() <= kDefaultDailyLimit);
    int reactivations = 0;
    while (const Card* card = session->current()) {
      const Card c = *card;
      if (c.kind == CardKind::reactivation) ++reactivations;
      if (c.kind == CardKind::due) {
        // No active contact waits past 2·S0 plus fuzz.
        const double s0 = tier_parameters(tier_of[c.contact_id]).initial_stability;
        INFO(tier_of[c.contact_id] << " waited " << d - last[c.contact_id]);
        CHECK(d - last[c.contact_id] <= static_cast<int>(2 * s0 + fuzz_delta(2 * s0)) + 1);
      }
      REQUIRE(session->decide(Direction::right).ok());
      // The user reaches out and later learns how it went.
      int64_t touch = 0;
      REQUIRE(store
                  ->transaction([&]() -> Status {
                    auto r = log_sent_message(*store, c.contact_id, d, "email", "neutral", "");
                    if (!r) return make_error(r.error());
                    touch = *r;
                    return record_outcome(*store, touch, grade(rng), d);
                  })
                  .ok());
      if (tier_of[c.contact_id] == "inner") max_gap_inner = std::max(max_gap_inner, d - last[c.contact_id]);
      last[c.contact_id] = d;
      REQUIRE(session->refresh_contact(c.contact_id).ok());
    }
    CHECK(reactivations <= kMaxReactivationsPerDay);
    reactivated += reactivations;
    CHECK(session->decided() <= kDefaultDailyLimit);
  }
  // Every layer-5 contact touched at least every 14 days.
  for (const auto& [id, t] : tier_of)
    if (t == "inner") max_gap_inner = std::max(max_gap_inner, start + 364 - last[id]);
  CHECK(max_gap_inner <= 14);
  CHECK(max_gap_inner >= 7);  // not trivially: they do drift out to their cadence
  CHECK(reactivated == 80);   // the whole dormant pool, two a day
}

TEST_CASE("the session's deck after each command equals a deck built from scratch", "[review]") {
  auto store = memory_store();
  std::mt19937 rng(21);
  const char* tiers[] = {"inner", "close", "regular", "wider", "dormant"};
  const Day today = day("2026-07-01");
  for (int i = 0; i < 60; ++i)
    add_contact(*store, {"D" + std::to_string(i), tiers[i % 5], day("2021-01-01") + static_cast<int>(rng() % 2000)},
                day("2021-01-01"));
  auto session = ReviewSession::open(*store, today);
  REQUIRE(session.ok());
  for (int step = 0; step < 40; ++step) {
    if (session->current() && rng() % 3) {
      REQUIRE(session->decide(static_cast<Direction>(rng() % 5), static_cast<SnoozeChoice>(rng() % 3)).ok());
    } else {
      REQUIRE(session->undo().ok());
    }
    CHECK(ids_of(session->deck()) == ids_of(deck_on(*store, today)));
    auto done = decisions_on(*store, today);
    REQUIRE(done.ok());
    CHECK(session->decided() == done->count);
    CHECK(session->total() <= kDefaultDailyLimit);
  }
}

TEST_CASE("undo refuses a damaged decision record and changes nothing", "[review]") {
  rekindle::test::TempDir dir;
  const std::string path = dir.file("damaged.db");
  auto store = file_store(path);
  const Day today = day("2026-02-02");
  add_contact(*store, {"Damaged", "close"}, today);
  decide_top(*store, today, Direction::left);
  const char* damaged[] = {
      R"({"due": "not a day"})",
      "garbage",
      R"({"starred": "yes"})",
      R"({"archived": 1})",
      R"({"snooze_streak": "2"})",
      R"({"snooze_streak": -1})",
      R"({"snooze_streak": 1.5})",
      R"({"last_interaction_id": true})",
      R"({"due": 20260202})",
      R"({"card": 1})",
      "[1, 2]",
  };
  for (const char* record : damaged) {
    INFO(record);
    damage_decisions(path, record);
    const std::string before = dump(*store);
    auto u = undo_last_decision(*store);
    REQUIRE_FALSE(u.ok());
    CHECK_THAT(u.error(), Catch::StartsWith("damaged decision record"));
    CHECK(dump(*store) == before);
    auto c = change_snooze(*store, SnoozeChoice::month, today);
    REQUIRE_FALSE(c.ok());
    CHECK_THAT(c.error(), Catch::StartsWith("damaged decision record"));
    CHECK(dump(*store) == before);
    // The failed undo left no transaction open: the next write works.
    CHECK(set_daily_limit(*store, 12).ok());
  }
}

TEST_CASE("change snooze: the card just snoozed is snoozed again, as the same one decision", "[review]") {
  auto store = memory_store();
  const Day today = day("2026-04-06");
  add_contact(*store, {"First", "close", today - 120}, today - 120);
  add_contact(*store, {"Second", "regular", today - 200}, today - 200);
  const std::string original = dump(*store);

  auto session = ReviewSession::open(*store, today);
  REQUIRE(session.ok());
  REQUIRE(session->remaining() == 2);
  const int64_t id = session->current()->contact_id;
  const Contact before = contact_of(*store, id);
  const auto left = session->decide(Direction::left, SnoozeChoice::week);
  REQUIRE(left.ok());
  CHECK(left->due == today + snooze_days(SnoozeChoice::week));
  const auto remaining = session->remaining();

  auto changed = session->change_snooze(SnoozeChoice::quarter);
  INFO((changed.ok() ? "" : changed.error()));
  REQUIRE(changed.ok());
  CHECK(changed->direction == Direction::left);
  CHECK(changed->contact_id == id);
  CHECK(changed->name == before.name);
  CHECK(changed->due == today + snooze_days(SnoozeChoice::quarter));
  CHECK(changed->snooze_streak == before.snooze_streak + 1);  // one snooze, not two
  const Contact after = contact_of(*store, id);
  CHECK(after.due == changed->due);
  CHECK(after.snooze_streak == before.snooze_streak + 1);
  auto done = decisions_on(*store, today);
  REQUIRE(done.ok());
  CHECK(done->count == 1);
  CHECK(session->decided() == 1);
  CHECK(session->remaining() == remaining);
  CHECK(session->summary().count(Direction::left) == 1);

  // Once more, then undo: the state before the first swipe, exactly.
  REQUIRE(change_snooze(*store, SnoozeChoice::month, today).ok());
  CHECK(contact_of(*store, id).due == today + snooze_days(SnoozeChoice::month));
  auto undone = session->undo();
  REQUIRE(undone.ok());
  REQUIRE(undone->has_value());
  CHECK((*undone)->contact_id == id);
  CHECK(dump(*store) == original);
  CHECK(session->current()->contact_id == id);
}

TEST_CASE("change snooze refuses anything but today's latest snooze and changes nothing", "[review]") {
  auto store = memory_store();
  const Day today = day("2026-05-04");
  for (int i = 0; i < 4; ++i) add_contact(*store, {"R" + std::to_string(i), "close", today - 100}, today - 100);
  auto refused = [&](Day on) {
    const std::string before = dump(*store);
    auto c = change_snooze(*store, SnoozeChoice::month, on);
    REQUIRE_FALSE(c.ok());
    CHECK_THAT(c.error(), Catch::Contains("the last decision is not a snooze"));
    CHECK(dump(*store) == before);
  };
  refused(today);  // no decision at all
  decide_top(*store, today - 1, Direction::left);
  refused(today);  // yesterday's snooze
  decide_top(*store, today, Direction::left);
  decide_top(*store, today, Direction::right);
  refused(today);  // the latest is a reach-out
  decide_top(*store, today, Direction::skip);
  refused(today);
  auto session = ReviewSession::open(*store, today);
  REQUIRE(session.ok());
  CHECK_FALSE(session->change_snooze(SnoozeChoice::week).ok());
  CHECK_THAT(session->last_error(), Catch::Contains("not a snooze"));
}

TEST_CASE("change snooze after a touch was logged: undo still keeps the touch's schedule", "[review]") {
  auto store = memory_store();
  const Day today = day("2026-08-03");
  const auto id = add_contact(*store, {"Later touch", "close", today - 90}, today - 90);
  decide_top(*store, today, Direction::left, SnoozeChoice::week);
  rekindle::test::log_touch(*store, id, today, "inbound");  // they wrote back meanwhile
  const Contact touched = contact_of(*store, id);
  auto changed = change_snooze(*store, SnoozeChoice::month, today);
  REQUIRE(changed.ok());
  CHECK(changed->due == today + snooze_days(SnoozeChoice::month));
  CHECK(changed->snooze_streak == 1);  // the touch cleared the streak before this snooze
  REQUIRE(undo_last_decision(*store).ok());
  const Contact after = contact_of(*store, id);
  CHECK(after.due == touched.due);
  CHECK(after.snooze_streak == 0);
  CHECK(history(*store, id).size() == 1);
}

TEST_CASE("this week's focus list: starred in the last 7 days, most recent first", "[review]") {
  auto store = memory_store();
  const Day today = day("2026-09-07");
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(add_contact(*store, {"F" + std::to_string(i), "close"}, today - 10));
  auto act = [&](int64_t id, Day d, Direction dir) {
    Card card;
    card.contact_id = id;
    REQUIRE(apply_decision(*store, card, dir, snooze_days(SnoozeChoice::week), d).ok());
  };
  act(ids[0], today - 7, Direction::up);  // more than a week ago
  act(ids[1], today - 6, Direction::up);
  act(ids[2], today - 1, Direction::up);
  act(ids[3], today, Direction::up);
  act(ids[4], today - 3, Direction::up);
  act(ids[4], today, Direction::down);  // archived after its star
  auto focus = focus_this_week(*store, today);
  REQUIRE(focus.ok());
  CHECK(*focus == std::vector<int64_t>{ids[3], ids[2], ids[1]});
  // Undoing a star takes the contact off the list.
  REQUIRE(undo_last_decision(*store).ok());  // the archive
  REQUIRE(undo_last_decision(*store).ok());  // ids[4]'s star
  REQUIRE(undo_last_decision(*store).ok());  // ids[3]'s star
  focus = focus_this_week(*store, today);
  REQUIRE(focus.ok());
  CHECK(*focus == std::vector<int64_t>{ids[2], ids[1]});
}

TEST_CASE("a cadence set by hand schedules the contact, even in the dormant pool", "[review]") {
  auto store = memory_store();
  const Day today = day("2026-03-03");
  NewContact n{"Hand", "dormant", today - 20};
  const auto id = add_contact(*store, n, today);
  CHECK_FALSE(contact_of(*store, id).due);
  REQUIRE(store
              ->transaction([&]() -> Status {
                Contact c = contact_of(*store, id);
                c.cadence_days = 12;
                if (Status s = store->update_contact(c); !s) return s;
                return reschedule_contact(*store, id, today);
              })
              .ok());
  // Connected 20 days ago, never in touch (MODEL.md: not a touch): on the list now, as a
  // due card that is back on the list; the first real touch starts the cadence.
  CHECK_FALSE(contact_of(*store, id).due);
  const auto deck = deck_on(*store, today);
  REQUIRE(deck.size() == 1);
  CHECK(deck[0].kind == CardKind::due);
  CHECK(deck[0].back_on_list);
  rekindle::test::log_touch(*store, id, today - 20);
  const auto due = contact_of(*store, id).due;
  REQUIRE(due);
  const auto r = fuzz_range(12);
  CHECK(*due - (today - 20) >= r.low);
  CHECK(*due - (today - 20) <= r.high);
}

TEST_CASE("undoing a swipe after a touch was logged keeps the touch's schedule", "[review]") {
  auto store = memory_store();
  const Day today = day("2026-08-03");
  const auto id = add_contact(*store, {"Later touch", "close", today - 90}, today - 90);
  decide_top(*store, today, Direction::left, SnoozeChoice::month);
  rekindle::test::log_touch(*store, id, today + 2, "inbound");  // they wrote back meanwhile
  const Contact touched = contact_of(*store, id);
  auto u = undo_last_decision(*store);
  REQUIRE(u.ok());
  REQUIRE(u->has_value());
  const Contact after = contact_of(*store, id);
  CHECK(after.due == touched.due);  // not the due from before the snooze
  CHECK(after.snooze_streak == 0);
  CHECK(history(*store, id).size() == 1);
  auto seed = schedule_seed(*store);
  REQUIRE(seed.ok());
  CHECK(after.due == scheduled_due(after, history(*store, id), *seed));
  auto done = decisions_on(*store, today);
  REQUIRE(done.ok());
  CHECK(done->count == 0);
}
