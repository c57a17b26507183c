#pragma once
// CardDAV sync (issue 15): one address book on a CardDAV server (RFC 6352 over WebDAV,
// RFC 4918; sync-collection, RFC 6578) and the contacts here kept in agreement.
//
// A sync fetches first, then changes anything: discovery (the URL given, else
// /.well-known/carddav; current-user-principal; addressbook-home-set), the address book's
// changes (by sync-token when the server supports it, else by ETag over a listing), and the
// changed cards. A failure there changes nothing and says why. The pulled cards then go
// through the importer (import_sources, the same parse and merge rules as a file import) in
// one transaction, with what sync adds to it: a field edited only on the server replaces the
// value here; one edited on both sides keeps the value here and records both (a conflict the
// user resolves, shown in words); a card deleted on the server archives its contact (nothing
// is deleted). Then contacts created or edited here are pushed as vCard 4.0 (3.0 when the
// server only takes that) with If-None-Match / If-Match, so an edit made meanwhile on a phone
// is never overwritten: a 412 pulls that card and merges it instead. A contact deleted here
// (an explicit command) is deleted on the server with If-Match.
//
// Rekindle's own fields travel in X-REKINDLE-* properties (vcard_writer.h). A card without
// any (a server that drops X- properties, or a card from a phone) leaves them as they are here.
#include <functional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "core/store.h"

namespace rekindle::core {

struct HttpRequest {
  std::string method;  // PROPFIND, REPORT, GET, PUT, DELETE
  std::string url;
  std::string body;
  std::string content_type;
  int depth = -1;              // the Depth header; -1: none
  std::string if_match;        // an ETag, or empty
  bool if_none_match = false;  // If-None-Match: * (create only)
};

struct HttpResponse {
  long status = 0;
  std::string body;
  std::string etag;  // the ETag header, quotes kept
  std::string url;   // the URL answered, after redirects
};

// Sends one request. An error is a failure below HTTP, in words: the server cannot be
// reached, a TLS error, a timeout. Any HTTP status is a response.
using HttpTransport = std::function<Result<HttpResponse>(const HttpRequest&)>;

struct AddressBook {
  std::string url;
  std::string name;                         // displayname, else the last part of the path
  bool sync_token = false;                  // supports RFC 6578
  std::vector<std::string> vcard_versions;  // supported-address-data; empty: not said
};

struct SyncProgress {
  std::string step;  // "Finding the address book", "Reading changes", ... (for a person)
  size_t done = 0, total = 0;
};

struct SyncOptions {
  std::string server;       // the URL the user gave
  std::string user;         // for messages only: the transport carries the credentials
  std::string addressbook;  // a name, path or URL; empty: the remembered one, else the first
  Day today;
  std::function<void(const SyncProgress&)> on_progress;
  // Tests: runs after the pull is stored and before anything is pushed.
  std::function<void()> before_push;
};

struct SyncReport {
  std::vector<AddressBook> books;     // every address book found
  AddressBook book;                   // the one synced
  std::string vcard_version = "4.0";  // what was pushed
  int added = 0, updated = 0;         // contacts added or changed here by pulled cards
  int pushed_new = 0, pushed_changed = 0, deleted_on_server = 0;
  int archived = 0;                // contacts whose card was deleted on the server
  int conflicts = 0;               // fields left for the user to choose (new this sync)
  std::vector<std::string> notes;  // one line each, for the user
};

// Finds the address books of the account at options.server.
Result<std::vector<AddressBook>> discover_address_books(const HttpTransport& http, const SyncOptions& options);

// Syncs the contacts of store with one address book (see the top of this file). The server,
// user and address book are remembered in settings (carddav_server, carddav_user,
// carddav_addressbook); the password never is.
Result<SyncReport> sync_address_book(Store& store, const HttpTransport& http, const SyncOptions& options);

// A field sync compares: its key (stored in sync_conflicts) and its name in words.
struct SyncField {
  const char* key;
  const char* words;  // "job title"
};
const std::vector<SyncField>& sync_fields();

// A field's name in words ("job title"), and a value of it as stored in a conflict, in words
// ("every 30 days", "starred", "\"CTO\"", "empty").
std::string sync_field_words(const std::string& key);
std::string sync_value_words(const std::string& key, const std::string& raw);

// Resolves a conflict: use_server takes the server's value, else the value here is kept.
// Either way the contact is pushed at the next sync. One transaction.
Status resolve_sync_conflict(Store& store, int64_t contact_id, const std::string& field, bool use_server);

// The card as pushed to a server that only takes vCard 3.0: VERSION:3.0, photos as
// ENCODING=b, PREF=1 as TYPE=pref, ANNIVERSARY as X-ANNIVERSARY.
std::string vcard_as_version_3(const std::string& card);

// Settings keys.
inline constexpr const char* kSettingServer = "carddav_server";
inline constexpr const char* kSettingUser = "carddav_user";
inline constexpr const char* kSettingBook = "carddav_addressbook";
inline constexpr const char* kSettingSyncOnStart = "sync_on_start";  // "1": sync when the window opens

}  // namespace rekindle::core
