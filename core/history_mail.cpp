#include "core/history_mail.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/text_encoding.h"

namespace rekindle::core {
namespace {

// A header block larger than this is cut (the rest of it is skipped): a malformed message
// must not make memory grow with the mailbox.
constexpr size_t kMaxHeaderBytes = 1 << 20;
// A separator line longer than this is not one.
constexpr size_t kMaxSeparatorBytes = 4096;
// Progress is reported about this often, in bytes read.
constexpr uint64_t kProgressEveryBytes = 256 * 1024;

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Header fields of a block, names lower-cased, folded lines joined (RFC 5322 2.2.3).
std::vector<std::pair<std::string, std::string>> header_fields(std::string_view block) {
  std::vector<std::pair<std::string, std::string>> fields;
  size_t at = 0;
  while (at < block.size()) {
    size_t end = block.find('\n', at);
    if (end == std::string_view::npos) end = block.size();
    std::string_view line = block.substr(at, end - at);
    at = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    if ((line.front() == ' ' || line.front() == '\t') && !fields.empty()) {
      fields.back().second += ' ';
      fields.back().second += trim(line);
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    std::string name = lower_ascii(trim(line.substr(0, colon)));
    if (name.find(' ') != std::string::npos) continue;  // "From sender date": not a header
    fields.emplace_back(std::move(name), std::string(trim(line.substr(colon + 1))));
  }
  return fields;
}

const std::string* field(const std::vector<std::pair<std::string, std::string>>& fields, std::string_view name) {
  for (const auto& f : fields)
    if (f.first == name) return &f.second;
  return nullptr;
}

int month_number(std::string_view word) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  const std::string w = lower_ascii(word.substr(0, 3));
  for (int i = 0; i < 12; ++i)
    if (w == kMonths[i]) return i + 1;
  return 0;
}

// Offsets in minutes of the zone names RFC 822 allowed and mailers still write.
std::optional<int> zone_minutes(std::string_view word) {
  struct Zone {
    const char* name;
    int minutes;
  };
  static constexpr Zone kZones[] = {{"ut", 0},      {"utc", 0},     {"gmt", 0},     {"z", 0},       {"est", -300},
                                    {"edt", -240},  {"cst", -360},  {"cdt", -300},  {"mst", -420},  {"mdt", -360},
                                    {"pst", -480},  {"pdt", -420},  {"cet", 60},    {"cest", 120},  {"met", 60},
                                    {"mest", 120},  {"bst", 60},    {"eet", 120},   {"eest", 180},  {"wet", 0},
                                    {"west", 60},   {"ist", 330},   {"jst", 540},   {"aest", 600},  {"aedt", 660}};
  const std::string w = lower_ascii(word);
  for (const Zone& z : kZones)
    if (w == z.name) return z.minutes;
  return std::nullopt;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::optional<MailDate> make_date(int y, int mo, int d, int h, int mi, int s, int zone) {
  auto day = make_day(y, mo, d);
  if (!day || h > 24 || mi > 59 || s > 61) return std::nullopt;
  MailDate out;
  out.day = *day;
  out.seconds = static_cast<int64_t>(day->value) * 86400 + h * 3600 + mi * 60 + s - zone * 60;
  return out;
}

// "2026-12-01T09:30:00+01:00", "2026-12-01 09:30", "2026-12-01".
std::optional<MailDate> iso_date(std::string_view v) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, n = 0;
  const std::string text(v);
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3) return std::nullopt;
  std::string_view rest = v.substr(static_cast<size_t>(n));
  int zone = 0;
  if (!rest.empty() && (rest.front() == 'T' || rest.front() == ' ')) {
    int m = 0;
    const std::string time(rest.substr(1));
    if (std::sscanf(time.c_str(), "%2d:%2d%n", &h, &mi, &m) != 2) return std::nullopt;
    rest = rest.substr(1 + static_cast<size_t>(m));
    if (!rest.empty() && rest.front() == ':') {
      const std::string sec(rest.substr(1));
      if (std::sscanf(sec.c_str(), "%2d%n", &s, &m) == 1) rest = rest.substr(1 + static_cast<size_t>(m));
    }
    while (!rest.empty() && (rest.front() == '.' || std::isdigit(static_cast<unsigned char>(rest.front()))))
      rest.remove_prefix(1);
    rest = trim(rest);
    if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
      std::string digits;
      for (char c : rest.substr(1))
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
      if (digits.size() == 4) zone = std::stoi(digits.substr(0, 2)) * 60 + std::stoi(digits.substr(2));
      else if (digits.size() == 2) zone = std::stoi(digits) * 60;
      if (rest.front() == '-') zone = -zone;
    } else if (auto z = zone_minutes(rest)) {
      zone = *z;
    }
  }
  return make_date(y, mo, d, h, mi, s, zone);
}

}  // namespace

