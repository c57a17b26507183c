#include "app/ui_shell.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <iterator>
#include <utility>

#include "app/ui_widgets.h"
#include "platform/paths.h"

namespace rekindle::app {
namespace {

struct Tab {
  Screen screen;
  const char* label;
  Icon icon;
  platform::Key key;
};

constexpr Tab kTabs[] = {
    {Screen::kToday, "Today", Icon::kToday, static_cast<platform::Key>('1')},
    {Screen::kContacts, "Contacts", Icon::kContacts, static_cast<platform::Key>('2')},
    {Screen::kStrategy, "Strategy", Icon::kStrategy, static_cast<platform::Key>('3')},
    {Screen::kStats, "Stats", Icon::kStats, static_cast<platform::Key>('4')},
};

constexpr std::pair<Screen, const char*> kScreenNames[] = {
    {Screen::kToday, "today"},       {Screen::kCompose, "compose"}, {Screen::kContacts, "contacts"},
    {Screen::kStrategy, "strategy"}, {Screen::kStats, "stats"},       {Screen::kImport, "import"},
    {Screen::kSort, "sort"},         {Screen::kDetails, "details"}, {Screen::kSettings, "settings"},
    {Screen::kSync, "sync"},
};

// The tab a screen belongs to: Compose is reached from Today, details from Contacts.
Screen tab_of(Screen screen) {
  switch (screen) {
    case Screen::kCompose:
    case Screen::kImport:
    case Screen::kSettings:
    case Screen::kSync:
      return Screen::kToday;
    case Screen::kDetails:
      return Screen::kContacts;
    case Screen::kSort:
      return Screen::kStrategy;
    default:
      return screen;
  }
}

}  // namespace

std::optional<Screen> screen_from_name(std::string_view name) {
  for (const auto& [screen, screen_label] : kScreenNames)
    if (name == screen_label) return screen;
  return std::nullopt;
}

std::vector<std::string> screen_names() {
  std::vector<std::string> names;
  for (const auto& entry : kScreenNames) names.emplace_back(entry.second);
  return names;
}

const char* screen_name(Screen screen) {
  for (const auto& [s, label] : kScreenNames)
    if (s == screen) return label;
  return "today";
}

std::string window_title(Screen screen) {
  static constexpr std::pair<Screen, const char*> kTitles[] = {
      {Screen::kToday, "Today"},       {Screen::kCompose, "Compose"}, {Screen::kContacts, "Contacts"},
      {Screen::kStrategy, "Strategy"}, {Screen::kStats, "Stats"},       {Screen::kImport, "Import"},
      {Screen::kSort, "Sort your network"}, {Screen::kDetails, "Contact"}, {Screen::kSettings, "Settings"}, {Screen::kSync, "Sync"},
  };
  for (const auto& [s, title] : kTitles)
    if (s == screen) return std::string("Rekindle \u00b7 ") + title;
  return "Rekindle";
}

AppShell::AppShell(std::unique_ptr<core::Rekindle> api, std::string store_error, core::Day today)
    : api_(std::move(api)), store_error_(std::move(store_error)), today_(today) {
  if (!api_ && store_error_.empty()) store_error_ = "no database";
  reload();
}

AppShell::~AppShell() {
  if (photos_) release_textures(today_model_);
}

void AppShell::enable_photos() {
  photos_ = true;
  today_model_.textures = true;
}

const core::TemplateSet& AppShell::templates() {
  if (!templates_) templates_ = core::load_templates(platform::data_folder() + "/templates");
  return *templates_;
}

void AppShell::open_compose(int64_t contact_id) {
  compose_model_ = ComposeModel{};
  compose_model_.contact_id = contact_id;
  show(Screen::kCompose);
}

void AppShell::open_details(int64_t contact_id) {
  if (screen_ != Screen::kDetails) details_back_ = screen_;
  details_model_ = DetailsModel{};
  details_model_.contact_id = contact_id;
  show(Screen::kDetails);
}

void AppShell::show(Screen screen) {
  screen_ = screen;
  reload();
}

void AppShell::set_today(core::Day today) {
  if (today == today_) return;
  today_ = today;
  reload();
}

void AppShell::reload() {
  if (!api_) return;
  // Only the screen on show is read: switching tabs always shows fresh data.
  switch (screen_) {
    case Screen::kToday:
      if (photos_) release_textures(today_model_);
      today_model_ = load_today(*api_, today_);
      today_model_.textures = photos_;
      break;
    case Screen::kCompose: {
      // Opened without a card (a screenshot): draft for the card on top of today's deck.
      int64_t contact = compose_model_.contact_id;
      if (contact == 0) {
        auto session = api_->open_review(today_);
        if (session && session->current()) contact = session->current()->contact_id;
      }
      if (contact != 0 && !compose_model_.context) compose_model_ = load_compose(*api_, contact, today_, templates());
      break;
    }
    case Screen::kContacts:
      load_contacts(*api_, today_, contacts_model_);
      break;
    case Screen::kStrategy:
      strategy_model_ = load_strategy(*api_);
      break;
    case Screen::kStats:
      stats_model_ = load_stats(*api_, today_);
      break;
    case Screen::kImport:
      load_import(*api_, today_, import_model_);
      break;
    case Screen::kSort:
      load_sort(*api_, today_, sort_model_);
      break;
    case Screen::kDetails:
      load_details(*api_, today_, details_model_);
      break;
    case Screen::kSettings:
      load_settings(*api_, today_, settings_model_);
      break;
    case Screen::kSync:
      load_sync(*api_, sync_model_);
      break;
  }
}

void AppShell::handle_keys(const platform::InputEvents& events) {
  // Compose opens with the keyboard in its editor: Esc still goes back to the deck.
  if (screen_ == Screen::kCompose)
    for (const auto& event : events.keys)
      if (event.key == platform::Key::kEscape && !event.repeat) return show(Screen::kToday);
  // While a text field has the keyboard, keys are typing, not commands.
  if (ImGui::GetIO().WantTextInput) return;
  for (const auto& event : events.keys) {
    if (event.repeat || (event.mods & (platform::kModCtrl | platform::kModAlt | platform::kModSuper))) {
      if (event.key == platform::key_for_char('F') && (event.mods & platform::kModCtrl) && screen_ == Screen::kContacts)
        contacts_model_.focus_search = true;
      continue;
    }
    // On Sort your network the digits answer the triage; the tab bar still switches.
    for (const auto& tab : kTabs)
      if (event.key == tab.key && screen_ != Screen::kSort) show(tab.screen);
    // Compose handles its own Esc (even while its editor has the keyboard).
    if (event.key == platform::Key::kEscape && (screen_ == Screen::kImport || screen_ == Screen::kSettings || screen_ == Screen::kSync))
      show(Screen::kToday);
    if (event.key == platform::Key::kSlash && screen_ == Screen::kContacts) contacts_model_.focus_search = true;
  }
  // "," opens Settings, as in many apps; read as typed so that any keyboard layout works.
  for (unsigned int c : events.characters)
    if (c == ',' && screen_ == Screen::kToday) show(Screen::kSettings);
}

void AppShell::handle_import(const platform::InputEvents& events) {
  if (!api_) return;
  // Files dropped on any screen: Import shows their progress.
  if (!events.dropped_paths.empty()) {
    show(Screen::kImport);
    start_import(import_model_, *api_, today_, events.dropped_paths);
  }
  // An import just finished on its worker: what is on screen may have changed.
  if (import_just_finished(import_model_)) reload();
  // Sync on start (a setting): on its worker, so the review never waits for the network.
  if (!sync_on_open_checked_) {
    sync_on_open_checked_ = true;
    sync_model_.wake = import_model_.hooks.wake;
    start_sync_on_open(sync_model_, *api_, today_);
  }
  // A sync finished on its worker (on any screen): show what the store holds now.
  if (sync_model_.job && sync_model_.job->finished() && !sync_model_.finish_seen && screen_ != Screen::kSync) {
    sync_model_.finish_seen = true;
    sync_model_.shown = sync_model_.job->snapshot();
    reload();
  }
}

FrameReport AppShell::draw_frame(const Theme& theme, const platform::InputEvents& events) {
  FrameReport report;
  // Back from the terminal (an import, a log): show what the store holds now.
  if (events.focus_gained) reload();
  handle_keys(events);
  handle_import(events);

  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  constexpr ImGuiWindowFlags kPageFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                          ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::Begin("##page", nullptr, kPageFlags);
  ImGui::PopStyleVar();

  // Without a store there is nothing to switch between: the error page takes the window.
  const float tab_bar_height = api_ ? theme.px(kTabBarHeight) : 0.0f;
  // On a wide window the column stays phone-width, centred: long lines are hard to read.
  const float side = std::max(theme.px(kPagePadding), (io.DisplaySize.x - theme.px(kMaxContentWidth)) * 0.5f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, theme.px(kPagePadding)));
  ImGui::BeginChild("##content", ImVec2(0, io.DisplaySize.y - tab_bar_height), false,
                    ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleVar();
  if (!api_) {
    report.store_error = true;
    screen_heading(theme, "Rekindle", "");
    error_state(theme, "Your database could not be opened", store_error_);
  } else {
    // While a text field has the keyboard, keys are typing, not swipes.
    static const platform::InputEvents kNoEvents;
    draw_screen(theme, ImGui::GetIO().WantTextInput ? kNoEvents : events, report);
  }
  ImGui::EndChild();
  if (api_) draw_tab_bar(theme);
  ImGui::End();
  // A right swipe opens the composer once the frame that made it is complete.
  if (report.today_frame && report.today_frame->reach_out) open_compose(*report.today_frame->reach_out);
  // A click on a card or a row opens the details; Back returns to where they came from.
  if (report.today_frame && report.today_frame->open_details) open_details(*report.today_frame->open_details);
  if (open_row_) open_details(*std::exchange(open_row_, std::nullopt));
  if (report.details && report.details->back) show(details_back_);
  // Screens ask for another screen through their frame; the shell moves once the frame is done.
  if (report.today_frame && report.today_frame->open_sort) show(Screen::kSort);
  if (report.sort && report.sort->leave) show(Screen::kToday);
  if (report.strategy_frame && report.strategy_frame->open_sort) show(Screen::kSort);
  if (report.strategy_frame && report.strategy_frame->open_contact) open_details(*report.strategy_frame->open_contact);
  // So do the buttons that lead to another screen.
  if (report.today_frame && report.today_frame->open_import) show(Screen::kImport);
  if (report.today_frame && report.today_frame->open_settings) show(Screen::kSettings);
  if (report.import && report.import->exit != ImportExit::kNone)
    show(report.import->exit == ImportExit::kSort ? Screen::kSort : Screen::kToday);
  if (report.settings && report.settings->back) show(Screen::kToday);
  if (report.settings && report.settings->open_sync) show(Screen::kSync);
  if (report.sync && report.sync->back) show(Screen::kToday);
  // Logged or Back: on to the next card of the deck.
  if (report.compose_frame && (report.compose_frame->logged || report.compose_frame->back)) show(Screen::kToday);
  report.screen = screen_;
  return report;
}

void AppShell::draw_screen(const Theme& theme, const platform::InputEvents& events, FrameReport& report) {
  switch (screen_) {
    case Screen::kToday: {
      const TodayFrame frame = draw_today(today_model_, theme, events);
      report.today = frame.state;
      report.today_frame = frame;
      report.animating |= frame.animating;
      break;
    }
    case Screen::kCompose: {
      const ComposeFrame frame = draw_compose(compose_model_, theme, api_.get(), events);
      report.compose = frame.state;
      report.compose_frame = frame;
      break;
    }
    case Screen::kContacts: {
      const ContactsFrame frame = draw_contacts(contacts_model_, theme, *api_, today_, events);
      report.contacts = frame.state;
      report.contacts_frame = frame;
      open_row_ = frame.open;
      break;
    }
    case Screen::kStrategy: {
      StrategyFrame frame = draw_strategy(strategy_model_, theme, *api_, events);
      report.strategy = frame.state;
      report.strategy_frame = std::move(frame);
      break;
    }
    case Screen::kStats:
      report.stats = draw_stats(stats_model_, theme);
      break;
    case Screen::kImport:
      report.import = draw_import(import_model_, theme, *api_, today_, events);
      break;
    case Screen::kSort:
      report.sort = draw_sort(sort_model_, theme, *api_, today_, events);
      break;
    case Screen::kDetails:
      report.details = draw_details(details_model_, theme, *api_, today_, events);
      break;
    case Screen::kSettings:
      report.settings = draw_settings(settings_model_, theme, *api_, today_, events);
      break;
    case Screen::kSync:
      report.sync = draw_sync(sync_model_, theme, *api_, today_);
      report.animating |= report.sync->running;
      break;
  }
}

void AppShell::draw_tab_bar(const Theme& theme) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetIO().DisplaySize.x;
  const float height = theme.px(kTabBarHeight);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // A white bar lifted off the page by a faint shadow above it.
  for (int i = 1; i <= 4; ++i)
    draw->AddRectFilled(ImVec2(min.x, min.y - theme.px(i)), ImVec2(min.x + width, min.y),
                        (kColorShadow & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 5));
  draw->AddRectFilled(min, ImVec2(min.x + width, min.y + height), kColorCard);
  draw->AddLine(min, ImVec2(min.x + width, min.y), kColorDivider, theme.px(1));

