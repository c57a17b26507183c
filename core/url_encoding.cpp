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

std::optional<std::string> safe_mailto_link(std::string_view link) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  if (link.size() < 7 || lower(link.substr(0, 7)) != "mailto:") return std::nullopt;
  std::string_view rest = link.substr(7);
  if (const size_t hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  const size_t question = rest.find('?');
  const auto to = percent_decode(rest.substr(0, question));
  if (!to) return std::nullopt;
  // The addresses keep '@' and the ',' between them; everything else is encoded.
  std::string out = "mailto:";
  for (char c : *to) out += c == '@' || c == ',' ? std::string(1, c) : percent_encode(std::string_view(&c, 1));
  char separator = '?';
  std::string_view query = question == std::string_view::npos ? std::string_view() : rest.substr(question + 1);
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view field = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    const size_t eq = field.find('=');
    const auto name = percent_decode(field.substr(0, eq));
    if (!name) return std::nullopt;
    const std::string key = lower(*name);
    if (key != "subject" && key != "body" && key != "cc" && key != "bcc") continue;
    const auto value = percent_decode(eq == std::string_view::npos ? std::string_view() : field.substr(eq + 1));
    if (!value) return std::nullopt;
    out += separator + key + "=" + percent_encode(*value);
    separator = '&';
  }
  return out;
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
