#pragma once
// Soft line breaks for a plain multi-line text field that cannot wrap by itself (ImGui 1.86):
// the field holds the text with breaks inserted where lines get too wide, each break marked
// by an invisible character so that it can be told from the user's own line breaks and taken
// out again. The user's text is always unwrap(wrap(text)).
#include <functional>
#include <string>
#include <string_view>

namespace rekindle::core {

// A soft break that stands for a space: U+200B ZERO WIDTH SPACE, then '\n'.
inline constexpr std::string_view kSoftBreakAtSpace = "\xE2\x80\x8B\n";
// A soft break inside a word too long for a line: U+200C ZERO WIDTH NON-JOINER, then '\n'.
inline constexpr std::string_view kSoftBreakInWord = "\xE2\x80\x8C\n";

struct WrappedText {
  std::string text;
  size_t cursor = 0;  // the given cursor's byte position in text
};

// Breaks each line of text (no soft breaks in it) so that width(line) <= max_width, at the
// last space that fits (the space becomes kSoftBreakAtSpace), or inside a word that alone is
// too wide. cursor is a byte offset in text; it comes back as an offset in the result.
WrappedText soft_wrap(std::string_view text, size_t cursor, float max_width,
                      const std::function<float(std::string_view)>& width);

// The user's text back: soft breaks removed (kSoftBreakAtSpace becomes the space again), and
// the cursor moved with it (a cursor inside a break lands where the break was).
WrappedText soft_unwrap(std::string_view wrapped, size_t cursor);

}  // namespace rekindle::core
