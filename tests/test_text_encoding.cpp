#include <catch2/catch.hpp>
#include <string>

#include "core/text_encoding.h"

using namespace rekindle::core;

namespace {
// Encodes ASCII text as UTF-16 in the given order, for detection tests.
std::string ascii_as_utf16(const std::string& text, bool big_endian) {
  std::string out;
  for (char c : text) {
    if (big_endian) out += '\0';
    out += c;
    if (!big_endian) out += '\0';
  }
  return out;
}
}  // namespace

TEST_CASE("UTF-8 validation accepts well-formed text and rejects the classic traps", "[text_encoding]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ascii"));
  CHECK(is_valid_utf8("M\xC3\xBCller \xE2\x82\xAC \xF0\x9F\x98\x80"));  // Müller € 😀
  CHECK_FALSE(is_valid_utf8("M\xFCller"));                              // latin-1 ü
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));                               // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));                           // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));                           // surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));                       // past U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xE2\x82"));                               // truncated
  CHECK_FALSE(is_valid_utf8("\x80"));                                   // lone continuation
}

TEST_CASE("append_utf8 writes every length and replaces invalid code points", "[text_encoding]") {
  std::string out;
  append_utf8(out, U'A');
  append_utf8(out, 0xE9);
  append_utf8(out, 0x20AC);
  append_utf8(out, 0x1F600);
  CHECK(out == "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  std::string bad;
  append_utf8(bad, 0xD800);
  append_utf8(bad, 0x110000);
  CHECK(bad == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("legacy single-byte charsets convert to UTF-8", "[text_encoding]") {
  // cp1252 0x80 is the euro sign and 0x93/0x94 curly quotes; latin-1 keeps them as C1.
  CHECK(windows1252_to_utf8("\x80 \x93x\x94 Caf\xE9") == "\xE2\x82\xAC \xE2\x80\x9Cx\xE2\x80\x9D Caf\xC3\xA9");
  CHECK(latin1_to_utf8("\x80\xE9") == "\xC2\x80\xC3\xA9");
  // Polish "Łódź" in windows-1250 and ISO-8859-2 (Ł differs between the two).
  CHECK(charset_to_utf8("\xA3\xF3\x64\x9F", "windows-1250") == "\xC5\x81\xC3\xB3\x64\xC5\xBA");
  CHECK(charset_to_utf8("\xA3\xF3\x64\xBC", "ISO-8859-2") == "\xC5\x81\xC3\xB3\x64\xC5\xBA");
  CHECK(charset_to_utf8("\xA4", "iso-8859-15") == "\xE2\x82\xAC");
  CHECK(charset_to_utf8("\xA4", "ISO_8859-1") == "\xC2\xA4");
  CHECK(charset_to_utf8("Caf\xE9", "CP1252") == "Caf\xC3\xA9");
}

TEST_CASE("declared UTF-8 or ASCII that is not valid falls back to windows-1252", "[text_encoding]") {
  CHECK(charset_to_utf8("Caf\xC3\xA9", "UTF-8") == "Caf\xC3\xA9");
  CHECK(charset_to_utf8("Caf\xE9", "utf-8") == "Caf\xC3\xA9");
  CHECK(charset_to_utf8("Caf\xE9", "us-ascii") == "Caf\xC3\xA9");
  CHECK_FALSE(charset_to_utf8("x", "klingon-7").has_value());
  CHECK(utf8_or_legacy("ok \xC3\xA9") == "ok \xC3\xA9");
  CHECK(utf8_or_legacy("M\xFCller") == "M\xC3\xBCller");
}

TEST_CASE("UTF-16 is detected with and without a byte-order mark", "[text_encoding]") {
  const std::string be = ascii_as_utf16("BEGIN:VCARD\r\n", true);
  const std::string le = ascii_as_utf16("BEGIN:VCARD\r\n", false);
  CHECK(detect_utf16(be) == Utf16Order::kBigEndian);
  CHECK(detect_utf16(le) == Utf16Order::kLittleEndian);
  CHECK(detect_utf16("\xFE\xFF" + be) == Utf16Order::kBigEndian);
  CHECK(detect_utf16("\xFF\xFE" + le) == Utf16Order::kLittleEndian);
  CHECK(detect_utf16("BEGIN:VCARD\r\n") == Utf16Order::kNone);
  CHECK(detect_utf16("") == Utf16Order::kNone);
  CHECK(decode_unicode_bytes(be) == "BEGIN:VCARD\r\n");
  CHECK(decode_unicode_bytes("\xFF\xFE" + le) == "BEGIN:VCARD\r\n");
  CHECK(decode_unicode_bytes("\xEF\xBB\xBFhello") == "hello");
  CHECK(decode_unicode_bytes("no bom") == "no bom");
}

TEST_CASE("UTF-16 conversion handles surrogate pairs and damage", "[text_encoding]") {
  // U+00E9 and U+1F600 (D83D DE00) big-endian.
  CHECK(utf16_to_utf8(std::string("\x00\xE9\xD8\x3D\xDE\x00", 6), true) == "\xC3\xA9\xF0\x9F\x98\x80");
  CHECK(utf16_to_utf8(std::string("\xE9\x00\x3D\xD8\x00\xDE", 6), false) == "\xC3\xA9\xF0\x9F\x98\x80");
  // An unpaired high surrogate followed by 'A', then an odd trailing byte.
  CHECK(utf16_to_utf8(std::string("\xD8\x3D\x00\x41\x00", 5), true) ==
        "\xEF\xBF\xBD"
        "A"
        "\xEF\xBF\xBD");
}

TEST_CASE("decode_text falls back to windows-1252 for invalid UTF-8", "[text_encoding]") {
  CHECK(decode_text("\xEF\xBB\xBFM\xC3\xBCller") == "M\xC3\xBCller");
  CHECK(decode_text("M\xFCller,K\xF6ln") == "M\xC3\xBCller,K\xC3\xB6ln");
}

TEST_CASE("base64 round-trips every length and decodes leniently", "[text_encoding]") {
  CHECK(base64_encode("") == "");
  CHECK(base64_encode("f") == "Zg==");
  CHECK(base64_encode("fo") == "Zm8=");
  CHECK(base64_encode("foo") == "Zm9v");
  CHECK(base64_encode("foobar") == "Zm9vYmFy");
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (size_t n = 0; n < all.size(); n += 17) {
    const std::string part = all.substr(0, n);
    CHECK(base64_decode(base64_encode(part)) == part);
  }
  CHECK(base64_decode(" Zm9v\r\n YmFy ") == "foobar");    // folded photo lines
  CHECK(base64_decode("Zg") == "f");                      // missing padding
  CHECK(base64_decode("-_-_") == base64_decode("+/+/"));  // URL-safe alphabet
  CHECK_FALSE(base64_decode("Zm9v!").has_value());
  CHECK_FALSE(base64_decode("Zm9vY").has_value());     // one leftover sextet
  CHECK_FALSE(base64_decode("Zg==Zg==").has_value());  // data after padding
}

TEST_CASE("quoted-printable decodes bytes, soft breaks and keeps junk", "[text_encoding]") {
  CHECK(quoted_printable_decode("Caf=C3=A9") == "Caf\xC3\xA9");
  CHECK(quoted_printable_decode("line one=0D=0Aline two") == "line one\r\nline two");
  CHECK(quoted_printable_decode("soft=\r\nbreak") == "softbreak");
  CHECK(quoted_printable_decode("soft=\nbreak") == "softbreak");
  CHECK(quoted_printable_decode("trailing= \r\nblank") == "trailingblank");
  CHECK(quoted_printable_decode("a=e9b") ==
        "a\xE9"
        "b");  // lower-case hex
  CHECK(quoted_printable_decode("100=%") == "100=%");
  CHECK(quoted_printable_decode("end=") == "end");
  CHECK(quoted_printable_decode("x=4") == "x=4");
}
