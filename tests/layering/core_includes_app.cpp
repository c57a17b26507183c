// Layering probe, compiled with rekindle_core's include directories: must NOT compile.
#include "app/cli.h"
