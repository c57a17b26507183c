#include "app/view_stats.h"

#include <algorithm>
#include <cfloat>
#include <span>

#include "app/ui_widgets.h"

namespace rekindle::app {
namespace {

constexpr float kTileHeight = 96.0f;
constexpr float kChartHeight = 84.0f;
// Health bands, from warm (the accent) to dormant (nearly the track colour).
constexpr ImU32 kColorCooling = IM_COL32(241, 172, 128, 255);
constexpr ImU32 kColorCold = IM_COL32(150, 163, 180, 255);
constexpr ImU32 kColorDormant = IM_COL32(214, 207, 200, 255);

struct Figure {
  int value;
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
  ImGui::Dummy(ImVec2(2 * width + gap, height));
  ImGui::Dummy(ImVec2(0, gap - 2 * ImGui::GetStyle().ItemSpacing.y));
}

void card_gap(const Theme& theme) { ImGui::Dummy(ImVec2(0, theme.px(kCardGap) - ImGui::GetStyle().ItemSpacing.y)); }

// A dot, a label and a count, as one legend entry; laid out two per line.
void legend_entry(const Theme& theme, ImU32 color, const char* label, int count, float column_width) {
  ImFont* font = theme.fonts.small;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float line = font->FontSize;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddCircleFilled(ImVec2(min.x + theme.px(5), min.y + line * 0.55f), theme.px(4.5f), color, 16);
  const std::string text = std::string(label) + "  " + std::to_string(count);
  draw->AddText(font, font->FontSize, ImVec2(min.x + theme.px(16), min.y), kColorTextSecondary, text.c_str());
  ImGui::Dummy(ImVec2(column_width, line));
}

void health_card(const core::NetworkStats& s, const Theme& theme) {
  Card card(theme);
  wrapped_text(theme.fonts.title, kColorText, "Network health");
  const struct {
    int count;
    ImU32 color;
    const char* label;
  } bands[] = {{s.warm, kColorAccent, "Warm 80%+"},
               {s.cooling, kColorCooling, "Cooling 60-79%"},
               {s.cold, kColorCold, "Cold 40-59%"},
               {s.dormant, kColorDormant, "Dormant <40%"}};
  const int total = s.warm + s.cooling + s.cold + s.dormant;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float width = card.content_width(), height = theme.px(12);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, ImVec2(min.x + width, min.y + height), kColorTrack, height * 0.5f);
  // Segments side by side; the bar's rounded ends come from clipping to a rounded track.
  float x = min.x;
  const float gap = theme.px(2);
  for (const auto& band : bands) {
    if (band.count == 0 || total == 0) continue;
    const float w = width * static_cast<float>(band.count) / static_cast<float>(total);
    const bool first = x == min.x, last = x + w >= min.x + width - 0.5f;
    ImDrawFlags corners = (first ? ImDrawFlags_RoundCornersLeft : 0) | (last ? ImDrawFlags_RoundCornersRight : 0);
    if (!corners) corners = ImDrawFlags_RoundCornersNone;
    draw->AddRectFilled(ImVec2(x, min.y), ImVec2(std::max(x + 1, x + w - (last ? 0 : gap)), min.y + height), band.color,
                        height * 0.5f, corners);
    x += w;
  }
  ImGui::Dummy(ImVec2(width, height));
  const float column = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  for (int i = 0; i < 4; i += 2) {
    legend_entry(theme, bands[i].color, bands[i].label, bands[i].count, column);
    ImGui::SameLine();
    legend_entry(theme, bands[i + 1].color, bands[i + 1].label, bands[i + 1].count, column);
  }
  // The buckets are the warmth every card and the contacts list show, not a second measure.
  wrapped_text(theme.fonts.small, kColorTextFaint, "By warmth, the figure on each card and in Contacts.");
}

// Vertical bars over a baseline with a caption under each end; the last bar is "now".
void bar_chart_card(const Theme& theme, const char* title, const std::string& summary, std::span<const int> values,
                    const char* left_caption, const char* right_caption) {
  Card card(theme);
  wrapped_text(theme.fonts.title, kColorText, title);
  wrapped_text(theme.fonts.small, kColorTextSecondary, summary);
  ImGui::Dummy(ImVec2(0, theme.px(2)));
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float width = card.content_width(), height = theme.px(kChartHeight);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const int peak = std::max(1, values.empty() ? 1 : *std::max_element(values.begin(), values.end()));
  const float slot = width / static_cast<float>(std::max<size_t>(1, values.size()));
  const float bar = slot * 0.56f;
  const float base = min.y + height;
  for (size_t i = 0; i < values.size(); ++i) {
    const float x = min.x + slot * i + (slot - bar) * 0.5f;
    // Empty slots keep a stub so the rhythm of the weeks stays visible.
    const float h = std::max(theme.px(3), height * static_cast<float>(values[i]) / static_cast<float>(peak));
    draw->AddRectFilled(ImVec2(x, base - h), ImVec2(x + bar, base), values[i] > 0 ? kColorAccent : kColorTrack,
                        std::min(bar * 0.3f, theme.px(4)), ImDrawFlags_RoundCornersTop);
  }
  ImGui::Dummy(ImVec2(width, height));
  ImFont* small = theme.fonts.small;
  const ImVec2 caption_pos = ImGui::GetCursorScreenPos();
  draw->AddText(small, small->FontSize, caption_pos, kColorTextFaint, left_caption);
  const float right_w = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, right_caption).x;
  draw->AddText(small, small->FontSize, ImVec2(caption_pos.x + width - right_w, caption_pos.y), kColorTextFaint,
                right_caption);
  ImGui::Dummy(ImVec2(width, small->FontSize));
}

