#include "app/theme.h"

#include "app/font_atlas.h"

namespace rekindle::app {
namespace {

ImVec4 color(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

ImVec4 with_alpha(ImU32 c, float alpha) {
  ImVec4 v = color(c);
  v.w = alpha;
  return v;
}

}  // namespace

core::Result<Fonts> load_fonts(float scale) {
  FontSizes sizes;
  sizes.small = kFontSmall * scale;
  sizes.body = kFontBody * scale;
  sizes.title = kFontTitle * scale;
  sizes.big = kFontBig * scale;
  auto built = build_font_atlas(sizes);
  if (!built) return core::make_error(built.error());
  Fonts fonts;
  fonts.small = built->small;
  fonts.body = built->body;
  fonts.strong = built->strong;
  fonts.title = built->title;
  fonts.big = built->big;
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
  auto fonts = load_fonts(scale);
  if (!fonts) return core::make_error(fonts.error());
  apply_style(scale);
  Theme theme;
  theme.scale = scale;
  theme.fonts = *fonts;
  return theme;
}

}  // namespace rekindle::app

namespace rekindle::app {

core::Status refresh_fonts(Theme& theme) {
  if (!font_atlas_outdated()) return core::Status::success();
  auto fonts = load_fonts(theme.scale);
  if (!fonts) return core::make_error(fonts.error());
  theme.fonts = *fonts;
  return core::Status::success();
}

}  // namespace rekindle::app
