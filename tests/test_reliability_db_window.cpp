// Issue 14 in the window (headless ImGui): a card decided by another window or process is
// gone at the next input, and that input does not act on the card that comes up instead;
// a damaged database shows a calm card and takes no write.
#include <imgui.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "app/ui_shell.h"
#include "core/rekindle.h"
#include "core/review_session.h"
#include "tests/headless_ui.h"
#include "tests/test_support.h"

using namespace rekindle;
using rekindle::test::read_file;
using rekindle::test::TempDir;

namespace {

const core::Day kToday = *core::parse_iso_day("2025-11-25");

void build(const std::string& path, int count) {
  auto api = core::Rekindle::open(path);
  REQUIRE(api);
  for (int i = 0; i < count; ++i) {
    core::Contact c;
    c.name = "Person " + std::to_string(i);
    c.tier = "regular";
    c.notes = std::string(1500, static_cast<char>('a' + i % 26));
    REQUIRE((*api)->add_contact(c, kToday));
  }
}

int decisions_today(const std::string& path) {
  auto api = core::Rekindle::open(path);
  REQUIRE(api);
  auto done = (*api)->decisions_on(kToday);
  REQUIRE(done);
  return done->count;
}

platform::InputEvents press(platform::Key key) {
  platform::InputEvents events;
  events.keys.push_back({key, 0, false});
  return events;
}

}  // namespace

TEST_CASE("the window drops a card another window decided at the next input, without acting on the next card",
          "[gui][race]") {
  test::HeadlessUi ui;
  TempDir dir;
  const std::string path = dir.file("two-windows.db");
  build(path, 3);
  auto api = core::Rekindle::open(path);
  REQUIRE(api);
  app::AppShell shell(std::move(*api), "", kToday);
  auto report = ui.frames(shell, 2);
  REQUIRE(report.today_frame);
  const int64_t top = report.today_frame->top_contact;
  REQUIRE(top != 0);

  // Another window (its own connection) archives the card this one shows.
  {
    auto other = core::Rekindle::open(path);
    REQUIRE(other);
    auto session = (*other)->open_review(kToday);
    REQUIRE(session);
    REQUIRE(session->current());
    REQUIRE(session->current()->contact_id == top);
    REQUIRE(session->decide(core::Direction::down));
  }
  // Without input nothing is read: no timer, no idle work.
  report = ui.frame(shell);
  REQUIRE(report.today_frame);
  CHECK(report.today_frame->top_contact == top);

  SECTION("a key press") {
    // Right was aimed at the decided card: the deck reloads and nothing is decided.
    report = ui.frame(shell, press(platform::Key::kRight));
    REQUIRE(report.today_frame);
    CHECK(report.today_frame->top_contact != top);
    CHECK(report.today_frame->top_contact != 0);
    CHECK(report.today_frame->command.action == core::DeckAction::none);
    CHECK_FALSE(report.today_frame->reach_out);
    CHECK(decisions_today(path) == 1);
    // The next press acts on the card now shown.
    const int64_t next = report.today_frame->top_contact;
    report = ui.frame(shell, press(platform::Key::kDown));
    REQUIRE(report.today_frame);
    CHECK(report.today_frame->command == core::DeckCommand::decide(core::Direction::down));
    CHECK(report.today_frame->top_contact != next);
    CHECK(decisions_today(path) == 2);
  }
  SECTION("a mouse move") {
    platform::InputEvents moved;
    moved.other = 1;
    report = ui.frame(shell, moved);
    REQUIRE(report.today_frame);
    CHECK(report.today_frame->top_contact != top);
    CHECK(decisions_today(path) == 1);
  }
}

TEST_CASE("a damaged database shows a calm card in the window and takes no swipe", "[gui][corrupt]") {
  test::HeadlessUi ui;
  TempDir dir;
  const std::string path = dir.file("damaged-window.db");
  build(path, 60);
  {
    const auto size = std::filesystem::file_size(path);
    REQUIRE(size >= 40960);
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>((size / 4096 / 2) * 4096));
    const std::string junk(4096, '\x5A');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  const std::string before = read_file(path);
  auto api = core::Rekindle::open(path);
  REQUIRE(api);
  CHECK((*api)->damaged());
  app::AppShell shell(std::move(*api), "", kToday);
  auto report = ui.frames(shell, 2);
  REQUIRE(report.today_frame);
  CHECK(report.today_frame->state == app::TodayState::kError);
  report = ui.frame(shell, press(platform::Key::kRight));
  report = ui.frames(shell, 2);
  REQUIRE(report.today_frame);
  CHECK(report.today_frame->state == app::TodayState::kError);
  CHECK(read_file(path) == before);
}
