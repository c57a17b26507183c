// "Sort your network" and Strategy's people through the whole shell, headless: keys and
// clicks as a user gives them, read back through the core API.
#include <imgui.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "app/ui_shell.h"
#include "app/view_sort.h"
#include "core/rekindle.h"
#include "core/store.h"
#include "tests/headless_ui.h"

using namespace rekindle;
using app::Screen;
using app::SortState;

namespace {

const core::Day kToday = *core::parse_iso_day("2025-11-25");

// People as a LinkedIn import leaves them: no tier, no goal. Ids 1..n, best first in the
// triage (newer connections first).
void import_people(core::Rekindle& api, int n) {
  for (int i = 0; i < n; ++i) {
    core::Contact c;
    c.name = "Person " + std::to_string(i + 1);
    c.title = "Engineer";
    c.connected_on = kToday - (i + 1) * 30;
    REQUIRE(api.add_contact(c, kToday).ok());
  }
}

// A shell over a database file, so a second shell can reopen it (resume).
struct FileDb {
  std::string path;
  FileDb() {
    char folder[] = "/tmp/rekindle-sort-XXXXXX";
    REQUIRE(mkdtemp(folder));
    path = std::string(folder) + "/test.db";
  }
  std::unique_ptr<core::Rekindle> open() const {
    auto api = core::Rekindle::open(path);
    REQUIRE(api.ok());
    return std::move(*api);
  }
};

platform::InputEvents key(char c) {
  platform::InputEvents events;
  events.keys.push_back({platform::key_for_char(c), 0, false});
  return events;
}

platform::InputEvents key(platform::Key k) {
  platform::InputEvents events;
  events.keys.push_back({k, 0, false});
  return events;
}

std::optional<ImVec2> target(const app::ClickTargets& targets, const std::string& name) {
  for (const auto& t : targets)
    if (t.name == name) return t.center;
  return std::nullopt;
}

// Where a screen drew a button this frame (the sort or strategy screen).
ImVec2 find(const app::FrameReport& report, const std::string& name) {
  std::optional<ImVec2> at;
  if (report.sort) at = target(report.sort->targets, name);
  if (!at && report.strategy_frame) at = target(report.strategy_frame->targets, name);
  INFO("button " << name);
  REQUIRE(at);
  return *at;
}

// A click as a user makes it: hover, press, release. Returns the report of the release.
app::FrameReport click(test::HeadlessUi& ui, app::AppShell& shell, ImVec2 at) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = at;
  ui.frame(shell);
  io.MouseDown[0] = true;
  ui.frame(shell);
  io.MouseDown[0] = false;
  auto report = ui.frame(shell);
  io.MousePos = ImVec2(-1, -1);
  return report;
}

void type(test::HeadlessUi& ui, app::AppShell& shell, const char* text) {
  ImGui::GetIO().AddInputCharactersUTF8(text);
  ui.frame(shell);
}

std::string tier_of(core::Rekindle& api, int64_t id) { return api.contact(id, kToday)->contact.tier; }

std::string relevance_of(core::Rekindle& api, int64_t id) {
  auto detail = api.contact(id, kToday);
  REQUIRE(detail.ok());
  for (const auto& l : detail->goal_links) return l.relevance;
  return "none";
}

}  // namespace

TEST_CASE("first run: Today leads to Sort your network, and Enter opens it", "[gui][sort]") {
  test::HeadlessUi ui;
  FileDb db;
  {
    auto api = db.open();
    import_people(*api, 5);
  }
  app::AppShell shell(db.open(), "", kToday);
  auto report = ui.frames(shell);
  REQUIRE(report.today_frame);
  CHECK(report.today_frame->top_contact == 0);  // the deck waits behind the invitation
  report = ui.frame(shell, key(platform::Key::kEnter));
  CHECK(report.screen == Screen::kSort);
  report = ui.frames(shell);
  REQUIRE(report.sort);
  CHECK(report.sort->state == SortState::kGoal);  // no goal yet: the three questions first
}

