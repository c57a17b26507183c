#pragma once
// Byte-level text helpers shared by the importers and exporters: UTF-8 validation, legacy
// charsets and UTF-16 to UTF-8, byte-order marks, base64 and quoted-printable.
// Contact files arrive in whatever encoding the exporting app liked; everything inside
// Rekindle is UTF-8, so every importer funnels its bytes through here.
#include <optional>
#include <string>
#include <string_view>

namespace rekindle::core {

// True when bytes are well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF). The empty string is valid.
bool is_valid_utf8(std::string_view bytes);

// A copy with A-Z lowered; other bytes (UTF-8 included) are left as they are.
std::string lower_ascii(std::string_view text);

// Appends the UTF-8 form of code_point; invalid code points become U+FFFD.
void append_utf8(std::string& out, char32_t code_point);

// Windows-1252 (a superset of ISO-8859-1 for printable text) to UTF-8. The five bytes
// cp1252 leaves undefined map to the C1 control of the same value, as browsers do.
std::string windows1252_to_utf8(std::string_view bytes);

// ISO-8859-1 to UTF-8 (every byte is the code point of the same value).
std::string latin1_to_utf8(std::string_view bytes);

// Converts bytes in the named charset to UTF-8: utf-8/us-ascii, iso-8859-1 and windows-1252
// (and their aliases, case-insensitive) on fast paths of our own, every other charset glibc's
// iconv knows (shift_jis, big5, koi8-r, iso-8859-2, windows-1250...) through iconv, where a
// byte the charset does not define becomes U+FFFD. Bytes declared UTF-8 or ASCII that are
// not valid UTF-8 fall back to windows-1252. nullopt when the charset is unknown.
std::optional<std::string> charset_to_utf8(std::string_view bytes, std::string_view charset);

// Bytes that are valid UTF-8 are returned as they are; anything else is read as
// windows-1252, the most common legacy charset in contact exports.
std::string utf8_or_legacy(std::string_view bytes);

// Byte order of UTF-16 text, found from a BOM or, without one, from the zero bytes that
// ASCII characters leave in every other position.
enum class Utf16Order { kNone, kLittleEndian, kBigEndian };
Utf16Order detect_utf16(std::string_view bytes);

// UTF-16 in the given order to UTF-8; a leading BOM is dropped, unpaired surrogates and a
// trailing odd byte become U+FFFD.
std::string utf16_to_utf8(std::string_view bytes, bool big_endian);

// Removes a UTF-8 BOM and converts UTF-16 (with or without BOM) to UTF-8; other bytes are
// returned unchanged (still possibly invalid UTF-8, for callers that decode per value).
std::string decode_unicode_bytes(std::string_view bytes);

// decode_unicode_bytes, then windows-1252 when the result is not valid UTF-8: whole-file
// decoding for formats without a charset declaration (CSV).
std::string decode_text(std::string_view bytes);

// Standard base64 with '=' padding, no line breaks.
std::string base64_encode(std::string_view bytes);

// Decodes base64, skipping whitespace; padding is optional and the URL-safe alphabet
// ('-', '_') is accepted. nullopt on any other character or an impossible length.
std::optional<std::string> base64_decode(std::string_view text);

// Decodes quoted-printable: "=XX" becomes the byte, "=" at the end of a line (CRLF or LF)
// is a soft break and disappears; malformed "=" sequences are kept literally.
std::string quoted_printable_decode(std::string_view text);

}  // namespace rekindle::core
