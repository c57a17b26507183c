// due, swipe, undo, stats and the scheduling of add and log, run as a process.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

using nlohmann::json;
using rekindle::test::run_rekindle;
using rekindle::test::TempDir;

namespace {

json run_json(const std::vector<std::string>& args) {
  auto r = run_rekindle(args);
  INFO("args: " << args.back() << "\nstdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

std::string add(const std::string& db, const std::string& name, const std::string& tier) {
  auto r = run_rekindle({"--db", db, "add", "--name", name, "--tier", tier});
  REQUIRE(r.exit_code == 0);
  return r.out.substr(0, r.out.find('\n'));
}

std::vector<int64_t> card_ids(const json& due) {
  std::vector<int64_t> ids;
  for (const auto& c : due.at("cards")) ids.push_back(c.at("id").get<int64_t>());
  return ids;
}

}  // namespace

TEST_CASE("due, swipe, undo as a process", "[cli-review]") {
  TempDir dir;
  const std::string db = dir.file("review.db");
  const std::string day = "2026-04-20";
  const auto ada = add(db, "Ada Lovelace", "close");
  add(db, "Grace Hopper", "inner");
  add(db, "Alan Turing", "regular");
  const auto future = add(db, "Future Friend", "regular");
  REQUIRE(run_rekindle({"--db", db, "log", ada, "--channel", "email", "--kind", "give", "--date", "2026-02-01"})
              .exit_code == 0);
  // Touched five days before: not due yet on the day.
  REQUIRE(run_rekindle({"--db", db, "log", future, "--channel", "phone", "--date", "2026-04-15"}).exit_code == 0);

  const json due = run_json({"--db", db, "due", "--date", day, "--json"});
  CHECK(due.at("date") == day);
  CHECK(due.at("limit") == 10);
  REQUIRE(due.at("snooze_options").size() == 3);
  CHECK(due.at("snooze_options")[2].at("days") == 91);
  const auto& cards = due.at("cards");
  REQUIRE(cards.size() == 3);
  double previous = 1e9;
  for (const auto& c : cards) {
    for (const char* field : {"id", "name", "score", "warmth", "days_since", "reason", "kind"})
      CHECK(c.contains(field));
    CHECK(c.at("kind") == "due");
    CHECK(c.at("score").get<double>() <= previous);
    previous = c.at("score").get<double>();
    CHECK(c.at("warmth").get<double>() > 0);
    CHECK(c.at("warmth").get<double>() <= 1);
    CHECK_FALSE(c.at("reason").get<std::string>().empty());
    CHECK(c.at("name") != "Future Friend");
  }
  // Ada: touched on 2026-02-01, 78 days before.
  for (const auto& c : cards)
    if (c.at("name") == "Ada Lovelace") CHECK(c.at("days_since") == 78);
  // Replaying the day gives the same deck, byte for byte.
  auto again = run_rekindle({"--db", db, "due", "--date", day, "--json"});
  CHECK(again.out == run_rekindle({"--db", db, "due", "--date", day, "--json"}).out);
  CHECK(json::parse(again.out) == due);
  // --limit caps the deck.
  CHECK(run_json({"--db", db, "due", "--date", day, "--limit", "2", "--json"}).at("cards").size() == 2);

  const json swiped = run_json({"--db", db, "swipe", "left", "--date", day, "--json"});
  CHECK(swiped.at("decision") == "left");
  CHECK(swiped.at("contact").at("id") == cards[0].at("id"));
  CHECK(swiped.at("contact").at("name") == cards[0].at("name"));
  CHECK(swiped.at("next").at("id") == cards[1].at("id"));
  CHECK(swiped.at("due") == "2026-04-27");
  const json after = run_json({"--db", db, "due", "--date", day, "--json"});
  CHECK(card_ids(after) == std::vector<int64_t>{cards[1].at("id"), cards[2].at("id")});

  const json right = run_json({"--db", db, "swipe", "right", "--date", day, "--json"});
  CHECK(right.at("decision") == "right");
  CHECK(right.at("contact").at("id") == cards[1].at("id"));
  const json last = run_json({"--db", db, "swipe", "down", "--date", day, "--json"});
  CHECK(last.at("next").is_null());
  auto empty = run_rekindle({"--db", db, "swipe", "up", "--date", day, "--json"});
  CHECK(empty.exit_code == 1);
  CHECK_THAT(empty.err, Catch::StartsWith("error: "));

  // Three undos bring the deck back exactly; a fourth has nothing to undo.
  for (int i = 0; i < 3; ++i) REQUIRE(run_rekindle({"--db", db, "undo"}).exit_code == 0);
  CHECK(run_json({"--db", db, "due", "--date", day, "--json"}) == due);
  auto nothing = run_rekindle({"--db", db, "undo"});
  CHECK(nothing.exit_code == 1);
  CHECK_THAT(nothing.err, Catch::Contains("nothing to undo"));

  auto bad = run_rekindle({"--db", db, "swipe", "sideways"});
  CHECK(bad.exit_code == 2);
}

TEST_CASE("stats as a process", "[cli-review]") {
  TempDir dir;
  const std::string db = dir.file("stats.db");
  const auto a = add(db, "A", "close");
  add(db, "B", "regular");
  REQUIRE(
      run_rekindle({"--db", db, "log", a, "--channel", "phone", "--kind", "ask", "--date", "2026-03-10"}).exit_code ==
      0);
  REQUIRE(run_rekindle({"--db", db, "swipe", "right", "--date", "2026-03-10"}).exit_code == 0);
  const json st = run_json({"--db", db, "stats", "--date", "2026-03-10", "--json"});
  for (const char* field : {"contacts", "warm", "cooling", "cold", "dormant", "streak_days", "reach_outs_by_week",
                            "give", "ask", "due_next_14_days"})
    CHECK(st.contains(field));
  CHECK(st.at("contacts") == 2);
  CHECK(st.at("warm") == 1);
  CHECK(st.at("dormant") == 1);
  CHECK(st.at("ask") == 1);
  CHECK(st.at("give") == 0);
  CHECK(st.at("streak_days") == 1);
  REQUIRE(st.at("reach_outs_by_week").size() == 12);
  CHECK(st.at("reach_outs_by_week").back() == 1);
  REQUIRE(st.at("due_next_14_days").size() == 14);
  auto text = run_rekindle({"--db", db, "stats", "--date", "2026-03-10"});
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("warm 1"));
}

TEST_CASE("log replays the schedule: an inbound message resets the due day", "[cli-review]") {
  TempDir dir;
  const std::string db = dir.file("log.db");
  const auto id = add(db, "Reply", "regular");
  auto due_of = [&] {
    const json list = run_json({"--db", db, "contacts", "--json"});
    REQUIRE(list.size() == 1);
    return list[0].at("due");
  };
  CHECK(due_of().is_null());  // added and never touched: no due day, in the deck at once
  CHECK(run_json({"--db", db, "due", "--date", "2020-01-01", "--json"}).at("cards").size() == 1);
  REQUIRE(run_rekindle({"--db", db, "swipe", "left", "--snooze", "quarter", "--date", "2026-01-05"}).exit_code == 0);
  CHECK(due_of() == "2026-04-06");
  REQUIRE(run_rekindle({"--db", db, "log", id, "--channel", "email", "--kind", "inbound", "--date", "2026-01-20"})
              .exit_code == 0);
  const std::string due = due_of().get<std::string>();
  CHECK(due != "2026-04-06");
  CHECK(due > "2026-03-01");  // first touch: S grows toward 2·S0 (180 days)
  CHECK(due <= "2026-07-19");
}
