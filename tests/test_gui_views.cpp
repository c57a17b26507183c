// The views through a headless ImGui context: no window, no GL; the font atlas is built in
// memory and each frame is laid out and tessellated as the real window would.
#include <imgui.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>

#include "app/theme.h"
#include "app/ui_shell.h"
#include "app/ui_widgets.h"
#include "core/rekindle.h"
#include "core/store.h"
#include "tests/headless_ui.h"

using namespace rekindle;
using app::Screen;

namespace {

constexpr float kWidth = test::kHeadlessWidth, kHeight = test::kHeadlessHeight;

const core::Day kToday = *core::parse_iso_day("2025-11-25");

std::unique_ptr<core::Store> empty_store() {
  auto store = core::Store::open_in_memory();
  REQUIRE(store.ok());
  return std::move(*store);
}

int64_t add_contact(core::Store& store, const std::string& name, const std::string& company) {
  core::Contact c;
  c.name = name;
  c.company = company;
  c.tier = "regular";
  auto id = core::Rekindle(store).add_contact(c, kToday);
  REQUIRE(id.ok());
  return *id;
}

std::unique_ptr<core::Store> store_with_contacts() {
  auto store = empty_store();
  add_contact(*store, "Ada Lovelace", "Analytical Engines");
  add_contact(*store, "Grace Hopper", "US Navy");
  add_contact(*store, "Alan Turing", "");
  return store;
}

platform::InputEvents key_press(char c, int mods = 0) {
  platform::InputEvents events;
  events.keys.push_back({platform::key_for_char(c), mods, false});
  return events;
}

platform::InputEvents key_press(platform::Key key) {
  platform::InputEvents events;
  events.keys.push_back({key, 0, false});
  return events;
}

}  // namespace

TEST_CASE("every screen draws its empty state on an empty store", "[gui]") {
  test::HeadlessUi ui;
  app::AppShell shell(core::Rekindle::adopt(empty_store()), "", kToday);
  auto report = ui.frames(shell);
  CHECK(report.screen == Screen::kToday);
  CHECK(!report.store_error);
  REQUIRE(report.today);
  CHECK(*report.today == app::TodayState::kNoContacts);
  CHECK(!report.contacts);  // only the screen on show is drawn

  shell.show(Screen::kContacts);
  report = ui.frames(shell);
  REQUIRE(report.contacts);
  CHECK(*report.contacts == app::ContactsState::kEmpty);

  shell.show(Screen::kStrategy);
  report = ui.frames(shell);
  REQUIRE(report.strategy);
  CHECK(*report.strategy == app::StrategyState::kNoGoals);

  shell.show(Screen::kStats);
  report = ui.frames(shell);
  REQUIRE(report.stats);
  CHECK(*report.stats == app::StatsState::kEmpty);

  shell.show(Screen::kCompose);
  report = ui.frames(shell);
  REQUIRE(report.compose);
  CHECK(*report.compose == app::ComposeState::kNoContact);
}

TEST_CASE("with due contacts Today shows the top card of core's deck, and Contacts lists them", "[gui]") {
  test::HeadlessUi ui;
  auto store = store_with_contacts();
  core::Rekindle api(*store);
  const app::TodayModel model = app::load_today(api, kToday);
  REQUIRE(model.state == app::TodayState::kDeck);
  REQUIRE(model.session);
  REQUIRE(model.session->current());
  CHECK(model.session->remaining() == 3);
  CHECK(model.session->progress_text() == "1 / 3");
  CHECK(!model.session->current()->name.empty());

  app::AppShell shell(core::Rekindle::adopt(std::move(store)), "", kToday);
  auto report = ui.frames(shell);
  REQUIRE(report.today);
  CHECK(*report.today == app::TodayState::kDeck);

  shell.show(Screen::kContacts);
  report = ui.frames(shell);
  REQUIRE(report.contacts);
  CHECK(*report.contacts == app::ContactsState::kList);
}

