// Every screen in the real window (under Xvfb) at phone sizes, on a network whose names are
// written in Chinese, Korean, Cyrillic, Greek and with emoji; and the pixels of a Chinese name,
// which must be its own glyphs, not "?" and not blank.
// REKINDLE_SHOTS_DIR=/some/folder keeps the PNGs there, to be looked at.
#include "test_paths.h"
#include <stb_image.h>  // implementation compiled into libstb.a

#include <array>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

#include "app/font_atlas.h"
#include "app/theme.h"
#include "app/ui_shell.h"
#include "core/display_text.h"
#include "tests/headless_ui.h"
#include "tests/test_support.h"

using namespace rekindle;

namespace {

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

int pixels_differing(const Image& a, const Image& b) {
  REQUIRE(a.rgba.size() == b.rgba.size());
  int count = 0;
  for (size_t i = 0; i + 3 < a.rgba.size(); i += 4)
    if (std::abs(a.rgba[i] - b.rgba[i]) + std::abs(a.rgba[i + 1] - b.rgba[i + 1]) +
            std::abs(a.rgba[i + 2] - b.rgba[i + 2]) >
        60)
      ++count;
  return count;
}

void require_display() {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) FAIL("DISPLAY is not set: run the window tests under Xvfb (./test.sh does)");
}

const char* kDate = "2025-11-25";

void import_world(const test::TempDir& dir) {
  const auto imported = test::run_rekindle(
      {"--db", dir.file("test.db"), "import", std::string(REKINDLE_TEST_DATA) + "/screens/world_names.vcf"});
  INFO(imported.out << imported.err);
  REQUIRE(imported.exit_code == 0);
}

Image shot(const test::TempDir& dir, const std::string& db, const std::string& screen, const std::string& size,
           const std::vector<std::string>& env = {}) {
  const std::string out = dir.file(screen + "-" + size + ".png");
  const auto run = test::run_rekindle(
      {"--db", db, "screenshot", out, "--screen", screen, "--size", size, "--date", kDate}, env);
  INFO(screen << " at " << size << ": " << run.out << run.err);
  REQUIRE(run.exit_code == 0);
  if (const char* keep = std::getenv("REKINDLE_SHOTS_DIR"); keep && *keep) {
    std::filesystem::create_directories(keep);
    std::filesystem::copy_file(out, std::string(keep) + "/" + std::filesystem::path(db).stem().string() + "-" +
                                        screen + "-" + size + ".png",
                               std::filesystem::copy_options::overwrite_existing);
  }
  return load_png(out);
}

}  // namespace

TEST_CASE("every screen renders at 430x860 and 360x640 with names in every script", "[gui][screenshot][screens]") {
  require_display();
  test::TempDir dir;
  import_world(dir);
  for (const std::string& screen : app::screen_names())
    for (const auto& [size, w, h] : {std::tuple{"430x860", 430, 860}, std::tuple{"360x640", 360, 640}}) {
      const Image image = shot(dir, dir.file("test.db"), screen, size);
      INFO(screen << " at " << size);
      CHECK(image.width == w);
      CHECK(image.height == h);
      CHECK(distinct_colours(image) > 20);
      CHECK(image.at(2, 2) == rgb(app::kColorPage));
    }
}

TEST_CASE("a Chinese name is drawn with its own glyphs: not as \"?\", not blank", "[gui][screenshot][screens]") {
  require_display();
  test::TempDir dir;
  // Three networks of one person, the same but for the name: the Chinese name, the "??"
  // that CJK names used to become, and the Chinese name on a machine without fallback fonts.
  const auto make = [&](const std::string& db, const std::string& name) {
    const auto added = test::run_rekindle({"--db", dir.file(db), "add", "--name", name, "--company", "Northwind"});
    INFO(added.out << added.err);
    REQUIRE(added.exit_code == 0);
  };
  make("chinese.db", "王芳");
  make("questions.db", "??");
  for (const char* screen : {"contacts", "today"}) {
    INFO(screen);
    const Image chinese = shot(dir, dir.file("chinese.db"), screen, "430x860");
    const Image questions = shot(dir, dir.file("questions.db"), screen, "430x860");
    const Image without = shot(dir, dir.file("chinese.db"), screen, "430x860", {"REKINDLE_NO_SYSTEM_FONTS=1"});
    // Drawn as "?" it would be the very same picture as the "??" network; drawn as nothing,
    // the same as without fonts (where the name is left out, no box: see "??" differ).
    CHECK(pixels_differing(chinese, questions) > 100);
    CHECK(pixels_differing(chinese, without) > 100);
    CHECK(pixels_differing(questions, without) > 20);
  }
}

