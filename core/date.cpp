#include "core/date.h"

#include <cstdio>

namespace rekindle::core {
namespace {

// Howard Hinnant's days_from_civil algorithm (public domain description of the calendar maths).
int days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

}  // namespace

std::optional<Day> make_day(int year, int month, int day_of_month) {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  if (day_of_month < 1 || day_of_month > days_in_month(year, month)) return std::nullopt;
  return Day{days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day_of_month))};
}

void split_day(Day day, int* year, int* month, int* day_of_month) {
  int z = day.value + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  *year = y + (m <= 2);
  *month = static_cast<int>(m);
  *day_of_month = static_cast<int>(d);
}

std::optional<Day> parse_iso_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t count) -> int {
    int v = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return make_day(y, m, d);
}

std::string format_iso_day(Day day) {
  int y, m, d;
  split_day(day, &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::optional<Day> parse_optional_day(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return parse_iso_day(*text);
}

}  // namespace rekindle::core
