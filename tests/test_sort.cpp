// "Sort your network" through the core API: each answer is one call that sets the tier (and
// so the schedule), the current goal's relevance and offer; undo restores exactly; the
// queue pages through the network best first; Strategy's people lists are bounded.
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "core/rekindle.h"
#include "core/store.h"

using namespace rekindle;
using core::SortAnswer;

namespace {

const core::Day kToday = *core::parse_iso_day("2025-11-25");

std::unique_ptr<core::Rekindle> api_in_memory() {
  auto api = core::Rekindle::open_in_memory();
  REQUIRE(api.ok());
  return std::move(*api);
}

// A contact as a LinkedIn import leaves it: no tier, a connection date.
int64_t imported(core::Rekindle& api, const std::string& name, const std::string& title, const char* connected) {
  core::Contact c;
  c.name = name;
  c.title = title;
  if (connected) c.connected_on = core::parse_iso_day(connected);
  auto id = api.add_contact(c, kToday);
  REQUIRE(id.ok());
  return *id;
}

core::SortChoice choice(SortAnswer answer, bool could_help = false, std::string offer = "") {
  core::SortChoice c;
  c.answer = answer;
  c.could_help = could_help;
  c.offer = std::move(offer);
  return c;
}

core::GoalLink link_of(core::Rekindle& api, int64_t id) {
  auto detail = api.contact(id, kToday);
  REQUIRE(detail.ok());
  for (const auto& l : detail->goal_links)
    if (l.goal_id == 1) return l;
  return {};
}

}  // namespace

TEST_CASE("each answer maps to a tier: close, regular, wider, dormant", "[sort]") {
  CHECK(std::string(core::sort_answer_tier(SortAnswer::close)) == "close");
  CHECK(std::string(core::sort_answer_tier(SortAnswer::keep_in_touch)) == "regular");
  CHECK(std::string(core::sort_answer_tier(SortAnswer::acquaintance)) == "wider");
  CHECK(std::string(core::sort_answer_tier(SortAnswer::unknown)) == "dormant");
  for (int i = 0; i < core::kSortAnswerCount; ++i) {
    const auto a = static_cast<SortAnswer>(i);
    CHECK(core::sort_answer_from_name(core::sort_answer_name(a)) == a);
  }
  CHECK(!core::sort_answer_from_name("maybe"));
}

TEST_CASE("sort_contact sets tier, schedule and the goal's relevance and offer in one call", "[sort]") {
  auto api = api_in_memory();
  const int64_t ada = imported(*api, "Ada Lovelace", "Engineer", "2024-01-10");
  const int64_t bob = imported(*api, "Bob Stone", "", nullptr);
  core::Goal goal;
  goal.text = "Move into product management";
  REQUIRE(api->add_goal(goal).ok());

  auto before = api->sort_progress();
  REQUIRE(before.ok());
  CHECK(before->total == 2);
  CHECK(before->sorted == 0);
  CHECK(before->untiered == 2);
  CHECK(before->has_goal);

  REQUIRE(api->sort_contact(ada, choice(SortAnswer::close, true, "Feedback on her launch"), kToday).ok());
  auto detail = api->contact(ada, kToday);
  REQUIRE(detail.ok());
  CHECK(detail->contact.tier == "close");
  // A tier puts her on the list from today (MODEL.md: "back on your list", dealt by value,
  // with no due day until a real touch starts her cadence).
  CHECK(detail->contact.listed_since == kToday);
  CHECK(!detail->contact.due.has_value());
  CHECK(link_of(*api, ada).relevance == "high");
  CHECK(link_of(*api, ada).offer == "Feedback on her launch");

  REQUIRE(api->sort_contact(bob, choice(SortAnswer::unknown), kToday).ok());
  CHECK(api->contact(bob, kToday)->contact.tier == "dormant");
  CHECK(link_of(*api, bob).goal_id == 0);  // no link made for someone not marked

  auto after = api->sort_progress();
  CHECK(after->sorted == 2);
  CHECK(after->left() == 0);
  CHECK(after->untiered == 0);
  // A second answer for the same person is refused, and changes nothing.
  auto again = api->sort_contact(ada, choice(SortAnswer::acquaintance), kToday);
  CHECK(!again.ok());
  CHECK(api->contact(ada, kToday)->contact.tier == "close");
}

TEST_CASE("could help and an offer need a goal; without one the answer is refused whole", "[sort]") {
  auto api = api_in_memory();
  const int64_t ada = imported(*api, "Ada Lovelace", "Engineer", nullptr);
  auto refused = api->sort_contact(ada, choice(SortAnswer::close, true), kToday);
  REQUIRE(!refused.ok());
  CHECK(refused.error().find("goal") != std::string::npos);
  CHECK(api->contact(ada, kToday)->contact.tier == "dormant");
  CHECK(api->sort_progress()->sorted == 0);
  // The answer alone is fine.
  REQUIRE(api->sort_contact(ada, choice(SortAnswer::keep_in_touch), kToday).ok());
  CHECK(api->contact(ada, kToday)->contact.tier == "regular");
}

