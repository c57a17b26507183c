#pragma once
// Contact CSV exports: LinkedIn Connections.csv (2018, early 2022, current with its "Notes:"
// preamble), Google Contacts (current and legacy), Outlook and Thunderbird. The dialect is
// recognised from the header row, which may follow a preamble; columns are mapped by their
// (case-insensitive, English) names, never by position.
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/import_types.h"
#include "core/result.h"

namespace rekindle::core {

// The dialect of a contact CSV file's bytes ("linkedin", "google", "outlook", "thunderbird",
// or "csv" for another CSV with recognisable name and e-mail/phone columns); empty when no
// header row of a contact CSV is found in the first lines.
std::string detect_contact_csv(std::string_view bytes);

// Parses a contact CSV file (UTF-8, UTF-16 or Windows-1252 bytes) into records. dialect
// forces one of "linkedin", "google", "outlook", "thunderbird", "csv"; empty means detect. Rows that cannot be used are reported in
// skipped with their line and reason. Fails when no header is found, or when progress
// returns false (cancelled).
Result<ParseOutput> parse_contact_csv(std::string_view bytes, std::string_view dialect = {},
                                      const ProgressFn& progress = {});

// A date as contact CSV files write it: "12 Nov 2025", "1/8/18, 6:14 PM", "4/15/1990",
// "2025-11-12"; nullopt for Outlook's "0/0/00" empty date and anything unreadable.
std::optional<Day> parse_csv_date(std::string_view text);

}  // namespace rekindle::core
