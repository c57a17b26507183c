// The Today deck through a headless ImGui context: key presses, drags and touchpad scrolls
// go in as the window would deliver them, and the checks read what the review session
// stored and which card is on top next.
#include <imgui.h>

#include <catch2/catch.hpp>
#include <cfloat>
#include <memory>

#include "app/theme.h"
#include "app/ui_shell.h"
#include "app/ui_widgets.h"
#include "core/rekindle.h"
#include "core/review_session.h"
#include "core/store.h"
#include "tests/headless_ui.h"

using namespace rekindle;
using app::Screen;
using core::DeckAction;
using core::DeckCommand;
using core::Direction;

namespace {

constexpr float kWidth = test::kHeadlessWidth, kHeight = test::kHeadlessHeight;
const core::Day kToday = *core::parse_iso_day("2025-11-25");

// Adds each person as `rekindle add` does.
void add_contacts(core::Store& store, std::initializer_list<const char*> names) {
  core::Rekindle api(store);
  for (const char* name : names) {
    core::Contact c;
    c.name = name;
    c.company = "Acme";
    c.tier = "regular";
    c.urls.push_back({"https://www.linkedin.com/in/someone", "linkedin", false, ""});
    REQUIRE(api.add_contact(c, kToday).ok());
  }
}

std::unique_ptr<core::Store> deck_store() {
  auto store = core::Store::open_in_memory();
  REQUIRE(store.ok());
  add_contacts(**store, {"Ada Lovelace", "Grace Hopper", "Alan Turing"});
  return std::move(*store);
}

platform::InputEvents press(platform::Key key, int mods = 0) {
  platform::InputEvents events;
  events.keys.push_back({key, mods, false});
  return events;
}
platform::InputEvents press(char c, int mods = 0) { return press(platform::key_for_char(c), mods); }

// The deck a fresh session sees: what `rekindle due` would list.
std::vector<int64_t> deck_ids(core::Store& store) {
  auto session = core::ReviewSession::open(store, kToday);
  REQUIRE(session.ok());
  std::vector<int64_t> ids;
  for (const auto& card : session->deck()) ids.push_back(card.contact_id);
  return ids;
}

int decided_today(core::Store& store) {
  auto done = core::decisions_on(store, kToday);
  REQUIRE(done.ok());
  return done->count;
}

}  // namespace

TEST_CASE("deck: Right records reach-out through the session, opens the composer, and the next card follows",
          "[gui][deck]") {
  test::HeadlessUi ui;
  auto owned = deck_store();
  core::Store& store = *owned;
  const std::vector<int64_t> before = deck_ids(store);
  REQUIRE(before.size() == 3);

  // The same decision made the CLI's way on an identical database.
  auto twin = deck_store();
  {
    auto session = core::ReviewSession::open(*twin, kToday);
    REQUIRE(session.ok());
    REQUIRE(session->decide(core::Direction::right).ok());
  }

  app::AppShell shell(core::Rekindle::adopt(std::move(owned)), "", kToday);
  auto report = ui.frames(shell, 2);
  REQUIRE(report.today_frame);
  CHECK(report.today_frame->top_contact == before[0]);

  report = ui.frame(shell, press(platform::Key::kRight));
  REQUIRE(report.today_frame);
  CHECK(report.today_frame->command == DeckCommand::decide(Direction::right));
  CHECK(report.today_frame->top_contact == before[1]);  // the decision was committed before drawing
  CHECK(decided_today(store) == 1);
  CHECK(deck_ids(store) == std::vector<int64_t>{before[1], before[2]});
  CHECK(*store.canonical_dump() == *twin->canonical_dump());

  // The composer opens for the contact just swiped, with core's draft.
  report = ui.frame(shell);
  CHECK(report.screen == Screen::kCompose);
  REQUIRE(report.compose);
  CHECK(*report.compose == app::ComposeState::kDraft);

  // One key logs the message as sent, once.
  report = ui.frame(shell, press('s'));
  REQUIRE(report.compose_frame);
  CHECK(report.compose_frame->logged);
  CHECK(!ui.frame(shell, press('s')).compose_frame->logged);
  auto logged = store.interactions(before[0]);
  REQUIRE(logged.ok());
  CHECK(logged->size() == 1);

  // Esc goes back to the deck, where the next card is on top.
  ui.frame(shell, press(platform::Key::kEscape));
  report = ui.frames(shell, 2);
  CHECK(report.screen == Screen::kToday);
  REQUIRE(report.today_frame);
  CHECK(report.today_frame->top_contact == before[1]);
}

