#include "app/view_compose.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>

#include "app/ui_widgets.h"
#include "core/compose_context.h"
#include "core/schedule.h"
#include "platform/open_link.h"

namespace rekindle::app {
namespace {

// Asks core for the draft with the model's choices; with edited text, core checks that text
// instead (its warnings and length), so the guard sees what will really be sent.
void recompose(ComposeModel& model, std::optional<std::string> user_text) {
  if (!model.context) return;
  core::DraftRequest request{model.channel, model.template_name, std::move(user_text)};
  auto draft = core::compose(model.templates, *model.context, request);
  if (!draft) {
    model.error = draft.error();
    return;
  }
  model.error.clear();
  const bool checked_text = request.user_text.has_value();
  model.draft = *draft;
  model.channel = draft->channel;
  if (!checked_text) {
    model.template_name = draft->template_name;
    model.body = draft->body;
  }
}

const char* template_label(const ComposeModel& model, const std::string& name) {
  if (const core::MessageTemplate* t = model.templates.find(name))
    return t->label.empty() ? t->name.c_str() : t->label.c_str();
  return name.c_str();
}

// A pill that reads as selected or not; returns true when clicked.
bool chip(const Theme& theme, const char* label, bool selected) {
  ImFont* font = selected ? theme.fonts.strong : theme.fonts.small;
  const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label);
  const ImVec2 size(text.x + theme.px(24), theme.px(32));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(label, size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 fill = selected ? kColorAccent : hovered ? kColorAccentSoft : kColorTrack;
  draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), fill, size.y * 0.5f);
  draw->AddText(font, font->FontSize, ImVec2(at.x + theme.px(12), at.y + (size.y - font->FontSize) * 0.5f),
                selected ? kColorCard : kColorText, label);
  return clicked;
}

// A wide rounded button; disabled ones are drawn faint and never report a click.
bool action_button(const Theme& theme, const char* label, float width, bool primary, bool enabled) {
  const ImVec2 size(width, theme.px(44));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(label, size) && enabled;
  const bool hovered = enabled && ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImU32 fill = primary ? kColorAccent : kColorCard;
  if (!enabled) fill = kColorTrack;
  draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), fill, theme.px(12));
  if (!primary && enabled)
    draw->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), kColorDivider, theme.px(12), 0, theme.px(1.5f));
  if (hovered) draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), IM_COL32(0, 0, 0, 14), theme.px(12));
  ImFont* font = theme.fonts.strong;
  const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label);
  const ImU32 ink = !enabled ? kColorTextFaint : primary ? kColorCard : kColorText;
  draw->AddText(font, font->FontSize, ImVec2(at.x + (size.x - text.x) * 0.5f, at.y + (size.y - text.y) * 0.5f), ink,
                label);
  return clicked;
}

}  // namespace

ComposeModel load_compose(core::Rekindle& api, int64_t contact_id, core::Day day, core::TemplateSet templates) {
  ComposeModel model;
  model.contact_id = contact_id;
  model.templates = std::move(templates);
  auto context = api.compose_context(contact_id, day);
  if (!context) {
    model.error = context.error();
    return model;
  }
  model.contact_name = context->contact.name;
  model.context = std::move(*context);
  recompose(model, std::nullopt);  // empty choices: core picks the default situation and channel
  return model;
}

void choose_draft(ComposeModel& model, const std::string& channel, const std::string& template_name) {
  if (!channel.empty()) model.channel = channel;
  if (!template_name.empty()) model.template_name = template_name;
  model.status.clear();
  recompose(model, std::nullopt);
}

core::Status log_draft_sent(ComposeModel& model, core::Rekindle& api) {
  if (!model.context) return core::make_error("no contact to log a message for");
  if (model.sent) return core::Status::success();
  auto logged = api.log_sent(model.contact_id, model.draft, model.context->today);
  if (!logged) return core::make_error(logged.error());
  model.sent = true;
  model.status = "Logged as sent. Esc goes back to your deck.";
  return core::Status::success();
}

