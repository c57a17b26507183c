// Import in the window and the Settings screen, through a headless ImGui context: files
// dropped on the shell are imported on a worker thread with its own connection, and each
// Settings control sends its core call (read back through the API).
#include <imgui.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "app/import_job.h"
#include "app/ui_shell.h"
#include "core/rekindle.h"
#include "core/review_session.h"
#include "tests/headless_ui.h"
#include "tests/test_support.h"

using namespace rekindle;
using app::Screen;

namespace {

const core::Day kToday = *core::parse_iso_day("2025-11-25");

// A LinkedIn export with `people` connections, and one row that names nobody (skipped).
std::string linkedin_csv(int people) {
  std::string csv = "Notes:\n\"Exported by a test\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  for (int i = 0; i < people; ++i) {
    csv += "Person" + std::to_string(i) + ",Tester,https://www.linkedin.com/in/person-" + std::to_string(i) +
           ",,Acme,Engineer,12 Nov 2024\n";
    if (i == 2) csv += ",,,,Hidden Co,,05 May 2023\n";  // line 7: no name, URL or e-mail
  }
  return csv;
}

std::unique_ptr<core::Rekindle> open_db(const std::string& path) {
  auto api = core::Rekindle::open(path);
  REQUIRE(api.ok());
  return std::move(*api);
}

int64_t count_in(const std::string& path) {
  auto api = open_db(path);
  auto count = api->contact_count();
  REQUIRE(count.ok());
  return *count;
}

platform::InputEvents drop(const std::vector<std::string>& paths) {
  platform::InputEvents events;
  events.dropped_paths = paths;
  return events;
}

// Frames until the import screen leaves `state` (the worker runs meanwhile), at most ~20 s.
app::FrameReport frames_while(test::HeadlessUi& ui, app::AppShell& shell, app::ImportState state) {
  app::FrameReport report = ui.frame(shell);
  for (int i = 0; i < 2000 && report.import && report.import->state == state; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    report = ui.frame(shell);
  }
  return report;
}

// Presses and releases the mouse at a point, as a user clicks (hover first: ImGui hit-tests
// with the previous frame). Returns the frame after the release.
app::FrameReport click(test::HeadlessUi& ui, app::AppShell& shell, ImVec2 at) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = at;
  ui.frame(shell);
  io.MouseDown[0] = true;
  ui.frame(shell);
  io.MouseDown[0] = false;
  app::FrameReport report = ui.frame(shell);
  io.MousePos = ImVec2(-1, -1);
  return report;
}

ImVec2 center_of(const app::Clickables& buttons, const std::string& label) {
  const app::Clickable* button = app::find_clickable(buttons, label);
  INFO("button " << label);
  REQUIRE(button);
  // On screen, above the tab bar: a user could reach it.
  CHECK(button->max.y < test::kHeadlessHeight - app::kTabBarHeight);
  return button->center();
}

// A worker hook that stops the import at its first storing step until released.
struct Gate {
  std::atomic<bool> reached{false}, released{false};
  app::ImportHooks hooks() {
    app::ImportHooks h;
    h.step = [this](const core::ImportProgress& p) {
      if (!p.storing || p.records_done == 0 || reached.exchange(true)) return;
      while (!released.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    };
    return h;
  }
  ~Gate() { released = true; }
};

}  // namespace

TEST_CASE("files dropped on any screen open Import, import on a worker and report the counts", "[import-window]") {
  test::TempDir dir;
  const std::string db = dir.file("network.db");
  const std::string file = dir.file("Connections.csv");
  test::write_file(file, linkedin_csv(30));
  test::HeadlessUi ui;
  app::AppShell shell(open_db(db), "", kToday);
  shell.show(Screen::kStats);
  ui.frame(shell);

  auto report = ui.frame(shell, drop({file}));
  CHECK(report.screen == Screen::kImport);
  REQUIRE(report.import);
  report = frames_while(ui, shell, app::ImportState::kRunning);
  REQUIRE(report.import);
  REQUIRE(report.import->state == app::ImportState::kDone);
  CHECK(report.import->added == 30);
  CHECK(report.import->updated == 0);
  CHECK(report.import->skipped == 1);
  REQUIRE(report.import->files.size() == 1);
  CHECK(report.import->files[0].name == "Connections.csv");
  CHECK(report.import->files[0].format == "linkedin");
  CHECK(report.import->permille == core::kImportProgressTotal);
  // Stored for good: another connection sees them.
  CHECK(count_in(db) == 30);

  // The first import into an empty database leads on to sorting the network.
  CHECK(report.import->first_import);
  report = ui.frames(shell, 2);
  report = click(ui, shell, center_of(report.import->buttons, "Sort your network \u2192"));
  CHECK(shell.screen() == Screen::kSort);

  // A second drop of the same file adds nothing and offers Today instead.
  report = ui.frame(shell, drop({file}));
  report = frames_while(ui, shell, app::ImportState::kRunning);
  REQUIRE(report.import);
  REQUIRE(report.import->state == app::ImportState::kDone);
  CHECK(report.import->added == 0);
  CHECK(report.import->unchanged == 30);
  CHECK(!report.import->first_import);
  report = ui.frames(shell, 2);
  CHECK(!app::find_clickable(report.import->buttons, "Sort your network \u2192"));
  click(ui, shell, center_of(report.import->buttons, "Go to Today"));
  CHECK(shell.screen() == Screen::kToday);
}

