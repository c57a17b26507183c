#pragma once
// The Contacts screen: the whole network searchable and sortable at 100,000 people, rows
// opened with a click, and several picked at once (Ctrl/Shift-click, Ctrl+A) for a tag,
// archive or cadence, each one core call and one transaction, with undo. Owner: details.
//
// Memory and time: the list holds core's compact ContactIndex (no full records), searches and
// sorts it only when the search text, the sort or the data change, and draws only the rows
// on screen (ImGuiListClipper).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/theme.h"
#include "core/contact_list.h"
#include "core/date.h"
#include "core/rekindle.h"
#include "platform/input.h"

namespace rekindle::app {

enum class ContactsState {
  kError,      // the store could not be read
  kEmpty,      // no contacts at all
  kList,       // rows shown
  kNoMatches,  // contacts exist but none matches the search
};

enum class BulkPanel { kNone, kTag, kCadence };

struct ContactsModel {
  std::string search;  // edited by the view's search field
  core::ContactSort sort = core::ContactSort::name;
  core::ContactIndex index;     // every contact, compact
  std::vector<uint32_t> rows;   // positions in index.entries() matching search, in sort order
  std::vector<uint8_t> selected;  // per index entry
  int64_t selected_count = 0;
  std::optional<size_t> anchor;  // the row a Shift-click selects from
  int64_t total = 0;             // contacts in the store, whatever the search
  std::string error;
  std::string notice;  // what the last bulk action did, or why it failed
  bool focus_search = false;  // put the keyboard in the search field on the next frame
  BulkPanel panel = BulkPanel::kNone;
  std::string bulk_tag;
  int bulk_cadence = 30;
  std::optional<core::BulkUndo> last_bulk;  // what Undo takes back
  std::string last_bulk_label;
};

struct ContactsFrame {
  ContactsState state = ContactsState::kEmpty;
  bool search_edited = false;      // the rows were searched again this frame
  std::optional<int64_t> open;     // a row was clicked: the shell opens its details
  int rows_submitted = 0;          // rows laid out this frame (the clipper's work)
  float first_row_top = 0;         // screen y of the list's first row (tests click rows by it)
  bool bulk_done = false;          // a bulk action or its undo was stored this frame
};

// Reads the compact index of every contact with warmth on day, and searches it.
void load_contacts(core::Rekindle& api, core::Day day, ContactsModel& model);
// Searches and sorts the loaded index again (the search text or the sort changed).
void requery_contacts(ContactsModel& model);
// The entry shown in row i.
const core::ContactListEntry& contact_at(const ContactsModel& model, size_t i);
// "Title · Company", whichever are known.
std::string contact_detail_line(const core::ContactListEntry& entry);
// The contacts picked, by id.
std::vector<int64_t> selected_ids(const ContactsModel& model);
// Picks every row shown (Ctrl+A), or none.
void select_all(ContactsModel& model, bool on);
// A click on row i with the modifiers held: Ctrl toggles it, Shift picks the range from the
// anchor; a plain click returns true (open the row) and clears the selection.
bool click_row(ContactsModel& model, size_t i, bool ctrl, bool shift);
// Applies a bulk change to the picked contacts (one call, one transaction) and reloads.
bool apply_bulk(ContactsModel& model, core::Rekindle& api, core::Day day, const core::BulkEdit& edit,
                const std::string& label);
// Takes back the last bulk change.
bool undo_bulk(ContactsModel& model, core::Rekindle& api, core::Day day);

// Draws the screen into the current window; keys: Ctrl+A picks all, Esc clears, Ctrl+Z undoes.
ContactsFrame draw_contacts(ContactsModel& model, const Theme& theme, core::Rekindle& api, core::Day day,
                            const platform::InputEvents& events);

}  // namespace rekindle::app
