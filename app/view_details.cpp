#include "app/view_details.h"

#include "app/font_atlas.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cstdio>
#include <iterator>

#include "app/ui_widgets.h"
#include "core/model.h"

namespace rekindle::app {
namespace {

// The model being drawn, for note_rect (set by draw_details for the frame).
thread_local DetailsModel* t_drawing = nullptr;

// Remembers where the last item was drawn, under key (see DetailsModel::rects).
void note_rect(const std::string& key) {
  if (!t_drawing) return;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  t_drawing->rects[key] = {a.x, a.y, b.x, b.y};
}

constexpr const char* kRelevanceNames[] = {"none", "some", "high"};
constexpr const char* kRelevanceLabels[] = {"Not relevant", "Could help", "Key person"};
constexpr const char* kGradeLabels[] = {"No outcome yet", "1 \u00b7 No reply", "2 \u00b7 Lukewarm", "3 \u00b7 Warm",
                                        "4 \u00b7 Reciprocated"};
constexpr const char* kKindLabels[] = {"I gave", "I asked", "Catch-up", "They reached out"};
constexpr const char* kChannelLabels[] = {"LinkedIn", "E-mail", "Phone", "Meeting", "Other"};

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return std::string(s.substr(a, b - a));
}

template <size_t N>
int index_of(const std::string& value, const char* const (&names)[N]) {
  for (size_t i = 0; i < N; ++i)
    if (value == names[i]) return static_cast<int>(i);
  return 0;
}

std::string join_tags(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& t : tags) out += (out.empty() ? "" : ", ") + t;
  return out;
}

void section_title(const Theme& theme, const char* title) {
  ImGui::Dummy(ImVec2(0, theme.px(6)));
  ImGui::PushFont(theme.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, kColorTextSecondary);
  ImGui::TextUnformatted(title);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

// A caption over a full-width text field. True when the field was left after an edit.
bool text_field(const Theme& theme, const char* label, std::string& value, const char* hint = "") {
  ImGui::PushFont(theme.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, kColorTextSecondary);
  ImGui::TextUnformatted(label);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::PushID(label);
  ImGui::InputTextWithHint("##v", hint, &value);
  note_rect(label);
  const bool left = ImGui::IsItemDeactivatedAfterEdit();
  ImGui::PopID();
  return left;
}

bool multiline_field(const Theme& theme, const char* label, std::string& value, float lines) {
  ImGui::PushFont(theme.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, kColorTextSecondary);
  ImGui::TextUnformatted(label);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::PushID(label);
  ImGui::InputTextMultiline("##v", &value, ImVec2(ImGui::CalcItemWidth(), ImGui::GetTextLineHeight() * lines + theme.px(12)));
  note_rect(label);
  const bool left = ImGui::IsItemDeactivatedAfterEdit();
  ImGui::PopID();
  return left;
}

// A small text button in the accent colour (Back, Undo, Add...).
bool link_button(const char* label, bool enabled = true) {
  ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, kColorAccentSoft);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, kColorAccentSoft);
  ImGui::PushStyleColor(ImGuiCol_Text, enabled ? kColorAccent : kColorTextFaint);
  const bool clicked = ImGui::Button(label) && enabled;
  note_rect(label);
  ImGui::PopStyleColor(4);
  return clicked;
}

bool primary_button(const char* label, float width = 0) {
  ImGui::PushStyleColor(ImGuiCol_Button, kColorAccent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(232, 118, 74, 255));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(200, 88, 48, 255));
  ImGui::PushStyleColor(ImGuiCol_Text, kColorCard);
  const bool clicked = ImGui::Button(label, ImVec2(width, 0));
  note_rect(label);
  ImGui::PopStyleColor(4);
  return clicked;
}

// The copy sent to the API: rows whose value is blank are dropped (an added row never typed in).
core::Contact cleaned(const core::Contact& c) {
  core::Contact out = c;
  out.topic = trim(out.topic);
  for (auto* list : {&out.emails, &out.phones, &out.urls}) {
    for (auto& v : *list) v.value = trim(v.value);
    list->erase(std::remove_if(list->begin(), list->end(), [](const core::LabeledValue& v) { return v.value.empty(); }),
                list->end());
  }
  return out;
}

// The stored link of the shown contact to the current goal (relevance "none" when there is none).
core::GoalLink stored_link(const DetailsModel& model) {
  core::GoalLink link;
  link.contact_id = model.contact_id;
  if (!model.goal || !model.detail) return link;
  link.goal_id = model.goal->id;
  for (const auto& l : model.detail->goal_links)
    if (l.goal_id == model.goal->id) link = l;
  return link;
}

