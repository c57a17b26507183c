#include "app/today_overlays.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <string_view>

#include "app/today_card.h"
#include "app/today_draw.h"
#include "app/ui_widgets.h"
#include "core/key_map.h"

namespace rekindle::app {
namespace {

// What the pointer does, under the keys: drags and touchpad swipes are gestures (core/gesture.h),
// not keys, and the tab keys belong to the shell.
constexpr const char* kPointerHelp =
    "Drag the card or swipe with two fingers to decide; click it for its details. 1\u20134 switch tabs.";

// The height wrapped_block gives text in font wrapped to width, at most max_lines lines.
float block_height(ImFont* font, std::string_view text, float width, int max_lines) {
  const size_t rows = std::min<size_t>(wrap_lines(font, font->FontSize, text, width).size(), max_lines);
  return static_cast<float>(rows) * font->FontSize * 1.25f;
}

// Words in the key help wrap to at most this many lines.
constexpr int kHelpRowLines = 3;

// The overlay card's width on this display.
float overlay_width(const Theme& theme) { return std::min(ImGui::GetIO().DisplaySize.x - theme.px(40), theme.px(420)); }

// An overlay card above everything, on a dimmed page. Returns its rectangle.
void overlay_card(const Theme& theme, float height, ImVec2* min, ImVec2* max) {
  ImDrawList* fg = ImGui::GetForegroundDrawList();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  fg->AddRectFilled(ImVec2(0, 0), display, kColorScrim);
  const float width = overlay_width(theme);
  *min = ImVec2((display.x - width) * 0.5f, std::max(theme.px(30), (display.y - height) * 0.5f));
  *max = ImVec2(min->x + width, min->y + height);
  paint_card(fg, *min, *max, theme);
}

// Lays out one row of the key help at pos in width: the key chips flow in the left column,
// the words wrap in the right one. Draws it when draw is not null; returns its height.
float help_row(ImDrawList* draw, const Theme& theme, const core::KeyHelpLine& line, ImVec2 pos, float width) {
  ImFont* k = theme.fonts.strong;
  ImFont* b = theme.fonts.small;
  const float chip_h = theme.px(28), gap = theme.px(6);
  const float keys_w = width * 0.44f;
  float x = pos.x, y = pos.y;
  for (const std::string& key : line.keys) {
    const float w = text_width(k, key) + theme.px(16);
    if (x > pos.x && x + w > pos.x + keys_w) {  // the next chip goes on a new row of the column
      x = pos.x;
      y += chip_h + gap;
    }
    if (draw) {
      draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + chip_h), kColorTrack, theme.px(8));
      draw->AddText(k, k->FontSize, ImVec2(x + theme.px(8), y + (chip_h - k->FontSize) * 0.5f), kColorText,
                    key.c_str());
    }
    x += w + gap;
  }
  const float keys_h = y + chip_h - pos.y;
  const float text_x = pos.x + keys_w + theme.px(12);
  const float text_w = pos.x + width - text_x;
  const float text_h = block_height(b, line.action, text_w, kHelpRowLines);
  // One line of words sits in the middle of the first chip; more start at its top.
  const float text_y = text_h <= b->FontSize * 1.3f ? pos.y + (chip_h - b->FontSize) * 0.5f : pos.y + theme.px(2);
  if (draw) wrapped_block(draw, b, ImVec2(text_x, text_y), text_w, kHelpRowLines, kColorTextSecondary, line.action);
  return std::max(keys_h, text_y + text_h - pos.y);
}

}  // namespace

