#include "app/view_today.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "app/ui_widgets.h"
#include "core/compose_context.h"

namespace rekindle::app {
namespace {

// Motion. The fly-out is eased over a fixed time; the spring brings a released or returning
// card home. Both are driven by ImGui's clock, so they take as long at 30 Hz as at 144 Hz.
constexpr float kFlyOutSeconds = 0.22f;
constexpr float kSpringOmega = 30.0f;  // critically damped: home in about 0.25 s
// How far the card leans into a touchpad gesture before it completes (card widths).
constexpr float kScrollPreview = 0.3f;
// Space under the card for the four hints, and for the toast of the last decision.
constexpr float kHintsHeight = 74.0f;
constexpr float kToastHeight = 46.0f;

struct DirectionStyle {
  core::SwipeDirection direction;
  const char* verb;   // on the hint under the card
  const char* stamp;  // on the card while it is dragged that way
  ImU32 color;
};

// In the order the hints sit under the card.
constexpr DirectionStyle kDirections[] = {
    {core::SwipeDirection::left, "Snooze", "LATER", kColorSnooze},
    {core::SwipeDirection::down, "Archive", "ARCHIVE", kColorArchive},
    {core::SwipeDirection::up, "Star", "STAR", kColorStar},
    {core::SwipeDirection::right, "Reach out", "REACH OUT", kColorReachOut},
};

const DirectionStyle& style_of(core::SwipeDirection direction) {
  for (const auto& s : kDirections)
    if (s.direction == direction) return s;
  return kDirections[0];
}

core::Direction session_direction(core::SwipeDirection direction) {
  switch (direction) {
    case core::SwipeDirection::right:
      return core::Direction::right;
    case core::SwipeDirection::left:
      return core::Direction::left;
    case core::SwipeDirection::up:
      return core::Direction::up;
    case core::SwipeDirection::down:
      return core::Direction::down;
  }
  return core::Direction::skip;
}

std::optional<core::SwipeDirection> swipe_of(core::Direction direction) {
  switch (direction) {
    case core::Direction::right:
      return core::SwipeDirection::right;
    case core::Direction::left:
      return core::SwipeDirection::left;
    case core::Direction::up:
      return core::SwipeDirection::up;
    case core::Direction::down:
      return core::SwipeDirection::down;
    case core::Direction::skip:
      return std::nullopt;
  }
  return std::nullopt;
}

ImU32 with_alpha(ImU32 color, float alpha) {
  const int a = static_cast<int>(((color >> IM_COL32_A_SHIFT) & 0xFF) * std::clamp(alpha, 0.0f, 1.0f));
  return (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(a) << IM_COL32_A_SHIFT);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
  const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(
      ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

// Core's reasons are phrases ("never contacted yet"); on a card they start a sentence.
std::string sentence_case(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// Moves, turns and scales the vertices drawn since vtx_start around pivot: the card and
// everything on it move as one piece, whatever drew them.
void transform_since(ImDrawList* draw, int vtx_start, ImVec2 pivot, float angle, ImVec2 offset, float scale) {
  const float c = std::cos(angle) * scale, s = std::sin(angle) * scale;
  for (int i = vtx_start; i < draw->VtxBuffer.Size; ++i) {
    ImVec2& p = draw->VtxBuffer[i].pos;
    const float x = p.x - pivot.x, y = p.y - pivot.y;
    p = ImVec2(pivot.x + x * c - y * s + offset.x, pivot.y + x * s + y * c + offset.y);
  }
}

float text_width(ImFont* font, std::string_view text) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

void text_centered(ImDrawList* draw, ImFont* font, float center_x, float y, ImU32 color, const std::string& text,
                   float max_width) {
  const std::string shown = ellipsize(font, font->FontSize, text, max_width);
  draw->AddText(font, font->FontSize, ImVec2(center_x - text_width(font, shown) * 0.5f, y), color, shown.c_str());
}

// Draws text wrapped to width, at most max_lines lines (the last cut with "…"); returns its height.
float wrapped_block(ImDrawList* draw, ImFont* font, ImVec2 pos, float width, int max_lines, ImU32 color,
                    std::string text) {
  if (max_lines <= 0 || text.empty()) return 0;
  const float line = font->FontSize * 1.25f;
  auto height_of = [&](const std::string& t) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, t.c_str()).y;
  };
  if (height_of(text) > font->FontSize * max_lines + 1) {
    // Shorten word by word until it fits, then mark the cut.
    while (!text.empty() && height_of(text + "\u2026") > font->FontSize * max_lines + 1) {
      const size_t space = text.find_last_of(' ');
      text.resize(space == std::string::npos ? text.size() - 1 : space);
    }
    text += "\u2026";
  }
  // ImGui's wrapped text has no line spacing setting; draw it line by line for air.
  float y = pos.y;
  for (const std::string_view row : wrap_lines(font, font->FontSize, text, width)) {
    draw->AddText(font, font->FontSize, ImVec2(pos.x, y), color, row.data(), row.data() + row.size());
    y += line;
  }
  return y - pos.y;
}

// A straight arrow with an open head, pointing in a swipe direction.
void draw_arrow(ImDrawList* draw, ImVec2 center, float size, core::SwipeDirection direction, ImU32 color,
                float thickness) {
  ImVec2 d(0, 0);
  switch (direction) {
    case core::SwipeDirection::right:
      d = ImVec2(1, 0);
      break;
    case core::SwipeDirection::left:
      d = ImVec2(-1, 0);
      break;
    case core::SwipeDirection::up:
      d = ImVec2(0, -1);
      break;
    case core::SwipeDirection::down:
      d = ImVec2(0, 1);
      break;
  }
  const float h = size * 0.5f;
  const ImVec2 tip(center.x + d.x * h, center.y + d.y * h), tail(center.x - d.x * h, center.y - d.y * h);
  draw->AddLine(tail, tip, color, thickness);
  const ImVec2 n(-d.y, d.x);  // perpendicular
  const float head = size * 0.38f;
  draw->AddLine(tip, ImVec2(tip.x - d.x * head + n.x * head, tip.y - d.y * head + n.y * head), color, thickness);
  draw->AddLine(tip, ImVec2(tip.x - d.x * head - n.x * head, tip.y - d.y * head - n.y * head), color, thickness);
}

// A small upper-case caption with a coloured dot, heading a section of the card.
void section_label(ImDrawList* draw, const Theme& theme, ImVec2 pos, const char* label, ImU32 dot) {
  draw->AddCircleFilled(ImVec2(pos.x + theme.px(3), pos.y + theme.fonts.small->FontSize * 0.55f), theme.px(3), dot);
  draw->AddText(theme.fonts.small, theme.fonts.small->FontSize, ImVec2(pos.x + theme.px(12), pos.y),
                kColorTextSecondary, label);
}

CardDetails read_details(core::Store& store, int64_t contact_id, core::Day day) {
  CardDetails details;
  auto context = core::load_compose_context(store, contact_id, day);
  if (!context) return details;
  const core::Contact& c = context->contact;
  for (auto it = context->interactions.rbegin(); it != context->interactions.rend(); ++it)
    if (!it->note.empty()) {
      details.last_note = it->note;
      break;
    }
  if (details.last_note.empty()) details.last_note = c.notes;
  if (context->goal_link) {
    details.offer = context->goal_link->offer;
    details.can_help = context->goal_link->can_help;
  }
  for (const auto& e : c.emails) details.lines.push_back(e.value);
  for (const auto& p : c.phones) details.lines.push_back(p.value);
  for (const auto& u : c.urls) details.lines.push_back(u.value);
  if (!c.tags.empty()) {
    std::string tags;
    for (const auto& t : c.tags) tags += (tags.empty() ? "#" : "  #") + t;
    details.lines.push_back(tags);
  }
  if (c.photo) details.photo = c.photo->bytes;
  return details;
}

CardDetails& details_for(TodayModel& model, int64_t contact_id) {
  auto it = model.details.find(contact_id);
  if (it == model.details.end()) {
    CardDetails details = model.store ? read_details(*model.store, contact_id, model.day) : CardDetails{};
    it = model.details.emplace(contact_id, std::move(details)).first;
  }
  CardDetails& d = it->second;
  if (model.textures && !d.texture_tried && !d.photo.empty()) {
    d.texture_tried = true;
    d.texture = platform::texture_from_image(d.photo);
  }
  return d;
}

// The avatar: the contact's photo drawn round, or coloured initials.
void draw_face(ImDrawList* draw, ImVec2 center, float radius, const core::Card& card, const CardDetails& details,
               const Theme& theme) {
  if (details.texture) {
    const ImTextureID id = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(details.texture->id));
    draw->AddImageRounded(id, ImVec2(center.x - radius, center.y - radius),
                          ImVec2(center.x + radius, center.y + radius), ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE,
                          radius);
  } else {
    draw_avatar(draw, center, radius, card.name, theme);
  }
  // A white ring lifts the face off the card.
  draw->AddCircle(center, radius, kColorCard, 0, theme.px(3));
}

// One card's face in the rectangle [min, min + size] (before any transform).
void draw_card_face(ImDrawList* draw, const core::Card& card, const CardDetails& details, ImVec2 min, ImVec2 size,
                    const Theme& theme, std::optional<core::DragHint> hint) {
  const ImVec2 max(min.x + size.x, min.y + size.y);
  paint_card(draw, min, max, theme);
  const float pad = theme.px(22);
  const float width = size.x - 2 * pad;
  const float cx = min.x + size.x * 0.5f;
  float y = min.y + pad;

  // A soft band of colour across the top, in the avatar's spirit: a card, not a form.
  draw->AddRectFilled(min, ImVec2(max.x, min.y + theme.px(64)), kColorAccentSoft, theme.px(kCardRounding),
                      ImDrawFlags_RoundCornersTop);
  if (card.kind == core::CardKind::reactivation) {
    const char* chip = "Worth rekindling";
    ImFont* f = theme.fonts.small;
    const float w = text_width(f, chip) + theme.px(20);
    const ImVec2 a(min.x + theme.px(14), min.y + theme.px(14));
    draw->AddRectFilled(a, ImVec2(a.x + w, a.y + theme.px(24)), kColorCard, theme.px(12));
    draw->AddText(f, f->FontSize, ImVec2(a.x + theme.px(10), a.y + (theme.px(24) - f->FontSize) * 0.5f), kColorAccent,
                  chip);
  }
  if (card.suggest_rethink) {
    const char* chip = "Snoozed often";
    ImFont* f = theme.fonts.small;
    const float w = text_width(f, chip) + theme.px(20);
    const ImVec2 a(max.x - theme.px(14) - w, min.y + theme.px(14));
    draw->AddRectFilled(a, ImVec2(a.x + w, a.y + theme.px(24)), kColorCard, theme.px(12));
    draw->AddText(f, f->FontSize, ImVec2(a.x + theme.px(10), a.y + (theme.px(24) - f->FontSize) * 0.5f), kColorSnooze,
                  chip);
  }

  const float radius = theme.px(46);
  y = min.y + theme.px(18);
  draw_face(draw, ImVec2(cx, y + radius), radius, card, details, theme);
  y += 2 * radius + theme.px(12);
  text_centered(draw, theme.fonts.title, cx, y, kColorText, card.name, width);
  y += theme.fonts.title->FontSize + theme.px(6);
  std::string role = card.title;
  if (!card.company.empty()) role += (role.empty() ? "" : " at ") + card.company;
  if (!role.empty()) {
    text_centered(draw, theme.fonts.body, cx, y, kColorTextSecondary, role, width);
    y += theme.fonts.body->FontSize + theme.px(4);
  }
  std::string since = time_since_label(card.days_since);
  if (!since.empty()) since[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(since[0])));
  text_centered(draw, theme.fonts.small, cx, y, kColorTextFaint, sentence_case(since), width);
  y += theme.fonts.small->FontSize + theme.px(16);

