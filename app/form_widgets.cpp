#include "app/form_widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <string_view>

#include "app/ui_widgets.h"

namespace rekindle::app {
namespace {

void note(Clickables* where, const char* label, ImVec2 min, ImVec2 max) {
  if (where) where->push_back({label, min, max});
}

// A line of dashes from a to b (ImGui draws no dashed lines).
void dashed_line(ImDrawList* draw, ImVec2 a, ImVec2 b, ImU32 color, float thickness, float dash) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float length = std::sqrt(dx * dx + dy * dy);
  if (length <= 0) return;
  for (float t = 0; t < length; t += dash * 2) {
    const float end = std::min(length, t + dash);
    draw->AddLine(ImVec2(a.x + dx * t / length, a.y + dy * t / length),
                  ImVec2(a.x + dx * end / length, a.y + dy * end / length), color, thickness);
  }
}

}  // namespace

const Clickable* find_clickable(const Clickables& clickables, const std::string& label) {
  for (const Clickable& c : clickables)
    if (c.label == label) return &c;
  return nullptr;
}

bool form_button(const Theme& theme, const char* label, float width, ButtonKind kind, bool enabled,
                 Clickables* where) {
  ImFont* font = theme.fonts.strong;
  const char* hidden = std::strstr(label, "##");
  const char* label_end = hidden ? hidden : label + std::strlen(label);
  // A trailing " →" is drawn as lines: the text fonts carry no arrows.
  constexpr std::string_view kArrow = " \u2192";
  const std::string_view whole(label, static_cast<size_t>(label_end - label));
  const bool arrow = whole.size() > kArrow.size() && whole.substr(whole.size() - kArrow.size()) == kArrow;
  const char* text_end = arrow ? label_end - kArrow.size() : label_end;
  const float arrow_width = arrow ? theme.px(22) : 0.0f;
  ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label, text_end);
  text.x += arrow_width;
  const ImVec2 size(width > 0 ? width : text.x + theme.px(36), theme.px(46));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(label, size) && enabled;
  const bool hovered = enabled && ImGui::IsItemHovered();
  const ImVec2 end(at.x + size.x, at.y + size.y);
  note(where, std::string(label, label_end).c_str(), at, end);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const bool primary = kind == ButtonKind::kPrimary;
  const float rounding = size.y * 0.5f;
  ImU32 fill = primary ? kColorAccent : kColorCard;
  if (!enabled) fill = kColorTrack;
  draw->AddRectFilled(at, end, fill, rounding);
  if (!primary && enabled) draw->AddRect(at, end, kColorDivider, rounding, 0, theme.px(1.5f));
  if (hovered) draw->AddRectFilled(at, end, IM_COL32(0, 0, 0, 14), rounding);
  const ImU32 ink = !enabled ? kColorTextFaint : primary ? kColorCard : kColorText;
  const ImVec2 text_at(at.x + (size.x - text.x) * 0.5f, at.y + (size.y - text.y) * 0.5f);
  draw->AddText(font, font->FontSize, text_at, ink, label, text_end);
  if (arrow) {
    const float x0 = text_at.x + text.x - arrow_width + theme.px(8), x1 = text_at.x + text.x;
    const float y = at.y + size.y * 0.5f, h = theme.px(4.5f), t = theme.px(2);
    draw->AddLine(ImVec2(x0, y), ImVec2(x1, y), ink, t);
    draw->AddLine(ImVec2(x1 - h, y - h), ImVec2(x1, y), ink, t);
    draw->AddLine(ImVec2(x1 - h, y + h), ImVec2(x1, y), ink, t);
  }
  return clicked;
}

bool back_link(const Theme& theme, const char* label, Clickables* where) {
  ImFont* font = theme.fonts.strong;
  const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label);
  const float chevron = theme.px(14);
  const ImVec2 size(chevron + text.x + theme.px(8), theme.px(34));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::PushID("back");
  const bool clicked = ImGui::InvisibleButton(label, size);
  ImGui::PopID();
  const bool hovered = ImGui::IsItemHovered();
  note(where, label, at, ImVec2(at.x + size.x, at.y + size.y));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 ink = hovered ? kColorText : kColorAccent;
  // A chevron pointing left, then the label.
  const float mid = at.y + size.y * 0.5f, h = theme.px(5.5f);
  const float x = at.x + theme.px(3);
  draw->AddLine(ImVec2(x + h, mid - h), ImVec2(x, mid), ink, theme.px(2));
  draw->AddLine(ImVec2(x, mid), ImVec2(x + h, mid + h), ink, theme.px(2));
  draw->AddText(font, font->FontSize, ImVec2(at.x + chevron + theme.px(2), mid - text.y * 0.5f), ink, label);
  return clicked;
}

void progress_bar(const Theme& theme, float fraction, float width) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float height = theme.px(8);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), kColorTrack, height * 0.5f);
  const float filled = width * std::clamp(fraction, 0.0f, 1.0f);
  if (filled > 0)
    draw->AddRectFilled(at, ImVec2(at.x + std::max(filled, height), at.y + height), kColorAccent, height * 0.5f);
  ImGui::Dummy(ImVec2(width, height));
}