TEST_CASE("the goal step creates the goal from what was typed and keeps the offer", "[gui][sort]") {
  test::HeadlessUi ui;
  auto owned = core::Rekindle::open_in_memory();
  REQUIRE(owned.ok());
  core::Rekindle* api = owned->get();
  import_people(*api, 3);
  app::AppShell shell(std::move(*owned), "", kToday);
  shell.show(Screen::kSort);
  auto report = ui.frames(shell);
  REQUIRE(report.sort);
  REQUIRE(report.sort->state == SortState::kGoal);

  // Saving with nothing written is refused in words, and stores nothing.
  report = click(ui, shell, find(report, "save-goal"));
  CHECK(report.sort->state == SortState::kGoal);
  CHECK(api->goals()->empty());

  report = click(ui, shell, find(report, "goal-text"));
  type(ui, shell, "Move into product management");
  report = click(ui, shell, find(ui.frame(shell), "goal-target"));
  type(ui, shell, "Fintech");
  report = click(ui, shell, find(ui.frame(shell), "goal-offer"));
  type(ui, shell, "Feedback on a launch");
  report = click(ui, shell, find(ui.frame(shell), "save-goal"));
  report = ui.frames(shell);
  CHECK(report.sort->state == SortState::kTriage);
  auto goals = api->goals();
  REQUIRE(goals->size() == 1);
  CHECK((*goals)[0].text == "Move into product management");
  CHECK((*goals)[0].target == "Fintech");
  CHECK((*goals)[0].current);
  CHECK(api->setting(core::kDefaultOfferSetting)->value_or("") == "Feedback on a launch");
}

TEST_CASE("triage keys set tier and relevance through the core API; U undoes", "[gui][sort]") {
  test::HeadlessUi ui;
  auto owned = core::Rekindle::open_in_memory();
  REQUIRE(owned.ok());
  core::Rekindle* api = owned->get();
  import_people(*api, 6);
  core::Goal goal;
  goal.text = "Move into product management";
  REQUIRE(api->add_goal(goal).ok());
  app::AppShell shell(std::move(*owned), "", kToday);
  shell.show(Screen::kSort);
  auto report = ui.frames(shell);
  REQUIRE(report.sort);
  REQUIRE(report.sort->state == SortState::kTriage);  // a goal exists: straight to the people
  CHECK(report.sort->person == 1);

  report = ui.frame(shell, key('1'));
  CHECK(report.screen == Screen::kSort);  // the digit answered, it did not switch tabs
  REQUIRE(report.sort->answered == core::SortAnswer::close);
  CHECK(tier_of(*api, 1) == "close");
  CHECK(report.sort->person == 2);

  ui.frame(shell, key('H'));
  report = ui.frame(shell, key('2'));
  CHECK(tier_of(*api, 2) == "regular");
  CHECK(relevance_of(*api, 2) == "high");
  CHECK(relevance_of(*api, 1) == "none");

  report = ui.frame(shell, key('3'));
  CHECK(tier_of(*api, 3) == "wider");
  report = ui.frame(shell, key('4'));
  CHECK(tier_of(*api, 4) == "dormant");
  CHECK(api->sort_progress()->sorted == 4);
  CHECK(app::sort_progress_text(*api->sort_progress()) == "4 of 6 sorted");
  CHECK(report.sort->person == 5);

  // Undo takes back the last answer and shows that person again; Backspace too.
  report = ui.frame(shell, key('U'));
  CHECK(report.sort->undone);
  CHECK(report.sort->person == 4);
  CHECK(api->sort_progress()->sorted == 3);
  report = ui.frame(shell, key(platform::Key::kBackspace));
  CHECK(report.sort->person == 3);
  CHECK(tier_of(*api, 3) == "dormant");
  CHECK(api->sort_progress()->sorted == 2);
  // The helper mark survives in the store until its own answer is undone.
  CHECK(relevance_of(*api, 2) == "high");
}

TEST_CASE("triage buttons answer with the mouse, and the could-help switch marks relevance", "[gui][sort]") {
  test::HeadlessUi ui;
  auto owned = core::Rekindle::open_in_memory();
  REQUIRE(owned.ok());
  core::Rekindle* api = owned->get();
  import_people(*api, 5);
  core::Goal goal;
  goal.text = "Find a design lead role";
  REQUIRE(api->add_goal(goal).ok());
  app::AppShell shell(std::move(*owned), "", kToday);
  shell.show(Screen::kSort);
  auto report = ui.frames(shell);
  REQUIRE(report.sort->state == SortState::kTriage);

  report = click(ui, shell, find(report, "could-help"));
  report = click(ui, shell, find(ui.frame(shell), "answer-2"));
  CHECK(tier_of(*api, 1) == "regular");
  CHECK(relevance_of(*api, 1) == "high");
  report = click(ui, shell, find(ui.frame(shell), "answer-1"));
  CHECK(tier_of(*api, 2) == "close");
  report = click(ui, shell, find(ui.frame(shell), "answer-3"));
  CHECK(tier_of(*api, 3) == "wider");
  report = click(ui, shell, find(ui.frame(shell), "answer-4"));
  CHECK(tier_of(*api, 4) == "dormant");
  CHECK(api->sort_progress()->sorted == 4);
  report = click(ui, shell, find(ui.frame(shell), "undo"));
  CHECK(api->sort_progress()->sorted == 3);
  report = click(ui, shell, find(ui.frame(shell), "leave"));
  CHECK(shell.screen() == Screen::kToday);
  CHECK(api->sort_progress()->skipped);
}