void draw_help(const Theme& theme) {
  const std::vector<core::KeyHelpLine> lines = core::key_help();
  const float pad = theme.px(22), row_gap = theme.px(12);
  const float inner = overlay_width(theme) - 2 * pad;
  ImFont* small = theme.fonts.small;
  const float footnote_h = block_height(small, kPointerHelp, inner, kHelpRowLines);
  // The card is as tall as what it holds: measure first, then draw.
  float height = pad + theme.fonts.title->FontSize + theme.px(16);
  for (const auto& line : lines) height += help_row(nullptr, theme, line, ImVec2(0, 0), inner) + row_gap;
  height += theme.px(4) + footnote_h + pad;

  ImVec2 min, max;
  overlay_card(theme, height, &min, &max);
  ImDrawList* fg = ImGui::GetForegroundDrawList();
  fg->AddText(theme.fonts.title, theme.fonts.title->FontSize, ImVec2(min.x + pad, min.y + pad), kColorText,
              "Keyboard and gestures");
  float y = min.y + pad + theme.fonts.title->FontSize + theme.px(16);
  for (const auto& line : lines) y += help_row(fg, theme, line, ImVec2(min.x + pad, y), inner) + row_gap;
  wrapped_block(fg, small, ImVec2(min.x + pad, y + theme.px(4)), inner, kHelpRowLines, kColorTextFaint, kPointerHelp);
}

void draw_details(TodayModel& model, const Theme& theme) {
  const core::Card* card = model.session ? model.session->current() : nullptr;
  if (!card) return;
  const CardDetails& d = details_for(model, card->contact_id);
  struct Section {
    const char* label;
    std::string text;
    ImU32 dot;
    int lines;
  };
  std::string contact_lines;
  for (const auto& line : d.lines) contact_lines += (contact_lines.empty() ? "" : "\n") + line;
  const Section sections[] = {{"CONTACT", contact_lines, kColorAccent, 4},
                              {"WHY TODAY", sentence_case(card->reason), kColorAccent, 3},
                              {"NOTES", d.last_note, kColorSnooze, 4},
                              {"HOW THEY COULD HELP", d.can_help, kColorStar, 2},
                              {"WHAT I CAN OFFER", d.offer, kColorReachOut, 2}};
  const float pad = theme.px(22);
  const float width = overlay_width(theme) - 2 * pad;
  ImFont* body = theme.fonts.body;
  ImFont* small = theme.fonts.small;
  const float line = body->FontSize * 1.25f;
  // The card is as tall as what it holds: measure first, then draw.
  float height = pad + theme.px(70) + pad + small->FontSize + theme.px(8);
  for (const auto& section : sections)
    if (!section.text.empty()) {
      const float text_h = body->CalcTextSizeA(body->FontSize, FLT_MAX, width, section.text.c_str()).y;
      const int lines = std::min(section.lines, static_cast<int>(text_h / body->FontSize + 0.5f));
      height += small->FontSize + theme.px(6) + line * std::max(lines, 1) + theme.px(10);
    }
  ImVec2 min, max;
  overlay_card(theme, height, &min, &max);
  ImDrawList* fg = ImGui::GetForegroundDrawList();
  float y = min.y + pad;
  draw_face(fg, ImVec2(min.x + pad + theme.px(26), y + theme.px(26)), theme.px(26), *card, d, theme);
  const float tx = min.x + pad + theme.px(66);
  fg->AddText(theme.fonts.title, theme.fonts.title->FontSize, ImVec2(tx, y + theme.px(2)), kColorText,
              ellipsize(theme.fonts.title, theme.fonts.title->FontSize, card->name, max.x - pad - tx).c_str());
  fg->AddText(small, small->FontSize, ImVec2(tx, y + theme.px(30)), kColorTextSecondary,
              ellipsize(small, small->FontSize, role_line(*card), max.x - pad - tx).c_str());
  y += theme.px(70);
  for (const auto& section : sections) {
    if (section.text.empty()) continue;
    section_label(fg, theme, ImVec2(min.x + pad, y), section.label, section.dot);
    y += small->FontSize + theme.px(6);
    y += wrapped_block(fg, body, ImVec2(min.x + pad, y), width, section.lines, kColorText, section.text);
    y += theme.px(10);
  }
  const std::string close = core::keys_for({core::DeckAction::close}).front() + " or click to close";
  text_centered(fg, small, (min.x + max.x) * 0.5f, max.y - pad - small->FontSize, kColorTextFaint, close,
                max.x - min.x - 2 * pad);
}

}  // namespace rekindle::app