// A card whose fields and buttons fill its content width, not the window's.
class Section {
 public:
  explicit Section(const Theme& theme, ImU32 fill = kColorCard) : card_(theme, fill) {
    ImGui::PushItemWidth(card_.content_width());
  }
  ~Section() { ImGui::PopItemWidth(); }
  Section(const Section&) = delete;
  Section& operator=(const Section&) = delete;

 private:
  Card card_;
};

// A hairline across the section.
void divider(const Theme& theme) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, at.y + theme.px(4)), ImVec2(at.x + ImGui::CalcItemWidth(), at.y + theme.px(4)),
                                      kColorDivider, theme.px(1));
  ImGui::Dummy(ImVec2(0, theme.px(8)));
}

struct Ctx {
  DetailsModel& model;
  const Theme& theme;
  core::Rekindle& api;
  core::Day today;
  DetailsFrame& frame;
};

void after_save(Ctx& ctx, core::Status status, DetailsUndo undo) {
  if (!status) {
    ctx.model.notice = "Not saved: " + status.error();
  } else {
    ctx.model.notice.clear();
    ctx.model.undo.push_back(std::move(undo));
    ctx.frame.saved = true;
  }
  load_details(ctx.api, ctx.today, ctx.model);  // show what is stored (the old value on failure)
}

// Stores every contact field as edited (one update_contact); undo writes the previous record.
void save_contact(Ctx& ctx, const char* label) {
  core::Contact next = cleaned(ctx.model.edit);
  next.tags = split_tags(ctx.model.tags);
  const core::Contact before = ctx.model.detail->contact;
  if (next == before) return;
  after_save(ctx, ctx.api.update_contact(next, ctx.today),
             {label, [before](core::Rekindle& api, core::Day today) { return api.update_contact(before, today); }});
}

void save_edit(Ctx& ctx, const char* label, const core::ContactEdit& edit, const core::ContactEdit& reverse) {
  const int64_t id = ctx.model.contact_id;
  after_save(ctx, ctx.api.edit_contact(id, edit, ctx.today),
             {label, [id, reverse](core::Rekindle& api, core::Day today) { return api.edit_contact(id, reverse, today); }});
}

void draw_header(Ctx& ctx) {
  const Theme& theme = ctx.theme;
  const core::ContactDetail& d = *ctx.model.detail;
  Card card(theme);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float radius = theme.px(28);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw_avatar(draw, ImVec2(at.x + radius, at.y + radius), radius, d.contact.name, theme);
  const float text_x = at.x + 2 * radius + theme.px(14);
  const float text_w = card.content_width() - (text_x - at.x);
  ImFont* title = theme.fonts.title;
  const std::string name = ellipsize(title, title->FontSize, drawable_text(d.contact.name), text_w);
  draw->AddText(title, title->FontSize, ImVec2(text_x, at.y + theme.px(2)), kColorText, name.c_str());
  std::string line = d.contact.title;
  if (!d.contact.company.empty()) line += (line.empty() ? "" : " \u00b7 ") + d.contact.company;
  ImFont* small = theme.fonts.small;
  float y = at.y + theme.px(6) + title->FontSize;
  if (!line.empty()) {
    draw->AddText(small, small->FontSize, ImVec2(text_x, y), kColorTextSecondary,
                  ellipsize(small, small->FontSize, line, text_w).c_str());
    y += small->FontSize + theme.px(6);
  }
  char warmth[64];
  std::snprintf(warmth, sizeof warmth, "Warmth %d%%", static_cast<int>(d.warmth * 100.0 + 0.5));
  draw->AddText(small, small->FontSize, ImVec2(text_x, y), kColorTextSecondary, warmth);
  const float label_w = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, warmth).x;
  const float bar_x = text_x + label_w + theme.px(10);
  const float bar_w = std::min(theme.px(90), at.x + card.content_width() - bar_x);
  if (bar_w > theme.px(20))
    draw_warmth_bar(draw, ImVec2(bar_x, y + small->FontSize * 0.5f - theme.px(3)),
                    ImVec2(bar_x + bar_w, y + small->FontSize * 0.5f + theme.px(3)), static_cast<float>(d.warmth));
  y += small->FontSize + theme.px(4);
  std::string touched = d.history;
  if (d.contact.due && !d.contact.archived) touched += " \u00b7 due " + core::format_iso_day(*d.contact.due);
  draw->AddText(small, small->FontSize, ImVec2(text_x, y), kColorTextFaint,
                ellipsize(small, small->FontSize, touched, text_w).c_str());
  y += small->FontSize;
  ImGui::Dummy(ImVec2(card.content_width(), std::max(2 * radius, y - at.y)));
}

