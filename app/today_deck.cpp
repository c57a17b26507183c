#include "app/today_deck.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "app/today_card.h"
#include "app/today_commands.h"
#include "app/today_draw.h"
#include "app/today_toast.h"
#include "app/ui_widgets.h"
#include "core/key_map.h"

namespace rekindle::app {
namespace {

// Motion. The fly-out is eased over a fixed time; the spring brings a released or returning
// card home. Both are driven by ImGui's clock, so they take as long at 30 Hz as at 144 Hz.
constexpr float kFlyOutSeconds = 0.22f;
constexpr float kSpringOmega = 30.0f;  // critically damped: home in about 0.25 s
// How far the card leans into a touchpad gesture before it completes (card widths).
constexpr float kScrollPreview = 0.3f;
// Space under the card for the four hints, and for the toast of the last decision.
constexpr float kHintsHeight = 74.0f;
// The hints under the card, as a thumb finds them: left, down, up, right.
constexpr core::Direction kHintOrder[] = {core::Direction::left, core::Direction::down, core::Direction::up,
                                          core::Direction::right};

// The card's offset while a touchpad gesture is building up: it leans towards the fingers.
core::Vec2 scroll_lean(const TodayModel& model, float card_width) {
  const core::Vec2 pending = model.scroll.pending(ImGui::GetTime());
  const float per_unit = kScrollPreview * card_width / model.scroll.tuning().threshold;
  return {pending.x * per_unit, pending.y * per_unit / model.scroll.tuning().vertical_factor};
}

void draw_progress(const TodayModel& model, const Theme& theme) {
  const core::ReviewSession& s = *model.session;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImFont* strong = theme.fonts.strong;
  ImFont* small = theme.fonts.small;
  const std::string progress = s.progress_text();
  draw->AddText(strong, strong->FontSize, at, kColorAccent, progress.c_str());
  const std::string left = std::to_string(s.remaining()) + " left  \u00b7  " +
                           core::keys_for({core::DeckAction::help}).front() + " for keys";
  draw->AddText(small, small->FontSize,
                ImVec2(at.x + width - text_width(small, left), at.y + (strong->FontSize - small->FontSize) * 0.5f),
                kColorTextSecondary, left.c_str());
  const float bar_y = at.y + strong->FontSize + theme.px(8);
  const float fraction = s.total() > 0 ? static_cast<float>(s.decided()) / static_cast<float>(s.total()) : 0.0f;
  draw->AddRectFilled(ImVec2(at.x, bar_y), ImVec2(at.x + width, bar_y + theme.px(4)), kColorTrack, theme.px(2));
  if (fraction > 0)
    draw->AddRectFilled(ImVec2(at.x, bar_y), ImVec2(at.x + width * fraction, bar_y + theme.px(4)), kColorAccent,
                        theme.px(2));
  ImGui::Dummy(ImVec2(width, strong->FontSize + theme.px(20)));
}

// The four hints under the card; each is also a button for mouse users.
void draw_hints(TodayModel& model, const Theme& theme, TodayFrame& frame) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float cell = width / static_cast<float>(std::size(kHintOrder));
  const float r = theme.px(21);
  for (size_t i = 0; i < std::size(kHintOrder); ++i) {
    const core::Direction direction = kHintOrder[i];
    const ImU32 color = direction_color(direction);
    const char* verb = core::decision_kind(direction).action;
    const ImVec2 cell_min(at.x + cell * i, at.y);
    ImGui::SetCursorScreenPos(cell_min);
    ImGui::PushID(static_cast<int>(i));
    const bool clicked = ImGui::InvisibleButton("hint", ImVec2(cell, theme.px(kHintsHeight - 8)));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    if (clicked) run_command(model, core::DeckCommand::decide(direction), frame);
    const ImVec2 c(cell_min.x + cell * 0.5f, at.y + theme.px(6) + r);
    draw->AddCircleFilled(c, r, hovered ? mix(kColorCard, color, 0.18f) : kColorCard, 32);
    draw->AddCircle(c, r, with_alpha(color, 0.35f), 32, theme.px(1.5f));
    draw_arrow(draw, c, theme.px(16), direction, color, theme.px(2.2f));
    ImFont* f = theme.fonts.small;
    draw->AddText(f, f->FontSize, ImVec2(c.x - text_width(f, verb) * 0.5f, c.y + r + theme.px(5)), kColorTextSecondary,
                  verb);
  }
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + theme.px(kHintsHeight)));
}

