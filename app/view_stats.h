#pragma once
// The Stats screen: plain counts of what the store holds, and the give/ask balance.
#include <cstdint>
#include <string>

#include "app/theme.h"
#include "core/store.h"

namespace rekindle::app {

enum class StatsState {
  kError,    // the store could not be read
  kEmpty,    // no contacts yet
  kFigures,  // the figures
};

struct StatsModel {
  int64_t contacts = 0, starred = 0;
  int64_t touchpoints = 0, gives = 0, asks = 0;
  int64_t goals = 0;
  std::string error;
};

// Counts what the store holds.
StatsModel load_stats(core::Store& store);
// Draws the screen into the current window; returns the state it drew.
StatsState draw_stats(const StatsModel& model, const Theme& theme);

}  // namespace rekindle::app
