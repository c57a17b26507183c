#include "app/view_contacts.h"

#include <imgui_stdlib.h>

#include <cstdio>
#include <map>

#include "app/ui_widgets.h"
#include "core/model.h"

namespace rekindle::app {
namespace {

constexpr float kRowHeight = 68.0f;
constexpr float kRowGap = 10.0f;
constexpr float kAvatarRadius = 20.0f;
constexpr float kMeterWidth = 56.0f;

std::string detail_line(const core::Contact& c) {
  if (!c.title.empty() && !c.company.empty()) return c.title + " \u00b7 " + c.company;
  return c.title.empty() ? c.company : c.title;
}

void draw_row(const ContactRow& row, const Theme& theme, float width) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float height = theme.px(kRowHeight);
  ImGui::PushID(static_cast<int>(row.id));
  ImGui::InvisibleButton("row", ImVec2(width, height + theme.px(kRowGap)));
  ImGui::PopID();
  const ImVec2 max(min.x + width, min.y + height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  paint_card(draw, min, max, theme);

  const float pad = theme.px(16);
  const float radius = theme.px(kAvatarRadius);
  draw_avatar(draw, ImVec2(min.x + pad + radius, min.y + height * 0.5f), radius, row.name, theme);

  // Right column: warmth as a percentage over a small meter.
  const float meter_w = theme.px(kMeterWidth);
  const float meter_right = max.x - pad;
  char percent[16];
  std::snprintf(percent, sizeof percent, "%d%%", static_cast<int>(row.warmth * 100.0f + 0.5f));
  ImFont* small = theme.fonts.small;
  const ImVec2 percent_size = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, percent);
  const float meter_y = min.y + height * 0.5f + theme.px(5);
  draw->AddText(small, small->FontSize, ImVec2(meter_right - percent_size.x, meter_y - theme.px(5) - percent_size.y),
                kColorTextSecondary, percent);
  draw_warmth_bar(draw, ImVec2(meter_right - meter_w, meter_y), ImVec2(meter_right, meter_y + theme.px(6)), row.warmth);

  // Middle column: name over title and company, cut to the space left.
  const float text_x = min.x + pad + 2 * radius + theme.px(14);
  const float text_w = meter_right - meter_w - theme.px(14) - text_x;
  ImFont* strong = theme.fonts.strong;
  const float name_h = strong->FontSize, detail_h = small->FontSize;
  const float block_h = row.detail.empty() ? name_h : name_h + theme.px(3) + detail_h;
  const float top = min.y + (height - block_h) * 0.5f;
  const ImU32 name_color = row.archived ? kColorTextFaint : kColorText;
  std::string name = ellipsize(strong, strong->FontSize, row.name, text_w - (row.starred ? theme.px(14) : 0));
  draw->AddText(strong, strong->FontSize, ImVec2(text_x, top), name_color, name.c_str());
  if (row.starred) {
    const float name_w = strong->CalcTextSizeA(strong->FontSize, FLT_MAX, 0, name.c_str()).x;
    draw->AddCircleFilled(ImVec2(text_x + name_w + theme.px(8), top + name_h * 0.55f), theme.px(3), kColorAccent, 12);
  }
  if (!row.detail.empty()) {
    const std::string detail = ellipsize(small, small->FontSize, row.detail, text_w);
    draw->AddText(small, small->FontSize, ImVec2(text_x, top + name_h + theme.px(3)), kColorTextSecondary,
                  detail.c_str());
  }
}

std::string subtitle(const ContactsModel& model) {
  const auto people = [](int64_t n) { return n == 1 ? std::string("1 person") : std::to_string(n) + " people"; };
  if (model.search.empty()) return people(model.total);
  return std::to_string(model.rows.size()) + " of " + people(model.total) + " match";
}

}  // namespace

void load_contacts(core::Rekindle& api, core::Day day, ContactsModel& model) {
  model.rows.clear();
  model.error.clear();
  auto total = api.contact_count();
  auto rows = api.contacts(model.search, day);
  if (!total || !rows) {
    model.error = !total ? total.error() : rows.error();
    return;
  }
  model.total = *total;
  model.rows.reserve(rows->size());
  for (const auto& row : *rows) {
    const core::Contact& c = row.contact;
    model.rows.push_back({c.id, c.name, detail_line(c), static_cast<float>(row.warmth), c.starred, c.archived});
  }
}

ContactsFrame draw_contacts(ContactsModel& model, const Theme& theme) {
  ContactsFrame frame;
  screen_heading(theme, "Contacts", model.error.empty() ? subtitle(model) : std::string());
  if (!model.error.empty()) {
    error_state(theme, "Your contacts could not be read", model.error);
    frame.state = ContactsState::kError;
    return frame;
  }
  if (model.total == 0) {
    empty_state(theme, Icon::kContacts, "No contacts yet",
                "Import your LinkedIn, Google or phone contacts to see them here.", "rekindle import FILE");
    frame.state = ContactsState::kEmpty;
    return frame;
  }

  ImGui::SetNextItemWidth(-FLT_MIN);
  if (model.focus_search) {
    ImGui::SetKeyboardFocusHere();
    model.focus_search = false;
  }
  frame.search_edited = ImGui::InputTextWithHint("##search", "Search name, company, e-mail or tag", &model.search);
  ImGui::Dummy(ImVec2(0, theme.px(4)));

  if (model.rows.empty()) {
    empty_state(theme, Icon::kContacts, "No matches", "Nobody matches \u201c" + model.search + "\u201d.");
    frame.state = ContactsState::kNoMatches;
    return frame;
  }
  frame.state = ContactsState::kList;
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  // Only the rows on screen are drawn, so ten thousand contacts scroll as fast as ten.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(model.rows.size()), theme.px(kRowHeight + kRowGap));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) draw_row(model.rows[i], theme, width);
  clipper.End();
  ImGui::PopStyleVar();
  return frame;
}

}  // namespace rekindle::app