// The drag surface is the card at rest (hit-testing uses where the press began). A release
// far or fast enough decides; any other release springs home, and a press that hardly
// moved is a tap: the details. Returns the top card's offset this frame.
core::Vec2 follow_pointer(TodayModel& model, const Theme& theme, ImVec2 origin, ImVec2 size, TodayFrame& frame) {
  const double now = ImGui::GetTime();
  ImGui::SetCursorScreenPos(origin);
  ImGui::InvisibleButton("##card", size);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (model.overlay == TodayOverlay::kNone && ImGui::IsItemActivated()) model.drag.begin({mouse.x, mouse.y}, now);
  if (model.drag.active() && ImGui::IsItemActive()) model.drag.move({mouse.x, mouse.y}, now);
  if (model.drag.active() && ImGui::IsItemDeactivated()) {
    const core::Vec2 released = model.drag.offset();
    model.card = core::Spring{released, {}};  // the card flies out from here, or springs home
    if (auto direction = model.drag.release(now, size.x))
      run_command(model, core::DeckCommand::decide(*direction), frame);
    else if (std::fabs(released.x) < theme.px(4) && std::fabs(released.y) < theme.px(4))
      run_command(model, {core::DeckAction::details}, frame);
  }
  if (model.drag.active()) {
    frame.animating = true;
    return model.drag.offset();
  }
  const core::Vec2 target = scroll_lean(model, size.x);
  model.card.step(target, ImGui::GetIO().DeltaTime, kSpringOmega);
  if (model.card.settled(target)) model.card = core::Spring{target, {}};
  frame.animating |= !model.card.settled(target) || target.x != 0 || target.y != 0;
  return model.card.position;
}

// The card just decided, on top of all on its way out, until its time is up.
void draw_fly_out(TodayModel& model, const Theme& theme, ImVec2 origin, ImVec2 size, TodayFrame& frame) {
  if (!model.fly_out) return;
  const float t = static_cast<float>((ImGui::GetTime() - model.fly_out->start) / kFlyOutSeconds);
  if (t >= 1.0f) {
    model.fly_out.reset();
    return;
  }
  const ImVec2 view = ImGui::GetIO().DisplaySize;
  const core::Vec2 to = core::fly_out_target(model.fly_out->direction, {view.x, view.y});
  const float e = core::ease_out(t);
  const core::Vec2 from = model.fly_out->from;
  const core::Vec2 at{from.x + (to.x - from.x) * e, from.y + (to.y - from.y) * e};
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const int start = draw->VtxBuffer.Size;
  const core::DragHint full{model.fly_out->direction, 1.0f};
  draw_card_face(draw, model.fly_out->card, details_for(model, model.fly_out->card.contact_id), origin, size, theme,
                 full);
  transform_since(draw, start, ImVec2(origin.x + size.x * 0.5f, origin.y + size.y), core::drag_rotation(at, size.x),
                  ImVec2(at.x, at.y), 1.0f);
  frame.animating = true;
}

// The top card at offset and the next one behind it, growing into place as the top one leaves.
void draw_cards(TodayModel& model, const Theme& theme, ImVec2 origin, ImVec2 size, core::Vec2 offset) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const core::DragHint hint = core::drag_hint(offset, size.x);
  const core::Card* top = model.session->current();
  const core::Card* next = model.session->next();
  // Both turn and scale about the card's bottom edge.
  const ImVec2 pivot(origin.x + size.x * 0.5f, origin.y + size.y);
  if (next) {
    const float reveal = top ? hint.strength : 1.0f;
    const int start = draw->VtxBuffer.Size;
    draw_card_face(draw, *next, details_for(model, next->contact_id), origin, size, theme, std::nullopt);
    // A little smaller and lowered, so a strip of it shows under the top card.
    transform_since(draw, start, pivot, 0, ImVec2(0, theme.px(kDeckPeek) * (1 - reveal)), 0.94f + 0.06f * reveal);
  }
  if (top) {
    const int start = draw->VtxBuffer.Size;
    draw_card_face(draw, *top, details_for(model, top->contact_id), origin, size, theme, hint);
    transform_since(draw, start, pivot, core::drag_rotation(offset, size.x), ImVec2(offset.x, offset.y), 1.0f);
  }
}

}  // namespace

void draw_deck(TodayModel& model, const Theme& theme, TodayFrame& frame) {
  draw_progress(model, theme);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  // Leave room for the card behind to peek out under this one.
  const float card_h = std::max(theme.px(260), avail.y - theme.px(kHintsHeight + kToastHeight + kDeckPeek + 14));
  const ImVec2 size(avail.x, card_h);

  const core::Vec2 offset = follow_pointer(model, theme, origin, size, frame);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // A card on the move may cross the page margins on its way off the screen.
  draw->PushClipRect(ImVec2(0, 0), ImGui::GetIO().DisplaySize, false);
  draw_cards(model, theme, origin, size, offset);
  draw_fly_out(model, theme, origin, size, frame);
  draw->PopClipRect();

  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + card_h + theme.px(kDeckPeek + 14)));
  draw_hints(model, theme, frame);
  draw_toast(model, theme, frame);
}

}  // namespace rekindle::app
