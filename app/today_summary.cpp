#include "app/today_summary.h"

#include <imgui.h>

#include <string>
#include <utility>
#include <vector>

#include "app/today_draw.h"
#include "app/today_toast.h"
#include "app/ui_widgets.h"
#include "core/key_map.h"

namespace rekindle::app {
namespace {

// A tile per gesture decision (core::decision_kinds): its count, big, over the counted word.
float draw_tiles(ImDrawList* draw, const core::SessionSummary& s, const Theme& theme, float x, float y, float width) {
  std::vector<core::Direction> shown;
  for (const core::DecisionKind& kind : core::decision_kinds())
    if (kind.gesture()) shown.push_back(kind.direction);
  const float gap = theme.px(8);
  const float tile_w = (width - gap * static_cast<float>(shown.size() - 1)) / static_cast<float>(shown.size());
  const float tile_h = theme.px(74);
  for (size_t i = 0; i < shown.size(); ++i) {
    const ImU32 color = direction_color(shown[i]);
    const ImVec2 tmin(x + static_cast<float>(i) * (tile_w + gap), y);
    draw->AddRectFilled(tmin, ImVec2(tmin.x + tile_w, tmin.y + tile_h), mix(kColorCard, color, 0.12f), theme.px(12));
    text_centered(draw, theme.fonts.big, tmin.x + tile_w * 0.5f, tmin.y + theme.px(10), color,
                  std::to_string(s.count(shown[i])), tile_w);
    text_centered(draw, theme.fonts.small, tmin.x + tile_w * 0.5f, tmin.y + tile_h - theme.px(24), kColorTextSecondary,
                  core::decision_kind(shown[i]).counted, tile_w - theme.px(4));
  }
  return y + tile_h + theme.px(18);
}

// The check mark, the heading and two lines of words; returns the y below.
float draw_heading(ImDrawList* draw, const TodayModel& model, const Theme& theme, float cx, float y, float width) {
  const core::SessionSummary& s = model.session->summary();
  const float r = theme.px(30);
  draw->AddCircleFilled(ImVec2(cx, y + r), r, kColorAccentSoft, 48);
  draw_icon(draw, Icon::kCheck, ImVec2(cx, y + r), theme.px(26), kColorAccent, theme.px(2.6f));
  y += 2 * r + theme.px(14);
  text_centered(draw, theme.fonts.big, cx, y, kColorText, s.reviewed > 0 ? "Deck cleared" : "All caught up", width);
  y += theme.fonts.big->FontSize + theme.px(6);
  const std::string people = model.contact_count == 1 ? "1 person" : std::to_string(model.contact_count) + " people";
  const std::string lines[] = {
      s.reviewed > 0 ? "You went through " + std::to_string(s.reviewed) + " today." : "Nobody needs a nudge today.",
      s.reviewed > 0 ? "Well done." : "Your network of " + people + " is resting."};
  for (const auto& line : lines) {
    text_centered(draw, theme.fonts.body, cx, y, kColorTextSecondary, line, width);
    y += theme.fonts.body->FontSize + theme.px(4);
  }
  return y + theme.px(14);
}

// "Streak  3 days" and "Tomorrow  5 cards", label left and figure right; returns the y below.
float draw_outlook(ImDrawList* draw, const TodayModel& model, const Theme& theme, float x0, float x1, float y) {
  const int streak_days = model.session->summary().streak_days;
  const std::string streak = streak_days == 1 ? "1 day" : std::to_string(streak_days) + " days";
  const std::string tomorrow = model.due_tomorrow == 0   ? "nothing due"
                               : model.due_tomorrow == 1 ? "1 card"
                                                         : std::to_string(model.due_tomorrow) + " cards";
  for (const auto& [label, value] : {std::pair<const char*, std::string>{"Streak", streak}, {"Tomorrow", tomorrow}}) {
    draw->AddText(theme.fonts.body, theme.fonts.body->FontSize, ImVec2(x0, y), kColorTextSecondary, label);
    draw->AddText(theme.fonts.strong, theme.fonts.strong->FontSize,
                  ImVec2(x1 - text_width(theme.fonts.strong, value), y), kColorText, value.c_str());
    y += theme.fonts.body->FontSize + theme.px(10);
  }
  return y;
}

}  // namespace

void draw_summary(TodayModel& model, const Theme& theme, TodayFrame& frame) {
  const core::SessionSummary& s = model.session->summary();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float pad = theme.px(22);
  // Content first on the top channel; the card behind it once its height is known.
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  float y = draw_heading(draw, model, theme, at.x + width * 0.5f, at.y + pad, width - 2 * pad);
  if (s.reviewed > 0) y = draw_tiles(draw, s, theme, at.x + pad, y, width - 2 * pad);
  y = draw_outlook(draw, model, theme, at.x + pad, at.x + width - pad, y);
  const float height = y - at.y + pad - theme.px(10);
  draw->ChannelsSetCurrent(0);
  paint_card(draw, at, ImVec2(at.x + width, at.y + height), theme);
  draw->ChannelsMerge();
  ImGui::Dummy(ImVec2(width, height + theme.px(14)));
  if (s.reviewed > 0 && (model.last || !model.notice.empty()))
    draw_toast(model, theme, frame);
  else if (s.reviewed > 0)
    centered_text(theme.fonts.small, kColorTextFaint,
                  "Press " + core::keys_for({core::DeckAction::undo}).front() + " to undo the last decision");
}

}  // namespace rekindle::app
