#include "app/view_settings.h"

#include "app/ui_widgets.h"

namespace rekindle::app {

void load_settings(core::Rekindle& api, core::Day today, SettingsModel& model) {
  (void)api;
  (void)today;
  model.error.clear();
}

SettingsFrame draw_settings(SettingsModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                    const platform::InputEvents& events) {
  (void)api;
  (void)today;
  (void)events;
  SettingsFrame frame;
  if (!model.error.empty()) {
    error_state(theme, "This screen could not be loaded", model.error);
    frame.state = SettingsState::kError;
    return frame;
  }
  screen_heading(theme, "Settings", "");
  return frame;
}

}  // namespace rekindle::app
