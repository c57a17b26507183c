// The Compose screen's way out and its honesty, headless: Log as sent and Back return to the
// deck, which has moved on; a channel without an address says so instead of opening another
// one; an opener that cannot start reads as a sentence; the editor wraps and has the keyboard.
#include <imgui.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "app/ui_shell.h"
#include "app/view_compose.h"
#include "core/rekindle.h"
#include "core/soft_wrap.h"
#include "core/store.h"
#include "tests/headless_ui.h"
#include "tests/test_support.h"

using namespace rekindle;
using app::Screen;

namespace {

const core::Day kToday = *core::parse_iso_day("2025-11-25");

int64_t add(core::Rekindle& api, const std::string& name, const std::string& email, const std::string& url,
            const std::string& phone = "") {
  core::Contact c;
  c.name = name;
  c.tier = "regular";
  const auto value = [](const std::string& label, const std::string& text) {
    core::LabeledValue v;
    v.label = label;
    v.value = text;
    return v;
  };
  if (!email.empty()) c.emails.push_back(value("work", email));
  if (!url.empty()) c.urls.push_back(value("linkedin", url));
  if (!phone.empty()) c.phones.push_back(value("mobile", phone));
  auto id = api.add_contact(c, kToday);
  REQUIRE(id.ok());
  return *id;
}

std::unique_ptr<core::Store> three_people() {
  auto store = core::Store::open_in_memory();
  REQUIRE(store.ok());
  core::Rekindle api(**store);
  add(api, "Ada Lovelace", "ada@example.org", "https://www.linkedin.com/in/ada-example");
  add(api, "Grace Hopper", "grace@example.org", "https://www.linkedin.com/in/grace-example");
  add(api, "Alan Turing", "alan@example.org", "https://www.linkedin.com/in/alan-example");
  return std::move(*store);
}

platform::InputEvents press(platform::Key key) {
  platform::InputEvents events;
  events.keys.push_back({key, 0, false});
  return events;
}
platform::InputEvents press(char c) { return press(platform::key_for_char(c)); }

// A click at a point: hover one frame, press one, release one (hit-testing uses the previous frame).
app::FrameReport click(test::HeadlessUi& ui, app::AppShell& shell, ImVec2 at) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = at;
  ui.frame(shell);
  io.MouseDown[0] = true;
  ui.frame(shell);
  io.MouseDown[0] = false;
  return ui.frame(shell);
}

// One frame of draw_compose alone in a page window, as the shell would draw it.
app::ComposeFrame compose_frame(app::ComposeModel& model, const app::Theme& theme, core::Rekindle& api,
                                const platform::InputEvents& events = {}) {
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("##page", nullptr, ImGuiWindowFlags_NoDecoration);
  app::ComposeFrame frame = app::draw_compose(model, theme, &api, events);
  ImGui::End();
  ImGui::Render();
  return frame;
}

// A fake opener that records its argument, or none at all.
class Opener {
 public:
  explicit Opener(bool exists) {
    report_ = dir_.file("opened.txt");
    const std::string script = dir_.file("opener.sh");
    if (exists) {
      test::write_file(script, "#!/bin/sh\nprintf '%s' \"$1\" > '" + report_ + "'\n");
      ::chmod(script.c_str(), 0700);
    }
    ::setenv("REKINDLE_OPENER", script.c_str(), 1);
  }
  ~Opener() { ::unsetenv("REKINDLE_OPENER"); }
  bool opened() const { return std::filesystem::exists(report_); }

 private:
  test::TempDir dir_;
  std::string report_;
};

}  // namespace

