#pragma once
// The font atlas grows with what is drawn. The embedded Roboto faces start with Latin-1,
// Latin Extended-A and punctuation (issue 13: a smaller first atlas); any other character (a
// Greek, Cyrillic, Vietnamese or Chinese name, a ★) is noticed in the frame that
// draws it, looked up in Roboto and then in installed fonts (platform/font_finder: Noto CJK,
// Symbola, ...), and the atlas is rebuilt with it between frames. Characters no font has are
// drawn as nothing, never as "?".
//
// How a frame "meets" a missing character: after each build every character the atlas lacks
// gets an invisible, zero-width marker glyph whose texture coordinates name the character.
// ImGui draws text clipped to what is on screen, so after ImGui::Render the markers in the draw
// lists are exactly the missing characters that were on screen: no scan of the data (100,000
// contacts) and no hook in every view. Characters beyond U+FFFF (most emoji) cannot reach the
// atlas at all: this ImGui build uses 16-bit characters and turns them into U+FFFD, which we
// draw as nothing.
#include <imgui.h>

#include <string>
#include <string_view>

#include "core/result.h"

namespace rekindle::app {

// The five faces the theme uses (see Fonts in theme.h), in the order they are added.
struct FontSizes {
  float small = 0, body = 0, title = 0, big = 0;
};
struct AtlasFonts {
  ImFont* small = nullptr;
  ImFont* body = nullptr;
  ImFont* strong = nullptr;
  ImFont* title = nullptr;
  ImFont* big = nullptr;
};

// Clears ImGui's atlas, adds the faces at the given pixel sizes with every character met so
// far, builds it (CPU side) and installs the markers. The first face added (body) is ImGui's
// default. The caller uploads the texture.
core::Result<AtlasFonts> build_font_atlas(const FontSizes& sizes);

// Call after ImGui::Render: notes the characters drawn without a glyph and finds a font for
// each. True when the atlas should be rebuilt (font_atlas_outdated()).
bool note_missing_glyphs(const ImDrawData* draw_data);
// Characters were found that the current atlas lacks and some font can draw.
bool font_atlas_outdated();

// True when the atlas can hold the character (the embedded fonts or an installed one has
// it); looks it up now when it was never met. Invisible format characters are false.
bool can_draw(char32_t code_point);
// The text with every character no font can draw removed, and the spaces that leaves behind
// tidied: "Anna 🚀 Kowalska" -> "Anna Kowalska". For names and other short labels.
std::string drawable_text(std::string_view utf8);

}  // namespace rekindle::app
