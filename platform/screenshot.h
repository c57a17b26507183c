#pragma once
// Frame capture: the current OpenGL framebuffer to a PNG file.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace rekindle::platform {

// Reads the back buffer of the current GL context (call after rendering, before the swap)
// as RGBA rows, top row first.
std::vector<uint8_t> read_framebuffer_rgba(int width, int height);
// Flips RGBA rows in place: GL reads bottom row first, image files store top row first.
void flip_rows_rgba(std::vector<uint8_t>& pixels, int width, int height);
// Writes RGBA pixels (top row first) as an 8-bit PNG.
core::Status write_png_rgba(const std::string& path, const std::vector<uint8_t>& pixels, int width, int height);

}  // namespace rekindle::platform
