#include "app/ui_widgets.h"

#include <imgui_internal.h>  // the current text wrap position, to wrap like TextWrapped

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <vector>

#include "app/font_atlas.h"
#include "core/phrase.h"

namespace rekindle::app {
namespace {

ImU32 with_alpha(ImU32 color, float alpha) {
  const int a = static_cast<int>(((color >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
  return (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(std::clamp(a, 0, 255)) << IM_COL32_A_SHIFT);
}

// Length in bytes of the UTF-8 sequence starting with byte c (1 for stray continuation bytes).
size_t utf8_length(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// Upper-cases ASCII only: other scripts keep their letter, which reads fine in an avatar.
std::string first_letter(std::string_view word) {
  if (word.empty()) return {};
  const size_t n = std::min(utf8_length(static_cast<unsigned char>(word[0])), word.size());
  std::string letter(word.substr(0, n));
  if (n == 1 && letter[0] >= 'a' && letter[0] <= 'z') letter[0] = static_cast<char>(letter[0] - 'a' + 'A');
  return letter;
}

// Content widths of the cards being drawn, innermost last: centring inside a card must use
// the card's width, not the window's.
std::vector<float> g_card_widths;

float content_width() { return g_card_widths.empty() ? ImGui::GetContentRegionAvail().x : g_card_widths.back(); }

bool is_letter_start(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

// Soft avatar colours, picked by a stable hash of the name.
constexpr ImU32 kAvatarColors[] = {
    IM_COL32(248, 219, 200, 255), IM_COL32(209, 230, 216, 255), IM_COL32(214, 224, 243, 255),
    IM_COL32(243, 228, 192, 255), IM_COL32(233, 215, 236, 255), IM_COL32(204, 229, 232, 255),
};

}  // namespace

Card::Card(const Theme& theme, ImU32 fill, bool peek_behind) : theme_(theme), fill_(fill), peek_behind_(peek_behind) {
  start_ = ImGui::GetCursorScreenPos();
  width_ = ImGui::GetContentRegionAvail().x;
  const float pad = theme.px(kCardPadding);
  content_width_ = std::max(1.0f, width_ - 2 * pad);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(start_.x + pad, start_.y + pad));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + content_width_);
  g_card_widths.push_back(content_width_);
}

Card::~Card() {
  g_card_widths.pop_back();
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const float pad = theme_.px(kCardPadding);
  const float bottom = ImGui::GetItemRectMax().y + pad;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSetCurrent(0);
  const float peek = peek_behind_ ? theme_.px(kDeckPeek) : 0.0f;
  if (peek_behind_)
    paint_card(draw, ImVec2(start_.x + 1.6f * peek, start_.y + peek),
               ImVec2(start_.x + width_ - 1.6f * peek, bottom + peek), theme_, kColorCardBehind);
  paint_card(draw, start_, ImVec2(start_.x + width_, bottom), theme_, fill_);
  draw->ChannelsMerge();
  // Leave the layout cursor under the card, as if the card were one item.
  ImGui::SetCursorScreenPos(ImVec2(start_.x, ImGui::GetItemRectMax().y));
  ImGui::Dummy(ImVec2(width_, pad + peek));
}

void paint_card(ImDrawList* draw, ImVec2 min, ImVec2 max, const Theme& theme, ImU32 fill) {
  const float rounding = theme.px(kCardRounding);
  // A soft shadow: a few widening, fading layers, shifted down as if lit from above.
  constexpr int kLayers = 6;
  for (int i = kLayers; i >= 1; --i) {
    const float spread = theme.px(1.0f * i);
    const float drop = theme.px(1.0f + 0.4f * i);
    draw->AddRectFilled(ImVec2(min.x - spread, min.y - spread + drop), ImVec2(max.x + spread, max.y + spread + drop),
                        with_alpha(kColorShadow, 0.014f), rounding + spread);
  }
  draw->AddRectFilled(min, max, fill, rounding);
}

void screen_heading(const Theme& theme, const char* title, const std::string& subtitle) {
  ImGui::PushFont(theme.fonts.big);
  ImGui::PushStyleColor(ImGuiCol_Text, kColorText);
  ImGui::TextUnformatted(title);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (!subtitle.empty()) {
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - theme.px(6));
    wrapped_text(theme.fonts.body, kColorTextSecondary, subtitle);
  }
  ImGui::Dummy(ImVec2(0, theme.px(6)));
}

void wrapped_text(ImFont* font, ImU32 color, std::string_view text) {
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  // Inside a card its wrap position holds; elsewhere wrap at the window's edge.
  const bool set_wrap = ImGui::GetCurrentWindow()->DC.TextWrapPos < 0.0f;
  if (set_wrap) ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  if (set_wrap) ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void centered_text(ImFont* font, ImU32 color, std::string_view text) {
  const float width = std::max(1.0f, content_width());
  const float left = ImGui::GetCursorPosX();
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  // Each line is its own item: keep the gap between them at a line's natural leading.
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, font->FontSize * 0.25f));
  const char* p = text.data();
  const char* end = text.data() + text.size();
  while (p < end) {
    const char* line_end = font->CalcWordWrapPositionA(1.0f, p, end, width);
    if (line_end == p) line_end = p + 1;  // never stall on a word wider than the line
    const char* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(line_end - p)));
    if (newline) line_end = newline;
    const float w = ImGui::CalcTextSize(p, line_end).x;
    ImGui::SetCursorPosX(left + std::max(0.0f, (width - w) * 0.5f));
    ImGui::TextUnformatted(p, line_end);
    p = line_end;
    while (p < end && (*p == ' ' || *p == '\n')) ++p;
  }
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void command_chip(const Theme& theme, const char* command) {
  ImGui::PushFont(theme.fonts.strong);
  const ImVec2 text = ImGui::CalcTextSize(command);
  const ImVec2 pad(theme.px(14), theme.px(9));
  const ImVec2 size(text.x + 2 * pad.x, text.y + 2 * pad.y);
  const float avail = content_width();
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - size.x) * 0.5f));
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), kColorAccentSoft, size.y * 0.5f);
  draw->AddText(ImVec2(min.x + pad.x, min.y + pad.y), kColorAccent, command);
  ImGui::Dummy(size);
  ImGui::PopFont();
}

