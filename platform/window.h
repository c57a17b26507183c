#pragma once
// The one GLFW window with its OpenGL 3.3 context, and an event wait that lets the process
// sleep while nothing changes. Knows nothing of ImGui: the app installs its backend after
// open() so that the backend chains our callbacks (GLFW keeps one callback per kind).
#include <memory>
#include <string>

#include "core/result.h"
#include "platform/input.h"

struct GLFWwindow;

namespace rekindle::platform {

struct WindowOptions {
  std::string title = "Rekindle";
  int width = 430;  // logical size; GLFW scales it by the monitor's content scale
  int height = 860;
  bool visible = true;
  bool resizable = true;
};

// Wakes the window's wait_events() from any thread, e.g. a worker that has progress to show.
// Only while a Window is open.
void wake_event_loop();

class Window {
 public:
  // Initialises GLFW and opens the window. Fails with "cannot open a window (no display?): ..."
  // when there is no display or no usable OpenGL 3.3 context.
  static core::Result<std::unique_ptr<Window>> open(const WindowOptions& options);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  GLFWwindow* handle() const { return window_; }
  bool should_close() const;
  // Content scale of the monitor the window is on (1 on a standard display, 2 on HiDPI).
  float content_scale() const;
  void framebuffer_size(int* width, int* height) const;
  // Sleeps until an event arrives or timeout_seconds pass (<= 0: just polls).
  void wait_events(double timeout_seconds);
  void set_title(const std::string& title);
  // Sets the viewport to the whole framebuffer and clears it to a colour (0..1 components).
  void clear(float red, float green, float blue);
  void swap_buffers();
  // Events received since the last clear(); the app clears them once per frame.
  InputEvents& events() { return events_; }

 private:
  Window() = default;
  void install_callbacks();

  GLFWwindow* window_ = nullptr;
  InputEvents events_;
};

}  // namespace rekindle::platform
