#include "app/view_settings.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cfloat>

#include "app/ui_widgets.h"
#include "app/view_today.h"
#include "core/review_session.h"

namespace rekindle::app {
namespace {

void gap(const Theme& theme, float logical) { ImGui::Dummy(ImVec2(0, theme.px(logical))); }

std::string trimmed(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

// Notes the outcome of one save for the field's "Saved" or its error.
void note_save(SettingsModel& model, SettingsFrame& frame, const char* field, const core::Status& status) {
  if (status) {
    model.saved = field;
    model.failed.clear();
    model.save_error.clear();
    frame.saved = field;
  } else {
    model.saved.clear();
    model.failed = field;
    model.save_error = status.error();
  }
}

// A green check and "Saved" (or text) after a field's label (drawn on the same line).
void saved_mark(const Theme& theme, const char* text) {
  ImGui::SameLine(0, theme.px(8));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImFont* font = theme.fonts.small;
  const float h = font->FontSize;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float y = at.y + (theme.fonts.strong->FontSize - h) * 0.5f + theme.px(1);
  draw_icon(draw, Icon::kCheck, ImVec2(at.x + h * 0.5f, y + h * 0.5f), h * 0.8f, kColorReachOut, theme.px(1.8f));
  draw->AddText(font, h, ImVec2(at.x + h + theme.px(3), y), kColorReachOut, text);
  ImGui::Dummy(ImVec2(h + theme.px(3) + font->CalcTextSizeA(h, FLT_MAX, 0, text).x, theme.fonts.strong->FontSize));
}

// A field's label, its "Saved" mark when it was saved last, and its caption, wrapped to width.
void field_text(const Theme& theme, const SettingsModel& model, const char* field, const char* label,
                const char* caption, float width) {
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  wrapped_text(theme.fonts.strong, kColorText, label);
  // The path is not saved but copied: the mark says what happened.
  if (model.saved == field) saved_mark(theme, std::string_view(field) == "path" ? "Copied" : "Saved");
  if (caption) {
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - theme.px(6));
    wrapped_text(theme.fonts.small, kColorTextSecondary, caption);
  }
  if (model.failed == field) wrapped_text(theme.fonts.small, kColorError, model.save_error);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

// A round "−" or "+" button.
bool step_button(const Theme& theme, const char* id, bool plus, bool enabled, Clickables* where) {
  const float size = theme.px(34);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(id, ImVec2(size, size)) && enabled;
  const bool hovered = enabled && ImGui::IsItemHovered();
  where->push_back({id, at, ImVec2(at.x + size, at.y + size)});
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 c(at.x + size * 0.5f, at.y + size * 0.5f);
  draw->AddCircleFilled(c, size * 0.5f, hovered ? kColorAccentSoft : kColorTrack, 32);
  const ImU32 ink = enabled ? kColorAccent : kColorTextFaint;
  const float h = size * 0.22f;
  draw->AddLine(ImVec2(c.x - h, c.y), ImVec2(c.x + h, c.y), ink, theme.px(2.2f));
  if (plus) draw->AddLine(ImVec2(c.x, c.y - h), ImVec2(c.x, c.y + h), ink, theme.px(2.2f));
  return clicked;
}

// − value + : the value in the middle; returns the new value when a button changed it.
std::optional<int> stepper(const Theme& theme, const char* id, int value, int low, int high, const std::string& text,
                           Clickables* where) {
  ImGui::PushID(id);
  std::optional<int> out;
  const std::string minus = std::string(id) + " -", plus = std::string(id) + " +";
  if (step_button(theme, minus.c_str(), false, value > low, where)) out = value - 1;
  ImGui::SameLine(0, 0);
  const float middle = theme.px(64);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImFont* font = theme.fonts.strong;
  const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
  ImGui::GetWindowDrawList()->AddText(font, font->FontSize,
                                      ImVec2(at.x + (middle - w) * 0.5f, at.y + (theme.px(34) - font->FontSize) * 0.5f),
                                      kColorText, text.c_str());
  ImGui::Dummy(ImVec2(middle, theme.px(34)));
  ImGui::SameLine(0, 0);
  if (step_button(theme, plus.c_str(), true, value < high, where)) out = value + 1;
  ImGui::PopID();
  return out;
}

// A switch: a pill with a knob, on the right when on. True when clicked.
bool toggle(const Theme& theme, const char* id, bool on, Clickables* where) {
  const ImVec2 size(theme.px(50), theme.px(30));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(id, size);
  where->push_back({id, at, ImVec2(at.x + size.x, at.y + size.y)});
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), on ? kColorAccent : kColorDivider, size.y * 0.5f);
  const float r = size.y * 0.5f - theme.px(3);
  const ImVec2 knob(on ? at.x + size.x - size.y * 0.5f : at.x + size.y * 0.5f, at.y + size.y * 0.5f);
  draw->AddCircleFilled(ImVec2(knob.x, knob.y + theme.px(1)), r, IM_COL32(0, 0, 0, 30), 24);
  draw->AddCircleFilled(knob, r, kColorCard, 24);
  return clicked;
}

// A row: text on the left, a control of control_width on the right, both vertically centred.
// draw_control runs with the cursor where the control goes.
template <typename Control>
void setting_row(const Theme& theme, const SettingsModel& model, const char* field, const char* label,
                 const char* caption, float width, float control_width, float control_height, Control&& draw_control) {
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float text_width = std::max(theme.px(80), width - control_width - theme.px(14));
  field_text(theme, model, field, label, caption, text_width);
  const float text_bottom = ImGui::GetItemRectMax().y;
  const float height = std::max(text_bottom - start.y, control_height);
  ImGui::SetCursorScreenPos(ImVec2(start.x + width - control_width, start.y + (height - control_height) * 0.5f));
  draw_control();
  ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + height));
  ImGui::Dummy(ImVec2(width, 0));
}

