#pragma once
// HTTP for CardDAV sync over libcurl: basic authentication, TLS verified against the system's
// certificates, redirects followed, timeouts; one connection kept alive across requests.
#include <string>

#include "core/sync.h"

namespace rekindle::platform {

// A transport for core::sync_address_book. The password lives only in the returned object
// (never written anywhere). Errors below HTTP come back in words: the server cannot be
// reached, a TLS error, a timeout.
core::HttpTransport curl_transport(const std::string& user, const std::string& password, long timeout_seconds = 30);

}  // namespace rekindle::platform