TEST_CASE("deck: vim keys swipe, undo brings the cards back on top in reverse order", "[gui][deck]") {
  test::HeadlessUi ui;
  auto owned = deck_store();
  core::Store& store = *owned;
  const std::vector<int64_t> ids = deck_ids(store);
  app::AppShell shell(core::Rekindle::adopt(std::move(owned)), "", kToday);
  ui.frames(shell, 2);

  auto report = ui.frame(shell, press('j'));  // archive
  CHECK(report.today_frame->command == DeckCommand::decide(Direction::down));
  auto archived = store.contact(ids[0]);
  REQUIRE(archived.ok());
  CHECK((*archived)->archived);
  report = ui.frame(shell, press('h'));  // snooze
  CHECK(report.today_frame->command == DeckCommand::decide(Direction::left));
  CHECK(report.today_frame->top_contact == ids[2]);
  CHECK(decided_today(store) == 2);

  report = ui.frame(shell, press('u'));
  CHECK(report.today_frame->command == DeckCommand{DeckAction::undo});
  CHECK(report.today_frame->top_contact == ids[1]);
  report = ui.frame(shell, press('z', platform::kModCtrl));
  CHECK(report.today_frame->command == DeckCommand{DeckAction::undo});
  CHECK(report.today_frame->top_contact == ids[0]);
  CHECK(decided_today(store) == 0);
  CHECK(!(*store.contact(ids[0]))->archived);
  // Nothing left to undo: no harm done.
  report = ui.frame(shell, press(platform::Key::kBackspace));
  CHECK(report.today_frame->top_contact == ids[0]);
  // A held key repeats; repeats never swipe.
  platform::InputEvents repeat;
  repeat.keys.push_back({platform::Key::kUp, 0, true});
  CHECK(ui.frame(shell, repeat).today_frame->command == DeckCommand{});
  CHECK(decided_today(store) == 0);
}

TEST_CASE("deck: a drag past the threshold swipes; a short one springs back and decides nothing", "[gui][deck]") {
  test::HeadlessUi ui;
  auto owned = deck_store();
  core::Store& store = *owned;
  const std::vector<int64_t> ids = deck_ids(store);
  app::AppShell shell(core::Rekindle::adopt(std::move(owned)), "", kToday);
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 grab(kWidth * 0.5f, kHeight * 0.4f);

  // Short and slow: 15 % of the width over half a second.
  io.MousePos = grab;
  ui.frames(shell, 2);  // hover first: hit-testing uses the previous frame
  io.MouseDown[0] = true;
  ui.frame(shell);
  for (int i = 1; i <= 30; ++i) {
    io.MousePos = ImVec2(grab.x - kWidth * 0.15f * i / 30, grab.y);
    CHECK(ui.frame(shell).animating);
  }
  io.MouseDown[0] = false;
  auto report = ui.frame(shell);
  CHECK(report.today_frame->command == DeckCommand{});
  CHECK(report.animating);  // springing back
  report = ui.frames(shell, 40);
  CHECK(!report.animating);  // and then the loop may sleep
  CHECK(decided_today(store) == 0);
  CHECK(report.today_frame->top_contact == ids[0]);

  // Long: half the width to the left.
  io.MousePos = grab;
  ui.frame(shell);
  io.MouseDown[0] = true;
  ui.frame(shell);
  for (int i = 1; i <= 20; ++i) {
    io.MousePos = ImVec2(grab.x - kWidth * 0.5f * i / 20, grab.y + 10.0f * i / 20);
    ui.frame(shell);
  }
  io.MouseDown[0] = false;
  report = ui.frame(shell);
  CHECK(report.today_frame->command == DeckCommand::decide(Direction::left));
  CHECK(report.today_frame->top_contact == ids[1]);
  CHECK(decided_today(store) == 1);
  CHECK(report.animating);  // the card flies out
  report = ui.frames(shell, 30);
  CHECK(!report.animating);
}

TEST_CASE("deck: a touchpad swipe with its inertial tail is one decision", "[gui][deck]") {
  test::HeadlessUi ui;
  auto owned = deck_store();
  core::Store& store = *owned;
  const std::vector<int64_t> ids = deck_ids(store);
  app::AppShell shell(core::Rekindle::adopt(std::move(owned)), "", kToday);
  ui.frames(shell, 2);
  // X11-style steps, two per frame, then a slowing tail.
  int swipes = 0;
  for (int i = 0; i < 40; ++i) {
    platform::InputEvents events;
    if (i < 10 || i % 3 == 0) events.scrolls.push_back({-1.0, 0.0});
    if (i < 6) events.scrolls.push_back({-1.0, 0.0});
    if (ui.frame(shell, events).today_frame->command != DeckCommand{}) ++swipes;
  }
  CHECK(swipes == 1);
  CHECK(decided_today(store) == 1);
  auto report = ui.frames(shell, 30);  // a pause: the next swipe may come
  CHECK(report.today_frame->top_contact == ids[1]);
  platform::InputEvents nudge;
  nudge.scrolls.push_back({1.0, 0.0});
  CHECK(ui.frame(shell, nudge).today_frame->command == DeckCommand{});
}

