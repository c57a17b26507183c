#include "app/view_strategy.h"

#include "app/ui_widgets.h"
#include "core/date.h"

namespace rekindle::app {
namespace {

void pill(const Theme& theme, const char* label, ImU32 fill, ImU32 text_color) {
  ImFont* font = theme.fonts.small;
  const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label);
  const ImVec2 pad(theme.px(9), theme.px(4));
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + text.x + 2 * pad.x, min.y + text.y + 2 * pad.y);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, fill, (max.y - min.y) * 0.5f);
  draw->AddText(font, font->FontSize, ImVec2(min.x + pad.x, min.y + pad.y), text_color, label);
  ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
}

std::string people(int n) { return n == 1 ? "1 contact" : std::to_string(n) + " contacts"; }

void draw_goal(const GoalRow& goal, const Theme& theme) {
  Card card(theme);
  if (goal.current) {
    pill(theme, "Current goal", kColorAccentSoft, kColorAccent);
    ImGui::Dummy(ImVec2(0, theme.px(2)));
  }
  wrapped_text(theme.fonts.title, kColorText, goal.text);
  std::string facts;
  if (!goal.target.empty()) facts = goal.target;
  if (!goal.deadline.empty()) facts += (facts.empty() ? "By " : " \u00b7 by ") + goal.deadline;
  if (!facts.empty()) wrapped_text(theme.fonts.body, kColorTextSecondary, facts);
  ImGui::Dummy(ImVec2(0, theme.px(2)));
  const std::string helpers =
      goal.relevant_contacts == 0 ? "No contacts linked yet" : people(goal.relevant_contacts) + " could help";
  wrapped_text(theme.fonts.small, kColorTextSecondary, helpers);
  // A relational networker gives first: flag the people we have nothing to offer yet.
  if (goal.without_offer > 0)
    wrapped_text(theme.fonts.small, kColorAccent,
                 people(goal.without_offer) + " without an offer \u2014 think what you could give first");
}

}  // namespace

StrategyModel load_strategy(core::Rekindle& api) {
  StrategyModel model;
  auto goals = api.goal_summaries();
  if (!goals) {
    model.error = goals.error();
    return model;
  }
  for (const auto& summary : *goals) {
    const core::Goal& g = summary.goal;
    GoalRow row;
    row.id = g.id;
    row.text = g.text;
    row.target = g.target;
    row.deadline = g.deadline ? core::format_iso_day(*g.deadline) : "";
    row.current = g.current;
    row.relevant_contacts = summary.relevant_contacts;
    row.without_offer = summary.without_offer;
    model.goals.push_back(std::move(row));
  }
  return model;
}

StrategyState draw_strategy(const StrategyModel& model, const Theme& theme) {
  if (!model.error.empty()) {
    screen_heading(theme, "Strategy", "");
    error_state(theme, "Your goals could not be read", model.error);
    return StrategyState::kError;
  }
  screen_heading(theme, "Strategy", "Where you are going, and who could help");
  if (model.goals.empty()) {
    empty_state(theme, Icon::kStrategy, "No goals yet",
                "Write where your career is heading next. Then mark who could help, and what you can offer them.",
                "rekindle goal add \"TEXT\"");
    return StrategyState::kNoGoals;
  }
  for (const auto& goal : model.goals) {
    draw_goal(goal, theme);
    ImGui::Dummy(ImVec2(0, theme.px(kCardGap) - ImGui::GetStyle().ItemSpacing.y));
  }
  return StrategyState::kGoals;
}

}  // namespace rekindle::app
