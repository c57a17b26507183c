#pragma once
// The frame around the screens: the page, the bottom tab bar, tab switching by click or by
// the keys 1-4, and loading each screen's model from the store when it is shown. Draws
// inside an ImGui frame; knows nothing of GLFW or OpenGL, so tests drive it headless.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/theme.h"
#include "app/view_compose.h"
#include "app/view_contacts.h"
#include "app/view_details.h"
#include "app/view_import.h"
#include "app/view_settings.h"
#include "app/view_sort.h"
#include "app/view_stats.h"
#include "app/view_strategy.h"
#include "app/view_sync.h"
#include "app/view_today.h"
#include "core/date.h"
#include "core/rekindle.h"
#include "platform/input.h"

namespace rekindle::app {

enum class Screen { kToday, kCompose, kContacts, kStrategy, kStats, kImport, kSort, kDetails, kSettings, kSync };

// "today", "compose", "contacts", "strategy", "stats", "import", "sort", "details", "settings", "sync".
std::optional<Screen> screen_from_name(std::string_view name);
// Every screen's name, in the order above (the screenshot command's choices).
std::vector<std::string> screen_names();
const char* screen_name(Screen screen);
// The window title for a screen: "Rekindle · Contacts".
std::string window_title(Screen screen);

// What one frame drew, for tests and for the loop (each view's state is set only when that
// view was drawn).
struct FrameReport {
  Screen screen = Screen::kToday;
  bool store_error = false;  // the error page was drawn instead of any screen
  std::optional<TodayState> today;
  std::optional<TodayFrame> today_frame;  // what Today did: the command it sent, the card on top
  std::optional<ComposeState> compose;
  std::optional<ComposeFrame> compose_frame;
  std::optional<ContactsState> contacts;
  std::optional<ContactsFrame> contacts_frame;
  std::optional<StrategyState> strategy;
  std::optional<StrategyFrame> strategy_frame;  // what Strategy did: a person or the triage to open
  std::optional<StatsState> stats;
  std::optional<ImportFrame> import;
  std::optional<SortFrame> sort;
  std::optional<DetailsFrame> details;
  std::optional<SettingsFrame> settings;
  std::optional<SyncFrame> sync;
  bool animating = false;  // something moves: the loop must draw again soon instead of sleeping
};

class AppShell {
 public:
  // api may be null when opening the database failed; store_error then says why, and the
  // shell shows an error page.
  AppShell(std::unique_ptr<core::Rekindle> api, std::string store_error, core::Day today);
  ~AppShell();
  AppShell(AppShell&&) = default;
  AppShell& operator=(AppShell&&) = delete;
  // The window has a GL context: contact photos are uploaded as textures (and freed by the shell).
  void enable_photos();
  // Opens the composer for a contact (what a right swipe does).
  void open_compose(int64_t contact_id);
  // Opens a contact's details (a click on a card or a row, or Enter).
  void open_details(int64_t contact_id);
  // How an import on its worker thread wakes the window's loop (and, in tests, watches it).
  void set_import_hooks(ImportHooks hooks) { import_model_.hooks = std::move(hooks); }

  // Switches to a screen and reloads its data from the store.
  void show(Screen screen);
  Screen screen() const { return screen_; }
  // Moves to another day (e.g. after midnight); reloads when it changed.
  void set_today(core::Day today);
  // Draws the whole window for one frame; call between ImGui::NewFrame and ImGui::Render.
  // events are this frame's key presses (1-4 switch tabs unless a text field has focus);
  // files dropped on the window open Import and start importing them.
  FrameReport draw_frame(const Theme& theme, const platform::InputEvents& events);

 private:
  void reload();
  const core::TemplateSet& templates();
  void handle_keys(const platform::InputEvents& events);
  void handle_import(const platform::InputEvents& events);
  void draw_screen(const Theme& theme, const platform::InputEvents& events, FrameReport& report);
  void draw_tab_bar(const Theme& theme);

  std::unique_ptr<core::Rekindle> api_;  // every view's reads and writes go through it
  std::string store_error_;
  core::Day today_;
  Screen screen_ = Screen::kToday;
  TodayModel today_model_;
  ComposeModel compose_model_;
  ContactsModel contacts_model_;
  StrategyModel strategy_model_;
  StatsModel stats_model_;
  ImportModel import_model_;
  SortModel sort_model_;
  DetailsModel details_model_;
  Screen details_back_ = Screen::kContacts;  // where Back on details returns to
  std::optional<int64_t> open_row_;           // a Contacts row clicked this frame
  SettingsModel settings_model_;
  SyncModel sync_model_;
  bool sync_on_open_checked_ = false;  // the sync-on-start setting was looked at (first frame)
  std::optional<core::TemplateSet> templates_;  // read once, when first needed
  bool photos_ = false;
};

}  // namespace rekindle::app
