#pragma once
// When two contact records are the same person, and how one is merged into the other: the
// duplicate rules of the importer (and of a manual merge).
#include <cstdint>
#include <unordered_map>
#include <optional>
#include <string>
#include <string_view>

#include "core/contact.h"

namespace rekindle::core {

// E-mail as compared: trimmed, lower-case.
std::string email_key(std::string_view email);
// Phone as compared: its digits, an international "00" prefix dropped; empty when fewer
// than kMinPhoneDigits digits are left (too short to identify anyone).
inline constexpr size_t kMinPhoneDigits = 7;
std::string phone_key(std::string_view phone);
// Profile URL as compared: no scheme, "www." or country subdomain of linkedin.com, query,
// fragment or trailing slash; percent-escapes decoded; lower-case. Empty for a URL without
// a path (a company home page identifies no person).
std::string profile_url_key(std::string_view url);

// Adds to `into` whatever `from` knows that `into` lacks: empty fields filled, new e-mails,
// phones, URLs, addresses, tags and extra properties appended, labels filled, notes that
// `into` does not contain yet appended. Nothing non-empty is overwritten and the scheduling
// state (tier, due, snooze, star, archive) is left alone. Returns true when `into` changed.
bool merge_contact(Contact& into, const Contact& from);

// Finds the stored contact an incoming one duplicates: same e-mail, else same phone, else
// same profile URL, else the exact same name and (non-empty) company when the two have no
// conflicting e-mails, phones or profile URLs. A name without a company never matches: a
// contact with no key and no company is a duplicate only of one that says exactly the same.
class DuplicateIndex {
 public:
  // Indexes (or re-indexes after a merge) a contact under every key it has.
  void add(const Contact& contact, int64_t id);
  // The id of the contact `contact` duplicates, if any.
  std::optional<int64_t> find(const Contact& contact) const;

 private:
  struct Kinds {
    bool email = false, phone = false, url = false;
  };
  // Hashed: a lookup costs the same with 100 contacts or 100,000 (issue 13).
  std::unordered_map<std::string, int64_t> emails_, phones_, urls_, names_;
  std::unordered_map<std::string, int64_t> contents_;  // no key and no company, by all they say
  std::unordered_map<int64_t, Kinds> kinds_;
};

}  // namespace rekindle::core
