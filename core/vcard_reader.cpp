#include "core/vcard_reader.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <vector>

#include "core/date.h"
#include "core/model.h"
#include "core/text_encoding.h"
#include "core/vcard_writer.h"

namespace rekindle::core {
namespace {

// Report progress at most once per this many bytes: callbacks may redraw a window.
constexpr size_t kProgressStep = 64 * 1024;
// Apple's stand-in year for a birthday without a year.
constexpr std::string_view kAppleNoYear = "1604";

// ---------------------------------------------------------------- small string helpers

char upper_char(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
char lower_char(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string to_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = upper_char(c);
  return out;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_char(c);
  return out;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_blank(s.front()) || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (upper_char(a[i]) != upper_char(b[i])) return false;
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool icontains(std::string_view haystack, std::string_view needle) {
  if (needle.size() > haystack.size()) return false;
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i)
    if (iequals(haystack.substr(i, needle.size()), needle)) return true;
  return false;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

template <typename Number>
std::optional<Number> parse_number(std::string_view s) {
  s = trim(s);
  Number value{};
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

// ---------------------------------------------------------------- physical lines and cards

struct PhysicalLine {
  std::string_view text;
  int number = 0;         // 1-based
  size_t end_offset = 0;  // offset just past the line ending, for progress
};

// Splits on CRLF, bare LF and bare CR: more than half of real files do not use CRLF.
std::vector<PhysicalLine> split_lines(std::string_view text) {
  std::vector<PhysicalLine> lines;
  size_t start = 0;
  int number = 1;
  while (start < text.size()) {
    size_t end = start;
    while (end < text.size() && text[end] != '\r' && text[end] != '\n') ++end;
    size_t next = end;
    if (next < text.size()) {
      next += (text[next] == '\r' && next + 1 < text.size() && text[next + 1] == '\n') ? 2 : 1;
    }
    lines.push_back({text.substr(start, end - start), number++, next});
    start = next;
  }
  return lines;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// A line starting with a blank is a folded continuation, never a card boundary.
bool is_begin(std::string_view line) { return iequals(trim_right(line), "BEGIN:VCARD"); }
bool is_end(std::string_view line) { return iequals(trim_right(line), "END:VCARD"); }

// The property name of a raw line (group removed, upper case) and its value.
std::string physical_name(std::string_view line) {
  line = trim(line);
  const size_t stop = line.find_first_of(";:");
  std::string_view head = line.substr(0, stop);
  const size_t dot = head.rfind('.');
  if (dot != std::string_view::npos) head.remove_prefix(dot + 1);
  return to_upper(trim(head));
}

std::string_view physical_value(std::string_view line) {
  const size_t colon = line.find(':');
  return colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
}

// "AGENT:" with nothing after it: vCard 2.1 puts the agent's card on the following lines.
bool is_agent_opening(std::string_view line) {
  // Cheap tests first: this runs on every line, base64 data included.
  return line.find(':') != std::string_view::npos && trim(physical_value(line)).empty() &&
         physical_name(line) == "AGENT";
}

// "AGENT:BEGIN:VCARD" with the agent's card on the following, unescaped lines.
bool is_agent_inline_begin(std::string_view line) {
  return iequals(trim(physical_value(line)), "BEGIN:VCARD") && physical_name(line) == "AGENT";
}

// Index of the END:VCARD closing the card opened at lines[open], or nullopt when the card
// is cut short; *stop is where scanning stopped (end of input or the next card's BEGIN).
// A BEGIN:VCARD right after "AGENT:" opens a nested card rather than a new one.
std::optional<size_t> find_card_end(const std::vector<PhysicalLine>& lines, size_t open, size_t* stop) {
  int depth = 0;
  std::string_view previous;
  for (size_t i = open + 1; i < lines.size(); ++i) {
    const std::string_view text = lines[i].text;
    if (is_end(text)) {
      if (depth == 0) return i;
      --depth;
    } else if (is_begin(text)) {
      if (!is_agent_opening(previous)) {
        *stop = i;
        return std::nullopt;
      }
      ++depth;
    } else if (is_agent_inline_begin(text)) {
      ++depth;
    }
    if (!trim(text).empty()) previous = text;
  }
  *stop = lines.size();
  return std::nullopt;
}

// ---------------------------------------------------------------- logical (unfolded) lines

struct LogicalLine {
  std::string text;
  int number = 0;
};

std::string_view head_of(std::string_view line) { return line.substr(0, line.find(':')); }

bool is_quoted_printable_line(std::string_view line) { return icontains(head_of(line), "QUOTED-PRINTABLE"); }

bool is_base64_line(std::string_view line) {
  const std::string_view head = head_of(line);
  return icontains(head, "BASE64") || icontains(head, "ENCODING=B;") ||
         (head.size() >= 10 && iequals(head.substr(head.size() - 10), "ENCODING=B"));
}

bool looks_like_base64_data(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' ||
           c == '=' || is_blank(c);
  });
}

std::string join_lines(const std::vector<PhysicalLine>& lines, size_t first, size_t last_inclusive) {
  std::string out;
  for (size_t i = first; i <= last_inclusive && i < lines.size(); ++i) {
    if (i > first) out += '\n';
    out += lines[i].text;
  }
  return out;
}

// Unfolds the physical lines [first, last) of one card. The bytes are unfolded before any
// decoding because writers fold in the middle of UTF-8 sequences and QP escapes.
// vCard 2.1 folds RFC 822 style, where the whitespace belongs to the value.
std::vector<LogicalLine> unfold_card(const std::vector<PhysicalLine>& lines, size_t first, size_t last,
                                     bool keep_fold_whitespace) {
  std::vector<LogicalLine> out;
  bool base64_run = false;
  for (size_t i = first; i < last; ++i) {
    const std::string_view text = lines[i].text;
    if (trim(text).empty()) {
      base64_run = false;  // vCard 2.1 ends inline base64 data with a blank line
      // A quoted-printable soft break before a blank line continues with nothing: the value
      // ends here, and the next property must not be read as part of it.
      if (!out.empty() && !out.back().text.empty() && out.back().text.back() == '=' &&
          is_quoted_printable_line(out.back().text)) {
        out.back().text.pop_back();
        continue;
      }
      // In 3.0/4.0 " " + blanks is a fold whose data is blanks (a value ending in spaces).
      if (!keep_fold_whitespace && !text.empty() && !out.empty()) out.back().text += text.substr(1);
      continue;
    }
    if (!out.empty()) {
      std::string& current = out.back().text;
      // A quoted-printable soft break: '=' ends the line and the value goes on with the
      // next line as it is. In 2.1 its leading blanks are data; in 3.0/4.0 (our own
      // exports of 2.1 lines) an indented line is a fold, which may follow any octet.
      const bool indented = is_blank(text.front());
      if (!current.empty() && current.back() == '=' && is_quoted_printable_line(current) &&
          (keep_fold_whitespace || !indented) && !is_end(text) && !is_begin(text)) {
        current.pop_back();
        current += text;
        continue;
      }
      if (indented) {
        current += keep_fold_whitespace ? text : text.substr(1);
        continue;
      }
      // 2.1 base64 data often continues on unindented lines until a blank line.
      if (base64_run && looks_like_base64_data(text)) {
        current += text;
        continue;
      }
    }
    if (is_begin(text) || is_agent_inline_begin(text)) {
      // A nested AGENT card: keep it whole, escaped, as the AGENT property's value (the
      // vCard 3.0 form), so that it never becomes a contact of its own.
      size_t stop = 0;
      const size_t close = find_card_end(lines, i, &stop).value_or(last - 1);
      const bool inline_begin = !is_begin(text);
      std::string nested = inline_begin ? "BEGIN:VCARD" : join_lines(lines, i, i);
      if (close > i) nested += '\n' + join_lines(lines, i + 1, close);
      if (inline_begin) {
        const std::string_view prefix = text.substr(0, text.find(':') + 1);
        out.push_back({std::string(trim(prefix)) + escape_vcard_text(nested), lines[i].number});
      } else if (!out.empty()) {
        out.back().text += escape_vcard_text(nested);
      }
      i = std::max(i, std::min(close, last - 1));
      base64_run = false;
      continue;
    }
    // Only leading blanks go: a trailing blank may be data that a writer folded after.
    std::string_view start = text;
    while (!start.empty() && is_blank(start.front())) start.remove_prefix(1);
    out.push_back({std::string(start), lines[i].number});
    base64_run = is_base64_line(text);
  }
  return out;
}

// ---------------------------------------------------------------- content lines

struct Param {
  std::string name;   // upper case; empty for a bare vCard 2.1 parameter ("WORK")
  std::string value;  // quotes removed, RFC 6868 caret escapes decoded
};

struct ContentLine {
  std::string raw;  // the unfolded line, kept verbatim for properties we do not model
  int number = 0;
  std::string group;  // as written ("item1"), less any character the grammar forbids
  std::string name;   // upper case
  std::vector<Param> params;
  std::string value;  // still encoded and escaped
};

// RFC 6868: ^n newline, ^^ caret, ^' double quote; other carets stay. The result is UTF-8
// (parameters have no charset of their own, so legacy bytes are read as windows-1252).
std::string decode_param_value(std::string_view raw) {
  const std::string s = utf8_or_legacy(raw);
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"') continue;
    if (c == '^' && i + 1 < s.size()) {
      const char next = s[i + 1];
      if (next == 'n' || next == 'N') {
        out += '\n';
        ++i;
        continue;
      }
      if (next == '^' || next == '\'') {
        out += next == '^' ? '^' : '"';
        ++i;
        continue;
      }
    }
    out += c;
  }
  return out;
}

// Splits on sep outside double quotes.
std::vector<std::string_view> split_outside_quotes(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  bool quoted = false;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') quoted = !quoted;
    if (s[i] == sep && !quoted) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(s.substr(start));
  return parts;
}

std::optional<ContentLine> parse_content_line(const LogicalLine& logical) {
  const std::string_view s = logical.text;
  size_t colon = std::string_view::npos;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') quoted = !quoted;
    if (s[i] == ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon == std::string_view::npos) colon = s.find(':');  // unbalanced quote
  if (colon == std::string_view::npos) return std::nullopt;

  ContentLine line;
  line.raw = logical.text;
  line.number = logical.number;
  line.value = std::string(s.substr(colon + 1));
  const auto parts = split_outside_quotes(s.substr(0, colon), ';');
  std::string_view name = trim(parts[0]);
  const size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    line.group = clean_vcard_group(name.substr(0, dot));
    name.remove_prefix(dot + 1);
  }
  line.name = to_upper(name);
  if (line.name.empty()) return std::nullopt;
  for (size_t k = 1; k < parts.size(); ++k) {
    const std::string_view part = trim(parts[k]);
    if (part.empty()) continue;
    const size_t eq = part.find('=');
    if (eq == std::string_view::npos) {
      line.params.push_back({"", decode_param_value(part)});
    } else {
      line.params.push_back({to_upper(trim(part.substr(0, eq))), decode_param_value(trim(part.substr(eq + 1)))});
    }
  }
  return line;
}

std::optional<std::string> param_value(const ContentLine& line, std::string_view name) {
  for (const Param& p : line.params)
    if (p.name == name) return p.value;
  return std::nullopt;
}

bool is_encoding_word(std::string_view word) {
  return iequals(word, "QUOTED-PRINTABLE") || iequals(word, "BASE64") || iequals(word, "B") || iequals(word, "8BIT") ||
         iequals(word, "7BIT");
}

// ENCODING=..., or a bare 2.1 ";QUOTED-PRINTABLE;" / ";BASE64;", upper case.
std::string encoding_of(const ContentLine& line) {
  if (auto value = param_value(line, "ENCODING")) return to_upper(*value);
  for (const Param& p : line.params)
    if (p.name.empty() && is_encoding_word(p.value)) return to_upper(p.value);
  return "";
}

// Lower-case TYPE words in all three styles: TYPE=a;TYPE=b, TYPE=a,b and bare 2.1 words.
std::vector<std::string> type_words(const ContentLine& line) {
  std::vector<std::string> words;
  auto add = [&](std::string_view word) {
    const std::string w = to_lower(trim(word));
    if (!w.empty() && std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
  };
  // Words never hold a comma: a label is its words joined by ',' (see LabeledValue).
  for (const Param& p : line.params) {
    if (p.name == "TYPE" || (p.name.empty() && !is_encoding_word(p.value))) {
      for (std::string_view word : split_outside_quotes(p.value, ',')) add(word);
    }
  }
  return words;
}

// Decodes the transfer encoding and charset; the result is UTF-8, still vCard-escaped.
std::string decode_value(const ContentLine& line) {
  std::string bytes = encoding_of(line) == "QUOTED-PRINTABLE" ? quoted_printable_decode(line.value) : line.value;
  if (auto charset = param_value(line, "CHARSET")) {
    if (auto converted = charset_to_utf8(bytes, *charset)) return *converted;
  }
  return utf8_or_legacy(bytes);
}

// Undoes vCard escapes (RFC 6350 §3.4) the lenient way real readers do: "\n"/"\N" is a line
// break and a backslash before any other character stands for that character, so Apple's
// "http\://" and Gmail's "\"AS IS\"" read as written. Line breaks become '\n'.
std::string unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    // A backslash before a line break (decoded from quoted-printable) is a plain
    // backslash: the break itself must still be read as one.
    if (c == '\\' && i + 1 < s.size() && s[i + 1] != '\r' && s[i + 1] != '\n') {
      const char next = s[i + 1];
      if (next == 'n' || next == 'N') {
        out += '\n';
      } else {
        out += next;
      }
      ++i;
    } else if (c == '\r') {
      if (i + 1 >= s.size() || s[i + 1] != '\n') out += '\n';  // CRLF (from QP =0D=0A) or bare CR
    } else {
      out += c;
    }
  }
  return out;
}

// Splits an escaped value on sep where sep is not escaped.
std::vector<std::string_view> split_unescaped(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(s.substr(start));
  return parts;
}

std::string text_of(const ContentLine& line) { return unescape(decode_value(line)); }

// Components of a compound value (N, ADR, ORG...), padded to at least count entries.
std::vector<std::string> components_of(const ContentLine& line, size_t count) {
  const std::string decoded = decode_value(line);
  std::vector<std::string> out;
  for (std::string_view part : split_unescaped(decoded, ';')) out.push_back(unescape(part));
  if (out.size() < count) out.resize(count);
  return out;
}

// The line as kept in extra_properties: always UTF-8, since it is re-emitted in a 4.0 file.
std::string verbatim_line(const ContentLine& line) {
  std::string text = line.raw;
  if (!is_valid_utf8(text)) {
    std::optional<std::string> converted;
    if (auto charset = param_value(line, "CHARSET")) converted = charset_to_utf8(text, *charset);
    text = converted ? *converted : windows1252_to_utf8(text);
  }
  // An AGENT whose whole value is "BEGIN:VCARD" (its card lost to folding or damage) would
  // open a nested card when our export is read back; an escaped line end keeps it inert.
  if (line.name == "AGENT" && iequals(trim(line.value), "BEGIN:VCARD")) text += "\\n";
  return text;
}

// ---------------------------------------------------------------- field helpers

// "_$!<Other>!$_" -> "other"; custom Apple labels are lower-cased as they are.
std::string apple_label(std::string_view label) {
  label = trim(label);
  if (label.size() >= 8 && label.substr(0, 4) == "_$!<" && label.substr(label.size() - 4) == ">!$_")
    label = label.substr(4, label.size() - 8);
  // Same shape as a label made of TYPE words: lower case, trimmed words joined by ','.
  std::string canonical;
  for (std::string_view word : split_outside_quotes(label, ',')) {
    word = trim(word);
    if (!word.empty()) canonical += (canonical.empty() ? "" : ",") + to_lower(word);
  }
  return canonical;
}

bool is_linkedin_url(std::string_view url) {
  std::string_view rest = trim(url);
  const size_t scheme = rest.find("://");
  if (scheme != std::string_view::npos) rest.remove_prefix(scheme + 3);
  const std::string_view host = rest.substr(0, rest.find_first_of("/?#:"));
  return iequals(host, "linkedin.com") || (host.size() > 13 && iequals(host.substr(host.size() - 13), ".linkedin.com"));
}

bool is_web_url(std::string_view url) {
  return istarts_with(trim(url), "http://") || istarts_with(trim(url), "https://") || istarts_with(trim(url), "www.");
}

// Normalises the date spellings of BDAY/ANNIVERSARY to "YYYY-MM-DD" or "--MM-DD"; free
// text and partial forms are kept as read.
std::string normalize_date(std::string_view text, const std::optional<std::string>& omit_year) {
  const std::string_view original = trim(text);
  std::string_view date = original;
  const size_t t = date.find('T');
  if (t != std::string_view::npos && t > 0) date = date.substr(0, t);
  std::string year, month, day;
  if (date.size() == 8 && all_digits(date)) {
    year = date.substr(0, 4), month = date.substr(4, 2), day = date.substr(6, 2);
  } else if (date.size() == 10 && date[4] == '-' && date[7] == '-' && all_digits(date.substr(0, 4)) &&
             all_digits(date.substr(5, 2)) && all_digits(date.substr(8, 2))) {
    year = date.substr(0, 4), month = date.substr(5, 2), day = date.substr(8, 2);
  } else if (date.size() == 6 && date.substr(0, 2) == "--" && all_digits(date.substr(2))) {
    month = date.substr(2, 2), day = date.substr(4, 2);
  } else if (date.size() == 7 && date.substr(0, 2) == "--" && date[4] == '-' && all_digits(date.substr(2, 2)) &&
             all_digits(date.substr(5, 2))) {
    month = date.substr(2, 2), day = date.substr(5, 2);
  } else {
    return std::string(original);
  }
  if (year == kAppleNoYear || (omit_year && !year.empty() && trim(*omit_year) == year)) year.clear();
  return (year.empty() ? std::string("-") : year) + "-" + month + "-" + day;
}

// Image type from the first bytes; empty when the data is not an image we show.
std::string image_mime(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xFF\xD8\xFF") return "image/jpeg";
  if (bytes.size() >= 8 && bytes.substr(0, 8) == "\x89PNG\r\n\x1A\n") return "image/png";
  if (bytes.size() >= 6 && (bytes.substr(0, 6) == "GIF87a" || bytes.substr(0, 6) == "GIF89a")) return "image/gif";
  if (bytes.size() >= 26 && bytes.substr(0, 2) == "BM") return "image/bmp";
  if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP") return "image/webp";
  return "";
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

enum class PhotoKind { kReference, kImage, kNotAnImage };

// Reads an inline photo in any of its spellings: 2.1 "ENCODING=BASE64" / bare "BASE64",
// 3.0 "ENCODING=b", 4.0 "data:" URIs, and bare base64 with no encoding at all. A URL
// reference is kReference; inline data that is not a JPEG/PNG/GIF/BMP/WebP is kNotAnImage.
PhotoKind read_photo(const ContentLine& line, Photo* photo) {
  const std::string_view value = trim(line.value);
  std::optional<std::string> bytes;
  const std::string encoding = encoding_of(line);
  if (istarts_with(value, "data:")) {
    const size_t comma = value.find(',');
    if (comma == std::string_view::npos) return PhotoKind::kNotAnImage;
    const std::string_view meta = value.substr(5, comma - 5);
    bytes = icontains(meta, ";base64") ? base64_decode(value.substr(comma + 1))
                                       : std::optional<std::string>(percent_decode(value.substr(comma + 1)));
  } else if (encoding == "BASE64" || encoding == "B") {
    bytes = base64_decode(value);
  } else if (value.find(':') == std::string_view::npos && !value.empty()) {
    bytes = base64_decode(value);  // some writers drop the ENCODING parameter
    if (!bytes || image_mime(*bytes).empty()) return PhotoKind::kReference;
  } else {
    return PhotoKind::kReference;
  }
  if (!bytes) return PhotoKind::kNotAnImage;
  std::string mime = image_mime(*bytes);
  if (mime.empty()) return PhotoKind::kNotAnImage;
  photo->mime = std::move(mime);
  photo->bytes = std::move(*bytes);
  return PhotoKind::kImage;
}

bool parse_flag(std::string_view s) {
  s = trim(s);
  return s == "1" || iequals(s, "true") || iequals(s, "yes");
}

// ---------------------------------------------------------------- one card

struct CardState {
  ParsedRecord record;
  std::optional<Day> connected;  // X-REKINDLE-CONNECTED (REV is an edit time, not a touch)
  bool have_fn = false, have_n = false, have_org = false;
  std::vector<ImportNote>* notes = nullptr;
  // Rank of each e-mail's preference (PREF=1 is 1, TYPE=pref 1, none kNoPreference), for
  // putting the preferred address first.
  std::vector<int> email_rank;
};

constexpr int kNoPreference = 101;  // PREF runs 1..100

int preference_rank(const ContentLine& line) {
  int rank = kNoPreference;
  for (const std::string& word : type_words(line))
    if (word == "pref") rank = 1;
  if (auto pref = param_value(line, "PREF")) {
    if (trim(*pref).empty()) return 1;
    if (auto n = parse_number<int>(*pref); n && *n >= 1 && *n < rank) rank = *n;
  }
  return rank;
}

LabeledValue labeled_value(const ContentLine& line, std::string value, bool drop_internet,
                           const std::vector<std::pair<std::string, std::string>>& group_labels) {
  LabeledValue out;
  out.value = std::string(trim(value));
  out.group = line.group;
  std::string label;
  for (const std::string& word : type_words(line)) {
    if (word == "pref") {
      out.preferred = true;
    } else if (!(drop_internet && word == "internet")) {
      label += (label.empty() ? "" : ",") + word;
    }
  }
  if (auto pref = param_value(line, "PREF")) out.preferred = out.preferred || trim(*pref) == "1" || trim(*pref).empty();
  if (label.empty() && !line.group.empty()) {
    for (const auto& [group, group_label] : group_labels)
      if (iequals(group, line.group)) label = group_label;
  }
  out.label = label;
  return out;
}

// Adds value, or when the same value is already there (the same number listed as "work"
// and "fax"), adds its type words to that one: one value keeps every type it was given.
// Returns the index of the value in values, or -1 when it was empty.
int add_unique(std::vector<LabeledValue>& values, LabeledValue value, bool ignore_case = false) {
  if (value.value.empty()) return -1;
  for (size_t i = 0; i < values.size(); ++i) {
    LabeledValue& existing = values[i];
    const bool same = ignore_case ? iequals(existing.value, value.value) : existing.value == value.value;
    if (!same) continue;
    for (std::string_view word : split_outside_quotes(value.label, ',')) {
      bool known = false;
      for (std::string_view have : split_outside_quotes(existing.label, ','))
        known = known || have == word;
      if (!known && !word.empty()) existing.label += (existing.label.empty() ? "" : ",") + std::string(word);
    }
    existing.preferred = existing.preferred || value.preferred;
    if (existing.group.empty()) existing.group = value.group;
    return static_cast<int>(i);
  }
  values.push_back(std::move(value));
  return static_cast<int>(values.size() - 1);
}

// Reads one of our own X-REKINDLE-* properties; false when it is not one we understand,
// so that it is kept verbatim instead.
bool read_rekindle_property(const ContentLine& line, CardState& state) {
  Contact& c = state.record.contact;
  const std::string_view key = std::string_view(line.name).substr(11);  // after "X-REKINDLE-"
  const std::string text = std::string(trim(text_of(line)));
  if (key == "TIER") {
    if (!is_valid_tier(text)) return false;
    c.tier = text;
  } else if (key == "CADENCE") {
    const auto days = parse_number<int>(text);
    if (!days || *days <= 0) return false;
    c.cadence_days = *days;
  } else if (key == "TRUST") {
    const auto trust = parse_number<double>(text);
    if (!trust || *trust < 0.0 || *trust > 1.0) return false;
    c.trust = *trust;
  } else if (key == "CONNECTED" || key == "DUE") {
    const auto day = parse_iso_day(text);
    if (!day) return false;
    (key == "DUE" ? c.due : state.connected) = *day;
  } else if (key == "SNOOZE-STREAK") {
    const auto streak = parse_number<int>(text);
    if (!streak || *streak < 0) return false;
    c.snooze_streak = *streak;
  } else if (key == "STARRED") {
    c.starred = parse_flag(text);
  } else if (key == "ARCHIVED") {
    c.archived = parse_flag(text);
  } else if (key == "SOURCE") {
    if (text.empty()) return false;
    c.source = text;
  } else if (key == "TOPIC") {
    c.topic = text;
  } else if (key == "INTERACTION") {
    const auto parts = components_of(line, 5);
    Interaction interaction;
    const auto day = parse_iso_day(trim(parts[0]));
    if (!day) return false;
    interaction.date = *day;
    if (!trim(parts[1]).empty()) interaction.channel = std::string(trim(parts[1]));
    if (!trim(parts[2]).empty()) interaction.kind = std::string(trim(parts[2]));
    if (!trim(parts[3]).empty()) {
      const auto grade = parse_number<int>(parts[3]);
      if (!grade) return false;
      interaction.grade = *grade;
    }
    interaction.note = parts[4];
    state.record.interactions.push_back(std::move(interaction));
  } else if (key == "DECISION") {
    // day;direction;card kind ("due" or "reactivation"; a kind this version does not know
    // counts as due). A bad day or direction: the line is kept verbatim, the card imported.
    const auto parts = components_of(line, 3);
    const auto day = parse_iso_day(trim(parts[0]));
    const auto direction = parse_direction(trim(parts[1]));
    if (!day || !direction) return false;
    state.record.decisions.push_back({*day, *direction, trim(parts[2]) == "reactivation"});
  } else if (key == "GOAL") {
    const auto parts = components_of(line, 4);
    ParsedGoalLink link;
    link.goal_text = parts[0];
    if (link.goal_text.empty()) return false;
    if (!trim(parts[1]).empty()) link.link.relevance = std::string(trim(parts[1]));
    link.link.can_help = parts[2];
    link.link.offer = parts[3];
    state.record.goal_links.push_back(std::move(link));
  } else {
    return false;
  }
  return true;
}

// Maps one content line onto the contact; false when it belongs in extra_properties.
bool read_property(const ContentLine& line, CardState& state,
                   const std::vector<std::pair<std::string, std::string>>& group_labels) {
  Contact& c = state.record.contact;
  const std::string& name = line.name;
  if (name == "VERSION" || name == "BEGIN" || name == "END") return true;
  if (name == "FN") {
    const std::string text(trim(text_of(line)));
    if (state.have_fn || text.empty()) return false;
    c.name = text;
    state.have_fn = true;
  } else if (name == "N") {
    if (state.have_n) return false;
    const auto parts = components_of(line, 5);
    c.family_name = trim(parts[0]), c.given_name = trim(parts[1]), c.middle_name = trim(parts[2]);
    c.name_prefix = trim(parts[3]), c.name_suffix = trim(parts[4]);
    state.have_n = true;
  } else if (name == "NICKNAME") {
    if (!c.nickname.empty()) return false;
    c.nickname = trim(text_of(line));
  } else if (name == "ORG") {
    if (state.have_org) return false;
    const auto parts = components_of(line, 1);
    std::string department;
    for (size_t i = 1; i < parts.size(); ++i) {
      const std::string_view unit = trim(parts[i]);
      if (!unit.empty()) department += (department.empty() ? "" : ", ") + std::string(unit);
    }
    // An empty ORG stays verbatim: the writer omits it, so a later ORG would win next time.
    if (trim(parts[0]).empty() && department.empty()) return false;
    c.company = trim(parts[0]);
    c.department = department;
    state.have_org = true;
  } else if (name == "TITLE") {
    if (!c.title.empty()) return false;
    c.title = trim(text_of(line));
  } else if (name == "EMAIL" || name == "TEL" || name == "URL") {
    std::string value(trim(text_of(line)));
    if (name == "TEL" && istarts_with(value, "tel:")) value.erase(0, 4);
    if (value.empty()) return false;
    LabeledValue item = labeled_value(line, value, name == "EMAIL", group_labels);
    if (name == "URL" && is_linkedin_url(item.value)) item.label = "linkedin";
    if (name == "EMAIL") {
      const int at = add_unique(c.emails, std::move(item), true);
      if (at >= 0) {
        state.email_rank.resize(c.emails.size(), kNoPreference);
        state.email_rank[static_cast<size_t>(at)] = std::min(state.email_rank[static_cast<size_t>(at)],
                                                             preference_rank(line));
      }
    } else {
      add_unique(name == "TEL" ? c.phones : c.urls, std::move(item));
    }
  } else if (name == "ADR") {
    AddressParts parts;
    const auto components = components_of(line, kAddressParts);
    for (size_t i = 0; i < kAddressParts; ++i) parts[i] = std::string(trim(components[i]));
    const std::string joined = address_text(parts);
    if (joined.empty()) return false;
    add_unique(c.addresses, labeled_value(line, joined, false, group_labels));
    // The structure (street, locality, region, code, country) rides along for the export.
    const std::string structure = address_structure_line(parts);
    if (address_has_structure(parts) && std::find(c.extra_properties.begin(), c.extra_properties.end(), structure) == c.extra_properties.end())
      c.extra_properties.push_back(structure);
  } else if (name == "X-SOCIALPROFILE") {
    const std::string value(trim(text_of(line)));
    const auto words = type_words(line);
    const bool linkedin = is_linkedin_url(value) || std::find(words.begin(), words.end(), "linkedin") != words.end();
    if (!linkedin || !is_web_url(value)) return false;
    LabeledValue item = labeled_value(line, value, false, group_labels);
    item.label = "linkedin";
    add_unique(c.urls, std::move(item));
  } else if (name == "BDAY") {
    // An empty first BDAY stays verbatim, or a later one would win only after a round trip.
    if (!c.birthday.empty()) return false;
    c.birthday = normalize_date(text_of(line), param_value(line, "X-APPLE-OMIT-YEAR"));
    if (c.birthday.empty()) return false;
  } else if (name == "ANNIVERSARY" || name == "X-ANNIVERSARY" || name == "X-MS-ANNIVERSARY" ||
             name == "X-EVOLUTION-ANNIVERSARY") {
    if (!c.anniversary.empty()) return false;
    c.anniversary = normalize_date(text_of(line), param_value(line, "X-APPLE-OMIT-YEAR"));
    if (c.anniversary.empty()) return false;
  } else if (name == "X-ABDATE") {
    // Apple's labelled dates: read an anniversary, but keep the line for the label pair.
    if (c.anniversary.empty() && !line.group.empty()) {
      for (const auto& [group, label] : group_labels) {
        if (iequals(group, line.group) && label == "anniversary")
          c.anniversary = normalize_date(text_of(line), param_value(line, "X-APPLE-OMIT-YEAR"));
      }
    }
    return false;
  } else if (name == "NOTE") {
    const std::string text = text_of(line);
    c.notes += (c.notes.empty() ? "" : "\n") + text;
  } else if (name == "CATEGORIES") {
    // A list on ',' (3.0/4.0); 2.1 writers also separate with ';'. Every entry is kept.
    const std::string decoded = decode_value(line);
    for (std::string_view list : split_unescaped(decoded, ';')) {
      for (std::string_view part : split_unescaped(list, ',')) {
        const std::string tag(trim(unescape(part)));
        if (!tag.empty() && std::find(c.tags.begin(), c.tags.end(), tag) == c.tags.end()) c.tags.push_back(tag);
      }
    }
  } else if (name == "PHOTO") {
    if (c.photo) return false;
    Photo photo;
    switch (read_photo(line, &photo)) {
      case PhotoKind::kImage:
        c.photo = std::move(photo);
        break;
      case PhotoKind::kNotAnImage:
        // Damaged or not an image: left out, but never without a word.
        if (state.notes)
          state.notes->push_back({line.number, "the photo is not valid base64 image data (JPEG, PNG, GIF, BMP or "
                                               "WebP); it was left out"});
        break;
      case PhotoKind::kReference:
        return false;  // a photo given by URL: kept verbatim, see photo_uri()
    }
  } else if (name.size() > 11 && name.compare(0, 11, "X-REKINDLE-") == 0) {
    return read_rekindle_property(line, state);
  } else {
    return false;
  }
  return true;
}

std::string version_of(const std::vector<PhysicalLine>& lines, size_t first, size_t last) {
  for (size_t i = first; i < last; ++i) {
    if (physical_name(lines[i].text) == "VERSION") return std::string(trim(physical_value(lines[i].text)));
  }
  return "3.0";
}

// Parses the card between lines[open] (BEGIN) and lines[close] (END).
std::optional<ParsedRecord> read_card(const std::vector<PhysicalLine>& lines, size_t open, size_t close,
                                      std::string* reason, std::vector<ImportNote>* notes) {
  const bool v21 = version_of(lines, open + 1, close) == "2.1";
  std::vector<ContentLine> content;
  for (const LogicalLine& logical : unfold_card(lines, open + 1, close, v21)) {
    if (auto line = parse_content_line(logical)) content.push_back(std::move(*line));
  }
  // Apple pairs "item1.EMAIL" with "item1.X-ABLabel"; labels are needed before the values.
  std::vector<std::pair<std::string, std::string>> group_labels;
  for (const ContentLine& line : content) {
    if (line.name == "X-ABLABEL" && !line.group.empty())
      group_labels.emplace_back(line.group, apple_label(text_of(line)));
  }
  CardState state;
  state.notes = notes;
  state.record.line = lines[open].number;
  state.record.contact.source = "vcard";
  for (const ContentLine& line : content) {
    if (!read_property(line, state, group_labels)) state.record.contact.extra_properties.push_back(verbatim_line(line));
  }
  Contact& c = state.record.contact;
  c.connected_on = state.connected;
  // Address structures first, as a written card (ADR before the verbatim lines) reads back.
  std::stable_partition(c.extra_properties.begin(), c.extra_properties.end(),
                        [](const std::string& line) { return is_address_structure_line(line); });
  // The preferred e-mail first (PREF=1 before PREF=2 before none); otherwise file order.
  if (c.emails.size() > 1) {
    state.email_rank.resize(c.emails.size(), kNoPreference);
    std::vector<size_t> order(c.emails.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return state.email_rank[a] < state.email_rank[b]; });
    std::vector<LabeledValue> sorted;
    for (size_t i : order) sorted.push_back(std::move(c.emails[i]));
    c.emails = std::move(sorted);
  }
  if (c.name.empty()) c.name = derive_display_name(c);
  if (c.name.empty()) {
    *reason = "card has no name, organisation, e-mail, phone or URL";
    return std::nullopt;
  }
  return std::move(state.record);
}

}  // namespace