  // The tabs share the content column's width, so on a wide window they stay together.
  const float tabs_width = std::min(width, theme.px(kMaxContentWidth));
  const float tabs_left = min.x + (width - tabs_width) * 0.5f;
  const float tab_width = tabs_width / static_cast<float>(std::size(kTabs));
  ImFont* font = theme.fonts.small;
  for (size_t i = 0; i < std::size(kTabs); ++i) {
    const Tab& tab = kTabs[i];
    const ImVec2 tab_min(tabs_left + tab_width * i, min.y);
    ImGui::SetCursorScreenPos(tab_min);
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::InvisibleButton("tab", ImVec2(tab_width, height))) show(tab.screen);
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();

    const bool active = tab_of(screen_ == Screen::kDetails ? details_back_ : screen_) == tab.screen;
    const ImU32 color = active ? kColorAccent : hovered ? kColorText : kColorTextSecondary;
    const float center_x = tab_min.x + tab_width * 0.5f;
    const ImVec2 icon_center(center_x, min.y + theme.px(22));
    if (active) {
      // A soft pill behind the active icon, as phone navigation bars do.
      const ImVec2 half(theme.px(26), theme.px(14));
      draw->AddRectFilled(ImVec2(icon_center.x - half.x, icon_center.y - half.y),
                          ImVec2(icon_center.x + half.x, icon_center.y + half.y), kColorAccentSoft, half.y);
    }
    draw_icon(draw, tab.icon, icon_center, theme.px(18), color, theme.px(1.8f));
    ImFont* label_font = active ? theme.fonts.strong : font;
    const float label_size = font->FontSize;
    const ImVec2 label = label_font->CalcTextSizeA(label_size, FLT_MAX, 0, tab.label);
    draw->AddText(label_font, label_size, ImVec2(center_x - label.x * 0.5f, min.y + theme.px(41)), color, tab.label);
  }
}

}  // namespace rekindle::app