std::string stable_hash(std::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::optional<MailDate> parse_mail_date(std::string_view value) {
  // Comments ("(CET)") say again what the offset says, or nothing.
  std::string text;
  int depth = 0;
  for (char c : value) {
    if (c == '(') ++depth;
    else if (c == ')' && depth > 0) --depth;
    else if (depth == 0) text += c;
  }
  std::string_view t = trim(text);
  if (t.size() >= 10 && all_digits(t.substr(0, 4)) && t[4] == '-') return iso_date(t);
  for (char& c : text)
    if (c == ',') c = ' ';
  std::vector<std::string> tokens;
  size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
    size_t end = at;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    if (end > at) {
      std::string token = text.substr(at, end - at);
      // "1-Dec-2026": one token in some old mailers.
      if (token.front() != '-' && token.front() != '+' && token.find('-') != std::string::npos &&
          std::any_of(token.begin(), token.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
        size_t p = 0, dash;
        while ((dash = token.find('-', p)) != std::string::npos) {
          tokens.push_back(token.substr(p, dash - p));
          p = dash + 1;
        }
        tokens.push_back(token.substr(p));
      } else {
        tokens.push_back(std::move(token));
      }
    }
    at = end;
  }
  int year = -1, month = 0, day = 0, h = 0, mi = 0, s = 0, zone = 0;
  for (const std::string& token : tokens) {
    if (token.find(':') != std::string::npos) {
      int a = 0, b = 0, c = 0;
      const int got = std::sscanf(token.c_str(), "%d:%d:%d", &a, &b, &c);
      if (got >= 2) {
        h = a;
        mi = b;
        s = got == 3 ? c : 0;
      }
    } else if ((token.front() == '+' || token.front() == '-') && token.size() == 5 && all_digits(token.substr(1))) {
      zone = std::stoi(token.substr(1, 2)) * 60 + std::stoi(token.substr(3, 2));
      if (token.front() == '-') zone = -zone;
    } else if (all_digits(token)) {
      const int n = std::stoi(token.substr(0, 6));
      if (token.size() >= 3) year = token.size() == 3 ? 1900 + n : n;
      else if (day == 0 && n >= 1 && n <= 31) day = n;
      else if (year < 0) year = n < 50 ? 2000 + n : 1900 + n;
    } else if (int m = month_number(token); m && !month) {
      month = m;
    } else if (auto z = zone_minutes(token)) {
      zone = *z;
    }
  }
  if (year < 0 || !month || !day) return std::nullopt;
  return make_date(year, month, day, h, mi, s, zone);
}

std::string decode_encoded_words(std::string_view text) {
  std::string out;
  size_t at = 0;
  bool last_was_word = false;
  std::string pending_space;
  while (at < text.size()) {
    const size_t start = text.find("=?", at);
    if (start == std::string_view::npos) break;
    // =?charset?enc?payload?=
    const size_t q1 = text.find('?', start + 2);
    const size_t q2 = q1 == std::string_view::npos ? q1 : text.find('?', q1 + 1);
    const size_t end = q2 == std::string_view::npos ? q2 : text.find("?=", q2 + 1);
    if (end == std::string_view::npos || q2 != q1 + 2) {
      out += text.substr(at, start + 2 - at);
      at = start + 2;
      last_was_word = false;
      continue;
    }
    std::string_view between = text.substr(at, start - at);
    // Whitespace between two encoded words is not part of the text (RFC 2047 6.2).
    if (!(last_was_word && trim(between).empty())) out += between;
    std::string charset = std::string(text.substr(start + 2, q1 - start - 2));
    if (const size_t star = charset.find('*'); star != std::string::npos) charset.resize(star);  // RFC 2231 language
    const char encoding = static_cast<char>(std::toupper(static_cast<unsigned char>(text[q1 + 1])));
    std::string payload(text.substr(q2 + 1, end - q2 - 1));
    std::optional<std::string> bytes;
    if (encoding == 'B') {
      bytes = base64_decode(payload);
    } else if (encoding == 'Q') {
      for (char& c : payload)
        if (c == '_') c = ' ';
      bytes = quoted_printable_decode(payload);
    }
    std::optional<std::string> decoded = bytes ? charset_to_utf8(*bytes, charset) : std::nullopt;
    if (!decoded && bytes) decoded = utf8_or_legacy(*bytes);
    if (decoded) out += *decoded;
    else out += text.substr(start, end + 2 - start);
    at = end + 2;
    last_was_word = true;
  }
  out += text.substr(std::min(at, text.size()));
  return out;
}

std::vector<HistoryParty> parse_address_list(std::string_view value) {
  // Split on commas (and a group's closing ';') outside quotes, angle brackets and comments.
  std::vector<std::string> pieces;
  std::string piece;
  bool quoted = false;
  int angle = 0, paren = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (quoted) {
      piece += c;
      if (c == '\\' && i + 1 < value.size()) piece += value[++i];
      else if (c == '"') quoted = false;
      continue;
    }
    if (c == '"') quoted = true;
    else if (c == '<') ++angle;
    else if (c == '>' && angle > 0) --angle;
    else if (c == '(') ++paren;
    else if (c == ')' && paren > 0) --paren;
    if ((c == ',' || c == ';') && angle == 0 && paren == 0) {
      pieces.push_back(std::move(piece));
      piece.clear();
      continue;
    }
    piece += c;
  }
  pieces.push_back(std::move(piece));

  std::vector<HistoryParty> out;
  for (std::string& p : pieces) {
    // A group's name: "team: a@x.org" (a colon outside quotes before any '<' or '@').
    bool in_quote = false;
    for (size_t i = 0; i < p.size(); ++i) {
      if (p[i] == '"') in_quote = !in_quote;
      if (in_quote) continue;
      if (p[i] == '<' || p[i] == '@') break;
      if (p[i] == ':') {
        p = p.substr(i + 1);
        break;
      }
    }
    HistoryParty party;
    const size_t open = p.rfind('<');
    const size_t close = open == std::string::npos ? open : p.find('>', open);
    std::string name;
    if (open != std::string::npos && close != std::string::npos) {
      party.address = std::string(trim(std::string_view(p).substr(open + 1, close - open - 1)));
      name = std::string(trim(std::string_view(p).substr(0, open)));
    } else {
      // "jo@y.com (Jo Doe)": the comment is the name.
      std::string bare;
      int depth = 0;
      for (char c : p) {
        if (c == '(') {
          if (depth++ == 0) continue;
        } else if (c == ')' && depth > 0) {
          if (--depth == 0) continue;
        }
        (depth ? name : bare) += c;
      }
      party.address = std::string(trim(bare));
    }
    if (party.address.rfind("mailto:", 0) == 0) party.address = party.address.substr(7);
    if (party.address.find('@') == std::string::npos) continue;
    name = std::string(trim(name));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      std::string unquoted;
      for (size_t i = 1; i + 1 < name.size(); ++i) {
        if (name[i] == '\\' && i + 2 < name.size()) ++i;
        unquoted += name[i];
      }
      name = unquoted;
    }
    party.name = std::string(trim(decode_encoded_words(name)));
    out.push_back(std::move(party));
  }
  return out;
}

