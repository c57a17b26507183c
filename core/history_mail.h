#pragma once
// Mailboxes as touch history: mbox files (mboxo and mboxrd, "From " separator lines) and
// Maildir folders (cur/ and new/), read a header block at a time so that memory stays
// bounded by the largest header block however large the mailbox. Bodies are skipped unread.
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/history_types.h"
#include "core/result.h"

namespace rekindle::core {

// True when the start of a file reads as a mailbox: a "From " separator line followed by
// mail headers, or a single message's headers (an .eml file).
bool looks_like_mbox(std::string_view head);
// True for a Maildir: a folder with cur/ and new/ in it.
bool is_maildir(const std::string& path);

// RFC 2047 encoded words ("=?UTF-8?Q?Ana_L=C3=B3pez?=") decoded to UTF-8; other text kept.
std::string decode_encoded_words(std::string_view text);

// The addresses of a From, To or Cc header: "Ana <ana@x.org>, \"Doe, Jo\" <jo@y.com>",
// bare addresses, "jo@y.com (Jo Doe)" and groups ("team: a@x, b@x;") alike.
std::vector<HistoryParty> parse_address_list(std::string_view value);

// A Date header: RFC 5322 ("Tue, 1 Dec 2026 09:30:00 +0100") and the broken forms found in
// real mailboxes (no weekday or seconds, two-digit years, zone names, "(CET)" comments,
// asctime "Tue Dec  1 09:30:00 2026", ISO 8601). day is as written; seconds are UTC.
struct MailDate {
  Day day;
  int64_t seconds = 0;
};
std::optional<MailDate> parse_mail_date(std::string_view value);

// One message from its header block (lines unfolded here). nullopt with *why when it cannot
// be a touch at all (no usable date).
std::optional<HistoryItem> mail_item(std::string_view headers, std::string* why);

// Reads an mbox stream. total_bytes (0 when unknown) scales progress; progress returning
// false stops with the error "cancelled".
Status read_mbox(std::istream& in, uint64_t total_bytes, const HistorySink& sink, const HistoryProblem& problem,
                 const ProgressFn& progress);

// Reads every message of a Maildir (and of its Maildir++ sub-folders, ".Sent" and the like).
Status read_maildir(const std::string& path, const HistorySink& sink, const HistoryProblem& problem,
                    const ProgressFn& progress);

// A stable 64-bit FNV-1a hash as hex: an id for an item whose file gives none.
std::string stable_hash(std::string_view text);

}  // namespace rekindle::core
