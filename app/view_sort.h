#pragma once
// The first-run "Sort your network" screen. Step 1, the goal: the method's three questions
// (where am I going, who could help me get there, what can I offer). Step 2, a fast triage
// deck over the imported people, one key or click each: close / keep in touch / acquaintance
// / don't know, "could help with my goal", and what I could offer them. Every answer is one
// core call (Rekindle::sort_contact), committed before the next person shows; the triage
// pages through the network and resumes where it stopped. Owner: triage.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/theme.h"
#include "app/ui_buttons.h"
#include "core/date.h"
#include "core/gesture.h"
#include "core/rekindle.h"
#include "platform/input.h"

namespace rekindle::app {

enum class SortState {
  kError,   // the store could not be read
  kGoal,    // step 1: the three questions
  kTriage,  // step 2: one person at a time
  kDone,    // everyone is sorted
};

struct SortModel {
  SortState state = SortState::kGoal;
  core::SortProgress progress;
  // Step 1: the current goal (0: none yet) and the answers as typed.
  int64_t goal_id = 0;
  std::string goal_text, goal_target, default_offer;
  // Step 2: one page of people not yet sorted, and the answers being built for the one on show.
  std::vector<core::SortCandidate> queue;
  size_t pos = 0;
  bool could_help = false;
  std::string offer;
  // Swipes on the person's card: a mouse drag or a two-finger touchpad swipe answers as the
  // Today deck's gestures do (right close, up keep in touch, down acquaintance, left don't know).
  core::DragTracker drag;
  core::ScrollRecognizer scroll = core::ScrollRecognizer(core::ScrollTuning{});
  std::string last;    // "Ada Lovelace: keep in touch", for the line under the buttons
  std::string notice;  // a refused action, in words
  std::string error;
};

// What one frame of the screen did.
struct SortFrame {
  SortState state = SortState::kGoal;
  std::optional<core::SortAnswer> answered;  // an answer was stored this frame
  bool undone = false;                        // the latest answer was taken back
  bool goal_saved = false;                    // step 1 stored the goal
  bool leave = false;                         // "skip for now" / "see today's deck": the shell shows Today
  int64_t person = 0;                         // the person on show after this frame (0: none)
  ClickTargets targets;                       // where the buttons were drawn
};

// The answer a swipe gives in the triage deck: right close, up keep in touch, down
// acquaintance, left don't know; nullopt for a decision that is no gesture.
std::optional<core::SortAnswer> answer_for_swipe(core::Direction direction);

// Reads what the screen shows: progress, the goal, the first page of people.
void load_sort(core::Rekindle& api, core::Day today, SortModel& model);
// Handles this frame's keys, draws the screen into the current window.
SortFrame draw_sort(SortModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                    const platform::InputEvents& events);

// "48 of 312 sorted".
std::string sort_progress_text(const core::SortProgress& progress);
// Whether Today leads to the triage: not skipped, people left to sort, and either a triage
// begun and not finished, or a first import (people without a tier) and no goal yet.
bool sort_invitation_due(const core::SortProgress& progress);
enum class SortInvitation { kNone, kStart, kLater };
// Today's first-run card: how many people wait, Start (or Continue) and Not now.
SortInvitation draw_sort_invitation(const core::SortProgress& progress, const Theme& theme);

}  // namespace rekindle::app
