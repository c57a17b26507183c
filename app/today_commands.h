#pragma once
// Input -> deck commands -> the review session. Every key, drag, touchpad swipe and button of
// the Today screen ends in run_command, and every decision in core's ReviewSession: the same
// calls `rekindle swipe` and `rekindle undo` make. Decisions are committed before these
// return, so the next card is drawn from the store's truth.
#include "app/view_today.h"
#include "core/deck_command.h"
#include "platform/input.h"

namespace rekindle::app {

// This frame's keys (through core's key map), typed characters and touchpad scrolls.
void handle_input(TodayModel& model, const platform::InputEvents& events, TodayFrame& frame);

// Carries out one command. A decision acts on the card on top, flying out from where the
// card is now (model.card), and never through an overlay; frame.command records what was
// sent to the session.
void run_command(TodayModel& model, core::DeckCommand command, TodayFrame& frame);

// A different snooze for the card just snoozed (the toast's chips).
void resnooze(TodayModel& model, core::SnoozeChoice choice, TodayFrame& frame);

}  // namespace rekindle::app
