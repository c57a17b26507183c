#include "app/cli.h"

int main(int argc, char** argv) { return rekindle::app::run_cli(argc, argv); }