  // Warmth: a small meter with its figure.
  {
    ImFont* label_font = theme.fonts.small;
    ImFont* strong = theme.fonts.strong;
    char percent[16];
    std::snprintf(percent, sizeof percent, "%d%%", static_cast<int>(card.warmth * 100.0 + 0.5));
    const float label_w = text_width(label_font, "Warmth") + theme.px(12);
    const float percent_w = text_width(strong, "100%");
    const float line_h = strong->FontSize;
    const float x0 = min.x + pad;
    draw->AddText(label_font, label_font->FontSize, ImVec2(x0, y + (line_h - label_font->FontSize) * 0.5f),
                  kColorTextSecondary, "Warmth");
    const float bar_h = theme.px(8);
    draw_warmth_bar(draw, ImVec2(x0 + label_w, y + (line_h - bar_h) * 0.5f),
                    ImVec2(min.x + size.x - pad - percent_w - theme.px(10), y + (line_h + bar_h) * 0.5f),
                    static_cast<float>(card.warmth));
    draw->AddText(strong, strong->FontSize, ImVec2(min.x + size.x - pad - text_width(strong, percent), y), kColorText,
                  percent);
    y += line_h + theme.px(14);
  }
  draw->AddLine(ImVec2(min.x + pad, y), ImVec2(max.x - pad, y), kColorDivider, theme.px(1));
  y += theme.px(14);

