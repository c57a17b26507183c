#pragma once
// The window: the default command, and one-frame screenshots for tests and docs.
#include <string>
#include <vector>

namespace rekindle::app {

struct GuiOptions {
  std::string db_path;
  std::string date;  // "YYYY-MM-DD" to replay a day; empty = today
  // Exit right after the first frame is presented (swapped), so start-up can be measured
  // exactly: from exec to the first frame the user sees.
  bool first_frame_exit = false;
};

// Opens the window on the database and runs until it is closed. Returns the exit code;
// prints "error: cannot open a window (no display?) ..." and returns 1 without a display.
int run_gui(const GuiOptions& options);

struct ScreenshotOptions {
  GuiOptions gui;
  std::string out_png;
  std::string screen = "today";  // a screen_name(): today, compose, contacts, ...
  int width = 430, height = 860;  // logical size of the window
  std::vector<std::string> drop;   // files dropped on the window first: the shot waits for their import
};

// Renders one frame of a screen into a PNG. Returns the exit code.
int run_screenshot(const ScreenshotOptions& options);

}  // namespace rekindle::app
