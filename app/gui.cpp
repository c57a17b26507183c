// The window's main loop and one-shot screenshots: GLFW + OpenGL 3 + Dear ImGui around the
// app shell. The loop sleeps in the event queue whenever nothing changes.
#include "app/gui.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

#include "app/font_atlas.h"
#include "app/theme.h"
#include "app/ui_shell.h"
#include "platform/paths.h"
#include "platform/screenshot.h"
#include "platform/window.h"

namespace rekindle::app {
namespace {

// Frames drawn after an event: ImGui settles hover and layout over a couple of frames.
constexpr int kFramesAfterEvent = 3;
// Idle wake-up: redraw now and then so "today" follows the clock; costs nothing measurable.
constexpr double kIdleWaitSeconds = 30.0;
// After a long sleep ImGui would see one huge time step; animations must not jump.
constexpr float kMaxFrameSeconds = 1.0f / 20.0f;
// While something moves, frames come this often; Xvfb does not block on swap, so without
// pacing an animation would spin a core.
constexpr double kAnimationFrameSeconds = 1.0 / 60.0;
// Frames rendered before a screenshot is taken, so that auto-sized layout has settled.
constexpr int kScreenshotFrames = 3;

int fail_with(const std::string& message) {
  std::fprintf(stderr, "error: %s\n", message.c_str());
  return 1;
}

// Dear ImGui's context and its GLFW + OpenGL backends, torn down in reverse order.
class ImGuiRuntime {
 public:
  explicit ImGuiRuntime(platform::Window& window) : window_(window) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini in the user's working folder
    // A blinking caret would wake the loop several times a second while a field has focus.
    io.ConfigInputTextCursorBlink = false;
    // Our callbacks are already installed: the backend chains to them.
    ImGui_ImplGlfw_InitForOpenGL(window.handle(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
  }
  ~ImGuiRuntime() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  ImGuiRuntime(const ImGuiRuntime&) = delete;
  ImGuiRuntime& operator=(const ImGuiRuntime&) = delete;

  // Builds the theme for the window's content scale; again when the window moves to a
  // monitor with another scale.
  core::Status update_theme() {
    const float scale = window_.content_scale();
    if (has_theme_ && scale == theme_.scale) return core::Status::success();
    auto theme = make_theme(scale);
    if (!theme) return core::make_error(theme.error());
    theme_ = *theme;
    // The first texture is made by the backend's first NewFrame; later ones are ours.
    if (has_theme_) {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    has_theme_ = true;
    return core::Status::success();
  }

  // Draws one frame of the shell into the back buffer (not yet swapped). A frame that met
  // characters the font atlas lacks is drawn again, with them, before anyone sees it (again
  // at most twice: the new glyphs change the layout, which may show more text).
  FrameReport render(AppShell& shell) {
    FrameReport report = render_once(shell);
    for (int i = 0; i < 2 && note_missing_glyphs(ImGui::GetDrawData()); ++i) {
      // A failed rebuild keeps the atlas it has: those characters stay blank.
      if (!refresh_fonts(theme_)) break;
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
      report = render_once(shell);
    }
    return report;
  }

 private:
  FrameReport render_once(AppShell& shell) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = std::clamp(io.DeltaTime, 1e-5f, kMaxFrameSeconds);
    ImGui::NewFrame();
    FrameReport report = shell.draw_frame(theme_, window_.events());
    window_.events().clear();
    ImGui::Render();
    const ImVec4 page = ImGui::ColorConvertU32ToFloat4(kColorPage);
    window_.clear(page.x, page.y, page.z);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    return report;
  }

  platform::Window& window_;
  Theme theme_;
  bool has_theme_ = false;
};

core::Day day_of(const GuiOptions& options) {
  if (auto day = core::parse_iso_day(options.date)) return *day;
  return platform::today_local();
}

AppShell make_shell(const GuiOptions& options) {
  auto api = core::Rekindle::open(options.db_path);
  if (!api) {
    // Name the file, unless the store's message already does.
    std::string message = api.error();
    if (message.find(options.db_path) == std::string::npos) message += " (" + options.db_path + ")";
    return AppShell(nullptr, message, day_of(options));
  }
  return AppShell(std::move(*api), "", day_of(options));
}

}  // namespace

int run_gui(const GuiOptions& options) {
  platform::WindowOptions window_options;
  auto window = platform::Window::open(window_options);
  if (!window) return fail_with(window.error());
  ImGuiRuntime runtime(**window);
  if (auto status = runtime.update_theme(); !status) return fail_with(status.error());
  AppShell shell = make_shell(options);
  shell.enable_photos();
  // An import's worker wakes the sleeping loop when it has progress to draw.
  shell.set_import_hooks({platform::wake_event_loop, {}});
  platform::Window& w = **window;

  int frames_left = kFramesAfterEvent;
  bool animating = false;
  double last_frame = glfwGetTime();
  std::optional<Screen> titled;
  while (!w.should_close()) {
    if (animating) {
      // Sleep out the rest of this frame's slot, but wake at once for input.
      const double left = kAnimationFrameSeconds - (glfwGetTime() - last_frame);
      w.wait_events(std::max(left, 1e-4));
    } else if (frames_left > 0) {
      w.wait_events(0);
    } else {
      w.wait_events(kIdleWaitSeconds);
      frames_left = 1;  // a timeout alone needs one frame (a new day)
    }
    if (!w.events().empty()) frames_left = kFramesAfterEvent;
    if (auto status = runtime.update_theme(); !status) return fail_with(status.error());
    if (options.date.empty()) shell.set_today(platform::today_local());
    last_frame = glfwGetTime();
    animating = runtime.render(shell).animating;
    w.swap_buffers();
    if (options.first_frame_exit) {
      // Presented: make sure the server has it before the process ends.
      glFinish();
      break;
    }
    --frames_left;
    if (animating) frames_left = std::max(frames_left, 1);  // and one still frame after it ends
    // The title names the screen, for the task switcher (and for tests driving the window).
    if (titled != shell.screen()) {
      titled = shell.screen();
      w.set_title(window_title(*titled));
    }
  }
  return 0;
}

int run_screenshot(const ScreenshotOptions& options) {
  const auto screen = screen_from_name(options.screen);
  if (!screen) return fail_with("unknown screen '" + options.screen + "'");
  platform::WindowOptions window_options;
  window_options.width = options.width;
  window_options.height = options.height;
  window_options.visible = false;
  window_options.resizable = false;
  auto window = platform::Window::open(window_options);
  if (!window) return fail_with(window.error());
  ImGuiRuntime runtime(**window);
  if (auto status = runtime.update_theme(); !status) return fail_with(status.error());
  AppShell shell = make_shell(options.gui);
  shell.enable_photos();
  // The shell opens on Today with its deck loaded: loading it again would read the deck twice.
  if (*screen != shell.screen()) shell.show(*screen);

  platform::Window& w = **window;
  if (!options.drop.empty()) {
    // As if the files were dropped: draw until their import has finished.
    w.events().dropped_paths = options.drop;
    for (;;) {
      const FrameReport report = runtime.render(shell);
      w.swap_buffers();
      if (!report.import || report.import->state != ImportState::kRunning) break;
      w.wait_events(0.01);
    }
  }
  std::vector<uint8_t> pixels;
  int width = 0, height = 0;
  for (int frame = 0; frame < kScreenshotFrames; ++frame) {
    w.wait_events(0);
    runtime.render(shell);
    if (frame == kScreenshotFrames - 1) {
      w.framebuffer_size(&width, &height);
      pixels = platform::read_framebuffer_rgba(width, height);  // before the swap
    }
    w.swap_buffers();
  }
  if (auto status = platform::write_png_rgba(options.out_png, pixels, width, height); !status)
    return fail_with(status.error());
  return 0;
}

}  // namespace rekindle::app