TEST_CASE("compose: Log as sent records the message and goes on to the next card of the deck", "[gui][compose]") {
  test::HeadlessUi ui;
  auto owned = three_people();
  core::Store& store = *owned;
  app::AppShell shell(core::Rekindle::adopt(std::move(owned)), "", kToday);
  auto report = ui.frames(shell);
  REQUIRE(report.today_frame);
  const int64_t first = report.today_frame->top_contact;
  REQUIRE(first != 0);

  report = ui.frame(shell, press(platform::Key::kRight));  // reach out
  report = ui.frames(shell, 3);  // ImGui reports the keyboard's new owner a frame later
  REQUIRE(report.screen == Screen::kCompose);
  // The editor has the keyboard as soon as the composer opens.
  CHECK(ImGui::GetIO().WantTextInput);

  // A click on the page outside the editor gives the keys back; s logs as sent.
  click(ui, shell, ImVec2(test::kHeadlessWidth * 0.5f, 60));
  REQUIRE_FALSE(ImGui::GetIO().WantTextInput);
  report = ui.frame(shell, press('s'));
  CHECK(report.screen == Screen::kToday);
  report = ui.frames(shell, 2);
  REQUIRE(report.today_frame);
  CHECK(report.today_frame->top_contact != 0);
  CHECK(report.today_frame->top_contact != first);
  auto interactions = store.interactions(first);
  REQUIRE(interactions.ok());
  CHECK(interactions->size() == 1);
}

TEST_CASE("compose: the Back button and Esc return to Today, also while the editor has the keyboard",
          "[gui][compose]") {
  test::HeadlessUi ui;
  app::AppShell shell(core::Rekindle::adopt(three_people()), "", kToday);
  ui.frames(shell);
  ui.frame(shell, press(platform::Key::kRight));
  REQUIRE(ui.frames(shell, 3).screen == Screen::kCompose);
  // Back sits at the top left of the column, above the heading; one click does it, even
  // while the editor has the keyboard.
  REQUIRE(ImGui::GetIO().WantTextInput);
  const float left = app::kPagePadding, top = app::kPagePadding;
  CHECK(click(ui, shell, ImVec2(left + 20, top + 16)).screen == Screen::kToday);

  ui.frames(shell);
  ui.frame(shell, press(platform::Key::kRight));
  REQUIRE(ui.frames(shell, 3).screen == Screen::kCompose);
  REQUIRE(ImGui::GetIO().WantTextInput);
  CHECK(ui.frame(shell, press(platform::Key::kEscape)).screen == Screen::kToday);
}

TEST_CASE("compose: a channel without an address warns and opens nothing else", "[gui][compose]") {
  test::HeadlessUi ui;
  auto store = core::Store::open_in_memory();
  REQUIRE(store.ok());
  core::Rekindle api(**store);
  const int64_t profile_only = add(api, "Grace Hopper", "", "https://www.linkedin.com/in/grace-example");
  const int64_t mail_only = add(api, "Alan Turing", "alan@example.org", "");
  const int64_t nothing = add(api, "Ada Lovelace", "", "");
  const auto templates = core::load_templates("/nonexistent");
  Opener opener(true);

  app::ComposeModel model = app::load_compose(api, profile_only, kToday, templates);
  model.focus_editor = false;  // the keys below are commands, not typing
  app::choose_draft(model, "email", "");
  auto frame = compose_frame(model, ui.theme(), api);
  CHECK(frame.address_warning == "Grace has no e-mail address. Add one in their details, or write on LinkedIn.");
  frame = compose_frame(model, ui.theme(), api, press('o'));
  CHECK_FALSE(frame.opened);
  CHECK_FALSE(opener.opened());  // before, the LinkedIn profile opened instead
  CHECK(model.status == frame.address_warning);
  // The same person on LinkedIn: no warning, and the profile opens.
  app::choose_draft(model, "linkedin", "");
  frame = compose_frame(model, ui.theme(), api, press('o'));
  CHECK(frame.address_warning.empty());
  CHECK(frame.opened);

  model = app::load_compose(api, mail_only, kToday, templates);
  app::choose_draft(model, "linkedin-note", "");
  CHECK(app::missing_address(model) == "Alan has no LinkedIn profile link. Add it in their details, or send an e-mail.");
  app::choose_draft(model, "email", "");
  CHECK(app::missing_address(model).empty());

  model = app::load_compose(api, nothing, kToday, templates);
  app::choose_draft(model, "phone", "");
  CHECK(app::missing_address(model) == "Ada has no phone number. Add one in their details.");
  app::choose_draft(model, "email", "");
  CHECK(app::missing_address(model) == "Ada has no e-mail address. Add one in their details.");
}

