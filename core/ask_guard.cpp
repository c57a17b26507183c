#include "core/ask_guard.h"

#include <vector>

namespace rekindle::core {
namespace {

// Phrases that ask for a job, a referral, a recommendation or an introduction to someone who
// hires. Whole words only, so "I referred a colleague" does not match "refer". Keep the list
// specific: "job" alone would also catch "congratulations on the new job".
constexpr std::string_view kAskPhrases[] = {
    "refer me", "referral", "referrals", "refer my", "a reference for me", "be a reference", "be my reference",
    "recommend me", "recommendation letter", "letter of recommendation", "write me a recommendation",
    "a recommendation for me", "linkedin recommendation", "endorse me", "vouch for me",
    "introduce me", "intro to the hiring", "introduction to the hiring", "hiring manager", "hiring managers",
    "connect me with", "put me in touch", "put in a good word", "a good word for me",
    "job opening", "job openings", "any openings", "open positions", "open position", "open roles",
    "any roles", "any vacancies", "vacancy", "vacancies", "are you hiring", "is your team hiring",
    "is your company hiring", "hire me", "looking for a job", "looking for work", "looking for a new job",
    "looking for a new role", "looking for new opportunities", "job search", "find a job", "get a job",
    "help me find", "my resume", "my cv", "my résumé", "pass my", "pass along my", "pass on my", "forward my",
    "get me an interview", "land an interview", "an interview at", "foot in the door", "any leads",
};

// Lower-cases ASCII and splits into words (letters, digits, apostrophes and any non-ASCII
// byte, so accented words stay whole).
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (unsigned char ch : text) {
    const bool word_char = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                           ch == '\'' || ch >= 0x80;
    if (word_char) {
      current += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

}  // namespace

std::optional<std::string> find_transactional_ask(std::string_view text) {
  const std::vector<std::string> words = words_of(text);
  std::optional<std::string> best;
  size_t best_at = words.size();
  for (std::string_view phrase : kAskPhrases) {
    const std::vector<std::string> needle = words_of(phrase);
    if (needle.empty() || needle.size() > words.size()) continue;
    for (size_t i = 0; i + needle.size() <= words.size() && i < best_at; ++i) {
      bool match = true;
      for (size_t k = 0; k < needle.size() && match; ++k) match = words[i + k] == needle[k];
      if (match) {
        best = std::string(phrase);
        best_at = i;
        break;
      }
    }
  }
  return best;
}

}  // namespace rekindle::core