std::string derive_display_name(const Contact& c) {
  std::string name;
  for (const std::string* part : {&c.given_name, &c.middle_name, &c.family_name}) {
    if (!part->empty()) name += (name.empty() ? "" : " ") + *part;
  }
  if (!name.empty()) return name;
  if (!c.nickname.empty()) return c.nickname;
  if (!c.company.empty()) return c.company;
  for (const auto* list : {&c.emails, &c.phones, &c.urls}) {
    if (!list->empty()) return list->front().value;
  }
  return "";
}

std::string address_text(const AddressParts& parts) {
  std::string out;
  for (const std::string& part : parts) {
    const std::string_view piece = trim(part);
    if (!piece.empty()) out += (out.empty() ? "" : ", ") + std::string(piece);
  }
  return out;
}

std::string address_one_line(std::string_view text) {
  std::string out;
  for (std::string_view piece : split_outside_quotes(text, '\n')) {
    piece = trim(piece);
    if (!piece.empty()) out += (out.empty() ? "" : ", ") + std::string(piece);
  }
  return out;
}

std::string address_structure_line(const AddressParts& parts) {
  std::string line = "X-REKINDLE-ADR:";
  for (size_t i = 0; i < parts.size(); ++i) line += (i ? ";" : "") + escape_vcard_text(parts[i]);
  return line;
}

