#pragma once
// The contact details screen: every field editable (saved when the field is left, each save
// one core call with an undo), the interaction timeline with add / edit / delete, un-archive,
// and a side-by-side merge with a duplicate. Owner: details.
#include <cstdint>
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/theme.h"
#include "core/contact_list.h"
#include "core/date.h"
#include "core/rekindle.h"
#include "platform/input.h"

namespace rekindle::app {

enum class DetailsState {
  kError,    // the store could not be read
  kNone,     // no contact to show
  kShown,
  kMerging,  // the merge panel is open
};

// One change the user made, and the core call that puts the previous value back.
struct DetailsUndo {
  std::string label;  // "Company", "Touch deleted": what the Undo button says it undoes
  std::function<core::Status(core::Rekindle&, core::Day)> apply;
};

// The touch being written or changed in the timeline.
struct TouchForm {
  core::Interaction touch;  // id 0: a new one
  std::string date;         // as typed, YYYY-MM-DD
};

struct DetailsModel {
  int64_t contact_id = 0;  // the contact shown, 0: the first of today's deck (or of the list)
  std::optional<core::ContactDetail> detail;  // as stored
  std::optional<core::Goal> goal;             // the current goal, if any
  core::Contact edit;                         // the fields as the widgets edit them
  core::GoalLink link;                        // for the current goal, as edited
  std::string tags;                           // "a, b, c" as edited
  std::vector<DetailsUndo> undo;              // newest last
  std::string notice;                         // the last save's error or "Undone: ..."
  std::string error;
  std::optional<TouchForm> touch_form;
  std::optional<int64_t> confirm_delete;  // the touch whose deletion is being confirmed

  // Merge: the other contact, found by search, and per single-valued field which one to keep.
  bool merging = false;
  std::string merge_search;
  std::optional<core::ContactIndex> merge_index;  // read once when the panel opens
  std::vector<uint32_t> merge_matches;
  std::optional<core::Contact> merge_other;
  std::vector<bool> take_other;  // per core::kMergeFields
  bool confirm_merge = false;

  // Where each labelled field and button was drawn in the last frame (min x, min y, max x,
  // max y), by its label: headless tests click and type into them as a user would.
  std::map<std::string, std::array<float, 4>> rects;
};

// What one frame of the screen did.
struct DetailsFrame {
  DetailsState state = DetailsState::kShown;
  bool back = false;    // Back or Esc: the shell returns to where details was opened from
  bool saved = false;   // a change was stored this frame
  bool merged = false;  // the other contact was merged into this one
};

// Reads the contact (model.contact_id, or the first of today's deck, else of the list).
void load_details(core::Rekindle& api, core::Day today, DetailsModel& model);
// Draws the screen into the current window; every change goes through api at once.
DetailsFrame draw_details(DetailsModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                          const platform::InputEvents& events);
// Undoes the newest change of the screen through the API (Ctrl+Z or the Undo button).
bool undo_details(DetailsModel& model, core::Rekindle& api, core::Day today);

// "a, b ,c,, a" -> {"a", "b", "c"}: trimmed, empty and repeated tags dropped.
std::vector<std::string> split_tags(const std::string& text);

}  // namespace rekindle::app
