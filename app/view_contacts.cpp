#include "app/view_contacts.h"

#include "app/font_atlas.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <iterator>

#include "app/ui_widgets.h"

namespace rekindle::app {
namespace {

constexpr float kRowHeight = 68.0f;
constexpr float kRowGap = 10.0f;
constexpr float kAvatarRadius = 20.0f;
constexpr float kMeterWidth = 56.0f;

// Draws one row; true when it was clicked.
bool draw_row(const core::ContactListEntry& row, bool selected, const Theme& theme, float width) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float height = theme.px(kRowHeight);
  ImGui::PushID(static_cast<int>(row.id));
  const bool clicked = ImGui::InvisibleButton("row", ImVec2(width, height + theme.px(kRowGap)));
  const bool hovered = ImGui::IsItemHovered();
  ImGui::PopID();
  const ImVec2 max(min.x + width, min.y + height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  paint_card(draw, min, max, theme, selected ? kColorAccentSoft : kColorCard);
  if (selected) draw->AddRect(min, max, kColorAccent, theme.px(kCardRounding), 0, theme.px(1.5f));
  else if (hovered) draw->AddRect(min, max, kColorDivider, theme.px(kCardRounding), 0, theme.px(1));

  const float pad = theme.px(16);
  const float radius = theme.px(kAvatarRadius);
  const ImVec2 avatar(min.x + pad + radius, min.y + height * 0.5f);
  draw_avatar(draw, avatar, radius, row.name, theme);
  if (selected) {
    draw->AddCircleFilled(avatar, radius, kColorAccent, 24);
    draw_icon(draw, Icon::kCheck, avatar, radius, kColorCard, theme.px(2.2f));
  }

  // Right column: warmth as a percentage over a small meter (the same W as the card).
  const float meter_w = theme.px(kMeterWidth);
  const float meter_right = max.x - pad;
  char percent[16];
  std::snprintf(percent, sizeof percent, "%d%%", static_cast<int>(row.warmth * 100.0 + 0.5));
  ImFont* small = theme.fonts.small;
  const ImVec2 percent_size = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, percent);
  const float meter_y = min.y + height * 0.5f + theme.px(5);
  draw->AddText(small, small->FontSize, ImVec2(meter_right - percent_size.x, meter_y - theme.px(5) - percent_size.y),
                kColorTextSecondary, percent);
  draw_warmth_bar(draw, ImVec2(meter_right - meter_w, meter_y), ImVec2(meter_right, meter_y + theme.px(6)),
                  static_cast<float>(row.warmth));

  // Middle column: name over title and company, cut to the space left.
  const float text_x = min.x + pad + 2 * radius + theme.px(14);
  const float text_w = meter_right - meter_w - theme.px(14) - text_x;
  ImFont* strong = theme.fonts.strong;
  const std::string detail = row.archived ? "Archived" : contact_detail_line(row);
  const float name_h = strong->FontSize, detail_h = small->FontSize;
  const float block_h = detail.empty() ? name_h : name_h + theme.px(3) + detail_h;
  const float top = min.y + (height - block_h) * 0.5f;
  const ImU32 name_color = row.archived ? kColorTextFaint : kColorText;
  std::string name = ellipsize(strong, strong->FontSize, drawable_text(row.name), text_w - (row.starred ? theme.px(14) : 0));
  draw->AddText(strong, strong->FontSize, ImVec2(text_x, top), name_color, name.c_str());
  if (row.starred) {
    const float name_w = strong->CalcTextSizeA(strong->FontSize, FLT_MAX, 0, name.c_str()).x;
    draw->AddCircleFilled(ImVec2(text_x + name_w + theme.px(8), top + name_h * 0.55f), theme.px(3), kColorAccent, 12);
  }
  if (!detail.empty()) {
    const std::string cut = ellipsize(small, small->FontSize, detail, text_w);
    draw->AddText(small, small->FontSize, ImVec2(text_x, top + name_h + theme.px(3)), kColorTextSecondary,
                  cut.c_str());
  }
  return clicked;
}

std::string people(int64_t n) { return n == 1 ? std::string("1 person") : std::to_string(n) + " people"; }

std::string subtitle(const ContactsModel& model) {
  if (model.search.empty()) return people(model.total);
  return std::to_string(model.rows.size()) + " of " + people(model.total) + " match";
}

bool pill(const char* label, bool on, float width) {
  ImGui::PushStyleColor(ImGuiCol_Button, on ? kColorAccent : kColorTrack);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, on ? kColorAccent : kColorDivider);
  ImGui::PushStyleColor(ImGuiCol_Text, on ? kColorCard : kColorText);
  const bool clicked = ImGui::Button(label, ImVec2(width, 0));
  ImGui::PopStyleColor(3);
  return clicked;
}