void draw_archived_banner(Ctx& ctx) {
  Section card(ctx.theme, kColorErrorSoft);
  ImGui::PushFont(ctx.theme.fonts.strong);
  ImGui::TextUnformatted("Archived");
  ImGui::PopFont();
  wrapped_text(ctx.theme.fonts.small, kColorTextSecondary,
               "This person is out of your daily deck. Everything about them is kept.");
  ImGui::Dummy(ImVec2(0, ctx.theme.px(4)));
  if (primary_button("Un-archive")) {
    const int64_t id = ctx.model.contact_id;
    core::BulkEdit edit;
    edit.archived = false;
    auto undo = ctx.api.bulk_edit(std::span<const int64_t>(&id, 1), edit, ctx.today);
    if (!undo) {
      after_save(ctx, core::make_error(undo.error()), {});
    } else {
      const core::BulkUndo taken = *undo;
      after_save(ctx, core::Status::success(),
                 {"Un-archive", [taken](core::Rekindle& api, core::Day today) { return api.undo_bulk(taken, today); }});
    }
  }
}

void draw_names(Ctx& ctx) {
  core::Contact& c = ctx.model.edit;
  Section card(ctx.theme);
  section_title(ctx.theme, "NAME");
  struct Field {
    const char* label;
    std::string* value;
  };
  const Field fields[] = {{"Display name", &c.name},  {"Prefix", &c.name_prefix},  {"Given name", &c.given_name},
                          {"Middle name", &c.middle_name}, {"Family name", &c.family_name}, {"Suffix", &c.name_suffix},
                          {"Nickname", &c.nickname}};
  for (const Field& f : fields)
    if (text_field(ctx.theme, f.label, *f.value)) save_contact(ctx, f.label);
  section_title(ctx.theme, "WORK");
  const Field work[] = {{"Company", &c.company}, {"Department", &c.department}, {"Title", &c.title}};
  for (const Field& f : work)
    if (text_field(ctx.theme, f.label, *f.value)) save_contact(ctx, f.label);
}

// Rows of labelled values (e-mails, phones, links): label and value edited in place, a row
// removed with its button, a new one added at the end.
void draw_values(Ctx& ctx, const char* title, const char* what, std::vector<core::LabeledValue>& values,
                 const char* hint) {
  const Theme& theme = ctx.theme;
  ImGui::PushID(title);
  section_title(theme, title);
  std::optional<size_t> remove;
  const float row_w = ImGui::CalcItemWidth();
  const float label_w = std::max(theme.px(70), row_w * 0.26f);
  const float remove_w = ImGui::GetFrameHeight();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  for (size_t i = 0; i < values.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetNextItemWidth(label_w);
    ImGui::InputTextWithHint("##label", "label", &values[i].label);
    bool left = ImGui::IsItemDeactivatedAfterEdit();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(row_w - label_w - remove_w - 2 * spacing);
    ImGui::InputTextWithHint("##value", hint, &values[i].value);
    note_rect(std::string(title) + " " + std::to_string(i));
    left |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::SameLine();
    if (ImGui::Button("\u00d7", ImVec2(remove_w, 0))) remove = i;
    note_rect(std::string(title) + " remove " + std::to_string(i));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove");
    if (left) save_contact(ctx, title);
    ImGui::PopID();
    if (ctx.frame.saved) break;  // the model was reloaded: values may have moved
  }
  if (remove && !ctx.frame.saved) {
    values.erase(values.begin() + static_cast<std::ptrdiff_t>(*remove));
    save_contact(ctx, title);
  }
  if (!ctx.frame.saved && link_button((std::string("+ Add ") + what).c_str())) {
    values.push_back({"", "", false, ""});
  }
  ImGui::PopID();
}

void draw_reach(Ctx& ctx) {
  Section card(ctx.theme);
  core::Contact& c = ctx.model.edit;
  draw_values(ctx, "E-MAIL", "e-mail", c.emails, "name@example.com");
  if (ctx.frame.saved) return;
  draw_values(ctx, "PHONE", "phone", c.phones, "+1 555 0100");
  if (ctx.frame.saved) return;
  draw_values(ctx, "LINKS", "link", c.urls, "https://");
}