TEST_CASE("Today is all caught up when contacts exist but none is in today's deck", "[gui]") {
  test::HeadlessUi ui;
  auto store = empty_store();
  core::Contact archived;
  archived.name = "Archived Person";
  archived.archived = true;  // archived contacts never appear in the deck
  REQUIRE(store
              ->transaction([&]() -> core::Status {
                auto id = store->insert_contact(archived);
                return id ? core::Status::success() : core::Status(core::make_error(id.error()));
              })
              .ok());
  core::Rekindle api(*store);
  const app::TodayModel model = app::load_today(api, kToday);
  CHECK(model.state == app::TodayState::kAllCaughtUp);
  REQUIRE(model.session);
  CHECK(!model.session->current());
  CHECK(model.contact_count == 1);
  app::AppShell shell(core::Rekindle::adopt(std::move(store)), "", kToday);
  auto report = ui.frames(shell);
  REQUIRE(report.today);
  CHECK(*report.today == app::TodayState::kAllCaughtUp);
}

TEST_CASE("time since the last touch reads like a person would say it", "[gui]") {
  CHECK(app::time_since_label(std::nullopt) == "No touchpoint logged yet");
  CHECK(app::time_since_label(0) == "Last talked today");
  CHECK(app::time_since_label(1) == "Last talked yesterday");
  CHECK(app::time_since_label(5) == "Last talked 5 days ago");
  CHECK(app::time_since_label(14) == "Last talked 2 weeks ago");
  CHECK(app::time_since_label(7 * 8) == "Last talked 8 weeks ago");
  CHECK(app::time_since_label(426) == "Last talked 14 months ago");
  CHECK(app::time_since_label(365 * 3 + 20) == "Last talked 3 years ago");
  CHECK(app::time_since_label(730) == "Last talked 2 years ago");
}

TEST_CASE("contacts model: search narrows the rows, warmth is in range, no match is its own state", "[gui]") {
  test::HeadlessUi ui;
  auto store = store_with_contacts();
  core::Rekindle api(*store);
  app::ContactsModel model;
  app::load_contacts(api, kToday, model);
  REQUIRE(model.error.empty());
  CHECK(model.total == 3);
  REQUIRE(model.rows.size() == 3);
  for (size_t i = 0; i < model.rows.size(); ++i) {
    CHECK(app::contact_at(model, i).warmth >= 0.0);
    CHECK(app::contact_at(model, i).warmth <= 1.0);
  }
  model.search = "navy";
  app::requery_contacts(model);
  REQUIRE(model.rows.size() == 1);
  CHECK(app::contact_at(model, 0).name == "Grace Hopper");
  CHECK(app::contact_detail_line(app::contact_at(model, 0)) == "US Navy");
  CHECK(model.total == 3);

  model.search = "no such person";
  app::requery_contacts(model);
  CHECK(model.rows.empty());
  ImGui::NewFrame();
  ImGui::Begin("test");
  const auto frame = app::draw_contacts(model, ui.theme(), api, kToday, {});
  ImGui::End();
  ImGui::Render();
  CHECK(frame.state == app::ContactsState::kNoMatches);
  CHECK(!frame.search_edited);
}

TEST_CASE("a long contact list draws only what is on screen", "[gui]") {
  test::HeadlessUi ui;
  auto store = empty_store();
  for (int i = 0; i < 2000; ++i) add_contact(*store, "Person " + std::to_string(i), "Company " + std::to_string(i % 7));
  app::AppShell shell(core::Rekindle::adopt(std::move(store)), "", kToday);
  shell.show(Screen::kContacts);
  auto report = ui.frames(shell);
  REQUIRE(report.contacts);
  CHECK(*report.contacts == app::ContactsState::kList);
  // 2000 cards with shadows would be hundreds of thousands of vertices; the clipper keeps
  // it to the dozen rows that fit the window.
  CHECK(ImGui::GetDrawData()->TotalVtxCount < 60000);
}

TEST_CASE("keys 1-4 switch tabs, Escape leaves Compose, typing in search does not switch", "[gui]") {
  test::HeadlessUi ui;
  app::AppShell shell(core::Rekindle::adopt(store_with_contacts()), "", kToday);
  ui.frame(shell);
  CHECK(ui.frame(shell, key_press('2')).screen == Screen::kContacts);
  CHECK(ui.frame(shell, key_press('3')).screen == Screen::kStrategy);
  auto report = ui.frame(shell, key_press('4'));
  CHECK(report.screen == Screen::kStats);
  CHECK(report.stats);
  CHECK(ui.frame(shell, key_press('1')).screen == Screen::kToday);
  // Ctrl+2 is not a tab switch.
  CHECK(ui.frame(shell, key_press('2', platform::kModCtrl)).screen == Screen::kToday);

  shell.show(Screen::kCompose);
  ui.frame(shell);
  CHECK(ui.frame(shell, key_press(platform::Key::kEscape)).screen == Screen::kToday);

  // '/' puts the keyboard in the search field; then '3' is text, not a tab.
  ui.frame(shell, key_press('2'));
  ui.frame(shell, key_press(platform::Key::kSlash));
  ui.frames(shell, 2);
  REQUIRE(ImGui::GetIO().WantTextInput);
  CHECK(ui.frame(shell, key_press('3')).screen == Screen::kContacts);
}

