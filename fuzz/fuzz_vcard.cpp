// libFuzzer target: the vCard reader (every version, charset and encoding it accepts).
// The reader never fails: whatever the bytes, it returns records and skipped lines.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/vcard_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)rekindle::core::parse_vcard(bytes);
  return 0;
}
