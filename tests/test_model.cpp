// MODEL.md properties 1, 2, 6 and 7: the pure formulas.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <random>

#include "core/model.h"

using namespace rekindle::core;

TEST_CASE("warmth starts at 1, never rises, stays in [floor, 1]; R(S,S) = 0.9 and I(0.9,S) = S", "[model]") {
  for (double s : {3.5, 7.0, 14.0, 30.0, 90.0, 365.0, 730.0}) {
    CHECK(retrievability(s, s) == Approx(0.9).epsilon(1e-12));
    CHECK(interval_for(kTargetRetention, s) == Approx(s).epsilon(1e-12));
    for (double c : {0.0, 0.25, 0.5, 0.75, 1.0}) {
      const double floor = 0.15 + 0.35 * c;
      CHECK(warmth(0, s, c) == Approx(1.0));
      double previous = warmth(0, s, c);
      for (int t = 1; t <= 20000; t += 7) {
        const double w = warmth(t, s, c);
        CHECK(w <= previous);
        CHECK(w >= floor);
        CHECK(w <= 1.0);
        previous = w;
      }
      // Far in the future it approaches the floor.
      CHECK(warmth(1e13, s, c) == Approx(floor).margin(1e-3));
    }
  }
}

TEST_CASE("next stability is ordered by grade and stays in [S0/2, 2·S0]", "[model]") {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int i = 0; i < 2000; ++i) {
    const double s0 = std::vector<double>{7, 30, 90, 365}[i % 4];
    const double s = s0 / 2 + unit(rng) * 1.5 * s0;
    const double r = unit(rng);
    double previous = 0;
    for (int g = 1; g <= 4; ++g) {
      const double next = next_stability(s, g, r, s0);
      CHECK(next >= s0 / 2);
      CHECK(next <= 2 * s0);
      CHECK(next >= previous);
      previous = next;
    }
  }
  // Grade 1 is just S·0.5 (clamped), whatever R was.
  CHECK(next_stability(60, 1, 0.1, 30) == Approx(30));
  CHECK(next_stability(60, 1, 0.99, 30) == Approx(30));
  // A warm reply after a long silence (low R) grows S more than one after a short one.
  CHECK(next_stability(40, 3, 0.5, 30) > next_stability(40, 3, 0.95, 30));
}

TEST_CASE("replaying the event log: grades and inbound messages", "[model]") {
  Contact c;
  c.tier = "regular";
  c.connected_on = Day{1000};
  std::vector<Interaction> xs(1);
  xs[0].date = Day{1090};
  xs[0].kind = "inbound";
  const double inbound = replay_stability(c, xs);
  xs[0].kind = "neutral";
  const double provisional = replay_stability(c, xs);
  xs[0].grade = 1;
  const double cold = replay_stability(c, xs);
  CHECK(inbound > provisional);  // inbound counts as grade 4, a sent message as 3
  CHECK(provisional > cold);
  CHECK(effective_grade(xs[0]) == 1);
}

