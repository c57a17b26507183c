#include "core/display_text.h"

#include "core/text_encoding.h"

namespace rekindle::core {

char32_t next_code_point(std::string_view utf8, size_t& i) {
  const auto byte = [&](size_t at) { return static_cast<unsigned char>(utf8[at]); };
  const unsigned char lead = byte(i);
  int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > utf8.size()) {
    ++i;
    return length == 1 ? lead : U'\uFFFD';
  }
  char32_t code = length == 1 ? lead : lead & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return U'\uFFFD';
    }
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return code;
}

std::string keep_characters(std::string_view utf8, const std::function<bool(char32_t)>& keep) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  for (size_t i = 0; i < utf8.size();) {
    const size_t start = i;
    const char32_t c = next_code_point(utf8, i);
    if (c == U' ') {
      pending_space = true;
      continue;
    }
    if (!keep(c)) continue;
    // One space between kept words, none at the start of a line.
    if (pending_space && !out.empty() && out.back() != '\n' && c != U'\n') out += ' ';
    pending_space = false;
    if (c == U'\uFFFD' && utf8.substr(start, i - start) != "\xEF\xBF\xBD")
      append_utf8(out, c);  // a malformed byte: write a well-formed replacement
    else
      out.append(utf8.substr(start, i - start));
  }
  return out;
}

}  // namespace rekindle::core
