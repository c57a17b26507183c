// CardDAV sync: discovery, pull through the importer, three-way field merge, push (sync.h).
#include "core/sync.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "core/carddav_xml.h"
#include "core/importer.h"
#include "core/text_encoding.h"
#include "core/vcard_reader.h"
#include "core/vcard_writer.h"

namespace rekindle::core {
namespace {

// --- URLs --------------------------------------------------------------------------------

// "https://host:port" of a URL (everything before the path).
std::string origin_of(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  const size_t path = url.find('/', scheme + 3);
  return path == std::string::npos ? url : url.substr(0, path);
}

std::string path_of(const std::string& url) {
  const std::string origin = origin_of(url);
  const std::string path = url.substr(origin.size());
  return path.empty() ? "/" : path;
}

// An href from the server (a path, usually) as a full URL, relative to the URL it came from.
std::string resolve(const std::string& base, const std::string& href) {
  if (href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0) return href;
  if (!href.empty() && href[0] == '/') return origin_of(base) + href;
  const size_t slash = base.rfind('/');
  return (slash == std::string::npos ? base + "/" : base.substr(0, slash + 1)) + href;
}

std::string with_slash(std::string url) {
  if (url.empty() || url.back() != '/') url += '/';
  return url;
}

// --- HTTP --------------------------------------------------------------------------------

// What an HTTP status means for the user, naming the server; for anything but success.
std::string status_error(const HttpResponse& r, const std::string& what, const SyncOptions& o) {
  const std::string server = origin_of(o.server).empty() ? o.server : origin_of(o.server);
  switch (r.status) {
    case 401:
      return server + ": the server refused the user name or password for " + o.user + " (401 Unauthorized)";
    case 403:
      return server + ": the server does not allow " + o.user + " to " + what + " (403 Forbidden)";
    case 412:
      return server + ": the card changed on the server while it was being written (412 Precondition Failed)";
    default:
      return server + ": could not " + what + " (HTTP " + std::to_string(r.status) + ")";
  }
}

HttpRequest request(std::string method, std::string url, std::string body = "", std::string content_type = "",
                    int depth = -1) {
  HttpRequest r;
  r.method = std::move(method);
  r.url = std::move(url);
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  r.depth = depth;
  return r;
}

Result<HttpResponse> send(const HttpTransport& http, HttpRequest request) {
  auto r = http(request);
  if (!r) return make_error(r.error());
  if (r->url.empty()) r->url = request.url;
  return r;
}

// PROPFIND with a body; the multistatus, or why not. 404 and 405 give an empty multistatus
// (nothing there), so discovery can try the next place.
Result<Multistatus> propfind(const HttpTransport& http, const std::string& url, int depth, std::string body,
                             const SyncOptions& o, std::string* answered_url = nullptr) {
  HttpRequest req = request("PROPFIND", url, std::move(body), "application/xml; charset=utf-8", depth);
  auto r = send(http, req);
  if (!r) return make_error(r.error());
  if (answered_url) *answered_url = r->url;
  if (r->status == 404 || r->status == 405 || r->status == 501) return Multistatus{};
  if (r->status != 207) return make_error(status_error(*r, "read " + path_of(url), o));
  auto ms = parse_multistatus(r->body);
  if (!ms) return make_error(origin_of(url) + ": " + ms.error());
  return ms;
}

// --- fields sync compares ----------------------------------------------------------------

std::string list_text(const std::vector<LabeledValue>& list) {
  std::string out;
  for (const LabeledValue& v : list)
    out += v.value + '\x1f' + v.label +
           (v.preferred ? "\x1f"
                          "1"
                        : "") +
           '\x1e';
  return out;
}

std::string optional_day(const std::optional<Day>& d) { return d ? format_iso_day(*d) : ""; }

struct FieldDef {
  SyncField field;
  bool rekindle;  // carried in X-REKINDLE-*: left alone when the card has none
  bool list;      // lists are united by the importer when both sides changed them
  std::function<std::string(const Contact&)> get;
  std::function<void(Contact&, const Contact&)> copy;               // from the server's card
  std::function<void(Contact&, const std::string&)> set = nullptr;  // scalars: from get's text
};

#define REKINDLE_TEXT_FIELD(member, words, rk)                              \
  FieldDef {                                                                \
    {#member, words}, rk, false, [](const Contact& c) { return c.member; }, \
        [](Contact& to, const Contact& from) { to.member = from.member; },  \
        [](Contact& to, const std::string& v) { to.member = v; }            \
  }
#define REKINDLE_LIST_FIELD(member, words)                                               \
  FieldDef {                                                                             \
    {#member, words}, false, true, [](const Contact& c) { return list_text(c.member); }, \
        [](Contact& to, const Contact& from) { to.member = from.member; }                \
  }

const std::vector<FieldDef>& field_defs() {
  static const std::vector<FieldDef> defs = {
      REKINDLE_TEXT_FIELD(name, "name", false),
      REKINDLE_TEXT_FIELD(given_name, "first name", false),
      REKINDLE_TEXT_FIELD(family_name, "last name", false),
      REKINDLE_TEXT_FIELD(middle_name, "middle name", false),
      REKINDLE_TEXT_FIELD(name_prefix, "name prefix", false),
      REKINDLE_TEXT_FIELD(name_suffix, "name suffix", false),
      REKINDLE_TEXT_FIELD(nickname, "nickname", false),
      REKINDLE_TEXT_FIELD(company, "company", false),
      REKINDLE_TEXT_FIELD(department, "department", false),
      REKINDLE_TEXT_FIELD(title, "job title", false),
      REKINDLE_TEXT_FIELD(birthday, "birthday", false),
      REKINDLE_TEXT_FIELD(anniversary, "anniversary", false),
      REKINDLE_TEXT_FIELD(notes, "notes", false),
      REKINDLE_TEXT_FIELD(topic, "topic", true),
      REKINDLE_TEXT_FIELD(tier, "tier", true),
      FieldDef{{"cadence", "cadence"},
               true,
               false,
               [](const Contact& c) { return c.cadence_days ? std::to_string(*c.cadence_days) : ""; },
               [](Contact& to, const Contact& from) { to.cadence_days = from.cadence_days; },
               [](Contact& to, const std::string& v) {
                 to.cadence_days = v.empty() ? std::nullopt : std::optional<int>(std::atoi(v.c_str()));
               }},
      FieldDef{{"due", "next reminder"},
               true,
               false,
               [](const Contact& c) { return optional_day(c.due); },
               [](Contact& to, const Contact& from) { to.due = from.due; },
               [](Contact& to, const std::string& v) { to.due = parse_iso_day(v); }},
      FieldDef{{"starred", "star"},
               true,
               false,
               [](const Contact& c) { return std::string(c.starred ? "1" : ""); },
               [](Contact& to, const Contact& from) { to.starred = from.starred; },
               [](Contact& to, const std::string& v) { to.starred = !v.empty(); }},
      FieldDef{{"archived", "archive"},
               true,
               false,
               [](const Contact& c) { return std::string(c.archived ? "1" : ""); },
               [](Contact& to, const Contact& from) { to.archived = from.archived; },
               [](Contact& to, const std::string& v) { to.archived = !v.empty(); }},
      FieldDef{{"snooze_streak", "snoozes in a row"},
               true,
               false,
               [](const Contact& c) { return c.snooze_streak ? std::to_string(c.snooze_streak) : ""; },
               [](Contact& to, const Contact& from) { to.snooze_streak = from.snooze_streak; },
               [](Contact& to, const std::string& v) { to.snooze_streak = std::atoi(v.c_str()); }},
      REKINDLE_LIST_FIELD(emails, "e-mail addresses"),
      REKINDLE_LIST_FIELD(phones, "phone numbers"),
      REKINDLE_LIST_FIELD(urls, "web addresses"),
      REKINDLE_LIST_FIELD(addresses, "postal addresses"),
      FieldDef{{"tags", "tags"},
               false,
               true,
               [](const Contact& c) {
                 std::string out;
                 for (const std::string& t : c.tags) out += t + '\x1e';
                 return out;
               },
               [](Contact& to, const Contact& from) { to.tags = from.tags; }},
  };
  return defs;
}
#undef REKINDLE_TEXT_FIELD
#undef REKINDLE_LIST_FIELD

const FieldDef* field_def(const std::string& key) {
  for (const FieldDef& d : field_defs())
    if (key == d.field.key) return &d;
  return nullptr;
}

bool carries_rekindle_fields(const std::string& card) {
  return lower_ascii(card).find("x-rekindle-") != std::string::npos;
}

// The first card's record in text; nullopt when it holds none.
std::optional<ParsedRecord> first_record(const std::string& text) {
  ParseOutput out = parse_vcard(text);
  if (out.records.empty()) return std::nullopt;
  return std::move(out.records.front());
}

// The card's content lines, unfolded (CRLF or LF followed by a space or tab joins lines).
std::vector<std::string> unfolded_lines(const std::string& card) {
  std::vector<std::string> lines;
  std::string line;
  for (size_t i = 0; i < card.size(); ++i) {
    const char c = card[i];
    if (c == '\r' || c == '\n') {
      size_t next = i + 1;
      if (c == '\r' && next < card.size() && card[next] == '\n') ++next;
      if (next < card.size() && (card[next] == ' ' || card[next] == '\t')) {
        i = next;  // a fold: the line goes on after the one space or tab
        continue;
      }
      if (!line.empty()) lines.push_back(std::move(line));
      line.clear();
      i = next - 1;
      continue;
    }
    line += c;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

// Servers that keep cards as generic vCard objects (Radicale through vobject) escape every
// ';' of a property they do not know, so our compound X-REKINDLE-INTERACTION and
// X-REKINDLE-GOAL values arrive as one component. Such a value (escaped separators, none
// unescaped) gets its separators back before the importer reads the card.
std::string with_rekindle_separators(const std::string& card) {
  if (!carries_rekindle_fields(card)) return card;
  std::string out;
  for (std::string line : unfolded_lines(card)) {
    const size_t colon = line.find(':');
    const std::string name = lower_ascii(line.substr(0, std::min(colon, line.find(';'))));
    const bool compound = name.ends_with("x-rekindle-interaction") || name.ends_with("x-rekindle-goal") ||
                          name.ends_with("x-rekindle-decision");
    if (compound && colon != std::string::npos) {
      std::string value = line.substr(colon + 1), fixed;
      bool plain_separator = false;
      for (size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
          fixed += value[i + 1] == ';' ? std::string(";") : value.substr(i, 2);
          ++i;
          continue;
        }
        if (value[i] == ';') plain_separator = true;
        fixed += value[i];
      }
      if (!plain_separator) line = line.substr(0, colon + 1) + fixed;
    }
    out += line + "\r\n";
  }
  return out;
}

bool is_uid_line(const std::string& line) {
  const std::string lower = lower_ascii(line.substr(0, 4));
  return lower == "uid:" || lower == "uid;";
}

// The UID line of a card's text; empty when it has none.
std::string uid_line_of(const std::string& card) {
  for (const std::string& line : unfolded_lines(card))
    if (is_uid_line(line)) return line;
  return "";
}

// --- state of one sync -------------------------------------------------------------------

struct PulledCard {
  std::string href;  // as the server names it (a path)
  std::string etag;
  std::string text;
};

class Sync {
 public:
  Sync(Store& store, const HttpTransport& http, const SyncOptions& options) : store_(store), http_(http), o_(options) {}

  Result<SyncReport> run();

 private:
  void progress(const std::string& step, size_t done = 0, size_t total = 0) {
    if (o_.on_progress) o_.on_progress({step, done, total});
  }
  Status choose_book();
  Status read_changes(std::vector<PulledCard>& changed, std::vector<std::string>& deleted, std::string& token);
  Result<PulledCard> get_card(const std::string& href, const std::string& etag);
  Status apply(const std::vector<PulledCard>& cards, const std::vector<std::string>& deleted,
               const std::optional<std::string>& token);
  Status three_way(const SyncedCard& row, const PulledCard& card);
  Result<std::string> canonical(int64_t contact_id, const std::string& uid_line);
  Result<std::vector<DayDecision>> decisions_here(int64_t contact_id);
  Status push();
  Status push_contact(const Contact& contact, const std::vector<SyncedCard>& rows, bool retried);
  Status delete_remote(const SyncedCard& row);
  Result<std::vector<SyncedCard>> rows() { return store_.synced_cards(report_.book.url); }

  Store& store_;
  const HttpTransport& http_;
  SyncOptions o_;
  SyncReport report_;
  std::set<int64_t> changed_;  // contacts the three-way merge changed
};

Status Sync::choose_book() {
  progress("Finding the address book");
  auto books = discover_address_books(http_, o_);
  if (!books) return make_error(books.error());
  if (books->empty()) return make_error(o_.server + ": no address book found for " + o_.user);
  report_.books = *books;
  std::string wanted = o_.addressbook;
  if (wanted.empty()) {
    auto remembered = store_.setting(kSettingBook);
    if (!remembered) return make_error(remembered.error());
    if (*remembered) wanted = **remembered;
  }
  if (wanted.empty()) {
    report_.book = books->front();
    if (books->size() > 1)
      report_.notes.push_back(std::to_string(books->size()) + " address books on the server; syncing \"" +
                              report_.book.name + "\" (choose another with --addressbook)");
    return Status::success();
  }
  for (const AddressBook& b : *books) {
    if (b.name == wanted || b.url == wanted || with_slash(b.url) == with_slash(wanted) ||
        path_of(b.url) == with_slash(wanted) || path_of(b.url) == with_slash("/" + wanted)) {
      report_.book = b;
      return Status::success();
    }
  }
  std::string names;
  for (const AddressBook& b : *books) names += (names.empty() ? "" : ", ") + b.name;
  return make_error("no address book \"" + wanted + "\" on " + o_.server + " (there are: " + names + ")");
}

Status Sync::read_changes(std::vector<PulledCard>& changed, std::vector<std::string>& deleted, std::string& token) {
  auto stored = rows();
  if (!stored) return make_error(stored.error());
  std::map<std::string, std::string> known;  // href -> etag
  for (const SyncedCard& c : *stored)
    if (!c.server_deleted) known[c.href] = c.etag;
  const std::string book_path = path_of(report_.book.url);

  bool full = true;
  std::vector<DavResource> listed;
  if (report_.book.sync_token) {
    auto saved = store_.setting("carddav_sync_token");
    if (!saved) return make_error(saved.error());
    std::string old;
    if (*saved && (*saved)->rfind(report_.book.url + " ", 0) == 0) old = (*saved)->substr(report_.book.url.size() + 1);
    for (int attempt = 0; attempt < 2; ++attempt) {
      HttpRequest req =
          request("REPORT", report_.book.url, sync_collection_body(old), "application/xml; charset=utf-8", 0);
      auto r = send(http_, req);
      if (!r) return make_error(r.error());
      if (r->status != 207 && !old.empty() && r->status != 401) {  // a token the server forgot
        old.clear();
        continue;
      }
      if (r->status != 207) return make_error(status_error(*r, "read the address book", o_));
      auto ms = parse_multistatus(r->body);
      if (!ms) return make_error(o_.server + ": " + ms.error());
      full = old.empty();
      token = ms->sync_token;
      listed = std::move(ms->resources);
      break;
    }
  } else {
    auto ms = propfind(http_, report_.book.url, 1, propfind_etags_body(), o_);
    if (!ms) return make_error(ms.error());
    listed = std::move(ms->resources);
  }

  std::set<std::string> present;
  std::vector<DavResource> to_get;
  for (const DavResource& r : listed) {
    if (r.collection || with_slash(path_of(resolve(report_.book.url, r.href))) == with_slash(book_path)) continue;
    const std::string href = path_of(resolve(report_.book.url, r.href));
    if (r.status == 404) {
      if (known.count(href)) deleted.push_back(href);
      continue;
    }
    present.insert(href);
    auto k = known.find(href);
    if (k == known.end() || k->second != r.etag || r.etag.empty()) to_get.push_back(r);
  }
  if (full)
    for (const auto& [href, etag] : known)
      if (!present.count(href)) deleted.push_back(href);

  for (size_t i = 0; i < to_get.size(); ++i) {
    progress("Reading changed cards", i, to_get.size());
    auto card = get_card(path_of(resolve(report_.book.url, to_get[i].href)), to_get[i].etag);
    if (!card) return make_error(card.error());
    if (card->text.empty()) {  // gone between the listing and the GET
      if (known.count(card->href)) deleted.push_back(card->href);
      continue;
    }
    changed.push_back(std::move(*card));
  }
  return Status::success();
}

Result<PulledCard> Sync::get_card(const std::string& href, const std::string& etag) {
  HttpRequest req = request("GET", resolve(report_.book.url, href), "", "");
  auto r = send(http_, req);
  if (!r) return make_error(r.error());
  if (r->status == 404 || r->status == 410) return PulledCard{href, "", ""};
  if (r->status != 200) return make_error(status_error(*r, "read the card " + href, o_));
  return PulledCard{href, r->etag.empty() ? etag : r->etag, with_rekindle_separators(r->body)};
}

// The card text that stands for a contact here: what is pushed, and compared with the base.
// A contact merged from several cards holds each one's UID: the card keeps only its own
// (uid_line, from its base), else the first, since a server refuses a UID another card has.
Result<std::string> Sync::canonical(int64_t contact_id, const std::string& uid_line) {
  auto contact = store_.contact(contact_id);
  if (!contact) return make_error(contact.error());
  if (!*contact) return std::string();
  std::vector<std::string>& extra = (*contact)->extra_properties;
  bool kept = false;
  std::erase_if(extra, [&](const std::string& line) {
    if (!is_uid_line(line)) return false;
    const bool keep = uid_line.empty() ? !kept : line == uid_line;
    kept = kept || keep;
    return !keep;
  });
  if (!kept && !uid_line.empty()) extra.push_back(uid_line);
  auto touches = store_.interactions(contact_id);
  if (!touches) return make_error(touches.error());
  auto links = store_.goal_links(contact_id);
  if (!links) return make_error(links.error());
  auto goals = store_.goals(true);
  if (!goals) return make_error(goals.error());
  auto decided = decisions_here(contact_id);
  if (!decided) return make_error(decided.error());
  return write_vcard(**contact, *touches, *links, *goals, *decided);
}

// The review decisions a contact's card carries from here.
Result<std::vector<DayDecision>> Sync::decisions_here(int64_t contact_id) {
  auto rows = store_.card_decisions(contact_id);
  if (!rows) return make_error(rows.error());
  std::vector<DayDecision> out;
  for (const auto& [id, decision] : *rows) out.push_back(decision);
  return out;
}

// A field the server changed since the base replaces the value here when the value here did
// not change too; when both changed differently, the value here stays and both are recorded.
Status Sync::three_way(const SyncedCard& row, const PulledCard& card) {
  auto local = store_.contact(row.contact_id);
  if (!local) return make_error(local.error());
  if (!*local) return Status::success();
  const auto base = first_record(row.base);
  const auto remote = first_record(card.text);
  if (!base || !remote) return Status::success();  // the importer reports an unreadable card
  const bool rekindle_fields = carries_rekindle_fields(card.text);
  Contact merged = **local;
  bool changed = false;
  for (const FieldDef& d : field_defs()) {
    if (d.rekindle && !rekindle_fields) continue;
    const std::string b = d.get(base->contact), r = d.get(remote->contact), l = d.get(**local);
    if (r == b || r == l) continue;
    if (l == b || d.list) {
      // Lists edited on both sides are united by the importer after this.
      if (l == b) {
        d.copy(merged, remote->contact);
        changed = true;
      }
      continue;
    }
    if (Status s = store_.put_sync_conflict({row.contact_id, d.field.key, l, r}); !s) return s;
    ++report_.conflicts;
    report_.notes.push_back(merged.name + ": the " + d.field.words +
                            " was changed here and on the server; both kept (" + sync_value_words(d.field.key, l) +
                            " here, " + sync_value_words(d.field.key, r) +
                            " on the server): choose one on the Sync screen");
  }
  if (changed) {
    changed_.insert(row.contact_id);
    if (merged.name.empty()) merged.name = (**local).name;
    if (Status s = store_.update_contact(merged); !s) return s;
  }
  return Status::success();
}

Status Sync::apply(const std::vector<PulledCard>& cards, const std::vector<std::string>& deleted,
                   const std::optional<std::string>& token) {
  auto stored = rows();
  if (!stored) return make_error(stored.error());
  std::map<std::string, SyncedCard> by_href;
  for (const SyncedCard& c : *stored) by_href[c.href] = c;

  std::vector<ImportSource> sources;
  for (const PulledCard& card : cards) {
    ImportSource source{card.href, card.text};
    auto row = by_href.find(card.href);
    if (row != by_href.end() && !row->second.server_deleted) source.into = row->second.contact_id;
    sources.push_back(std::move(source));
  }

  ImportOptions options;
  options.format = "vcard";
  options.today = o_.today;
  options.first = [&]() -> Status {
    if (Status s = store_.set_setting(kSettingServer, o_.server); !s) return s;
    if (Status s = store_.set_setting(kSettingUser, o_.user); !s) return s;
    if (Status s = store_.set_setting(kSettingBook, report_.book.url); !s) return s;
    for (const PulledCard& card : cards) {
      auto row = by_href.find(card.href);
      if (row == by_href.end() || row->second.server_deleted || row->second.contact_id == 0) continue;
      if (Status s = three_way(row->second, card); !s) return s;
    }
    for (const std::string& href : deleted) {
      auto row = by_href.find(href);
      if (row == by_href.end()) continue;
      SyncedCard gone = row->second;
      gone.server_deleted = true;
      if (Status s = store_.put_synced_card(gone); !s) return s;
      // Archived (never deleted) unless another card of the server still stands for it.
      const bool other = std::any_of(stored->begin(), stored->end(), [&](const SyncedCard& c) {
        return c.contact_id == gone.contact_id && c.href != href && !c.server_deleted &&
               std::find(deleted.begin(), deleted.end(), c.href) == deleted.end();
      });
      auto contact = store_.contact(gone.contact_id);
      if (!contact) return make_error(contact.error());
      if (other || !*contact || (*contact)->archived) continue;
      if (Status s = store_.set_archived(gone.contact_id, true); !s) return s;
      ++report_.archived;
      report_.notes.push_back((*contact)->name +
                              ": the card was deleted on the server; archived here, nothing deleted");
    }
    return Status::success();
  };
  options.last = [&](const std::vector<ImportFileReport>& files) -> Status {
    for (size_t i = 0; i < cards.size() && i < files.size(); ++i) {
      const int64_t id = files[i].contact_ids.empty() ? 0 : files[i].contact_ids.front();
      SyncedCard row{report_.book.url, cards[i].href, id, cards[i].etag, "", false};
      if (id != 0) {
        // The base is the server's card as it reads here: with the Rekindle fields of the
        // contact when the card carries none, so a server that drops them is not pushed to again.
        auto record = first_record(cards[i].text);
        auto contact = store_.contact(id);
        if (!contact) return make_error(contact.error());
        if (record && *contact) {
          auto decided = decisions_here(id);
          if (!decided) return make_error(decided.error());
          if (carries_rekindle_fields(cards[i].text)) {
            // A day decided both here and on the other side keeps the decision made here
            // (never two on one day): the card reads as that one, so it is not pushed over
            // and over between the two databases.
            for (DayDecision& theirs : record->decisions)
              for (const DayDecision& mine : *decided)
                if (mine.day == theirs.day) theirs = mine;
            row.base = write_vcard(record->contact, record->interactions, record->goal_links, record->decisions);
          } else {
            Contact as_server = record->contact;
            for (const FieldDef& d : field_defs())
              if (d.rekindle) d.copy(as_server, **contact);
            as_server.source = (*contact)->source;
            as_server.connected_on = (*contact)->connected_on;
            as_server.trust = (*contact)->trust;
            as_server.name = as_server.name.empty() ? derive_display_name(as_server) : as_server.name;
            auto touches = store_.interactions(id);
            if (!touches) return make_error(touches.error());
            auto links = store_.goal_links(id);
            if (!links) return make_error(links.error());
            auto goals = store_.goals(true);
            if (!goals) return make_error(goals.error());
            row.base = write_vcard(as_server, *touches, *links, *goals, *decided);
          }
        }
      }
      if (Status s = store_.put_synced_card(row); !s) return s;
    }
    if (token && !token->empty())
      if (Status s = store_.set_setting("carddav_sync_token", report_.book.url + " " + *token); !s) return s;
    return Status::success();
  };
  progress("Storing changes", 0, cards.size());
  auto imported = import_sources(store_, sources, options);
  if (!imported) return make_error(imported.error());
  report_.added += imported->added;
  report_.updated += imported->updated;
  // A card whose changes the three-way merge took leaves the importer nothing to add.
  for (size_t i = 0; i < imported->files.size(); ++i)
    if (imported->files[i].updated == 0 && !imported->files[i].contact_ids.empty() &&
        changed_.count(imported->files[i].contact_ids.front()))
      ++report_.updated;
  for (const ImportFileReport& f : imported->files)
    for (const SkippedRecord& s : f.skipped) report_.notes.push_back(f.file + ": " + s.reason + "; left on the server");
  return Status::success();
}

std::string new_uid() {
  std::random_device device;
  std::mt19937_64 random((static_cast<uint64_t>(device()) << 32) ^ device());
  const uint64_t a = random(), b = random();
  char text[40];
  std::snprintf(text, sizeof text, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xfff),
                static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3fff)),
                static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return text;
}

Status Sync::push_contact(const Contact& contact, const std::vector<SyncedCard>& cards, bool retried) {
  const SyncedCard* primary = nullptr;
  for (const SyncedCard& c : cards)
    if (!c.server_deleted) {
      primary = &c;
      break;
    }
  if (!cards.empty() && !primary) return Status::success();  // deleted on the server: stays archived here
  std::string href;
  if (!primary) {
    // A new card: its UID is kept on the contact, so the text pushed is the text compared.
    std::string uid = new_uid();
    if (std::none_of(contact.extra_properties.begin(), contact.extra_properties.end(), is_uid_line)) {
      Contact with_uid = contact;
      with_uid.extra_properties.push_back("UID:urn:uuid:" + uid);
      if (Status s = store_.transaction([&] { return store_.update_contact(with_uid); }); !s) return s;
    }
    href = path_of(with_slash(report_.book.url)) + uid + ".vcf";
  } else {
    href = primary->href;
  }
  auto text = canonical(contact.id, primary ? uid_line_of(primary->base) : "");
  if (!text) return make_error(text.error());
  if (primary && *text == primary->base) return Status::success();

  for (int attempt = 0; attempt < 2; ++attempt) {
    HttpRequest req =
        request("PUT", resolve(report_.book.url, href),
                report_.vcard_version == "3.0" ? vcard_as_version_3(*text) : *text, "text/vcard; charset=utf-8");
    if (primary)
      req.if_match = primary->etag;
    else
      req.if_none_match = true;
    auto r = send(http_, req);
    if (!r) return make_error(r.error());
    if ((r->status == 415 || (r->status == 403 && r->body.find("address-data") != std::string::npos)) &&
        report_.vcard_version != "3.0") {
      report_.vcard_version = "3.0";  // the server takes only vCard 3.0
      continue;
    }
    if (r->status == 412 && !retried) {
      // Changed on the server since it was read: pull it, merge it, then push the result.
      auto card = get_card(href, "");
      if (!card) return make_error(card.error());
      if (card->text.empty()) return Status::success();
      if (Status s = apply({*card}, {}, std::nullopt); !s) return s;
      auto again = rows();
      if (!again) return make_error(again.error());
      std::vector<SyncedCard> mine;
      for (const SyncedCard& c : *again)
        if (c.contact_id == contact.id) mine.push_back(c);
      auto conflicts = store_.sync_conflicts();
      if (!conflicts) return make_error(conflicts.error());
      for (const SyncConflict& c : *conflicts)
        if (c.contact_id == contact.id) return Status::success();  // the user chooses first
      auto fresh = store_.contact(contact.id);
      if (!fresh) return make_error(fresh.error());
      if (!*fresh) return Status::success();
      return push_contact(**fresh, mine, true);
    }
    if (r->status != 200 && r->status != 201 && r->status != 204)
      return make_error(status_error(*r, "write the card of " + contact.name, o_));
    std::string etag = r->etag;
    if (etag.empty()) {
      auto got = get_card(href, "");
      if (!got) return make_error(got.error());
      etag = got->etag;
    }
    SyncedCard row{report_.book.url, href, contact.id, etag, *text, false};
    if (Status s = store_.transaction([&] { return store_.put_synced_card(row); }); !s) return s;
    ++(primary ? report_.pushed_changed : report_.pushed_new);
    return Status::success();
  }
  return make_error(o_.server + ": the server took neither vCard 4.0 nor 3.0 for " + contact.name);
}

Status Sync::delete_remote(const SyncedCard& row) {
  HttpRequest req = request("DELETE", resolve(report_.book.url, row.href), "", "");
  req.if_match = row.etag;
  auto r = send(http_, req);
  if (!r) return make_error(r.error());
  if (r->status == 412) {
    // Edited on the server after it was deleted here: the edit wins, the card comes back.
    auto card = get_card(row.href, "");
    if (!card) return make_error(card.error());
    if (Status s = store_.transaction([&] { return store_.delete_synced_card(row.book, row.href); }); !s) return s;
    if (card->text.empty()) return Status::success();
    report_.notes.push_back(row.href + ": deleted here but changed on the server since; brought back");
    return apply({*card}, {}, std::nullopt);
  }
  if (r->status != 200 && r->status != 204 && r->status != 404)
    return make_error(status_error(*r, "delete the card " + row.href, o_));
  if (r->status != 404) ++report_.deleted_on_server;
  return store_.transaction([&] { return store_.delete_synced_card(row.book, row.href); });
}

Status Sync::push() {
  auto contacts = store_.contacts();
  if (!contacts) return make_error(contacts.error());
  auto stored = rows();
  if (!stored) return make_error(stored.error());
  auto conflicts = store_.sync_conflicts();
  if (!conflicts) return make_error(conflicts.error());
  std::set<int64_t> waiting;  // contacts with a choice to make are not pushed until it is made
  for (const SyncConflict& c : *conflicts) waiting.insert(c.contact_id);
  std::map<int64_t, std::vector<SyncedCard>> by_contact;
  for (const SyncedCard& c : *stored) by_contact[c.contact_id].push_back(c);

  std::set<int64_t> present;
  for (size_t i = 0; i < contacts->size(); ++i) {
    const Contact& c = (*contacts)[i];
    present.insert(c.id);
    progress("Sending changes", i, contacts->size());
    if (waiting.count(c.id)) continue;
    auto cards = by_contact.find(c.id);
    if (Status s = push_contact(c, cards == by_contact.end() ? std::vector<SyncedCard>{} : cards->second, false); !s)
      return s;
  }
  for (const SyncedCard& row : *stored)
    if (row.contact_id != 0 && !row.server_deleted && !present.count(row.contact_id))
      if (Status s = delete_remote(row); !s) return s;
  return Status::success();
}

Result<SyncReport> Sync::run() {
  if (Status s = choose_book(); !s) return make_error(s.error());
  const auto& versions = report_.book.vcard_versions;
  if (!versions.empty() && std::find(versions.begin(), versions.end(), "4.0") == versions.end())
    report_.vcard_version = "3.0";
  progress("Reading changes");
  std::vector<PulledCard> changed;
  std::vector<std::string> deleted;
  std::string token;
  if (Status s = read_changes(changed, deleted, token); !s) return make_error(s.error());
  if (Status s = apply(changed, deleted, token); !s) return make_error(s.error());
  if (o_.before_push) o_.before_push();
  if (Status s = push(); !s) return make_error(s.error());
  progress("Done", 1, 1);
  return report_;
}

}  // namespace

std::string sync_value_words(const std::string& key, const std::string& raw) {
  if (key == "cadence") return raw.empty() ? "the tier's cadence" : "every " + raw + " days";
  if (key == "starred") return raw.empty() ? "not starred" : "starred";
  if (key == "archived") return raw.empty() ? "not archived" : "archived";
  if (key == "due") return raw.empty() ? "no reminder" : raw;
  if (raw.empty()) return "empty";
  return "\"" + raw + "\"";
}

const std::vector<SyncField>& sync_fields() {
  static const std::vector<SyncField> fields = [] {
    std::vector<SyncField> out;
    for (const FieldDef& d : field_defs()) out.push_back(d.field);
    return out;
  }();
  return fields;
}

std::string sync_field_words(const std::string& key) {
  const FieldDef* d = field_def(key);
  return d ? d->field.words : key;
}

Status resolve_sync_conflict(Store& store, int64_t contact_id, const std::string& field, bool use_server) {
  return store.transaction([&]() -> Status {
    auto conflicts = store.sync_conflicts();
    if (!conflicts) return make_error(conflicts.error());
    auto found = std::find_if(conflicts->begin(), conflicts->end(),
                              [&](const SyncConflict& c) { return c.contact_id == contact_id && c.field == field; });
    if (found == conflicts->end())
      return make_error("no sync conflict on " + field + " for contact " + std::to_string(contact_id));
    if (use_server) {
      const FieldDef* d = field_def(field);
      if (!d || !d->set) return make_error("unknown field " + field);
      auto contact = store.contact(contact_id);
      if (!contact) return make_error(contact.error());
      if (!*contact) return make_error("no contact with id " + std::to_string(contact_id));
      Contact c = **contact;
      d->set(c, found->server);
      if (c.name.empty()) return make_error("a contact's name cannot be empty");
      if (Status s = store.update_contact(c); !s) return s;
    }
    return store.delete_sync_conflict(contact_id, field);
  });
}

Result<std::vector<AddressBook>> discover_address_books(const HttpTransport& http, const SyncOptions& o) {
  if (origin_of(o.server).empty()) return make_error(o.server + ": not a server URL (expected https://...)");
  // The principal: asked of the URL given, then of the well-known URL (RFC 6764).
  std::string principal, answered;
  for (const std::string& url : {o.server, origin_of(o.server) + "/.well-known/carddav"}) {
    auto ms = propfind(http, url, 0, propfind_principal_body(), o, &answered);
    if (!ms) return make_error(ms.error());
    for (const DavResource& r : ms->resources)
      if (!r.principal.empty()) principal = resolve(answered, r.principal);
    if (!principal.empty()) break;
  }
  std::string home;
  if (!principal.empty()) {
    auto ms = propfind(http, principal, 0, propfind_home_body(), o, &answered);
    if (!ms) return make_error(ms.error());
    for (const DavResource& r : ms->resources)
      if (!r.home.empty()) home = resolve(answered, r.home);
  }
  if (home.empty()) home = principal.empty() ? o.server : principal;
  auto ms = propfind(http, home, 1, propfind_books_body(), o, &answered);
  if (!ms) return make_error(ms.error());
  std::vector<AddressBook> books;
  for (const DavResource& r : ms->resources) {
    if (!r.addressbook) continue;
    AddressBook b;
    b.url = with_slash(resolve(answered, r.href));
    b.name = r.displayname;
    if (b.name.empty()) {
      std::string path = path_of(b.url);
      path.pop_back();
      b.name = path.substr(path.rfind('/') + 1);
    }
    b.sync_token = !r.sync_token.empty();
    b.vcard_versions = r.vcard_versions;
    books.push_back(std::move(b));
  }
  if (books.empty() && ms->resources.empty())
    return make_error(o.server + ": no CardDAV service found there (is it the right URL?)");
  return books;
}

Result<SyncReport> sync_address_book(Store& store, const HttpTransport& http, const SyncOptions& options) {
  Sync sync(store, http, options);
  return sync.run();
}

std::string vcard_as_version_3(const std::string& card) {
  std::string out;
  for (std::string line : unfolded_lines(card)) {
    if (line == "VERSION:4.0") line = "VERSION:3.0";
    if (line.rfind("ANNIVERSARY", 0) == 0) line = "X-" + line;
    if (line.rfind("PHOTO:data:", 0) == 0) {
      const size_t semi = line.find(";base64,");
      if (semi != std::string::npos) {
        std::string mime = line.substr(11, semi - 11);
        std::string type = mime.substr(mime.find('/') + 1);
        for (char& ch : type) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        line = "PHOTO;ENCODING=b;TYPE=" + type + ":" + line.substr(semi + 8);
      }
    }
    const size_t colon = line.find(':');
    const size_t pref = line.find(";PREF=1");
    if (pref != std::string::npos && pref < colon) line.replace(pref, 7, ";TYPE=pref");
    out += fold_vcard_line(line);
  }
  return out;
}

}  // namespace rekindle::core
