#include "platform/screenshot.h"

#include <GL/gl.h>
#include <stb_image_write.h>  // implementation already compiled into libstb.a

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace rekindle::platform {

std::vector<uint8_t> read_framebuffer_rgba(int width, int height) {
  std::vector<uint8_t> pixels(static_cast<size_t>(width) * height * 4);
  // Rows are tightly packed in our buffer, whatever the width.
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  flip_rows_rgba(pixels, width, height);
  return pixels;
}

void flip_rows_rgba(std::vector<uint8_t>& pixels, int width, int height) {
  const size_t stride = static_cast<size_t>(width) * 4;
  for (int top = 0, bottom = height - 1; top < bottom; ++top, --bottom)
    std::swap_ranges(pixels.begin() + top * stride, pixels.begin() + (top + 1) * stride,
                     pixels.begin() + bottom * stride);
}

core::Status write_png_rgba(const std::string& path, const std::vector<uint8_t>& pixels, int width, int height) {
  if (width <= 0 || height <= 0 || pixels.size() != static_cast<size_t>(width) * height * 4)
    return core::make_error("cannot write " + path + ": bad image size");
  if (!stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4))
    return core::make_error("cannot write " + path + ": " + std::strerror(errno));
  return core::Status::success();
}

}  // namespace rekindle::platform