// A real glyph, not the invisible zero-width marker the atlas keeps for a missing character.
bool has_glyph(const ImFont* font, ImWchar c) {
  const ImFontGlyph* glyph = font->FindGlyphNoFallback(c);
  return glyph && glyph->U0 >= 0 && glyph->AdvanceX > 0;
}

TEST_CASE("the atlas grows with the characters a frame meets", "[gui][fonts]") {
  test::HeadlessUi ui;
  const app::Theme& theme = ui.theme();
  // U+7A3B (稻) is in no starting range: the first frame meets it and draws nothing for it.
  REQUIRE_FALSE(has_glyph(theme.fonts.title, 0x7A3B));
  const auto draw = [&] {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(400, 200));
    ImGui::Begin("##t");
    ImGui::PushFont(theme.fonts.title);
    ImGui::TextUnformatted("\xE7\xA8\xBB \xE2\x9C\x88 \xF0\x9F\x9A\x80 abc");
    ImGui::PopFont();
    ImGui::End();
    ImGui::Render();
  };
  draw();
  draw();  // a new window is hidden in its first frame
  CHECK(theme.fonts.title->CalcTextSizeA(theme.fonts.title->FontSize, FLT_MAX, 0, "\xE7\xA8\xBB").x == 0.0f);
  REQUIRE(app::note_missing_glyphs(ImGui::GetDrawData()));
  app::Theme rebuilt = theme;
  REQUIRE(app::refresh_fonts(rebuilt).ok());
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  // Now in every face (Noto Sans CJK, from fonts-noto-cjk) and with a real width; ✈ from a
  // symbol font; the rocket (past U+FFFF, which this ImGui cannot hold) stays blank.
  for (ImFont* font : {rebuilt.fonts.body, rebuilt.fonts.title, rebuilt.fonts.big}) {
    CHECK(has_glyph(font, 0x7A3B));
    CHECK(font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, "\xE7\xA8\xBB").x > font->FontSize * 0.6f);
    CHECK(has_glyph(font, 0x2708));
  }
  CHECK_FALSE(app::can_draw(0x1F680));
  CHECK_FALSE(app::font_atlas_outdated());
  // Drawn again: nothing new to meet.
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(400, 200));
  ImGui::Begin("##t");
  ImGui::PushFont(rebuilt.fonts.title);
  ImGui::TextUnformatted("\xE7\xA8\xBB \xE2\x9C\x88 abc");
  ImGui::PopFont();
  ImGui::End();
  ImGui::Render();
  CHECK_FALSE(app::note_missing_glyphs(ImGui::GetDrawData()));
}

TEST_CASE("drawable_text leaves out what no font draws, and tidies the spaces", "[fonts]") {
  CHECK(app::drawable_text("Ana \xF0\x9F\x9A\x80 Lima") == "Ana Lima");
  CHECK(app::drawable_text("\xF0\x9F\x91\x8B Ana") == "Ana");
  CHECK(app::drawable_text("\xE7\x8E\x8B\xE8\x8A\xB3") == "\xE7\x8E\x8B\xE8\x8A\xB3");  // 王芳 (Noto CJK)
  CHECK(app::drawable_text("\xCE\x9D\xCE\xAF\xCE\xBA\xCE\xBF\xCF\x82") == "\xCE\x9D\xCE\xAF\xCE\xBA\xCE\xBF\xCF\x82");
  CHECK(app::drawable_text("Sam \xE2\x9D\xA4\xEF\xB8\x8F Patel") == "Sam \xE2\x9D\xA4 Patel");  // ❤️: VS16 goes
}

TEST_CASE("keep_characters removes characters and the doubled spaces they leave", "[fonts]") {
  const auto no_digits = [](char32_t c) { return c < U'0' || c > U'9'; };
  CHECK(core::keep_characters("a 1 b", no_digits) == "a b");
  CHECK(core::keep_characters("  1 a  b 2 ", no_digits) == "a b");
  CHECK(core::keep_characters("a 1\n2 b", no_digits) == "a\nb");
  CHECK(core::keep_characters("\xC3\xA9t\xC3\xA9 9", no_digits) == "\xC3\xA9t\xC3\xA9");
  CHECK(core::keep_characters("x\xFFy", [](char32_t) { return true; }) == "x\xEF\xBF\xBDy");
}
