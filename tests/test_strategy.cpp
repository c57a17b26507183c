// Strategy: goals, per-contact goal fields, and their effect on the deck.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/strategy.h"
#include "tests/test_support.h"

using nlohmann::json;
using rekindle::test::run_rekindle;

namespace {

json run_json(const std::vector<std::string>& args) {
  auto r = run_rekindle(args);
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

void run_ok(const std::vector<std::string>& args) {
  auto r = run_rekindle(args);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
}

}  // namespace

TEST_CASE("goal relevance from edit reorders the next deck", "[strategy]") {
  rekindle::test::TempDir dir;
  const std::string db = dir.file("s.db");
  run_ok({"--db", db, "add", "--name", "Alice Early", "--tier", "regular"});
  run_ok({"--db", db, "add", "--name", "Bruno Later", "--tier", "regular"});
  run_ok({"--db", db, "goal", "add", "Move into product management"});
  json before = run_json({"--db", db, "due", "--json"});
  REQUIRE(before["cards"].size() == 2);
  const std::string last_id = std::to_string(before["cards"][1]["id"].get<int64_t>());

  run_ok({"--db", db, "edit", last_id, "--relevance", "high", "--can-help", "runs the PM guild", "--trust", "0.9"});
  json after = run_json({"--db", db, "due", "--json"});
  REQUIRE(after["cards"].size() == 2);
  CHECK(std::to_string(after["cards"][0]["id"].get<int64_t>()) == last_id);
  CHECK(after["cards"][0]["score"].get<double>() > after["cards"][1]["score"].get<double>());
  CHECK_THAT(after["cards"][0]["reason"].get<std::string>(), Catch::Contains("Move into product management"));

  json strategy = run_json({"--db", db, "strategy", "--json"});
  CHECK(strategy["goal"]["text"] == "Move into product management");
  REQUIRE(strategy["relevant"].size() == 1);
  CHECK(strategy["relevant"][0]["can_help"] == "runs the PM guild");
  REQUIRE(strategy["without_offer"].size() == 1);  // gives nothing yet
  CHECK(run_json({"--db", db, "stats", "--json"})["relevant_without_offer"] == 1);

  run_ok({"--db", db, "edit", last_id, "--offer", "share my notes on user research"});
  strategy = run_json({"--db", db, "strategy", "--json"});
  CHECK(strategy["without_offer"].empty());
  CHECK(run_json({"--db", db, "stats", "--json"})["relevant_without_offer"] == 0);
  CHECK(strategy["relevant"][0]["offer"] == "share my notes on user research");
  CHECK(strategy["relevant"][0]["relevance"] == "high");  // kept from the first edit
}

TEST_CASE("edit sets tier, cadence, tags and notes without losing data", "[strategy]") {
  rekindle::test::TempDir dir;
  const std::string db = dir.file("e.db");
  run_ok({"--db", db, "add", "--name", "Chen Wu", "--tier", "wider"});
  run_ok({"--db", db, "edit", "1", "--tier", "inner", "--tag", "mentor", "--note", "Met at PyCon"});
  run_ok({"--db", db, "edit", "1", "--tag", "mentor", "--tag", "python", "--note", "Loves climbing", "--cadence", "10"});
  json shown = run_json({"--db", db, "show", "1", "--json"});
  CHECK(shown["tier"] == "inner");
  CHECK(shown["cadence_days"] == 10);
  CHECK(shown["tags"] == json::array({"mentor", "python"}));
  CHECK(shown["notes"] == "Met at PyCon\n\nLoves climbing");

  auto no_goal = run_rekindle({"--db", db, "edit", "1", "--relevance", "high"});
  CHECK(no_goal.exit_code == 1);
  CHECK_THAT(no_goal.err, Catch::Contains("no current goal"));
  CHECK(run_rekindle({"--db", db, "edit", "1", "--trust", "1.5"}).exit_code == 2);
  CHECK(run_rekindle({"--db", db, "edit", "99", "--tier", "close"}).exit_code == 1);
}

TEST_CASE("goals: one current goal, edit and archive", "[strategy]") {
  rekindle::test::TempDir dir;
  const std::string db = dir.file("g.db");
  run_ok({"--db", db, "goal", "add", "Move into product management", "--target", "PM"});
  run_ok({"--db", db, "goal", "add", "Speak at a conference", "--deadline", "2027-05-01"});
  run_ok({"--db", db, "goal", "set-current", "2"});
  json goals = run_json({"--db", db, "goal", "list", "--json"});
  REQUIRE(goals.size() == 2);
  CHECK(goals[0]["current"] == false);
  CHECK(goals[1]["current"] == true);
  CHECK(goals[1]["deadline"] == "2027-05-01");
  CHECK(goals[0]["target"] == "PM");

  json edited = run_json({"--db", db, "goal", "edit", "1", "--text", "Lead a product team", "--json"});
  CHECK(edited["text"] == "Lead a product team");
  run_ok({"--db", db, "goal", "archive", "2"});
  goals = run_json({"--db", db, "goal", "list", "--json"});
  REQUIRE(goals.size() == 1);
  CHECK(goals[0]["text"] == "Lead a product team");
  CHECK(run_rekindle({"--db", db, "goal", "set-current", "2"}).exit_code == 1);  // archived
  CHECK(run_rekindle({"--db", db, "goal", "archive", "7"}).exit_code == 1);
}
