#include "app/today_commands.h"

#include <imgui.h>

#include "core/gesture.h"
#include "core/key_map.h"

namespace rekindle::app {
namespace {

void decide(TodayModel& model, core::Direction direction, TodayFrame& frame) {
  if (!model.session || !model.session->current()) return;
  const core::Card card = *model.session->current();
  auto outcome = model.session->decide(direction);
  frame.command = core::DeckCommand::decide(direction);
  if (!outcome) {
    model.notice = outcome.error();
    // Decided in another window a moment ago: the deck moves past it (owner: db). The
    // decision's error is the one to show; a failed re-read leaves the deck as it was.
    static_cast<void>(model.session->refresh());
    return;
  }
  model.notice.clear();
  model.last = *outcome;
  model.fly_out = FlyOut{card, direction, model.card.position, ImGui::GetTime()};
  model.card = core::Spring{};  // the next card is already in place
  if (direction == core::Direction::right) frame.reach_out = card.contact_id;
}

void undo(TodayModel& model, TodayFrame& frame) {
  if (!model.session) return;
  frame.command = {core::DeckAction::undo};
  auto undone = model.session->undo();
  if (!undone) {
    model.notice = undone.error();
    return;
  }
  model.last.reset();
  if (!*undone) {
    model.notice = "Nothing to undo.";
    return;
  }
  model.notice.clear();
  model.fly_out.reset();
  // The card comes back from where it left, on top (a skip, made on the CLI, has no way out).
  const ImVec2 view = ImGui::GetIO().DisplaySize;
  const core::Vec2 far = core::fly_out_target((*undone)->direction, {view.x, view.y});
  model.card = core::Spring{{far.x * 0.6f, far.y * 0.6f}, {}};
}

TodayOverlay toggled(TodayOverlay current, TodayOverlay overlay) {
  return current == overlay ? TodayOverlay::kNone : overlay;
}

}  // namespace

void run_command(TodayModel& model, core::DeckCommand command, TodayFrame& frame) {
  switch (command.action) {
    case core::DeckAction::none:
      return;
    case core::DeckAction::help:
      model.overlay = toggled(model.overlay, TodayOverlay::kHelp);
      return;
    case core::DeckAction::close:
      model.overlay = TodayOverlay::kNone;
      return;
    case core::DeckAction::details:
      // The full details screen (the shell opens it once this frame is drawn).
      if (model.state == TodayState::kDeck && model.overlay == TodayOverlay::kNone && model.session &&
          model.session->current())
        frame.open_details = model.session->current()->contact_id;
      return;
    case core::DeckAction::undo:
      model.overlay = TodayOverlay::kNone;
      undo(model, frame);
      return;
    case core::DeckAction::decide:
      // Decisions act on the card in view: not through an overlay.
      if (model.overlay == TodayOverlay::kNone) decide(model, command.direction, frame);
      return;
  }
}

// A different snooze for the card just snoozed, as one committed change.
void resnooze(TodayModel& model, core::SnoozeChoice choice, TodayFrame& frame) {
  if (!model.session || !model.last || model.last->direction != core::Direction::left) return;
  auto outcome = model.session->change_snooze(choice);
  frame.command = core::DeckCommand::decide(core::Direction::left);
  if (!outcome) {
    model.notice = outcome.error();
    return;
  }
  model.last = *outcome;
}

void handle_input(TodayModel& model, const platform::InputEvents& events, TodayFrame& frame) {
  // Holding a key must not clear the deck: repeats are not commands.
  for (const auto& event : events.keys)
    if (!event.repeat) run_command(model, core::command_for_key(platform::key_stroke(event)), frame);
  for (unsigned int c : events.characters) run_command(model, core::command_for_key(platform::typed_stroke(c)), frame);
  const double now = ImGui::GetTime();
  for (const auto& scroll : events.scrolls) {
    if (model.overlay != TodayOverlay::kNone || model.state != TodayState::kDeck) break;
    if (auto direction = model.scroll.feed(scroll.x, scroll.y, now))
      run_command(model, core::DeckCommand::decide(*direction), frame);
  }
}

}  // namespace rekindle::app