std::string ellipsize(ImFont* font, float size, std::string_view raw, float max_width) {
  // One line: a line break inside a field (a title imported with one) becomes a space.
  std::string flat(raw);
  for (char& c : flat)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  const std::string_view text = flat;
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (font->CalcTextSizeA(size, FLT_MAX, 0, begin, end).x <= max_width) return std::string(text);
  static constexpr const char* kEllipsis = "\u2026";
  const float budget = max_width - font->CalcTextSizeA(size, FLT_MAX, 0, kEllipsis).x;
  size_t keep = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t next = std::min(text.size(), i + utf8_length(static_cast<unsigned char>(text[i])));
    if (font->CalcTextSizeA(size, FLT_MAX, 0, begin, begin + next).x > budget) break;
    keep = i = next;
  }
  while (keep > 0 && text[keep - 1] == ' ') --keep;
  return std::string(text.substr(0, keep)) + kEllipsis;
}

std::vector<std::string_view> wrap_lines(ImFont* font, float size, std::string_view text, float width) {
  std::vector<std::string_view> rows;
  const char* begin = text.data();
  const char* const end = begin + text.size();
  const float scale = size / font->FontSize;
  while (begin < end) {
    // ImGui's word wrap runs on across newlines: wrap each paragraph on its own.
    const char* paragraph_end = std::find(begin, end, '\n');
    if (paragraph_end == begin) {  // an empty line
      rows.emplace_back();
      ++begin;
      continue;
    }
    const char* stop = font->CalcWordWrapPositionA(scale, begin, paragraph_end, width);
    if (stop > paragraph_end) stop = paragraph_end;
    if (stop == begin) stop = begin + std::min<size_t>(utf8_length(static_cast<unsigned char>(*begin)), end - begin);
    const char* row_end = stop;
    while (row_end > begin && row_end[-1] == ' ') --row_end;
    rows.emplace_back(begin, static_cast<size_t>(row_end - begin));
    begin = stop;
    if (begin < end && *begin == '\n') ++begin;  // the break that ended this paragraph
    while (begin < end && *begin == ' ') ++begin;
  }
  return rows;
}

