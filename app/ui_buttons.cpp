#include "app/ui_buttons.h"

#include <cfloat>
#include <cstring>

namespace rekindle::app {

std::string visible_label(const char* label) {
  const char* end = std::strstr(label, "##");
  return end ? std::string(label, end) : std::string(label);
}

bool wide_button(const Theme& theme, const char* label, float width, ButtonStyle style, bool enabled,
                 const char* key) {
  const ImVec2 size(width, theme.px(44));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(label, size) && enabled;
  const bool hovered = enabled && ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 max(at.x + size.x, at.y + size.y);
  const float rounding = theme.px(12);
  ImU32 fill = style == ButtonStyle::kPrimary ? kColorAccent : style == ButtonStyle::kSecondary ? kColorCard : 0;
  if (!enabled && style != ButtonStyle::kQuiet) fill = kColorTrack;
  if (fill) draw->AddRectFilled(at, max, fill, rounding);
  if (style == ButtonStyle::kSecondary && enabled) draw->AddRect(at, max, kColorDivider, rounding, 0, theme.px(1.5f));
  if (hovered) draw->AddRectFilled(at, max, IM_COL32(0, 0, 0, 14), rounding);
  ImFont* font = theme.fonts.strong;
  const std::string text = visible_label(label);
  const ImU32 ink = !enabled                             ? kColorTextFaint
                    : style == ButtonStyle::kPrimary     ? kColorCard
                    : style == ButtonStyle::kQuiet       ? kColorAccent
                                                         : kColorText;
  float text_w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
  float key_w = 0;
  ImFont* small = theme.fonts.small;
  if (key) key_w = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, key).x + theme.px(12);
  // The label is centred; a key hint sits in a small rounded box just before it.
  const float total = text_w + (key ? key_w + theme.px(8) : 0);
  float x = at.x + (size.x - total) * 0.5f;
  if (key) {
    const float box_h = small->FontSize + theme.px(6);
    const ImVec2 bmin(x, at.y + (size.y - box_h) * 0.5f);
    const ImVec2 bmax(x + key_w, bmin.y + box_h);
    const ImU32 box = style == ButtonStyle::kPrimary ? IM_COL32(255, 255, 255, 60) : kColorTrack;
    draw->AddRectFilled(bmin, bmax, box, theme.px(5));
    draw->AddText(small, small->FontSize, ImVec2(bmin.x + theme.px(6), bmin.y + theme.px(3)),
                  style == ButtonStyle::kPrimary ? kColorCard : kColorTextSecondary, key);
    x += key_w + theme.px(8);
  }
  draw->AddText(font, font->FontSize, ImVec2(x, at.y + (size.y - font->FontSize) * 0.5f), ink, text.c_str());
  return clicked;
}

bool text_link(const Theme& theme, const char* label) {
  ImFont* font = theme.fonts.strong;
  const std::string text = visible_label(label);
  const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str());
  const ImVec2 at = ImGui::GetCursorScreenPos();
  // A taller hit area than the text: easier to hit with a thumb.
  const float pad = theme.px(6);
  const bool clicked = ImGui::InvisibleButton(label, ImVec2(size.x, size.y + 2 * pad));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 text_at(at.x, at.y + pad);
  draw->AddText(font, font->FontSize, text_at, kColorAccent, text.c_str());
  if (hovered)
    draw->AddLine(ImVec2(text_at.x, text_at.y + size.y), ImVec2(text_at.x + size.x, text_at.y + size.y), kColorAccent,
                  theme.px(1));
  return clicked;
}

bool toggle_row(const Theme& theme, const char* label, bool on, bool enabled, const char* key) {
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 size(width, theme.px(40));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(label, size) && enabled;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // The switch: a pill track with a round knob, accent when on.
  const float track_w = theme.px(40), track_h = theme.px(24);
  const ImVec2 tmin(at.x, at.y + (size.y - track_h) * 0.5f);
  const ImVec2 tmax(tmin.x + track_w, tmin.y + track_h);
  const ImU32 track = !enabled ? kColorTrack : on ? kColorAccent : IM_COL32(214, 205, 197, 255);
  draw->AddRectFilled(tmin, tmax, track, track_h * 0.5f);
  const float r = track_h * 0.5f - theme.px(3);
  const float knob_x = on ? tmax.x - track_h * 0.5f : tmin.x + track_h * 0.5f;
  draw->AddCircleFilled(ImVec2(knob_x, tmin.y + track_h * 0.5f), r, kColorCard, 24);
  ImFont* font = theme.fonts.body;
  const std::string text = visible_label(label);
  draw->AddText(font, font->FontSize, ImVec2(tmax.x + theme.px(12), at.y + (size.y - font->FontSize) * 0.5f),
                enabled ? kColorText : kColorTextFaint, text.c_str());
  if (key) {
    ImFont* small = theme.fonts.small;
    const float kw = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, key).x + theme.px(12);
    const float box_h = small->FontSize + theme.px(6);
    const ImVec2 bmin(at.x + width - kw, at.y + (size.y - box_h) * 0.5f);
    draw->AddRectFilled(bmin, ImVec2(bmin.x + kw, bmin.y + box_h), kColorTrack, theme.px(5));
    draw->AddText(small, small->FontSize, ImVec2(bmin.x + theme.px(6), bmin.y + theme.px(3)), kColorTextSecondary,
                  key);
  }
  return clicked;
}

void remember_target(ClickTargets* targets, std::string name) {
  if (!targets) return;
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  targets->push_back({std::move(name), ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f)});
}

}  // namespace rekindle::app