void balance_card(const core::NetworkStats& s, const Theme& theme) {
  Card card(theme);
  wrapped_text(theme.fonts.title, kColorText, "Give and ask");
  const int total = s.give + s.ask;
  if (total == 0) {
    wrapped_text(theme.fonts.body, kColorTextSecondary,
                 "Log what you offer and what you ask for, and the balance shows here. Give first.");
    return;
  }
  ImGui::Dummy(ImVec2(0, theme.px(2)));
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float width = card.content_width(), height = theme.px(10);
  const float give_w = width * static_cast<float>(s.give) / static_cast<float>(total);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, ImVec2(min.x + width, min.y + height), kColorCold, height * 0.5f);
  if (s.give > 0)
    draw->AddRectFilled(min, ImVec2(min.x + std::max(give_w, height), min.y + height), kColorAccent, height * 0.5f);
  ImGui::Dummy(ImVec2(width, height));
  wrapped_text(theme.fonts.small, kColorTextSecondary,
               std::to_string(s.give) + " given \u00b7 " + std::to_string(s.ask) + " asked");
}

int sum(std::span<const int> values) {
  int total = 0;
  for (int v : values) total += v;
  return total;
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

}  // namespace

StatsModel load_stats(core::Rekindle& api, core::Day day) {
  StatsModel model;
  auto figures = api.stats(day);
  if (!figures)
    model.error = figures.error();
  else
    model.figures = std::move(*figures);
  return model;
}

StatsState draw_stats(const StatsModel& model, const Theme& theme) {
  if (!model.error.empty()) {
    screen_heading(theme, "Stats", "");
    error_state(theme, "Your figures could not be read", model.error);
    return StatsState::kError;
  }
  const core::NetworkStats& s = model.figures;
  screen_heading(theme, "Stats", "How your network is doing");
  if (s.contacts == 0 && s.archived == 0) {
    empty_state(theme, Icon::kStats, "Nothing to count yet",
                "Import your contacts and log a few touchpoints; your network's health shows here.",
                "rekindle import FILE");
    return StatsState::kEmpty;
  }
  tile_row(theme, {s.contacts, "Contacts"}, {s.streak_days, s.streak_days == 1 ? "Day streak" : "Days streak"});
  health_card(s, theme);
  card_gap(theme);
  const int reach_outs = sum(s.reach_outs_by_week);
  bar_chart_card(theme, "Reach-outs", plural(reach_outs, "reach-out", "reach-outs") + " in 12 weeks",
                 s.reach_outs_by_week, "12 weeks ago", "this week");
  card_gap(theme);
  const int due = sum(s.due_next_14_days);
  bar_chart_card(theme, "Coming up", plural(due, "contact", "contacts") + " due in the next 14 days",
                 s.due_next_14_days, "today", "in 2 weeks");
  card_gap(theme);
  balance_card(s, theme);
  return StatsState::kFigures;
}

}  // namespace rekindle::app
