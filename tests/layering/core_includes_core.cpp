// Layering probe (positive control), compiled with rekindle_core's include directories:
// core's own headers, and the libraries they use (SQLite, nlohmann-json), must be found.
// If this fails, the negative probes prove nothing.
#include "core/result.h"
#include "core/store.h"