void section_label(const Theme& theme, const char* text) {
  ImGui::PushFont(theme.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, kColorTextSecondary);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

bool gear_button(const Theme& theme, ImVec2 top_right, Clickables* where) {
  const ImVec2 cursor = ImGui::GetCursorScreenPos();
  const float size = theme.px(40);
  const ImVec2 at(top_right.x - size, top_right.y);
  ImGui::SetCursorScreenPos(at);
  const bool clicked = ImGui::InvisibleButton("##settings", ImVec2(size, size));
  const bool hovered = ImGui::IsItemHovered();
  note(where, "Settings", at, ImVec2(at.x + size, at.y + size));
  ImGui::SetCursorScreenPos(cursor);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 c(at.x + size * 0.5f, at.y + size * 0.5f);
  draw->AddCircleFilled(c, size * 0.5f, hovered ? kColorAccentSoft : kColorCard, 32);
  if (!hovered) draw->AddCircle(c, size * 0.5f, kColorDivider, 32, theme.px(1));
  // Eight teeth around a ring.
  const ImU32 ink = hovered ? kColorAccent : kColorTextSecondary;
  const float outer = theme.px(9), inner = theme.px(6.2f);
  for (int i = 0; i < 8; ++i) {
    const float a = static_cast<float>(i) * 3.14159265f / 4.0f;
    draw->AddLine(ImVec2(c.x + std::cos(a) * inner, c.y + std::sin(a) * inner),
                  ImVec2(c.x + std::cos(a) * outer, c.y + std::sin(a) * outer), ink, theme.px(3));
  }
  draw->AddCircle(c, theme.px(5.6f), ink, 24, theme.px(2.2f));
  return clicked;
}

void drop_zone(const Theme& theme, float width, const char* title, const char* caption, bool highlighted) {
  const float pad = theme.px(16), radius = theme.px(26);
  ImFont* title_font = theme.fonts.title;
  ImFont* caption_font = theme.fonts.small;
  const auto title_lines = wrap_lines(title_font, title_font->FontSize, title, width - 2 * pad);
  const auto caption_lines = wrap_lines(caption_font, caption_font->FontSize, caption, width - 2 * pad);
  const float title_step = title_font->FontSize * 1.2f, caption_step = caption_font->FontSize * 1.35f;
  const float height = pad + 2 * radius + theme.px(12) + title_step * title_lines.size() + theme.px(4) +
                       caption_step * caption_lines.size() + pad;

  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 end(at.x + width, at.y + height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float r = theme.px(14);
  draw->AddRectFilled(at, end, highlighted ? kColorAccentSoft : IM_COL32(252, 249, 246, 255), r);
  // Dashes on the straight edges; the rounded corners as arcs.
  const ImU32 line = highlighted ? kColorAccent : IM_COL32(224, 208, 195, 255);
  const float t = theme.px(1.6f), dash = theme.px(7);
  dashed_line(draw, ImVec2(at.x + r, at.y), ImVec2(end.x - r, at.y), line, t, dash);
  dashed_line(draw, ImVec2(at.x + r, end.y), ImVec2(end.x - r, end.y), line, t, dash);
  dashed_line(draw, ImVec2(at.x, at.y + r), ImVec2(at.x, end.y - r), line, t, dash);
  dashed_line(draw, ImVec2(end.x, at.y + r), ImVec2(end.x, end.y - r), line, t, dash);
  constexpr float kPi = 3.14159265f;
  const ImVec2 corners[] = {{end.x - r, end.y - r}, {at.x + r, end.y - r}, {at.x + r, at.y + r}, {end.x - r, at.y + r}};
  for (int i = 0; i < 4; ++i) {
    draw->PathArcTo(corners[i], r, kPi * 0.5f * i, kPi * 0.5f * (i + 1), 8);
    draw->PathStroke(line, 0, t);
  }
  // An arrow rising out of a tray, in a soft circle.
  const ImVec2 c(at.x + width * 0.5f, at.y + pad + radius);
  draw->AddCircleFilled(c, radius, highlighted ? kColorCard : kColorAccentSoft, 40);
  const float s = radius * 0.5f, w = theme.px(2.2f);
  draw->AddLine(ImVec2(c.x, c.y + s * 0.35f), ImVec2(c.x, c.y - s * 0.9f), kColorAccent, w);
  draw->AddLine(ImVec2(c.x - s * 0.5f, c.y - s * 0.4f), ImVec2(c.x, c.y - s * 0.9f), kColorAccent, w);
  draw->AddLine(ImVec2(c.x + s * 0.5f, c.y - s * 0.4f), ImVec2(c.x, c.y - s * 0.9f), kColorAccent, w);
  draw->PathLineTo(ImVec2(c.x - s * 0.85f, c.y + s * 0.1f));
  draw->PathLineTo(ImVec2(c.x - s * 0.85f, c.y + s * 0.8f));
  draw->PathLineTo(ImVec2(c.x + s * 0.85f, c.y + s * 0.8f));
  draw->PathLineTo(ImVec2(c.x + s * 0.85f, c.y + s * 0.1f));
  draw->PathStroke(kColorAccent, 0, w);

  float y = c.y + radius + theme.px(12);
  for (std::string_view l : title_lines) {
    const float lw = title_font->CalcTextSizeA(title_font->FontSize, FLT_MAX, 0, l.data(), l.data() + l.size()).x;
    draw->AddText(title_font, title_font->FontSize, ImVec2(at.x + (width - lw) * 0.5f, y), kColorText, l.data(),
                  l.data() + l.size());
    y += title_step;
  }
  y += theme.px(4);
  for (std::string_view l : caption_lines) {
    const float lw = caption_font->CalcTextSizeA(caption_font->FontSize, FLT_MAX, 0, l.data(), l.data() + l.size()).x;
    draw->AddText(caption_font, caption_font->FontSize, ImVec2(at.x + (width - lw) * 0.5f, y), kColorTextSecondary,
                  l.data(), l.data() + l.size());
    y += caption_step;
  }
  ImGui::Dummy(ImVec2(width, height));
}

}  // namespace rekindle::app
