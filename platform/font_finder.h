#pragma once
// Finding an installed font for a character the embedded fonts lack (CJK, symbols), through
// fontconfig. fontconfig is opened at run time (dlopen), so the program still runs on a
// machine without it, only without those characters.
#include <optional>
#include <string>

namespace rekindle::platform {

// One face in a font file (.ttc/.otc collections hold several; index picks one).
struct FontFace {
  std::string path;
  int index = 0;
};

// A scalable, single-colour TrueType/OpenType face installed on this system that has a glyph
// for code_point, preferring sans-serif faces; nullopt when fontconfig is missing, finds
// nothing, or REKINDLE_NO_SYSTEM_FONTS is set (tests: a machine without fallback fonts).
// Colour-bitmap fonts (emoji) are passed over: stb_truetype cannot draw them. A few
// milliseconds: callers cache the answer per character.
std::optional<FontFace> find_font_with(char32_t code_point);

}  // namespace rekindle::platform