bool address_has_structure(const AddressParts& parts) {
  for (size_t i = 0; i < parts.size(); ++i)
    if (i != 2 && !trim(parts[i]).empty()) return true;
  return false;
}

bool is_address_structure_line(std::string_view line) { return istarts_with(line, "X-REKINDLE-ADR:"); }

std::optional<AddressParts> address_structure(const Contact& contact, std::string_view text) {
  for (const std::string& extra : contact.extra_properties) {
    if (!is_address_structure_line(extra)) continue;
    const auto line = parse_content_line({extra, 0});
    if (!line) continue;
    const auto components = components_of(*line, kAddressParts);
    AddressParts parts;
    for (size_t i = 0; i < kAddressParts; ++i) parts[i] = components[i];
    if (address_one_line(address_text(parts)) == address_one_line(text)) return parts;
  }
  return std::nullopt;
}

std::string photo_uri(const Contact& contact) {
  for (const std::string& extra : contact.extra_properties) {
    if (physical_name(extra) != "PHOTO") continue;
    const auto line = parse_content_line({extra, 0});
    if (!line) continue;
    const std::string uri(trim(text_of(*line)));
    const auto value = param_value(*line, "VALUE");
    if ((value && (iequals(trim(*value), "uri") || iequals(trim(*value), "url"))) || uri.find("://") != std::string::npos) return uri;
  }
  return "";
}

