#include "app/view_stats.h"

#include <algorithm>

#include "app/ui_widgets.h"

namespace rekindle::app {
namespace {

constexpr float kTileHeight = 96.0f;
constexpr ImU32 kColorAsk = IM_COL32(150, 163, 180, 255);

struct Figure {
  int64_t value;
  const char* label;
};

// Two tiles side by side: a big number over its label.
void tile_row(const Theme& theme, Figure left, Figure right) {
  const float gap = theme.px(kCardGap);
  const float width = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
  const float height = theme.px(kTileHeight);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const Figure figures[] = {left, right};
  for (int i = 0; i < 2; ++i) {
    const ImVec2 min(origin.x + i * (width + gap), origin.y);
    paint_card(draw, min, ImVec2(min.x + width, min.y + height), theme);
    const float pad = theme.px(kCardPadding);
    const std::string number = std::to_string(figures[i].value);
    ImFont* big = theme.fonts.big;
    draw->AddText(big, big->FontSize, ImVec2(min.x + pad, min.y + pad - theme.px(2)), kColorText, number.c_str());
    ImFont* small = theme.fonts.small;
    draw->AddText(small, small->FontSize, ImVec2(min.x + pad, min.y + height - pad - small->FontSize),
                  kColorTextSecondary, figures[i].label);
  }
  ImGui::Dummy(ImVec2(2 * width + gap, height + gap - ImGui::GetStyle().ItemSpacing.y));
}

void balance_card(const StatsModel& model, const Theme& theme) {
  Card card(theme);
  wrapped_text(theme.fonts.title, kColorText, "Give and ask");
  const int64_t total = model.gives + model.asks;
  if (total == 0) {
    wrapped_text(theme.fonts.body, kColorTextSecondary,
                 "Log what you offer and what you ask for, and the balance shows here. Give first.");
    return;
  }
  ImGui::Dummy(ImVec2(0, theme.px(2)));
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float width = card.content_width(), height = theme.px(10);
  const float gives_w = width * static_cast<float>(model.gives) / static_cast<float>(total);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, ImVec2(min.x + width, min.y + height), kColorAsk, height * 0.5f);
  if (model.gives > 0)
    draw->AddRectFilled(min, ImVec2(min.x + std::max(gives_w, height), min.y + height), kColorAccent, height * 0.5f);
  ImGui::Dummy(ImVec2(width, height));
  wrapped_text(theme.fonts.small, kColorTextSecondary,
               std::to_string(model.gives) + " given \u00b7 " + std::to_string(model.asks) + " asked");
}

}  // namespace

StatsModel load_stats(core::Store& store) {
  StatsModel model;
  auto contacts = store.contacts();
  auto interactions = store.all_interactions();
  auto goals = store.goals();
  if (!contacts || !interactions || !goals) {
    model.error = !contacts ? contacts.error() : !interactions ? interactions.error() : goals.error();
    return model;
  }
  model.contacts = static_cast<int64_t>(contacts->size());
  for (const auto& c : *contacts) {
    model.starred += c.starred;
  }
  model.touchpoints = static_cast<int64_t>(interactions->size());
  for (const auto& i : *interactions) {
    model.gives += i.kind == "give";
    model.asks += i.kind == "ask";
  }
  model.goals = static_cast<int64_t>(goals->size());
  return model;
}

StatsState draw_stats(const StatsModel& model, const Theme& theme) {
  if (!model.error.empty()) {
    screen_heading(theme, "Stats", "");
    error_state(theme, "Your figures could not be read", model.error);
    return StatsState::kError;
  }
  screen_heading(theme, "Stats", "How your network is doing");
  if (model.contacts == 0) {
    empty_state(theme, Icon::kStats, "Nothing to count yet",
                "Import your contacts and log a few touchpoints; your network's health shows here.",
                "rekindle import FILE");
    return StatsState::kEmpty;
  }
  tile_row(theme, {model.contacts, "Contacts"}, {model.touchpoints, "Touchpoints logged"});
  tile_row(theme, {model.starred, "Starred"}, {model.goals, "Goals"});
  balance_card(model, theme);
  return StatsState::kFigures;
}

}  // namespace rekindle::app
