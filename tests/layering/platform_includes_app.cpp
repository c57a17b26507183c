// Layering probe, compiled with rekindle_platform's include directories: must NOT compile.
#include "app/gui.h"
