#include "app/view_compose.h"

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: a click outside the editor goes where it lands
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>

#include "app/font_atlas.h"
#include "app/ui_widgets.h"
#include "core/compose_context.h"
#include "core/soft_wrap.h"
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

// The ImGui field keeps its own copy of the text while it has the keyboard: each frame the
// callback re-wraps that copy for the field's width, keeping the cursor in place.
struct EditorWrap {
  ImFont* font;
  float width;
};

int rewrap_callback(ImGuiInputTextCallbackData* data) {
  const auto* wrap = static_cast<const EditorWrap*>(data->UserData);
  const std::string_view current(data->Buf, static_cast<size_t>(data->BufTextLen));
  const core::WrappedText plain = core::soft_unwrap(current, static_cast<size_t>(data->CursorPos));
  const core::WrappedText wrapped = core::soft_wrap(plain.text, plain.cursor, wrap->width, [&](std::string_view s) {
    return wrap->font->CalcTextSizeA(wrap->font->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
  });
  if (wrapped.text != current) {
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, wrapped.text.data(), wrapped.text.data() + wrapped.text.size());
    data->CursorPos = data->SelectionStart = data->SelectionEnd = static_cast<int>(wrapped.cursor);
  }
  return 0;
}

// The message as a wrapped, growing text field (the page scrolls, not the field). True when
// the user changed the text (model.body then holds it).
bool draw_editor(ComposeModel& model, const Theme& theme, float width) {
  ImFont* font = theme.fonts.body;
  const ImGuiStyle& style = ImGui::GetStyle();
  // Room for the text: the frame's padding and a scrollbar's width that never shows.
  EditorWrap wrap{font, width - style.FramePadding.x * 2 - style.ScrollbarSize - theme.px(2)};
  const bool active = ImGui::GetIO().WantTextInput && model.editor_width > 0;
  if (!active || model.editor_width != wrap.width) {
    // Not being typed in: wrap the user's text afresh (cheap: a message is short).
    model.editor_text = core::soft_wrap(model.body, model.body.size(), wrap.width, [&](std::string_view s) {
                          return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
                        }).text;
  }
  model.editor_width = wrap.width;
  const int lines = 1 + static_cast<int>(std::count(model.editor_text.begin(), model.editor_text.end(), '\n'));
  const float height = font->FontSize * static_cast<float>(std::max(lines + 1, 6)) + style.FramePadding.y * 2;
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_FrameBg, kColorPage);
  if (model.focus_editor) {
    ImGui::SetKeyboardFocusHere();
    model.focus_editor = false;
  }
  const bool changed = ImGui::InputTextMultiline("##body", &model.editor_text, ImVec2(width, height),
                                                 ImGuiInputTextFlags_CallbackAlways, rewrap_callback, &wrap);
  model.editor_id = ImGui::GetItemID();
  model.editor_min = ImGui::GetItemRectMin();
  model.editor_max = ImGui::GetItemRectMax();
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (!changed) return false;
  std::string body = core::soft_unwrap(model.editor_text, 0).text;
  if (body == model.body) return false;
  model.body = std::move(body);
  return true;
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
  model.status = "Logged as sent.";
  return core::Status::success();
}

std::string missing_address(const ComposeModel& model) {
  if (!model.context) return {};
  const core::Contact& contact = model.context->contact;
  std::string first = drawable_text(contact.given_name.empty() ? contact.name : contact.given_name);
  if (const size_t space = first.find(' '); contact.given_name.empty() && space != std::string::npos)
    first.resize(space);
  if (first.empty()) first = "This contact";
  const bool has_email = std::any_of(contact.emails.begin(), contact.emails.end(),
                                     [](const auto& e) { return e.value.find('@') != std::string::npos; });
  const bool mail = model.draft.link.rfind("mailto:", 0) == 0;
  const std::string& channel = model.channel;
  if (channel == "email" || channel == "meeting") {
    if (mail) return {};
    return first + " has no e-mail address. Add one in their details" +
           (model.draft.link.empty() ? "." : ", or write on LinkedIn.");
  }
  if (channel == "linkedin" || channel == "linkedin-note") {
    if (!model.draft.link.empty() && !mail) return {};
    return first + " has no LinkedIn profile link. Add it in their details" +
           (has_email ? ", or send an e-mail." : ".");
  }
  if (channel == "phone" && contact.phones.empty()) return first + " has no phone number. Add one in their details.";
  return {};
}

