// libFuzzer target: the date parsers (ISO days, the dates of contact CSV files, e-mail Date
// headers). Every day they return is a real calendar day that formats and reads back the same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "core/csv_contacts.h"
#include "core/date.h"
#include "core/history_mail.h"

namespace {

void check(std::optional<rekindle::core::Day> day) {
  if (!day) return;
  int y = 0, m = 0, d = 0;
  rekindle::core::split_day(*day, &y, &m, &d);
  if (y < 1 || y > 9999) std::abort();
  if (rekindle::core::parse_iso_day(rekindle::core::format_iso_day(*day)) != day) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check(rekindle::core::parse_iso_day(text));
  check(rekindle::core::parse_csv_date(text));
  (void)rekindle::core::parse_mail_date(text);
  return 0;
}