TEST_CASE("deck: clearing the deck shows the session summary; ? shows the keys and blocks swipes", "[gui][deck]") {
  test::HeadlessUi ui;
  auto owned = deck_store();
  core::Store& store = *owned;
  app::AppShell shell(core::Rekindle::adopt(std::move(owned)), "", kToday);
  ui.frames(shell, 2);

  // '?' arrives as the Shift+/ key press and as the typed character: the help opens once.
  platform::InputEvents help = press(platform::Key::kSlash, platform::kModShift);
  help.characters.push_back('?');
  CHECK(ui.frame(shell, help).today_frame->overlay == app::TodayOverlay::kHelp);
  CHECK(ui.frame(shell, press(platform::Key::kUp)).today_frame->command == DeckCommand{});
  CHECK(decided_today(store) == 0);
  ui.frame(shell, press(platform::Key::kEscape));

  ui.frame(shell, press(platform::Key::kUp));
  ui.frame(shell, press(platform::Key::kDown));
  auto report = ui.frame(shell, press(platform::Key::kLeft));
  CHECK(report.today_frame->state == app::TodayState::kAllCaughtUp);
  CHECK(report.today_frame->top_contact == 0);
  auto summary = core::session_summary(store, kToday, 10);
  REQUIRE(summary.ok());
  CHECK(summary->count(core::Direction::up) == 1);
  CHECK(summary->count(core::Direction::down) == 1);
  CHECK(summary->count(core::Direction::left) == 1);
  // Undo from the summary brings the last card back.
  report = ui.frame(shell, press('u'));
  CHECK(report.today_frame->state == app::TodayState::kDeck);
}

TEST_CASE("compose: core's draft for the contact, and Log as sent records one touchpoint", "[gui][deck]") {
  auto owned = deck_store();
  core::Store& store = *owned;
  core::Rekindle api(store);
  const int64_t id = deck_ids(store)[0];
  app::ComposeModel model = app::load_compose(api, id, kToday, core::load_templates("/nonexistent"));
  REQUIRE(model.context);
  CHECK(!model.body.empty());
  CHECK(model.body == model.draft.body);
  CHECK(model.contact_name == (*store.contact(id))->name);
  app::choose_draft(model, "linkedin-note", "");
  CHECK(model.channel == "linkedin-note");
  CHECK(model.draft.limit == core::kLinkedInNoteLimit);
  CHECK(model.draft.link.find("linkedin.com") != std::string::npos);

  REQUIRE(app::log_draft_sent(model, api).ok());
  REQUIRE(app::log_draft_sent(model, api).ok());  // a second click does not log twice
  auto interactions = store.interactions(id);
  REQUIRE(interactions.ok());
  REQUIRE(interactions->size() == 1);
  CHECK((*interactions)[0].channel == "linkedin");
  CHECK((*interactions)[0].date == kToday);
}

TEST_CASE("deck: Enter opens the top card's details, Esc comes back; the invert setting flips the touchpad",
          "[gui][deck]") {
  test::HeadlessUi ui;
  auto owned = deck_store();
  core::Store& store = *owned;
  REQUIRE(store.set_setting(app::kTouchpadInvertSetting, "1").ok());
  const std::vector<int64_t> ids = deck_ids(store);
  app::AppShell shell(core::Rekindle::adopt(std::move(owned)), "", kToday);
  ui.frames(shell, 2);
  const auto opened = ui.frame(shell, press(platform::Key::kEnter));
  REQUIRE(opened.today_frame);
  CHECK(opened.today_frame->open_details == ids[0]);
  CHECK(opened.screen == Screen::kDetails);
  const auto shown = ui.frame(shell);
  REQUIRE(shown.details);
  CHECK(shown.details->state == app::DetailsState::kShown);
  CHECK(ui.frame(shell, press(platform::Key::kEscape)).screen == Screen::kToday);
  ui.frames(shell, 2);

  // Inverted: fingers "left" in the raw offsets is a right swipe (reach out).
  platform::InputEvents swipe;
  for (int i = 0; i < 5; ++i) swipe.scrolls.push_back({-1.0, 0.0});
  CHECK(ui.frame(shell, swipe).today_frame->command == DeckCommand::decide(Direction::right));
  auto done = core::decisions_on(store, kToday);
  REQUIRE(done.ok());
  CHECK(done->decided.count(ids[0]) == 1);
}

TEST_CASE("wrap_lines keeps line breaks and wraps words within the width", "[gui][deck]") {
  test::HeadlessUi ui;
  ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  const float size = font->FontSize;
  // Two lines of a contact's details stay two rows (ImGui's own wrap would run them together).
  auto rows = app::wrap_lines(font, size, "maya@example.com\nhttps://www.linkedin.com/in/maya", 400);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == "maya@example.com");
  CHECK(rows[1] == "https://www.linkedin.com/in/maya");
  CHECK(app::wrap_lines(font, size, "one\n\ntwo", 400).size() == 3);
  CHECK(app::wrap_lines(font, size, "", 400).empty());
  const std::string text = "Coffee at the conference: she is leaving Acme to start a studio and asked about hiring";
  rows = app::wrap_lines(font, size, text, 150);
  CHECK(rows.size() > 2);
  for (auto row : rows) {
    CHECK(font->CalcTextSizeA(size, FLT_MAX, 0, row.data(), row.data() + row.size()).x <= 150.5f);
    CHECK(!row.empty());
    CHECK(row.front() != ' ');
  }
}
