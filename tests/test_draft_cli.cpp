// draft as a process: the JSON contract, --sent logging a touchpoint, --open.
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

using nlohmann::json;
using rekindle::test::run_rekindle;

TEST_CASE("draft prints the contract's JSON, warns, opens and logs", "[draft]") {
  rekindle::test::TempDir dir;
  const std::string db = dir.file("d.db");
  REQUIRE(run_rekindle({"--db", db, "add", "--name", "Ada Lovelace", "--email", "ada@example.org", "--url",
                        "https://www.linkedin.com/in/ada", "--company", "Analytical Engines"})
              .exit_code == 0);
  REQUIRE(run_rekindle({"--db", db, "log", "1", "--channel", "email", "--date", "2025-08-01"}).exit_code == 0);

  auto r = run_rekindle({"--db", db, "draft", "1", "--json", "--date", "2026-11-25"});
  REQUIRE(r.exit_code == 0);
  json d = json::parse(r.out);
  for (const char* field : {"channel", "template", "subject", "body", "warnings", "link"}) CHECK(d.contains(field));
  CHECK(d["template"] == "reconnect");  // silent 16 months
  CHECK(d["channel"] == "email");       // the channel last used
  CHECK_THAT(d["link"].get<std::string>(), Catch::StartsWith("mailto:ada@example.org?subject="));
  CHECK(d["warnings"].empty());

  json ask = json::parse(run_rekindle({"--db", db, "draft", "1", "--channel", "linkedin", "--text",
                                       "Hi Ada, could you refer me to your hiring manager?", "--json", "--date",
                                       "2026-11-25"})
                             .out);
  CHECK(ask["template"] == "custom");
  CHECK(ask["link"] == "https://www.linkedin.com/in/ada");
  REQUIRE(ask["warnings"].size() == 1);

  const std::string report = dir.file("opened.txt");
  const std::string opener = dir.file("opener.sh");
  rekindle::test::write_file(opener, "#!/bin/sh\nprintf '%s' \"$1\" > '" + report + "'\n");
  ::chmod(opener.c_str(), 0700);
  auto opened = run_rekindle({"--db", db, "draft", "1", "--channel", "linkedin", "--open", "--date", "2026-11-25"},
                             {"REKINDLE_OPENER=" + opener});
  REQUIRE(opened.exit_code == 0);
  for (int i = 0; i < 100 && rekindle::test::read_file(report).empty(); ++i) ::usleep(50000);
  CHECK(rekindle::test::read_file(report) == "https://www.linkedin.com/in/ada");

  // A draft that still has its [link] to fill is refused, and nothing is logged.
  auto unfilled = run_rekindle({"--db", db, "draft", "1", "--template", "share", "--sent", "--date", "2026-11-25"});
  CHECK(unfilled.exit_code == 1);
  CHECK_THAT(unfilled.err, Catch::Contains("[link]"));
  json before = json::parse(run_rekindle({"--db", db, "show", "1", "--json", "--date", "2026-11-25"}).out);
  CHECK(before["interactions"].size() == 1);

  auto sent = run_rekindle({"--db", db, "draft", "1", "--template", "share", "--sent", "--date", "2026-11-25",
                            "--text", "Hi Ada, this made me think of you: https://example.org/post"});
  REQUIRE(sent.exit_code == 0);
  json shown = json::parse(run_rekindle({"--db", db, "show", "1", "--json", "--date", "2026-11-25"}).out);
  REQUIRE(shown["interactions"].size() == 2);
  CHECK(shown["interactions"][1]["date"] == "2026-11-25");
  CHECK(shown["interactions"][1]["kind"] == "neutral");  // the user's own text
  CHECK(shown["interactions"][1]["channel"] == "email");
  CHECK(shown["last_touch"] == "2026-11-25");

  json after = json::parse(run_rekindle({"--db", db, "draft", "1", "--json", "--date", "2026-11-26"}).out);
  CHECK(after["template"] != "reconnect");  // no longer silent
  CHECK(run_rekindle({"--db", db, "draft", "9"}).exit_code == 1);
  CHECK(run_rekindle({"--db", db, "draft", "1", "--template", "nope"}).exit_code == 1);
  CHECK(run_rekindle({"--db", db, "draft", "1", "--channel", "fax"}).exit_code == 2);
}

