#include "app/view_details.h"

#include "app/ui_widgets.h"

namespace rekindle::app {

void load_details(core::Rekindle& api, core::Day today, DetailsModel& model) {
  (void)api;
  (void)today;
  model.error.clear();
}

DetailsFrame draw_details(DetailsModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                    const platform::InputEvents& events) {
  (void)api;
  (void)today;
  (void)events;
  DetailsFrame frame;
  if (!model.error.empty()) {
    error_state(theme, "This screen could not be loaded", model.error);
    frame.state = DetailsState::kError;
    return frame;
  }
  screen_heading(theme, "Contact", "");
  return frame;
}

}  // namespace rekindle::app
