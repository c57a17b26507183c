#pragma once
// The Compose screen, reached by swiping a card right. Until the composer lands (its own
// issue) it shows what will appear here rather than a blank page.
#include <string>

#include "app/theme.h"

namespace rekindle::app {

enum class ComposeState {
  kPlaceholder,  // no composer yet
};

struct ComposeModel {
  std::string contact_name;  // who the message is for; empty when opened without a card
};

// Draws the screen into the current window; returns the state it drew.
ComposeState draw_compose(const ComposeModel& model, const Theme& theme);

}  // namespace rekindle::app
