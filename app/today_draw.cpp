#include "app/today_draw.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "app/font_atlas.h"
#include "app/ui_widgets.h"

namespace rekindle::app {

ImU32 direction_color(core::Direction direction) { return decision_color(direction); }

ImU32 with_alpha(ImU32 color, float alpha) {
  const int a = static_cast<int>(((color >> IM_COL32_A_SHIFT) & 0xFF) * std::clamp(alpha, 0.0f, 1.0f));
  return (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(a) << IM_COL32_A_SHIFT);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
  const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(
      ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

float text_width(ImFont* font, std::string_view text) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

void text_centered(ImDrawList* draw, ImFont* font, float center_x, float y, ImU32 color, const std::string& text,
                   float max_width) {
  // A name with a character no font draws ("Ana 🚀 Lima") shows as "Ana Lima", not "Ana  Lima".
  const std::string shown = ellipsize(font, font->FontSize, drawable_text(text), max_width);
  draw->AddText(font, font->FontSize, ImVec2(center_x - text_width(font, shown) * 0.5f, y), color, shown.c_str());
}

float wrapped_block(ImDrawList* draw, ImFont* font, ImVec2 pos, float width, int max_lines, ImU32 color,
                    std::string text) {
  if (max_lines <= 0 || text.empty()) return 0;
  const float line = font->FontSize * 1.25f;
  auto height_of = [&](const std::string& t) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, t.c_str()).y;
  };
  if (height_of(text) > font->FontSize * max_lines + 1) {
    // Shorten word by word until it fits, then mark the cut.
    while (!text.empty() && height_of(text + "\u2026") > font->FontSize * max_lines + 1) {
      const size_t space = text.find_last_of(' ');
      text.resize(space == std::string::npos ? text.size() - 1 : space);
    }
    text += "\u2026";
  }
  // ImGui's wrapped text has no line spacing setting; draw it line by line for air.
  float y = pos.y;
  for (const std::string_view row : wrap_lines(font, font->FontSize, text, width)) {
    draw->AddText(font, font->FontSize, ImVec2(pos.x, y), color, row.data(), row.data() + row.size());
    y += line;
  }
  return y - pos.y;
}

void section_label(ImDrawList* draw, const Theme& theme, ImVec2 pos, const char* label, ImU32 dot) {
  draw->AddCircleFilled(ImVec2(pos.x + theme.px(3), pos.y + theme.fonts.small->FontSize * 0.55f), theme.px(3), dot);
  draw->AddText(theme.fonts.small, theme.fonts.small->FontSize, ImVec2(pos.x + theme.px(12), pos.y),
                kColorTextSecondary, label);
}

void draw_arrow(ImDrawList* draw, ImVec2 center, float size, core::Direction direction, ImU32 color, float thickness) {
  const core::DecisionKind& kind = core::decision_kind(direction);
  if (!kind.gesture()) return;  // no gesture, no arrow
  const ImVec2 d(static_cast<float>(kind.dx), static_cast<float>(kind.dy));
  const float h = size * 0.5f;
  const ImVec2 tip(center.x + d.x * h, center.y + d.y * h), tail(center.x - d.x * h, center.y - d.y * h);
  draw->AddLine(tail, tip, color, thickness);
  const ImVec2 n(-d.y, d.x);  // perpendicular
  const float head = size * 0.38f;
  draw->AddLine(tip, ImVec2(tip.x - d.x * head + n.x * head, tip.y - d.y * head + n.y * head), color, thickness);
  draw->AddLine(tip, ImVec2(tip.x - d.x * head - n.x * head, tip.y - d.y * head - n.y * head), color, thickness);
}

void transform_since(ImDrawList* draw, int vtx_start, ImVec2 pivot, float angle, ImVec2 offset, float scale) {
  const float c = std::cos(angle) * scale, s = std::sin(angle) * scale;
  for (int i = vtx_start; i < draw->VtxBuffer.Size; ++i) {
    ImVec2& p = draw->VtxBuffer[i].pos;
    const float x = p.x - pivot.x, y = p.y - pivot.y;
    p = ImVec2(pivot.x + x * c - y * s + offset.x, pivot.y + x * s + y * c + offset.y);
  }
}

}  // namespace rekindle::app