void draw_sort(ContactsModel& model, const Theme& theme) {
  const float spacing = theme.px(6);
  const int n = static_cast<int>(std::size(core::kContactSortNames));
  const float w = (ImGui::GetContentRegionAvail().x - spacing * (n - 1)) / n;
  ImGui::PushFont(theme.fonts.small);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, spacing));
  for (int i = 0; i < n; ++i) {
    if (i) ImGui::SameLine();
    const auto sort = static_cast<core::ContactSort>(i);
    if (pill(core::kContactSortNames[i], model.sort == sort, w) && model.sort != sort) {
      model.sort = sort;
      requery_contacts(model);
    }
  }
  ImGui::PopStyleVar();
  ImGui::PopFont();
}

void draw_bulk_bar(ContactsModel& model, const Theme& theme, core::Rekindle& api, core::Day day, ContactsFrame& frame) {
  Card card(theme, kColorAccentSoft);
  ImGui::PushFont(theme.fonts.strong);
  ImGui::TextUnformatted((people(model.selected_count) + " picked").c_str());
  ImGui::PopFont();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float w = (card.content_width() - 3 * spacing) / 4;
  if (pill("Tag", model.panel == BulkPanel::kTag, w))
    model.panel = model.panel == BulkPanel::kTag ? BulkPanel::kNone : BulkPanel::kTag;
  ImGui::SameLine();
  if (pill("Cadence", model.panel == BulkPanel::kCadence, w))
    model.panel = model.panel == BulkPanel::kCadence ? BulkPanel::kNone : BulkPanel::kCadence;
  ImGui::SameLine();
  if (pill("Archive", false, w)) {
    core::BulkEdit edit;
    edit.archived = true;
    frame.bulk_done = apply_bulk(model, api, day, edit, "Archived " + people(model.selected_count));
    return;
  }
  ImGui::SameLine();
  if (pill("Clear", false, w)) {
    select_all(model, false);
    return;
  }
  if (model.panel == BulkPanel::kTag) {
    const float button_w = theme.px(84);
    ImGui::SetNextItemWidth(card.content_width() - button_w - spacing);
    const bool entered = ImGui::InputTextWithHint("##bulk_tag", "tag, e.g. berlin", &model.bulk_tag,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((pill("Add tag", true, button_w) || entered) && !model.bulk_tag.empty()) {
      core::BulkEdit edit;
      edit.add_tag = model.bulk_tag;
      frame.bulk_done = apply_bulk(model, api, day, edit, "Tagged " + people(model.selected_count));
    }
  } else if (model.panel == BulkPanel::kCadence) {
    const float button_w = theme.px(84);
    ImGui::SetNextItemWidth(card.content_width() - button_w - spacing);
    ImGui::InputInt("##bulk_cadence", &model.bulk_cadence, 1, 7);
    model.bulk_cadence = std::clamp(model.bulk_cadence, 0, 3650);
    ImGui::SameLine();
    if (pill("Set", true, button_w)) {
      core::BulkEdit edit;
      edit.cadence_days = model.bulk_cadence;
      frame.bulk_done = apply_bulk(model, api, day, edit,
                                   model.bulk_cadence == 0 ? "Cadence back to the tier's for " + people(model.selected_count)
                                                           : "Every " + std::to_string(model.bulk_cadence) +
                                                                 " days for " + people(model.selected_count));
    }
    wrapped_text(theme.fonts.small, kColorTextSecondary, "Days between touches; 0 goes back to each tier's rhythm.");
  }
}

}  // namespace

std::string contact_detail_line(const core::ContactListEntry& c) {
  if (!c.title.empty() && !c.company.empty()) return c.title + " \u00b7 " + c.company;
  return c.title.empty() ? c.company : c.title;
}

const core::ContactListEntry& contact_at(const ContactsModel& model, size_t i) {
  return model.index.entries()[model.rows[i]];
}

void requery_contacts(ContactsModel& model) {
  model.rows = model.index.query(model.search, model.sort);
  model.anchor.reset();
}

void load_contacts(core::Rekindle& api, core::Day day, ContactsModel& model) {
  model.error.clear();
  // The picks survive a reload by id (a bulk action, coming back from details).
  const std::vector<int64_t> picked = selected_ids(model);
  auto index = api.contact_index(day);
  if (!index) {
    model.error = index.error();
    model.index = core::ContactIndex{};
    model.rows.clear();
    model.selected.clear();
    model.selected_count = 0;
    return;
  }
  model.index = std::move(*index);
  model.total = static_cast<int64_t>(model.index.size());
  model.selected.assign(model.index.size(), 0);
  model.selected_count = 0;
  for (int64_t id : picked)
    if (auto at = model.index.find(id)) {
      model.selected[*at] = 1;
      ++model.selected_count;
    }
  requery_contacts(model);
}

std::vector<int64_t> selected_ids(const ContactsModel& model) {
  std::vector<int64_t> ids;
  if (model.selected_count == 0) return ids;
  ids.reserve(static_cast<size_t>(model.selected_count));
  for (size_t i = 0; i < model.selected.size(); ++i)
    if (model.selected[i]) ids.push_back(model.index.entries()[i].id);
  return ids;
}

