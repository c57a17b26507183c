#pragma once
// Writes contacts as vCard 4.0 (RFC 6350): CRLF line ends, lines folded at 75 octets on
// UTF-8 boundaries, escaped values, FN always present, photos as data: URIs, properties we
// do not model re-emitted verbatim, and Rekindle's own fields as X-REKINDLE-* properties
// (their grammar is documented in vcard_reader.h, which reads them back).
// Output is deterministic: the same contact and history always give the same bytes.
#include <string>
#include <string_view>
#include <vector>

#include "core/contact.h"
#include "core/import_types.h"

namespace rekindle::core {

// Escapes a vCard text value: backslash, comma, semicolon and line breaks (as \n).
std::string escape_vcard_text(std::string_view text);

// A vCard group name reduced to what the grammar allows (letters, digits, '-'), so that
// reader and writer agree on damaged names.
std::string clean_vcard_group(std::string_view group);

// Folds one unfolded content line into CRLF-terminated physical lines of at most 75
// octets, never splitting a UTF-8 sequence (continuations start with one space).
std::string fold_vcard_line(std::string_view line);

// One BEGIN:VCARD..END:VCARD block for the contact, its interactions (written oldest
// first), its goal links (written in goal-text order) and its review decisions (the newest
// kDecisionsOnCard of them, written oldest first).
std::string write_vcard(const Contact& contact, const std::vector<Interaction>& interactions,
                        const std::vector<ParsedGoalLink>& goal_links,
                        const std::vector<DayDecision>& decisions = {});

// Same, with store goal links: each link's goal text is looked up in goals by goal_id;
// links to unknown goals are left out.
std::string write_vcard(const Contact& contact, const std::vector<Interaction>& interactions,
                        const std::vector<GoalLink>& links, const std::vector<Goal>& goals,
                        const std::vector<DayDecision>& decisions = {});

}  // namespace rekindle::core
