#include "app/font_atlas.h"

#include <stb_truetype.h>  // implementation compiled into libstb.a
#include <sys/mman.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <optional>
#include <memory>
#include <vector>

#include "core/display_text.h"
#include "core/embedded.h"
#include "platform/font_finder.h"

namespace rekindle::app {
namespace {

// Names come from everywhere: Latin with accents, Greek, Cyrillic, plus typographic
// punctuation (— … · ’) used in our own text. Roboto has all of these: a character of these
// ranges is known to be drawable without a look-up.
constexpr ImWchar kBaseRanges[] = {
    0x0020, 0x024F,  // Basic Latin, Latin-1, Latin Extended-A and -B
    0x0370, 0x03FF,  // Greek
    0x0400, 0x04FF,  // Cyrillic
    0x1E00, 0x1EFF,  // Latin Extended Additional (Vietnamese)
    0x2000, 0x206F,  // General punctuation
    0x20AC, 0x20AC,  // Euro sign
    0,
};
// What the atlas starts with (issue 13: the first frame rasterizes about 400 glyphs per face,
// not 1,100): the Latin letters of most Western and Central European names and our own
// punctuation, so text measured outside a frame (ellipsizing, wrapping) is right for them.
// Every other character, of the ranges above or not, is met in the frame that draws it and
// added before that frame is shown (see gui.cpp).
constexpr ImWchar kStartRanges[] = {
    0x0020, 0x017F,  // Basic Latin, Latin-1, Latin Extended-A
    0x2000, 0x206F,  // General punctuation
    0x20AC, 0x20AC,  // Euro sign
    0,
};

// A marker's texture coordinates: u = -code point, v = kMarkerV. Real glyphs have u, v in [0, 1].
constexpr float kMarkerV = -1.0f;
constexpr int kCodePoints = 0x10000;  // ImWchar is 16 bits in this ImGui build

// What the atlas draws for a character it lacks: nothing, taking no room.
const ImFontGlyph kBlankGlyph = [] {
  ImFontGlyph glyph{};
  glyph.Visible = 0;
  return glyph;
}();

// Never looked up: controls, surrogates, private use, U+FFFD (what 16-bit ImGui makes of
// emoji and other characters past U+FFFF: a drawn U+FFFD would be the very "?" box we avoid),
// and invisible format characters (emoji variation selectors, zero-width joiners) that some
// fonts draw as visible boxes.
bool never_drawn(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0xD800 && c <= 0xF8FF) || c >= 0xFFF0 ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
}

// A font file mapped read-only for the life of the process: the atlas reads it at every
// rebuild, and a CJK collection is 20 MB that should not be copied.
struct FaceData {
  std::string path;
  int index = 0;
  const unsigned char* data = nullptr;
  size_t size = 0;
  stbtt_fontinfo info{};
  bool has(char32_t c) const { return stbtt_FindGlyphIndex(&info, static_cast<int>(c)) != 0; }
  // The em for a pixel height of 1: ImGui sizes a face by its line height, and CJK faces have
  // taller lines than Roboto, so at the same "size" their characters would look small.
  float em() const { return stbtt_ScaleForPixelHeight(&info, 1) / stbtt_ScaleForMappingEmToPixels(&info, 1); }
};

const rekindle::EmbeddedFile* embedded_font(const char* name_part, size_t fallback_index) {
  size_t count = 0;
  const rekindle::EmbeddedFile* files = rekindle_app_assets(&count);
  for (size_t i = 0; i < count; ++i)
    if (files[i].name && std::string_view(files[i].name).find(name_part) != std::string_view::npos) return &files[i];
  return fallback_index < count ? &files[fallback_index] : nullptr;
}

// Every character met, where it is drawn from, and the atlas build state. One per process,
// like ImGui's atlas; used from the UI thread only.
class Coverage {
 public:
  enum class Source : uint8_t { kUnknown, kBase, kEmbedded, kFallback, kNone };

  bool init_embedded(const rekindle::EmbeddedFile& regular) {
    if (embedded_ready_) return true;
    embedded_.data = regular.data;
    embedded_.size = regular.size;
    const int offset = stbtt_GetFontOffsetForIndex(regular.data, 0);
    if (offset < 0 || !stbtt_InitFont(&embedded_.info, regular.data, offset)) return false;
    for (const ImWchar* r = kBaseRanges; r[0]; r += 2)
      for (int c = r[0]; c <= r[1]; ++c)
        if (embedded_.has(static_cast<char32_t>(c))) source_[c] = Source::kBase;
    embedded_ready_ = true;
    return true;
  }

