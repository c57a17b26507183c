// Placeholder until the window shell lands (helper A replaces this file).
#include "app/gui.h"

#include <cstdio>

namespace rekindle::app {

int run_gui(const GuiOptions&) {
  std::fprintf(stderr, "error: the window is not built yet\n");
  return 1;
}

int run_screenshot(const ScreenshotOptions&) {
  std::fprintf(stderr, "error: the window is not built yet\n");
  return 1;
}

}  // namespace rekindle::app