void divider(const Theme& theme, float width) {
  gap(theme, 4);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + width, at.y), kColorDivider, theme.px(1));
  gap(theme, 4);
}

std::string days_text(int days) { return std::to_string(days) + (days == 1 ? " day" : " days"); }

}  // namespace

void load_settings(core::Rekindle& api, core::Day today, SettingsModel& model) {
  (void)today;
  model.error.clear();
  model.saved.clear();
  model.failed.clear();
  model.save_error.clear();
  auto limit = api.daily_limit();
  auto snooze = api.default_snooze_days();
  auto invert = api.setting(kTouchpadInvertSetting);
  auto name = api.setting(kSenderNameSetting);
  for (const std::string* error : {limit ? nullptr : &limit.error(), snooze ? nullptr : &snooze.error(),
                                   invert ? nullptr : &invert.error(), name ? nullptr : &name.error()})
    if (error) {
      model.error = *error;
      return;
    }
  model.daily_limit = *limit;
  model.snooze_days = *snooze;
  model.touchpad_invert = *invert && (**invert == "1" || **invert == "true");
  model.sender_name = name->value_or("");
  model.name_field = model.sender_name;
  model.db_path = api.path();
}

SettingsFrame draw_settings(SettingsModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                            const platform::InputEvents& events) {
  (void)today;
  (void)events;
  SettingsFrame frame;
  if (back_link(theme, "Today", &frame.buttons)) frame.back = true;
  screen_heading(theme, "Settings", "Saved as soon as you change them");
  if (!model.error.empty()) {
    error_state(theme, "Your settings could not be read", model.error);
    frame.state = SettingsState::kError;
    return frame;
  }
  const float stepper_width = theme.px(34 * 2 + 64), stepper_height = theme.px(34);

  section_label(theme, "DAILY REVIEW");
  {
    Card card(theme);
    const float width = card.content_width();
    setting_row(theme, model, "limit", "Cards a day", "The most people today's deck holds.", width, stepper_width,
                stepper_height, [&] {
                  if (auto v = stepper(theme, "Cards a day", model.daily_limit, 1, core::kMaxDailyLimit,
                                       std::to_string(model.daily_limit), &frame.buttons)) {
                    const core::Status s = api.set_daily_limit(*v);
                    if (s) model.daily_limit = *v;
                    note_save(model, frame, "limit", s);
                  }
                });
    divider(theme, width);
    setting_row(theme, model, "snooze", "Default snooze", "How long a left swipe puts a card away.", width,
                stepper_width, stepper_height, [&] {
                  if (auto v = stepper(theme, "Default snooze", model.snooze_days, 1, core::kMaxSnoozeDays,
                                       days_text(model.snooze_days), &frame.buttons)) {
                    const core::Status s = api.set_default_snooze_days(*v);
                    if (s) model.snooze_days = *v;
                    note_save(model, frame, "snooze", s);
                  }
                });
    divider(theme, width);
    setting_row(theme, model, "touchpad", "Invert touchpad swipes",
                "Turn on if cards move the wrong way when you swipe with two fingers.", width, theme.px(50),
                theme.px(30), [&] {
                  if (toggle(theme, "Invert touchpad swipes", model.touchpad_invert, &frame.buttons)) {
                    const bool on = !model.touchpad_invert;
                    const core::Status s = api.set_setting(kTouchpadInvertSetting, on ? "1" : "0");
                    if (s) model.touchpad_invert = on;
                    note_save(model, frame, "touchpad", s);
                  }
                });
  }

  section_label(theme, "DRAFTS");
  {
    Card card(theme);
    const float width = card.content_width();
    field_text(theme, model, "name", "Your name", "Signs the messages Rekindle drafts for you. Leave it empty for no signature.",
               width);
    gap(theme, 2);
    ImGui::SetNextItemWidth(width);
    const bool entered = ImGui::InputTextWithHint("##sender_name", "e.g. Ada Lovelace", &model.name_field,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    frame.buttons.push_back({"Your name", ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
    // Saved when the field is left (or Enter), not on every letter.
    if (entered || ImGui::IsItemDeactivated()) {
      const std::string name = trimmed(model.name_field);
      if (name != model.sender_name) {
        const core::Status s = api.set_setting(kSenderNameSetting, name);
        if (s) model.sender_name = name;
        note_save(model, frame, "name", s);
      }
      model.name_field = model.sender_name;
    }
  }

  section_label(theme, "DATABASE");
  {
    Card card(theme);
    const float width = card.content_width();
    field_text(theme, model, "path", "Where your network is kept", nullptr, width);
    gap(theme, 2);
    wrapped_text(theme.fonts.body, kColorText, model.db_path.empty() ? "In memory (not saved to a file)" : model.db_path);
    gap(theme, 4);
    if (form_button(theme, "Copy path", 0, ButtonKind::kSecondary, !model.db_path.empty(), &frame.buttons)) {
      ImGui::SetClipboardText(model.db_path.c_str());
      note_save(model, frame, "path", core::Status::success());
    }
    gap(theme, 4);
    wrapped_text(theme.fonts.small, kColorTextSecondary,
                 "To use another database, start Rekindle with --db FILE, or set REKINDLE_DB=FILE before starting it.");
  }
  section_label(theme, "SYNC");
  {
    Card card(theme);
    const float width = card.content_width();
    field_text(theme, model, "sync", "CardDAV address book",
               "Keep your contacts in agreement with your phone and other computers.", width);
    gap(theme, 4);
    if (form_button(theme, "Sync…", 0, ButtonKind::kSecondary, true, &frame.buttons)) frame.open_sync = true;
  }

  return frame;
}

}  // namespace rekindle::app
