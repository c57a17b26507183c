#pragma once
// Small drawing pieces every screen shares: cards with a soft shadow, headings, avatars,
// the warmth meter, simple vector icons and the empty / error states.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "app/theme.h"

namespace rekindle::app {

// A white rounded card around everything drawn while it lives. The card's height follows
// its content: the content goes to a foreground draw channel and the card is painted
// behind it once its size is known.
class Card {
 public:
  // peek_behind: paint the edge of a second card below this one, as in a deck.
  explicit Card(const Theme& theme, ImU32 fill = kColorCard, bool peek_behind = false);
  ~Card();
  Card(const Card&) = delete;
  Card& operator=(const Card&) = delete;
  // Width available to the content (card width minus padding).
  float content_width() const { return content_width_; }

 private:
  const Theme& theme_;
  ImU32 fill_;
  bool peek_behind_;
  ImVec2 start_;
  float width_ = 0, content_width_ = 0;
};

// Paints a card's shadow and body on a draw list (for rows drawn without a Card scope).
void paint_card(ImDrawList* draw, ImVec2 min, ImVec2 max, const Theme& theme, ImU32 fill = kColorCard);

// Screen heading: a big title, and a secondary line under it when subtitle is not empty.
void screen_heading(const Theme& theme, const char* title, const std::string& subtitle);
// Text in a font and colour, wrapped to the available width.
void wrapped_text(ImFont* font, ImU32 color, std::string_view text);
// Under an offer field: the sentence the offer gives in a draft ("Your drafts will say: ..."),
// or why it cannot be used as written, with a rewrite when one is obvious. Draws nothing for
// an empty offer. Returns the line drawn.
std::string offer_preview_line(const Theme& theme, std::string_view offer);
// The same under a topic field: "Your drafts will say: I still remember our conversation
// about orbital mechanics.", or how to say it as a noun phrase.
std::string topic_preview_line(const Theme& theme, std::string_view topic);
// Text centred on the available width, word-wrapped line by line.
void centered_text(ImFont* font, ImU32 color, std::string_view text);
// A pill with a command the user can type, e.g. "rekindle import FILE", centred.
void command_chip(const Theme& theme, const char* command);

// text cut to fit max_width in font at size, ending in "…" when cut (UTF-8 safe).
std::string ellipsize(ImFont* font, float size, std::string_view text, float max_width);

// text broken into lines no wider than width in font at size: at its line breaks ('\n',
// an empty line kept as an empty row) and between words. Views pointing into text.
std::vector<std::string_view> wrap_lines(ImFont* font, float size, std::string_view text, float width);

// One or two upper-case initials from a display name ("Ada Lovelace" -> "AL"), UTF-8 aware.
std::string initials(std::string_view name);
// A round avatar with the name's initials on a soft colour picked from the name.
void draw_avatar(ImDrawList* draw, ImVec2 center, float radius, std::string_view name, const Theme& theme);
// A horizontal warmth meter, warmth in [0,1]: a track with a fill that warms from slate
// (cold) to the accent (warm).
void draw_warmth_bar(ImDrawList* draw, ImVec2 min, ImVec2 max, float warmth);

enum class Icon { kToday, kContacts, kStrategy, kStats, kCheck, kCompose };
// Line icons drawn with the draw list, in a square of side size centred on center.
void draw_icon(ImDrawList* draw, Icon icon, ImVec2 center, float size, ImU32 color, float thickness);

// A centred card with an icon in a soft circle, a title, a body and an optional command.
void empty_state(const Theme& theme, Icon icon, const char* title, const std::string& body,
                 const char* command = nullptr, const char* caption = nullptr);
// A card that tells the user what went wrong, in words.
void error_state(const Theme& theme, const char* title, const std::string& message);

}  // namespace rekindle::app
