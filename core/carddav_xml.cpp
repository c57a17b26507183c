// The WebDAV / CardDAV XML bodies and the multistatus reader (see carddav_xml.h).
#include "core/carddav_xml.h"

#include <cstdlib>
#include <cstring>
#include <pugixml.hpp>

namespace rekindle::core {
namespace {

// The element's name without its namespace prefix.
const char* local_name(const pugi::xml_node& node) {
  const char* name = node.name();
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

bool is(const pugi::xml_node& node, const char* name) { return std::strcmp(local_name(node), name) == 0; }

pugi::xml_node child(const pugi::xml_node& node, const char* name) {
  for (pugi::xml_node c : node.children())
    if (c.type() == pugi::node_element && is(c, name)) return c;
  return {};
}

std::string text_of(const pugi::xml_node& node) {
  std::string out;
  for (pugi::xml_node c : node.children())
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  // Trim the whitespace of pretty-printed XML.
  const size_t first = out.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return out.substr(first, out.find_last_not_of(" \t\r\n") - first + 1);
}

// "HTTP/1.1 404 Not Found" -> 404; 0 when unreadable.
int status_code(const std::string& line) {
  const size_t space = line.find(' ');
  if (space == std::string::npos) return 0;
  return std::atoi(line.c_str() + space + 1);
}

std::string escape_xml(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void read_props(const pugi::xml_node& prop, DavResource& r) {
  for (pugi::xml_node p : prop.children()) {
    if (p.type() != pugi::node_element) continue;
    if (is(p, "getetag")) {
      r.etag = text_of(p);
    } else if (is(p, "resourcetype")) {
      r.addressbook = static_cast<bool>(child(p, "addressbook"));
      r.collection = static_cast<bool>(child(p, "collection"));
    } else if (is(p, "displayname")) {
      r.displayname = text_of(p);
    } else if (is(p, "current-user-principal")) {
      r.principal = text_of(child(p, "href"));
    } else if (is(p, "addressbook-home-set")) {
      r.home = text_of(child(p, "href"));
    } else if (is(p, "supported-address-data")) {
      for (pugi::xml_node type : p.children())
        if (type.type() == pugi::node_element && is(type, "address-data-type"))
          r.vcard_versions.push_back(type.attribute("version").as_string("3.0"));
    } else if (is(p, "sync-token")) {
      r.sync_token = text_of(p);
    } else if (is(p, "address-data")) {
      r.address_data = text_of(p);
    }
  }
}

constexpr const char* kHeader = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

}  // namespace

Result<Multistatus> parse_multistatus(std::string_view xml) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) return make_error(std::string("the server's answer is not XML (") + parsed.description() + ")");
  const pugi::xml_node root = doc.document_element();
  if (!is(root, "multistatus")) return make_error("the server's answer is not a WebDAV multistatus");
  Multistatus out;
  for (pugi::xml_node node : root.children()) {
    if (node.type() != pugi::node_element) continue;
    if (is(node, "sync-token")) {
      out.sync_token = text_of(node);
      continue;
    }
    if (!is(node, "response")) continue;
    DavResource r;
    r.href = text_of(child(node, "href"));
    if (pugi::xml_node status = child(node, "status")) r.status = status_code(text_of(status));
    for (pugi::xml_node propstat : node.children()) {
      if (propstat.type() != pugi::node_element || !is(propstat, "propstat")) continue;
      const pugi::xml_node status = child(propstat, "status");
      if (status && status_code(text_of(status)) != 200) continue;  // properties the server lacks
      read_props(child(propstat, "prop"), r);
    }
    out.resources.push_back(std::move(r));
  }
  return out;
}

std::string propfind_principal_body() {
  return std::string(kHeader) +
         "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:current-user-principal/></d:prop></d:propfind>";
}

std::string propfind_home_body() {
  return std::string(kHeader) +
         "<d:propfind xmlns:d=\"DAV:\" xmlns:card=\"urn:ietf:params:xml:ns:carddav\">"
         "<d:prop><card:addressbook-home-set/></d:prop></d:propfind>";
}

std::string propfind_books_body() {
  return std::string(kHeader) +
         "<d:propfind xmlns:d=\"DAV:\" xmlns:card=\"urn:ietf:params:xml:ns:carddav\">"
         "<d:prop><d:resourcetype/><d:displayname/><card:supported-address-data/><d:sync-token/></d:prop>"
         "</d:propfind>";
}

std::string propfind_etags_body() {
  return std::string(kHeader) +
         "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>";
}

std::string sync_collection_body(std::string_view token) {
  return std::string(kHeader) + "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>" + escape_xml(token) +
         "</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>";
}

std::string multiget_body(const std::vector<std::string>& hrefs) {
  std::string body = std::string(kHeader) +
                     "<card:addressbook-multiget xmlns:d=\"DAV:\" xmlns:card=\"urn:ietf:params:xml:ns:carddav\">"
                     "<d:prop><d:getetag/><card:address-data/></d:prop>";
  for (const std::string& href : hrefs) body += "<d:href>" + escape_xml(href) + "</d:href>";
  return body + "</card:addressbook-multiget>";
}

}  // namespace rekindle::core