void draw_relationship(Ctx& ctx) {
  const Theme& theme = ctx.theme;
  core::Contact& c = ctx.model.edit;
  const core::Contact& stored = ctx.model.detail->contact;
  Section card(theme);
  section_title(theme, "RELATIONSHIP");
  ImGui::PushFont(theme.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, kColorTextSecondary);
  ImGui::TextUnformatted("Tier");
  ImGui::PopStyleColor();
  ImGui::PopFont();
  // The tiers as one row of pills: every choice in view, one tap each.
  constexpr const char* kTierLabels[] = {"Inner", "Close", "Regular", "Wider", "Dormant"};
  const int tier_count = static_cast<int>(std::size(core::kTierNames));
  const float gap = theme.px(4);
  const float pill_w = (ImGui::CalcItemWidth() - gap * (tier_count - 1)) / tier_count;
  ImGui::PushFont(theme.fonts.small);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, ImGui::GetStyle().ItemSpacing.y));
  std::optional<int> picked;
  for (int i = 0; i < tier_count; ++i) {
    if (i) ImGui::SameLine();
    const bool on = stored.tier == core::kTierNames[i];
    ImGui::PushStyleColor(ImGuiCol_Button, on ? kColorAccent : kColorTrack);
    ImGui::PushStyleColor(ImGuiCol_Text, on ? kColorCard : kColorText);
    if (ImGui::Button(kTierLabels[i], ImVec2(pill_w, 0)) && !on) picked = i;
    note_rect(std::string("Tier ") + core::kTierNames[i]);
    ImGui::PopStyleColor(2);
  }
  ImGui::PopStyleVar();
  ImGui::PopFont();
  if (picked) {
    core::ContactEdit edit, reverse;
    edit.tier = core::kTierNames[*picked];
    reverse.tier = stored.tier;
    save_edit(ctx, "Tier", edit, reverse);
    return;
  }
  ImGui::PushFont(theme.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, kColorTextSecondary);
  ImGui::TextUnformatted("Keep in touch every (days; 0 = the tier's rhythm)");
  ImGui::PopStyleColor();
  ImGui::PopFont();
  int cadence = c.cadence_days.value_or(0);
  const bool cadence_typed = ImGui::InputInt("##cadence", &cadence, 1, 7);
  note_rect("Cadence");
  if (cadence_typed) c.cadence_days = cadence > 0 ? std::optional<int>(cadence) : std::nullopt;
  if (ImGui::IsItemDeactivatedAfterEdit() && c.cadence_days != stored.cadence_days) {
    core::ContactEdit edit, reverse;
    edit.cadence_days = c.cadence_days.value_or(0);
    reverse.cadence_days = stored.cadence_days.value_or(0);
    save_edit(ctx, "Cadence", edit, reverse);
    return;
  }
  if (text_field(theme, "Tags (separated by commas)", ctx.model.tags, "mentor, berlin")) {
    save_contact(ctx, "Tags");
    return;
  }
  // What you talked about, as the noun phrase drafts use; the sentence it gives shows below.
  const bool topic_left = text_field(theme, "What you talked about", c.topic, "e.g. orbital mechanics");
  topic_preview_line(theme, c.topic);
  if (topic_left) {
    save_contact(ctx, "Topic");
    return;
  }
  if (multiline_field(theme, "Notes", c.notes, 4)) save_contact(ctx, "Notes");
}

void draw_goal(Ctx& ctx) {
  const Theme& theme = ctx.theme;
  Section card(theme);
  section_title(theme, "CURRENT GOAL");
  if (!ctx.model.goal) {
    wrapped_text(theme.fonts.small, kColorTextSecondary,
                 "Write a goal on the Strategy tab to mark who could help with it and what you can offer them.");
    return;
  }
  wrapped_text(theme.fonts.body, kColorText, ctx.model.goal->text);
  ImGui::Dummy(ImVec2(0, theme.px(4)));
  const core::GoalLink stored = stored_link(ctx.model);
  const int current = index_of(stored.relevance, kRelevanceNames);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float w = (ImGui::CalcItemWidth() - 2 * spacing) / 3.0f;
  ImGui::PushFont(theme.fonts.small);  // three choices side by side, even on a narrow phone
  for (int i = 0; i < 3; ++i) {
    if (i) ImGui::SameLine();
    const bool on = i == current;
    ImGui::PushStyleColor(ImGuiCol_Button, on ? kColorAccent : kColorTrack);
    ImGui::PushStyleColor(ImGuiCol_Text, on ? kColorCard : kColorText);
    const bool clicked = ImGui::Button(kRelevanceLabels[i], ImVec2(w, 0));
    note_rect(kRelevanceLabels[i]);
    ImGui::PopStyleColor(2);
    if (clicked && !on) {
      ImGui::PopFont();
      core::ContactEdit edit, reverse;
      edit.relevance = kRelevanceNames[i];
      reverse.relevance = stored.relevance;
      save_edit(ctx, "Goal relevance", edit, reverse);
      return;
    }
  }
  ImGui::PopFont();
  if (text_field(theme, "How they could help", ctx.model.link.can_help, "an intro to their team, advice on...")) {
    core::ContactEdit edit, reverse;
    edit.can_help = ctx.model.link.can_help;
    reverse.can_help = stored.can_help;
    save_edit(ctx, "How they could help", edit, reverse);
    return;
  }
  const bool offer_left = text_field(theme, "What I can offer", ctx.model.link.offer,
                                     "e.g. share my notes on user research");
  offer_preview_line(theme, ctx.model.link.offer);
  if (offer_left) {
    core::ContactEdit edit, reverse;
    edit.offer = ctx.model.link.offer;
    reverse.offer = stored.offer;
    save_edit(ctx, "What I can offer", edit, reverse);
    return;
  }
}