TEST_CASE("the triage resumes where it stopped after the window is reopened", "[gui][sort]") {
  test::HeadlessUi ui;
  FileDb db;
  {
    auto api = db.open();
    import_people(*api, 4);
  }
  {
    app::AppShell shell(db.open(), "", kToday);
    shell.show(Screen::kSort);
    auto report = ui.frames(shell);
    report = click(ui, shell, find(report, "skip-goal"));  // no goal: straight to the people
    report = ui.frames(shell);
    REQUIRE(report.sort->state == SortState::kTriage);
    ui.frame(shell, key('2'));
    report = ui.frame(shell, key('3'));
    CHECK(report.sort->person == 3);
  }  // the window closes without "skip for now"
  app::AppShell shell(db.open(), "", kToday);
  // Today asks to carry on ...
  auto report = ui.frames(shell);
  CHECK(report.today_frame->top_contact == 0);
  // ... and the triage goes on with the third person.
  shell.show(Screen::kSort);
  report = ui.frames(shell);
  REQUIRE(report.sort->state == SortState::kTriage);
  CHECK(report.sort->person == 3);
  ui.frame(shell, key('1'));
  report = ui.frame(shell, key('1'));
  CHECK(report.sort->state == SortState::kDone);
  auto api = db.open();
  CHECK(api->sort_progress()->sorted == 4);
  CHECK(api->contact(1, kToday)->contact.tier == "regular");
  CHECK(api->contact(4, kToday)->contact.tier == "close");
}

TEST_CASE("skip for now: S goes to Today, which then deals the deck", "[gui][sort]") {
  test::HeadlessUi ui;
  auto owned = core::Rekindle::open_in_memory();
  REQUIRE(owned.ok());
  core::Rekindle* api = owned->get();
  import_people(*api, 4);
  app::AppShell shell(std::move(*owned), "", kToday);
  shell.show(Screen::kSort);
  auto report = ui.frames(shell);
  report = click(ui, shell, find(report, "skip-goal"));
  report = ui.frame(shell, key('2'));
  report = ui.frame(shell, key('S'));
  CHECK(report.screen == Screen::kToday);
  report = ui.frames(shell);
  CHECK(api->sort_progress()->skipped);
  REQUIRE(report.today_frame);
  CHECK(report.today_frame->top_contact != 0);  // no invitation any more: the deck
  // Strategy keeps the way back in.
  shell.show(Screen::kStrategy);
  report = ui.frames(shell);
  report = click(ui, shell, find(report, "sort"));
  report = ui.frames(shell);
  CHECK(report.screen == Screen::kSort);
  CHECK(report.sort->state == SortState::kTriage);
  CHECK(report.sort->person == 2);
}

