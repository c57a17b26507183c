// libFuzzer target: the contact CSV reader in one dialect, named at compile time by
// REKINDLE_FUZZ_DIALECT ("linkedin", "google", "outlook", "thunderbird" or "csv", the generic
// one); CMake builds one target per dialect. The reader must answer every input with records
// or an error, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/csv_contacts.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)rekindle::core::detect_contact_csv(bytes);
  (void)rekindle::core::parse_contact_csv(bytes, REKINDLE_FUZZ_DIALECT);
  return 0;
}