TEST_CASE("clicking a tab in the bottom bar switches to it", "[gui]") {
  test::HeadlessUi ui;
  app::AppShell shell(core::Rekindle::adopt(store_with_contacts()), "", kToday);
  ImGuiIO& io = ImGui::GetIO();
  // Strategy is the third of four tabs along the bottom.
  io.MousePos = ImVec2(kWidth * 2.5f / 4.0f, kHeight - app::kTabBarHeight * 0.5f);
  ui.frame(shell);  // hover first: hit-testing uses the previous frame
  io.MouseDown[0] = true;
  ui.frame(shell);
  io.MouseDown[0] = false;
  auto report = ui.frame(shell);
  CHECK(report.screen == Screen::kStrategy);
  ui.frame(shell);
  // And a click above the bar, on the page, changes nothing.
  io.MousePos = ImVec2(kWidth * 0.9f, kHeight * 0.5f);
  ui.frame(shell);
  io.MouseDown[0] = true;
  ui.frame(shell);
  io.MouseDown[0] = false;
  CHECK(ui.frame(shell).screen == Screen::kStrategy);
}

TEST_CASE("coming back to the window reloads what another process changed", "[gui]") {
  char folder[] = "/tmp/rekindle-focus-XXXXXX";
  REQUIRE(mkdtemp(folder));
  const std::string path = std::string(folder) + "/test.db";
  {
    test::HeadlessUi ui;
    auto mine = core::Store::open(path);
    REQUIRE(mine.ok());
    app::AppShell shell(core::Rekindle::adopt(std::move(*mine)), "", kToday);
    REQUIRE(ui.frames(shell).today == app::TodayState::kNoContacts);

    // Another connection (a terminal import) adds someone.
    auto other = core::Store::open(path);
    REQUIRE(other.ok());
    add_contact(**other, "Ada Lovelace", "Analytical Engines");

    CHECK(ui.frame(shell).today == app::TodayState::kNoContacts);  // no reason to look yet
    platform::InputEvents back;
    back.focus_gained = true;
    CHECK(ui.frame(shell, back).today == app::TodayState::kDeck);
  }
  std::error_code ignored;
  std::filesystem::remove_all(folder, ignored);
}

TEST_CASE("a store that failed to open shows an error page, not a crash", "[gui]") {
  test::HeadlessUi ui;
  app::AppShell shell(nullptr, "not a Rekindle database (/tmp/x.db)", kToday);
  auto report = ui.frames(shell);
  CHECK(report.store_error);
  CHECK(!report.today);
  // Keys do nothing harmful without a store.
  report = ui.frame(shell, key_press('2'));
  CHECK(report.store_error);
  CHECK(!report.contacts);
}

TEST_CASE("strategy model counts linked contacts and flags those without an offer", "[gui]") {
  test::HeadlessUi ui;
  auto store = store_with_contacts();
  core::Goal goal;
  goal.text = "Move into product management";
  goal.target = "Product manager";
  core::Rekindle api(*store);
  REQUIRE(api.add_goal(goal).ok());
  const auto link = [&](int64_t id, const char* relevance, const char* can_help, const char* offer) {
    core::ContactEdit e;
    e.relevance = relevance;
    e.can_help = can_help;
    e.offer = offer;
    REQUIRE(api.edit_contact(id, e, kToday).ok());
  };
  link(1, "high", "knows PMs", "");
  link(2, "some", "", "intro to a speaker");
  link(3, "none", "", "");
  const auto model = app::load_strategy(api);
  REQUIRE(model.error.empty());
  REQUIRE(model.goals.size() == 1);
  CHECK(model.goals[0].text == "Move into product management");
  CHECK(model.goals[0].relevant_contacts == 2);
  CHECK(model.goals[0].without_offer == 1);

  app::AppShell shell(core::Rekindle::adopt(std::move(store)), "", kToday);
  shell.show(Screen::kStrategy);
  auto report = ui.frames(shell);
  REQUIRE(report.strategy);
  CHECK(*report.strategy == app::StrategyState::kGoals);
}

