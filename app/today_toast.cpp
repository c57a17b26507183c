#include "app/today_toast.h"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "app/today_commands.h"
#include "app/today_draw.h"
#include "app/ui_widgets.h"

namespace rekindle::app {
namespace {

// A button on the toast: Undo, or another snooze for the card just snoozed.
struct Chip {
  const char* label;
  std::optional<core::SnoozeChoice> snooze;  // nullopt: Undo
};

// The snoozes a chip offers, longest first as they sit from the right after Undo.
constexpr std::pair<core::SnoozeChoice, const char*> kSnoozeChips[] = {
    {core::SnoozeChoice::quarter, "3 mo"}, {core::SnoozeChoice::month, "1 mo"}, {core::SnoozeChoice::week, "1 wk"}};

// "Snoozed Ada Lovelace for a month" and the chips that go with it.
std::string describe(const core::DecisionOutcome& o, std::vector<Chip>& chips) {
  std::string what = std::string(core::decision_kind(o.direction).done) + " " + o.name;
  chips.push_back({"Undo", std::nullopt});
  if (o.direction != core::Direction::left) return what;
  const int days = o.due ? o.due->value - o.day.value : core::snooze_days(core::SnoozeChoice::week);
  for (const auto& [choice, label] : kSnoozeChips)
    if (days != core::snooze_days(choice)) chips.push_back({label, choice});
  return what + (days >= 80 ? " for 3 months" : days >= 28 ? " for a month" : " for a week");
}

// Draws the chips from the right edge of the toast [min, max] leftwards and runs a clicked
// one; returns the x where they begin.
float draw_chips(TodayModel& model, const Theme& theme, const std::vector<Chip>& chips, ImVec2 min, ImVec2 max,
                 TodayFrame& frame) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float h = max.y - min.y;
  float right = max.x - theme.px(6);
  for (const Chip& chip : chips) {
    const float w = text_width(theme.fonts.strong, chip.label) + theme.px(20);
    const ImVec2 cmin(right - w, min.y + theme.px(5)), cmax(right, max.y - theme.px(5));
    ImGui::SetCursorScreenPos(cmin);
    // A stable id per meaning, whichever chips are on show: Undo 0, a snooze its choice + 1.
    ImGui::PushID(chip.snooze ? static_cast<int>(*chip.snooze) + 1 : 0);
    const bool clicked = ImGui::InvisibleButton("toast", ImVec2(w, cmax.y - cmin.y));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    const bool is_undo = !chip.snooze;
    if (hovered || !is_undo)
      draw->AddRectFilled(cmin, cmax, with_alpha(kColorCard, hovered ? 0.22f : 0.12f), (cmax.y - cmin.y) * 0.5f);
    ImFont* sf = theme.fonts.strong;
    draw->AddText(sf, sf->FontSize, ImVec2(cmin.x + theme.px(10), min.y + (h - sf->FontSize) * 0.5f),
                  is_undo ? kColorAccent : kColorCard, chip.label);
    right = cmin.x - theme.px(4);
    if (clicked) {
      if (is_undo)
        run_command(model, {core::DeckAction::undo}, frame);
      else
        resnooze(model, *chip.snooze, frame);
      break;
    }
  }
  return right;
}

}  // namespace

void draw_toast(TodayModel& model, const Theme& theme, TodayFrame& frame) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::Dummy(ImVec2(width, theme.px(kToastHeight)));
  if (!model.last && model.notice.empty()) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float h = theme.px(38);
  const ImVec2 min(at.x, at.y + theme.px(2)), max(at.x + width, at.y + theme.px(2) + h);
  draw->AddRectFilled(min, max, kColorText, h * 0.5f);
  ImFont* f = theme.fonts.small;
  const float ty = min.y + (h - f->FontSize) * 0.5f;
  if (!model.last) {
    draw->AddText(f, f->FontSize, ImVec2(min.x + theme.px(16), ty), kColorCard,
                  ellipsize(f, f->FontSize, model.notice, width - theme.px(32)).c_str());
    return;
  }
  std::vector<Chip> chips;
  const std::string what = describe(*model.last, chips);
  const float right = draw_chips(model, theme, chips, min, max, frame);
  if (model.last)  // an Undo click has just taken it back
    draw->AddText(f, f->FontSize, ImVec2(min.x + theme.px(16), ty), kColorCard,
                  ellipsize(f, f->FontSize, what, right - min.x - theme.px(20)).c_str());
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + theme.px(kToastHeight)));
}

}  // namespace rekindle::app
