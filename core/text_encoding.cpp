#include "core/text_encoding.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <vector>

namespace rekindle::core {
namespace {

// Upper half (0x80..0xFF) of windows-1252, the one legacy table kept by hand: it is the fast
// path for the most common legacy charset; every other charset goes through iconv.
// Generated from the Unicode mapping table; undefined bytes map to themselves.
// clang-format off
constexpr std::array<uint16_t, 128> kWindows1252 = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
    0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
    0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
    0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7,
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
    0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
    0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7,
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
};

// clang-format on

enum class Charset { kUtf8, kLatin1, kWindows1252 };

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Lower-cases and drops '-', '_' and spaces so "ISO_8859-1", "iso88591", "Windows-1252" and
// "cp1252" compare by their essential letters.
std::string charset_key(std::string_view name) {
  std::string key;
  for (char c : name) {
    if (c == '-' || c == '_' || c == ' ' || c == '"') continue;
    key += ascii_lower(c);
  }
  return key;
}

// The charsets with a fast path of their own; the rest are iconv's.
std::optional<Charset> fast_charset(std::string_view name) {
  const std::string key = charset_key(name);
  if (key == "utf8" || key == "usascii" || key == "ascii" || key == "ansix3.41968" || key == "646" || key == "us")
    return Charset::kUtf8;
  if (key == "iso88591" || key == "latin1" || key == "l1" || key == "iso885911987" || key == "cp819" || key == "ibm819")
    return Charset::kLatin1;
  if (key == "windows1252" || key == "cp1252" || key == "win1252" || key == "xcp1252" || key == "ansi")
    return Charset::kWindows1252;
  return std::nullopt;
}

std::string single_byte_to_utf8(std::string_view bytes, Charset charset) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    append_utf8(out, byte < 0x80 || charset == Charset::kLatin1 ? byte : kWindows1252[byte - 0x80]);
  }
  return out;
}

// Spellings writers use that iconv does not know by that name.
std::string iconv_name(std::string_view name) {
  std::string trimmed;
  for (char c : name)
    if (c != '"' && c != ' ') trimmed += c;
  const std::string key = charset_key(trimmed);
  if (key == "sjis" || key == "xsjis" || key == "shiftjis" || key == "mskanji") return "SHIFT_JIS";
  if (key == "xeucjp") return "EUC-JP";
  if (key == "ks_c_5601-1987" || key == "ksc56011987") return "CP949";
  if (key == "xmaccyrillic") return "MAC-CYRILLIC";
  if (key.starts_with("xmac") || key == "macintosh" || key == "xmacroman") return "MACINTOSH";
  if (key == "gb2312" || key == "xgbk") return "GBK";  // GBK is a superset writers rely on
  return trimmed;
}

