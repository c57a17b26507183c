#pragma once
// The user's own history files as touches: mailboxes (mbox, Maildir), LinkedIn's
// messages.csv and calendars (.ics). Each message or meeting with a known contact (matched by
// e-mail or LinkedIn profile URL) becomes a touch on its real day: sent by the user outbound,
// received inbound, a meeting both ways. Nobody is added as a contact; lists, automated
// senders and crowded messages are not touches; importing a file again adds nothing.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/history_types.h"
#include "core/store.h"

namespace rekindle::core {

// The history formats, by a file's first bytes: "mbox", "ics", "linkedin-messages"; "" for
// none of them (a contact file, say).
std::string detect_history_format(std::string_view head);
// "maildir" for a Maildir folder, else detect_history_format of the file's first bytes; ""
// for anything else (or an unreadable path: the contact importer then says why).
std::string detect_history_path(const std::string& path);

// A message to more people than this is an announcement, not a conversation.
inline constexpr int kMaxRecipients = 10;
// The user's own addresses and LinkedIn profile, comma-separated: how "sent by me" is known.
inline constexpr const char* kMyAddressesSetting = "my_addresses";

// The user's own addresses kept in settings, normalised.
Result<std::vector<std::string>> my_addresses(Store& store);
// An e-mail address or LinkedIn profile URL in the one form matching compares:
// "Ana@Example.org" -> "ana@example.org"; "https://www.linkedin.com/in/Ana-L/?x" ->
// "linkedin.com/in/ana-l". Empty when it is neither.
std::string normalise_address(std::string_view address);

struct HistoryReport {
  int items = 0;             // messages or meetings read
  int touches = 0;           // touches added
  int already = 0;           // touches an earlier import already stored
  int lists = 0;             // mailing lists, newsletters, automated messages
  int no_reply = 0;          // from no-reply and other automated senders
  int crowded = 0;           // more than kMaxRecipients people
  int future = 0;            // after today (planned meetings)
  int without_contacts = 0;  // no known contact in them (or not from or to you)
  int unreadable = 0;        // no date we could read
  int unknown_people = 0;    // people in them who are not in your contacts (not added)
  int contacts = 0;          // contacts who got a touch
  std::vector<std::string> me;  // the user's addresses this file was read with
  bool me_detected = false;     // taken from this file: the address in the most messages
};

struct HistorySource {
  std::string name;              // for messages
  std::string format;            // "mbox", "maildir", "ics", "linkedin-messages"
  std::string path;              // read from here as a stream when bytes is null
  const std::string* bytes = nullptr;
};

struct HistoryOptions {
  Day today;
  std::vector<std::string> me;  // the user's addresses given for this import (--me)
  ProgressFn progress;          // (done, total) in the reader's units; false cancels
};

// Reads one history source and stores its touches, inside the caller's transaction. Every
// contact that got a touch is added to affected: the caller replays their schedules. The
// user's addresses (options.me, else the setting, else detected from the file) are saved
// in the setting. Fails with "cancelled" when progress says so.
Result<HistoryReport> import_history(Store& store, const HistorySource& source, const HistoryOptions& options,
                                     std::set<int64_t>& affected);

}  // namespace rekindle::core