TEST_CASE("stats model carries core's figures: health bands, give/ask, 12 weeks, 14 days", "[gui]") {
  auto store = store_with_contacts();
  REQUIRE(store
              ->transaction([&]() -> core::Status {
                for (const char* kind : {"give", "give", "ask", "neutral"}) {
                  core::Interaction i;
                  i.contact_id = 1;
                  i.date = kToday - 3;
                  i.kind = kind;
                  if (auto id = store->insert_interaction(i); !id) return core::make_error(id.error());
                }
                return core::Status::success();
              })
              .ok());
  core::Rekindle api(*store);
  const auto model = app::load_stats(api, kToday);
  REQUIRE(model.error.empty());
  const auto& s = model.figures;
  CHECK(s.contacts == 3);
  CHECK(s.warm + s.cooling + s.cold + s.dormant == 3);
  CHECK(s.give == 2);
  CHECK(s.ask == 1);
  CHECK(s.reach_outs_by_week.size() == 12);
  CHECK(s.due_next_14_days.size() == 14);

  test::HeadlessUi ui;
  app::AppShell shell(core::Rekindle::adopt(std::move(store)), "", kToday);
  shell.show(Screen::kStats);
  const auto report = ui.frames(shell);
  REQUIRE(report.stats);
  CHECK(*report.stats == app::StatsState::kFigures);
}

TEST_CASE("screen names round-trip and unknown ones are refused", "[gui]") {
  for (const char* name : {"today", "compose", "contacts", "strategy", "stats"}) {
    auto screen = app::screen_from_name(name);
    REQUIRE(screen);
    CHECK(std::string(app::screen_name(*screen)) == name);
  }
  CHECK(app::window_title(Screen::kContacts) == "Rekindle \u00b7 Contacts");
  CHECK(app::window_title(Screen::kToday) != app::window_title(Screen::kStats));
  CHECK(!app::screen_from_name("nowhere"));
  CHECK(!app::screen_from_name(""));
}

TEST_CASE("long date label names the weekday and month", "[gui]") {
  CHECK(app::long_date_label(*core::parse_iso_day("2025-11-25")) == "Tuesday, 25 November");
  CHECK(app::long_date_label(*core::parse_iso_day("1970-01-01")) == "Thursday, 1 January");
  CHECK(app::long_date_label(*core::parse_iso_day("1969-12-28")) == "Sunday, 28 December");
}

TEST_CASE("initials take the first letter of the first and last word, UTF-8 aware", "[gui]") {
  CHECK(app::initials("Ada Lovelace") == "AL");
  CHECK(app::initials("ada king lovelace") == "AL");
  CHECK(app::initials("  Grace  ") == "G");
  CHECK(app::initials("\xC5\x81ukasz \xC5\xBB\xC3\xB3\xC5\x82kiewski") == "\xC5\x81\xC5\xBB");  // Łukasz Żółkiewski
  CHECK(app::initials("(Bob) Smith") == "BS");
  CHECK(app::initials("") == "");
}

TEST_CASE("ellipsize keeps text that fits and cuts text that does not", "[gui]") {
  test::HeadlessUi ui;
  ImFont* font = ui.theme().fonts.body;
  const float size = font->FontSize;
  CHECK(app::ellipsize(font, size, "Ada", 1000) == "Ada");
  const std::string cut = app::ellipsize(font, size, "Founder and Chief Executive Officer", 100);
  CHECK(cut.size() < std::string("Founder and Chief Executive Officer").size() + 3);
  CHECK(cut.substr(cut.size() - 3) == "\xE2\x80\xA6");
  CHECK(font->CalcTextSizeA(size, FLT_MAX, 0, cut.c_str()).x <= 100.0f);
  // Never splits a multi-byte character.
  const std::string polish =
      app::ellipsize(font, size, "\xC5\xBB\xC3\xB3\xC5\x82\xC4\x87\xC5\xBB\xC3\xB3\xC5\x82\xC4\x87", 30);
  CHECK(polish.size() % 2 == 1);  // 2-byte letters + the 3-byte ellipsis
  // A field imported with a line break stays on one line (it overlapped the next row).
  CHECK(app::ellipsize(font, size, "Sales\nDirector", 1000) == "Sales Director");
  CHECK(app::ellipsize(font, size, "a\r\nb\tc", 1000) == "a  b c");
}
