#include "platform/texture.h"

#include <GL/gl.h>
#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <vector>

namespace rekindle::platform {

std::optional<Texture> texture_from_image(std::string_view bytes, int max_side) {
  if (bytes.empty() || bytes.size() > 64u * 1024 * 1024) return std::nullopt;
  int width = 0, height = 0, channels = 0;
  unsigned char* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                                                static_cast<int>(bytes.size()), &width, &height, &channels, 4);
  if (!pixels) return std::nullopt;
  // The centre square of the photo, scaled down: a face is usually in the middle, and a
  // small texture keeps a deck of photos cheap.
  const int side = std::min(width, height);
  const int x0 = (width - side) / 2, y0 = (height - side) / 2;
  const int out_side = std::max(1, std::min(side, max_side));
  std::vector<unsigned char> square(static_cast<size_t>(out_side) * out_side * 4);
  const int ok = stbir_resize_uint8(pixels + (static_cast<size_t>(y0) * width + x0) * 4, side, side, width * 4,
                                    square.data(), out_side, out_side, out_side * 4, 4);
  stbi_image_free(pixels);
  if (!ok) return std::nullopt;

  Texture texture;
  texture.width = texture.height = out_side;
  glGenTextures(1, &texture.id);
  if (texture.id == 0) return std::nullopt;
  glBindTexture(GL_TEXTURE_2D, texture.id);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, out_side, out_side, 0, GL_RGBA, GL_UNSIGNED_BYTE, square.data());
  return texture;
}

void release_texture(const Texture& texture) {
  if (texture.id) glDeleteTextures(1, &texture.id);
}

}  // namespace rekindle::platform