TEST_CASE("compose: an opener that cannot start reads as a sentence", "[gui][compose]") {
  test::HeadlessUi ui;
  auto store = core::Store::open_in_memory();
  REQUIRE(store.ok());
  core::Rekindle api(**store);
  const int64_t id = add(api, "Alan Turing", "alan@example.org", "https://www.linkedin.com/in/alan-example");
  Opener missing(false);
  app::ComposeModel model = app::load_compose(api, id, kToday, core::load_templates("/nonexistent"));
  model.focus_editor = false;
  app::choose_draft(model, "email", "");
  compose_frame(model, ui.theme(), api, press('o'));
  CHECK_THAT(model.status, Catch::StartsWith("Could not open your mail app: no program to open links was found ("));
  CHECK_THAT(model.status, Catch::EndsWith(". Copy the message instead."));
  CHECK(model.status.find("cannot start") == std::string::npos);
}

TEST_CASE("compose: the editor wraps long lines and keeps the user's text as written", "[gui][compose]") {
  test::HeadlessUi ui;
  auto store = core::Store::open_in_memory();
  REQUIRE(store.ok());
  core::Rekindle api(**store);
  const int64_t id = add(api, "Alan Turing", "alan@example.org", "");
  app::ComposeModel model = app::load_compose(api, id, kToday, core::load_templates("/nonexistent"));
  app::choose_draft(model, "email", "");
  REQUIRE(model.body.size() > 120);  // several lines' worth at phone width
  for (int i = 0; i < 3; ++i) compose_frame(model, ui.theme(), api);
  CHECK(ImGui::GetIO().WantTextInput);  // it took the keyboard on opening
  // Soft breaks in the field, none in the text that is copied, checked and logged.
  CHECK(model.editor_text.find(core::kSoftBreakAtSpace) != std::string::npos);
  CHECK(model.body.find(core::kSoftBreakAtSpace) == std::string::npos);
  CHECK(core::soft_unwrap(model.editor_text, 0).text == model.body);
  ImFont* font = ui.theme().fonts.body;
  for (size_t start = 0; start < model.editor_text.size();) {
    size_t end = model.editor_text.find('\n', start);
    if (end == std::string::npos) end = model.editor_text.size();
    const float width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, model.editor_text.data() + start,
                                            model.editor_text.data() + end)
                            .x;
    CHECK(width <= model.editor_width + 0.5f);
    start = end + 1;
  }
}

TEST_CASE("compose: what the draft left out is shown beside it, never pasted into it", "[gui][compose]") {
  test::HeadlessUi ui;
  auto store = core::Store::open_in_memory();
  REQUIRE(store.ok());
  core::Rekindle api(**store);
  const int64_t grace = add(api, "Grace Hopper", "grace@example.org", "");
  const int64_t alan = add(api, "Alan Turing", "alan@example.org", "");
  core::Goal goal;
  goal.text = "Move into product management";
  REQUIRE(api.add_goal(goal).ok());
  core::ContactEdit edit;
  edit.relevance = "high";
  edit.offer = "feedback on their EMEA launch deck";  // a noun phrase: cannot follow "glad to"
  REQUIRE(api.edit_contact(grace, edit, kToday).ok());
  const auto templates = core::load_templates("/nonexistent");

  app::ComposeModel model = app::load_compose(api, grace, kToday, templates);
  model.focus_editor = false;
  REQUIRE_FALSE(model.draft.notes.empty());
  auto frame = compose_frame(model, ui.theme(), api);
  CHECK(frame.notes_shown == static_cast<int>(model.draft.notes.size()));
  CHECK(model.draft.body.find("glad to feedback") == std::string::npos);

  // Nothing left out: no notes box.
  model = app::load_compose(api, alan, kToday, templates);
  model.focus_editor = false;
  frame = compose_frame(model, ui.theme(), api);
  CHECK(frame.notes_shown == static_cast<int>(model.draft.notes.size()));
}
