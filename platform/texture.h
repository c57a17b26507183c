#pragma once
// Contact photos on screen: decodes image bytes (JPEG, PNG, GIF, BMP...) with stb_image and
// uploads them as OpenGL textures. Needs the window's GL context to be current.
#include <cstdint>
#include <optional>
#include <string_view>

namespace rekindle::platform {

struct Texture {
  unsigned int id = 0;  // the GL texture name; ImGui draws it as ImTextureID
  int width = 0, height = 0;
};

// Decodes and uploads an image as a square texture of at most max_side pixels, cropped to
// its centre (avatars are round). nullopt when the bytes are not an image stb_image reads.
std::optional<Texture> texture_from_image(std::string_view bytes, int max_side = 256);
// Frees a texture made by texture_from_image.
void release_texture(const Texture& texture);

}  // namespace rekindle::platform
