#pragma once
// Opening a profile or mailto: link with the system's opener, without a shell.
#include <string_view>

#include "core/result.h"

namespace rekindle::platform {

// Starts the opener ($REKINDLE_OPENER, else xdg-open) with the link as its only argument
// (an argument vector, never a shell), and does not wait for it. Refuses anything but
// http(s):// and mailto: links, and passes a mailto: link on with only its subject, body, cc
// and bcc fields (core::safe_mailto_link). Errors are lower-case clauses that follow "Could not open
// your mail app: " ("no program to open links was found (xdg-open is not installed)").
core::Status open_link(std::string_view link);

}  // namespace rekindle::platform
