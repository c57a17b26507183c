#pragma once
// What the store keeps about CardDAV sync (issue 15): the cards contacts are synced with and
// the values a concurrent edit left for the user to choose. See core/sync.h.
#include <cstdint>
#include <string>

namespace rekindle::core {

// One card of an address book and the contact it is synced with. Several cards may share a
// contact (two cards the importer found to be one person); the first by href is the one
// the contact is pushed to.
struct SyncedCard {
  std::string book;  // the address book's URL
  std::string href;  // the card's path on the server
  int64_t contact_id = 0;
  std::string etag;             // the server's entity tag of the card as last seen
  std::string base;             // the card (our writer's text) as both sides last agreed on it
  bool server_deleted = false;  // deleted on the server; the contact was archived here
};

// A field edited differently here and on the server since the last sync: both values kept,
// in words, until the user picks one.
struct SyncConflict {
  int64_t contact_id = 0;
  std::string field;   // a key of sync_fields() ("title", "company", ...)
  std::string here;    // the value in Rekindle
  std::string server;  // the value on the server
};

}  // namespace rekindle::core