TEST_CASE("edit --offer takes a verb phrase, previews it, and refuses other text with a rewrite", "[draft]") {
  rekindle::test::TempDir dir;
  const std::string db = dir.file("o.db");
  REQUIRE(run_rekindle({"--db", db, "add", "--name", "Ada Lovelace", "--url", "https://www.linkedin.com/in/ada"})
              .exit_code == 0);
  REQUIRE(run_rekindle({"--db", db, "goal", "add", "move into product management"}).exit_code == 0);

  auto noun = run_rekindle({"--db", db, "edit", "1", "--offer", "feedback on their EMEA launch deck"});
  CHECK(noun.exit_code == 1);
  CHECK_THAT(noun.err, Catch::Contains("give feedback on your EMEA launch deck"));
  CHECK(std::count(noun.err.begin(), noun.err.end(), '\n') == 1);  // one line

  auto ok = run_rekindle({"--db", db, "edit", "1", "--offer", "I can share my notes on user research."});
  REQUIRE(ok.exit_code == 0);
  CHECK_THAT(ok.out, Catch::Contains("\"If it's useful, I'd be glad to share my notes on user research.\""));
  json d = json::parse(run_rekindle({"--db", db, "draft", "1", "--json", "--channel", "linkedin"}).out);
  CHECK_THAT(d["body"].get<std::string>(), Catch::Contains("share my notes on user research"));
  CHECK_THAT(d["body"].get<std::string>(), !Catch::Contains("I can share"));
  CHECK(d.contains("notes"));
  CHECK(d.contains("family"));

  auto help = run_rekindle({"edit", "--help"});
  CHECK_THAT(help.out, Catch::Contains("introduce you to our payments lead"));
}

TEST_CASE("edit --topic takes a noun phrase, previews it, refuses a clause with a rewrite, and clears",
          "[topic]") {
  rekindle::test::TempDir dir;
  const std::string db = dir.file("t.db");
  REQUIRE(run_rekindle({"--db", db, "add", "--name", "Ada Lovelace", "--url", "https://www.linkedin.com/in/ada"})
              .exit_code == 0);

  auto clause = run_rekindle({"--db", db, "edit", "1", "--topic", "she asked about our on-call setup"});
  CHECK(clause.exit_code == 1);
  CHECK_THAT(clause.err, Catch::Contains("--topic \"our on-call setup\""));
  CHECK(std::count(clause.err.begin(), clause.err.end(), '\n') == 1);  // one line
  CHECK(json::parse(run_rekindle({"--db", db, "show", "1", "--json"}).out)["topic"] == "");

  auto ok = run_rekindle({"--db", db, "edit", "1", "--topic", "Talked about orbital mechanics"});
  REQUIRE(ok.exit_code == 0);
  CHECK_THAT(ok.out, Catch::Contains("Your drafts will say: \"I still remember our conversation about orbital "
                                     "mechanics.\""));
  CHECK(json::parse(run_rekindle({"--db", db, "show", "1", "--json"}).out)["topic"] == "orbital mechanics");
  json d = json::parse(run_rekindle({"--db", db, "draft", "1", "--json", "--template", "reconnect"}).out);
  CHECK_THAT(d["body"].get<std::string>(), Catch::Contains("about orbital mechanics"));

  REQUIRE(run_rekindle({"--db", db, "edit", "1", "--topic", ""}).exit_code == 0);
  CHECK(json::parse(run_rekindle({"--db", db, "show", "1", "--json"}).out)["topic"] == "");
  d = json::parse(run_rekindle({"--db", db, "draft", "1", "--json", "--template", "reconnect"}).out);
  CHECK_THAT(d["body"].get<std::string>(), !Catch::Contains("orbital"));

  CHECK_THAT(run_rekindle({"edit", "--help"}).out, Catch::Contains("our conversation about"));
}
