#pragma once

namespace rekindle::app {

// Parses the command line and runs the command (the window when there is none).
// Exit codes: 0 success, 1 failure ("error: ..." on stderr), 2 bad usage.
int run_cli(int argc, char** argv);

}  // namespace rekindle::app
