#pragma once
// Which contact format a file is in, judged from its content (never its name), and the one
// entry point that parses bytes in a given or detected format.
#include <string>
#include <string_view>

#include "core/import_types.h"
#include "core/result.h"

namespace rekindle::core {

// The formats the importer reads, as ParseOutput::format and the CLI's --format names them.
inline constexpr const char* kImportFormats[] = {"vcard", "linkedin", "google", "outlook", "thunderbird"};

// True for "auto" or one of kImportFormats.
bool is_import_format(std::string_view format);

// The format of a contact file's bytes: "vcard", a CSV dialect of csv_contacts.h ("csv" for
// a contact CSV of another app), a history format of history_import.h ("mbox", "ics",
// "linkedin-messages"), or an error naming the formats we read.
Result<std::string> detect_import_format(std::string_view bytes);

// Parses bytes in format ("auto" or empty detects it). Fails when the bytes are not in
// that format, or when progress returns false (the error then says "cancelled").
Result<ParseOutput> parse_contact_file(std::string_view bytes, std::string_view format,
                                       const ProgressFn& progress = {});

}  // namespace rekindle::core