std::optional<HistoryItem> mail_item(std::string_view headers, std::string* why) {
  const auto fields = header_fields(headers);
  HistoryItem item;
  item.channel = "email";
  const std::string* date = field(fields, "date");
  std::optional<MailDate> when = date ? parse_mail_date(*date) : std::nullopt;
  if (!when) {
    // A message without a readable Date: the time its first server received it.
    if (const std::string* received = field(fields, "received")) {
      const size_t semi = received->rfind(';');
      if (semi != std::string::npos) when = parse_mail_date(std::string_view(*received).substr(semi + 1));
    }
  }
  if (!when) {
    if (why) *why = date ? "the date '" + *date + "' is not one we can read" : "no Date header";
    return std::nullopt;
  }
  item.day = when->day;
  item.seconds = when->seconds;
  if (const std::string* from = field(fields, "from")) {
    auto parties = parse_address_list(*from);
    if (!parties.empty()) item.from = parties.front();
  }
  if (item.from.address.empty())
    if (const std::string* sender = field(fields, "sender")) {
      auto parties = parse_address_list(*sender);
      if (!parties.empty()) item.from = parties.front();
    }
  for (const auto& f : fields)
    if (f.first == "to" || f.first == "cc" || f.first == "bcc")
      for (HistoryParty& p : parse_address_list(f.second)) item.to.push_back(std::move(p));
  if (const std::string* subject = field(fields, "subject")) item.subject = decode_encoded_words(*subject);
  if (const std::string* id = field(fields, "message-id")) {
    std::string_view v = trim(*id);
    if (!v.empty() && v.front() == '<') v.remove_prefix(1);
    if (!v.empty() && v.back() == '>') v.remove_suffix(1);
    item.external_id = std::string(trim(v));
  }
  if (item.external_id.empty())
    item.external_id = "mail:" + stable_hash(std::to_string(item.seconds) + "\n" + item.from.address + "\n" + item.subject);
  for (const char* list : {"list-id", "list-unsubscribe", "list-post"})
    if (field(fields, list)) item.bulk = true;
  if (const std::string* precedence = field(fields, "precedence")) {
    const std::string p = lower_ascii(trim(*precedence));
    if (p == "bulk" || p == "list" || p == "junk") item.bulk = true;
  }
  if (const std::string* auto_submitted = field(fields, "auto-submitted"))
    if (lower_ascii(trim(*auto_submitted)) != "no") item.bulk = true;
  return item;
}

