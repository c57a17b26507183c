// The real window under a display (the test command starts Xvfb): `rekindle screenshot`
// writes a PNG of the requested size that shows something, and without a display
// `rekindle` explains itself and exits 1.
#include "test_paths.h"
#include <stb_image.h>  // implementation compiled into libstb.a
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

#include "app/theme.h"
#include "platform/screenshot.h"

namespace fs = std::filesystem;

namespace {

struct Run {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

Run run(const std::string& command) {
  Run result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe);
  char buffer[4096];
  size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "rekindle-shot-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()));
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::string rekindle_at(const TempDir& dir) { return quoted(REKINDLE_EXE) + " --db " + quoted(dir / "test.db"); }

void require_display() {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display)
    FAIL(
        "DISPLAY is not set: run the tests under a display, e.g. `xvfb-run -a ctest` or start `Xvfb :99 &` and "
        "export DISPLAY=:99");
}

struct Image {
  int width = 0, height = 0;
  std::vector<unsigned char> rgba;
  std::array<int, 3> at(int x, int y) const {
    const size_t i = (static_cast<size_t>(y) * width + x) * 4;
    return {rgba[i], rgba[i + 1], rgba[i + 2]};
  }
};

Image load_png(const std::string& path) {
  Image image;
  int channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
  REQUIRE(data);
  image.rgba.assign(data, data + static_cast<size_t>(image.width) * image.height * 4);
  stbi_image_free(data);
  return image;
}

std::array<int, 3> rgb(ImU32 c) {
  return {static_cast<int>((c >> IM_COL32_R_SHIFT) & 0xFF), static_cast<int>((c >> IM_COL32_G_SHIFT) & 0xFF),
          static_cast<int>((c >> IM_COL32_B_SHIFT) & 0xFF)};
}

size_t distinct_colours(const Image& image) {
  std::set<uint32_t> colours;
  for (size_t i = 0; i + 3 < image.rgba.size() && colours.size() < 1000; i += 4)
    colours.insert(image.rgba[i] << 16 | image.rgba[i + 1] << 8 | image.rgba[i + 2]);
  return colours.size();
}

}  // namespace

TEST_CASE("screenshot writes a PNG of the requested size that is not one flat colour", "[gui][screenshot]") {
  require_display();
  TempDir dir;
  const std::string out = dir / "today.png";
  const Run shot = run(rekindle_at(dir) + " screenshot " + quoted(out) + " --screen today --size 400x700");
  INFO(shot.output);
  REQUIRE(shot.exit_code == 0);
  REQUIRE(fs::exists(out));
  const Image image = load_png(out);
  CHECK(image.width == 400);
  CHECK(image.height == 700);
  CHECK(distinct_colours(image) > 20);  // text is anti-aliased: many shades
  // The page colour at the top-left corner, the white tab bar along the bottom.
  CHECK(image.at(2, 2) == rgb(rekindle::app::kColorPage));
  CHECK(image.at(2, image.height - 4) == rgb(rekindle::app::kColorCard));
}

TEST_CASE("screenshot renders every screen, with and without contacts", "[gui][screenshot]") {
  require_display();
  TempDir dir;
  for (const bool with_contacts : {false, true}) {
    if (with_contacts) {
      const Run add = run(rekindle_at(dir) + " add --name 'Ada Lovelace' --company 'Analytical Engines'");
      INFO(add.output);
      REQUIRE(add.exit_code == 0);
    }
    for (const char* screen : {"today", "compose", "contacts", "strategy", "stats"}) {
      const std::string out = dir / (std::string(screen) + (with_contacts ? "-full" : "-empty") + ".png");
      const Run shot = run(rekindle_at(dir) + " screenshot " + quoted(out) + " --screen " + screen + " --size 430x860");
      INFO(screen << ": " << shot.output);
      REQUIRE(shot.exit_code == 0);
      const Image image = load_png(out);
      CHECK(image.width == 430);
      CHECK(image.height == 860);
      CHECK(distinct_colours(image) > 20);
    }
  }
}

TEST_CASE("screenshot refuses a bad size and an unknown screen", "[gui][screenshot]") {
  TempDir dir;
  CHECK(run(rekindle_at(dir) + " screenshot " + quoted(dir / "x.png") + " --size 12").exit_code == 2);
  CHECK(run(rekindle_at(dir) + " screenshot " + quoted(dir / "x.png") + " --screen nowhere").exit_code == 2);
  CHECK(!fs::exists(dir / "x.png"));
}

