#include "app/view_sort.h"

#include "app/ui_widgets.h"

namespace rekindle::app {

void load_sort(core::Rekindle& api, core::Day today, SortModel& model) {
  (void)api;
  (void)today;
  model.error.clear();
}

SortFrame draw_sort(SortModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                    const platform::InputEvents& events) {
  (void)api;
  (void)today;
  (void)events;
  SortFrame frame;
  if (!model.error.empty()) {
    error_state(theme, "This screen could not be loaded", model.error);
    frame.state = SortState::kError;
    return frame;
  }
  screen_heading(theme, "Sort your network", "");
  return frame;
}

}  // namespace rekindle::app
