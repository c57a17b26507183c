#include "core/contact_list.h"

#include <algorithm>
#include <tuple>

namespace rekindle::core {
namespace {

std::vector<std::string> words_of(std::string_view search) {
  std::vector<std::string> words;
  const std::string folded = search_folded(search);
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    size_t j = i;
    while (j < folded.size() && folded[j] != ' ') ++j;
    if (j > i) words.push_back(folded.substr(i, j - i));
    i = j;
  }
  return words;
}

// Days as a sortable number; a missing day sorts after every real one.
int64_t day_key(const std::optional<Day>& day) {
  return day ? static_cast<int64_t>(*day - Day{}) : INT64_MAX;
}

std::string* text_field(Contact& c, std::string_view field) {
  if (field == "name") return &c.name;
  if (field == "name_prefix") return &c.name_prefix;
  if (field == "given_name") return &c.given_name;
  if (field == "middle_name") return &c.middle_name;
  if (field == "family_name") return &c.family_name;
  if (field == "name_suffix") return &c.name_suffix;
  if (field == "nickname") return &c.nickname;
  if (field == "company") return &c.company;
  if (field == "department") return &c.department;
  if (field == "title") return &c.title;
  if (field == "birthday") return &c.birthday;
  if (field == "anniversary") return &c.anniversary;
  if (field == "topic") return &c.topic;
  if (field == "tier") return &c.tier;
  return nullptr;
}

}  // namespace

std::string search_folded(std::string_view text) {
  std::string out(text);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

std::vector<uint32_t> ContactIndex::query(std::string_view search, ContactSort sort) const {
  const std::vector<std::string> words = words_of(search);
  std::vector<uint32_t> out;
  out.reserve(words.empty() ? entries_.size() : 64);
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const std::string& hay = entries_[i].haystack;
    bool all = true;
    for (const auto& w : words)
      if (hay.find(w) == std::string::npos) {
        all = false;
        break;
      }
    if (all) out.push_back(i);
  }
  const auto& e = entries_;
  auto by_name = [&](uint32_t a, uint32_t b) {
    return std::tie(e[a].haystack, e[a].id) < std::tie(e[b].haystack, e[b].id);
  };
  switch (sort) {
    case ContactSort::name:
      std::sort(out.begin(), out.end(), by_name);
      break;
    case ContactSort::warmth:
      std::sort(out.begin(), out.end(), [&](uint32_t a, uint32_t b) {
        if (e[a].warmth != e[b].warmth) return e[a].warmth < e[b].warmth;
        return by_name(a, b);
      });
      break;
    case ContactSort::due:
    case ContactSort::last_touch: {
      const bool due = sort == ContactSort::due;
      std::sort(out.begin(), out.end(), [&](uint32_t a, uint32_t b) {
        const int64_t ka = day_key(due ? e[a].due : e[a].last_touch);
        const int64_t kb = day_key(due ? e[b].due : e[b].last_touch);
        if (ka != kb) return ka < kb;
        return by_name(a, b);
      });
      break;
    }
  }
  return out;
}

std::optional<uint32_t> ContactIndex::find(int64_t id) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), id,
                             [](const ContactListEntry& entry, int64_t v) { return entry.id < v; });
  if (it == entries_.end() || it->id != id) return std::nullopt;
  return static_cast<uint32_t>(it - entries_.begin());
}

std::string merge_field_value(const Contact& contact, std::string_view field) {
  if (field == "cadence") {
    if (!contact.cadence_days) return "";
    return *contact.cadence_days == 1 ? "every day" : "every " + std::to_string(*contact.cadence_days) + " days";
  }
  // text_field only hands out a pointer; nothing is written through it here.
  if (std::string* p = text_field(const_cast<Contact&>(contact), field)) return *p;
  return "";
}

bool copy_merge_field(Contact& into, const Contact& from, std::string_view field) {
  if (field == "cadence") {
    into.cadence_days = from.cadence_days;
    return true;
  }
  std::string* to = text_field(into, field);
  std::string* source = text_field(const_cast<Contact&>(from), field);
  if (!to || !source) return false;
  *to = *source;
  return true;
}

}  // namespace rekindle::core