TEST_CASE("strategy: a person of the current goal is one click, or Enter, from their details", "[gui][strategy]") {
  test::HeadlessUi ui;
  auto owned = core::Rekindle::open_in_memory();
  REQUIRE(owned.ok());
  core::Rekindle* api = owned->get();
  import_people(*api, 12);
  core::Goal goal;
  goal.text = "Move into product management";
  REQUIRE(api->add_goal(goal).ok());
  for (int64_t id = 1; id <= 10; ++id) {
    core::ContactEdit e;
    e.relevance = id <= 2 ? "high" : "some";
    if (id % 2 == 0) e.offer = "an intro";
    REQUIRE(api->edit_contact(id, e, kToday).ok());
  }
  app::AppShell shell(std::move(*owned), "", kToday);
  shell.show(Screen::kStrategy);
  auto report = ui.frames(shell);
  REQUIRE(report.strategy_frame);
  CHECK(*report.strategy == app::StrategyState::kGoals);
  // Bounded lists: 8 of 10 helpers shown, 5 without an offer.
  int relevant_rows = 0;
  for (const auto& t : report.strategy_frame->targets) relevant_rows += t.name.rfind("relevant-", 0) == 0;
  CHECK(relevant_rows == app::kStrategyListLimit);
  report = click(ui, shell, find(report, "relevant-2"));
  CHECK(shell.screen() == Screen::kDetails);

  shell.show(Screen::kStrategy);
  ui.frames(shell);
  ui.frame(shell, key(platform::Key::kDown));
  ui.frame(shell, key(platform::Key::kDown));
  report = ui.frame(shell, key(platform::Key::kEnter));
  CHECK(shell.screen() == Screen::kDetails);
  // The second row: high relevance first, then by name ("Person 1", "Person 2").
  REQUIRE(report.strategy_frame);
  REQUIRE(report.strategy_frame->open_contact);
  CHECK(*report.strategy_frame->open_contact == 2);

  // With fewer helpers the second list is on screen too: a click there opens details as well.
  for (int64_t id = 4; id <= 10; ++id) {
    core::ContactEdit e;
    e.relevance = "none";
    REQUIRE(api->edit_contact(id, e, kToday).ok());
  }
  shell.show(Screen::kStrategy);
  ui.frames(shell);
  // The second list is below the fold on a phone: scroll as a user would, then click.
  ImGui::GetIO().MousePos = ImVec2(test::kHeadlessWidth * 0.5f, test::kHeadlessHeight * 0.5f);
  ImGui::GetIO().MouseWheel = -10.0f;
  ui.frame(shell);
  report = ui.frames(shell);
  REQUIRE(find(report, "offer-3").y < test::kHeadlessHeight - app::kTabBarHeight);
  report = click(ui, shell, find(report, "offer-3"));
  CHECK(shell.screen() == Screen::kDetails);
}

TEST_CASE("strategy: goals are added, edited, made current and archived in the window", "[gui][strategy]") {
  test::HeadlessUi ui;
  auto owned = core::Rekindle::open_in_memory();
  REQUIRE(owned.ok());
  core::Rekindle* api = owned->get();
  app::AppShell shell(std::move(*owned), "", kToday);
  shell.show(Screen::kStrategy);
  auto report = ui.frames(shell);
  CHECK(*report.strategy == app::StrategyState::kNoGoals);

  // Add: the first goal becomes the current one.
  report = click(ui, shell, find(report, "new-goal"));
  report = click(ui, shell, find(ui.frame(shell), "goal-text"));
  type(ui, shell, "Move into product management");
  report = click(ui, shell, find(ui.frame(shell), "goal-save"));
  auto goals = api->goals();
  REQUIRE(goals->size() == 1);
  CHECK((*goals)[0].text == "Move into product management");
  CHECK((*goals)[0].current);

  // A second one.
  report = click(ui, shell, find(ui.frame(shell), "new-goal"));
  report = click(ui, shell, find(ui.frame(shell), "goal-text"));
  type(ui, shell, "Speak at a conference");
  report = click(ui, shell, find(ui.frame(shell), "goal-save"));
  goals = api->goals();
  REQUIRE(goals->size() == 2);
  CHECK(!(*goals)[1].current);

  // Edit: the text field starts with the goal's text; End, then typing, adds to it.
  report = click(ui, shell, find(ui.frame(shell), "edit-2"));
  report = click(ui, shell, find(ui.frame(shell), "goal-text"));
  ImGui::GetIO().KeysDown[ImGuiKey_End] = true;
  ui.frame(shell);
  ImGui::GetIO().KeysDown[ImGuiKey_End] = false;
  type(ui, shell, " in 2026");
  report = click(ui, shell, find(ui.frame(shell), "goal-save"));
  CHECK((*api->goals())[1].text == "Speak at a conference in 2026");

  // Make current.
  report = click(ui, shell, find(ui.frame(shell), "current-2"));
  goals = api->goals();
  CHECK(!(*goals)[0].current);
  CHECK((*goals)[1].current);

  // Archive asks once more, then archives: kept, no longer listed.
  report = click(ui, shell, find(ui.frame(shell), "archive-1"));
  CHECK(api->goals()->size() == 2);
  report = click(ui, shell, find(ui.frame(shell), "archive-1"));
  goals = api->goals();
  REQUIRE(goals->size() == 1);
  CHECK((*goals)[0].id == 2);
  CHECK(api->goals(true)->size() == 2);
}

