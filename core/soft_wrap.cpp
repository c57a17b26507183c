#include "core/soft_wrap.h"

#include <vector>

namespace rekindle::core {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Length of the UTF-8 character at s[i].
size_t char_length(std::string_view s, size_t i) {
  size_t n = 1;
  while (i + n < s.size() && continuation(s[i + n])) ++n;
  return n;
}

}  // namespace

WrappedText soft_wrap(std::string_view text, size_t cursor, float max_width,
                      const std::function<float(std::string_view)>& width) {
  WrappedText out;
  out.cursor = std::string::npos;
  // Where each piece of the input lands in the output, to carry the cursor across.
  const auto copy = [&](size_t from, size_t to) {
    if (out.cursor == std::string::npos && cursor >= from && cursor < to) out.cursor = out.text.size() + cursor - from;
    out.text.append(text.substr(from, to - from));
  };
  size_t line_start = 0;
  while (line_start <= text.size()) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    size_t row = line_start;  // start of the row being filled
    while (width(text.substr(row, line_end - row)) > max_width) {
      // The last space whose text before it still fits.
      size_t cut = std::string_view::npos;
      for (size_t at = text.find(' ', row + 1); at != std::string_view::npos && at < line_end;
           at = text.find(' ', at + 1)) {
        if (width(text.substr(row, at - row)) > max_width) break;
        cut = at;
      }
      if (cut != std::string_view::npos) {
        copy(row, cut);
        if (out.cursor == std::string::npos && cursor == cut) out.cursor = out.text.size();
        out.text.append(kSoftBreakAtSpace);
        row = cut + 1;
        continue;
      }
      // One word wider than the line: as many characters as fit (at least one).
      size_t end = row + char_length(text, row);
      while (end < line_end) {
        const size_t next = end + char_length(text, end);
        if (width(text.substr(row, next - row)) > max_width) break;
        end = next;
      }
      if (end >= line_end) break;
      copy(row, end);
      out.text.append(kSoftBreakInWord);
      row = end;
    }
    copy(row, line_end);
    if (line_end >= text.size()) break;
    copy(line_end, line_end + 1);  // the user's own '\n'
    line_start = line_end + 1;
  }
  if (out.cursor == std::string::npos) out.cursor = out.text.size();
  return out;
}

WrappedText soft_unwrap(std::string_view wrapped, size_t cursor) {
  WrappedText out;
  out.cursor = std::string::npos;
  for (size_t i = 0; i < wrapped.size();) {
    const bool at_space = wrapped.substr(i, kSoftBreakAtSpace.size()) == kSoftBreakAtSpace;
    const bool in_word = !at_space && wrapped.substr(i, kSoftBreakInWord.size()) == kSoftBreakInWord;
    if (at_space || in_word) {
      const size_t length = kSoftBreakAtSpace.size();
      if (out.cursor == std::string::npos && cursor >= i && cursor < i + length)
        out.cursor = out.text.size() + (at_space && cursor == i + length - 1 ? 1 : 0);
      if (at_space) out.text += ' ';
      i += length;
      continue;
    }
    if (out.cursor == std::string::npos && cursor == i) out.cursor = out.text.size();
    out.text += wrapped[i];
    ++i;
  }
  if (out.cursor == std::string::npos) out.cursor = out.text.size();
  return out;
}

}  // namespace rekindle::core
