#include "app/today_card.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "app/today_draw.h"
#include "app/ui_widgets.h"
#include "core/compose_context.h"
#include "platform/texture.h"

namespace rekindle::app {
namespace {

CardDetails read_details(core::Rekindle& api, int64_t contact_id, core::Day day) {
  CardDetails details;
  auto context = api.compose_context(contact_id, day);
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

// A small pill in the card's top band; x is its left edge, or its right edge when from_right.
void band_chip(ImDrawList* draw, const Theme& theme, float x, float y, bool from_right, const char* label,
               ImU32 color) {
  ImFont* f = theme.fonts.small;
  const float w = text_width(f, label) + theme.px(20);
  const ImVec2 a(from_right ? x - w : x, y);
  draw->AddRectFilled(a, ImVec2(a.x + w, a.y + theme.px(24)), kColorCard, theme.px(12));
  draw->AddText(f, f->FontSize, ImVec2(a.x + theme.px(10), a.y + (theme.px(24) - f->FontSize) * 0.5f), color, label);
}

// The top band with its chips, the face, name, role and the last touch; returns the y below.
float draw_identity(ImDrawList* draw, const core::Card& card, const CardDetails& details, ImVec2 min, ImVec2 max,
                    float width, const Theme& theme) {
  const float cx = (min.x + max.x) * 0.5f;
  // A soft band of colour across the top, in the avatar's spirit: a card, not a form.
  draw->AddRectFilled(min, ImVec2(max.x, min.y + theme.px(64)), kColorAccentSoft, theme.px(kCardRounding),
                      ImDrawFlags_RoundCornersTop);
  if (card.kind == core::CardKind::reactivation)
    band_chip(draw, theme, min.x + theme.px(14), min.y + theme.px(14), false, "Worth rekindling", kColorAccent);
  else if (card.back_on_list)
    band_chip(draw, theme, min.x + theme.px(14), min.y + theme.px(14), false, "Back on your list", kColorAccent);
  if (card.suggest_rethink)
    band_chip(draw, theme, max.x - theme.px(14), min.y + theme.px(14), true, "Snoozed often", kColorSnooze);

  // A short card (a small window) gets a smaller face, so that the reason still fits below.
  const float radius = theme.px(max.y - min.y < theme.px(400) ? 28 : 46);
  float y = min.y + theme.px(18);
  draw_face(draw, ImVec2(cx, y + radius), radius, card, details, theme);
  y += 2 * radius + theme.px(12);
  text_centered(draw, theme.fonts.title, cx, y, kColorText, card.name, width);
  y += theme.fonts.title->FontSize + theme.px(6);
  if (const std::string role = role_line(card); !role.empty()) {
    text_centered(draw, theme.fonts.body, cx, y, kColorTextSecondary, role, width);
    y += theme.fonts.body->FontSize + theme.px(4);
  }
  // The history line from core: "Last talked ..." only for a real touch; a LinkedIn
  // connection date reads "Connected 3 years ago, never in touch since".
  const std::string touch = card.touch.empty() ? time_since_label(card.days_since_talked) : card.touch;
  text_centered(draw, theme.fonts.small, cx, y, kColorTextFaint, touch, width);
  return y + theme.fonts.small->FontSize + theme.px(16);
}

// Warmth: a small meter with its figure, from x0 to x1; returns the y below.
float draw_warmth(ImDrawList* draw, double warmth, float x0, float x1, float y, const Theme& theme) {
  ImFont* label_font = theme.fonts.small;
  ImFont* strong = theme.fonts.strong;
  char percent[16];
  std::snprintf(percent, sizeof percent, "%d%%", static_cast<int>(warmth * 100.0 + 0.5));
  const float label_w = text_width(label_font, "Warmth") + theme.px(12);
  const float percent_w = text_width(strong, "100%");
  const float line_h = strong->FontSize;
  draw->AddText(label_font, label_font->FontSize, ImVec2(x0, y + (line_h - label_font->FontSize) * 0.5f),
                kColorTextSecondary, "Warmth");
  const float bar_h = theme.px(8);
  draw_warmth_bar(draw, ImVec2(x0 + label_w, y + (line_h - bar_h) * 0.5f),
                  ImVec2(x1 - percent_w - theme.px(10), y + (line_h + bar_h) * 0.5f), static_cast<float>(warmth));
  draw->AddText(strong, strong->FontSize, ImVec2(x1 - text_width(strong, percent), y), kColorText, percent);
  return y + line_h + theme.px(14);
}

// Why today, the last note and the goal, sharing what height is left down to bottom, the reason first.
void draw_sections(ImDrawList* draw, const core::Card& card, const CardDetails& details, float x, float y, float width,
                   float bottom, const Theme& theme) {
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
  ImFont* body = theme.fonts.body;
  const float line = body->FontSize * 1.25f;
  for (const auto& section : sections) {
    const float label_h = theme.fonts.small->FontSize + theme.px(6);
    const int lines = static_cast<int>((bottom - y - label_h) / line);
    if (lines < 1) break;
    section_label(draw, theme, ImVec2(x, y), section.label, section.dot);
    y += label_h;
    y += wrapped_block(draw, body, ImVec2(x, y), width, std::min(lines, 4), kColorText, section.text);
    y += theme.px(12);
  }
}

// While dragged: the direction's colour washes over the card and its stamp fades in.
void draw_stamp(ImDrawList* draw, const core::DragHint& hint, ImVec2 min, ImVec2 max, const Theme& theme) {
  const ImU32 color = direction_color(*hint.direction);
  const char* stamp = core::decision_kind(*hint.direction).stamp;
  const float a = hint.strength;
  draw->AddRectFilled(min, max, with_alpha(color, 0.16f * a), theme.px(kCardRounding));
  draw->AddRect(min, max, with_alpha(color, a), theme.px(kCardRounding), 0, theme.px(3));
  ImFont* f = theme.fonts.title;
  const float w = text_width(f, stamp) + theme.px(28);
  const float h = f->FontSize + theme.px(16);
  const ImVec2 a0((min.x + max.x) * 0.5f - w * 0.5f, min.y + theme.px(120));
  draw->AddRectFilled(a0, ImVec2(a0.x + w, a0.y + h), with_alpha(kColorCard, 0.9f * a), theme.px(10));
  draw->AddRect(a0, ImVec2(a0.x + w, a0.y + h), with_alpha(color, a), theme.px(10), 0, theme.px(2.5f));
  draw->AddText(f, f->FontSize, ImVec2(a0.x + theme.px(14), a0.y + theme.px(8)), with_alpha(color, a), stamp);
}

}  // namespace

std::string sentence_case(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string role_line(const core::Card& card) {
  std::string role = card.title;
  if (!card.company.empty()) role += (role.empty() ? "" : " at ") + card.company;
  return role;
}

CardDetails& details_for(TodayModel& model, int64_t contact_id) {
  auto it = model.details.find(contact_id);
  if (it == model.details.end()) {
    CardDetails details = model.api ? read_details(*model.api, contact_id, model.day) : CardDetails{};
    it = model.details.emplace(contact_id, std::move(details)).first;
  }
  CardDetails& d = it->second;
  if (model.textures && !d.texture_tried && !d.photo.empty()) {
    d.texture_tried = true;
    d.texture = platform::texture_from_image(d.photo);
  }
  return d;
}

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

void draw_card_face(ImDrawList* draw, const core::Card& card, const CardDetails& details, ImVec2 min, ImVec2 size,
                    const Theme& theme, std::optional<core::DragHint> hint) {
  const ImVec2 max(min.x + size.x, min.y + size.y);
  paint_card(draw, min, max, theme);
  const float pad = theme.px(22);
  const float width = size.x - 2 * pad;
  float y = draw_identity(draw, card, details, min, max, width, theme);
  y = draw_warmth(draw, card.warmth, min.x + pad, max.x - pad, y, theme);
  draw->AddLine(ImVec2(min.x + pad, y), ImVec2(max.x - pad, y), kColorDivider, theme.px(1));
  y += theme.px(14);
  draw_sections(draw, card, details, min.x + pad, y, width, max.y - pad, theme);
  if (hint && hint->direction && hint->strength > 0) draw_stamp(draw, *hint, min, max, theme);
}

}  // namespace rekindle::app
