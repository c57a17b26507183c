#pragma once
// The Compose screen, opened by swiping a card right: core's draft for the contact with
// channel and template choosers, the guard's warnings, the channel's character count, and
// Copy / Open profile / Log as sent. The words come from core::compose; logging goes through
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
  std::string body;                    // the text being edited
  std::string error;
  std::string status;    // "Copied to the clipboard", "Logged as sent"
  bool sent = false;     // logged once: the button does not log twice
  bool editing = false;  // the body is an edit field (ImGui 1.86 cannot wrap one) instead of wrapped text
};

// What one frame of Compose did.
struct ComposeFrame {
  ComposeState state = ComposeState::kNoContact;
  bool copied = false, opened = false, logged = false;
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

// Draws the screen into the current window; api is where "Log as sent" writes. Keys (when
// no text field has them): c copies, o opens the link, s logs as sent, e edits the text.
ComposeFrame draw_compose(ComposeModel& model, const Theme& theme, core::Rekindle* api,
                          const platform::InputEvents& events = {});

}  // namespace rekindle::app
