#pragma once
// The Contacts screen: a searchable list with each person's company and warmth.
#include <cstdint>
#include <string>
#include <vector>

#include "app/theme.h"
#include "core/date.h"
#include "core/rekindle.h"

namespace rekindle::app {

enum class ContactsState {
  kError,      // the store could not be read
  kEmpty,      // no contacts at all
  kList,       // rows shown
  kNoMatches,  // contacts exist but none matches the search
};

struct ContactRow {
  int64_t id = 0;
  std::string name;
  std::string detail;  // "Title · Company", whichever are known
  float warmth = 0;    // 0..1, from core's model
  bool starred = false;
  bool archived = false;
};

struct ContactsModel {
  std::string search;  // edited by the view's search field
  std::vector<ContactRow> rows;
  int64_t total = 0;  // contacts in the store, whatever the search
  std::string error;
  bool focus_search = false;  // put the keyboard in the search field on the next frame
};

struct ContactsFrame {
  ContactsState state = ContactsState::kEmpty;
  bool search_edited = false;  // the caller reloads rows for the new search text
};

// Loads the rows matching model.search (Store::contacts' matching) with warmth on day.
void load_contacts(core::Rekindle& api, core::Day day, ContactsModel& model);
// Draws the screen into the current window.
ContactsFrame draw_contacts(ContactsModel& model, const Theme& theme);

}  // namespace rekindle::app