bool looks_like_mbox(std::string_view head) {
  std::string_view text = head;
  if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  while (!text.empty() && (text.front() == '\n' || text.front() == '\r')) text.remove_prefix(1);
  if (starts_with(text, "From ")) {
    const size_t eol = text.find('\n');
    if (eol == std::string_view::npos) return false;
    text.remove_prefix(eol + 1);
  }
  // The header block must read as mail: header lines only, with a From or Date among them.
  const size_t end = std::min(text.find("\n\n"), text.find("\r\n\r\n"));
  std::string_view block = text.substr(0, end);
  if (block.empty()) return false;
  size_t at = 0;
  bool from = false, date = false, other = false;
  while (at < block.size()) {
    size_t eol = block.find('\n', at);
    if (eol == std::string_view::npos) eol = block.size();
    std::string_view line = block.substr(at, eol - at);
    at = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == ' ' || line.front() == '\t') continue;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    const std::string name = lower_ascii(line.substr(0, colon));
    if (name.find_first_of(" \t") != std::string::npos) return false;
    if (name == "from") from = true;
    else if (name == "date") date = true;
    else if (name == "message-id" || name == "received" || name == "return-path" || name == "to" ||
             name == "subject" || name == "mime-version" || name == "delivered-to" || name == "x-gm-thrid")
      other = true;
  }
  return from && (date || other);
}

bool is_maildir(const std::string& path) {
  std::error_code ec;
  namespace fs = std::filesystem;
  return fs::is_directory(path, ec) && fs::is_directory(fs::path(path) / "cur", ec) &&
         fs::is_directory(fs::path(path) / "new", ec);
}

