#pragma once
// The Compose screen, opened by swiping a card right: core's draft for the contact with
// channel and template choosers, the guard's warnings, the channel's character count, and
// Copy / Open / Log as sent, and Back. The words come from core::compose; logging goes through
// core::log_sent_message; this view only shows them and forwards the clicks.
#include <cstdint>
#include <optional>
#include <string>

#include "app/theme.h"
#include "core/composer.h"
#include "core/message_template.h"
#include "core/rekindle.h"
#include "platform/input.h"

namespace rekindle::app {

enum class ComposeState {
  kNoContact,  // opened from the tab bar or a screenshot: nobody chosen yet
  kDraft,      // a draft for the chosen contact
  kError,      // the contact or the draft could not be read
};

struct ComposeModel {
  int64_t contact_id = 0;
  std::string contact_name;
  std::optional<core::ComposeContext> context;
  core::TemplateSet templates;
  std::string channel, template_name;  // the choices on show
  core::Draft draft;                   // as core composed (or checked) it
  std::string body;                    // the text being edited, as the user wrote it
  std::string error;
  std::string status;    // "Copied to the clipboard", an opener's failure
  bool sent = false;     // logged once: the button does not log twice
  // The editor: ImGui 1.86 cannot wrap a text field, so it holds body with soft breaks
  // (core/soft_wrap.h) for its width; focus_editor puts the keyboard there (on opening, 'e').
  std::string editor_text;
  float editor_width = 0;
  bool focus_editor = true;
  ImGuiID editor_id = 0;             // last frame's editor: a click outside it must not be lost
  ImVec2 editor_min, editor_max;
};

// What one frame of Compose did. After logged or back the shell returns to Today, whose deck
// has moved on to the next card.
struct ComposeFrame {
  ComposeState state = ComposeState::kNoContact;
  bool copied = false, opened = false, logged = false;
  bool back = false;  // the Back button
  std::string address_warning;  // the chosen channel has no address (see missing_address)
  int notes_shown = 0;          // the draft's notes drawn beside it (Draft::notes)
};

// The channels a draft can be written for, in chooser order, with their labels.
inline constexpr std::pair<const char*, const char*> kComposeChannels[] = {
    {"linkedin", "LinkedIn"}, {"linkedin-note", "Note"}, {"email", "E-mail"}, {"phone", "Call"}, {"meeting", "Coffee"}};

// Loads the contact and drafts the default message (situation and channel that fit the history).
ComposeModel load_compose(core::Rekindle& api, int64_t contact_id, core::Day day, core::TemplateSet templates);
// Re-drafts for another channel or template ("" keeps the current one).
void choose_draft(ComposeModel& model, const std::string& channel, const std::string& template_name);
// Logs the draft as sent through the core API (one transaction).
core::Status log_draft_sent(ComposeModel& model, core::Rekindle& api);
// What is missing for the chosen channel, in words ("Ada has no e-mail address. Add one in
// her details, or write on LinkedIn."), or "" when the draft's link is the channel's own:
// a mailto: for e-mail and coffee, a profile for LinkedIn, a number for a call.
std::string missing_address(const ComposeModel& model);

// Draws the screen into the current window; api is where "Log as sent" writes. The editor
// has the keyboard when the screen opens; when it does not: c copies, o opens the link,
// s logs as sent, e goes back to the text. Esc (the shell) and Back return to Today.
ComposeFrame draw_compose(ComposeModel& model, const Theme& theme, core::Rekindle* api,
                          const platform::InputEvents& events = {});

}  // namespace rekindle::app
