// Starting and stopping Radicale (and the test proxy) for the [carddav] tests.
#include "radicale_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "test_support.h"

namespace fs = std::filesystem;

namespace rekindle::test {
namespace {

pid_t spawn(const std::vector<std::string>& args, const std::string& log) {
  const pid_t pid = fork();
  if (pid == 0) {
    FILE* out = std::fopen(log.c_str(), "w");
    if (out) {
      dup2(fileno(out), 1);
      dup2(fileno(out), 2);
    }
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

bool answers(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// Waits until the port answers; false when the process died or 10 s passed.
bool wait_for(pid_t pid, int port) {
  for (int i = 0; i < 200; ++i) {
    if (answers(port)) return true;
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

void terminate(pid_t& pid) {
  if (pid <= 0) return;
  kill(pid, SIGTERM);
  int status = 0;
  for (int i = 0; i < 100; ++i) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      pid = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  pid = -1;
}

}  // namespace

int free_loopback_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = 0;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

RadicaleServer::RadicaleServer(const std::string& folder, const std::string& user, const std::string& password)
    : folder_(folder), user_(user) {
  fs::create_directories(folder_ + "/storage");
  write_file(folder_ + "/users", user + ":" + password + "\n");
  port_ = free_loopback_port();
  write_file(folder_ + "/config",
             "[server]\nhosts = 127.0.0.1:" + std::to_string(port_) +
                 "\n[auth]\ntype = htpasswd\nhtpasswd_filename = " + folder_ +
                 "/users\nhtpasswd_encryption = plain\ndelay = 0\n[storage]\nfilesystem_folder = " + folder_ +
                 "/storage\n[rights]\ntype = owner_only\n[logging]\nlevel = warning\n");
  pid_ = spawn({"radicale", "--config", folder_ + "/config"}, folder_ + "/radicale.log");
  const bool up = wait_for(pid_, port_);
  if (!up) {
    terminate(pid_);
    FAIL("radicale did not start: " << read_file(folder_ + "/radicale.log"));
  }
}

RadicaleServer::~RadicaleServer() { stop(); }

void RadicaleServer::stop() { terminate(pid_); }

std::string RadicaleServer::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void RadicaleServer::add_address_book(const std::string& book, const std::string& name,
                                      const std::vector<std::pair<std::string, std::string>>& cards) {
  const std::string dir = folder_ + "/storage/collection-root/" + user_ + "/" + book;
  fs::create_directories(dir);
  write_file(dir + "/.Radicale.props", "{\"tag\": \"VADDRESSBOOK\", \"D:displayname\": \"" + name + "\"}");
  for (const auto& [file, text] : cards) write_file(dir + "/" + file, text);
}

CarddavProxy::CarddavProxy(const std::string& upstream, const std::string& mode) {
  port_ = free_loopback_port();
  const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const std::string script = std::string(REKINDLE_TEST_DATA) + "/carddav_proxy.py";
  static int count = 0;
  const std::string log = (fs::temp_directory_path() /
                           ("rekindle-proxy-" + std::to_string(getpid()) + "-" + std::to_string(count++) + ".log"))
                              .string();
  pid_ = spawn({python, script, std::to_string(port_), upstream, mode}, log);
  const bool up = wait_for(pid_, port_);
  const std::string text = read_file(log);
  fs::remove(log);
  if (!up) {
    terminate(pid_);
    FAIL("the CardDAV test proxy did not start: " << text);
  }
}

CarddavProxy::~CarddavProxy() { terminate(pid_); }

std::string CarddavProxy::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

}  // namespace rekindle::test
