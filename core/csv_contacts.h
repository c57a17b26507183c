#pragma once
// Contact CSV exports: LinkedIn Connections.csv (2018, early 2022, current with its "Notes:"
// preamble), Google Contacts (current and legacy), Outlook and Thunderbird. The dialect is
// recognised from the header row, which may follow a preamble; columns are mapped by their
// (case-insensitive, English) names, never by position.
#include <memory>
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

// The same, a piece at a time (an import streams a file in pieces of whole rows): begin()
// finds the header in the file's first bytes (the first piece must start the file and hold
// the header), read() parses each piece, finish() adds the notes about columns kept or left
// out over all pieces.
class ContactCsvReader {
 public:
  ContactCsvReader();
  ~ContactCsvReader();
  ContactCsvReader(const ContactCsvReader&) = delete;
  ContactCsvReader& operator=(const ContactCsvReader&) = delete;

  // Fails when no header is found in head (dialect as for parse_contact_csv).
  Status begin(std::string_view head, std::string_view dialect = {});
  char delimiter() const;
  std::string dialect() const;
  // Parses whole rows starting at the file's first_line into out (records and skipped rows).
  Status read(std::string_view bytes, int first_line, ParseOutput& out, const ProgressFn& progress = {});
  void finish(ParseOutput& out) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// A date as contact CSV files write it: "12 Nov 2025", "1/8/18, 6:14 PM", "4/15/1990",
// "2025-11-12"; nullopt for Outlook's "0/0/00" empty date and anything unreadable.
std::optional<Day> parse_csv_date(std::string_view text);

}  // namespace rekindle::core
