// gui and screenshot: the commands that open a window.
#include <cstdio>
#include <memory>

#include "app/cli_common.h"
#include "app/gui.h"
#include "app/ui_shell.h"

namespace rekindle::app {

void add_window_commands(CLI::App& app, CliContext& ctx) {
  auto* gui = app.add_subcommand("gui", "Open the window on today's deck (the default)");
  gui->add_option("--date", ctx.date_option, "Replay a given day")->check(iso_date_validator());
  auto first_frame_exit = std::make_shared<bool>(false);
  gui->add_flag("--first-frame-exit", *first_frame_exit,
                "Quit right after the first frame is on screen (to measure start-up)");
  gui->callback([&ctx, first_frame_exit] {
    ctx.action = [&ctx, first_frame_exit] {
      GuiOptions options;
      options.db_path = ctx.database_path();
      options.date = ctx.date_option;
      options.first_frame_exit = *first_frame_exit;
      return run_gui(options);
    };
  });

  auto shot = std::make_shared<ScreenshotOptions>();
  auto size = std::make_shared<std::string>("430x860");
  auto* screenshot = app.add_subcommand("screenshot", "Render one frame of a screen into a PNG (needs a display)");
  screenshot->add_option("OUT", shot->out_png, "PNG file to write")->required();
  screenshot->add_option("--screen", shot->screen, "today, compose, contacts, strategy, stats, import, sort, details or settings")
      ->check(CLI::IsMember(screen_names()));
  screenshot->add_option("--size", *size, "Window size in logical pixels, WxH (default 430x860)");
  screenshot->add_option("--date", ctx.date_option, "Replay a given day")->check(iso_date_validator());
  screenshot->add_option("--drop", shot->drop, "Drop these files on the window first and wait for their import");
  screenshot->callback([&ctx, shot, size] {
    int w = 0, h = 0;
    char tail = 0;
    if (std::sscanf(size->c_str(), "%dx%d%c", &w, &h, &tail) != 2 || w < 200 || h < 200 || w > 4096 || h > 4096)
      throw CLI::ValidationError("--size", "expected WxH between 200x200 and 4096x4096, got '" + *size + "'");
    shot->width = w;
    shot->height = h;
    ctx.action = [&ctx, shot] {
      shot->gui.db_path = ctx.database_path();
      shot->gui.date = ctx.date_option;
      return run_screenshot(*shot);
    };
  });
}

}  // namespace rekindle::app