  // The sections share what height is left, the reason first.
  struct Section {
    const char* label;
    std::string text;
    ImU32 dot;
  };
  std::vector<Section> sections;
  if (!card.reason.empty())
    sections.push_back({card.kind == core::CardKind::reactivation ? "WHY REKINDLE" : "WHY TODAY",
                        sentence_case(card.reason), kColorAccent});
  if (!details.last_note.empty()) sections.push_back({"LAST NOTE", details.last_note, kColorSnooze});
  if (!details.offer.empty())
    sections.push_back({"WHAT I CAN OFFER", details.offer, kColorReachOut});
  else if (!details.can_help.empty())
    sections.push_back({"HOW THEY COULD HELP", details.can_help, kColorStar});
  const float bottom = max.y - pad;
  ImFont* body = theme.fonts.body;
  const float line = body->FontSize * 1.25f;
  for (const auto& section : sections) {
    const float label_h = theme.fonts.small->FontSize + theme.px(6);
    const int lines = static_cast<int>((bottom - y - label_h) / line);
    if (lines < 1) break;
    section_label(draw, theme, ImVec2(min.x + pad, y), section.label, section.dot);
    y += label_h;
    y += wrapped_block(draw, body, ImVec2(min.x + pad, y), width, std::min(lines, 4), kColorText, section.text);
    y += theme.px(12);
  }

