#pragma once
// The WebDAV / CardDAV XML Rekindle sends and reads (RFC 4918 multistatus, RFC 6352 CardDAV,
// RFC 6578 sync-collection), parsed with pugixml. Elements are matched by local name, so any
// namespace prefix a server picks is read the same.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace rekindle::core {

// One <response> of a multistatus: the properties found (status 200) on one resource.
struct DavResource {
  std::string href;          // as sent, percent-escapes and all
  int status = 200;          // the response's own status (404: deleted, in a sync report)
  std::string etag;          // getetag, quotes kept (it is sent back in If-Match as is)
  bool addressbook = false;  // resourcetype has <addressbook/>
  bool collection = false;
  std::string displayname;
  std::string principal;                    // current-user-principal's href
  std::string home;                         // addressbook-home-set's href
  std::vector<std::string> vcard_versions;  // supported-address-data versions ("3.0", "4.0")
  std::string sync_token;                   // the sync-token property, when the collection supports RFC 6578
  std::string address_data;                 // a multiget's card text
};

struct Multistatus {
  std::vector<DavResource> resources;
  std::string sync_token;  // a sync-collection report's new token
};

// Parses a 207 Multi-Status body; fails with one line when it is not such XML.
Result<Multistatus> parse_multistatus(std::string_view xml);

// Request bodies.
std::string propfind_principal_body();  // current-user-principal
std::string propfind_home_body();       // addressbook-home-set
std::string propfind_books_body();      // resourcetype, displayname, supported-address-data, sync-token
std::string propfind_etags_body();      // getetag, resourcetype
std::string sync_collection_body(std::string_view token);          // RFC 6578, depth 1, getetag
std::string multiget_body(const std::vector<std::string>& hrefs);  // addressbook-multiget, getetag + address-data

}  // namespace rekindle::core