void select_all(ContactsModel& model, bool on) {
  std::fill(model.selected.begin(), model.selected.end(), 0);
  model.selected_count = 0;
  if (on)
    for (uint32_t at : model.rows) {
      model.selected[at] = 1;
      ++model.selected_count;
    }
  if (!on) model.panel = BulkPanel::kNone;
}

bool click_row(ContactsModel& model, size_t i, bool ctrl, bool shift) {
  if (i >= model.rows.size()) return false;
  const uint32_t at = model.rows[i];
  if (shift && model.anchor) {
    const size_t a = std::min(*model.anchor, i), b = std::max(*model.anchor, i);
    for (size_t k = a; k <= b && k < model.rows.size(); ++k)
      if (!model.selected[model.rows[k]]) {
        model.selected[model.rows[k]] = 1;
        ++model.selected_count;
      }
    return false;
  }
  if (ctrl || shift || model.selected_count > 0) {
    // Once something is picked, a click goes on picking (as on a phone): no accidental opens.
    model.selected[at] = !model.selected[at];
    model.selected_count += model.selected[at] ? 1 : -1;
    model.anchor = i;
    if (model.selected_count == 0) model.panel = BulkPanel::kNone;
    return false;
  }
  return true;
}

bool apply_bulk(ContactsModel& model, core::Rekindle& api, core::Day day, const core::BulkEdit& edit,
                const std::string& label) {
  const std::vector<int64_t> ids = selected_ids(model);
  if (ids.empty()) return false;
  auto undo = api.bulk_edit(ids, edit, day);
  if (!undo) {
    model.notice = "Not changed: " + undo.error();
    return false;
  }
  model.last_bulk = std::move(*undo);
  model.last_bulk_label = label;
  model.notice = label + ".";
  model.panel = BulkPanel::kNone;
  load_contacts(api, day, model);
  return true;
}

bool undo_bulk(ContactsModel& model, core::Rekindle& api, core::Day day) {
  if (!model.last_bulk) return false;
  core::Status s = api.undo_bulk(*model.last_bulk, day);
  if (!s) {
    model.notice = "Could not undo: " + s.error();
    return false;
  }
  model.notice = "Undone: " + model.last_bulk_label + ".";
  model.last_bulk.reset();
  load_contacts(api, day, model);
  return true;
}

ContactsFrame draw_contacts(ContactsModel& model, const Theme& theme, core::Rekindle& api, core::Day day,
                            const platform::InputEvents& events) {
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
  for (const auto& event : events.keys) {
    if (event.repeat || !(event.mods & platform::kModCtrl)) {
      if (event.key == platform::Key::kEscape) select_all(model, false);
      continue;
    }
    if (event.key == platform::key_for_char('A')) select_all(model, true);
    if (event.key == platform::key_for_char('Z')) frame.bulk_done |= undo_bulk(model, api, day);
  }

  ImGui::SetNextItemWidth(-FLT_MIN);
  if (model.focus_search) {
    ImGui::SetKeyboardFocusHere();
    model.focus_search = false;
  }
  if (ImGui::InputTextWithHint("##search", "Search name, company, e-mail or tag", &model.search)) {
    requery_contacts(model);  // in memory: instant at 100,000
    frame.search_edited = true;
  }
  draw_sort(model, theme);
  ImGui::Dummy(ImVec2(0, theme.px(2)));
  if (!model.notice.empty()) {
    wrapped_text(theme.fonts.small, model.notice.rfind("Not", 0) == 0 || model.notice.rfind("Could", 0) == 0
                                        ? kColorError
                                        : kColorTextSecondary,
                 model.notice);
    if (model.last_bulk) {
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
      ImGui::PushStyleColor(ImGuiCol_Text, kColorAccent);
      if (ImGui::SmallButton("Undo")) frame.bulk_done |= undo_bulk(model, api, day);
      ImGui::PopStyleColor(2);
    }
  }
  if (model.selected_count > 0) draw_bulk_bar(model, theme, api, day, frame);

  if (model.rows.empty()) {
    empty_state(theme, Icon::kContacts, "No matches", "Nobody matches \u201c" + model.search + "\u201d.");
    frame.state = ContactsState::kNoMatches;
    return frame;
  }
  frame.state = ContactsState::kList;
  const float width = ImGui::GetContentRegionAvail().x;
  const ImGuiIO& io = ImGui::GetIO();
  frame.first_row_top = ImGui::GetCursorScreenPos().y;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  // Only the rows on screen are laid out, so 100,000 contacts scroll as fast as ten.
  std::optional<size_t> clicked;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(model.rows.size()), theme.px(kRowHeight + kRowGap));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      ++frame.rows_submitted;
      const size_t row = static_cast<size_t>(i);
      if (draw_row(contact_at(model, row), model.selected[model.rows[row]] != 0, theme, width)) clicked = row;
    }
  clipper.End();
  ImGui::PopStyleVar();
  if (clicked && click_row(model, *clicked, io.KeyCtrl || io.KeySuper, io.KeyShift))
    frame.open = contact_at(model, *clicked).id;
  return frame;
}

}  // namespace rekindle::app
