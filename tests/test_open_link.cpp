// Links are opened with an argument vector, never through a shell, and only http(s)/mailto.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "platform/open_link.h"
#include "tests/test_support.h"

namespace {

// Waits up to 5 s for the fake opener to write its report.
std::string wait_for(const std::string& path) {
  for (int i = 0; i < 100; ++i) {
    std::string text = rekindle::test::read_file(path);
    if (text.find("END") != std::string::npos) return text;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return {};
}

}  // namespace

TEST_CASE("open_link passes the link as one argument and refuses other schemes", "[platform]") {
  rekindle::test::TempDir dir;
  const std::string report = dir.file("report.txt");
  const std::string opener = dir.file("fake-opener.sh");
  rekindle::test::write_file(opener, "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$1\" END > '" + report + "'\n");
  ::chmod(opener.c_str(), 0700);
  ::setenv("REKINDLE_OPENER", opener.c_str(), 1);

  const std::string canary = dir.file("canary");
  const std::string tricky = "https://example.org/in/a?x=1&y=$(touch%20" + canary + ");touch${IFS}" + canary + "'\"";
  REQUIRE(rekindle::platform::open_link(tricky).ok());
  const std::string text = wait_for(report);
  CHECK(text == "1\n" + tricky + "\nEND\n");
  CHECK_FALSE(std::filesystem::exists(canary));

  for (const char* bad : {"file:///etc/passwd", "javascript:alert(1)", "ftp://x.org", "", "https://a b.org",
                          "/usr/bin/xterm"}) {
    auto s = rekindle::platform::open_link(bad);
    CHECK_FALSE(s.ok());
    if (!s.ok()) CHECK_THAT(s.error(), Catch::Contains("only http(s) and mailto"));
  }
  ::setenv("REKINDLE_OPENER", (dir.file("missing-opener")).c_str(), 1);
  CHECK_FALSE(rekindle::platform::open_link("https://example.org").ok());
  ::unsetenv("REKINDLE_OPENER");
}

TEST_CASE("open_link passes a mailto link on without attach= or any field but subject, body, cc, bcc",
          "[mailto]") {
  rekindle::test::TempDir dir;
  const std::string report = dir.file("report.txt");
  const std::string opener = dir.file("fake-opener.sh");
  rekindle::test::write_file(opener, "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$1\" END > '" + report + "'\n");
  ::chmod(opener.c_str(), 0700);
  ::setenv("REKINDLE_OPENER", opener.c_str(), 1);
  REQUIRE(rekindle::platform::open_link("mailto:ada@example.org?attach=/etc/passwd&subject=Hi&X-Mailer=1").ok());
  CHECK(wait_for(report) == "1\nmailto:ada@example.org?subject=Hi\nEND\n");
  auto malformed = rekindle::platform::open_link("mailto:ada@example.org?subject=%zz");
  CHECK_FALSE(malformed.ok());
  ::unsetenv("REKINDLE_OPENER");
}
