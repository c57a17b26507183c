#pragma once
// One ImGui context with our theme, as the window sets it up, minus the backends: the views
// are laid out and tessellated as in the real window, with input written into ImGuiIO.
#include <imgui.h>

#include <catch2/catch.hpp>

#include "app/theme.h"
#include "app/ui_shell.h"

namespace rekindle::test {

inline constexpr float kHeadlessWidth = 430, kHeadlessHeight = 860;

class HeadlessUi {
 public:
  HeadlessUi() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(kHeadlessWidth, kHeadlessHeight);
    io.DeltaTime = 1.0f / 60.0f;
    for (int i = 0; i < ImGuiKey_COUNT; ++i) io.KeyMap[i] = i;
    auto theme = app::make_theme(1.0f);
    REQUIRE(theme.ok());
    theme_ = *theme;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    REQUIRE(w > 0);
  }
  ~HeadlessUi() { ImGui::DestroyContext(); }
  HeadlessUi(const HeadlessUi&) = delete;
  HeadlessUi& operator=(const HeadlessUi&) = delete;

  app::FrameReport frame(app::AppShell& shell, const platform::InputEvents& events = {}) {
    ImGui::NewFrame();
    app::FrameReport report = shell.draw_frame(theme_, events);
    ImGui::Render();
    REQUIRE(ImGui::GetDrawData()->TotalVtxCount > 0);
    return report;
  }
  // A few frames, as after an event, so hit-testing and layout settle.
  app::FrameReport frames(app::AppShell& shell, int count = 3) {
    app::FrameReport report;
    for (int i = 0; i < count; ++i) report = frame(shell);
    return report;
  }
  const app::Theme& theme() const { return theme_; }

 private:
  app::Theme theme_;
};

}  // namespace rekindle::test