TEST_CASE("progress moves while the worker stores, and Cancel leaves the database unchanged", "[import-window]") {
  test::TempDir dir;
  const std::string db = dir.file("network.db");
  {
    auto api = open_db(db);
    core::Contact c;
    c.name = "Ada Lovelace";
    c.tier = "regular";
    REQUIRE(api->add_contact(c, kToday).ok());
  }
  const std::string file = dir.file("big.csv");
  test::write_file(file, linkedin_csv(500));
  Gate gate;  // outlives the shell, whose worker may still call it
  test::HeadlessUi ui;
  app::AppShell shell(open_db(db), "", kToday);
  shell.set_import_hooks(gate.hooks());

  auto report = ui.frame(shell, drop({file}));
  for (int i = 0; i < 2000 && !gate.reached; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  REQUIRE(gate.reached);
  report = ui.frames(shell, 2);
  REQUIRE(report.import);
  REQUIRE(report.import->state == app::ImportState::kRunning);
  // Past reading (the first 400 thousandths), part way through storing.
  CHECK(report.import->permille > 400);
  CHECK(report.import->permille < core::kImportProgressTotal);
  CHECK(report.import->records_total == 500);
  CHECK(report.import->records_done > 0);
  CHECK(report.import->records_done < 500);
  // The format is shown while the import runs.
  REQUIRE(report.import->files.size() == 1);
  CHECK(report.import->files[0].format == "linkedin");

  report = click(ui, shell, center_of(report.import->buttons, "Cancel"));
  gate.released = true;
  report = frames_while(ui, shell, app::ImportState::kRunning);
  REQUIRE(report.import);
  CHECK(report.import->state == app::ImportState::kCancelled);
  CHECK(count_in(db) == 1);  // only the contact from before
}

TEST_CASE("a file that is not contacts stops the import with one sentence naming it", "[import-window]") {
  test::TempDir dir;
  const std::string db = dir.file("network.db");
  const std::string good = dir.file("Connections.csv");
  const std::string bad = dir.file("notes.txt");
  test::write_file(good, linkedin_csv(5));
  test::write_file(bad, "Call the plumber on Tuesday\nBuy milk\n");
  test::HeadlessUi ui;
  app::AppShell shell(open_db(db), "", kToday);
  ui.frame(shell);
  auto report = ui.frame(shell, drop({good, bad}));
  report = frames_while(ui, shell, app::ImportState::kRunning);
  REQUIRE(report.import);
  REQUIRE(report.import->state == app::ImportState::kFailed);
  const std::string& message = report.import->message;
  CHECK(message.rfind("notes.txt: not a contact file", 0) == 0);
  CHECK(message.find(dir.path().string()) == std::string::npos);  // the name, not the folder
  CHECK(message.find('\n') == std::string::npos);
  CHECK(message.back() == '.');
  CHECK(count_in(db) == 0);  // the good file was not half imported either

  // "Try again" goes back to the path field.
  report = ui.frames(shell, 2);
  report = click(ui, shell, center_of(report.import->buttons, "Try again"));
  CHECK(ui.frame(shell).import->state == app::ImportState::kIdle);
}

TEST_CASE("an import error names the file and the line, a missing file says so", "[import-window]") {
  const std::vector<std::string> paths = {"/home/u/Downloads/Connections.csv", "/home/u/Downloads/Connections.csv.bak"};
  CHECK(app::import_error_sentence("/home/u/Downloads/Connections.csv:12: CHECK constraint failed", paths) ==
        "Connections.csv, line 12: CHECK constraint failed.");
  CHECK(app::import_error_sentence("/home/u/Downloads/Connections.csv.bak: empty file, no contacts in it", paths) ==
        "Connections.csv.bak: empty file, no contacts in it.");
  CHECK(app::import_error_sentence("/home/u/Downloads/Connections.csv: cannot read: No such file or directory",
                                   paths) == "Connections.csv could not be read: no such file or directory.");
  CHECK(app::import_error_sentence("database is locked", paths) == "The import stopped: database is locked.");
}

TEST_CASE("typed or pasted paths: one per line, quotes, ~ and file:// addresses", "[import-window]") {
  CHECK(app::parse_path_list("~/Downloads/Connections.csv", "/home/ada") ==
        std::vector<std::string>{"/home/ada/Downloads/Connections.csv"});
  CHECK(app::parse_path_list("  '/tmp/my contacts.vcf'  \n\n\"/tmp/b.csv\"\n", "/home/ada") ==
        std::vector<std::string>{"/tmp/my contacts.vcf", "/tmp/b.csv"});
  CHECK(app::parse_path_list("file:///tmp/a%20b.csv\r\nfile://localhost/tmp/c.vcf", "") ==
        std::vector<std::string>{"/tmp/a b.csv", "/tmp/c.vcf"});
  CHECK(app::parse_path_list("~user/x.csv", "/home/ada") == std::vector<std::string>{"~user/x.csv"});
  CHECK(app::parse_path_list(" \n ", "/home/ada").empty());
}

TEST_CASE("typing a path and pressing Enter imports it; an in-memory database imports at once", "[import-window]") {
  test::TempDir dir;
  const std::string file = dir.file("Connections.csv");
  test::write_file(file, linkedin_csv(4));
  auto memory = core::Rekindle::open_in_memory();
  REQUIRE(memory.ok());
  test::HeadlessUi ui;
  app::AppShell shell(std::move(*memory), "", kToday);
  shell.show(Screen::kImport);
  auto report = ui.frames(shell, 2);
  REQUIRE(report.import);
  CHECK(report.import->state == app::ImportState::kIdle);
  // Nothing typed: the button does nothing.
  report = click(ui, shell, center_of(report.import->buttons, "Import"));
  CHECK(report.import->state == app::ImportState::kIdle);

  // Click into the field, type the path, press Enter.
  click(ui, shell, center_of(report.import->buttons, "Paths"));
  REQUIRE(ImGui::GetIO().WantTextInput);
  ImGuiIO& io = ImGui::GetIO();
  for (char c : file) io.AddInputCharacter(static_cast<unsigned int>(c));
  ui.frame(shell);
  io.KeysDown[ImGuiKey_Enter] = true;
  report = ui.frame(shell);
  io.KeysDown[ImGuiKey_Enter] = false;
  report = ui.frame(shell);
  REQUIRE(report.import);
  CHECK(report.import->state == app::ImportState::kDone);
  CHECK(report.import->added == 4);
}

TEST_CASE("the empty state's button opens Import; the gear and ',' open Settings; Esc and Back return",
          "[import-window]") {
  auto memory = core::Rekindle::open_in_memory();
  REQUIRE(memory.ok());
  test::HeadlessUi ui;
  app::AppShell shell(std::move(*memory), "", kToday);
  auto report = ui.frames(shell, 3);
  REQUIRE(report.today_frame);
  CHECK(report.today_frame->state == app::TodayState::kNoContacts);
  report = click(ui, shell, center_of(report.today_frame->buttons, "Import contacts"));
  CHECK(shell.screen() == Screen::kImport);

  platform::InputEvents escape;
  escape.keys.push_back({platform::Key::kEscape, 0, false});
  CHECK(ui.frame(shell, escape).screen == Screen::kToday);

  report = ui.frames(shell, 2);
  click(ui, shell, center_of(report.today_frame->buttons, "Settings"));
  CHECK(shell.screen() == Screen::kSettings);
  report = ui.frames(shell, 2);
  REQUIRE(report.settings);
  click(ui, shell, center_of(report.settings->buttons, "Today"));
  CHECK(shell.screen() == Screen::kToday);

  platform::InputEvents comma;
  comma.characters.push_back(',');
  CHECK(ui.frame(shell, comma).screen == Screen::kSettings);
  CHECK(ui.frame(shell, escape).screen == Screen::kToday);
}

TEST_CASE("each Settings control saves through the core API and says Saved", "[import-window]") {
  test::TempDir dir;
  const std::string db = dir.file("network.db");
  test::HeadlessUi ui;
  app::AppShell shell(open_db(db), "", kToday);
  shell.show(Screen::kSettings);
  auto report = ui.frames(shell, 2);
  REQUIRE(report.settings);
  auto check = open_db(db);  // reads back what the screen stored, as another process would

  report = click(ui, shell, center_of(report.settings->buttons, "Cards a day +"));
  CHECK(*check->daily_limit() == 11);
  report = ui.frames(shell, 1);
  report = click(ui, shell, center_of(report.settings->buttons, "Default snooze -"));
  CHECK(*check->default_snooze_days() == 6);
  report = ui.frames(shell, 1);
  report = click(ui, shell, center_of(report.settings->buttons, "Invert touchpad swipes"));
  CHECK(check->setting("touchpad_invert")->value_or("") == "1");
  report = ui.frames(shell, 1);
  report = click(ui, shell, center_of(report.settings->buttons, "Invert touchpad swipes"));
  CHECK(check->setting("touchpad_invert")->value_or("") == "0");

  // The name is saved when its field is left, trimmed; not on every letter.
  report = ui.frames(shell, 1);
  click(ui, shell, center_of(report.settings->buttons, "Your name"));
  REQUIRE(ImGui::GetIO().WantTextInput);
  ImGuiIO& io = ImGui::GetIO();
  for (char c : std::string(" Ada Lovelace ")) io.AddInputCharacter(static_cast<unsigned int>(c));
  ui.frame(shell);
  CHECK(!check->setting("sender_name")->has_value());
  io.KeysDown[ImGuiKey_Enter] = true;
  report = ui.frame(shell);
  io.KeysDown[ImGuiKey_Enter] = false;
  ui.frame(shell);
  CHECK(check->setting("sender_name")->value_or("") == "Ada Lovelace");

  // The database's path is shown and copied.
  report = ui.frames(shell, 1);
  click(ui, shell, center_of(report.settings->buttons, "Copy path"));
  CHECK(std::string(ImGui::GetClipboardText()) == db);

  // Coming back shows what is stored.
  shell.show(Screen::kToday);
  shell.show(Screen::kSettings);
  report = ui.frames(shell, 1);
  REQUIRE(report.settings);
  CHECK(report.settings->state == app::SettingsState::kShown);
}

TEST_CASE("a left swipe snoozes for the default snooze setting; a chosen interval still wins", "[import-window]") {
  auto api = core::Rekindle::open_in_memory();
  REQUIRE(api.ok());
  core::Rekindle& r = **api;
  CHECK(*r.default_snooze_days() == 7);
  CHECK(!r.set_default_snooze_days(0));
  CHECK(!r.set_default_snooze_days(366));
  REQUIRE(r.set_default_snooze_days(14));
  for (const char* name : {"Ada Lovelace", "Grace Hopper"}) {
    core::Contact c;
    c.name = name;
    c.tier = "regular";
    REQUIRE(r.add_contact(c, kToday).ok());
  }
  auto session = r.open_review(kToday);
  REQUIRE(session.ok());
  REQUIRE(session->remaining() == 2);
  auto snoozed = session->decide(core::Direction::left);
  REQUIRE(snoozed.ok());
  CHECK(*snoozed->due == kToday + 14);
  auto chosen = session->decide(core::Direction::left, core::SnoozeChoice::month);
  REQUIRE(chosen.ok());
  CHECK(*chosen->due == kToday + core::snooze_days(core::SnoozeChoice::month));

  // A damaged value reads as the default week.
  REQUIRE(r.set_setting("default_snooze_days", "soon"));
  CHECK(*r.default_snooze_days() == 7);
}

TEST_CASE("a dropped mailbox reports its touches and the address taken as yours, which can be changed",
          "[history][import-window]") {
  test::TempDir dir;
  const std::string db = dir.file("network.db");
  {
    auto api = open_db(db);
    core::Contact ana;
    ana.name = "Ana Lopez";
    ana.emails.push_back({"ana@example.org", "", false, ""});
    REQUIRE(api->add_contact(ana, kToday).ok());
  }
  const std::string mbox = std::string(REKINDLE_TEST_DATA) + "/history/thread.mbox";
  test::HeadlessUi ui;
  app::AppShell shell(open_db(db), "", core::Day{kToday.value + 400});
  ui.frame(shell);
  auto report = ui.frame(shell, drop({mbox}));
  report = frames_while(ui, shell, app::ImportState::kRunning);
  REQUIRE(report.import);
  REQUIRE(report.import->state == app::ImportState::kDone);
  REQUIRE(report.import->files.size() == 1);
  CHECK(report.import->files[0].format == "mbox");
  CHECK(report.import->touches == 4);
  CHECK(report.import->added == 0);
  CHECK(report.import->me == "me@mine.org");

  // "Not you?" opens the address, saved before the files are imported again.
  report = ui.frames(shell, 2);
  report = click(ui, shell, center_of(report.import->buttons, "Not you? Change your address"));
  report = ui.frames(shell, 2);
  report = click(ui, shell, center_of(report.import->buttons, "Save and import again"));
  report = frames_while(ui, shell, app::ImportState::kRunning);
  REQUIRE(report.import->state == app::ImportState::kDone);
  CHECK(report.import->touches == 0);  // the same file again adds nothing
  CHECK(open_db(db)->setting(core::kMyAddressesSetting).value() == std::optional<std::string>("me@mine.org"));
}
