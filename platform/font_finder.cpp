#include "platform/font_finder.h"

#include <dlfcn.h>
#include <fontconfig/fontconfig.h>

#include <cstdlib>
#include <mutex>
#include <string_view>

namespace rekindle::platform {
namespace {

// The few fontconfig calls we make, looked up in libfontconfig.so.1 when first needed.
struct Fontconfig {
  decltype(&FcInitLoadConfigAndFonts) init_load_config_and_fonts = nullptr;
  decltype(&FcPatternCreate) pattern_create = nullptr;
  decltype(&FcPatternDestroy) pattern_destroy = nullptr;
  decltype(&FcPatternAddString) pattern_add_string = nullptr;
  decltype(&FcPatternAddBool) pattern_add_bool = nullptr;
  decltype(&FcPatternAddCharSet) pattern_add_charset = nullptr;
  decltype(&FcPatternGetString) pattern_get_string = nullptr;
  decltype(&FcPatternGetInteger) pattern_get_integer = nullptr;
  decltype(&FcPatternGetBool) pattern_get_bool = nullptr;
  decltype(&FcPatternGetCharSet) pattern_get_charset = nullptr;
  decltype(&FcCharSetCreate) charset_create = nullptr;
  decltype(&FcCharSetDestroy) charset_destroy = nullptr;
  decltype(&FcCharSetAddChar) charset_add_char = nullptr;
  decltype(&FcCharSetHasChar) charset_has_char = nullptr;
  decltype(&FcConfigSubstitute) config_substitute = nullptr;
  decltype(&FcDefaultSubstitute) default_substitute = nullptr;
  decltype(&FcFontSort) font_sort = nullptr;
  decltype(&FcFontSetDestroy) font_set_destroy = nullptr;
  FcConfig* config = nullptr;
};

template <typename F>
bool bind(void* library, F& function, const char* name) {
  function = reinterpret_cast<F>(dlsym(library, name));
  return function != nullptr;
}

// nullptr when fontconfig cannot be loaded or has no configuration.
const Fontconfig* fontconfig() {
  static std::once_flag once;
  static Fontconfig fc;
  static bool ok = false;
  std::call_once(once, [] {
    void* library = dlopen("libfontconfig.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!library) return;
    ok = bind(library, fc.init_load_config_and_fonts, "FcInitLoadConfigAndFonts") &&
         bind(library, fc.pattern_create, "FcPatternCreate") && bind(library, fc.pattern_destroy, "FcPatternDestroy") &&
         bind(library, fc.pattern_add_string, "FcPatternAddString") &&
         bind(library, fc.pattern_add_bool, "FcPatternAddBool") &&
         bind(library, fc.pattern_add_charset, "FcPatternAddCharSet") &&
         bind(library, fc.pattern_get_string, "FcPatternGetString") &&
         bind(library, fc.pattern_get_integer, "FcPatternGetInteger") &&
         bind(library, fc.pattern_get_bool, "FcPatternGetBool") &&
         bind(library, fc.pattern_get_charset, "FcPatternGetCharSet") &&
         bind(library, fc.charset_create, "FcCharSetCreate") && bind(library, fc.charset_destroy, "FcCharSetDestroy") &&
         bind(library, fc.charset_add_char, "FcCharSetAddChar") &&
         bind(library, fc.charset_has_char, "FcCharSetHasChar") &&
         bind(library, fc.config_substitute, "FcConfigSubstitute") &&
         bind(library, fc.default_substitute, "FcDefaultSubstitute") && bind(library, fc.font_sort, "FcFontSort") &&
         bind(library, fc.font_set_destroy, "FcFontSetDestroy");
    if (ok) fc.config = fc.init_load_config_and_fonts();
    ok = ok && fc.config;
  });
  return ok ? &fc : nullptr;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

// stb_truetype reads TrueType and CFF outlines from .ttf/.otf files and their collections.
bool drawable_face(const Fontconfig& fc, FcPattern* font, char32_t code_point) {
  FcBool flag = FcFalse;
  if (fc.pattern_get_bool(font, FC_COLOR, 0, &flag) == FcResultMatch && flag) return false;
  if (fc.pattern_get_bool(font, FC_SCALABLE, 0, &flag) == FcResultMatch && !flag) return false;
  FcCharSet* charset = nullptr;
  if (fc.pattern_get_charset(font, FC_CHARSET, 0, &charset) != FcResultMatch ||
      !fc.charset_has_char(charset, code_point))
    return false;
  FcChar8* file = nullptr;
  if (fc.pattern_get_string(font, FC_FILE, 0, &file) != FcResultMatch) return false;
  const std::string_view path(reinterpret_cast<const char*>(file));
  return ends_with(path, ".ttf") || ends_with(path, ".otf") || ends_with(path, ".ttc") || ends_with(path, ".otc");
}

}  // namespace

std::optional<FontFace> find_font_with(char32_t code_point) {
  if (const char* off = std::getenv("REKINDLE_NO_SYSTEM_FONTS"); off && *off) return std::nullopt;
  const Fontconfig* fc = fontconfig();
  if (!fc) return std::nullopt;
  FcPattern* pattern = fc->pattern_create();
  FcCharSet* wanted = fc->charset_create();
  fc->charset_add_char(wanted, code_point);
  fc->pattern_add_charset(pattern, FC_CHARSET, wanted);
  fc->pattern_add_string(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
  fc->pattern_add_bool(pattern, FC_SCALABLE, FcTrue);
  fc->pattern_add_bool(pattern, FC_COLOR, FcFalse);
  fc->config_substitute(fc->config, pattern, FcMatchPattern);
  fc->default_substitute(pattern);
  FcResult result = FcResultNoMatch;
  // Sorted best first; coverage ranks above family, so faces that have the character lead.
  FcFontSet* fonts = fc->font_sort(fc->config, pattern, FcFalse, nullptr, &result);
  std::optional<FontFace> found;
  for (int i = 0; fonts && i < fonts->nfont && !found; ++i) {
    FcPattern* font = fonts->fonts[i];
    if (!drawable_face(*fc, font, code_point)) continue;
    FcChar8* file = nullptr;
    fc->pattern_get_string(font, FC_FILE, 0, &file);
    int index = 0;
    if (fc->pattern_get_integer(font, FC_INDEX, 0, &index) != FcResultMatch) index = 0;
    found = FontFace{reinterpret_cast<const char*>(file), index & 0xFFFF};  // high bits: variable instance
  }
  if (fonts) fc->font_set_destroy(fonts);
  fc->charset_destroy(wanted);
  fc->pattern_destroy(pattern);
  return found;
}

}  // namespace rekindle::platform
