#include "core/history_ics.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/history_mail.h"
#include "core/text_encoding.h"

namespace rekindle::core {
namespace {

constexpr size_t kProgressEveryEvents = 128;
// A recurring event yields at most this many occurrences (a daily stand-up over years).
constexpr int kMaxOccurrences = 2000;

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// One content line: NAME;PARAM=V;PARAM="V":value.
struct ContentLine {
  std::string name;
  std::vector<std::pair<std::string, std::string>> params;  // names upper-cased
  std::string value;
  std::string param(std::string_view key) const {
    for (const auto& p : params)
      if (p.first == key) return p.second;
    return {};
  }
};

ContentLine parse_line(std::string_view line) {
  ContentLine out;
  size_t i = 0;
  while (i < line.size() && line[i] != ';' && line[i] != ':') ++i;
  out.name = upper(line.substr(0, i));
  while (i < line.size() && line[i] == ';') {
    ++i;
    const size_t eq = line.find('=', i);
    if (eq == std::string_view::npos) break;
    std::string key = upper(line.substr(i, eq - i));
    i = eq + 1;
    std::string value;
    bool quoted = false;
    while (i < line.size() && (quoted || (line[i] != ';' && line[i] != ':'))) {
      if (line[i] == '"') quoted = !quoted;
      else value += line[i];
      ++i;
    }
    out.params.emplace_back(std::move(key), std::move(value));
  }
  if (i < line.size() && line[i] == ':') out.value = std::string(line.substr(i + 1));
  return out;
}

// Text values escape ',', ';', '\' and newlines (RFC 5545 3.3.11).
std::string unescape(std::string_view v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '\\' && i + 1 < v.size()) {
      const char n = v[++i];
      out += n == 'n' || n == 'N' ? ' ' : n;
    } else {
      out += v[i];
    }
  }
  return out;
}

struct Start {
  Day day;
  int64_t seconds = 0;
};

// "20261201T093000Z", "20261201T093000" (floating or TZID: the day as written), "20261201".
std::optional<Start> parse_start(std::string_view v) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  const std::string text(v);
  if (text.size() < 8 || std::sscanf(text.c_str(), "%4d%2d%2d", &y, &mo, &d) != 3) return std::nullopt;
  if (text.size() >= 15 && text[8] == 'T') std::sscanf(text.c_str() + 9, "%2d%2d%2d", &h, &mi, &s);
  auto day = make_day(y, mo, d);
  if (!day) return std::nullopt;
  return Start{*day, static_cast<int64_t>(day->value) * 86400 + h * 3600 + mi * 60 + s};
}

HistoryParty party_of(const ContentLine& line) {
  HistoryParty p;
  std::string v = line.value;
  if (upper(v.substr(0, 7)) == "MAILTO:") v = v.substr(7);
  if (v.find('@') != std::string::npos) p.address = v;
  p.name = line.param("CN");
  return p;
}

struct Event {
  std::string uid, start_text, recurrence_id, summary, status, rrule;
  std::optional<Start> start;
  HistoryParty organizer;
  std::vector<HistoryParty> attendees;
  int line = 0;
};

// The value of KEY in an RRULE ("FREQ=WEEKLY;COUNT=10").
std::string rule_part(const std::string& rule, std::string_view key) {
  size_t at = 0;
  while (at < rule.size()) {
    size_t end = rule.find(';', at);
    if (end == std::string::npos) end = rule.size();
    const std::string part = rule.substr(at, end - at);
    const size_t eq = part.find('=');
    if (eq != std::string::npos && upper(part.substr(0, eq)) == key) return upper(part.substr(eq + 1));
    at = end + 1;
  }
  return {};
}

// The days a plain RRULE repeats on after the first, up to `until`; only the first when the
// rule has parts we do not expand (BYDAY, BYMONTHDAY...), as counting them wrong is worse.
std::vector<Day> later_occurrences(const Event& e, Day until) {
  std::vector<Day> days;
  if (e.rrule.empty() || !e.start) return days;
  for (const char* by : {"BYDAY", "BYMONTHDAY", "BYMONTH", "BYYEARDAY", "BYWEEKNO", "BYSETPOS", "BYHOUR"})
    if (!rule_part(e.rrule, by).empty()) return days;
  const std::string freq = rule_part(e.rrule, "FREQ");
  const std::string interval_text = rule_part(e.rrule, "INTERVAL");
  const std::string count_text = rule_part(e.rrule, "COUNT");
  const std::string until_text = rule_part(e.rrule, "UNTIL");
  const int interval = std::max(1, interval_text.empty() ? 1 : std::atoi(interval_text.c_str()));
  int count = count_text.empty() ? kMaxOccurrences : std::min(kMaxOccurrences, std::atoi(count_text.c_str()));
  Day last = until;
  if (auto u = parse_start(until_text)) last = std::min(last, u->day);
  int y, m, d;
  split_day(e.start->day, &y, &m, &d);
  for (int n = 1; n < count; ++n) {
    std::optional<Day> next;
    if (freq == "DAILY") next = e.start->day + n * interval;
    else if (freq == "WEEKLY") next = e.start->day + 7 * n * interval;
    else if (freq == "MONTHLY") {
      const int months = m - 1 + n * interval;
      next = make_day(y + months / 12, months % 12 + 1, d);
      if (!next) continue;  // the 31st in a shorter month: RFC 5545 skips it
    } else if (freq == "YEARLY") {
      next = make_day(y + n * interval, m, d);
      if (!next) continue;
    } else {
      break;
    }
    if (*next > last) break;
    days.push_back(*next);
  }
  return days;
}

}  // namespace