std::string initials(std::string_view name) {
  std::string first, last;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && !is_letter_start(static_cast<unsigned char>(name[i]))) ++i;
    if (i >= name.size()) break;
    size_t j = i;
    while (j < name.size() && name[j] != ' ') ++j;
    const std::string letter = first_letter(name.substr(i, j - i));
    if (first.empty())
      first = letter;
    else
      last = letter;
    i = j;
  }
  return first + last;
}

void draw_avatar(ImDrawList* draw, ImVec2 center, float radius, std::string_view name, const Theme& theme) {
  uint32_t hash = 2166136261u;  // FNV-1a: the same person always gets the same colour
  for (unsigned char c : name) hash = (hash ^ c) * 16777619u;
  draw->AddCircleFilled(center, radius, kAvatarColors[hash % std::size(kAvatarColors)], 40);
  const std::string letters = initials(drawable_text(name));  // "🚀 Ana" -> "A", not a blank
  ImFont* font = theme.fonts.strong;
  const float size = radius * 0.78f;
  const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0, letters.c_str());
  draw->AddText(font, size, ImVec2(center.x - text.x * 0.5f, center.y - text.y * 0.5f), with_alpha(kColorText, 0.75f),
                letters.c_str());
}

void draw_warmth_bar(ImDrawList* draw, ImVec2 min, ImVec2 max, float warmth) {
  warmth = std::clamp(std::isfinite(warmth) ? warmth : 0.0f, 0.0f, 1.0f);
  const float rounding = (max.y - min.y) * 0.5f;
  draw->AddRectFilled(min, max, kColorTrack, rounding);
  const float fill_width = std::max(max.y - min.y, (max.x - min.x) * warmth);
  draw->AddRectFilled(min, ImVec2(min.x + fill_width, max.y), kColorAccent, rounding);
}

void draw_icon(ImDrawList* draw, Icon icon, ImVec2 c, float size, ImU32 color, float t) {
  const float h = size * 0.5f;
  switch (icon) {
    case Icon::kToday: {  // a card with another peeking behind it: the daily deck
      draw->AddRect(ImVec2(c.x - h * 0.55f, c.y - h * 0.95f), ImVec2(c.x + h * 0.75f, c.y + h * 0.55f), color,
                    h * 0.25f, 0, t);
      draw->AddRectFilled(ImVec2(c.x - h * 0.8f, c.y - h * 0.5f), ImVec2(c.x + h * 0.5f, c.y + h), color, h * 0.25f);
      break;
    }
    case Icon::kContacts: {  // head and shoulders
      draw->AddCircle(ImVec2(c.x, c.y - h * 0.35f), h * 0.42f, color, 24, t);
      draw->PathArcTo(ImVec2(c.x, c.y + h * 0.95f), h * 0.78f, IM_PI * 1.1f, IM_PI * 1.9f, 20);
      draw->PathStroke(color, 0, t);
      break;
    }
    case Icon::kStrategy: {  // a target
      draw->AddCircle(c, h * 0.9f, color, 32, t);
      draw->AddCircle(c, h * 0.5f, color, 24, t);
      draw->AddCircleFilled(c, h * 0.18f, color, 12);
      break;
    }
    case Icon::kStats: {  // three bars
      const float w = h * 0.36f, base = c.y + h * 0.85f;
      const float heights[] = {0.8f, 1.5f, 1.1f};
      for (int i = 0; i < 3; ++i) {
        const float x = c.x + (i - 1) * h * 0.62f;
        draw->AddRectFilled(ImVec2(x - w * 0.5f, base - h * heights[i]), ImVec2(x + w * 0.5f, base), color, w * 0.3f);
      }
      break;
    }
    case Icon::kCheck: {
      draw->PathLineTo(ImVec2(c.x - h * 0.6f, c.y + h * 0.02f));
      draw->PathLineTo(ImVec2(c.x - h * 0.15f, c.y + h * 0.45f));
      draw->PathLineTo(ImVec2(c.x + h * 0.65f, c.y - h * 0.45f));
      draw->PathStroke(color, 0, t);
      break;
    }
    case Icon::kCompose: {  // a speech bubble
      draw->AddRect(ImVec2(c.x - h * 0.85f, c.y - h * 0.7f), ImVec2(c.x + h * 0.85f, c.y + h * 0.45f), color, h * 0.3f,
                    0, t);
      draw->AddTriangleFilled(ImVec2(c.x - h * 0.45f, c.y + h * 0.4f), ImVec2(c.x - h * 0.05f, c.y + h * 0.4f),
                              ImVec2(c.x - h * 0.5f, c.y + h * 0.85f), color);
      break;
    }
  }
}

