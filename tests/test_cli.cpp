// The foundation commands, run as a user would: the executable as a process.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

using nlohmann::json;
using rekindle::test::run_rekindle;
using rekindle::test::TempDir;

namespace {

json parse_json(const rekindle::test::ProcessResult& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);  // throws (and fails the test) when not valid JSON
}

}  // namespace

TEST_CASE("help and version", "[cli]") {
  auto help = run_rekindle({"--help"});
  CHECK(help.exit_code == 0);
  for (const char* command : {"add", "contacts", "show", "log", "goal", "screenshot"})
    CHECK_THAT(help.out, Catch::Contains(command));
  auto version = run_rekindle({"--version"});
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::StartsWith("rekindle "));
}

TEST_CASE("unknown commands and bad arguments exit 2 with a usage line", "[cli]") {
  TempDir dir;
  const std::string db = dir.file("x.db");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--db", db, "frobnicate"},
           {"--db", db, "add"},
           {"--db", db, "add", "--name", "A", "--tier", "bestie"},
           {"--db", db, "log", "1"},
           {"--db", db, "log", "1", "--channel", "pigeon"},
           {"--db", db, "log", "one", "--channel", "email"},
           {"--db", db, "log", "1", "--channel", "email", "--date", "2026-02-30"},
           {"--db", db, "screenshot", "x.png", "--size", "big"}}) {
    auto r = run_rekindle(args);
    INFO(args.back());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("usage"));
    CHECK(r.out.empty());
  }
}

TEST_CASE("add, contacts, show, log and goals work together", "[cli]") {
  TempDir dir;
  const std::string db = dir.file("data/rekindle.db");
  auto added = run_rekindle({"--db", db, "add", "--name", "Ada Lovelace", "--email", "ada@example.org", "--email",
                             "ada@home.example", "--company", "Analytical Engines", "--title", "Programmer", "--url",
                             "https://www.linkedin.com/in/ada", "--phone", "+44 20 7946 0000", "--tier", "close"});
  REQUIRE(added.exit_code == 0);
  const std::string id = added.out.substr(0, added.out.find('\n'));
  REQUIRE(std::stoll(id) > 0);
  REQUIRE(run_rekindle({"--db", db, "add", "--name", "Grace Hopper", "--company", "Navy"}).exit_code == 0);

  json list = parse_json(run_rekindle({"--db", db, "contacts", "--json"}));
  REQUIRE(list.is_array());
  REQUIRE(list.size() == 2);
  const json& ada = list[0];
  for (const char* field : {"id", "name", "company", "title", "emails", "phones", "urls", "tags", "tier", "warmth",
                            "last_touch", "due"})
    CHECK(ada.contains(field));
  CHECK(ada["name"] == "Ada Lovelace");
  CHECK(ada["emails"] == json::array({"ada@example.org", "ada@home.example"}));
  CHECK(ada["urls"][0] == "https://www.linkedin.com/in/ada");
  CHECK(ada["tier"] == "close");
  CHECK(ada["last_touch"].is_null());
  CHECK(ada["warmth"].get<double>() >= 0.0);
  CHECK(ada["warmth"].get<double>() <= 1.0);

  json found = parse_json(run_rekindle({"--db", db, "contacts", "--search", "navy", "--json"}));
  REQUIRE(found.size() == 1);
  CHECK(found[0]["name"] == "Grace Hopper");

  auto logged = run_rekindle({"--db", db, "log", id, "--channel", "email", "--kind", "give", "--note",
                              "Sent her the engine notes", "--date", "2026-03-01"});
  REQUIRE(logged.exit_code == 0);
  json shown = parse_json(run_rekindle({"--db", db, "show", id, "--json", "--date", "2026-03-01"}));
  CHECK(shown["name"] == "Ada Lovelace");
  CHECK(shown.contains("notes"));
  REQUIRE(shown["interactions"].size() == 1);
  CHECK(shown["interactions"][0]["date"] == "2026-03-01");
  CHECK(shown["interactions"][0]["channel"] == "email");
  CHECK(shown["interactions"][0]["kind"] == "give");
  CHECK(shown["interactions"][0]["note"] == "Sent her the engine notes");
  CHECK(shown["interactions"][0].contains("grade"));
  CHECK(shown["last_touch"] == "2026-03-01");
  CHECK(shown["warmth"].get<double>() == Approx(1.0));

  REQUIRE(run_rekindle({"--db", db, "goal", "add", "Move into product management"}).exit_code == 0);
  REQUIRE(run_rekindle({"--db", db, "goal", "add", "Speak at a conference"}).exit_code == 0);
  json goals = parse_json(run_rekindle({"--db", db, "goal", "list", "--json"}));
  REQUIRE(goals.size() == 2);
  CHECK(goals[0]["text"] == "Move into product management");
  CHECK(goals[0]["current"] == true);
  CHECK(goals[1]["current"] == false);

  auto text = run_rekindle({"--db", db, "contacts"});
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("Grace Hopper"));
}

TEST_CASE("the database path comes from --db, then REKINDLE_DB, then XDG_DATA_HOME", "[cli]") {
  TempDir dir;
  const std::string env_db = dir.file("env.db");
  REQUIRE(run_rekindle({"add", "--name", "From Env"}, {"REKINDLE_DB=" + env_db}).exit_code == 0);
  CHECK(std::filesystem::exists(env_db));
  const std::string flag_db = dir.file("flag.db");
  REQUIRE(run_rekindle({"--db", flag_db, "add", "--name", "From Flag"}, {"REKINDLE_DB=" + env_db}).exit_code == 0);
  CHECK(parse_json(run_rekindle({"contacts", "--json"}, {"REKINDLE_DB=" + env_db})).size() == 1);
  CHECK(parse_json(run_rekindle({"--db", flag_db, "contacts", "--json"})).size() == 1);
  const std::string xdg = dir.file("xdg");
  REQUIRE(run_rekindle({"add", "--name", "From XDG"}, {"REKINDLE_DB=", "XDG_DATA_HOME=" + xdg}).exit_code == 0);
  CHECK(std::filesystem::exists(xdg + "/rekindle/rekindle.db"));
}

TEST_CASE("failures print one error line and exit 1 without touching foreign files", "[cli]") {
  TempDir dir;
  const std::string foreign = dir.file("notes.txt");
  rekindle::test::write_file(foreign, "these are my notes, not a database\n");
  auto r = run_rekindle({"--db", foreign, "contacts"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::StartsWith("error: "));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(rekindle::test::read_file(foreign) == "these are my notes, not a database\n");

  const std::string db = dir.file("ok.db");
  auto missing = run_rekindle({"--db", db, "log", "42", "--channel", "email"});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("no contact with id 42"));
  auto show = run_rekindle({"--db", db, "show", "42"});
  CHECK(show.exit_code == 1);
}