namespace {

// Reads lines from a stream buffer, keeping at most `keep` bytes of each (the rest is read
// and dropped), so a long body line costs nothing. Counts the bytes consumed.
class LineReader {
 public:
  explicit LineReader(std::streambuf* buffer) : buffer_(buffer) {}
  // False at the end of the input with nothing read.
  bool next(std::string& line, size_t keep) {
    line.clear();
    bool any = false;
    for (;;) {
      const int c = buffer_->sbumpc();
      if (c == std::char_traits<char>::eof()) return any;
      any = true;
      ++consumed_;
      if (c == '\n') break;
      if (line.size() < keep) line += static_cast<char>(c);
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    ++line_number_;
    return true;
  }
  uint64_t consumed() const { return consumed_; }
  int line_number() const { return line_number_; }

 private:
  std::streambuf* buffer_;
  uint64_t consumed_ = 0;
  int line_number_ = 0;
};

// Turns a finished header block into an item for the sink; false stops the reading.
bool emit(const std::string& headers, int line, const HistorySink& sink, const HistoryProblem& problem) {
  std::string why;
  auto item = mail_item(headers, &why);
  if (!item) {
    if (problem) problem(line, why);
    return true;
  }
  item->line = line;
  return sink(std::move(*item));
}

}  // namespace

Status read_mbox(std::istream& in, uint64_t total_bytes, const HistorySink& sink, const HistoryProblem& problem,
                 const ProgressFn& progress) {
  LineReader reader(in.rdbuf());
  std::string line, headers;
  enum class State { kStart, kHeaders, kBody } state = State::kStart;
  bool previous_blank = true;
  int message_line = 0;
  uint64_t next_report = kProgressEveryBytes;
  auto report = [&]() {
    if (!progress || reader.consumed() < next_report) return true;
    next_report = reader.consumed() + kProgressEveryBytes;
    return progress(static_cast<size_t>(std::min(reader.consumed(), total_bytes)), static_cast<size_t>(total_bytes));
  };
  while (reader.next(line, state == State::kBody ? kMaxSeparatorBytes : kMaxHeaderBytes)) {
    if (!report()) return make_error("cancelled");
    const bool separator = previous_blank && starts_with(line, "From ");
    if (state == State::kStart) {
      if (line.empty() && !separator) continue;
      if (starts_with(line, "\xEF\xBB\xBF")) line.erase(0, 3);
      state = State::kHeaders;
      message_line = reader.line_number();
      headers.clear();
      if (starts_with(line, "From ")) continue;  // the separator; else a lone message's first header
    } else if (state == State::kBody) {
      previous_blank = line.empty();
      if (!separator) continue;
      state = State::kHeaders;
      message_line = reader.line_number();
      headers.clear();
      continue;
    }
    // Headers.
    if (line.empty()) {
      if (!emit(headers, message_line, sink, problem)) return Status::success();
      headers.clear();
      state = State::kBody;
      previous_blank = true;
      continue;
    }
    if (headers.size() + line.size() < kMaxHeaderBytes) {
      headers += line;
      headers += '\n';
    }
  }
  if (state == State::kHeaders && !headers.empty()) emit(headers, message_line, sink, problem);
  if (progress && !progress(static_cast<size_t>(total_bytes), static_cast<size_t>(total_bytes)))
    return make_error("cancelled");
  return Status::success();
}

Status read_maildir(const std::string& path, const HistorySink& sink, const HistoryProblem& problem,
                    const ProgressFn& progress) {
  namespace fs = std::filesystem;
  // The folder itself and its Maildir++ sub-folders (".Sent", ".Archive"...).
  std::vector<fs::path> roots{fs::path(path)};
  std::error_code ec;
  // A sub-folder needs only one of cur/ and new/ (an empty one may not have been copied).
  for (const auto& entry : fs::directory_iterator(path, ec))
    if (entry.is_directory(ec) && entry.path().filename().string().rfind('.', 0) == 0 &&
        (fs::is_directory(entry.path() / "cur", ec) || fs::is_directory(entry.path() / "new", ec)))
      roots.push_back(entry.path());
  std::vector<fs::path> files;
  for (const fs::path& root : roots)
    for (const char* sub : {"cur", "new"})
      for (const auto& entry : fs::directory_iterator(root / sub, ec))
        // Files whose names start with a dot are not messages (the Maildir convention).
        if (entry.is_regular_file(ec) && entry.path().filename().string().rfind('.', 0) != 0)
          files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::string line, headers;
  for (size_t i = 0; i < files.size(); ++i) {
    if (progress && !progress(i, files.size())) return make_error("cancelled");
    std::ifstream in(files[i], std::ios::binary);
    if (!in) {
      if (problem) problem(0, files[i].filename().string() + ": cannot read");
      continue;
    }
    LineReader reader(in.rdbuf());
    headers.clear();
    while (reader.next(line, kMaxHeaderBytes) && !line.empty())
      if (headers.size() + line.size() < kMaxHeaderBytes) headers += line + '\n';
    std::string why;
    auto item = mail_item(headers, &why);
    if (!item) {
      if (problem) problem(0, files[i].filename().string() + ": " + why);
      continue;
    }
    if (!sink(std::move(*item))) return Status::success();
  }
  if (progress && !progress(files.size(), files.size())) return make_error("cancelled");
  return Status::success();
}

}  // namespace rekindle::core
