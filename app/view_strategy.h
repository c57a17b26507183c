#pragma once
// The Strategy screen: the user's goals (add, edit, make current, archive), and for the
// current goal the people who could help and those the user has nothing to offer yet, each
// one click (or Enter) from their details. Lists are bounded ("and 40 more"), so the screen
// reads the same few rows at 100,000 contacts. Owner: triage.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/theme.h"
#include "app/ui_buttons.h"
#include "core/rekindle.h"
#include "platform/input.h"

namespace rekindle::app {

enum class StrategyState {
  kError,    // the store could not be read
  kNoGoals,  // explain, and offer to write the first goal
  kGoals,    // the current goal with its people, then the others
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

// One person in a list of the current goal.
struct StrategyPerson {
  int64_t id = 0;
  std::string name;
  std::string role;  // "Title at Company"
  std::string relevance, can_help, offer;
};

struct StrategyModel {
  std::vector<GoalRow> goals;
  std::vector<StrategyPerson> relevant, without_offer;  // the first few of each
  int64_t relevant_total = 0, without_offer_total = 0;
  core::SortProgress sort;  // for the way back into "Sort your network"
  // The goal editor: open for a new goal (editing_id 0) or one goal.
  bool editing = false;
  int64_t editing_id = 0;
  std::string edit_text, edit_target;
  int64_t confirm_archive = 0;  // the goal whose Archive was pressed once: press again to confirm
  int selected = -1;            // keyboard selection over the people rows (relevant, then no offer)
  std::string notice;           // a refused action, in words
  std::string error;
};

// What one frame of the screen did.
struct StrategyFrame {
  StrategyState state = StrategyState::kNoGoals;
  std::optional<int64_t> open_contact;  // a person row was clicked (or Enter): the shell opens details
  bool open_sort = false;               // "Sort your network" was chosen
  ClickTargets targets;                 // where the buttons and rows were drawn
};

// How many people each list of the current goal shows before "and N more".
inline constexpr int kStrategyListLimit = 8;

// Stores a goal as typed: edits goal_id's text and target, or adds a new goal when goal_id is
// 0 (trimmed). Shared by Strategy's goal editor and the first step of Sort your network.
core::Result<core::Goal> save_goal_text(core::Rekindle& api, int64_t goal_id, const std::string& text,
                                        const std::string& target);

// Reads the goals (not archived), the current goal's people and the triage's progress.
StrategyModel load_strategy(core::Rekindle& api);
// Handles this frame's keys (Up/Down choose a person, Enter opens them), draws the screen and
// runs goal changes through the core API.
StrategyFrame draw_strategy(StrategyModel& model, const Theme& theme, core::Rekindle& api,
                            const platform::InputEvents& events);

}  // namespace rekindle::app
