#pragma once
// The transactional guard: after a long silence, the first message must not ask for a favour.
#include <optional>
#include <string>
#include <string_view>

namespace rekindle::core {

// A contact silent for longer than this has a "long silence" (about 6 months).
inline constexpr int kLongSilenceDays = 183;

// The first phrase of the maintained ask list found in text (whole words, case-insensitive),
// e.g. "refer me" in "Could you refer me?"; nullopt when the text asks for nothing.
std::optional<std::string> find_transactional_ask(std::string_view text);

}  // namespace rekindle::core
