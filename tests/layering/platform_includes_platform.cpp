// Layering probe (positive control), compiled with rekindle_platform's include directories:
// platform's headers and the core headers they include (through linking rekindle_core) must
// be found. If this fails, the negative probe proves nothing.
#include "core/result.h"
#include "platform/paths.h"
#include "platform/window.h"