  // While dragged: the direction's colour washes over the card and its stamp fades in.
  if (hint && hint->direction && hint->strength > 0) {
    const DirectionStyle& s = style_of(*hint->direction);
    const float a = hint->strength;
    draw->AddRectFilled(min, max, with_alpha(s.color, 0.16f * a), theme.px(kCardRounding));
    draw->AddRect(min, max, with_alpha(s.color, a), theme.px(kCardRounding), 0, theme.px(3));
    ImFont* f = theme.fonts.title;
    const float w = text_width(f, s.stamp) + theme.px(28);
    const float h = f->FontSize + theme.px(16);
    const ImVec2 a0(cx - w * 0.5f, min.y + theme.px(120));
    draw->AddRectFilled(a0, ImVec2(a0.x + w, a0.y + h), with_alpha(kColorCard, 0.9f * a), theme.px(10));
    draw->AddRect(a0, ImVec2(a0.x + w, a0.y + h), with_alpha(s.color, a), theme.px(10), 0, theme.px(2.5f));
    draw->AddText(f, f->FontSize, ImVec2(a0.x + theme.px(14), a0.y + theme.px(8)), with_alpha(s.color, a), s.stamp);
  }
}

// ---- Commands --------------------------------------------------------------------------

void start_fly_out(TodayModel& model, const core::Card& card, core::SwipeDirection direction, core::Vec2 from) {
  model.fly_out = FlyOut{card, direction, from, ImGui::GetTime()};
  model.card = core::Spring{};  // the next card is already in place
}

// Sends a swipe to the session. The decision is committed before this returns, so the next
// frame draws the next card from the store's truth.
void swipe(TodayModel& model, core::SwipeDirection direction, core::Vec2 from, TodayFrame& frame,
           core::SnoozeChoice snooze = core::SnoozeChoice::week) {
  if (!model.session || !model.session->current()) return;
  const core::Card card = *model.session->current();
  auto outcome = model.session->decide(session_direction(direction), snooze);
  frame.command = core::command_for(direction);
  if (!outcome) {
    model.notice = outcome.error();
    return;
  }
  model.notice.clear();
  model.last = *outcome;
  start_fly_out(model, card, direction, from);
  if (direction == core::SwipeDirection::right) frame.reach_out = card.contact_id;
}

void undo(TodayModel& model, TodayFrame& frame) {
  if (!model.session) return;
  frame.command = core::DeckCommand::undo;
  auto undone = model.session->undo();
  if (!undone) {
    model.notice = undone.error();
    return;
  }
  model.last.reset();
  if (!*undone) {
    model.notice = "Nothing to undo.";
    return;
  }
  model.notice.clear();
  model.fly_out.reset();
  // The card comes back from where it left, on top.
  if (auto direction = swipe_of((*undone)->direction)) {
    const ImVec2 view = ImGui::GetIO().DisplaySize;
    const core::Vec2 far = core::fly_out_target(*direction, {view.x, view.y});
    model.card = core::Spring{{far.x * 0.6f, far.y * 0.6f}, {}};
  }
}

// A different snooze for the card just snoozed: undo, then snooze again with the choice.
void resnooze(TodayModel& model, core::SnoozeChoice choice, TodayFrame& frame) {
  if (!model.session || !model.last || model.last->direction != core::Direction::left) return;
  const int64_t contact = model.last->contact_id;
  auto undone = model.session->undo();
  if (!undone || !*undone || !model.session->current() || model.session->current()->contact_id != contact) {
    model.notice = "Could not change the snooze.";
    return;
  }
  auto outcome = model.session->decide(core::Direction::left, choice);
  frame.command = core::DeckCommand::swipe_left;
  if (!outcome) {
    model.notice = outcome.error();
    return;
  }
  model.last = *outcome;
}

void run_command(TodayModel& model, core::DeckCommand command, TodayFrame& frame) {
  switch (command) {
    case core::DeckCommand::none:
      return;
    case core::DeckCommand::help:
      model.overlay = model.overlay == TodayOverlay::kHelp ? TodayOverlay::kNone : TodayOverlay::kHelp;
      return;
    case core::DeckCommand::close:
      model.overlay = TodayOverlay::kNone;
      return;
    case core::DeckCommand::details:
      if (model.state == TodayState::kDeck)
        model.overlay = model.overlay == TodayOverlay::kDetails ? TodayOverlay::kNone : TodayOverlay::kDetails;
      return;
    case core::DeckCommand::undo:
      model.overlay = TodayOverlay::kNone;
      undo(model, frame);
      return;
    default:
      break;
  }
  // Swipes act on the card in view: not through an overlay.
  if (model.overlay != TodayOverlay::kNone) return;
  if (auto direction = core::direction_of(command)) swipe(model, *direction, model.card.position, frame);
}

void handle_input(TodayModel& model, const platform::InputEvents& events, TodayFrame& frame) {
  for (const auto& event : events.keys) {
    if (event.repeat) continue;  // holding a key must not clear the deck
    core::KeyStroke stroke = key_stroke(event);
    // '?' is a character on every layout; the Shift+/ key press is the US one and would double it.
    if (stroke.name == core::KeyName::character && stroke.character == '/' && stroke.shift) continue;
    run_command(model, core::command_for_key(stroke), frame);
  }
  for (unsigned int c : events.characters)
    if (c == '?') run_command(model, core::DeckCommand::help, frame);
  const double now = ImGui::GetTime();
  for (const auto& scroll : events.scrolls) {
    if (model.overlay != TodayOverlay::kNone || model.state != TodayState::kDeck) break;
    if (auto direction = model.scroll.feed(scroll.x, scroll.y, now)) {
      const core::Vec2 from = model.card.position;
      swipe(model, *direction, from, frame);
    }
  }
}

// ---- Drawing ---------------------------------------------------------------------------

// The card's offset while a touchpad gesture is building up: it leans towards the fingers.
core::Vec2 scroll_lean(const TodayModel& model, float card_width) {
  const core::Vec2 pending = model.scroll.pending(ImGui::GetTime());
  const float per_unit = kScrollPreview * card_width / model.scroll.tuning().threshold;
  return {pending.x * per_unit, pending.y * per_unit / model.scroll.tuning().vertical_factor};
}

void draw_progress(const TodayModel& model, const Theme& theme) {
  const core::ReviewSession& s = *model.session;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImFont* strong = theme.fonts.strong;
  ImFont* small = theme.fonts.small;
  const std::string progress = s.progress_text();
  draw->AddText(strong, strong->FontSize, at, kColorAccent, progress.c_str());
  const std::string left = std::to_string(s.remaining()) + " left  \u00b7  ? for keys";
  draw->AddText(small, small->FontSize,
                ImVec2(at.x + width - text_width(small, left), at.y + (strong->FontSize - small->FontSize) * 0.5f),
                kColorTextSecondary, left.c_str());
  const float bar_y = at.y + strong->FontSize + theme.px(8);
  const float fraction = s.total() > 0 ? static_cast<float>(s.decided()) / static_cast<float>(s.total()) : 0.0f;
  draw->AddRectFilled(ImVec2(at.x, bar_y), ImVec2(at.x + width, bar_y + theme.px(4)), kColorTrack, theme.px(2));
  if (fraction > 0)
    draw->AddRectFilled(ImVec2(at.x, bar_y), ImVec2(at.x + width * fraction, bar_y + theme.px(4)), kColorAccent,
                        theme.px(2));
  ImGui::Dummy(ImVec2(width, strong->FontSize + theme.px(20)));
}

// The four hints under the card; each is also a button for mouse users.
void draw_hints(TodayModel& model, const Theme& theme, TodayFrame& frame, bool enabled) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float cell = width / static_cast<float>(std::size(kDirections));
  const float r = theme.px(21);
  for (size_t i = 0; i < std::size(kDirections); ++i) {
    const DirectionStyle& s = kDirections[i];
    const ImVec2 cell_min(at.x + cell * i, at.y);
    ImGui::SetCursorScreenPos(cell_min);
    ImGui::PushID(static_cast<int>(i));
    const bool clicked = ImGui::InvisibleButton("hint", ImVec2(cell, theme.px(kHintsHeight - 8)));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    if (clicked && enabled) {
      swipe(model, s.direction, model.card.position, frame);
    }
    const ImVec2 c(cell_min.x + cell * 0.5f, at.y + theme.px(6) + r);
    draw->AddCircleFilled(c, r, hovered ? mix(kColorCard, s.color, 0.18f) : kColorCard, 32);
    draw->AddCircle(c, r, with_alpha(s.color, 0.35f), 32, theme.px(1.5f));
    draw_arrow(draw, c, theme.px(16), s.direction, s.color, theme.px(2.2f));
    ImFont* f = theme.fonts.small;
    draw->AddText(f, f->FontSize, ImVec2(c.x - text_width(f, s.verb) * 0.5f, c.y + r + theme.px(5)),
                  kColorTextSecondary, s.verb);
  }
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + theme.px(kHintsHeight)));
}