namespace {

void draw_empty_card(const Theme& theme, Icon icon, const char* title, const std::string& body, const char* command,
                     const char* caption) {
  Card card(theme);
  ImGui::Dummy(ImVec2(0, theme.px(10)));
  // The icon sits in a soft accent circle, centred.
  const float radius = theme.px(34);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const ImVec2 center(top.x + card.content_width() * 0.5f, top.y + radius);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddCircleFilled(center, radius, kColorAccentSoft, 48);
  draw_icon(draw, icon, center, radius * 0.95f, kColorAccent, theme.px(2.4f));
  ImGui::Dummy(ImVec2(card.content_width(), radius * 2 + theme.px(14)));
  centered_text(theme.fonts.title, kColorText, title);
  ImGui::Dummy(ImVec2(0, theme.px(2)));
  centered_text(theme.fonts.body, kColorTextSecondary, body);
  if (command) {
    ImGui::Dummy(ImVec2(0, theme.px(10)));
    command_chip(theme, command);
  }
  if (caption) {
    ImGui::Dummy(ImVec2(0, theme.px(4)));
    centered_text(theme.fonts.small, kColorTextFaint, caption);
  }
  ImGui::Dummy(ImVec2(0, theme.px(8)));
}

}  // namespace

void empty_state(const Theme& theme, Icon icon, const char* title, const std::string& body, const char* command,
                 const char* caption) {
  // Centre the card in the space left, using its height from the previous frame (the
  // first frame draws it at the top; screenshots render a few frames so layout settles).
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID height_id = ImGui::GetID(title);
  const float last_height = storage->GetFloat(height_id, 0.0f);
  const float space = ImGui::GetContentRegionAvail().y;
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(theme.px(8), (space - last_height) * 0.38f));
  const float card_top = ImGui::GetCursorScreenPos().y;
  draw_empty_card(theme, icon, title, body, command, caption);
  storage->SetFloat(height_id, ImGui::GetItemRectMax().y - card_top);
}

void error_state(const Theme& theme, const char* title, const std::string& message) {
  Card card(theme);
  const float radius = theme.px(16);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 center(top.x + radius, top.y + radius);
  draw->AddCircleFilled(center, radius, kColorErrorSoft, 32);
  // An exclamation mark: a bar and a dot.
  draw->AddLine(ImVec2(center.x, center.y - radius * 0.5f), ImVec2(center.x, center.y + radius * 0.12f), kColorError,
                theme.px(2.6f));
  draw->AddCircleFilled(ImVec2(center.x, center.y + radius * 0.45f), theme.px(1.7f), kColorError, 12);
  ImGui::Dummy(ImVec2(radius * 2, radius * 2));
  ImGui::Dummy(ImVec2(0, theme.px(2)));
  wrapped_text(theme.fonts.title, kColorText, title);
  wrapped_text(theme.fonts.body, kColorTextSecondary, message);
}

namespace {

// The line a phrase check draws under its field (offer or topic).
std::string phrase_check_line(const Theme& theme, const core::OfferCheck& check) {
  std::string line;
  if (check.ok) {
    line = "Your drafts will say: \u201c" + check.sentence + "\u201d";
  } else if (!check.hint.empty()) {
    line = check.hint;
    if (!check.suggestion.empty()) line += " Try: \u201c" + check.suggestion + "\u201d";
  }
  if (!line.empty()) wrapped_text(theme.fonts.small, check.ok ? kColorTextSecondary : kColorAccent, line);
  return line;
}

}  // namespace

std::string offer_preview_line(const Theme& theme, std::string_view offer) {
  return phrase_check_line(theme, core::offer_preview(offer));
}

std::string topic_preview_line(const Theme& theme, std::string_view topic) {
  return phrase_check_line(theme, core::topic_preview(topic));
}

}  // namespace rekindle::app
