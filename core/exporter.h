#pragma once
// Everything in the store, written out: vCard 4.0 (lossless, re-importable), CSV (one row
// per contact), JSON (every field, interactions included) and iCalendar (planned follow-ups).
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "core/store.h"

namespace rekindle::core {

inline constexpr const char* kExportFormats[] = {"vcard", "csv", "json", "ics"};

// The CSV export's header, in column order. Lists (emails, phones, urls, addresses, tags)
// hold their values joined by " ::: " as Google's CSV does; dates are YYYY-MM-DD; booleans
// 0/1; warmth is 0..1 on the export day.
inline constexpr const char* kCsvExportColumns[] = {
    "id",         "name",       "given_name", "middle_name", "family_name", "name_prefix", "name_suffix",
    "nickname",   "company",    "department", "title",       "emails",      "phones",      "urls",
    "addresses",  "tags",       "birthday",   "anniversary", "notes",       "tier",        "cadence_days",
    "trust",      "connected_on", "last_touch", "due",       "warmth",      "starred",     "archived",
    "source",     "topic"};

// Every contact (by id) in format: "vcard" (one vCard 4.0 per contact with X-REKINDLE-*
// fields), "csv" (RFC 4180, UTF-8, the header above), "json" ({format, version, exported_on,
// goals, contacts: [every field with interactions and goal links]}) or "ics" (RFC 5545: one
// all-day VEVENT per planned follow-up of a contact not archived, UID stable per contact).
// today dates warmth and the calendar's DTSTAMP, so the same day gives the same bytes.
Result<std::string> export_contacts(Store& store, std::string_view format, Day today);

// Writes bytes to path through a temporary file in the same folder and a rename, so the
// file is either the old one or the complete new one. The new file is user-only (0600).
Status write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace rekindle::core