// What the last decision did, with Undo (and for a snooze, the other intervals).
void draw_toast(TodayModel& model, const Theme& theme, TodayFrame& frame) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::Dummy(ImVec2(width, theme.px(kToastHeight)));
  if (!model.last && model.notice.empty()) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float h = theme.px(38);
  const ImVec2 min(at.x, at.y + theme.px(2)), max(at.x + width, at.y + theme.px(2) + h);
  draw->AddRectFilled(min, max, kColorText, h * 0.5f);
  ImFont* f = theme.fonts.small;
  const float ty = min.y + (h - f->FontSize) * 0.5f;
  if (!model.last) {
    draw->AddText(f, f->FontSize, ImVec2(min.x + theme.px(16), ty), kColorCard,
                  ellipsize(f, f->FontSize, model.notice, width - theme.px(32)).c_str());
    return;
  }
  const core::DecisionOutcome& o = *model.last;
  std::string what;
  switch (o.direction) {
    case core::Direction::right:
      what = "Reaching out to ";
      break;
    case core::Direction::left:
      what = "Snoozed ";
      break;
    case core::Direction::up:
      what = "Starred ";
      break;
    case core::Direction::down:
      what = "Archived ";
      break;
    case core::Direction::skip:
      what = "Skipped ";
      break;
  }
  // Buttons from the right: Undo, then for a snooze the intervals to switch to.
  struct Chip {
    const char* label;
    int action;  // 0 undo, else a snooze choice + 1
  };
  std::vector<Chip> chips = {{"Undo", 0}};
  if (o.direction == core::Direction::left) {
    const int days = o.due ? o.due->value - o.day.value : 7;
    if (days != core::snooze_days(core::SnoozeChoice::quarter)) chips.push_back({"3 mo", 3});
    if (days != core::snooze_days(core::SnoozeChoice::month)) chips.push_back({"1 mo", 2});
    if (days != core::snooze_days(core::SnoozeChoice::week)) chips.push_back({"1 wk", 1});
    what += o.name + (days >= 80 ? " for 3 months" : days >= 28 ? " for a month" : " for a week");
  } else {
    what += o.name;
  }
  float right = max.x - theme.px(6);
  for (const Chip& chip : chips) {
    const float w = text_width(theme.fonts.strong, chip.label) + theme.px(20);
    const ImVec2 cmin(right - w, min.y + theme.px(5)), cmax(right, max.y - theme.px(5));
    ImGui::SetCursorScreenPos(cmin);
    ImGui::PushID(chip.action);
    const bool clicked = ImGui::InvisibleButton("toast", ImVec2(w, cmax.y - cmin.y));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    const ImU32 fg = chip.action == 0 ? kColorAccent : kColorCard;
    if (hovered || chip.action != 0)
      draw->AddRectFilled(cmin, cmax, with_alpha(kColorCard, hovered ? 0.22f : 0.12f), (cmax.y - cmin.y) * 0.5f);
    ImFont* sf = theme.fonts.strong;
    draw->AddText(sf, sf->FontSize, ImVec2(cmin.x + theme.px(10), min.y + (h - sf->FontSize) * 0.5f), fg, chip.label);
    right = cmin.x - theme.px(4);
    if (clicked) {
      if (chip.action == 0)
        undo(model, frame);
      else
        resnooze(model, static_cast<core::SnoozeChoice>(chip.action - 1), frame);
      break;
    }
  }
  if (model.last)
    draw->AddText(f, f->FontSize, ImVec2(min.x + theme.px(16), ty), kColorCard,
                  ellipsize(f, f->FontSize, what, right - min.x - theme.px(20)).c_str());
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + theme.px(kToastHeight)));
}

void draw_deck(TodayModel& model, const Theme& theme, TodayFrame& frame) {
  draw_progress(model, theme);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float card_w = avail.x;
  // Leave room for the card behind to peek out under this one.
  const float card_h = std::max(theme.px(260), avail.y - theme.px(kHintsHeight + kToastHeight + kDeckPeek + 14));
  const ImVec2 size(card_w, card_h);
  const ImVec2 pivot(origin.x + card_w * 0.5f, origin.y + card_h * 0.5f);
  const double now = ImGui::GetTime();
  const float dt = ImGui::GetIO().DeltaTime;
  const bool overlay = model.overlay != TodayOverlay::kNone;

  // The drag surface is the card at rest; hit-testing uses where the press began.
  ImGui::SetCursorScreenPos(origin);
  ImGui::InvisibleButton("##card", size);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (!overlay && ImGui::IsItemActivated()) model.drag.begin({mouse.x, mouse.y}, now);
  if (model.drag.active() && ImGui::IsItemActive()) model.drag.move({mouse.x, mouse.y}, now);
  if (model.drag.active() && ImGui::IsItemDeactivated()) {
    const core::Vec2 released = model.drag.offset();
    if (auto direction = model.drag.release(now, card_w)) {
      swipe(model, *direction, released, frame);
    } else {
      model.card.position = released;  // and the spring brings it home
      model.card.velocity = {};
      // A press that hardly moved is a tap: show the details.
      if (std::fabs(released.x) < theme.px(4) && std::fabs(released.y) < theme.px(4))
        model.overlay = TodayOverlay::kDetails;
    }
  }

  // Where the top card is this frame.
  core::Vec2 offset;
  if (model.drag.active()) {
    offset = model.drag.offset();
  } else {
    const core::Vec2 target = scroll_lean(model, card_w);
    model.card.step(target, dt, kSpringOmega);
    if (model.card.settled(target)) model.card = core::Spring{target, {}};
    offset = model.card.position;
    frame.animating |= !model.card.settled(target) || target.x != 0 || target.y != 0;
  }
  const core::DragHint hint = core::drag_hint(offset, card_w);

  const core::ReviewSession& session = *model.session;
  const core::Card* top = session.current();
  const core::Card* next = session.next();
  // A card on the move may cross the page margins on its way off the screen.
  draw->PushClipRect(ImVec2(0, 0), ImGui::GetIO().DisplaySize, false);
  // Behind: the next card, a little smaller and lower, growing into place as the top one leaves.
  if (next) {
    const float reveal = top ? hint.strength : 1.0f;
    const float scale = 0.94f + 0.06f * reveal;
    const int start = draw->VtxBuffer.Size;
    draw_card_face(draw, *next, details_for(model, next->contact_id), origin, size, theme, std::nullopt);
    // Scaled about its bottom edge and lowered, so a strip of it shows under the top card.
    transform_since(draw, start, ImVec2(pivot.x, origin.y + card_h), 0, ImVec2(0, theme.px(kDeckPeek) * (1 - reveal)),
                    scale);
  }
  if (top) {
    const int start = draw->VtxBuffer.Size;
    draw_card_face(draw, *top, details_for(model, top->contact_id), origin, size, theme, hint);
    transform_since(draw, start, ImVec2(pivot.x, origin.y + card_h), core::drag_rotation(offset, card_w),
                    ImVec2(offset.x, offset.y), 1.0f);
    frame.top_contact = top->contact_id;
  }
  // On top of all: the card just decided, on its way out.
  if (model.fly_out) {
    const float t = static_cast<float>((now - model.fly_out->start) / kFlyOutSeconds);
    if (t >= 1.0f) {
      model.fly_out.reset();
    } else {
      const ImVec2 view = ImGui::GetIO().DisplaySize;
      const core::Vec2 to = core::fly_out_target(model.fly_out->direction, {view.x, view.y});
      const float e = core::ease_out(t);
      const core::Vec2 from = model.fly_out->from;
      const core::Vec2 at{from.x + (to.x - from.x) * e, from.y + (to.y - from.y) * e};
      const int start = draw->VtxBuffer.Size;
      core::DragHint full{model.fly_out->direction, 1.0f};
      draw_card_face(draw, model.fly_out->card, details_for(model, model.fly_out->card.contact_id), origin, size, theme,
                     full);
      transform_since(draw, start, ImVec2(pivot.x, origin.y + card_h), core::drag_rotation(at, card_w),
                      ImVec2(at.x, at.y), 1.0f);
      frame.animating = true;
    }
  }
  draw->PopClipRect();
  if (model.drag.active()) frame.animating = true;

  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + card_h + theme.px(kDeckPeek + 14)));
  draw_hints(model, theme, frame, !overlay);
  draw_toast(model, theme, frame);
}

