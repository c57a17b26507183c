#pragma once
// "Sort your network": the first-run triage. The user answers one question per person (how
// close are you?) and may mark who could help with the current goal; each answer sets the
// tier through the normal edit path, so the schedule follows. Answers are stored with the
// state they replaced, so the triage resumes where it stopped and undo restores exactly.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/decision.h"

namespace rekindle::core {

// The four answers of the triage deck, in the order of their keys 1-4.
enum class SortAnswer { close, keep_in_touch, acquaintance, unknown };
inline constexpr int kSortAnswerCount = 4;

// "close", "keep", "acquaintance", "unknown": the stored name of an answer.
std::string_view sort_answer_name(SortAnswer answer);
std::optional<SortAnswer> sort_answer_from_name(std::string_view name);
// The tier an answer gives (MODEL.md's layers): close -> close (15), keep in touch -> regular
// (50), acquaintance -> wider (150), don't know -> dormant (left in the dormant pool).
const char* sort_answer_tier(SortAnswer answer);

// One answer as the user gave it.
struct SortChoice {
  SortAnswer answer = SortAnswer::unknown;
  bool could_help = false;  // relevance "high" for the current goal (needs one)
  std::string offer;        // what I could offer them, for the current goal; empty: unchanged
};

// How far the triage has come.
struct SortProgress {
  int64_t total = 0;    // contacts not archived
  int64_t sorted = 0;   // of those, answered
  int64_t untiered = 0;  // of those, not answered and still without a tier (as imported)
  bool skipped = false;  // the user chose "skip for now" (setting kSortSkippedSetting)
  bool has_goal = false;  // a current goal exists
  int64_t left() const { return total > sorted ? total - sorted : 0; }
};

// One stored answer with what it replaced.
struct SortAnswerRow {
  int64_t contact_id = 0;
  int64_t seq = 0;  // answer order: undo takes the highest
  SortAnswer answer = SortAnswer::unknown;
  Day day;
  std::string before_tier;
  std::optional<Day> before_listed;  // the contact's listed_since before the answer
  SchedulingFields before_schedule;
  std::optional<int64_t> goal_id;  // the goal whose link the answer changed, if any
  bool before_link = false;        // that link existed before
  std::string before_relevance, before_can_help, before_offer;
};

// Settings the first run reads and writes.
inline constexpr const char* kSortSkippedSetting = "sort_skipped";  // "1": not now
inline constexpr const char* kDefaultOfferSetting = "default_offer";  // "What can I offer?" answer

}  // namespace rekindle::core