TEST_CASE("undo_sort restores tier, schedule and goal link exactly", "[sort]") {
  auto store_result = core::Store::open_in_memory();
  REQUIRE(store_result.ok());
  core::Store& store = **store_result;
  core::Rekindle api(store);
  const int64_t ada = imported(api, "Ada Lovelace", "Engineer", "2023-05-01");
  const int64_t bob = imported(api, "Bob Stone", "Designer", "2024-05-01");
  core::Goal goal;
  goal.text = "Find a design lead role";
  REQUIRE(api.add_goal(goal).ok());
  // Bob was already marked by hand: "some", with a note on how he could help.
  core::ContactEdit edit;
  edit.relevance = "some";
  edit.can_help = "knows the studio";
  REQUIRE(api.edit_contact(bob, edit, kToday).ok());
  const std::string before = *store.canonical_dump();

  REQUIRE(api.sort_contact(ada, choice(SortAnswer::close, true, "intro"), kToday).ok());
  REQUIRE(api.sort_contact(bob, choice(SortAnswer::acquaintance, false, "a review"), kToday).ok());
  CHECK(link_of(api, bob).relevance == "none");  // no longer marked
  CHECK(link_of(api, bob).offer == "a review");

  auto undone = api.undo_sort();
  REQUIRE(undone.ok());
  REQUIRE(*undone == bob);  // the latest first
  CHECK(link_of(api, bob).relevance == "some");
  CHECK(link_of(api, bob).can_help == "knows the studio");
  CHECK(link_of(api, bob).offer.empty());
  CHECK(api.contact(bob, kToday)->contact.tier == "dormant");
  undone = api.undo_sort();
  REQUIRE(undone.ok());
  REQUIRE(*undone == ada);
  CHECK(*store.canonical_dump() == before);
  // Nothing left to undo.
  undone = api.undo_sort();
  REQUIRE(undone.ok());
  CHECK(!*undone);
}

TEST_CASE("the queue pages best first: a title or company, then the newest connections", "[sort]") {
  auto store = core::Store::open_in_memory();
  REQUIRE(store.ok());
  auto api = std::make_unique<core::Rekindle>(**store);
  const int64_t plain_new = imported(*api, "No Title New", "", "2025-10-01");
  const int64_t old_title = imported(*api, "Old Title", "Engineer", "2019-01-01");
  const int64_t new_title = imported(*api, "New Title", "Designer", "2025-09-01");
  const int64_t no_date = imported(*api, "No Date", "Writer", nullptr);
  const int64_t archived = imported(*api, "Archived", "CEO", "2025-11-01");
  REQUIRE((*store)
              ->transaction([&] {
                core::SchedulingFields f = *(*store)->scheduling_fields(archived).value();
                f.archived = true;
                return (*store)->set_scheduling_fields(archived, f);
              })
              .ok());

  auto page = api->sort_queue(3);
  REQUIRE(page.ok());
  REQUIRE(page->size() == 3);
  CHECK((*page)[0].id == new_title);
  CHECK((*page)[1].id == old_title);
  CHECK((*page)[2].id == no_date);
  CHECK((*page)[0].title == "Designer");

  REQUIRE(api->sort_contact(new_title, choice(SortAnswer::close), kToday).ok());
  page = api->sort_queue(10);
  REQUIRE(page->size() == 3);  // sorted and archived people are left out
  CHECK((*page)[0].id == old_title);
  CHECK((*page)[2].id == plain_new);
  CHECK(api->sort_progress()->total == 4);
}

TEST_CASE("skipping is remembered", "[sort]") {
  auto api = api_in_memory();
  imported(*api, "Ada Lovelace", "Engineer", nullptr);
  CHECK(!api->sort_progress()->skipped);
  REQUIRE(api->set_sort_skipped(true).ok());
  CHECK(api->sort_progress()->skipped);
  REQUIRE(api->set_sort_skipped(false).ok());
  CHECK(!api->sort_progress()->skipped);
}

TEST_CASE("strategy_people gives the first few of each list with the full counts", "[sort][strategy]") {
  auto api = api_in_memory();
  core::Goal goal;
  goal.text = "Move into product management";
  REQUIRE(api->add_goal(goal).ok());
  for (int i = 0; i < 30; ++i) {
    const int64_t id = imported(*api, "Person " + std::to_string(100 + i), "PM", nullptr);
    core::ContactEdit e;
    e.relevance = i < 5 ? "high" : i < 25 ? "some" : "none";
    if (i % 2 == 0) e.offer = "an intro";
    REQUIRE(api->edit_contact(id, e, kToday).ok());
  }
  auto people = api->strategy_people(8);
  REQUIRE(people.ok());
  REQUIRE(people->goal);
  CHECK(people->relevant_total == 25);
  CHECK(people->without_offer_total == 12);  // odd i below 25
  REQUIRE(people->relevant.size() == 8);
  CHECK(people->relevant[0].relevance == "high");
  CHECK(people->relevant[4].relevance == "high");
  CHECK(people->relevant[5].relevance == "some");
  REQUIRE(people->without_offer.size() == 8);
  for (const auto& p : people->without_offer) CHECK(p.offer.empty());
  // Without a current goal the lists are empty.
  auto none = api_in_memory();
  auto empty = none->strategy_people(8);
  REQUIRE(empty.ok());
  CHECK(!empty->goal);
  CHECK(empty->relevant.empty());
}
