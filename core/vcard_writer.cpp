#include "core/vcard_writer.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "core/date.h"
#include "core/text_encoding.h"
#include "core/vcard_reader.h"

namespace rekindle::core {
namespace {

constexpr size_t kMaxLineOctets = 75;

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Escapes only what would break the line or the reader's unescaping: URIs, e-mail
// addresses and phone numbers keep their commas and semicolons (RFC 6350 §3.4).
std::string escape_uri_value(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// RFC 6868 caret encoding for a parameter value.
std::string caret_encode(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '^') {
      out += "^^";
    } else if (c == '"') {
      out += "^'";
    } else if (c == '\n') {
      out += "^n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

bool is_plain_param_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// ";TYPE=work,voice" from a label; quoted when a word holds anything but letters, digits
// and dashes (a custom Apple label such as "home office").
std::string type_param(std::string_view label) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= label.size()) {
    size_t comma = label.find(',', start);
    if (comma == std::string_view::npos) comma = label.size();
    std::string_view word = label.substr(start, comma - start);
    while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
    while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
    if (!word.empty()) words.emplace_back(word);
    start = comma + 1;
  }
  if (words.empty()) return "";
  std::string joined;
  bool plain = true;
  for (const std::string& word : words) {
    joined += (joined.empty() ? "" : ",") + word;
    plain = plain && std::all_of(word.begin(), word.end(), is_plain_param_char);
  }
  return plain ? ";TYPE=" + joined : ";TYPE=\"" + caret_encode(joined) + "\"";
}

std::string group_prefix(std::string_view group) {
  const std::string clean = clean_vcard_group(group);
  return clean.empty() ? "" : clean + ".";
}

std::string labeled_line(std::string_view name, const LabeledValue& item, const std::string& value) {
  return group_prefix(item.group) + std::string(name) + type_param(item.label) + (item.preferred ? ";PREF=1" : "") +
         ":" + value;
}

// True when text has the shape of pattern, where '9' stands for any digit.
bool has_shape(std::string_view text, std::string_view pattern) {
  if (text.size() != pattern.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool ok = pattern[i] == '9' ? (text[i] >= '0' && text[i] <= '9') : text[i] == pattern[i];
    if (!ok) return false;
  }
  return true;
}

// BDAY/ANNIVERSARY in RFC 6350's basic format; anything else is written as text.
std::string date_line(std::string_view name, const std::string& date) {
  if (has_shape(date, "9999-99-99"))
    return std::string(name) + ":" + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
  if (has_shape(date, "--99-99")) return std::string(name) + ":--" + date.substr(2, 2) + date.substr(5, 2);
  return std::string(name) + ";VALUE=text:" + escape_vcard_text(date);
}

// The shortest text that reads back as exactly the same double.
std::string format_double(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string compound(std::initializer_list<std::string_view> parts) {
  std::string out;
  bool first = true;
  for (std::string_view part : parts) {
    if (!first) out += ';';
    out += escape_vcard_text(part);
    first = false;
  }
  return out;
}

// Extra properties are single unfolded lines; a stray line break would end the property.
std::string single_line(std::string_view line) {
  std::string out;
  for (char c : line) {
    if (c != '\r' && c != '\n') out += c;
  }
  return out;
}

}  // namespace

std::string clean_vcard_group(std::string_view group) {
  std::string clean;
  for (char c : group) {
    if (is_plain_param_char(c) && c != '_') clean += c;
  }
  return clean;
}

std::string escape_vcard_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ',':
        out += "\\,";
        break;
      case ';':
        out += "\\;";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        if (i + 1 >= text.size() || text[i + 1] != '\n') out += "\\n";  // CRLF counts once
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string fold_vcard_line(std::string_view line) {
  std::string out;
  size_t pos = 0;
  size_t limit = kMaxLineOctets;
  do {
    size_t end = std::min(pos + limit, line.size());
    // Back off to the start of a UTF-8 sequence so no character is cut in two.
    while (end < line.size() && end > pos && is_utf8_continuation(line[end])) --end;
    if (end == pos) end = std::min(pos + limit, line.size());  // not UTF-8: cut anywhere
    if (pos > 0) out += ' ';
    out.append(line.substr(pos, end - pos));
    out += "\r\n";
    pos = end;
    limit = kMaxLineOctets - 1;  // continuation lines start with a space
  } while (pos < line.size());
  return out;
}

std::string write_vcard(const Contact& contact, const std::vector<Interaction>& interactions,
                        const std::vector<ParsedGoalLink>& goal_links, const std::vector<DayDecision>& decisions) {
  std::string out;
  auto emit = [&out](const std::string& line) { out += fold_vcard_line(line); };
  emit("BEGIN:VCARD");
  emit("VERSION:4.0");
  const std::string name = contact.name.empty() ? derive_display_name(contact) : contact.name;
  emit("FN:" + escape_vcard_text(name));
  emit("N:" + compound({contact.family_name, contact.given_name, contact.middle_name, contact.name_prefix,
                        contact.name_suffix}));
  if (!contact.nickname.empty()) emit("NICKNAME:" + escape_vcard_text(contact.nickname));
  if (!contact.company.empty() || !contact.department.empty()) {
    emit("ORG:" + escape_vcard_text(contact.company) +
         (contact.department.empty() ? "" : ";" + escape_vcard_text(contact.department)));
  }
  if (!contact.title.empty()) emit("TITLE:" + escape_vcard_text(contact.title));
  for (const LabeledValue& email : contact.emails) emit(labeled_line("EMAIL", email, escape_uri_value(email.value)));
  for (const LabeledValue& phone : contact.phones) emit(labeled_line("TEL", phone, escape_uri_value(phone.value)));
  for (const LabeledValue& url : contact.urls) emit(labeled_line("URL", url, escape_uri_value(url.value)));
  for (const LabeledValue& address : contact.addresses) {
    // An address read from a file gets its components back; one typed or edited by hand is
    // one text, which goes in the street component.
    const auto parts = address_structure(contact, address.value);
    emit(labeled_line("ADR", address,
                      parts ? compound({(*parts)[0], (*parts)[1], (*parts)[2], (*parts)[3], (*parts)[4], (*parts)[5],
                                        (*parts)[6]})
                            : compound({"", "", address.value, "", "", "", ""})));
  }
  if (!contact.birthday.empty()) emit(date_line("BDAY", contact.birthday));
  if (!contact.anniversary.empty()) emit(date_line("ANNIVERSARY", contact.anniversary));
  if (!contact.notes.empty()) emit("NOTE:" + escape_vcard_text(contact.notes));
  if (!contact.tags.empty()) {
    std::string tags;
    for (const std::string& tag : contact.tags) tags += (tags.empty() ? "" : ",") + escape_vcard_text(tag);
    emit("CATEGORIES:" + tags);
  }
  if (contact.photo && !contact.photo->bytes.empty()) {
    const std::string mime = contact.photo->mime.empty() ? "application/octet-stream" : contact.photo->mime;
    emit("PHOTO:data:" + mime + ";base64," + base64_encode(contact.photo->bytes));
  }

  emit("X-REKINDLE-TIER:" + escape_vcard_text(contact.tier));
  if (contact.cadence_days) emit("X-REKINDLE-CADENCE:" + std::to_string(*contact.cadence_days));
  if (contact.trust) emit("X-REKINDLE-TRUST:" + format_double(*contact.trust));
  if (contact.connected_on) emit("X-REKINDLE-CONNECTED:" + format_iso_day(*contact.connected_on));
  if (contact.due) emit("X-REKINDLE-DUE:" + format_iso_day(*contact.due));
  if (contact.snooze_streak != 0) emit("X-REKINDLE-SNOOZE-STREAK:" + std::to_string(contact.snooze_streak));
  if (contact.starred) emit("X-REKINDLE-STARRED:1");
  if (contact.archived) emit("X-REKINDLE-ARCHIVED:1");
  if (!contact.source.empty()) emit("X-REKINDLE-SOURCE:" + escape_vcard_text(contact.source));
  if (!contact.topic.empty()) emit("X-REKINDLE-TOPIC:" + escape_vcard_text(contact.topic));

  std::vector<ParsedGoalLink> links = goal_links;
  std::stable_sort(links.begin(), links.end(),
                   [](const ParsedGoalLink& a, const ParsedGoalLink& b) { return a.goal_text < b.goal_text; });
  for (const ParsedGoalLink& link : links) {
    emit("X-REKINDLE-GOAL:" + compound({link.goal_text, link.link.relevance, link.link.can_help, link.link.offer}));
  }
  std::vector<Interaction> history = interactions;
  std::stable_sort(history.begin(), history.end(),
                   [](const Interaction& a, const Interaction& b) { return a.date < b.date; });
  for (const Interaction& touch : history) {
    const std::string date = format_iso_day(touch.date);
    const std::string grade = touch.grade ? std::to_string(*touch.grade) : "";
    emit("X-REKINDLE-INTERACTION:" + compound({date, touch.channel, touch.kind, grade, touch.note}));
  }
  std::vector<DayDecision> decided = decisions;
  std::sort(decided.begin(), decided.end(), [](const DayDecision& a, const DayDecision& b) {
    return a.day != b.day ? a.day < b.day : a.direction < b.direction;
  });
  const size_t first_decision = decided.size() > kDecisionsOnCard ? decided.size() - kDecisionsOnCard : 0;
  for (size_t i = first_decision; i < decided.size(); ++i) {
    emit("X-REKINDLE-DECISION:" + compound({format_iso_day(decided[i].day), direction_name(decided[i].direction),
                                             decided[i].reactivation ? "reactivation" : "due"}));
  }

  for (const std::string& line : contact.extra_properties) {
    // Address structures went into the ADR lines above (or belong to an address since edited).
    if (!is_address_structure_line(line)) emit(single_line(line));
  }
  emit("END:VCARD");
  return out;
}

std::string write_vcard(const Contact& contact, const std::vector<Interaction>& interactions,
                        const std::vector<GoalLink>& links, const std::vector<Goal>& goals,
                        const std::vector<DayDecision>& decisions) {
  std::map<int64_t, const Goal*> by_id;
  for (const Goal& goal : goals) by_id[goal.id] = &goal;
  std::vector<ParsedGoalLink> named;
  for (const GoalLink& link : links) {
    const auto found = by_id.find(link.goal_id);
    if (found != by_id.end()) named.push_back({found->second->text, link});
  }
  return write_vcard(contact, interactions, named, decisions);
}

}  // namespace rekindle::core
