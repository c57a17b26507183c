#pragma once
// Percent-encoding (RFC 3986) and mailto: links (RFC 6068).
#include <optional>
#include <string>
#include <string_view>

namespace rekindle::core {

// Encodes every byte except the unreserved A-Z a-z 0-9 - . _ ~ as %XX.
std::string percent_encode(std::string_view text);
// Decodes %XX sequences; nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view text);
// mailto:ADDRESS?subject=...&body=... with line breaks as CRLF, everything percent-encoded.
std::string mailto_link(std::string_view address, std::string_view subject, std::string_view body);
// A mailto: link with only the fields RFC 6068 defines for a message a person writes:
// subject, body, cc and bcc (any case). attach=, in-reply-to= and any other field are dropped;
// the address and the kept values are decoded and percent-encoded again, so nothing the mail
// client reads as a new field can hide inside a value. nullopt when the link is not mailto:
// or has a malformed %-escape.
std::optional<std::string> safe_mailto_link(std::string_view link);
// True for http://, https:// and mailto: links: the only ones we hand to the system opener.
bool is_openable_link(std::string_view link);

}  // namespace rekindle::core
