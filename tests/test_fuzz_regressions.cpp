// Inputs the fuzzers of fuzz/ found (scripts/fuzz.sh), each kept as a test that failed before
// its fix. RELIABILITY.md lists them.
#include <catch2/catch.hpp>

#include <string>

#include "core/csv_contacts.h"
#include "core/date.h"

using namespace rekindle::core;

TEST_CASE("a CSV date with a number too long for an int is not read as another date", "[fuzz-regression]") {
  // 4294969296 is 2^32 + 2000: the digits used to wrap around to the year 2000.
  CHECK_FALSE(parse_csv_date("1/1/4294969296"));
  CHECK_FALSE(parse_csv_date("4294967297/1/2020"));     // month 2^32 + 1
  CHECK_FALSE(parse_csv_date("12 Nov 4294969296"));
  CHECK_FALSE(parse_csv_date("4294969296/11/12"));
  CHECK(parse_csv_date("1/1/2000") == make_day(2000, 1, 1));

  // In a file: the birthday is kept as written, not turned into 2000-01-01.
  auto parsed = parse_contact_csv("First Name,Last Name,E-mail Address,Birthday\n"
                                  "Ana,Lima,ana@example.org,1/1/4294969296\n",
                                  "outlook");
  REQUIRE(parsed.ok());
  REQUIRE(parsed->records.size() == 1);
  CHECK(parsed->records[0].contact.birthday == "1/1/4294969296");
}
