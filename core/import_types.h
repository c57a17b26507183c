#pragma once
// What every contact-file parser produces, before records are merged into the store.
#include <functional>
#include <string>
#include <vector>

#include "core/contact.h"
#include "core/decision.h"

namespace rekindle::core {

// A goal link read from a file: goals are matched by text because file ids mean nothing
// in another database (link.goal_id and link.contact_id are left 0).
struct ParsedGoalLink {
  std::string goal_text;
  GoalLink link;
};

// One contact read from a file, with the 1-based line where its record starts.
// interactions, goal_links and decisions come only from our own exports (X-REKINDLE-*); their
// ids are 0.
struct ParsedRecord {
  Contact contact;
  int line = 0;
  std::vector<Interaction> interactions;
  std::vector<ParsedGoalLink> goal_links;
  std::vector<DayDecision> decisions;
};

// A record that could not be read, and why (one line, for the user).
struct SkippedRecord {
  int line = 0;
  std::string reason;
};

// Something read but not kept where the user might expect it, or left out with a reason, while
// the record itself was imported: "line 12: the photo is not valid base64; left out". One
// line, for the user; line is 0 when it concerns the whole file (CSV columns kept as notes).
struct ImportNote {
  int line = 0;
  std::string text;
};

struct ParseOutput {
  std::string format;  // "vcard", "linkedin", "google", "outlook", "thunderbird"
  std::vector<ParsedRecord> records;
  std::vector<SkippedRecord> skipped;
  std::vector<ImportNote> notes;  // nothing is lost silently: see ImportNote
};

// Progress of a long parse or import: done out of total (bytes or records).
// Returning false cancels the work; nothing is stored.
using ProgressFn = std::function<bool(size_t done, size_t total)>;

}  // namespace rekindle::core
