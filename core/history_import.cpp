#include "core/history_import.h"
#include "core/text_encoding.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "core/history_ics.h"
#include "core/history_linkedin.h"
#include "core/history_mail.h"
#include "core/url_encoding.h"

namespace rekindle::core {
namespace {

constexpr size_t kSniffBytes = 64 * 1024;

std::string trimmed(std::string_view s) {
  const size_t a = s.find_first_not_of(" \t\r\n<>\"'");
  const size_t b = s.find_last_not_of(" \t\r\n<>\"'");
  return a == std::string_view::npos ? std::string() : std::string(s.substr(a, b - a + 1));
}

// A person's key: the normalised address, else (LinkedIn rows without a URL) the name.
std::string party_key(const HistoryParty& p) {
  std::string key = normalise_address(p.address);
  if (key.empty() && !p.name.empty()) key = "name:" + lower_ascii(trimmed(p.name));
  return key;
}

// Automated senders whose messages are never a conversation.
bool is_no_reply(std::string_view address) {
  const size_t at = address.find('@');
  if (at == std::string_view::npos) return false;
  std::string local;
  for (char c : address.substr(0, at))
    if (std::isalnum(static_cast<unsigned char>(c))) local += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* word : {"noreply", "donotreply", "dontreply", "mailerdaemon", "postmaster", "bounce", "notification"})
    if (local.find(word) != std::string::npos) return true;
  return false;
}

// "Re: Fwd: Lunch" -> "Lunch": the subject as a topic, not the mail client's prefixes.
std::string topic_of(std::string subject) {
  for (bool again = true; again;) {
    again = false;
    const std::string s = trimmed(subject);
    for (const char* prefix : {"re:", "fwd:", "fw:", "aw:", "wg:", "sv:", "antw:", "tr:", "réf:"}) {
      const std::string p = prefix;
      if (lower_ascii(s.substr(0, p.size())) == p) {
        subject = s.substr(p.size());
        again = true;
        break;
      }
    }
  }
  return trimmed(subject);
}

// What is kept of an item with a known contact in it, until the user's address is known.
struct Kept {
  HistoryItem item;
  std::string from_key;
  int64_t from_contact = 0;
  std::vector<std::pair<std::string, int64_t>> contacts_to;  // (key, contact) among recipients
};

class Collector {
 public:
  Collector(Store& store, const HistoryOptions& options) : store_(store), options_(options) {}

  Status load() {
    auto addresses = store_.contact_addresses();
    if (!addresses) return make_error(addresses.error());
    for (const auto& [id, value] : *addresses) {
      const std::string key = normalise_address(value);
      if (!key.empty()) by_key_[key].insert(id);
    }
    auto contacts = store_.schedule_contacts();
    if (!contacts) return make_error(contacts.error());
    for (const Contact& c : *contacts) by_name_["name:" + lower_ascii(trimmed(c.name))].insert(c.id);
    auto mine = my_addresses(store_);
    if (!mine) return make_error(mine.error());
    for (const std::string& a : options_.me)
      if (std::string key = normalise_address(a); !key.empty()) me_.insert(key);
    for (const std::string& key : *mine) me_.insert(key);
    return Status::success();
  }

  bool take(HistoryItem&& item) {
    ++report.items;
    if (item.day > options_.today) return ++report.future, true;
    if (item.bulk) return ++report.lists, true;
    if (is_no_reply(item.from.address)) return ++report.no_reply, true;
    // A meeting's organizer is often an attendee too: each person once.
    std::vector<HistoryParty> to;
    std::set<std::string> seen{party_key(item.from)};
    for (HistoryParty& p : item.to)
      if (seen.insert(party_key(p)).second) to.push_back(std::move(p));
    if (static_cast<int>(to.size()) > kMaxRecipients) return ++report.crowded, true;

    Kept kept;
    const bool linkedin = item.channel == "linkedin";
    kept.from_key = party_key(item.from);
    if (!kept.from_key.empty()) {
      ++people_[kept.from_key].items;
      ++people_[kept.from_key].sent;
    }
    kept.from_contact = contact_of(item.from, linkedin);
    if (kept.from_contact) known_.insert(kept.from_key);
    for (const HistoryParty& p : to) {
      const std::string key = party_key(p);
      if (key.empty()) continue;
      ++people_[key].items;
      if (int64_t id = contact_of(p, linkedin)) {
        kept.contacts_to.emplace_back(key, id);
        known_.insert(key);
      }
    }
    if (!kept.from_contact && kept.contacts_to.empty()) return ++report.without_contacts, true;
    item.to.clear();
    kept.item = std::move(item);
    kept_.push_back(std::move(kept));
    return true;
  }

