// The core API (core/rekindle.h): the rules each user action owns, and that a failed call
// changes nothing.
#include <catch2/catch.hpp>

#include "core/rekindle.h"
#include "tests/engine_fixtures.h"

using namespace rekindle::core;
using rekindle::test::day;
using rekindle::test::dump;

namespace {

const Day kToday = *parse_iso_day("2026-03-02");

std::unique_ptr<Rekindle> fresh() {
  auto api = Rekindle::open_in_memory();
  REQUIRE(api.ok());
  return std::move(*api);
}

Contact person(const std::string& name, const std::string& tier = "regular") {
  Contact c;
  c.name = name;
  c.tier = tier;
  return c;
}

Goal goal(const std::string& text, const std::string& target = "") {
  Goal g;
  g.text = text;
  g.target = target;
  return g;
}

ContactEdit relevance_edit(const std::string& relevance, const std::string& can_help, const std::string& offer) {
  ContactEdit e;
  e.relevance = relevance;
  if (!can_help.empty()) e.can_help = can_help;
  if (!offer.empty()) e.offer = offer;
  return e;
}

}  // namespace

TEST_CASE("add_contact trims the name, refuses an empty one or an unknown tier, and deals the card at once", "[api]") {
  auto api = fresh();
  CHECK_FALSE(api->add_contact(person("   "), kToday).ok());
  auto bad_tier = api->add_contact(person("Ada", "best friend"), kToday);
  REQUIRE_FALSE(bad_tier.ok());
  CHECK(bad_tier.error().find("tier") != std::string::npos);
  CHECK(api->contact_count().value() == 0);

  auto id = api->add_contact(person("  Ada Lovelace \n"), kToday);
  REQUIRE(id.ok());
  CHECK(api->contact(*id, kToday)->contact.name == "Ada Lovelace");
  CHECK(api->contact(*id, kToday)->contact.source == "manual");
  auto deck = api->deck(kToday);
  REQUIRE(deck.ok());
  REQUIRE(deck->size() == 1);
  CHECK((*deck)[0].contact_id == *id);
}

TEST_CASE("the first goal becomes current; set-current refuses an archived goal; edit keeps the rest", "[api]") {
  auto api = fresh();
  CHECK_FALSE(api->add_goal(goal("  ")).ok());
  auto first = api->add_goal(goal("Move into product management"));
  auto second = api->add_goal(goal("Speak at a conference", "DevRel"));
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(first->current);
  CHECK_FALSE(second->current);

  GoalEdit new_deadline;
  new_deadline.deadline = day("2026-09-01");
  auto edited = api->edit_goal(second->id, new_deadline);
  REQUIRE(edited.ok());
  CHECK(edited->text == "Speak at a conference");
  CHECK(edited->target == "DevRel");
  CHECK(edited->deadline == day("2026-09-01"));
  GoalEdit no_text;
  no_text.text = "";
  CHECK_FALSE(api->edit_goal(second->id, no_text).ok());

  REQUIRE(api->set_current_goal(second->id).ok());
  auto goals = api->goals();
  REQUIRE(goals.ok());
  REQUIRE(goals->size() == 2);
  CHECK_FALSE((*goals)[0].current);
  CHECK((*goals)[1].current);

  REQUIRE(api->archive_goal(first->id).ok());
  auto refused = api->set_current_goal(first->id);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().find("archived") != std::string::npos);
  CHECK(api->goals()->size() == 1);
  CHECK(api->goals(true)->size() == 2);
  CHECK_FALSE(api->set_current_goal(999).ok());
}

TEST_CASE("log_sent records the draft's channel, kind and subject as one touch", "[api]") {
  auto api = fresh();
  const int64_t id = api->add_contact(person("Grace Hopper"), kToday).value();
  Draft draft;
  draft.channel = "linkedin-note";
  draft.template_name = "reconnect";
  draft.kind = "give";
  auto logged = api->log_sent(id, draft, kToday);
  REQUIRE(logged.ok());
  auto detail = api->contact(id, kToday);
  REQUIRE(detail.ok());
  REQUIRE(detail->interactions.size() == 1);
  const Interaction& x = detail->interactions[0];
  CHECK(x.id == *logged);
  CHECK(x.channel == "linkedin");  // a connection note is a LinkedIn touch
  CHECK(x.kind == "give");
  CHECK(x.note == "reconnect");  // no subject: the template names it
  CHECK_FALSE(x.grade);          // provisional until the outcome is known
  CHECK(detail->last_touch == kToday);
  CHECK(detail->contact.due > kToday);
}

TEST_CASE("update_contact replaces the person's fields but keeps the review state", "[api]") {
  auto api = fresh();
  const int64_t id = api->add_contact(person("Katherine Johnson"), kToday).value();
  auto session = api->open_review(kToday);
  REQUIRE(session.ok());
  REQUIRE(session->decide(Direction::up).ok());  // starred, due in two days
  Contact edited = api->contact(id, kToday)->contact;
  const auto due = edited.due;
  edited.title = "Mathematician";
  edited.emails = {{"kj@nasa.example", "work", false, ""}};
  edited.starred = false;  // a stale copy must not undo the star
  edited.due.reset();
  REQUIRE(api->update_contact(edited, kToday).ok());
  const Contact after = api->contact(id, kToday)->contact;
  CHECK(after.title == "Mathematician");
  REQUIRE(after.emails.size() == 1);
  CHECK(after.starred);
  CHECK(after.due == due);
  edited.name = " ";
  CHECK_FALSE(api->update_contact(edited, kToday).ok());
  CHECK(api->contact(id, kToday)->contact.name == "Katherine Johnson");
}

