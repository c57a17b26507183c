#include "core/contact_merge.h"
#include "core/text_encoding.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "core/url_encoding.h"

namespace rekindle::core {
namespace {

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

enum class ValueKind { email, phone, url, text };

// What two values of a list are compared by; falls back to the lower-case text when the
// value has no key of its kind (a short extension, a company home page).
std::string value_key(ValueKind kind, std::string_view value) {
  std::string key;
  switch (kind) {
    case ValueKind::email: key = email_key(value); break;
    case ValueKind::phone: key = phone_key(value); break;
    case ValueKind::url: key = profile_url_key(value); break;
    case ValueKind::text: break;
  }
  return key.empty() ? lower_ascii(trim(value)) : key;
}

// Appends the values of `from` that `into` lacks (by key; the first label wins), each key
// hashed once: linear in both lists, and a value already there is never added twice.
bool merge_values(std::vector<LabeledValue>& into, const std::vector<LabeledValue>& from, ValueKind kind) {
  if (from.empty()) return false;
  bool changed = false;
  std::unordered_map<std::string, size_t> known;
  known.reserve(into.size() + from.size());
  for (size_t i = 0; i < into.size(); ++i) known.emplace(value_key(kind, into[i].value), i);
  for (const LabeledValue& incoming : from) {
    if (trim(incoming.value).empty()) continue;
    auto [at, added] = known.emplace(value_key(kind, incoming.value), into.size());
    if (added) {
      into.push_back(incoming);
      changed = true;
    } else if (LabeledValue& same = into[at->second]; same.label.empty() && !incoming.label.empty()) {
      same.label = incoming.label;
      changed = true;
    }
  }
  return changed;
}

bool fill(std::string& into, const std::string& from) {
  if (!into.empty() || from.empty()) return false;
  into = from;
  return true;
}

template <typename T>
bool fill(std::optional<T>& into, const std::optional<T>& from) {
  if (into || !from) return false;
  into = from;
  return true;
}

std::string name_key(const Contact& c) { return trim(c.name) + '\x1f' + trim(c.company); }

// Everything a contact with no e-mail, phone, profile URL or company says about the person:
// two such records are the same only when they say exactly the same (the same file imported
// twice), never because they share a name.
std::string content_key(const Contact& c) {
  std::string key;
  for (const std::string* field : {&c.name, &c.given_name, &c.family_name, &c.middle_name, &c.name_prefix,
                                   &c.name_suffix, &c.nickname, &c.department, &c.title, &c.birthday,
                                   &c.anniversary, &c.notes, &c.topic})
    key += trim(*field) + '\x1f';
  for (const auto* list : {&c.emails, &c.phones, &c.urls, &c.addresses}) {
    for (const LabeledValue& v : *list) key += v.value + '\x1e';
    key += '\x1f';
  }
  for (const std::string& tag : c.tags) key += tag + '\x1e';
  return key;
}

}  // namespace

std::string email_key(std::string_view email) { return lower_ascii(trim(email)); }

std::string phone_key(std::string_view phone) {
  std::string digits;
  for (char c : phone)
    if (c >= '0' && c <= '9') digits += c;
  if (digits.starts_with("00")) digits.erase(0, 2);
  return digits.size() >= kMinPhoneDigits ? digits : std::string();
}

std::string profile_url_key(std::string_view url) {
  std::string text = trim(url);
  if (auto decoded = percent_decode(text)) text = *decoded;
  text = lower_ascii(text);
  if (const size_t scheme = text.find("://"); scheme != std::string::npos) text.erase(0, scheme + 3);
  if (const size_t tail = text.find_first_of("?#"); tail != std::string::npos) text.resize(tail);
  while (!text.empty() && text.back() == '/') text.pop_back();
  const size_t slash = text.find('/');
  if (slash == std::string::npos || slash + 1 >= text.size()) return {};
  std::string host = text.substr(0, slash);
  if (host.starts_with("www.")) host.erase(0, 4);
  // uk.linkedin.com/in/x and www.linkedin.com/in/x are the same profile.
  if (host.ends_with(".linkedin.com")) host = "linkedin.com";
  return host + text.substr(slash);
}

bool merge_contact(Contact& into, const Contact& from) {
  bool changed = false;
  for (auto [a, b] : {std::pair{&into.given_name, &from.given_name}, {&into.family_name, &from.family_name},
                      {&into.middle_name, &from.middle_name}, {&into.name_prefix, &from.name_prefix},
                      {&into.name_suffix, &from.name_suffix}, {&into.nickname, &from.nickname},
                      {&into.company, &from.company}, {&into.department, &from.department},
                      {&into.title, &from.title}, {&into.birthday, &from.birthday},
                      {&into.anniversary, &from.anniversary}, {&into.topic, &from.topic}})
    changed |= fill(*a, *b);
  changed |= merge_values(into.emails, from.emails, ValueKind::email);
  changed |= merge_values(into.phones, from.phones, ValueKind::phone);
  changed |= merge_values(into.urls, from.urls, ValueKind::url);
  changed |= merge_values(into.addresses, from.addresses, ValueKind::text);
  if (!from.tags.empty()) {
    std::unordered_set<std::string> known;
    for (const std::string& t : into.tags) known.insert(lower_ascii(t));
    for (const std::string& tag : from.tags) {
      if (tag.empty() || !known.insert(lower_ascii(tag)).second) continue;
      into.tags.push_back(tag);
      changed = true;
    }
  }
  if (!into.photo && from.photo) {
    into.photo = from.photo;
    changed = true;
  }
  // Notes are the user's words: never replaced, only extended with text they lack.
  if (const std::string notes = trim(from.notes); !notes.empty()) {
    if (into.notes.empty()) {
      into.notes = from.notes;
      changed = true;
    } else if (into.notes.find(notes) == std::string::npos) {
      into.notes += "\n\n" + notes;
      changed = true;
    }
  }
  changed |= fill(into.cadence_days, from.cadence_days);
  changed |= fill(into.trust, from.trust);
  changed |= fill(into.connected_on, from.connected_on);
  if (!from.extra_properties.empty()) {
    std::unordered_set<std::string_view> known(into.extra_properties.begin(), into.extra_properties.end());
    std::vector<std::string> added;
    for (const std::string& line : from.extra_properties)
      if (known.insert(line).second) added.push_back(line);
    if (!added.empty()) {
      into.extra_properties.insert(into.extra_properties.end(), std::make_move_iterator(added.begin()),
                                   std::make_move_iterator(added.end()));
      changed = true;
    }
  }
  return changed;
}

void DuplicateIndex::add(const Contact& c, int64_t id) {
  Kinds& kinds = kinds_[id];
  for (const auto& e : c.emails)
    if (auto key = email_key(e.value); !key.empty()) {
      emails_.emplace(key, id);
      kinds.email = true;
    }
  for (const auto& p : c.phones)
    if (auto key = phone_key(p.value); !key.empty()) {
      phones_.emplace(key, id);
      kinds.phone = true;
    }
  for (const auto& u : c.urls)
    if (auto key = profile_url_key(u.value); !key.empty()) {
      urls_.emplace(key, id);
      kinds.url = true;
    }
  // A name alone identifies no one (two "Ann Lee"s): only name and company together do.
  if (!trim(c.name).empty() && !trim(c.company).empty()) names_.emplace(name_key(c), id);
  if (!kinds.email && !kinds.phone && !kinds.url && trim(c.company).empty()) contents_.emplace(content_key(c), id);
}

std::optional<int64_t> DuplicateIndex::find(const Contact& c) const {
  Kinds incoming;
  for (const auto& e : c.emails)
    if (auto key = email_key(e.value); !key.empty()) {
      if (auto it = emails_.find(key); it != emails_.end()) return it->second;
      incoming.email = true;
    }
  for (const auto& p : c.phones)
    if (auto key = phone_key(p.value); !key.empty()) {
      if (auto it = phones_.find(key); it != phones_.end()) return it->second;
      incoming.phone = true;
    }
  for (const auto& u : c.urls)
    if (auto key = profile_url_key(u.value); !key.empty()) {
      if (auto it = urls_.find(key); it != urls_.end()) return it->second;
      incoming.url = true;
    }
  if (trim(c.company).empty()) {
    // Nothing identifies the person: only the very same record is a duplicate.
    if (incoming.email || incoming.phone || incoming.url) return std::nullopt;
    auto same = contents_.find(content_key(c));
    return same == contents_.end() ? std::nullopt : std::optional<int64_t>(same->second);
  }
  if (trim(c.name).empty()) return std::nullopt;
  auto it = names_.find(name_key(c));
  if (it == names_.end()) return std::nullopt;
  // Two "Ann Lee"s with different e-mail addresses are two people.
  const Kinds& known = kinds_.at(it->second);
  if ((incoming.email && known.email) || (incoming.phone && known.phone) || (incoming.url && known.url))
    return std::nullopt;
  return it->second;
}

}  // namespace rekindle::core
