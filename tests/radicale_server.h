#pragma once
// A real Radicale CardDAV server for the [carddav] tests (Debian package radicale): started on
// a free loopback port with a temporary storage folder and an htpasswd file (plain passwords),
// stopped when the object goes. Also a small proxy in front of it (tests/data/carddav_proxy.py)
// that plays a server dropping X- properties or taking only vCard 3.0.
#include <sys/types.h>

#include <string>
#include <utility>
#include <vector>

namespace rekindle::test {

class RadicaleServer {
 public:
  // Starts radicale with storage under folder, user with password; fails the test when it
  // does not answer within a few seconds.
  RadicaleServer(const std::string& folder, const std::string& user, const std::string& password);
  ~RadicaleServer();
  RadicaleServer(const RadicaleServer&) = delete;
  RadicaleServer& operator=(const RadicaleServer&) = delete;

  std::string url() const;  // "http://127.0.0.1:PORT"
  // Creates the address book /user/book/ (displayname name) directly in the storage, with
  // each of cards as a file, as a phone that synced before would have left it.
  void add_address_book(const std::string& book, const std::string& name,
                        const std::vector<std::pair<std::string, std::string>>& cards = {});
  // Stops the server now (a server that is down).
  void stop();

 private:
  std::string folder_, user_;
  int port_ = 0;
  pid_t pid_ = -1;
};

// The proxy in front of upstream: mode "drop-x" removes every X- property from cards written,
// "vcard3" refuses a vCard 4.0 card with 415 Unsupported Media Type.
class CarddavProxy {
 public:
  CarddavProxy(const std::string& upstream, const std::string& mode);
  ~CarddavProxy();
  CarddavProxy(const CarddavProxy&) = delete;
  CarddavProxy& operator=(const CarddavProxy&) = delete;
  std::string url() const;

 private:
  int port_ = 0;
  pid_t pid_ = -1;
};

// A free TCP port on 127.0.0.1 (bound then released).
int free_loopback_port();

}  // namespace rekindle::test