std::string touch_line(const core::Interaction& x) {
  std::string line = core::format_iso_day(x.date) + " \u00b7 " + kChannelLabels[index_of(x.channel, core::kChannelNames)] +
                     " \u00b7 " + kKindLabels[index_of(x.kind, core::kKindNames)];
  if (x.grade) line += " \u00b7 " + std::string(kGradeLabels[*x.grade]).substr(4);
  return line;
}

void draw_touch_form(Ctx& ctx) {
  TouchForm& form = *ctx.model.touch_form;
  const Theme& theme = ctx.theme;
  ImGui::PushID("touch_form");
  text_field(theme, "Date (YYYY-MM-DD)", form.date);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::CalcItemWidth() - spacing) * 0.5f;
  int channel = index_of(form.touch.channel, core::kChannelNames);
  int kind = index_of(form.touch.kind, core::kKindNames);
  int grade = form.touch.grade.value_or(0);
  ImGui::SetNextItemWidth(half);
  if (ImGui::Combo("##channel", &channel, kChannelLabels, static_cast<int>(std::size(kChannelLabels))))
    form.touch.channel = core::kChannelNames[channel];
  ImGui::SameLine();
  ImGui::SetNextItemWidth(half);
  if (ImGui::Combo("##kind", &kind, kKindLabels, static_cast<int>(std::size(kKindLabels))))
    form.touch.kind = core::kKindNames[kind];
  if (ImGui::Combo("##grade", &grade, kGradeLabels, static_cast<int>(std::size(kGradeLabels))))
    form.touch.grade = grade ? std::optional<int>(grade) : std::nullopt;
  text_field(theme, "Note", form.touch.note, "what you talked about");
  const auto day = core::parse_iso_day(trim(form.date));
  if (!day) wrapped_text(theme.fonts.small, kColorError, "Write the date as YYYY-MM-DD, e.g. 2026-11-30.");
  if (primary_button(form.touch.id ? "Save touch" : "Log touch") && day) {
    core::Interaction touch = form.touch;
    touch.date = *day;
    touch.contact_id = ctx.model.contact_id;
    if (touch.id == 0) {
      auto logged = ctx.api.log_touch(touch, ctx.today);
      if (!logged) {
        ctx.model.notice = "Not saved: " + logged.error();
      } else {
        const int64_t id = logged->id;
        ctx.model.touch_form.reset();
        after_save(ctx, core::Status::success(), {"Touch logged", [id](core::Rekindle& api, core::Day today) {
                                                    auto gone = api.delete_interaction(id, today);
                                                    return gone ? core::Status::success() : core::Status(core::make_error(gone.error()));
                                                  }});
      }
    } else {
      core::Interaction before;
      for (const auto& x : ctx.model.detail->interactions)
        if (x.id == touch.id) before = x;
      core::Status s = ctx.api.edit_interaction(touch, ctx.today);
      if (s) ctx.model.touch_form.reset();
      after_save(ctx, s, {"Touch changed", [before](core::Rekindle& api, core::Day today) {
                            return api.edit_interaction(before, today);
                          }});
    }
    ImGui::PopID();
    return;
  }
  ImGui::SameLine();
  if (link_button("Cancel")) ctx.model.touch_form.reset();
  ImGui::PopID();
}

