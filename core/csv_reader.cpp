#include "core/csv_reader.h"

namespace rekindle::core {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

// Consumes one line break (CRLF, LF or CR) at i; returns the index after it.
size_t skip_line_end(std::string_view text, size_t i) {
  if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') return i + 2;
  return i + 1;
}

// The index just after the first line break at or after i (or the end).
size_t next_line_start(std::string_view text, size_t i) {
  while (i < text.size() && !is_line_end(text[i])) ++i;
  return i < text.size() ? skip_line_end(text, i) : i;
}

bool only_spaces(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

}  // namespace

std::vector<CsvRecord> read_csv(std::string_view text, char delimiter) {
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  std::vector<CsvRecord> records;
  size_t i = 0;
  int line = 1;
  while (i < text.size()) {
    // A blank line between records carries no data.
    if (is_line_end(text[i])) {
      i = skip_line_end(text, i);
      ++line;
      continue;
    }
    const size_t record_start = i;
    const int record_line = line;
    CsvRecord record;
    record.line = record_line;
    std::string field;
    bool unterminated = false;
    for (;;) {
      if (i >= text.size()) {
        record.fields.push_back(std::move(field));
        break;
      }
      const char c = text[i];
      if (c == delimiter) {
        record.fields.push_back(std::move(field));
        field.clear();
        ++i;
      } else if (is_line_end(c)) {
        record.fields.push_back(std::move(field));
        i = skip_line_end(text, i);
        ++line;
        break;
      } else if (c == '"' && only_spaces(field)) {
        // Quoted field; spaces some writers put before the opening quote are dropped.
        field.clear();
        ++i;
        for (;;) {
          if (i >= text.size()) {
            unterminated = true;
            break;
          }
          const char q = text[i];
          if (q == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (is_line_end(q)) {
            field += '\n';
            i = skip_line_end(text, i);
            ++line;
            continue;
          }
          field += q;
          ++i;
        }
        if (unterminated) break;
        // Anything after the closing quote up to the delimiter is kept as written.
      } else {
        field += c;
        ++i;
      }
    }
    if (unterminated) {
      // Report the line where the runaway quote opened and resume on the next line, so one
      // bad quote costs one record rather than the rest of the file.
      CsvRecord bad;
      bad.line = record_line;
      bad.problem = "unterminated quoted field";
      bad.fields = {std::string(text.substr(record_start, next_line_start(text, record_start) - record_start))};
      records.push_back(std::move(bad));
      i = next_line_start(text, record_start);
      line = record_line + 1;
      continue;
    }
    records.push_back(std::move(record));
  }
  return records;
}

std::string csv_field(std::string_view value, char delimiter) {
  const bool needs_quotes = value.find_first_of(std::string{'"', '\r', '\n', delimiter}) != std::string_view::npos;
  if (!needs_quotes) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace rekindle::core
