#pragma once
// The end of the session on the Today screen: what was done (a tile per decision kind), the
// streak, and what tomorrow holds; or, with nothing reviewed, that everyone is resting.
#include "app/theme.h"
#include "app/view_today.h"

namespace rekindle::app {

// Draws the summary of model.session into the current window, with the toast of the last
// decision (its Undo brings the last card back).
void draw_summary(TodayModel& model, const Theme& theme, TodayFrame& frame);

}  // namespace rekindle::app
