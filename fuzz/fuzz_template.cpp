// libFuzzer target: the message template engine. The bytes are a user's template file
// (assets/templates/ is the seed); when it parses, every variant's body and subject is filled
// with placeholder values, with and without optional [brackets].
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/composer.h"
#include "core/message_template.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = rekindle::core::parse_message_template("fuzz", text);
  if (!parsed) return 0;
  static const std::map<std::string, std::string> kValues = {
      {"first_name", "Ana"}, {"company", "Acme [Labs]"}, {"role", "{first_name}"}, {"topic", ""}};
  for (const auto& [channel, text_of] : parsed.value().channels) {
    for (const auto& variant : text_of.variants) {
      for (int keep : {0, 1, 1 << 30}) {
        (void)rekindle::core::fill_template(variant.body, kValues, keep);
        (void)rekindle::core::fill_template(variant.subject, kValues, keep);
      }
    }
  }
  return 0;
}