ComposeFrame draw_compose(ComposeModel& model, const Theme& theme, core::Rekindle* api,
                          const platform::InputEvents& events) {
  ComposeFrame frame;
  // One key per action, so a reach-out never needs the mouse.
  bool copy_key = false, open_key = false, log_key = false;
  for (const auto& event : events.keys) {
    if (event.repeat || event.mods != 0 || model.editing) continue;
    copy_key |= event.key == platform::key_for_char('c');
    open_key |= event.key == platform::key_for_char('o');
    log_key |= event.key == platform::key_for_char('s');
    if (event.key == platform::key_for_char('e')) model.editing = true;
  }
  screen_heading(theme, "Compose", model.contact_name.empty() ? "A personal message" : "To " + model.contact_name);
  if (model.contact_id == 0) {
    empty_state(theme, Icon::kCompose, "Your draft appears here",
                "Swipe a card right on Today and Rekindle drafts a personal message for the channel that fits: "
                "a LinkedIn note, an e-mail or a call.",
                "rekindle draft ID", "Press Esc or 1 to go back to Today");
    frame.state = ComposeState::kNoContact;
    return frame;
  }
  if (!model.context) {
    error_state(theme, "This draft could not be prepared", model.error);
    frame.state = ComposeState::kError;
    return frame;
  }
  frame.state = ComposeState::kDraft;

  // Channel chips.
  const float spacing = theme.px(6);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, spacing));
  for (size_t i = 0; i < std::size(kComposeChannels); ++i) {
    if (i > 0) ImGui::SameLine();
    if (chip(theme, kComposeChannels[i].second, model.channel == kComposeChannels[i].first))
      choose_draft(model, kComposeChannels[i].first, "");
  }
  ImGui::PopStyleVar();
  ImGui::Dummy(ImVec2(0, theme.px(4)));

  // Template chooser.
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
  if (ImGui::BeginCombo("##template", template_label(model, model.template_name))) {
    for (const auto& t : model.templates.templates) {
      const bool selected = t.name == model.template_name;
      if (ImGui::Selectable(t.label.empty() ? t.name.c_str() : t.label.c_str(), selected))
        choose_draft(model, "", t.name);
    }
    ImGui::EndCombo();
  }
  ImGui::Dummy(ImVec2(0, theme.px(2)));

  {
    Card card(theme);
    if (!model.draft.subject.empty()) {
      wrapped_text(theme.fonts.small, kColorTextSecondary, "SUBJECT");
      wrapped_text(theme.fonts.strong, kColorText, model.draft.subject);
      ImGui::Dummy(ImVec2(0, theme.px(4)));
    }
    if (model.editing) {
      ImGui::PushStyleColor(ImGuiCol_FrameBg, kColorPage);
      const float height = std::max(theme.px(140), ImGui::GetContentRegionAvail().y - theme.px(280));
      if (ImGui::InputTextMultiline("##body", &model.body, ImVec2(card.content_width(), height)))
        recompose(model, model.body);  // the guard and the count follow the user's words
      ImGui::PopStyleColor();
    } else {
      wrapped_text(theme.fonts.body, kColorText, model.body);
    }
    ImGui::Dummy(ImVec2(0, theme.px(2)));
    if (chip(theme, model.editing ? "Done" : "Edit text", false)) model.editing = !model.editing;
    if (model.draft.limit > 0) {
      const int length = core::character_count(model.body);
      const std::string count = std::to_string(length) + " / " + std::to_string(model.draft.limit) + " characters";
      wrapped_text(theme.fonts.small, length > model.draft.limit ? kColorError : kColorTextSecondary, count);
    }
  }
  for (const auto& warning : model.draft.warnings) {
    Card box(theme, kColorErrorSoft);
    wrapped_text(theme.fonts.small, kColorError, warning);
  }
  if (!model.error.empty()) wrapped_text(theme.fonts.small, kColorError, model.error);

  // Copy, Open, Log.
  const float gap = theme.px(8);
  const float width = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
  if ((action_button(theme, "Copy", width, false, !model.body.empty()) || copy_key) && !model.body.empty()) {
    std::string text = model.draft.subject.empty() ? model.body : model.draft.subject + "\n\n" + model.body;
    ImGui::SetClipboardText(text.c_str());  // the GLFW backend hands it to glfwSetClipboardString
    model.status = "Copied to the clipboard.";
    frame.copied = true;
  }
  ImGui::SameLine();
  if ((action_button(theme, model.draft.link.rfind("mailto:", 0) == 0 ? "Open mail" : "Open profile", width, false,
                     !model.draft.link.empty()) ||
       open_key) &&
      !model.draft.link.empty()) {
    if (core::Status s = platform::open_link(model.draft.link); s) {
      model.status = "Opened " + model.draft.link;
      frame.opened = true;
    } else {
      model.status = s.error();
    }
  }
  ImGui::SameLine();
  if ((action_button(theme, model.sent ? "Logged" : "Log as sent", width, true, api && !model.sent) || log_key) &&
      api && !model.sent) {
    if (core::Status s = log_draft_sent(model, *api); s)
      frame.logged = true;
    else
      model.status = s.error();
  }
  ImGui::PopStyleVar();
  ImGui::Dummy(ImVec2(0, theme.px(2)));
  centered_text(theme.fonts.small, model.status.empty() ? kColorTextFaint : kColorTextSecondary,
                model.status.empty() ? "c copy  \u00b7  o open  \u00b7  s log as sent  \u00b7  Esc back to the deck"
                                     : model.status);
  return frame;
}

}  // namespace rekindle::app
