#pragma once
// Numbered schema migrations. Migration i (0-based) takes user_version i to i + 1.
// Never edit a migration that has shipped: append a new one.
#include <span>
#include <string_view>

namespace rekindle::core {

std::span<const std::string_view> schema_migrations();

}  // namespace rekindle::core
