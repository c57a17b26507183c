#pragma once
// The toast under the deck (and under the session summary): what the last decision did, with
// Undo and, for a snooze, the other intervals; or the session's error, in words.
#include "app/theme.h"
#include "app/view_today.h"

namespace rekindle::app {

// The height the toast takes, in logical pixels, whether or not there is one to show.
inline constexpr float kToastHeight = 46.0f;

// Draws the toast at the cursor; its buttons undo or change the snooze through the session.
void draw_toast(TodayModel& model, const Theme& theme, TodayFrame& frame);

}  // namespace rekindle::app
