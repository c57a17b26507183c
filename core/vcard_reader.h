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
//   X-REKINDLE-SOURCE:linkedin           X-REKINDLE-TOPIC:orbital mechanics
//   X-REKINDLE-INTERACTION:date;channel;kind;grade;note        (grade may be empty)
//   X-REKINDLE-GOAL:goal text;relevance;how they could help;what I can offer
//   X-REKINDLE-DECISION:day;direction;card kind      (2026-12-01;right;due: a review decision;
//                                                      the kind is "due" or "reactivation")
// (components escaped like any compound vCard value).
#include <array>
#include <optional>
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

// A physical line that opens or closes a card ("BEGIN:VCARD", any case, trailing blanks
// allowed; a line starting with a blank is a folded continuation, never one of them).
bool is_vcard_begin_line(std::string_view line);
bool is_vcard_end_line(std::string_view line);

// The display name a card without FN gets: "Given Middle Family" from the name parts, else
// the nickname, the company, or the first e-mail, phone or URL; empty when there is none.
std::string derive_display_name(const Contact& contact);

// vCard ADR's seven components: post office box, extended address, street, locality,
// region, postal code, country.
inline constexpr size_t kAddressParts = 7;
using AddressParts = std::array<std::string, kAddressParts>;

// An address as the vCard reader keeps it in Contact::addresses: the non-empty components in
// ADR order, joined by ", " (a component's own line breaks kept).
std::string address_text(const AddressParts& parts);
// The same text on one line: its lines joined by ", " (as the CSV importer keeps addresses).
std::string address_one_line(std::string_view text);

// Contact::addresses holds readable text; each structured address read from a file also
// leaves this line in extra_properties, "X-REKINDLE-ADR:" and the seven components escaped
// like ADR's, so that an export writes street, locality, region, code and country apart
// again (kept there rather than in a new column so the store's schema stays as it is).
std::string address_structure_line(const AddressParts& parts);
// True when the address is more than a street alone, so its structure is worth keeping.
bool address_has_structure(const AddressParts& parts);
bool is_address_structure_line(std::string_view line);

// The structure of the address whose readable text is text: the contact's
// X-REKINDLE-ADR line that reads as that same text (line breaks aside), or nullopt (an address typed or edited
// by hand, whose text is then the whole street).
std::optional<AddressParts> address_structure(const Contact& contact, std::string_view text);

// The URI of a photo given by reference (PHOTO;VALUE=uri:http://..., vCard 4.0
// PHOTO:https://...), which is kept verbatim in extra_properties; empty when there is none.
std::string photo_uri(const Contact& contact);

}  // namespace rekindle::core