ParseOutput parse_vcard(std::string_view bytes, const ProgressFn& progress) {
  ParseOutput output;
  output.format = "vcard";
  const std::string text = decode_unicode_bytes(bytes);
  const std::vector<PhysicalLine> lines = split_lines(text);
  // Progress is reported in input bytes, whatever the decoding did to the length.
  auto report = [&](size_t text_offset) {
    if (!progress) return true;
    const size_t done = text.empty()
                            ? bytes.size()
                            : static_cast<size_t>(static_cast<double>(text_offset) / static_cast<double>(text.size()) *
                                                  static_cast<double>(bytes.size()));
    return progress(std::min(done, bytes.size()), bytes.size());
  };
  if (!report(0)) return output;
  size_t last_report = 0;
  bool saw_card = false;
  size_t i = 0;
  while (i < lines.size()) {
    if (!is_begin(lines[i].text)) {
      ++i;
      continue;
    }
    saw_card = true;
    size_t stop = 0;
    const auto close = find_card_end(lines, i, &stop);
    size_t next = 0;
    if (!close) {
      output.skipped.push_back({lines[i].number, "card has no END:VCARD (file cut short?)"});
      next = stop;
    } else {
      std::string reason;
      if (auto record = read_card(lines, i, *close, &reason, &output.notes)) {
        output.records.push_back(std::move(*record));
      } else {
        output.skipped.push_back({lines[i].number, reason});
      }
      next = *close + 1;
    }
    const size_t offset = lines[next - 1].end_offset;
    if (offset - last_report >= kProgressStep) {
      last_report = offset;
      if (!report(offset)) return output;
    }
    i = next;
  }
  if (!saw_card && !trim(text).empty()) output.skipped.push_back({1, "no BEGIN:VCARD found: not a vCard file"});
  report(text.size());
  return output;
}

bool is_vcard_begin_line(std::string_view line) { return is_begin(line); }
bool is_vcard_end_line(std::string_view line) { return is_end(line); }

}  // namespace rekindle::core
