#pragma once
// Reads vCard 2.1, 3.0 and 4.0 files (RFC 2425/2426, RFC 6350) into ParsedRecords, with
// the real-world pitfalls of FORMATS.md handled: folding, bare LF, quoted-printable,
// CHARSET and legacy charsets, BOM and UTF-16, base64 and data-URI photos, escapes, groups
// and Apple labels, every TYPE style, missing FN, year-less dates, nested AGENT cards.
//
// Properties Rekindle does not model are kept verbatim (unfolded, group and parameters
// intact) in Contact::extra_properties so that an export loses nothing. Our own exports
// carry the fields vCard lacks as X-REKINDLE-* properties (see vcard_writer.h), which are
// read back here:
//   X-REKINDLE-TIER:regular              X-REKINDLE-CADENCE:30 (days)
//   X-REKINDLE-TRUST:0.75                X-REKINDLE-CONNECTED:2021-03-04
//   X-REKINDLE-DUE:2024-05-01            X-REKINDLE-SNOOZE-STREAK:2
//   X-REKINDLE-STARRED:1                 X-REKINDLE-ARCHIVED:1
//   X-REKINDLE-SOURCE:linkedin
//   X-REKINDLE-INTERACTION:date;channel;kind;grade;note        (grade may be empty)
//   X-REKINDLE-GOAL:goal text;relevance;how they could help;what I can offer
// (components escaped like any compound vCard value).
#include <string>
#include <string_view>

#include "core/contact.h"
#include "core/import_types.h"

namespace rekindle::core {

// Parses every card in bytes (any supported version and encoding) into records with
// format "vcard"; a card without END:VCARD or without anything that identifies a person is
// reported in skipped with its line. progress gets (bytes done, bytes total) now and then;
// when it returns false parsing stops and the records read so far are returned. Never fails.
ParseOutput parse_vcard(std::string_view bytes, const ProgressFn& progress = nullptr);

// The display name a card without FN gets: "Given Middle Family" from the name parts, else
// the nickname, the company, or the first e-mail, phone or URL; empty when there is none.
std::string derive_display_name(const Contact& contact);

}  // namespace rekindle::core
