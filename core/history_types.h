#pragma once
// What the readers of the user's own history files (mailboxes, LinkedIn messages, calendars)
// produce, before the items are matched to contacts and stored as touches (history_import.h).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/import_types.h"

namespace rekindle::core {

// One person in a message or meeting: an e-mail address or a LinkedIn profile URL (as
// written; history_import normalises it), and the name shown beside it.
struct HistoryParty {
  std::string address;
  std::string name;
};

// One message or meeting. Bodies are never read into it.
struct HistoryItem {
  std::string external_id;  // Message-ID, event UID + start, LinkedIn conversation + date
  std::string channel;      // "email", "linkedin" or "meeting"
  Day day;                  // the day as written in its own time zone
  int64_t seconds = 0;      // seconds since 1970 (UTC when the zone is known): order only
  HistoryParty from;        // sender, or a meeting's organizer (may be empty)
  std::vector<HistoryParty> to;  // recipients (To and Cc), or a meeting's attendees
  std::string subject;           // decoded; a meeting's summary
  // A mailing list, newsletter or automated message (List-Id, List-Unsubscribe, Precedence:
  // bulk/list/junk, Auto-Submitted): never a touch.
  bool bulk = false;
  int line = 0;  // 1-based line where it starts, for messages naming it
};

// Receives each item in file order; returning false stops the reader.
using HistorySink = std::function<bool(HistoryItem&&)>;

// One item a reader could not use (no date, say), and why: counted, never fatal.
using HistoryProblem = std::function<void(int line, const std::string& reason)>;

}  // namespace rekindle::core