TEST_CASE("a database that is not ours shows an error screen in the screenshot, and is left alone",
          "[gui][screenshot]") {
  require_display();
  TempDir dir;
  {
    FILE* f = std::fopen((dir / "test.db").c_str(), "wb");
    REQUIRE(f);
    std::fputs("this is not a database, just some text that must stay as it is\n", f);
    std::fclose(f);
  }
  const auto before = fs::file_size(dir / "test.db");
  const std::string out = dir / "error.png";
  const Run shot = run(rekindle_at(dir) + " screenshot " + quoted(out));
  INFO(shot.output);
  REQUIRE(shot.exit_code == 0);
  CHECK(load_png(out).width == 430);
  CHECK(fs::file_size(dir / "test.db") == before);
}

TEST_CASE("without a display the window command prints an error and exits 1", "[gui][screenshot]") {
  TempDir dir;
  for (const char* command : {"", " gui", " screenshot out.png"}) {
    const Run result = run("env -u DISPLAY -u WAYLAND_DISPLAY " + rekindle_at(dir) + command);
    INFO("rekindle" << command << ": " << result.output);
    CHECK(result.exit_code == 1);
    CHECK(result.output.find("error: cannot open a window (no display?)") == 0);
  }
  // It gave up before touching the database.
  CHECK(!fs::exists(dir / "test.db"));
}

TEST_CASE("framebuffer rows are flipped top to bottom", "[gui][screenshot]") {
  // 1 pixel wide, 3 rows: R, G, B from the bottom as GL reads them.
  std::vector<uint8_t> pixels = {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255};
  rekindle::platform::flip_rows_rgba(pixels, 1, 3);
  CHECK(pixels == std::vector<uint8_t>{0, 0, 255, 255, 0, 255, 0, 255, 255, 0, 0, 255});
  std::vector<uint8_t> even = {1, 1, 1, 1, 2, 2, 2, 2};
  rekindle::platform::flip_rows_rgba(even, 1, 2);
  CHECK(even == std::vector<uint8_t>{2, 2, 2, 2, 1, 1, 1, 1});
}

TEST_CASE("write_png_rgba refuses a buffer of the wrong size", "[gui][screenshot]") {
  TempDir dir;
  std::vector<uint8_t> pixels(3 * 2 * 4, 200);
  CHECK(!rekindle::platform::write_png_rgba(dir / "bad.png", pixels, 3, 3).ok());
  REQUIRE(rekindle::platform::write_png_rgba(dir / "good.png", pixels, 3, 2).ok());
  const Image image = load_png(dir / "good.png");
  CHECK(image.width == 3);
  CHECK(image.height == 2);
}

namespace {

// Pixels within a few levels of a colour (anti-aliased edges blend; cores of strokes do not).
int pixels_near(const Image& image, std::array<int, 3> colour, int tolerance = 6) {
  int count = 0;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      const auto p = image.at(x, y);
      if (std::abs(p[0] - colour[0]) <= tolerance && std::abs(p[1] - colour[1]) <= tolerance &&
          std::abs(p[2] - colour[2]) <= tolerance)
        ++count;
    }
  return count;
}

}  // namespace

TEST_CASE("screenshot of today with a LinkedIn deck: a white card on the page, its band, the four hints",
          "[gui][screenshot][deck]") {
  require_display();
  TempDir dir;
  const Run imported =
      run(rekindle_at(dir) + " import " + quoted(std::string(REKINDLE_TEST_DATA) + "/csv/linkedin_current.csv"));
  INFO(imported.output);
  REQUIRE(imported.exit_code == 0);
  // With a goal written, Today deals the deck rather than asking to sort the network first.
  REQUIRE(run(rekindle_at(dir) + " goal add " + quoted("Move into product management")).exit_code == 0);
  const std::string out = dir / "deck.png";
  const Run shot = run(rekindle_at(dir) + " screenshot " + quoted(out) + " --screen today --size 430x860");
  INFO(shot.output);
  REQUIRE(shot.exit_code == 0);
  const Image image = load_png(out);
  REQUIRE(image.width == 430);
  REQUIRE(image.height == 860);
  CHECK(distinct_colours(image) > 100);
  using namespace rekindle::app;
  // The card fills the column below the progress bar: white a little inside its left edge,
  // page colour in the margin beside it.
  CHECK(image.at(28, 520) == rgb(kColorCard));
  CHECK(image.at(6, 520) == rgb(kColorPage));
  // Its soft accent band across the top and the avatar's ring.
  CHECK(pixels_near(image, rgb(kColorAccentSoft)) > 4000);
  // Each direction's colour shows in its hint under the card.
  for (const ImU32 colour : {kColorReachOut, kColorSnooze, kColorStar, kColorArchive})
    CHECK(pixels_near(image, rgb(colour), 24) > 8);
}