  // The user's addresses: those known, else the one in the most messages of this file.
  void settle_me() {
    const bool known = std::any_of(people_.begin(), people_.end(), [&](const auto& p) { return me_.count(p.first); });
    if (!known && !people_.empty()) {
      // In the most messages; at a tie, someone who is not a contact (an inbox where one
      // contact wrote every message has the user and that contact in all of them), then the
      // more frequent sender.
      auto rank = [&](const auto& p) { return std::make_tuple(p.second.items, !known_.count(p.first), p.second.sent); };
      auto best = people_.begin();
      for (auto it = people_.begin(); it != people_.end(); ++it)
        if (rank(*it) > rank(*best)) best = it;
      me_.insert(best->first);
      report.me_detected = true;
    }
    report.me.assign(me_.begin(), me_.end());
    for (const auto& p : people_)
      if (!me_.count(p.first) && !known_.count(p.first)) ++report.unknown_people;
  }

  Status store_touches(std::set<int64_t>& affected) {
    std::stable_sort(kept_.begin(), kept_.end(), [](const Kept& a, const Kept& b) { return a.item.seconds < b.item.seconds; });
    std::set<int64_t> touched;
    for (const Kept& k : kept_) {
      const bool from_me = me_.count(k.from_key) > 0;
      Interaction x;
      x.date = k.item.day;
      x.channel = k.item.channel;
      x.note = topic_of(k.item.subject);
      std::vector<int64_t> who;
      if (k.item.channel == "meeting") {
        // Both ways: everyone there who is a contact (not the user's own card).
        if (k.from_contact && !from_me) who.push_back(k.from_contact);
        for (const auto& [key, id] : k.contacts_to)
          if (!me_.count(key)) who.push_back(id);
        x.grade = 4;
      } else if (from_me) {
        for (const auto& [key, id] : k.contacts_to)
          if (!me_.count(key)) who.push_back(id);
      } else if (k.from_contact) {
        x.kind = "inbound";
        who.push_back(k.from_contact);
      }
      std::sort(who.begin(), who.end());
      who.erase(std::unique(who.begin(), who.end()), who.end());
      if (who.empty()) ++report.without_contacts;
      for (int64_t id : who) {
        x.contact_id = id;
        auto added = store_.insert_imported_interaction(x, k.item.external_id);
        if (!added) return make_error(added.error());
        if (*added) ++report.touches;
        else ++report.already;
        affected.insert(id);
        touched.insert(id);
      }
    }
    report.contacts = static_cast<int>(touched.size());
    // The user's addresses are kept for the next import (and shown on the report).
    auto stored = my_addresses(store_);
    if (!stored) return make_error(stored.error());
    if (std::set<std::string>(stored->begin(), stored->end()) != me_) {
      std::string joined;
      for (const std::string& a : me_) joined += (joined.empty() ? "" : ", ") + a;
      if (Status s = store_.set_setting(kMyAddressesSetting, joined); !s) return s;
    }
    return Status::success();
  }

  HistoryReport report;

 private:
  struct Person {
    int items = 0, sent = 0;
  };

  int64_t unique_name(const std::string& key) const {
    auto it = by_name_.find(key);
    return it != by_name_.end() && it->second.size() == 1 ? *it->second.begin() : 0;
  }

  // The contact a person is, by address; on LinkedIn also by exact name when the URL is
  // unknown and only one contact has that name (exports often give member ids, not URLs).
  int64_t contact_of(const HistoryParty& p, bool linkedin) const {
    const std::string key = normalise_address(p.address);
    if (!key.empty()) {
      auto it = by_key_.find(key);
      if (it != by_key_.end()) return *it->second.begin();
    }
    if (linkedin && !p.name.empty()) return unique_name("name:" + lower_ascii(trimmed(p.name)));
    return 0;
  }

