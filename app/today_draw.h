#pragma once
// Drawing pieces the Today screen's parts share (the card face, the deck, the overlays, the
// toast and the summary): colours per decision, text placement and the card transform.
#include <imgui.h>

#include <string>
#include <string_view>

#include "app/theme.h"
#include "core/decision.h"

namespace rekindle::app {

// The colour of a decision on the card, in the hints and in the summary (theme.h).
ImU32 direction_color(core::Direction direction);
// color with its alpha multiplied by alpha (0..1).
ImU32 with_alpha(ImU32 color, float alpha);
// The colour t (0..1) of the way from a to b.
ImU32 mix(ImU32 a, ImU32 b, float t);

float text_width(ImFont* font, std::string_view text);
// One line of text centred on center_x, cut with "…" to max_width.
void text_centered(ImDrawList* draw, ImFont* font, float center_x, float y, ImU32 color, const std::string& text,
                   float max_width);
// Draws text wrapped to width, at most max_lines lines (the last cut with "…"); returns its height.
float wrapped_block(ImDrawList* draw, ImFont* font, ImVec2 pos, float width, int max_lines, ImU32 color,
                    std::string text);
// A small upper-case caption with a coloured dot, heading a section of a card.
void section_label(ImDrawList* draw, const Theme& theme, ImVec2 pos, const char* label, ImU32 dot);
// A straight arrow with an open head, pointing the way of a gesture direction.
void draw_arrow(ImDrawList* draw, ImVec2 center, float size, core::Direction direction, ImU32 color, float thickness);

// Moves, turns and scales the vertices drawn since vtx_start around pivot: the card and
// everything on it move as one piece, whatever drew them.
void transform_since(ImDrawList* draw, int vtx_start, ImVec2 pivot, float angle, ImVec2 offset, float scale);

}  // namespace rekindle::app
