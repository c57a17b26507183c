#pragma once
// An RFC 4180 CSV reader that also accepts what real exports do: LF or bare CR line ends, a
// UTF-8 byte order mark, blank lines, stray quotes inside unquoted fields.
#include <string>
#include <string_view>
#include <vector>

namespace rekindle::core {

// One CSV record: its fields (quotes removed, doubled quotes undone, embedded line breaks
// normalised to "\n") and the 1-based line of the file where it starts.
struct CsvRecord {
  std::vector<std::string> fields;
  int line = 0;
  // Non-empty when the record could not be read cleanly (an unterminated quote).
  std::string problem;
};

// Splits text into records with the given delimiter. Blank lines yield no record; a leading
// UTF-8 BOM is ignored. Never fails: a quote left open at the end of the text makes the last
// record carry a problem instead.
std::vector<CsvRecord> read_csv(std::string_view text, char delimiter = ',');

// Quotes one field for writing when it holds the delimiter, a quote, CR or LF (RFC 4180).
std::string csv_field(std::string_view value, char delimiter = ',');

}  // namespace rekindle::core