void draw_timeline(Ctx& ctx) {
  const Theme& theme = ctx.theme;
  DetailsModel& model = ctx.model;
  Section card(theme);
  section_title(theme, "TIMELINE");
  if (!model.touch_form) {
    if (link_button("+ Log a touch")) {
      TouchForm form;
      form.touch.contact_id = model.contact_id;
      form.touch.date = ctx.today;
      form.date = core::format_iso_day(ctx.today);
      model.touch_form = form;
    }
  } else if (model.touch_form->touch.id == 0) {
    draw_touch_form(ctx);
    if (ctx.frame.saved) return;
  }
  const auto& xs = model.detail->interactions;
  if (xs.empty() && !model.touch_form)
    wrapped_text(theme.fonts.small, kColorTextSecondary, "No touches logged yet.");
  // Newest first: what happened last is what the user needs before writing.
  for (auto it = xs.rbegin(); it != xs.rend(); ++it) {
    const core::Interaction& x = *it;
    ImGui::PushID(static_cast<int>(x.id));
    divider(ctx.theme);
    if (model.touch_form && model.touch_form->touch.id == x.id) {
      draw_touch_form(ctx);
      ImGui::PopID();
      if (ctx.frame.saved) return;
      continue;
    }
    ImGui::PushFont(theme.fonts.strong);
    ImGui::TextUnformatted(touch_line(x).c_str());
    ImGui::PopFont();
    if (!x.note.empty()) wrapped_text(theme.fonts.small, kColorTextSecondary, x.note);
    if (model.confirm_delete == x.id) {
      wrapped_text(theme.fonts.small, kColorError, "Delete this touch? Its schedule is worked out again without it.");
      ImGui::PushStyleColor(ImGuiCol_Button, kColorError);
      ImGui::PushStyleColor(ImGuiCol_Text, kColorCard);
      const bool sure = ImGui::Button("Delete");
      note_rect("Confirm delete");
      ImGui::PopStyleColor(2);
      ImGui::SameLine();
      if (link_button("Keep it")) model.confirm_delete.reset();
      if (sure) {
        model.confirm_delete.reset();
        auto gone = ctx.api.delete_interaction(x.id, ctx.today);
        ImGui::PopID();
        if (!gone) {
          after_save(ctx, core::make_error(gone.error()), {});
        } else {
          core::Interaction back = *gone;
          back.id = 0;
          after_save(ctx, core::Status::success(), {"Touch deleted", [back](core::Rekindle& api, core::Day today) {
                                                      auto again = api.log_touch(back, today);
                                                      return again ? core::Status::success()
                                                                   : core::Status(core::make_error(again.error()));
                                                    }});
        }
        return;
      }
    } else {
      const bool edit = link_button("Edit");
      note_rect("Edit " + std::to_string(x.id));
      if (edit) {
        model.touch_form = TouchForm{x, core::format_iso_day(x.date)};
        model.confirm_delete.reset();
      }
      ImGui::SameLine();
      if (link_button("Delete")) model.confirm_delete = x.id;
      note_rect("Delete " + std::to_string(x.id));
    }
    ImGui::PopID();
  }
}

