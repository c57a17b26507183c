// The Sync screen (see view_sync.h).
#include "app/view_sync.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdlib>

#include "app/ui_widgets.h"

namespace rekindle::app {
namespace {

void gap(const Theme& theme, float logical) { ImGui::Dummy(ImVec2(0, theme.px(logical))); }

// A labelled one-line field; true when it changed.
bool field(const Theme& theme, const char* label, const char* id, const char* hint, std::string& value, float width,
           Clickables& buttons, ImGuiInputTextFlags flags = 0) {
  wrapped_text(theme.fonts.strong, kColorText, label);
  ImGui::SetNextItemWidth(width);
  const bool changed = ImGui::InputTextWithHint(id, hint, &value, flags);
  buttons.push_back({label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
  gap(theme, 6);
  return changed;
}

void draw_outcome(const SyncModel& model, const Theme& theme) {
  const SyncSnapshot& s = model.shown;
  if (!model.job) return;
  if (s.phase == SyncPhase::kRunning) {
    const float fraction =
        s.progress.total ? static_cast<float>(s.progress.done) / static_cast<float>(s.progress.total) : 0.0f;
    wrapped_text(theme.fonts.body, kColorText,
                 (s.progress.step.empty() ? std::string("Connecting") : s.progress.step) + "…");
    gap(theme, 4);
    progress_bar(theme, fraction, ImGui::GetContentRegionAvail().x);
    gap(theme, 4);
    wrapped_text(theme.fonts.small, kColorTextSecondary,
                 "You can go on with your review: the sync runs in the background.");
  } else if (s.phase == SyncPhase::kFailed) {
    wrapped_text(theme.fonts.strong, kColorError, "Sync failed; nothing was changed here.");
    wrapped_text(theme.fonts.body, kColorText, s.error);
  } else if (s.report) {
    wrapped_text(theme.fonts.strong, kColorReachOut, sync_summary(*s.report));
    const size_t shown = std::min<size_t>(s.report->notes.size(), 6);
    for (size_t i = 0; i < shown; ++i) wrapped_text(theme.fonts.small, kColorTextSecondary, s.report->notes[i]);
    if (s.report->notes.size() > shown)
      wrapped_text(theme.fonts.small, kColorTextSecondary,
                   "and " + std::to_string(s.report->notes.size() - shown) + " more (rekindle sync lists them all)");
  }
}

}  // namespace

void load_sync(core::Rekindle& api, SyncModel& model) {
  model.error.clear();
  auto settings = remembered_sync_settings(api);
  if (!settings) {
    model.error = settings.error();
    return;
  }
  if (model.server.empty()) model.server = settings->server;
  if (model.user.empty()) model.user = settings->user;
  model.on_start = settings->on_start;
  auto conflicts = api.sync_conflicts();
  if (!conflicts) {
    model.error = conflicts.error();
    return;
  }
  model.conflicts = std::move(*conflicts);
}

bool start_sync(SyncModel& model, core::Rekindle& api, core::Day today) {
  if (model.job && !model.job->finished()) {
    model.notice = "A sync is already running.";
    return false;
  }
  if (model.server.empty() || model.user.empty()) {
    model.notice = "Enter the server's address and your user name first.";
    return false;
  }
  std::string password = model.password;
  if (password.empty())
    if (const char* env = std::getenv("REKINDLE_CARDDAV_PASSWORD")) password = env;
  if (password.empty()) {
    model.notice = "Enter your password (Rekindle keeps it only until it closes).";
    return false;
  }
  core::SyncOptions options;
  options.server = model.server;
  options.user = model.user;
  options.addressbook = model.addressbook;
  options.today = today;
  model.notice.clear();
  model.finish_seen = false;
  model.shown = {};
  model.job.reset();
  model.job = std::make_unique<SyncJob>(api, options, password, model.wake);
  return true;
}

bool start_sync_on_open(SyncModel& model, core::Rekindle& api, core::Day today) {
  if (api.path().empty()) return false;
  load_sync(api, model);
  if (!model.error.empty() || !model.on_start || model.server.empty() || model.user.empty()) return false;
  if (!std::getenv("REKINDLE_CARDDAV_PASSWORD")) return false;
  return start_sync(model, api, today);
}

SyncFrame draw_sync(SyncModel& model, const Theme& theme, core::Rekindle& api, core::Day today) {
  SyncFrame frame;
  if (model.job) {
    model.shown = model.job->snapshot();
    frame.running = model.shown.phase == SyncPhase::kRunning;
    if (!frame.running && !model.finish_seen) {
      model.finish_seen = true;
      frame.finished = true;
      auto conflicts = api.sync_conflicts();
      if (conflicts) model.conflicts = std::move(*conflicts);
    }
  }
  if (back_link(theme, "Today", &frame.buttons)) frame.back = true;
  screen_heading(theme, "Sync", "Your contacts and a CardDAV address book: Nextcloud, iCloud, Fastmail, Radicale…");
  if (!model.error.empty()) {
    error_state(theme, "Sync settings could not be read", model.error);
    return frame;
  }

  // Edits made on both sides come first: they wait for the user.
  if (!model.conflicts.empty()) {
    section_label(theme, "EDITED ON BOTH SIDES");
    for (size_t i = 0; i < model.conflicts.size(); ++i) {
      const auto& [conflict, name] = model.conflicts[i];
      bool keep = false, take = false;
      {
        Card card(theme);
        wrapped_text(theme.fonts.strong, kColorText,
                     name + ": the " + core::sync_field_words(conflict.field) + " was changed here and on the server");
        gap(theme, 2);
        wrapped_text(theme.fonts.body, kColorText, "Here: " + core::sync_value_words(conflict.field, conflict.here));
        wrapped_text(theme.fonts.body, kColorText,
                     "On the server: " + core::sync_value_words(conflict.field, conflict.server));
        gap(theme, 6);
        const std::string id = "##" + std::to_string(i);
        // One full-width button per value, the value in its label (cut to fit).
        const float width = card.content_width();
        // The field by name: clang 14 cannot capture a structured binding in a lambda.
        const std::string& field = conflict.field;
        auto label = [&](const char* verb, const std::string& raw) {
          return ellipsize(theme.fonts.strong, theme.fonts.strong->FontSize,
                           verb + core::sync_value_words(field, raw), width - theme.px(40));
        };
        keep = form_button(theme, (label("Keep ", conflict.here) + id + "k").c_str(), width, ButtonKind::kSecondary,
                           true, &frame.buttons);
        gap(theme, 4);
        take = form_button(theme, (label("Use the server's ", conflict.server) + id + "t").c_str(), width,
                           ButtonKind::kSecondary, true, &frame.buttons);
        ++frame.conflicts;
      }
      if (keep || take) {
        const core::Status s = api.resolve_sync_conflict(conflict.contact_id, conflict.field, take);
        model.notice = s ? std::string() : s.error();
        auto conflicts = api.sync_conflicts();
        if (conflicts) model.conflicts = std::move(*conflicts);
        break;  // the list changed under the loop
      }
    }
  }
  section_label(theme, "ACCOUNT");
  {
    Card card(theme);
    const float width = card.content_width();
    field(theme, "Server", "##sync_server", "https://dav.example.com", model.server, width, frame.buttons);
    field(theme, "User name", "##sync_user", "ada", model.user, width, frame.buttons);
    field(theme, "Password", "##sync_password", "kept only until Rekindle closes", model.password, width, frame.buttons,
          ImGuiInputTextFlags_Password);
    field(theme, "Address book", "##sync_book", "the one used last, else the first", model.addressbook, width,
          frame.buttons);
    bool on_start = model.on_start;
    if (ImGui::Checkbox("Sync when Rekindle opens", &on_start)) {
      if (api.set_setting(core::kSettingSyncOnStart, on_start ? "1" : "0")) model.on_start = on_start;
    }
    frame.buttons.push_back({"Sync when Rekindle opens", ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
    wrapped_text(theme.fonts.small, kColorTextSecondary,
                 "At start Rekindle uses the password in REKINDLE_CARDDAV_PASSWORD; it never stores a password.");
    gap(theme, 8);
    const bool running = model.job && !model.job->finished();
    if (form_button(theme, running ? "Syncing…##sync" : "Sync now##sync", 0, ButtonKind::kPrimary, !running,
                    &frame.buttons))
      frame.started = start_sync(model, api, today);
    if (!model.notice.empty()) wrapped_text(theme.fonts.small, kColorError, model.notice);
    gap(theme, 4);
    draw_outcome(model, theme);
  }

  return frame;
}

}  // namespace rekindle::app
