#include "platform/window.h"

#include <GL/gl.h>
#include <GLFW/glfw3.h>

#ifdef REKINDLE_SANITIZE
#include <dlfcn.h>
#include <link.h>
#endif

#include <string>

namespace rekindle::platform {
namespace {

// GLFW reports failures through a callback; keep the last message so open() can explain
// why it failed ("X11: The DISPLAY environment variable is missing").
std::string g_last_glfw_error;

void on_glfw_error(int code, const char* description) {
  g_last_glfw_error = description ? description : "GLFW error " + std::to_string(code);
}

Window* owner(GLFWwindow* window) { return static_cast<Window*>(glfwGetWindowUserPointer(window)); }

core::Error window_error(const char* what) {
  std::string message = std::string("cannot open a window (no display?): ") + what;
  if (!g_last_glfw_error.empty()) message += ": " + g_last_glfw_error;
  return core::make_error(message);
}

// glfwTerminate through here. It unloads the OpenGL driver (Mesa), whose caches, still held
// by the driver's own globals, then look leaked to LeakSanitizer, from "<unknown module>"
// that no suppression could name. In the sanitizer build (RELIABILITY.md) every loaded
// library is first pinned (RTLD_NODELETE): the driver's memory stays reachable, and a leak
// the driver still had would be reported under its library's name, never hidden.
void terminate_glfw() {
#ifdef REKINDLE_SANITIZE
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void*) {
        if (info->dlpi_name && *info->dlpi_name) (void)dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
        return 0;
      },
      nullptr);
#endif
  glfwTerminate();
}

}  // namespace

core::Result<std::unique_ptr<Window>> Window::open(const WindowOptions& options) {
  glfwSetErrorCallback(on_glfw_error);
  g_last_glfw_error.clear();
  if (!glfwInit()) return window_error("cannot initialise GLFW");

  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_RESIZABLE, options.resizable ? GLFW_TRUE : GLFW_FALSE);
  // On X11 and Windows the size is in pixels: scale it so the window has the same physical
  // size on a HiDPI monitor (macOS and Wayland scale by themselves).
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);

  GLFWwindow* handle = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (!handle) {
    terminate_glfw();
    return window_error("cannot create an OpenGL 3.3 window");
  }
  std::unique_ptr<Window> window(new Window());
  window->window_ = handle;
  glfwSetWindowUserPointer(handle, window.get());
  glfwMakeContextCurrent(handle);
  glfwSwapInterval(1);
  // Portrait phone shape, but let the user make it larger; below this the layout breaks.
  if (options.resizable) glfwSetWindowSizeLimits(handle, 320, 480, GLFW_DONT_CARE, GLFW_DONT_CARE);
  window->install_callbacks();
  return window;
}

Window::~Window() {
  if (window_) glfwDestroyWindow(window_);
  terminate_glfw();
}

void Window::install_callbacks() {
  glfwSetKeyCallback(window_, [](GLFWwindow* w, int key, int, int action, int mods) {
    InputEvents& events = owner(w)->events_;
    events.other++;
    if (action == GLFW_RELEASE) return;
    events.keys.push_back({key_from_glfw(key), mods_from_glfw(mods), action == GLFW_REPEAT});
  });
  glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned int c) { owner(w)->events_.characters.push_back(c); });
  glfwSetScrollCallback(window_, [](GLFWwindow* w, double x, double y) {
    owner(w)->events_.scrolls.push_back({x, y});
  });
  // Files dragged from a file manager and dropped anywhere on the window.
  glfwSetDropCallback(window_, [](GLFWwindow* w, int count, const char** paths) {
    InputEvents& events = owner(w)->events_;
    for (int i = 0; i < count; ++i)
      if (paths[i]) events.dropped_paths.emplace_back(paths[i]);
  });
  // The rest only means "something changed, draw again".
  glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double, double) { owner(w)->events_.other++; });
  glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int, int, int) { owner(w)->events_.other++; });
  glfwSetCursorEnterCallback(window_, [](GLFWwindow* w, int) { owner(w)->events_.other++; });
  glfwSetWindowFocusCallback(window_, [](GLFWwindow* w, int focused) {
    owner(w)->events_.other++;
    if (focused) owner(w)->events_.focus_gained = true;
  });
  glfwSetFramebufferSizeCallback(window_, [](GLFWwindow* w, int, int) { owner(w)->events_.other++; });
  glfwSetWindowRefreshCallback(window_, [](GLFWwindow* w) { owner(w)->events_.other++; });
  glfwSetWindowContentScaleCallback(window_, [](GLFWwindow* w, float, float) { owner(w)->events_.other++; });
}

bool Window::should_close() const { return glfwWindowShouldClose(window_); }

float Window::content_scale() const {
  float x = 1, y = 1;
  glfwGetWindowContentScale(window_, &x, &y);
  return x > 0 ? x : 1.0f;
}

void Window::framebuffer_size(int* width, int* height) const { glfwGetFramebufferSize(window_, width, height); }

void Window::wait_events(double timeout_seconds) {
  if (timeout_seconds <= 0)
    glfwPollEvents();
  else
    glfwWaitEventsTimeout(timeout_seconds);
}

void wake_event_loop() { glfwPostEmptyEvent(); }

void Window::set_title(const std::string& title) { glfwSetWindowTitle(window_, title.c_str()); }

void Window::clear(float red, float green, float blue) {
  int width = 0, height = 0;
  framebuffer_size(&width, &height);
  glViewport(0, 0, width, height);
  glClearColor(red, green, blue, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
}

void Window::swap_buffers() { glfwSwapBuffers(window_); }

}  // namespace rekindle::platform
