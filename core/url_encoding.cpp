#include "core/url_encoding.h"

#include <cctype>

namespace rekindle::core {

std::string percent_encode(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : text) {
    const bool unreserved = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                            ch == '-' || ch == '.' || ch == '_' || ch == '~';
    if (unreserved) {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

std::optional<std::string> percent_decode(std::string_view text) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

std::string mailto_link(std::string_view address, std::string_view subject, std::string_view body) {
  // RFC 6068: line breaks in a body are CRLF, encoded as %0D%0A.
  std::string crlf_body;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r')) crlf_body += '\r';
    crlf_body += body[i];
  }
  std::string link = "mailto:" + percent_encode(address);
  // The address's '@' is allowed as is and reads better.
  for (size_t at = link.find("%40"); at != std::string::npos; at = link.find("%40")) link.replace(at, 3, "@");
  char separator = '?';
  if (!subject.empty()) {
    link += separator + std::string("subject=") + percent_encode(subject);
    separator = '&';
  }
  if (!crlf_body.empty()) link += separator + std::string("body=") + percent_encode(crlf_body);
  return link;
}

bool is_openable_link(std::string_view link) {
  auto starts = [&](std::string_view prefix) {
    if (link.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(link[i])) != prefix[i]) return false;
    return true;
  };
  if (link.find_first_of(" \t\r\n") != std::string_view::npos) return false;
  return (starts("https://") && link.size() > 8) || (starts("http://") && link.size() > 7) ||
         (starts("mailto:") && link.size() > 7);
}

}  // namespace rekindle::core