// The end of the session: what was done, the streak, and what tomorrow holds.
void draw_summary(TodayModel& model, const Theme& theme, TodayFrame& frame) {
  const core::SessionSummary& s = model.session->summary();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float pad = theme.px(22);
  // Content first on the top channel; the card behind it once its height is known.
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  const float cx = at.x + width * 0.5f;
  float y = at.y + pad;
  const float r = theme.px(30);
  draw->AddCircleFilled(ImVec2(cx, y + r), r, kColorAccentSoft, 48);
  draw_icon(draw, Icon::kCheck, ImVec2(cx, y + r), theme.px(26), kColorAccent, theme.px(2.6f));
  y += 2 * r + theme.px(14);
  text_centered(draw, theme.fonts.big, cx, y, kColorText, s.reviewed > 0 ? "Deck cleared" : "All caught up",
                width - 2 * pad);
  y += theme.fonts.big->FontSize + theme.px(6);
  const std::string people = model.contact_count == 1 ? "1 person" : std::to_string(model.contact_count) + " people";
  const std::string lines[] = {
      s.reviewed > 0 ? "You went through " + std::to_string(s.reviewed) + " today." : "Nobody needs a nudge today.",
      s.reviewed > 0 ? "Well done." : "Your network of " + people + " is resting."};
  for (const auto& line : lines) {
    text_centered(draw, theme.fonts.body, cx, y, kColorTextSecondary, line, width - 2 * pad);
    y += theme.fonts.body->FontSize + theme.px(4);
  }
  y += theme.px(14);

  if (s.reviewed > 0) {
    const struct {
      const char* label;
      int count;
      ImU32 color;
    } tiles[] = {{core::decision_kind(core::Direction::right).counted, s.count(core::Direction::right), kColorReachOut},
                 {core::decision_kind(core::Direction::left).counted, s.count(core::Direction::left), kColorSnooze},
                 {core::decision_kind(core::Direction::up).counted, s.count(core::Direction::up), kColorStar},
                 {core::decision_kind(core::Direction::down).counted, s.count(core::Direction::down), kColorArchive}};
    const float gap = theme.px(8);
    const float tile_w = (width - 2 * pad - 3 * gap) / 4;
    const float tile_h = theme.px(74);
    for (int i = 0; i < 4; ++i) {
      const ImVec2 tmin(at.x + pad + i * (tile_w + gap), y);
      draw->AddRectFilled(tmin, ImVec2(tmin.x + tile_w, tmin.y + tile_h), mix(kColorCard, tiles[i].color, 0.12f),
                          theme.px(12));
      const std::string n = std::to_string(tiles[i].count);
      text_centered(draw, theme.fonts.big, tmin.x + tile_w * 0.5f, tmin.y + theme.px(10), tiles[i].color, n, tile_w);
      text_centered(draw, theme.fonts.small, tmin.x + tile_w * 0.5f, tmin.y + tile_h - theme.px(24),
                    kColorTextSecondary, tiles[i].label, tile_w - theme.px(4));
    }
    y += tile_h + theme.px(18);
  }
  const std::string streak = s.streak_days == 1 ? "1 day" : std::to_string(s.streak_days) + " days";
  const std::string tomorrow = model.due_tomorrow == 0   ? "nothing due"
                               : model.due_tomorrow == 1 ? "1 card"
                                                         : std::to_string(model.due_tomorrow) + " cards";
  for (const auto& [label, value] : {std::pair<const char*, std::string>{"Streak", streak}, {"Tomorrow", tomorrow}}) {
    draw->AddText(theme.fonts.body, theme.fonts.body->FontSize, ImVec2(at.x + pad, y), kColorTextSecondary, label);
    draw->AddText(theme.fonts.strong, theme.fonts.strong->FontSize,
                  ImVec2(at.x + width - pad - text_width(theme.fonts.strong, value), y), kColorText, value.c_str());
    y += theme.fonts.body->FontSize + theme.px(10);
  }
  const float height = y - at.y + pad - theme.px(10);
  draw->ChannelsSetCurrent(0);
  paint_card(draw, at, ImVec2(at.x + width, at.y + height), theme);
  draw->ChannelsMerge();
  ImGui::Dummy(ImVec2(width, height + theme.px(14)));
  if (s.reviewed > 0 && (model.last || !model.notice.empty()))
    draw_toast(model, theme, frame);
  else if (s.reviewed > 0)
    centered_text(theme.fonts.small, kColorTextFaint, "Press u to undo the last decision");
}

