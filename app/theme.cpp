#include "app/theme.h"

#include <cstring>
#include <string_view>

#include "core/embedded.h"

namespace rekindle::app {
namespace {

// Names come from everywhere: Latin with accents, Greek, Cyrillic, plus typographic
// punctuation (— … · ’) used in our own text.
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x024F,  // Basic Latin, Latin-1, Latin Extended-A and -B
    0x0370, 0x03FF,  // Greek
    0x0400, 0x04FF,  // Cyrillic
    0x1E00, 0x1EFF,  // Latin Extended Additional (Vietnamese)
    0x2000, 0x206F,  // General punctuation
    0x20AC, 0x20AC,  // Euro sign
    0,
};
// Headings only show our own text and numbers: a smaller range keeps the atlas small.
constexpr ImWchar kHeadingGlyphRanges[] = {0x0020, 0x024F, 0x2000, 0x206F, 0};

const rekindle::EmbeddedFile* find_font(const char* name_part, size_t fallback_index) {
  size_t count = 0;
  const rekindle::EmbeddedFile* files = rekindle_app_assets(&count);
  for (size_t i = 0; i < count; ++i)
    if (files[i].name && std::string_view(files[i].name).find(name_part) != std::string_view::npos) return &files[i];
  return fallback_index < count ? &files[fallback_index] : nullptr;
}

ImFont* add_font(const rekindle::EmbeddedFile& file, float size, const ImWchar* ranges) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes live in the executable
  config.OversampleH = 2;               // sharp enough at these sizes, half the atlas of 3
  config.OversampleV = 1;
  // The atlas never writes to the data when it does not own it.
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(file.data), static_cast<int>(file.size),
                                                    size, &config, ranges);
}

ImVec4 color(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

ImVec4 with_alpha(ImU32 c, float alpha) {
  ImVec4 v = color(c);
  v.w = alpha;
  return v;
}

}  // namespace

core::Result<Fonts> load_fonts(float scale) {
  const rekindle::EmbeddedFile* regular = find_font("Regular", 0);
  const rekindle::EmbeddedFile* medium = find_font("Medium", 1);
  if (!regular || !medium || regular->size == 0 || medium->size == 0)
    return core::make_error("the embedded fonts are missing from this build");
  Fonts fonts;
  // The first font added is ImGui's default.
  fonts.body = add_font(*regular, kFontBody * scale, kGlyphRanges);
  fonts.small = add_font(*regular, kFontSmall * scale, kGlyphRanges);
  fonts.strong = add_font(*medium, kFontBody * scale, kGlyphRanges);
  fonts.title = add_font(*medium, kFontTitle * scale, kGlyphRanges);
  fonts.big = add_font(*medium, kFontBig * scale, kHeadingGlyphRanges);
  if (!fonts.body || !fonts.small || !fonts.strong || !fonts.title || !fonts.big)
    return core::make_error("cannot load the embedded fonts");
  return fonts;
}

void apply_style(float scale) {
  ImGuiStyle style;  // fresh defaults, so scaling twice never compounds
  style.WindowPadding = ImVec2(kPagePadding, kPagePadding);
  style.WindowRounding = 0;
  style.WindowBorderSize = 0;
  style.ChildRounding = 0;
  style.ChildBorderSize = 0;
  style.PopupRounding = 14;
  style.PopupBorderSize = 0;
  style.FramePadding = ImVec2(14, 11);
  style.FrameRounding = 12;
  style.FrameBorderSize = 1;
  style.ItemSpacing = ImVec2(12, 10);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.ScrollbarSize = 6;
  style.ScrollbarRounding = 3;
  style.GrabRounding = 3;
  style.SelectableTextAlign = ImVec2(0, 0.5f);

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = color(kColorText);
  c[ImGuiCol_TextDisabled] = color(kColorTextFaint);
  c[ImGuiCol_WindowBg] = color(kColorPage);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = color(kColorCard);
  c[ImGuiCol_Border] = color(kColorDivider);
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = color(kColorCard);
  c[ImGuiCol_FrameBgHovered] = color(kColorCard);
  c[ImGuiCol_FrameBgActive] = color(kColorCard);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = with_alpha(kColorTextFaint, 0.45f);
  c[ImGuiCol_ScrollbarGrabHovered] = with_alpha(kColorTextFaint, 0.7f);
  c[ImGuiCol_ScrollbarGrabActive] = color(kColorTextSecondary);
  c[ImGuiCol_CheckMark] = color(kColorAccent);
  c[ImGuiCol_SliderGrab] = color(kColorAccent);
  c[ImGuiCol_SliderGrabActive] = color(kColorAccent);
  c[ImGuiCol_Button] = color(kColorAccent);
  c[ImGuiCol_ButtonHovered] = with_alpha(kColorAccent, 0.9f);
  c[ImGuiCol_ButtonActive] = with_alpha(kColorAccent, 0.8f);
  c[ImGuiCol_Header] = color(kColorAccentSoft);
  c[ImGuiCol_HeaderHovered] = color(kColorAccentSoft);
  c[ImGuiCol_HeaderActive] = color(kColorAccentSoft);
  c[ImGuiCol_Separator] = color(kColorDivider);
  c[ImGuiCol_TextSelectedBg] = color(kColorAccentSoft);
  c[ImGuiCol_NavHighlight] = with_alpha(kColorAccent, 0.6f);
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.16f, 0.13f, 0.12f, 0.35f);

  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

core::Result<Theme> make_theme(float scale) {
  if (!(scale > 0.25f && scale < 8.0f)) scale = 1.0f;
  ImGui::GetIO().Fonts->Clear();
  auto fonts = load_fonts(scale);
  if (!fonts) return core::make_error(fonts.error());
  apply_style(scale);
  Theme theme;
  theme.scale = scale;
  theme.fonts = *fonts;
  return theme;
}

}  // namespace rekindle::app
