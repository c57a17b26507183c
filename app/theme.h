#pragma once
// The look: a calm, warm, phone-like palette with one accent colour, the embedded Roboto
// faces at a few sizes (with installed fonts for other scripts), and metrics in logical pixels that scale with the display.
#include <imgui.h>

#include "core/decision.h"
#include "core/result.h"

namespace rekindle::app {

// Palette. Warm off-white page, white cards, one ember accent (the app "rekindles").
inline constexpr ImU32 kColorPage = IM_COL32(246, 242, 237, 255);
inline constexpr ImU32 kColorCard = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kColorCardBehind = IM_COL32(251, 249, 246, 255);  // the next card in a deck
inline constexpr ImU32 kColorText = IM_COL32(40, 34, 30, 255);
inline constexpr ImU32 kColorTextSecondary = IM_COL32(128, 117, 109, 255);
inline constexpr ImU32 kColorTextFaint = IM_COL32(176, 166, 158, 255);
inline constexpr ImU32 kColorAccent = IM_COL32(222, 102, 58, 255);
inline constexpr ImU32 kColorAccentSoft = IM_COL32(251, 231, 220, 255);
inline constexpr ImU32 kColorDivider = IM_COL32(236, 229, 222, 255);
inline constexpr ImU32 kColorTrack = IM_COL32(240, 234, 228, 255);
inline constexpr ImU32 kColorError = IM_COL32(190, 60, 48, 255);
inline constexpr ImU32 kColorErrorSoft = IM_COL32(252, 228, 224, 255);
inline constexpr ImU32 kColorShadow = IM_COL32(90, 60, 30, 255);  // drawn at low alpha
// Each decision kind has its own colour (core/decision.cpp) on the card while it is dragged,
// in the hints under it and in the summary; the palette reuses them by name.
inline ImU32 decision_color(core::Direction direction) {
  const uint32_t rgb = core::decision_kind(direction).color;
  return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 255);
}
inline const ImU32 kColorReachOut = decision_color(core::Direction::right);  // green, go
inline const ImU32 kColorSnooze = decision_color(core::Direction::left);     // calm blue, later
inline const ImU32 kColorStar = decision_color(core::Direction::up);         // gold
inline const ImU32 kColorArchive = decision_color(core::Direction::down);    // slate, put away
inline constexpr ImU32 kColorScrim = IM_COL32(40, 30, 24, 110);              // behind an overlay

// Type sizes in logical pixels.
inline constexpr float kFontSmall = 13.0f;
inline constexpr float kFontBody = 16.0f;
inline constexpr float kFontTitle = 19.0f;
inline constexpr float kFontBig = 30.0f;

// Metrics in logical pixels.
inline constexpr float kPagePadding = 20.0f;  // page edge to card edge
inline constexpr float kCardPadding = 18.0f;  // card edge to content
inline constexpr float kCardRounding = 18.0f;
inline constexpr float kCardGap = 12.0f;  // between stacked cards
inline constexpr float kTabBarHeight = 64.0f;
inline constexpr float kDeckPeek = 10.0f;          // how far the next card shows under the top one
inline constexpr float kMaxContentWidth = 560.0f;  // a wide window keeps a phone-width column

struct Fonts {
  ImFont* small = nullptr;   // captions, hints
  ImFont* body = nullptr;    // running text
  ImFont* strong = nullptr;  // names, labels (Roboto Medium, body size)
  ImFont* title = nullptr;   // card titles
  ImFont* big = nullptr;     // screen headings, big numbers
};

struct Theme {
  float scale = 1.0f;  // display content scale: logical px -> framebuffer px
  Fonts fonts;
  float px(float logical) const { return logical * scale; }
};

// Clears ImGui's font atlas and builds it (CPU side) with the embedded Roboto faces at every
// size for the given scale, plus every character met so far and the installed fonts that
// draw it (app/font_atlas.h); body is the default font.
core::Result<Fonts> load_fonts(float scale);
// Sets ImGui's style (colours, rounding, spacing) for the scale, from a fresh default.
void apply_style(float scale);
// Both: clears the atlas, loads fonts and style. The caller uploads the font texture.
core::Result<Theme> make_theme(float scale);
// Between frames: rebuilds the atlas when frames met characters it lacks (theme.fonts then
// point to the new faces; the caller uploads the texture again). Nothing to do: success.
core::Status refresh_fonts(Theme& theme);

}  // namespace rekindle::app