// Converts with glibc's iconv (part of libc, no extra dependency); bytes the charset does not
// define become U+FFFD one at a time, so a damaged value still reads. nullopt when iconv does
// not know the charset.
std::optional<std::string> iconv_to_utf8(std::string_view bytes, std::string_view charset) {
  const std::string name = iconv_name(charset);
  if (name.empty()) return std::nullopt;
  iconv_t cd = iconv_open("UTF-8", name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() * 2);
  std::vector<char> input(bytes.begin(), bytes.end());
  char* in = input.data();
  size_t in_left = input.size();
  char buffer[4096];
  while (in_left > 0) {
    char* to = buffer;
    size_t to_left = sizeof buffer;
    const size_t result = iconv(cd, &in, &in_left, &to, &to_left);
    out.append(buffer, static_cast<size_t>(to - buffer));
    if (result != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    // EILSEQ (a byte the charset does not define) or EINVAL (a sequence cut short): one
    // replacement character for the offending byte, then on with the rest.
    append_utf8(out, 0xFFFD);
    ++in;
    --in_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);  // back to the initial shift state
  }
  // Flush a stateful encoding (ISO-2022-JP) back to its initial state.
  char* to = buffer;
  size_t to_left = sizeof buffer;
  iconv(cd, nullptr, nullptr, &to, &to_left);
  out.append(buffer, static_cast<size_t>(to - buffer));
  iconv_close(cd);
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

}  // namespace

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_valid_utf8(std::string_view bytes) {
  size_t i = 0;
  const size_t n = bytes.size();
  while (i < n) {
    const auto b0 = static_cast<unsigned char>(bytes[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    int length = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      length = 3;
      if (b0 == 0xE0) low = 0xA0;   // overlong
      if (b0 == 0xED) high = 0x9F;  // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      length = 4;
      if (b0 == 0xF0) low = 0x90;   // overlong
      if (b0 == 0xF4) high = 0x8F;  // past U+10FFFF
    } else {
      return false;
    }
    if (n - i < static_cast<size_t>(length)) return false;
    const auto b1 = static_cast<unsigned char>(bytes[i + 1]);
    if (b1 < low || b1 > high) return false;
    for (int k = 2; k < length; ++k) {
      const auto bk = static_cast<unsigned char>(bytes[i + k]);
      if (bk < 0x80 || bk > 0xBF) return false;
    }
    i += length;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string windows1252_to_utf8(std::string_view bytes) { return single_byte_to_utf8(bytes, Charset::kWindows1252); }

std::string latin1_to_utf8(std::string_view bytes) { return single_byte_to_utf8(bytes, Charset::kLatin1); }

std::optional<std::string> charset_to_utf8(std::string_view bytes, std::string_view charset) {
  if (const auto fast = fast_charset(charset)) {
    if (*fast == Charset::kUtf8) return utf8_or_legacy(bytes);
    return single_byte_to_utf8(bytes, *fast);
  }
  return iconv_to_utf8(bytes, charset);
}

std::string utf8_or_legacy(std::string_view bytes) {
  if (is_valid_utf8(bytes)) return std::string(bytes);
  return windows1252_to_utf8(bytes);
}

Utf16Order detect_utf16(std::string_view bytes) {
  if (bytes.size() >= 2) {
    const auto b0 = static_cast<unsigned char>(bytes[0]);
    const auto b1 = static_cast<unsigned char>(bytes[1]);
    if (b0 == 0xFE && b1 == 0xFF) return Utf16Order::kBigEndian;
    if (b0 == 0xFF && b1 == 0xFE) return Utf16Order::kLittleEndian;
  }
  // No BOM: text files start with ASCII ("BEGIN", "First Name"), which UTF-16 pads with a
  // zero byte on one side. Look at the first pairs and require a clear majority, so a
  // UTF-8 file with a stray NUL is not mistaken for UTF-16.
  const size_t pairs = std::min<size_t>(bytes.size() / 2, 256);
  if (pairs < 2) return Utf16Order::kNone;
  size_t zero_even = 0, zero_odd = 0;
  for (size_t k = 0; k < pairs; ++k) {
    if (bytes[2 * k] == '\0') ++zero_even;
    if (bytes[2 * k + 1] == '\0') ++zero_odd;
  }
  if (zero_even * 10 >= pairs * 7 && zero_odd * 10 < pairs) return Utf16Order::kBigEndian;
  if (zero_odd * 10 >= pairs * 7 && zero_even * 10 < pairs) return Utf16Order::kLittleEndian;
  return Utf16Order::kNone;
}

std::string utf16_to_utf8(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size() / 2 + 8);
  auto unit_at = [&](size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? static_cast<char32_t>((a << 8) | b) : static_cast<char32_t>((b << 8) | a);
  };
  size_t i = 0;
  if (bytes.size() >= 2 && unit_at(0) == 0xFEFF) i = 2;
  while (i + 1 < bytes.size()) {
    const char32_t unit = unit_at(i);
    i += 2;
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < bytes.size()) {
      const char32_t next = unit_at(i);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        i += 2;
        append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00));
        continue;
      }
    }
    append_utf8(out, unit);  // an unpaired surrogate becomes U+FFFD here
  }
  if (i < bytes.size()) append_utf8(out, 0xFFFD);
  return out;
}

std::string decode_unicode_bytes(std::string_view bytes) {
  switch (detect_utf16(bytes)) {
    case Utf16Order::kBigEndian:
      return utf16_to_utf8(bytes, true);
    case Utf16Order::kLittleEndian:
      return utf16_to_utf8(bytes, false);
    case Utf16Order::kNone:
      break;
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return std::string(bytes);
}

std::string decode_text(std::string_view bytes) {
  std::string text = decode_unicode_bytes(bytes);
  if (is_valid_utf8(text)) return text;
  return windows1252_to_utf8(text);
}

std::string base64_encode(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  const size_t rest = bytes.size() - i;
  if (rest > 0) {
    uint32_t v = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  // Photos make this the hot loop of a vCard import: a table lookup per character and
  // writes into a buffer sized up front.
  static const std::array<int8_t, 256> kValues = [] {
    std::array<int8_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
      table[c] = static_cast<int8_t>(is_space(static_cast<char>(c)) ? -2 : base64_value(static_cast<char>(c)));
    }
    table[static_cast<unsigned char>('=')] = -3;
    return table;
  }();
  std::string out(text.size() / 4 * 3 + 3, '\0');
  size_t written = 0;
  uint32_t accumulator = 0;
  int bits = 0;
  size_t sextets = 0;
  bool padding_seen = false;
  for (char c : text) {
    const int v = kValues[static_cast<unsigned char>(c)];
    if (v == -2) continue;  // whitespace from folded lines
    if (v == -3) {
      padding_seen = true;
      continue;
    }
    if (v < 0 || padding_seen) return std::nullopt;  // data after padding is not base64
    accumulator = (accumulator << 6) | static_cast<uint32_t>(v);
    bits += 6;
    ++sextets;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = static_cast<char>((accumulator >> bits) & 0xFF);
    }
  }
  // A single leftover sextet cannot hold a byte: the text was cut short.
  if (sextets % 4 == 1) return std::nullopt;
  out.resize(written);
  return out;
}

std::string quoted_printable_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c != '=') {
      out += c;
      ++i;
      continue;
    }
    // Soft line break: '=' followed by optional trailing blanks and a line ending.
    size_t j = i + 1;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    if (j < text.size() && (text[j] == '\r' || text[j] == '\n')) {
      if (text[j] == '\r' && j + 1 < text.size() && text[j + 1] == '\n') ++j;
      i = j + 1;
      continue;
    }
    if (j == text.size()) {  // '=' at the very end: a soft break with nothing after it
      i = j;
      continue;
    }
    if (i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 3;
      continue;
    }
    out += c;  // not a valid escape: keep the '=' literally
    ++i;
  }
  return out;
}

}  // namespace rekindle::core