TEST_CASE("triage answers a swipe: a touchpad gesture or a drag of the card", "[gui][sort]") {
  CHECK(app::answer_for_swipe(core::Direction::right) == core::SortAnswer::close);
  CHECK(app::answer_for_swipe(core::Direction::up) == core::SortAnswer::keep_in_touch);
  CHECK(app::answer_for_swipe(core::Direction::down) == core::SortAnswer::acquaintance);
  CHECK(app::answer_for_swipe(core::Direction::left) == core::SortAnswer::unknown);
  CHECK_FALSE(app::answer_for_swipe(core::Direction::skip));

  test::HeadlessUi ui;
  auto owned = core::Rekindle::open_in_memory();
  REQUIRE(owned.ok());
  core::Rekindle* api = owned->get();
  import_people(*api, 4);
  core::Goal goal;
  goal.text = "Move into product management";
  REQUIRE(api->add_goal(goal).ok());
  app::AppShell shell(std::move(*owned), "", kToday);
  shell.show(Screen::kSort);
  auto report = ui.frames(shell);
  REQUIRE(report.sort->state == SortState::kTriage);
  REQUIRE(report.sort->person == 1);

  // Two fingers moving right, in one gesture: person 1 is close.
  platform::InputEvents swipe;
  for (int i = 0; i < 6; ++i) swipe.scrolls.push_back({1.0, 0.0});
  report = ui.frame(shell, swipe);
  REQUIRE(report.sort->answered == core::SortAnswer::close);
  CHECK(tier_of(*api, 1) == "close");
  CHECK(report.sort->person == 2);

  // A drag of the card to the left, released past the commit distance: person 2 "don't know".
  for (int i = 0; i < 30; ++i) ui.frame(shell);  // the touchpad's cool-down passes
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 start(test::kHeadlessWidth * 0.5f, 200);  // on the person's card, below the heading
  io.MousePos = start;
  ui.frame(shell);
  io.MouseDown[0] = true;
  ui.frame(shell);
  for (int step = 1; step <= 6; ++step) {
    io.MousePos = ImVec2(start.x - 40.0f * step, start.y);
    ui.frame(shell);
  }
  io.MouseDown[0] = false;
  report = ui.frame(shell);
  io.MousePos = ImVec2(-1, -1);
  REQUIRE(report.sort->answered == core::SortAnswer::unknown);
  CHECK(api->sort_progress()->sorted == 2);
  CHECK(report.sort->person == 3);

  // A click on the card that does not move answers nothing.
  report = click(ui, shell, start);
  CHECK_FALSE(report.sort->answered);
  CHECK(api->sort_progress()->sorted == 2);
}

TEST_CASE("sort and strategy at 100,000 contacts: one page of people read, not the network", "[gui][sort][strategy]") {
  auto store = core::Store::open_in_memory();
  REQUIRE(store.ok());
  REQUIRE((*store)
              ->transaction([&]() -> core::Status {
                for (int i = 0; i < 100000; ++i) {
                  core::Contact c;
                  c.name = "Person " + std::to_string(i + 1);
                  if (i % 3 == 0) c.title = "Engineer";
                  c.connected_on = kToday - (i % 3000);
                  auto id = (*store)->insert_contact(c);
                  if (!id) return core::make_error(id.error());
                }
                return core::Status::success();
              })
              .ok());
  auto owned = core::Rekindle::adopt(std::move(*store));
  core::Rekindle* api = owned.get();
  core::Goal goal;
  goal.text = "Move into product management";
  REQUIRE(api->add_goal(goal).ok());

  app::SortModel model;
  app::load_sort(*api, kToday, model);
  CHECK(model.state == SortState::kTriage);
  CHECK(model.progress.total == 100000);
  CHECK(model.queue.size() <= 40);  // a page, not 100,000 records
  REQUIRE_FALSE(model.queue.empty());
  CHECK_FALSE(model.queue.front().title.empty());  // people with a title come first

  test::HeadlessUi ui;
  app::AppShell shell(std::move(owned), "", kToday);
  shell.show(Screen::kSort);
  auto report = ui.frames(shell);
  REQUIRE(report.sort);
  const int64_t first = report.sort->person;
  report = ui.frame(shell, key('2'));
  REQUIRE(report.sort->answered == core::SortAnswer::keep_in_touch);
  CHECK(tier_of(*api, first) == "regular");
  CHECK(app::sort_progress_text(*api->sort_progress()) == "1 of 100000 sorted");

  shell.show(Screen::kStrategy);
  report = ui.frames(shell);
  REQUIRE(report.strategy_frame);
}