  // Where c comes from, looking it up the first time.
  Source resolve(char32_t c) {
    if (c >= kCodePoints || never_drawn(c)) return Source::kNone;
    Source& source = source_[c];
    if (source != Source::kUnknown) return source;
    if (embedded_ready_ && embedded_.has(c)) {
      source = Source::kEmbedded;
      extra_[c] = true;
      embedded_extra_.push_back(static_cast<ImWchar>(c));
      outdated_ = true;
      return source;
    }
    for (size_t i = 0; i < faces_.size(); ++i)
      if (faces_[i]->has(c)) return assign(c, i);
    if (auto face = platform::find_font_with(c)) {
      if (auto index = open_face(*face); index && faces_[*index]->has(c)) return assign(c, *index);
    }
    source = Source::kNone;
    return source;
  }

  bool outdated() const { return outdated_; }

  // Adds the five faces with every character met so far, builds, installs the markers.
  core::Result<AtlasFonts> build(const rekindle::EmbeddedFile& regular, const rekindle::EmbeddedFile& medium,
                                 const FontSizes& sizes) {
    if (!init_embedded(regular)) return core::make_error("the embedded font cannot be read");
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    ranges_.clear();
    // Ranges must outlive the build: the atlas keeps pointers to them.
    const ImWchar* body_ranges = keep_ranges(kStartRanges, embedded_extra_);
    const ImWchar* heading_ranges = body_ranges;
    std::vector<const ImWchar*> face_ranges;
    for (const auto& chars : face_chars_) face_ranges.push_back(chars.empty() ? nullptr : keep_ranges(nullptr, chars));

    AtlasFonts fonts;
    const auto add = [&](const rekindle::EmbeddedFile& file, float size, const ImWchar* ranges) -> ImFont* {
      ImFontConfig config;
      config.FontDataOwnedByAtlas = false;  // the bytes live in the executable
      config.OversampleH = 2;               // sharp enough at these sizes, half the atlas of 3
      config.OversampleV = 1;
      // The atlas never writes to the data when it does not own it.
      ImFont* font = atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(file.data), static_cast<int>(file.size),
                                                 size, &config, ranges);
      for (size_t i = 0; font && i < faces_.size(); ++i) {
        if (!face_ranges[i]) continue;
        ImFontConfig merge;
        merge.MergeMode = true;
        merge.FontDataOwnedByAtlas = false;  // mapped from the file, read-only
        merge.FontNo = faces_[i]->index;     // the face inside a .ttc collection
        merge.OversampleH = 1;               // CJK glyphs are dense: one sample keeps the atlas small
        merge.OversampleV = 1;
        // The same em as Roboto's, so that a Chinese name is as large as a Latin one beside it.
        const float face_size = size * embedded_.em() / faces_[i]->em();
        atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(faces_[i]->data), static_cast<int>(faces_[i]->size),
                                    face_size, &merge, face_ranges[i]);
      }
      return font;
    };
    // The first font added is ImGui's default.
    fonts.body = add(regular, sizes.body, body_ranges);
    fonts.small = add(regular, sizes.small, body_ranges);
    fonts.strong = add(medium, sizes.body, body_ranges);
    fonts.title = add(medium, sizes.title, body_ranges);
    fonts.big = add(medium, sizes.big, heading_ranges);
    if (!fonts.body || !fonts.small || !fonts.strong || !fonts.title || !fonts.big || !atlas->Build())
      return core::make_error("cannot load the embedded fonts");
    for (ImFont* font : atlas->Fonts) install_markers(*font);
    outdated_ = false;
    return fonts;
  }

  // Looks up the characters the markers name; true when the atlas lacks characters that
  // some font can draw (met now, or earlier through can_draw).
  bool note(const ImDrawData* draw_data) {
    if (!draw_data) return false;
    for (int l = 0; l < draw_data->CmdListsCount; ++l) {
      const ImVector<ImDrawVert>& vertices = draw_data->CmdLists[l]->VtxBuffer;
      for (int v = 0; v < vertices.Size; ++v) {
        const ImVec2 uv = vertices.Data[v].uv;
        if (uv.y != kMarkerV || !(uv.x < 0)) continue;
        const int c = static_cast<int>(-uv.x);
        if (c <= 0 || c >= kCodePoints) continue;
        if (source_[c] == Source::kBase && !extra_[c]) {
          // Roboto has it, but the atlas starts with Latin-1 and Latin Extended-A only.
          extra_[c] = true;
          embedded_extra_.push_back(static_cast<ImWchar>(c));
          outdated_ = true;
        } else if (source_[c] == Source::kUnknown) {
          resolve(static_cast<char32_t>(c));
        }
      }
    }
    // Characters looked up outside a frame (drawable_text) count too: once known they are
    // not looked up again, yet the atlas still lacks them.
    return outdated_;
  }

 private:
  Source assign(char32_t c, size_t face) {
    source_[c] = Source::kFallback;
    face_chars_[face].push_back(static_cast<ImWchar>(c));
    outdated_ = true;
    return Source::kFallback;
  }

  std::optional<size_t> open_face(const platform::FontFace& face) {
    for (size_t i = 0; i < faces_.size(); ++i)
      if (faces_[i]->path == face.path && faces_[i]->index == face.index) return i;
    const int fd = ::open(face.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    void* map = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && st.st_size > 0 && st.st_size < (1 << 30))
      map = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) return std::nullopt;
    auto data = std::make_unique<FaceData>();
    data->path = face.path;
    data->index = face.index;
    data->data = static_cast<const unsigned char*>(map);
    data->size = static_cast<size_t>(st.st_size);
    const int offset = stbtt_GetFontOffsetForIndex(data->data, face.index);
    if (offset < 0 || !stbtt_InitFont(&data->info, data->data, offset)) {
      ::munmap(map, data->size);
      return std::nullopt;
    }
    faces_.push_back(std::move(data));
    face_chars_.emplace_back();
    return faces_.size() - 1;
  }

  // base ranges (may be null) followed by one range per extra character, zero-terminated.
  const ImWchar* keep_ranges(const ImWchar* base, const std::vector<ImWchar>& extra) {
    std::vector<ImWchar>& ranges = ranges_.emplace_back();
    for (const ImWchar* r = base; r && r[0]; r += 2) ranges.insert(ranges.end(), {r[0], r[1]});
    for (ImWchar c : extra) ranges.insert(ranges.end(), {c, c});
    ranges.push_back(0);
    return ranges.data();
  }

  // Every character the font lacks gets an invisible zero-width glyph whose u names it; the
  // font's fallback becomes the blank glyph, so nothing missing ever shows as "?".
  void install_markers(ImFont& font) {
    font.IndexLookup.resize(kCodePoints, static_cast<ImWchar>(-1));
    font.IndexAdvanceX.resize(kCodePoints, 0.0f);
    for (int c = 0; c < kCodePoints; ++c) {
      if (font.IndexLookup[c] != static_cast<ImWchar>(-1)) continue;
      font.IndexAdvanceX[c] = 0.0f;
      // Characters known to be undrawable need no marker; neither do the never-drawn, and
      // a full glyph table (ImWchar indices, 0xFFFF reserved) gets no more.
      if (never_drawn(static_cast<char32_t>(c)) || source_[c] == Source::kNone || font.Glyphs.Size >= 0xFFFE) continue;
      ImFontGlyph marker{};
      marker.Visible = 1;  // so that RenderText emits it (a zero-area quad: nothing shows)
      marker.Codepoint = static_cast<unsigned>(c);
      marker.Y1 = 1.0f;  // zero width, so CPU clipping never divides by a zero height
      marker.U0 = marker.U1 = -static_cast<float>(c);
      marker.V0 = marker.V1 = kMarkerV;
      font.IndexLookup[c] = static_cast<ImWchar>(font.Glyphs.Size);
      font.Glyphs.push_back(marker);
    }
    font.FallbackGlyph = &kBlankGlyph;  // set after the pushes: they may move Glyphs
    font.FallbackAdvanceX = 0.0f;
  }

  std::vector<Source> source_ = std::vector<Source>(kCodePoints, Source::kUnknown);
  FaceData embedded_;
  bool embedded_ready_ = false;
  std::vector<ImWchar> embedded_extra_;  // met characters Roboto has outside a face's start ranges
  std::vector<bool> extra_ = std::vector<bool>(kCodePoints, false);  // in embedded_extra_
  std::vector<std::unique_ptr<FaceData>> faces_;  // installed fonts, in the order they were found
  std::vector<std::vector<ImWchar>> face_chars_;  // per face: the characters taken from it
  std::vector<std::vector<ImWchar>> ranges_;      // the current build's glyph ranges
  bool outdated_ = false;
};

Coverage& coverage() {
  static Coverage instance;
  return instance;
}

}  // namespace

core::Result<AtlasFonts> build_font_atlas(const FontSizes& sizes) {
  const rekindle::EmbeddedFile* regular = embedded_font("Regular", 0);
  const rekindle::EmbeddedFile* medium = embedded_font("Medium", 1);
  if (!regular || !medium || regular->size == 0 || medium->size == 0)
    return core::make_error("the embedded fonts are missing from this build");
  return coverage().build(*regular, *medium, sizes);
}

bool note_missing_glyphs(const ImDrawData* draw_data) { return coverage().note(draw_data); }

bool font_atlas_outdated() { return coverage().outdated(); }

bool can_draw(char32_t code_point) {
  if (const rekindle::EmbeddedFile* regular = embedded_font("Regular", 0)) coverage().init_embedded(*regular);
  return coverage().resolve(code_point) != Coverage::Source::kNone;
}

std::string drawable_text(std::string_view utf8) {
  return core::keep_characters(utf8, [](char32_t c) { return c == U'\n' || can_draw(c); });
}

}  // namespace rekindle::app
