#pragma once
// The contacts list at network scale and the details screen's bulk and merge choices.
// A ContactIndex holds one compact entry per contact (no lists, notes or photo) so search and
// sort run over memory the size of a phone book, and are redone only when the search text,
// the sort or the data change, never per frame. Owner: details.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/contact.h"
#include "core/date.h"

namespace rekindle::core {

// One contact as the list shows and searches it.
struct ContactListEntry {
  int64_t id = 0;
  std::string name;
  std::string company, title;
  std::string haystack;  // lower-case name, company, title, e-mails, phones and tags, for search
  double warmth = 0;     // the same W as ContactRow and the card
  std::optional<Day> due;
  std::optional<Day> last_touch;
  bool starred = false;
  bool archived = false;
};

enum class ContactSort { name, warmth, due, last_touch };
inline constexpr const char* kContactSortNames[] = {"Name", "Warmth", "Due", "Last touch"};

// ASCII lower-case (other bytes kept): what search compares.
std::string search_folded(std::string_view text);

class ContactIndex {
 public:
  ContactIndex() = default;
  explicit ContactIndex(std::vector<ContactListEntry> entries) : entries_(std::move(entries)) {}
  const std::vector<ContactListEntry>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }
  // Positions in entries() of the contacts matching every word of `search` (case-insensitive
  // substring of the haystack), in `sort` order: name A-Z; warmth coldest first (who needs a
  // touch); due soonest first (no due day last); last touch oldest first (never last). Ties by
  // name, then id, so the order is stable.
  std::vector<uint32_t> query(std::string_view search, ContactSort sort) const;
  // The position of a contact, or nullopt.
  std::optional<uint32_t> find(int64_t id) const;

 private:
  std::vector<ContactListEntry> entries_;  // by id
};

// A change applied to many contacts at once (the list's multi-select): one transaction.
struct BulkEdit {
  std::optional<std::string> add_tag;  // added where missing (trimmed, not empty)
  std::optional<bool> archived;        // archive or un-archive
  std::optional<int> cadence_days;     // > 0 sets, 0 clears a hand-set cadence
};

// What a bulk edit changed, per contact, so undo_bulk puts back exactly that.
struct BulkUndo {
  struct Before {
    int64_t id = 0;
    bool had_tag = false;
    bool archived = false;
    std::optional<int> cadence_days;
  };
  BulkEdit edit;
  std::vector<Before> before;
};

// A merge's choices for the single-valued fields, by name (from kMergeFields): from_duplicate
// takes the duplicate's value, from_kept keeps the kept contact's (even an empty one). A field
// in neither follows merge_contacts' rule (the kept value, else the duplicate's; the closer
// tier). Lists, notes and history are always united.
struct MergeChoices {
  std::vector<std::string> from_duplicate;
  std::vector<std::string> from_kept;
};

// The single-valued fields a merge lets the user choose, with their labels.
struct MergeField {
  const char* name;
  const char* label;
};
inline constexpr MergeField kMergeFields[] = {
    {"name", "Display name"}, {"name_prefix", "Prefix"},       {"given_name", "Given name"},
    {"middle_name", "Middle name"}, {"family_name", "Family name"}, {"name_suffix", "Suffix"},
    {"nickname", "Nickname"}, {"company", "Company"},         {"department", "Department"},
    {"title", "Title"},       {"birthday", "Birthday"},       {"anniversary", "Anniversary"},
    {"topic", "Topic"},       {"tier", "Tier"},               {"cadence", "Cadence"},
};
// A field's value as the merge shows it ("" when empty; the cadence as "30 days").
std::string merge_field_value(const Contact& contact, std::string_view field);
// Copies one field from `from` into `into`; false for an unknown field name.
bool copy_merge_field(Contact& into, const Contact& from, std::string_view field);

}  // namespace rekindle::core