// An overlay card above everything, on a dimmed page. Returns its content rectangle.
void overlay_card(const Theme& theme, float height, ImVec2* min, ImVec2* max) {
  ImDrawList* fg = ImGui::GetForegroundDrawList();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  fg->AddRectFilled(ImVec2(0, 0), display, kColorScrim);
  const float width = std::min(display.x - theme.px(40), theme.px(420));
  *min = ImVec2((display.x - width) * 0.5f, std::max(theme.px(30), (display.y - height) * 0.5f));
  *max = ImVec2(min->x + width, min->y + height);
  paint_card(fg, *min, *max, theme);
}

void draw_help(const Theme& theme) {
  static constexpr std::pair<const char*, const char*> kKeys[] = {
      {"Right  or  l", "Reach out (opens the composer)"},
      {"Left  or  h", "Snooze for a week"},
      {"Up  or  k", "Star: focus this week"},
      {"Down  or  j", "Archive"},
      {"u, Backspace, Ctrl+Z", "Undo, as many times as you like"},
      {"Enter  or  click", "The card's details"},
      {"Esc", "Close this, or leave the composer"},
      {"1  2  3  4", "Today, Contacts, Strategy, Stats"},
      {"Drag  /  two fingers", "Swipe with the mouse or touchpad"},
  };
  ImVec2 min, max;
  const float row = theme.px(40);
  overlay_card(theme, theme.px(80) + row * std::size(kKeys), &min, &max);
  ImDrawList* fg = ImGui::GetForegroundDrawList();
  const float pad = theme.px(22);
  fg->AddText(theme.fonts.title, theme.fonts.title->FontSize, ImVec2(min.x + pad, min.y + pad), kColorText,
              "Keyboard and gestures");
  float y = min.y + pad + theme.fonts.title->FontSize + theme.px(16);
  for (const auto& [keys, action] : kKeys) {
    ImFont* k = theme.fonts.strong;
    const float kw = text_width(k, keys) + theme.px(16);
    fg->AddRectFilled(ImVec2(min.x + pad, y), ImVec2(min.x + pad + kw, y + theme.px(28)), kColorTrack, theme.px(8));
    fg->AddText(k, k->FontSize, ImVec2(min.x + pad + theme.px(8), y + (theme.px(28) - k->FontSize) * 0.5f), kColorText,
                keys);
    ImFont* b = theme.fonts.small;
    const float ax = std::max(min.x + pad + kw + theme.px(12), min.x + theme.px(190));
    fg->AddText(b, b->FontSize, ImVec2(ax, y + (theme.px(28) - b->FontSize) * 0.5f), kColorTextSecondary,
                ellipsize(b, b->FontSize, action, max.x - pad - ax).c_str());
    y += row;
  }
}

void draw_details(TodayModel& model, const Theme& theme) {
  const core::Card* card = model.session ? model.session->current() : nullptr;
  if (!card) return;
  const CardDetails& d = details_for(model, card->contact_id);
  struct Section {
    const char* label;
    std::string text;
    ImU32 dot;
    int lines;
  };
  std::string contact_lines;
  for (const auto& line : d.lines) contact_lines += (contact_lines.empty() ? "" : "\n") + line;
  const Section sections[] = {{"CONTACT", contact_lines, kColorAccent, 4},
                              {"WHY TODAY", sentence_case(card->reason), kColorAccent, 3},
                              {"NOTES", d.last_note, kColorSnooze, 4},
                              {"HOW THEY COULD HELP", d.can_help, kColorStar, 2},
                              {"WHAT I CAN OFFER", d.offer, kColorReachOut, 2}};
  const float pad = theme.px(22);
  const float display_w = ImGui::GetIO().DisplaySize.x;
  const float width = std::min(display_w - theme.px(40), theme.px(420)) - 2 * pad;
  ImFont* body = theme.fonts.body;
  const float line = body->FontSize * 1.25f;
  // The card is as tall as what it holds: measure first, then draw.
  float height = pad + theme.px(70) + pad + theme.fonts.small->FontSize + theme.px(8);
  for (const auto& section : sections)
    if (!section.text.empty()) {
      const float text_h = body->CalcTextSizeA(body->FontSize, FLT_MAX, width, section.text.c_str()).y;
      const int lines = std::min(section.lines, static_cast<int>(text_h / body->FontSize + 0.5f));
      height += theme.fonts.small->FontSize + theme.px(6) + line * std::max(lines, 1) + theme.px(10);
    }
  ImVec2 min, max;
  overlay_card(theme, height, &min, &max);
  ImDrawList* fg = ImGui::GetForegroundDrawList();
  float y = min.y + pad;
  draw_face(fg, ImVec2(min.x + pad + theme.px(26), y + theme.px(26)), theme.px(26), *card, d, theme);
  const float tx = min.x + pad + theme.px(66);
  fg->AddText(theme.fonts.title, theme.fonts.title->FontSize, ImVec2(tx, y + theme.px(2)), kColorText,
              ellipsize(theme.fonts.title, theme.fonts.title->FontSize, card->name, max.x - pad - tx).c_str());
  std::string role = card->title;
  if (!card->company.empty()) role += (role.empty() ? "" : " at ") + card->company;
  fg->AddText(theme.fonts.small, theme.fonts.small->FontSize, ImVec2(tx, y + theme.px(30)), kColorTextSecondary,
              ellipsize(theme.fonts.small, theme.fonts.small->FontSize, role, max.x - pad - tx).c_str());
  y += theme.px(70);
  for (const auto& section : sections) {
    if (section.text.empty()) continue;
    section_label(fg, theme, ImVec2(min.x + pad, y), section.label, section.dot);
    y += theme.fonts.small->FontSize + theme.px(6);
    y += wrapped_block(fg, body, ImVec2(min.x + pad, y), width, section.lines, kColorText, section.text);
    y += theme.px(10);
  }
  const char* close = "Esc or click to close";
  fg->AddText(theme.fonts.small, theme.fonts.small->FontSize,
              ImVec2((min.x + max.x) * 0.5f - text_width(theme.fonts.small, close) * 0.5f,
                     max.y - pad - theme.fonts.small->FontSize),
              kColorTextFaint, close);
}