TEST_CASE("fuzz follows the table and is deterministic for a seed", "[model]") {
  // No fuzz below 2.5 days.
  for (double ivl : {0.5, 1.0, 2.0, 2.49}) {
    CHECK(fuzz_delta(ivl) == 0.0);
    const auto r = fuzz_range(ivl);
    CHECK(r.low == r.high);
  }
  // ±(1 day + 15 % between 2.5 and 7 + 10 % between 7 and 20 + 5 % above 20), band by band.
  auto table = [](double ivl) {
    double d = 1.0;
    if (ivl > 2.5) d += 0.15 * (std::min(ivl, 7.0) - 2.5);
    if (ivl > 7) d += 0.10 * (std::min(ivl, 20.0) - 7.0);
    if (ivl > 20) d += 0.05 * (ivl - 20.0);
    return d;
  };
  for (double ivl = 2.5; ivl < 800; ivl += 0.75) CHECK(fuzz_delta(ivl) == Approx(table(ivl)));
  CHECK(fuzz_delta(7) == Approx(1.675));
  CHECK(fuzz_delta(20) == Approx(2.975));
  CHECK(fuzz_delta(100) == Approx(6.975));

  for (double ivl : {3.0, 7.0, 14.0, 30.0, 90.0, 365.0}) {
    const auto r = fuzz_range(ivl);
    CHECK(r.low == std::lround(ivl - fuzz_delta(ivl)));
    CHECK(r.high == std::lround(ivl + fuzz_delta(ivl)));
    std::map<int, int> seen;
    for (int64_t id = 1; id <= 2000; ++id) {
      const double f = fuzz_factor(7, id, Day{20000});
      REQUIRE(f >= 0.0);
      REQUIRE(f < 1.0);
      const int v = fuzzed_interval(ivl, f);
      CHECK(v >= r.low);
      CHECK(v <= r.high);
      ++seen[v];
    }
    // Every day of the range is used, so contacts spread out instead of bunching.
    CHECK(static_cast<int>(seen.size()) == r.high - r.low + 1);
  }
  // Deterministic per contact and seed; another seed gives another spread.
  int differs = 0;
  for (int64_t id = 1; id <= 100; ++id) {
    CHECK(fuzz_factor(1, id, Day{19000}) == fuzz_factor(1, id, Day{19000}));
    if (fuzzed_interval(90, fuzz_factor(1, id, Day{19000})) != fuzzed_interval(90, fuzz_factor(2, id, Day{19000})))
      ++differs;
  }
  CHECK(differs > 50);
}

TEST_CASE("value is monotone in g, e, o; the m-term peaks at 10; a formerly strong tie outranks a weak one",
          "[model]") {
  ValueInputs base;
  base.goal_relevance = 0.5;
  base.trust = 0.5;
  base.novelty = 0.5;
  base.offer = 0;
  base.mutual = 3;
  base.closeness = 0.5;
  auto with = [&](auto change) {
    ValueInputs v = base;
    change(v);
    return value_score(v);
  };
  double previous = -1;
  for (double g : {0.0, 0.5, 1.0}) {
    const double v = with([&](ValueInputs& in) { in.goal_relevance = g; });
    CHECK(v > previous);
    previous = v;
  }
  previous = -1;
  for (double e = 0; e <= 1.0; e += 0.1) {
    const double v = with([&](ValueInputs& in) { in.trust = e; });
    CHECK(v > previous);
    previous = v;
  }
  CHECK(with([](ValueInputs& in) { in.offer = 1; }) > with([](ValueInputs& in) { in.offer = 0; }));
  const double at_peak = with([](ValueInputs& in) { in.mutual = 10; });
  for (double m : {0.0, 1.0, 5.0, 9.0, 11.0, 15.0, 30.0, 100.0})
    CHECK(with([&](ValueInputs& in) { in.mutual = m; }) < at_peak);
  // Formerly strong vs formerly weak dormant tie, all else equal.
  CHECK(with([](ValueInputs& in) { in.closeness = 1.0; }) > with([](ValueInputs& in) { in.closeness = 0.25; }));
  // V stays in [0, 1].
  ValueInputs top{1, 1, 1, 1, 10, 1};
  CHECK(value_score(top) == Approx(1.0));
  CHECK(value_score(ValueInputs{0, 0, 0, 0, 0, 0}) == 0.0);
  // Relevance words and novelty.
  CHECK(relevance_weight("none") == 0.0);
  CHECK(relevance_weight("some") == 0.5);
  CHECK(relevance_weight("high") == 1.0);
  CHECK(novelty(0) == 0.0);
  CHECK(novelty(365 * 10) == 1.0);
  CHECK(novelty(365) < novelty(700));
  CHECK(novelty(std::nullopt) == 1.0);
}

TEST_CASE("deck priority: more overdue first at equal value, more valuable first at equal overdueness", "[model]") {
  CHECK(due_priority(0.9, 0.3) == Approx(0.8));  // exactly due: (1 − 0.9)/0.1 = 1
  CHECK(due_priority(0.6, 0.3) > due_priority(0.8, 0.3));
  CHECK(due_priority(0.8, 0.6) > due_priority(0.8, 0.3));
}
