#pragma once
// The Today screen's overlays, each a card above the dimmed page: the keys (drawn from core's
// key map) and the top card's details. Esc or a click closes them (see draw_today).
#include "app/theme.h"
#include "app/view_today.h"

namespace rekindle::app {

// The key help: one row per command of core::key_help(), its keys as chips.
void draw_help(const Theme& theme);
// Everything about the card on top: contact lines, why today, notes and the goal.
void draw_details(TodayModel& model, const Theme& theme);

}  // namespace rekindle::app
