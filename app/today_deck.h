#pragma once
// The deck on the Today screen: the progress line, the card on top with the next one
// peeking behind, the card following a drag or a touchpad gesture and springing back or
// flying out, the four hint buttons under it and the toast of the last decision.
#include "app/theme.h"
#include "app/view_today.h"

namespace rekindle::app {

// Draws the deck into the current window and turns drags, taps and hint clicks into commands.
void draw_deck(TodayModel& model, const Theme& theme, TodayFrame& frame);

}  // namespace rekindle::app
