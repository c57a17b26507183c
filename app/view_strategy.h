#pragma once
// The Strategy screen: the user's goals, and for each how many contacts could help and how
// many of those still lack something the user can offer them.
#include <cstdint>
#include <string>
#include <vector>

#include "app/theme.h"
#include "core/rekindle.h"

namespace rekindle::app {

enum class StrategyState {
  kError,    // the store could not be read
  kNoGoals,  // explain how to add one
  kGoals,    // one card per goal
};

struct GoalRow {
  int64_t id = 0;
  std::string text;
  std::string target;    // target role or industry
  std::string deadline;  // YYYY-MM-DD or empty
  bool current = false;
  int relevant_contacts = 0;  // linked with relevance some or high
  int without_offer = 0;      // of those, how many have no "what I can offer" yet
};

struct StrategyModel {
  std::vector<GoalRow> goals;
  std::string error;
};

// Reads the goals (not archived) and their contact links.
StrategyModel load_strategy(core::Rekindle& api);
// Draws the screen into the current window; returns the state it drew.
StrategyState draw_strategy(const StrategyModel& model, const Theme& theme);

}  // namespace rekindle::app