void draw_merge(Ctx& ctx) {
  const Theme& theme = ctx.theme;
  DetailsModel& model = ctx.model;
  Section card(theme);
  section_title(theme, "MERGE WITH A DUPLICATE");
  if (!model.merging) {
    wrapped_text(theme.fonts.small, kColorTextSecondary,
                 "The same person twice? Merge the other record into this one: nothing is lost.");
    if (link_button("Find the duplicate\u2026")) {
      model.merging = true;
      auto index = ctx.api.contact_index(ctx.today);
      if (!index) {
        model.notice = "Could not read the contacts: " + index.error();
        model.merging = false;
      } else {
        model.merge_index = std::move(*index);
        model.merge_search = model.detail->contact.family_name.empty() ? model.detail->contact.name
                                                                       : model.detail->contact.family_name;
        model.merge_matches = model.merge_index->query(model.merge_search, core::ContactSort::name);
      }
    }
    return;
  }
  if (!model.merge_other) {
      if (ImGui::InputTextWithHint("##merge_search", "Search the other record", &model.merge_search))
      model.merge_matches = model.merge_index->query(model.merge_search, core::ContactSort::name);
    int shown = 0;
    for (uint32_t i : model.merge_matches) {
      const core::ContactListEntry& e = model.merge_index->entries()[i];
      if (e.id == model.contact_id) continue;
      if (++shown > 8) break;
      std::string label = e.name;
      if (!e.company.empty()) label += " \u00b7 " + e.company;
      ImGui::PushID(static_cast<int>(e.id));
      const bool picked = ImGui::Selectable(label.c_str(), false, 0, ImVec2(ImGui::CalcItemWidth(), 0));
      note_rect("Match " + e.name);
      if (picked) {
        auto other = ctx.api.contact(e.id, ctx.today);
        if (other) {
          model.merge_other = other->contact;
          // Keep this record's value, and the other's where this one is empty.
          model.take_other.assign(std::size(core::kMergeFields), false);
          for (size_t f = 0; f < std::size(core::kMergeFields); ++f)
            model.take_other[f] = core::merge_field_value(model.detail->contact, core::kMergeFields[f].name).empty() &&
                                  !core::merge_field_value(*model.merge_other, core::kMergeFields[f].name).empty();
        } else {
          model.notice = other.error();
        }
      }
      ImGui::PopID();
    }
    if (shown == 0) wrapped_text(theme.fonts.small, kColorTextSecondary, "Nobody else matches.");
    if (link_button("Cancel")) model.merging = false;
    return;
  }
  const core::Contact& mine = model.detail->contact;
  const core::Contact& other = *model.merge_other;
  wrapped_text(theme.fonts.small, kColorTextSecondary,
               "Pick the value to keep where the two differ. E-mails, phones, links, tags, notes, touches and goal "
               "notes of both are kept.");
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float col = (ImGui::CalcItemWidth() - spacing) * 0.5f;
  ImGui::PushFont(theme.fonts.strong);
  ImGui::TextUnformatted(ellipsize(theme.fonts.strong, theme.fonts.strong->FontSize, "This record", col).c_str());
  ImGui::SameLine(col + spacing);
  ImGui::TextUnformatted(ellipsize(theme.fonts.strong, theme.fonts.strong->FontSize, "The other", col).c_str());
  ImGui::PopFont();
  ImFont* small = theme.fonts.small;
  for (size_t f = 0; f < std::size(core::kMergeFields); ++f) {
    const std::string a = core::merge_field_value(mine, core::kMergeFields[f].name);
    const std::string b = core::merge_field_value(other, core::kMergeFields[f].name);
    if (a.empty() && b.empty()) continue;
    ImGui::PushID(static_cast<int>(f));
    ImGui::PushFont(small);
    ImGui::PushStyleColor(ImGuiCol_Text, kColorTextSecondary);
    ImGui::TextUnformatted(core::kMergeFields[f].label);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (a == b) {
      ImGui::TextUnformatted(ellipsize(theme.fonts.body, theme.fonts.body->FontSize, a, 2 * col).c_str());
    } else {
      const std::string la = a.empty() ? std::string("(empty)") : a;
      const std::string lb = b.empty() ? std::string("(empty)") : b;
      if (ImGui::RadioButton(ellipsize(theme.fonts.body, theme.fonts.body->FontSize, la, col - theme.px(30)).c_str(),
                             !model.take_other[f]))
        model.take_other[f] = false;
      note_rect(std::string("Keep mine ") + core::kMergeFields[f].name);
      ImGui::SameLine(col + spacing);
      if (ImGui::RadioButton(
              (ellipsize(theme.fonts.body, theme.fonts.body->FontSize, lb, col - theme.px(30)) + "##b").c_str(),
              model.take_other[f]))
        model.take_other[f] = true;
      note_rect(std::string("Take theirs ") + core::kMergeFields[f].name);
    }
    ImGui::PopID();
  }
  ImGui::Dummy(ImVec2(0, theme.px(6)));
  if (!model.confirm_merge) {
    if (primary_button("Merge")) model.confirm_merge = true;
    ImGui::SameLine();
    if (link_button("Cancel")) {
      model.merge_other.reset();
      model.merging = false;
    }
    return;
  }
  wrapped_text(theme.fonts.small, kColorError,
               "Merge \u201c" + other.name + "\u201d into this record? The other record goes away; this cannot be undone.");
  if (primary_button("Yes, merge")) {
    core::MergeChoices choices;
    for (size_t f = 0; f < std::size(core::kMergeFields); ++f)
      (model.take_other[f] ? choices.from_duplicate : choices.from_kept).push_back(core::kMergeFields[f].name);
    core::Status s = ctx.api.merge_contacts(model.contact_id, other.id, choices, ctx.today);
    if (!s) {
      model.notice = "Not merged: " + s.error();
    } else {
      model.notice = "Merged. Undo does not reach across a merge.";
      model.undo.clear();  // the earlier undos may name a record that no longer exists
      ctx.frame.merged = true;
    }
    model.merging = false;
    model.confirm_merge = false;
    model.merge_other.reset();
    load_details(ctx.api, ctx.today, model);
    return;
  }
  ImGui::SameLine();
  if (link_button("Not yet")) model.confirm_merge = false;
}

