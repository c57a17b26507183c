// Soft line breaks for the composer's editor: wrapped where lines get too wide, and always
// the user's own text again when unwrapped, with the cursor carried across.
#include <catch2/catch.hpp>

#include "core/soft_wrap.h"

using rekindle::core::kSoftBreakAtSpace;
using rekindle::core::kSoftBreakInWord;
using rekindle::core::soft_unwrap;
using rekindle::core::soft_wrap;

namespace {

// One unit per byte: easy widths to reason about.
float bytes(std::string_view s) { return static_cast<float>(s.size()); }

std::string with(std::string_view a, std::string_view b, std::string_view c) {
  return std::string(a) + std::string(b) + std::string(c);
}

}  // namespace

TEST_CASE("soft_wrap breaks at the last space that fits and keeps the user's line breaks", "[compose]") {
  CHECK(soft_wrap("hello world", 0, 20, bytes).text == "hello world");
  CHECK(soft_wrap("hello world", 0, 8, bytes).text == with("hello", kSoftBreakAtSpace, "world"));
  CHECK(soft_wrap("aa bb cc dd", 0, 5, bytes).text ==
        with(with("aa bb", kSoftBreakAtSpace, "cc dd"), "", ""));
  CHECK(soft_wrap("one\n\ntwo three", 0, 5, bytes).text == with("one\n\ntwo", kSoftBreakAtSpace, "three"));
  // A word wider than the line is cut inside, with the other marker.
  CHECK(soft_wrap("abcdefgh", 0, 3, bytes).text ==
        with(with("abc", kSoftBreakInWord, "def"), kSoftBreakInWord, "gh"));
  // UTF-8 characters are never split.
  CHECK(soft_wrap("\xC3\xA9\xC3\xA9\xC3\xA9", 0, 4, bytes).text == with("\xC3\xA9\xC3\xA9", kSoftBreakInWord, "\xC3\xA9"));
}

TEST_CASE("soft_unwrap gives back the text, whatever the width", "[compose]") {
  const std::string text = "Hi Ada,\n\nIt has been a while since Lisbon. Supercalifragilistic words too.\n";
  for (float width : {4.0f, 7.0f, 12.0f, 30.0f, 500.0f}) {
    const auto wrapped = soft_wrap(text, 0, width, bytes);
    CHECK(soft_unwrap(wrapped.text, 0).text == text);
    // Every row fits (rows end at '\n'; a marker's invisible character counts for nothing).
    size_t start = 0;
    while (start <= wrapped.text.size()) {
      size_t end = wrapped.text.find('\n', start);
      if (end == std::string::npos) end = wrapped.text.size();
      std::string row = wrapped.text.substr(start, end - start);
      for (auto marker : {kSoftBreakAtSpace, kSoftBreakInWord})
        if (row.size() >= 3 && row.compare(row.size() - 3, 3, marker.substr(0, 3)) == 0) row.resize(row.size() - 3);
      CHECK(static_cast<float>(row.size()) <= std::max(width, 1.0f));
      start = end + 1;
    }
  }
}

TEST_CASE("the cursor stays before the same character through wrap and unwrap", "[compose]") {
  const std::string text = "hello world again";
  for (size_t cursor = 0; cursor <= text.size(); ++cursor) {
    const auto wrapped = soft_wrap(text, cursor, 8, bytes);
    const auto back = soft_unwrap(wrapped.text, wrapped.cursor);
    INFO("cursor " << cursor);
    CHECK(back.cursor == cursor);
  }
  // Typing at the end of a full row moves the word down and the cursor with it.
  const auto typed = soft_wrap("hello worlds", 12, 8, bytes);
  CHECK(typed.text == with("hello", kSoftBreakAtSpace, "worlds"));
  CHECK(typed.cursor == typed.text.size());
}