  Store& store_;
  const HistoryOptions& options_;
  std::map<std::string, std::set<int64_t>> by_key_, by_name_;
  std::set<std::string> me_;
  std::set<std::string> known_;  // people found among the contacts
  std::map<std::string, Person> people_;
  std::vector<Kept> kept_;
};

}  // namespace

std::string normalise_address(std::string_view address) {
  std::string a = trimmed(address);
  if (lower_ascii(a.substr(0, 7)) == "mailto:") a = trimmed(a.substr(7));
  if (a.empty()) return {};
  const std::string l = lower_ascii(a);
  const size_t li = l.find("linkedin.com/");
  if (li != std::string::npos) {
    std::string path = l.substr(li + 13);
    const size_t cut = path.find_first_of("?#");
    if (cut != std::string::npos) path.resize(cut);
    while (!path.empty() && path.back() == '/') path.pop_back();
    if (auto decoded = percent_decode(path)) path = lower_ascii(*decoded);
    return path.empty() ? std::string() : "linkedin.com/" + path;
  }
  if (l.find('@') != std::string::npos && l.find(' ') == std::string::npos) return l;
  return {};
}

Result<std::vector<std::string>> my_addresses(Store& store) {
  auto value = store.setting(kMyAddressesSetting);
  if (!value) return make_error(value.error());
  std::vector<std::string> out;
  if (!*value) return out;
  std::string item;
  for (char c : **value + ",") {
    if (c != ',') {
      item += c;
      continue;
    }
    if (std::string key = normalise_address(item); !key.empty()) out.push_back(key);
    else if (std::string name = lower_ascii(trimmed(item)); name.rfind("name:", 0) == 0) out.push_back(name);
    item.clear();
  }
  return out;
}

std::string detect_history_format(std::string_view head) {
  head = head.substr(0, std::min(head.size(), kSniffBytes));
  if (looks_like_ics(head)) return "ics";
  if (looks_like_mbox(head)) return "mbox";
  if (looks_like_linkedin_messages(head)) return "linkedin-messages";
  return {};
}

std::string detect_history_path(const std::string& path) {
  if (is_maildir(path)) return "maildir";
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::string head(kSniffBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return detect_history_format(head);
}

Result<HistoryReport> import_history(Store& store, const HistorySource& source, const HistoryOptions& options,
                                     std::set<int64_t>& affected) {
  Collector collector(store, options);
  if (Status s = collector.load(); !s) return make_error(s.error());
  const HistorySink sink = [&](HistoryItem&& item) { return collector.take(std::move(item)); };
  const HistoryProblem problem = [&](int, const std::string&) { ++collector.report.unreadable; };
  Status read;
  if (source.format == "maildir") {
    read = read_maildir(source.path, sink, problem, options.progress);
  } else if (source.format == "mbox" && !source.bytes) {
    std::ifstream in(source.path, std::ios::binary);
    if (!in) return make_error("cannot read the mailbox");
    std::error_code ec;
    const auto size = std::filesystem::file_size(source.path, ec);
    read = read_mbox(in, ec ? 0 : size, sink, problem, options.progress);
  } else {
    std::string owned;
    if (!source.bytes) {
      std::ifstream in(source.path, std::ios::binary);
      if (!in) return make_error("cannot read this file");
      std::ostringstream all;
      all << in.rdbuf();
      owned = all.str();
    }
    const std::string& bytes = source.bytes ? *source.bytes : owned;
    if (source.format == "mbox") {
      std::istringstream in(bytes);
      read = read_mbox(in, bytes.size(), sink, problem, options.progress);
    } else if (source.format == "ics") {
      read = read_ics(bytes, options.today, sink, problem, options.progress);
    } else if (source.format == "linkedin-messages") {
      read = read_linkedin_messages(bytes, sink, problem, options.progress);
    } else {
      return make_error("not a history file we read (mbox, Maildir, LinkedIn messages.csv, .ics)");
    }
  }
  if (!read) return make_error(read.error());
  collector.settle_me();
  if (Status s = collector.store_touches(affected); !s) return make_error(s.error());
  return collector.report;
}

}  // namespace rekindle::core
