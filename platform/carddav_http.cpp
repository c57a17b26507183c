// libcurl under core::HttpTransport (see carddav_http.h).
#include "platform/carddav_http.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace rekindle::platform {
namespace {

struct Session {
  CURL* curl = nullptr;
  std::string user, password;
  long timeout = 30;
  ~Session() {
    if (curl) curl_easy_cleanup(curl);
  }
};

size_t on_body(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* out) {
  std::string line(data, size * count);
  if (line.size() > 5 &&
      (line.compare(0, 5, "ETag:") == 0 || line.compare(0, 5, "etag:") == 0 || line.compare(0, 5, "Etag:") == 0)) {
    std::string value = line.substr(5);
    const size_t first = value.find_first_not_of(" \t");
    const size_t last = value.find_last_not_of(" \t\r\n");
    *static_cast<std::string*>(out) = first == std::string::npos ? "" : value.substr(first, last - first + 1);
  }
  return size * count;
}

// A failure below HTTP, in words.
std::string transport_error(CURLcode code, const std::string& url, const char* detail) {
  const std::string where = url;
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
      return "cannot reach " + where + ": the server's name is not known (offline?)";
    case CURLE_COULDNT_CONNECT:
      return "cannot reach " + where + ": the connection was refused (is the server running? offline?)";
    case CURLE_OPERATION_TIMEDOUT:
      return "cannot reach " + where + ": no answer in time";
    case CURLE_PEER_FAILED_VERIFICATION:
      return "TLS error with " + where + ": the server's certificate is not trusted (" + detail + ")";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
      return "TLS error with " + where + ": " + detail;
    default:
      return "cannot reach " + where + ": " + (detail[0] ? detail : curl_easy_strerror(code));
  }
}

}  // namespace

core::HttpTransport curl_transport(const std::string& user, const std::string& password, long timeout_seconds) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  auto session = std::make_shared<Session>();
  session->curl = curl_easy_init();
  session->user = user;
  session->password = password;
  session->timeout = timeout_seconds;
  return [session](const core::HttpRequest& request) -> core::Result<core::HttpResponse> {
    CURL* curl = session->curl;
    if (!curl) return core::make_error("cannot start libcurl");
    curl_easy_reset(curl);
    core::HttpResponse response;
    char error[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (request.method == "GET") curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    if (!request.body.empty() || request.method == "PUT" || request.method == "PROPFIND" ||
        request.method == "REPORT") {
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
    }
    curl_easy_setopt(curl, CURLOPT_USERNAME, session->user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, session->password.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, std::min(session->timeout, 10L));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, session->timeout);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.etag);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "Rekindle");

    curl_slist* headers = nullptr;
    if (!request.content_type.empty())
      headers = curl_slist_append(headers, ("Content-Type: " + request.content_type).c_str());
    if (request.depth >= 0) headers = curl_slist_append(headers, ("Depth: " + std::to_string(request.depth)).c_str());
    if (!request.if_match.empty()) headers = curl_slist_append(headers, ("If-Match: " + request.if_match).c_str());
    if (request.if_none_match) headers = curl_slist_append(headers, "If-None-Match: *");
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (code != CURLE_OK) return core::make_error(transport_error(code, request.url, error));
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    char* effective = nullptr;
    if (curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective) response.url = effective;
    return response;
  };
}

}  // namespace rekindle::platform
