#pragma once
// Calendar days. The model works in whole local days; "today" is always passed in.
#include <optional>
#include <string>
#include <string_view>

namespace rekindle::core {

// Days since 1970-01-01 in the proleptic Gregorian calendar.
struct Day {
  int value = 0;
  friend auto operator<=>(const Day&, const Day&) = default;
  Day operator+(int days) const { return Day{value + days}; }
  Day operator-(int days) const { return Day{value - days}; }
  int operator-(Day other) const { return value - other.value; }
};

// Builds a day from year, month (1-12) and day of month (1-31); nullopt if no such date.
std::optional<Day> make_day(int year, int month, int day_of_month);
// Year, month, day of a Day.
void split_day(Day day, int* year, int* month, int* day_of_month);
// Parses exactly "YYYY-MM-DD"; nullopt on anything else or an impossible date.
std::optional<Day> parse_iso_day(std::string_view text);
// Formats as "YYYY-MM-DD".
std::string format_iso_day(Day day);
// Optional days as stored in SQLite / JSON (empty optional <-> NULL).
std::optional<Day> parse_optional_day(const std::optional<std::string>& text);

}  // namespace rekindle::core
