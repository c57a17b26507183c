#include "app/view_compose.h"

#include "app/ui_widgets.h"

namespace rekindle::app {

ComposeState draw_compose(const ComposeModel& model, const Theme& theme) {
  screen_heading(theme, "Compose", model.contact_name.empty() ? "A personal message" : "To " + model.contact_name);
  empty_state(theme, Icon::kCompose, "Your draft appears here",
              "Swipe a card right on Today and Rekindle drafts a personal message for the channel that fits: "
              "a LinkedIn note, an e-mail or a call.",
              "rekindle draft ID", "Press Esc or 1 to go back to Today");
  return ComposeState::kPlaceholder;
}

}  // namespace rekindle::app