bool looks_like_ics(std::string_view head) {
  std::string_view t = head;
  if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
  return upper(t.substr(0, 15)) == "BEGIN:VCALENDAR";
}

Status read_ics(std::string_view bytes, Day until, const HistorySink& sink, const HistoryProblem& problem,
                const ProgressFn& progress) {
  const std::string text = decode_text(bytes);
  std::vector<std::string> stack;  // components, innermost last
  Event event;
  size_t events = 0;
  int line_number = 0, logical_start = 0;
  std::string logical;
  size_t at = 0;
  bool cancel_requested = false;

  auto finish_event = [&]() -> bool {
    if (!event.start) {
      if (problem) problem(event.line, "an event without a DTSTART we can read");
      return true;
    }
    if (upper(event.status) == "CANCELLED") return true;
    HistoryItem item;
    item.channel = "meeting";
    item.line = event.line;
    item.from = event.organizer;
    item.to = event.attendees;
    item.subject = event.summary;
    const std::string id = event.uid.empty() ? stable_hash(event.summary + "\n" + event.start_text) : event.uid;
    item.day = event.start->day;
    item.seconds = event.start->seconds;
    item.external_id = "ics:" + id + "|" + (event.recurrence_id.empty() ? event.start_text : event.recurrence_id);
    const auto later = later_occurrences(event, until);
    if (!sink(HistoryItem(item))) return false;
    for (Day day : later) {
      HistoryItem again = item;
      again.seconds += static_cast<int64_t>(day - item.day) * 86400;
      again.day = day;
      again.external_id = "ics:" + id + "|" + format_iso_day(day);
      if (!sink(std::move(again))) return false;
    }
    return true;
  };

  // Handles one unfolded content line; false stops.
  auto handle = [&](std::string_view raw, int at_line) -> bool {
    if (raw.empty()) return true;
    const ContentLine line = parse_line(raw);
    if (line.name == "BEGIN") {
      stack.push_back(upper(line.value));
      if (stack.back() == "VEVENT") {
        event = Event();
        event.line = at_line;
      }
      return true;
    }
    if (line.name == "END") {
      const bool was_event = !stack.empty() && stack.back() == "VEVENT";
      if (!stack.empty()) stack.pop_back();
      if (!was_event) return true;
      if (progress && ++events % kProgressEveryEvents == 0 && !progress(std::min(at, text.size()), text.size())) {
        cancel_requested = true;
        return false;
      }
      return finish_event();
    }
    if (stack.empty() || stack.back() != "VEVENT") return true;
    if (line.name == "UID") event.uid = line.value;
    else if (line.name == "DTSTART") {
      event.start_text = line.value;
      event.start = parse_start(line.value);
    } else if (line.name == "RECURRENCE-ID") event.recurrence_id = line.value;
    else if (line.name == "SUMMARY") event.summary = unescape(line.value);
    else if (line.name == "STATUS") event.status = line.value;
    else if (line.name == "RRULE") event.rrule = line.value;
    else if (line.name == "ORGANIZER") event.organizer = party_of(line);
    else if (line.name == "ATTENDEE" && upper(line.param("PARTSTAT")) != "DECLINED") {
      HistoryParty p = party_of(line);
      if (!p.address.empty()) event.attendees.push_back(std::move(p));
    }
    return true;
  };

  bool cancelled = false;
  while (at <= text.size() && !cancelled) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + at, end - at);
    at = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      logical += line.substr(1);  // a folded line goes on (RFC 5545 3.1)
      continue;
    }
    if (!handle(logical, logical_start)) cancelled = true;
    logical.assign(line);
    logical_start = line_number;
    if (end == text.size()) break;
  }
  if (!cancelled && !handle(logical, logical_start)) cancelled = true;
  if (cancel_requested) return make_error("cancelled");
  return Status::success();
}

}  // namespace rekindle::core