TEST_CASE("merge_contacts unites fields, history and goal links, and loses nothing", "[api]") {
  auto api = fresh();
  Contact a = person("Frances Allen");
  a.emails = {{"fran@ibm.example", "work", false, ""}};
  a.notes = "Met at the compiler workshop";
  Contact b = person("Fran Allen", "close");
  b.company = "IBM";
  b.emails = {{"fran@ibm.example", "work", false, ""}, {"fran@home.example", "home", false, ""}};
  b.notes = "Likes Fortran stories";
  const int64_t keep = api->add_contact(a, kToday).value();
  const int64_t dup = api->add_contact(b, kToday).value();
  REQUIRE(api->add_goal(goal("Find a research role")).ok());
  REQUIRE(api->edit_contact(keep, relevance_edit("some", "knows the lab", ""), kToday).ok());
  REQUIRE(api->edit_contact(dup, relevance_edit("high", "", "share my notes"), kToday).ok());
  Interaction x;
  x.contact_id = dup;
  x.date = kToday - 40;
  x.channel = "email";
  REQUIRE(api->log_touch(x, kToday).ok());

  REQUIRE(api->merge_contacts(keep, dup, kToday).ok());
  CHECK(api->contact_count().value() == 1);
  CHECK_FALSE(api->contact(dup, kToday).ok());
  auto merged = api->contact(keep, kToday);
  REQUIRE(merged.ok());
  const Contact& c = merged->contact;
  CHECK(c.name == "Frances Allen");
  CHECK(c.company == "IBM");
  CHECK(c.tier == "close");  // the closer of the two tiers
  REQUIRE(c.emails.size() == 2);
  CHECK(c.notes.find("compiler workshop") != std::string::npos);
  CHECK(c.notes.find("Fortran") != std::string::npos);
  REQUIRE(merged->interactions.size() == 1);
  CHECK(merged->interactions[0].date == kToday - 40);
  REQUIRE(merged->goal_links.size() == 1);
  CHECK(merged->goal_links[0].relevance == "high");
  CHECK(merged->goal_links[0].can_help == "knows the lab");
  CHECK(merged->goal_links[0].offer == "share my notes");
}

TEST_CASE("a failed call changes nothing", "[api]") {
  auto store = rekindle::test::memory_store();
  Rekindle api(*store);
  const int64_t id = api.add_contact(person("Margaret Hamilton"), kToday).value();
  const std::string before = dump(*store);
  CHECK_FALSE(api.merge_contacts(id, id, kToday).ok());
  CHECK_FALSE(api.merge_contacts(id, 404, kToday).ok());
  CHECK_FALSE(api.edit_contact(id, relevance_edit("high", "", ""), kToday).ok());  // no current goal
  ContactEdit bad_cadence;
  bad_cadence.tier = "inner";
  bad_cadence.cadence_days = -3;
  CHECK_FALSE(api.edit_contact(id, bad_cadence, kToday).ok());
  Interaction bad;
  bad.contact_id = id;
  bad.date = kToday;
  bad.grade = 7;
  CHECK_FALSE(api.log_touch(bad, kToday).ok());
  CHECK_FALSE(api.set_daily_limit(0).ok());
  CHECK_FALSE(api.set_setting("", "x").ok());
  CHECK(dump(*store) == before);
}

TEST_CASE("every decision kind in the table can be stored, named, and undone", "[api]") {
  // A new kind added to core/decision.cpp without its schema migration fails here.
  auto store = rekindle::test::memory_store();
  Rekindle api(*store);
  const int64_t id = api.add_contact(person("Mary Jackson"), kToday).value();
  for (const DecisionKind& kind : decision_kinds()) {
    INFO(kind.name);
    CHECK(parse_direction(kind.name) == kind.direction);
    CHECK(&decision_kind(kind.direction) == &kind);
    const std::string before = dump(*store);
    auto session = api.open_review(kToday);
    REQUIRE(session.ok());
    REQUIRE(session->current());
    REQUIRE(session->current()->contact_id == id);
    auto out = session->decide(kind.direction);
    REQUIRE(out.ok());
    CHECK(out->direction == kind.direction);
    auto undone = api.undo();
    REQUIRE(undone.ok());
    REQUIRE(undone->has_value());
    CHECK(dump(*store) == before);
  }
  CHECK_FALSE(gesture_towards(0, 0));
  for (const DecisionKind& kind : decision_kinds())
    if (kind.gesture())
      CHECK(gesture_towards(static_cast<float>(kind.dx), static_cast<float>(kind.dy)) == kind.direction);
}
