// The insight figures: health counts, reach-outs per week, give/ask, streak, due forecast.
#include <catch2/catch.hpp>
#include <numeric>

#include "core/model.h"
#include "core/review_session.h"
#include "core/stats.h"
#include "tests/engine_fixtures.h"

using namespace rekindle::core;
using rekindle::test::add_contact;
using rekindle::test::day;
using rekindle::test::memory_store;

namespace {

Status set_due(Store& store, int64_t id, std::optional<Day> due) {
  return store.transaction([&]() -> Status {
    auto c = store.contact(id);
    if (!c) return make_error(c.error());
    Contact copy = **c;
    copy.due = due;
    return store.update_contact(copy);
  });
}

}  // namespace

TEST_CASE("health buckets by warmth W: warm 80 %+, cooling 60-80 %, cold 40-60 %, dormant below", "[stats]") {
  // MODEL.md: the buckets are the warmth the card and the contacts list show.
  const Day today = day("2026-06-01");
  Contact c;
  c.tier = "regular";
  std::vector<Interaction> xs(1);
  xs[0].kind = "neutral";
  xs[0].grade = 3;
  auto moved = [&](int days) {
    Contact m = c;
    m.connected_on = today - days;
    std::vector<Interaction> ys = xs;
    ys[0].date = today - days;
    return std::make_pair(m, ys);
  };
  Health previous = Health::warm;
  bool seen_cooling = false, seen_cold = false;
  for (int d = 0; d < 20000; d += 3) {
    const auto [m, ys] = moved(d);
    const double w = warmth_on(m, ys, today);
    const Health h = health_of(m, ys, today);
    CHECK(h == health_for_warmth(w));
    CHECK(static_cast<int>(h) >= static_cast<int>(previous));  // only ever cools
    seen_cooling |= h == Health::cooling;
    seen_cold |= h == Health::cold;
    previous = h;
  }
  CHECK(seen_cooling);
  CHECK(seen_cold);
  // The regular tie's floor (0.325) is approached slowly: still cold after 55 years. An
  // inner tie's (0.5) keeps it out of dormant for ever.
  CHECK(previous == Health::cold);
  Contact inner;
  inner.tier = "inner";
  inner.connected_on = today - 5000;
  CHECK(health_of(inner, {}, today) == Health::cold);
  // The dormant pool: S = 30, c = 0 from the connection date.
  Contact pooled;
  pooled.tier = "dormant";
  pooled.connected_on = today - 3 * 365;
  CHECK(warmth_on(pooled, {}, today) == Approx(0.42).margin(0.01));
  CHECK(health_of(pooled, {}, today) == Health::cold);
  pooled.connected_on = today - 3652;
  CHECK(health_of(pooled, {}, today) == Health::dormant);
  Contact never;  // no date at all: the floor
  never.tier = "dormant";
  CHECK(health_of(never, {}, today) == Health::dormant);
}

TEST_CASE("stats over a store", "[stats]") {
  auto store = memory_store();
  const Day today = day("2026-06-01");
  const auto warm = add_contact(*store, {"Warm", "close"}, today - 40);
  rekindle::test::log_touch(*store, warm, today - 2, "give", 4);
  const auto cold = add_contact(*store, {"Cold", "inner", today - 300}, today - 300);
  const auto never = add_contact(*store, {"Never", "regular"}, today);
  const auto pooled = add_contact(*store, {"Pool", "dormant", day("2015-01-01")}, today);
  const auto gone = add_contact(*store, {"Gone", "close"}, today);
  // Touches at known ages: this week, last week, 11 weeks ago and one too old to count.
  rekindle::test::log_touch(*store, cold, today - 300, "ask");
  rekindle::test::log_touch(*store, pooled, today - 6, "ask");
  rekindle::test::log_touch(*store, pooled, today - 7, "neutral");
  rekindle::test::log_touch(*store, pooled, today - 83, "give");
  rekindle::test::log_touch(*store, pooled, today - 84, "give");
  rekindle::test::log_touch(*store, warm, today - 1, "inbound");  // they reached out: not mine
  // Due forecast: overdue, today, in 5 days, in 13 days, in 14 days (outside the 14).
  REQUIRE(set_due(*store, never, today - 3).ok());
  REQUIRE(set_due(*store, cold, today + 5).ok());
  REQUIRE(set_due(*store, warm, today + 13).ok());
  REQUIRE(set_due(*store, gone, today).ok());
  const auto later = add_contact(*store, {"Later", "wider"}, today);
  REQUIRE(set_due(*store, later, today + 14).ok());
  {
    auto session = ReviewSession::open(*store, today);
    REQUIRE(session.ok());
    while (session->current() && session->current()->contact_id != gone) REQUIRE(session->decide(Direction::skip).ok());
    REQUIRE(session->current());
    REQUIRE(session->decide(Direction::down).ok());  // archive "Gone"
  }
  auto st = compute_stats(*store, today);
  REQUIRE(st.ok());
  CHECK(st->contacts == 6);
  CHECK(st->archived == 1);
  CHECK(st->warm + st->cooling + st->cold + st->dormant == st->contacts);
  // By warmth (MODEL.md), the same figure the card and the contacts list show.
  CHECK(st->warm == 2);     // Warm (touched 1 day ago), Pool (touched 6 days ago)
  CHECK(st->cooling == 1);  // Cold: 300 days on a weekly cadence, but an inner tie's floor is 50 %
  CHECK(st->cold == 1);     // the archived Gone: a close tie never touched sits at its floor, 41 %
  CHECK(st->dormant == 2);  // Never (regular, 33 %) and Later (wider, 24 %): never touched
  REQUIRE(st->reach_outs_by_week.size() == 12);
  CHECK(st->reach_outs_by_week[11] == 2);  // today − 2 (give) and today − 6 (ask)
  CHECK(st->reach_outs_by_week[10] == 1);  // today − 7
  CHECK(st->reach_outs_by_week[0] == 1);   // today − 83
  CHECK(std::accumulate(st->reach_outs_by_week.begin(), st->reach_outs_by_week.end(), 0) == 4);
  CHECK(st->give == 3);
  CHECK(st->ask == 2);
  CHECK(st->inbound == 1);
  REQUIRE(st->due_next_14_days.size() == 14);
  // Skips moved Never / others to tomorrow; count what the store holds now.
  int expected_today = 0, expected_tomorrow = 0;
  for (int64_t id : {never, cold, warm, later}) {
    const auto due = rekindle::test::contact_of(*store, id).due;
    if (*due <= today) ++expected_today;
    if (*due == today + 1) ++expected_tomorrow;
  }
  CHECK(st->due_next_14_days[0] == expected_today);
  CHECK(st->due_next_14_days[1] == expected_tomorrow);
  CHECK(st->due_next_14_days[5] == 1);
  CHECK(st->due_next_14_days[13] == 1);
  CHECK(std::accumulate(st->due_next_14_days.begin(), st->due_next_14_days.end(), 0) == 3);
  CHECK(st->streak_days == 1);
}
