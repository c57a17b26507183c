#include "app/view_import.h"

#include "app/ui_widgets.h"

namespace rekindle::app {

void load_import(core::Rekindle& api, core::Day today, ImportModel& model) {
  (void)api;
  (void)today;
  model.error.clear();
}

ImportFrame draw_import(ImportModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                    const platform::InputEvents& events) {
  (void)api;
  (void)today;
  (void)events;
  ImportFrame frame;
  if (!model.error.empty()) {
    error_state(theme, "This screen could not be loaded", model.error);
    frame.state = ImportState::kError;
    return frame;
  }
  screen_heading(theme, "Import contacts", "");
  return frame;
}

}  // namespace rekindle::app