void draw_top_bar(Ctx& ctx) {
  if (link_button("\u2039 Back")) ctx.frame.back = true;
  const bool can_undo = !ctx.model.undo.empty();
  const std::string label = can_undo ? "Undo " + ctx.model.undo.back().label : std::string("Undo");
  const float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SameLine(std::max(0.0f, ImGui::GetContentRegionMax().x - w));
  if (link_button(label.c_str(), can_undo)) undo_details(ctx.model, ctx.api, ctx.today);
}

}  // namespace

std::vector<std::string> split_tags(const std::string& text) {
  std::vector<std::string> tags;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string tag = trim(std::string_view(text).substr(start, comma - start));
    if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
    start = comma + 1;
  }
  return tags;
}

void load_details(core::Rekindle& api, core::Day today, DetailsModel& model) {
  model.error.clear();
  if (model.contact_id == 0) {
    // Nobody chosen (a screenshot): the card on top of today's deck, else the first by name.
    if (auto deck = api.deck(today, 1); deck && !deck->empty()) {
      model.contact_id = deck->front().contact_id;
    } else if (auto index = api.contact_index(today); index && index->size() > 0) {
      model.contact_id = index->entries()[index->query("", core::ContactSort::name).front()].id;
    }
  }
  model.detail.reset();
  if (model.contact_id == 0) return;
  auto detail = api.contact(model.contact_id, today);
  if (!detail) {
    model.error = detail.error();
    return;
  }
  model.detail = std::move(*detail);
  model.edit = model.detail->contact;
  model.tags = join_tags(model.edit.tags);
  model.goal.reset();
  if (auto goals = api.goals(); goals)
    for (const auto& g : *goals)
      if (g.current) model.goal = g;
  model.link = stored_link(model);
}

bool undo_details(DetailsModel& model, core::Rekindle& api, core::Day today) {
  if (model.undo.empty()) return false;
  DetailsUndo step = std::move(model.undo.back());
  model.undo.pop_back();
  core::Status s = step.apply(api, today);
  model.notice = s ? "Undone: " + step.label : "Could not undo " + step.label + ": " + s.error();
  model.touch_form.reset();
  model.confirm_delete.reset();
  load_details(api, today, model);
  return s.ok();
}

DetailsFrame draw_details(DetailsModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                          const platform::InputEvents& events) {
  DetailsFrame frame;
  t_drawing = &model;
  model.rects.clear();
  struct Reset {
    ~Reset() { t_drawing = nullptr; }
  } reset;
  // Keys: Esc goes back, Ctrl+Z undoes (the shell sends no keys while a text field is typed in).
  for (const auto& event : events.keys) {
    if (event.repeat) continue;
    if (event.key == platform::Key::kEscape) frame.back = true;
    if (event.key == platform::key_for_char('Z') && (event.mods & platform::kModCtrl)) undo_details(model, api, today);
  }
  Ctx ctx{model, theme, api, today, frame};
  if (!model.error.empty()) {
    draw_top_bar(ctx);
    error_state(theme, "This contact could not be loaded", model.error);
    frame.state = DetailsState::kError;
    return frame;
  }
  if (!model.detail) {
    draw_top_bar(ctx);
    empty_state(theme, Icon::kContacts, "No contact to show",
                "Import your contacts, then click a card or a row to see everything about that person.");
    frame.state = DetailsState::kNone;
    return frame;
  }
  frame.state = model.merging ? DetailsState::kMerging : DetailsState::kShown;
  draw_top_bar(ctx);
  if (!model.notice.empty())
    wrapped_text(theme.fonts.small, model.notice.rfind("Not", 0) == 0 || model.notice.rfind("Could", 0) == 0
                                        ? kColorError
                                        : kColorTextSecondary,
                 model.notice);
  // Each section may store a change and reload the model: the rest waits for the next frame.
  draw_header(ctx);
  if (model.detail->contact.archived && !frame.saved) draw_archived_banner(ctx);
  if (!frame.saved) draw_goal(ctx);
  if (!frame.saved) draw_names(ctx);
  if (!frame.saved) draw_reach(ctx);
  if (!frame.saved) draw_relationship(ctx);
  if (!frame.saved) draw_timeline(ctx);
  if (!frame.saved && !frame.merged) draw_merge(ctx);
  ImGui::Dummy(ImVec2(0, theme.px(12)));
  return frame;
}

}  // namespace rekindle::app
