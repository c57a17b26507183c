#include "app/view_today.h"

#include <filesystem>

#include "app/today_commands.h"
#include "app/today_deck.h"
#include "app/today_overlays.h"
#include "app/today_summary.h"
#include "app/ui_widgets.h"
#include "app/view_sort.h"
#include "app/view_import.h"
#include "platform/paths.h"

namespace rekindle::app {
namespace {

// Tomorrow's deck as core would deal it now (for the summary's "Tomorrow" line).
int cards_due_tomorrow(const TodayModel& model) {
  if (!model.api || !model.session) return 0;
  auto tomorrow = model.api->deck(model.day + 1, model.session->limit());
  return tomorrow ? static_cast<int>(tomorrow->size()) : 0;
}

// First run: "Sort your network" with the count, Start (or Enter) and Not now.
TodayFrame draw_first_run(TodayModel& model, const Theme& theme, const platform::InputEvents& events) {
  TodayFrame frame;
  frame.state = model.state;
  screen_heading(theme, "Today", long_date_label(model.day));
  SortInvitation choice = draw_sort_invitation(*model.sort_invite, theme);
  for (const auto& e : events.keys)
    if (e.key == platform::Key::kEnter && !e.repeat) choice = SortInvitation::kStart;
  if (choice == SortInvitation::kStart) frame.open_sort = true;
  // Not now is remembered; Strategy keeps the way back in.
  if (choice == SortInvitation::kLater && model.api && model.api->set_sort_skipped(true).ok())
    model.sort_invite.reset();
  return frame;
}

// A damaged database: what happened, that nothing more is written, and what to do.
void draw_damaged(const TodayModel& model, const Theme& theme) {
  const std::string& path = model.api->path();
  const std::string name = std::filesystem::path(path).filename().string();
  const std::string body = "Rekindle found damage in " + name +
                           " and stopped saving to it, so nothing more can be lost. To see what is wrong, run:";
  const std::string command =
      path == platform::default_database_path() ? "rekindle check" : "rekindle --db \"" + path + "\" check";
  const std::vector<std::string> copies = core::backup_copies(path);
  std::string caption;
  if (copies.empty()) {
    caption = "No earlier copy is kept beside it. Copy the file somewhere safe before trying to repair it.";
  } else {
    caption = "Copies kept before upgrades, beside it: ";
    for (size_t i = 0; i < copies.size(); ++i) caption += (i ? ", " : "") + copies[i];
  }
  empty_state(theme, Icon::kStats, "This database file is damaged", body, command.c_str(), caption.c_str());
}

}  // namespace

std::string time_since_label(std::optional<int> days) {
  if (!days) return "No touchpoint logged yet";
  return core::last_talked_words(*days);
}

std::string long_date_label(core::Day day) {
  static constexpr const char* kWeekdays[] = {"Thursday", "Friday",  "Saturday", "Sunday",
                                              "Monday",   "Tuesday", "Wednesday"};  // day 0 was a Thursday
  static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
  int year = 0, month = 1, day_of_month = 1;
  core::split_day(day, &year, &month, &day_of_month);
  const int weekday = ((day.value % 7) + 7) % 7;
  return std::string(kWeekdays[weekday]) + ", " + std::to_string(day_of_month) + " " + kMonths[(month - 1) % 12];
}

TodayModel load_today(core::Rekindle& api, core::Day day) {
  TodayModel model;
  model.day = day;
  model.api = &api;
  // Read first: a commit while the rest is read shows as a change at the next input.
  if (auto version = api.data_version()) model.data_version = *version;
  if (api.damaged()) {
    model.state = TodayState::kError;
    model.error = api.damage_message();
    return model;
  }
  auto count = api.contact_count();
  if (!count) {
    model.state = TodayState::kError;
    model.error = count.error();
    return model;
  }
  model.contact_count = *count;
  if (*count == 0) {
    model.state = TodayState::kNoContacts;
    return model;
  }
  auto session = api.open_review(day);
  if (!session) {
    model.state = TodayState::kError;
    model.error = session.error();
    return model;
  }
  if (auto invert = api.setting(kTouchpadInvertSetting); invert && *invert)
    model.scroll.set_invert(**invert == "1" || **invert == "true");
  model.session.emplace(std::move(*session));
  if (auto sort = api.sort_progress(); sort && sort_invitation_due(*sort)) model.sort_invite = *sort;
  model.state = model.session->current() ? TodayState::kDeck : TodayState::kAllCaughtUp;
  if (model.state == TodayState::kAllCaughtUp) model.due_tomorrow = cards_due_tomorrow(model);
  return model;
}

bool reload_if_changed(TodayModel& model, const platform::InputEvents& events) {
  if (!model.api || events.empty()) return false;
  auto version = model.api->data_version();
  if (!version || *version == model.data_version) return false;
  const core::Card* top = model.session ? model.session->current() : nullptr;
  const int64_t shown = top ? top->contact_id : 0;
  const std::string shown_name = top ? top->name : std::string();
  release_textures(model);
  const bool textures = model.textures;
  model = load_today(*model.api, model.day);
  model.textures = textures;
  const core::Card* now = model.session ? model.session->current() : nullptr;
  if (!shown || (now && now->contact_id == shown)) return false;
  model.notice = "Already decided in another window: " + shown_name;
  return true;
}

void release_textures(TodayModel& model) {
  for (auto& [id, details] : model.details)
    if (details.texture) {
      platform::release_texture(*details.texture);
      details.texture.reset();
    }
}

TodayFrame draw_today(TodayModel& model, const Theme& theme, const platform::InputEvents& all_events) {
  // Input aimed at a card another window decided meanwhile does nothing to the next card.
  static const platform::InputEvents kNoEvents;
  const platform::InputEvents& events = reload_if_changed(model, all_events) ? kNoEvents : all_events;
  if (model.sort_invite) return draw_first_run(model, theme, events);
  TodayFrame frame;
  const TodayOverlay overlay_before = model.overlay;
  const bool has_session = model.session.has_value();
  if (has_session) handle_input(model, events, frame);
  // The deck may have emptied (or come back with an undo) since the last frame.
  if (has_session) {
    const TodayState before = model.state;
    model.state = model.session->current() ? TodayState::kDeck : TodayState::kAllCaughtUp;
    if (model.state == TodayState::kAllCaughtUp &&
        (before != model.state || frame.command.action != core::DeckAction::none))
      model.due_tomorrow = cards_due_tomorrow(model);
  }
  // Damage met by a command of this session: the calm card from now on.
  if (model.api && model.api->damaged()) model.state = TodayState::kError;
  const ImVec2 heading_at = ImGui::GetCursorScreenPos();
  const float heading_width = ImGui::GetContentRegionAvail().x;
  screen_heading(theme, "Today", long_date_label(model.day));
  if (gear_button(theme, ImVec2(heading_at.x + heading_width, heading_at.y + theme.px(4)), &frame.buttons))
    frame.open_settings = true;
  switch (model.state) {
    case TodayState::kError:
      if (model.api && model.api->damaged())
        draw_damaged(model, theme);
      else
        error_state(theme, "Today's deck could not be read", model.error);
      break;
    case TodayState::kNoContacts:
      if (import_invitation(theme, &frame.buttons)) frame.open_import = true;
      break;
    case TodayState::kAllCaughtUp:
      draw_summary(model, theme, frame);
      break;
    case TodayState::kDeck:
      draw_deck(model, theme, frame);
      break;
  }
  if (model.overlay == TodayOverlay::kHelp) draw_help(theme);
  if (model.overlay == TodayOverlay::kDetails) draw_details(model, theme);
  // A click anywhere closes an overlay; not the click that opened it.
  if (overlay_before != TodayOverlay::kNone && model.overlay == overlay_before && ImGui::IsMouseClicked(0))
    model.overlay = TodayOverlay::kNone;
  if (model.session && model.session->current()) frame.top_contact = model.session->current()->contact_id;
  frame.state = model.state;
  frame.overlay = model.overlay;
  return frame;
}

}  // namespace rekindle::app
