#pragma once
// The Stats screen: core's insight figures drawn as charts (network health, reach-outs per
// week, the due forecast, give/ask balance, streak).
#include <string>

#include "app/theme.h"
#include "core/date.h"
#include "core/rekindle.h"
#include "core/stats.h"

namespace rekindle::app {

enum class StatsState {
  kError,    // the store could not be read
  kEmpty,    // no contacts yet
  kFigures,  // the figures
};

struct StatsModel {
  core::NetworkStats figures;
  std::string error;
};

// Reads the figures for day (core::compute_stats).
StatsModel load_stats(core::Rekindle& api, core::Day day);
// Draws the screen into the current window; returns the state it drew.
StatsState draw_stats(const StatsModel& model, const Theme& theme);

}  // namespace rekindle::app
