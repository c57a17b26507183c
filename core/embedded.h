#pragma once
// Files embedded into the executable at build time (cmake/embed_files.cmake).
#include <cstddef>
#include <string_view>

namespace rekindle {

struct EmbeddedFile {
  const char* name;            // file name without folder, e.g. "reconnect.linkedin.txt"
  const unsigned char* data;   // bytes, followed by one extra NUL
  size_t size;                 // number of bytes, not counting the extra NUL
};

}  // namespace rekindle

// Message templates and other core assets (assets/templates/*.txt).
const rekindle::EmbeddedFile* rekindle_core_assets(size_t* count);
// Fonts used by the window (app only).
const rekindle::EmbeddedFile* rekindle_app_assets(size_t* count);