// Tomorrow's deck as core would deal it now (for the summary's "Tomorrow" line).
int cards_due_tomorrow(const TodayModel& model) {
  if (!model.store || !model.session) return 0;
  auto tomorrow = core::todays_deck(*model.store, model.day + 1, model.session->limit());
  return tomorrow ? static_cast<int>(tomorrow->size()) : 0;
}

}  // namespace

core::KeyStroke key_stroke(const platform::KeyEvent& event) {
  core::KeyStroke stroke;
  stroke.ctrl = event.mods & platform::kModCtrl;
  stroke.shift = event.mods & platform::kModShift;
  stroke.alt = event.mods & (platform::kModAlt | platform::kModSuper);
  switch (event.key) {
    case platform::Key::kRight:
      stroke.name = core::KeyName::right;
      break;
    case platform::Key::kLeft:
      stroke.name = core::KeyName::left;
      break;
    case platform::Key::kUp:
      stroke.name = core::KeyName::up;
      break;
    case platform::Key::kDown:
      stroke.name = core::KeyName::down;
      break;
    case platform::Key::kEnter:
      stroke.name = core::KeyName::enter;
      break;
    case platform::Key::kEscape:
      stroke.name = core::KeyName::escape;
      break;
    case platform::Key::kBackspace:
      stroke.name = core::KeyName::backspace;
      break;
    case platform::Key::kSlash:
      stroke.name = core::KeyName::character;
      stroke.character = '/';
      break;
    default: {
      const int code = static_cast<int>(event.key);
      if (code >= 'A' && code <= 'Z') {
        stroke.name = core::KeyName::character;
        stroke.character = static_cast<char>(code - 'A' + 'a');
      } else if (code >= '0' && code <= '9') {
        stroke.name = core::KeyName::character;
        stroke.character = static_cast<char>(code);
      }
      break;
    }
  }
  return stroke;
}

std::string time_since_label(std::optional<int> days) {
  if (!days) return "No touchpoint logged yet";
  const int d = *days;
  const auto ago = [](int n, const char* unit) {
    return "Last talked " + std::to_string(n) + " " + unit + (n == 1 ? "" : "s") + " ago";
  };
  if (d <= 0) return "Last talked today";
  if (d == 1) return "Last talked yesterday";
  if (d < 14) return ago(d, "day");
  if (d < 61) return ago(d / 7, "week");
  if (d < 730) return ago(d * 12 / 365, "month");
  return ago(d / 365, "year");
}

std::string long_date_label(core::Day day) {
  static constexpr const char* kWeekdays[] = {"Thursday", "Friday",  "Saturday", "Sunday",
                                              "Monday",   "Tuesday", "Wednesday"};  // day 0 was a Thursday
  static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
  int year = 0, month = 1, day_of_month = 1;
  core::split_day(day, &year, &month, &day_of_month);
  const int weekday = ((day.value % 7) + 7) % 7;
  return std::string(kWeekdays[weekday]) + ", " + std::to_string(day_of_month) + " " + kMonths[(month - 1) % 12];
}

TodayModel load_today(core::Store& store, core::Day day) {
  TodayModel model;
  model.day = day;
  model.store = &store;
  auto count = store.contact_count();
  if (!count) {
    model.state = TodayState::kError;
    model.error = count.error();
    return model;
  }
  model.contact_count = *count;
  if (*count == 0) {
    model.state = TodayState::kNoContacts;
    return model;
  }
  auto session = core::ReviewSession::open(store, day);
  if (!session) {
    model.state = TodayState::kError;
    model.error = session.error();
    return model;
  }
  if (auto invert = store.setting(kTouchpadInvertSetting); invert && *invert)
    model.scroll.set_invert(**invert == "1" || **invert == "true");
  model.session.emplace(std::move(*session));
  model.state = model.session->current() ? TodayState::kDeck : TodayState::kAllCaughtUp;
  if (model.state == TodayState::kAllCaughtUp) model.due_tomorrow = cards_due_tomorrow(model);
  return model;
}

void release_textures(TodayModel& model) {
  for (auto& [id, details] : model.details)
    if (details.texture) {
      platform::release_texture(*details.texture);
      details.texture.reset();
    }
}

TodayFrame draw_today(TodayModel& model, const Theme& theme, const platform::InputEvents& events) {
  TodayFrame frame;
  const TodayOverlay overlay_before = model.overlay;
  const bool has_session = model.session.has_value();
  if (has_session) handle_input(model, events, frame);
  // The deck may have emptied (or come back with an undo) since the last frame.
  if (has_session) {
    const TodayState before = model.state;
    model.state = model.session->current() ? TodayState::kDeck : TodayState::kAllCaughtUp;
    if (model.state == TodayState::kAllCaughtUp && (before != model.state || frame.command != core::DeckCommand::none))
      model.due_tomorrow = cards_due_tomorrow(model);
  }
  screen_heading(theme, "Today", long_date_label(model.day));
  switch (model.state) {
    case TodayState::kError:
      error_state(theme, "Today's deck could not be read", model.error);
      break;
    case TodayState::kNoContacts:
      empty_state(theme, Icon::kContacts, "No contacts yet",
                  "Import your LinkedIn, Google or phone contacts and your first deck appears here.",
                  "rekindle import FILE", "Connections.csv, a Google or Outlook CSV, or a .vcf file");
      break;
    case TodayState::kAllCaughtUp:
      draw_summary(model, theme, frame);
      break;
    case TodayState::kDeck:
      draw_deck(model, theme, frame);
      break;
  }
  if (model.overlay == TodayOverlay::kHelp) draw_help(theme);
  if (model.overlay == TodayOverlay::kDetails) draw_details(model, theme);
  // A click anywhere closes an overlay; not the click that opened it.
  if (overlay_before != TodayOverlay::kNone && model.overlay == overlay_before && ImGui::IsMouseClicked(0))
    model.overlay = TodayOverlay::kNone;
  if (model.session && model.session->current()) frame.top_contact = model.session->current()->contact_id;
  frame.state = model.state;
  frame.overlay = model.overlay;
  return frame;
}

}  // namespace rekindle::app