ComposeFrame draw_compose(ComposeModel& model, const Theme& theme, core::Rekindle* api,
                          const platform::InputEvents& events) {
  ComposeFrame frame;
  // One key per action, so a reach-out never needs the mouse (the shell sends none while
  // the editor has the keyboard).
  bool copy_key = false, open_key = false, log_key = false;
  for (const auto& event : events.keys) {
    if (event.repeat || event.mods != 0) continue;
    copy_key |= event.key == platform::key_for_char('c');
    open_key |= event.key == platform::key_for_char('o');
    log_key |= event.key == platform::key_for_char('s');
    if (event.key == platform::key_for_char('e')) model.focus_editor = true;
  }
  // While the editor has the keyboard ImGui spends a click elsewhere on taking it back, and
  // the Back button or a channel (drawn before the editor) would need a second click. Let go
  // of the keyboard first, so the click reaches what it is on.
  if (model.editor_id != 0 && ImGui::GetActiveID() == model.editor_id && ImGui::IsMouseClicked(0) &&
      !ImRect(model.editor_min, model.editor_max).Contains(ImGui::GetIO().MousePos))
    ImGui::ClearActiveID();
  // Back, above the heading, where a phone app puts it.
  ImGui::PushID("back");
  if (chip(theme, "\u2039 Back", false)) frame.back = true;
  ImGui::PopID();
  screen_heading(theme, "Compose",
                 model.contact_name.empty() ? "A personal message" : "To " + drawable_text(model.contact_name));
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

  // Channel chips, wrapping onto a second row in a narrow window.
  const float spacing = theme.px(6);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, spacing));
  const float right_edge = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  for (size_t i = 0; i < std::size(kComposeChannels); ++i) {
    const char* label = kComposeChannels[i].second;
    const bool selected = model.channel == kComposeChannels[i].first;
    if (i > 0) {
      ImGui::SameLine();
      ImFont* font = selected ? theme.fonts.strong : theme.fonts.small;
      const float width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label).x + theme.px(24);
      if (ImGui::GetCursorScreenPos().x + width > right_edge) ImGui::NewLine();
    }
    if (chip(theme, label, selected)) choose_draft(model, kComposeChannels[i].first, "");
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
    if (draw_editor(model, theme, card.content_width())) recompose(model, model.body);  // the guard follows the words
    if (model.draft.limit > 0) {
      const int length = core::character_count(model.body);
      const std::string count = std::to_string(length) + " / " + std::to_string(model.draft.limit) + " characters";
      wrapped_text(theme.fonts.small, length > model.draft.limit ? kColorError : kColorTextSecondary, count);
    }
  }
  frame.address_warning = missing_address(model);
  if (!frame.address_warning.empty()) {
    Card box(theme, kColorErrorSoft);
    wrapped_text(theme.fonts.small, kColorError, frame.address_warning);
  }
  for (const auto& warning : model.draft.warnings) {
    Card box(theme, kColorErrorSoft);
    wrapped_text(theme.fonts.small, kColorError, warning);
  }
  // What the composer knew but left out (a note that is not a phrase, an offer to rewrite):
  // beside the draft, in the user's own words, never pasted into a sentence.
  if (!model.draft.notes.empty()) {
    Card box(theme);
    wrapped_text(theme.fonts.small, kColorTextSecondary, "Kept out of the draft");
    for (const auto& note : model.draft.notes) wrapped_text(theme.fonts.small, kColorText, note);
    frame.notes_shown = static_cast<int>(model.draft.notes.size());
  }
  if (!model.error.empty()) wrapped_text(theme.fonts.small, kColorError, model.error);

  // Copy, Open, Log. Open only opens the chosen channel's own address, never another one.
  const bool mail = model.channel == "email" || model.channel == "meeting";
  const bool can_open = !model.draft.link.empty() && frame.address_warning.empty();
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
  if (action_button(theme, mail ? "Open mail" : "Open profile", width, false, can_open) || open_key) {
    if (!can_open) {
      model.status = frame.address_warning.empty() ? "There is nothing to open for a call." : frame.address_warning;
    } else if (core::Status s = platform::open_link(model.draft.link); s) {
      model.status = mail ? "Opened your mail app." : "Opened the profile in your browser.";
      frame.opened = true;
    } else {
      model.status = std::string(mail ? "Could not open your mail app: " : "Could not open the profile: ") + s.error() +
                     ". Copy the message instead.";
    }
  }
  ImGui::SameLine();
  if ((action_button(theme, model.sent ? "Logged" : "Log as sent", width, true, api && !model.sent) || log_key) &&
      api && !model.sent) {
    if (core::Status s = log_draft_sent(model, *api); s)
      frame.logged = true;
    else
      model.status = "Could not log the message: " + s.error();
  }
  ImGui::PopStyleVar();
  ImGui::Dummy(ImVec2(0, theme.px(2)));
  const char* hint = ImGui::GetIO().WantTextInput
                         ? "Esc back to the deck"
                         : "c copy  \u00b7  o open  \u00b7  s log as sent  \u00b7  e edit  \u00b7  Esc back";
  centered_text(theme.fonts.small, model.status.empty() ? kColorTextFaint : kColorTextSecondary,
                model.status.empty() ? hint : model.status);
  return frame;
}

}  // namespace rekindle::app
