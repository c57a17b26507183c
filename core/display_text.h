#pragma once
// Text prepared for display: characters a screen cannot draw taken out cleanly.
#include <functional>
#include <string>
#include <string_view>

namespace rekindle::core {

// Decodes the code point that starts at utf8[i] and moves i past it; a malformed byte gives
// U+FFFD and moves one byte.
char32_t next_code_point(std::string_view utf8, size_t& i);

// utf8 without the characters keep() refuses, and without the spaces that leaves doubled or
// at either end: "Anna 🚀 Kowalska" -> "Anna Kowalska". Line breaks are kept.
std::string keep_characters(std::string_view utf8, const std::function<bool(char32_t)>& keep);

}  // namespace rekindle::core
