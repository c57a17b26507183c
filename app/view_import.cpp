#include "app/view_import.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstdlib>

#include "app/ui_widgets.h"

namespace rekindle::app {
namespace {

// Skipped lines listed on screen; a file with more is summarised (the CLI's --json has all).
constexpr size_t kSkippedShown = 200;
// Up to this many skipped lines the list is open from the start.
constexpr size_t kSkippedOpenUpTo = 5;

// 1234567 -> "1,234,567".
std::string grouped(size_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
  return digits;
}

std::string size_label(uint64_t bytes) {
  char text[32];
  if (bytes < 1024) std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
  else if (bytes < 1024 * 1024) std::snprintf(text, sizeof text, "%.0f KB", bytes / 1024.0);
  else std::snprintf(text, sizeof text, "%.1f MB", bytes / (1024.0 * 1024.0));
  return text;
}

std::string plural(size_t n, const char* one, const char* many) { return grouped(n) + " " + (n == 1 ? one : many); }

ImportState state_of(const ImportModel& model) {
  if (!model.job) return ImportState::kIdle;
  switch (model.shown.phase) {
    case ImportPhase::kRunning:
      return ImportState::kRunning;
    case ImportPhase::kDone:
      return ImportState::kDone;
    case ImportPhase::kCancelled:
      return ImportState::kCancelled;
    case ImportPhase::kFailed:
      return ImportState::kFailed;
  }
  return ImportState::kIdle;
}

// Back to the drop zone and the path field (the finished job is let go).
void reset(ImportModel& model) {
  model.job.reset();
  model.shown = ImportSnapshot{};
  model.notice.clear();
  model.skipped_open = false;
}

std::string home_folder() {
  const char* home = std::getenv("HOME");
  return home ? home : "";
}

void gap(const Theme& theme, float logical) { ImGui::Dummy(ImVec2(0, theme.px(logical))); }

// A round badge with an icon, at the left of the cursor's line.
void badge(const Theme& theme, Icon icon, ImU32 fill, ImU32 ink) {
  const float radius = theme.px(22);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 center(top.x + radius, top.y + radius);
  draw->AddCircleFilled(center, radius, fill, 36);
  draw_icon(draw, icon, center, radius * 0.9f, ink, theme.px(2.4f));
  ImGui::Dummy(ImVec2(radius * 2, radius * 2));
}

// The files of the import: name, then format and size on a second line.
void file_rows(const Theme& theme, const std::vector<ImportFileInfo>& files, float width) {
  for (const ImportFileInfo& f : files) {
    ImGui::PushFont(theme.fonts.strong);
    ImGui::PushStyleColor(ImGuiCol_Text, kColorText);
    ImGui::TextUnformatted(ellipsize(theme.fonts.strong, theme.fonts.strong->FontSize, f.name, width).c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - theme.px(6));
    wrapped_text(theme.fonts.small, kColorTextSecondary, std::string(format_label(f.format)) + " \u00b7 " + size_label(f.bytes));
  }
}

void draw_idle(ImportModel& model, const Theme& theme, core::Rekindle& api, core::Day today, ImportFrame& frame) {
  {
    Card card(theme);
    const float width = card.content_width();
    drop_zone(theme, width, "Drop contact files here",
              "Connections.csv from LinkedIn, a Google, Outlook or Thunderbird CSV, or .vcf files", false);
    gap(theme, 12);
    section_label(theme, "Or type or paste a path, one file per line");
    // Multi-line, so a pasted list of files keeps its line breaks; Enter imports.
    const float line = ImGui::GetTextLineHeight();
    const ImVec2 field_at = ImGui::GetCursorScreenPos();
    const bool entered = ImGui::InputTextMultiline(
        "##paths", &model.path_text, ImVec2(width, line * 2 + ImGui::GetStyle().FramePadding.y * 2 + theme.px(4)),
        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CtrlEnterForNewLine);
    frame.buttons.push_back({"Paths", ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
    if (model.path_text.empty() && !ImGui::IsItemActive()) {
      const ImVec2 pad = ImGui::GetStyle().FramePadding;
      ImGui::GetWindowDrawList()->AddText(ImVec2(field_at.x + pad.x, field_at.y + pad.y), kColorTextFaint,
                                          "~/Downloads/Connections.csv");
    }
    gap(theme, 2);
    const std::vector<std::string> paths = parse_path_list(model.path_text, home_folder());
    const bool clicked = form_button(theme, "Import", width, ButtonKind::kPrimary, !paths.empty(), &frame.buttons);
    if ((entered || clicked) && !paths.empty()) frame.started = start_import(model, api, today, paths);
    if (!model.notice.empty()) {
      gap(theme, 4);
      wrapped_text(theme.fonts.small, kColorError, model.notice);
    }
  }
  {
    Card card(theme);
    wrapped_text(theme.fonts.strong, kColorText, "Where to find your contacts");
    gap(theme, 2);
    wrapped_text(theme.fonts.small, kColorTextSecondary,
                 "LinkedIn: Settings \u203a Data privacy \u203a Get a copy of your data \u203a Connections.");
    wrapped_text(theme.fonts.small, kColorTextSecondary, "Google: contacts.google.com \u203a Export \u203a Google CSV.");
    wrapped_text(theme.fonts.small, kColorTextSecondary,
                 "Phone or Outlook: export or share your contacts as a .vcf or CSV file.");
    wrapped_text(theme.fonts.small, kColorTextSecondary,
                 "Importing the same file again changes nothing: people already here are matched, not doubled.");
  }
}

void draw_running(ImportModel& model, const Theme& theme, ImportFrame& frame) {
  Card card(theme);
  const float width = card.content_width();
  const ImportSnapshot& s = model.shown;
  file_rows(theme, s.files, width);
  if (s.files.size() < s.paths.size()) wrapped_text(theme.fonts.small, kColorTextFaint, "Reading the files\u2026");
  gap(theme, 8);
  progress_bar(theme, static_cast<float>(s.permille) / static_cast<float>(core::kImportProgressTotal), width);
  gap(theme, 2);
  std::string status;
  if (model.job->cancel_requested()) {
    status = "Cancelling\u2026 nothing will be saved.";
  } else if (s.progress.storing) {
    status = "Saving " + grouped(s.progress.records_done) + " of " + plural(s.progress.records_total, "contact", "contacts");
  } else if (s.progress.bytes_total > 0) {
    status = "Reading " + size_label(s.progress.bytes_done) + " of " + size_label(s.progress.bytes_total);
  } else {
    status = "Starting\u2026";
  }
  wrapped_text(theme.fonts.small, kColorTextSecondary, status);
  gap(theme, 8);
  if (form_button(theme, "Cancel", width, ButtonKind::kSecondary, !model.job->cancel_requested(), &frame.buttons))
    model.job->cancel();
  if (!model.notice.empty()) {
    gap(theme, 4);
    wrapped_text(theme.fonts.small, kColorError, model.notice);
  }
}

// A tile of the report: a big number over its label.
void count_tile(const Theme& theme, ImVec2 at, float width, int value, const char* label, ImU32 ink) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float height = theme.px(70);
  draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), IM_COL32(250, 246, 242, 255), theme.px(12));
  const std::string number = grouped(static_cast<size_t>(std::max(value, 0)));
  ImFont* big = theme.fonts.big;
  draw->AddText(big, big->FontSize, ImVec2(at.x + theme.px(12), at.y + theme.px(8)), ink, number.c_str());
  draw->AddText(theme.fonts.small, theme.fonts.small->FontSize,
                ImVec2(at.x + theme.px(12), at.y + theme.px(10) + big->FontSize), kColorTextSecondary, label);
}

// What the history files of an import yielded, added up.
core::HistoryReport history_total(const core::ImportReport& r) {
  core::HistoryReport t;
  for (const auto& f : r.files) {
    if (!f.history) continue;
    const core::HistoryReport& h = *f.history;
    t.items += h.items;
    t.touches += h.touches;
    t.already += h.already;
    t.contacts += h.contacts;
    t.lists += h.lists + h.no_reply + h.crowded + h.future + h.without_contacts + h.unreadable;
    t.unknown_people += h.unknown_people;
    for (const auto& a : h.me)
      if (std::find(t.me.begin(), t.me.end(), a) == t.me.end()) t.me.push_back(a);
    t.me_detected = t.me_detected || h.me_detected;
  }
  return t;
}

// The history part of the report: each file's touches, the people left out, and who "you"
// are (detected from the files, with a way to change it and import again).
// True when the import was started again (model.shown is then the new job's).
bool draw_history_report(ImportModel& model, const Theme& theme, ImportFrame& frame, core::Rekindle& api,
                         core::Day today, float width) {
  const core::ImportReport& r = *model.shown.report;
  const core::HistoryReport total = history_total(r);
  gap(theme, 6);
  for (const auto& f : r.files) {
    if (!f.history) continue;
    const core::HistoryReport& h = *f.history;
    std::string name = f.file;
    for (const ImportFileInfo& info : model.shown.files)
      if (info.path == f.file) name = info.name;
    wrapped_text(theme.fonts.strong, kColorText, name);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - theme.px(6));
    const bool meetings = f.format == "ics";
    std::string line = std::string(format_label(f.format)) + " · " + plural(h.touches, "new touch", "new touches") +
                       " with " + plural(h.contacts, "contact", "contacts") + " from " +
                       plural(h.items, meetings ? "event" : "message", meetings ? "events" : "messages");
    if (h.already) line += " (" + grouped(h.already) + " already imported)";
    wrapped_text(theme.fonts.small, kColorTextSecondary, line);
  }
  if (total.lists)
    wrapped_text(theme.fonts.small, kColorTextFaint,
                 plural(total.lists, "message was", "messages were") +
                     " not a conversation with a contact (mailing lists, automated senders, more than " +
                     std::to_string(core::kMaxRecipients) + " people, planned meetings, people not in your contacts).");
  if (total.unknown_people)
    wrapped_text(theme.fonts.small, kColorTextFaint,
                 plural(total.unknown_people, "person", "people") + " in them " +
                     (total.unknown_people == 1 ? "is" : "are") + " not in your contacts and " +
                     (total.unknown_people == 1 ? "was" : "were") + " not added.");
  if (total.me.empty()) return false;
  gap(theme, 6);
  std::string me;
  for (const auto& a : total.me) me += (me.empty() ? "" : ", ") + a;
  wrapped_text(theme.fonts.strong, kColorText, "You: " + me);
  if (total.me_detected) {
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - theme.px(6));
    wrapped_text(theme.fonts.small, kColorTextSecondary,
                 "Found as the address in the most messages: what you sent counts as written by you.");
  }
  if (!model.me_editing) {
    if (form_button(theme, "Not you? Change your address", width, ButtonKind::kSecondary, true, &frame.buttons)) {
      model.me_editing = true;
      model.me_text = me;
    }
    return false;
  }
  ImGui::SetNextItemWidth(width);
  ImGui::InputTextWithHint("##me", "you@example.org, linkedin.com/in/you", &model.me_text);
  const bool ready = !core::normalise_address(model.me_text).empty();
  if (form_button(theme, "Save and import again", width, ButtonKind::kPrimary, ready, &frame.buttons) && ready &&
      api.set_setting(core::kMyAddressesSetting, model.me_text).ok()) {
    model.me_editing = false;
    std::vector<std::string> paths = model.shown.paths;
    return start_import(model, api, today, std::move(paths));
  }
  return false;
}

void draw_report(ImportModel& model, const Theme& theme, ImportFrame& frame, core::Rekindle& api, core::Day today) {
  const core::ImportReport& r = *model.shown.report;
  const bool any_history = std::any_of(r.files.begin(), r.files.end(), [](const auto& f) { return f.history.has_value(); });
  const bool only_history = std::all_of(r.files.begin(), r.files.end(), [](const auto& f) { return f.history.has_value(); });
  Card card(theme);
  const float width = card.content_width();
  badge(theme, Icon::kCheck, IM_COL32(222, 241, 227, 255), kColorReachOut);
  gap(theme, 2);
  wrapped_text(theme.fonts.title, kColorText, "Import complete");
  std::string summary;
  if (r.files.size() == 1) {
    const ImportFileInfo* f = model.shown.files.empty() ? nullptr : &model.shown.files.front();
    summary = f ? f->name + " \u00b7 " + format_label(f->format) : r.files.front().file;
  } else {
    summary = plural(r.files.size(), "file", "files");
  }
  wrapped_text(theme.fonts.body, kColorTextSecondary, summary);
  gap(theme, 8);

  // Two by two, so the numbers keep a big size on a narrow phone.
  const float spacing = theme.px(10);
  const float tile = (width - spacing) * 0.5f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float row = theme.px(70) + spacing;
  if (only_history) {
    const core::HistoryReport t = history_total(r);
    count_tile(theme, at, tile, t.touches, "new touches", kColorReachOut);
    count_tile(theme, ImVec2(at.x + tile + spacing, at.y), tile, t.contacts, "contacts", kColorText);
    count_tile(theme, ImVec2(at.x, at.y + row), tile, t.already, "already imported", kColorTextSecondary);
    count_tile(theme, ImVec2(at.x + tile + spacing, at.y + row), tile, t.lists, "not touches", kColorTextSecondary);
  } else {
    count_tile(theme, at, tile, r.added, "added", kColorReachOut);
    count_tile(theme, ImVec2(at.x + tile + spacing, at.y), tile, r.updated, "updated", kColorText);
    count_tile(theme, ImVec2(at.x, at.y + row), tile, r.unchanged, "unchanged", kColorTextSecondary);
    count_tile(theme, ImVec2(at.x + tile + spacing, at.y + row), tile, r.skipped, "skipped",
               r.skipped ? kColorError : kColorTextSecondary);
  }
  ImGui::Dummy(ImVec2(width, row * 2 - spacing));
  // Imported again with another address: the next frame draws the new job.
  if (any_history && draw_history_report(model, theme, frame, api, today, width)) return;

  if (r.files.size() > 1) {
    gap(theme, 6);
    for (const auto& f : r.files) {
      if (f.history) continue;
      std::string name = f.file;
      for (const ImportFileInfo& info : model.shown.files)
        if (info.path == f.file) name = info.name;
      wrapped_text(theme.fonts.strong, kColorText, name);
      ImGui::SetCursorPosY(ImGui::GetCursorPosY() - theme.px(6));
      wrapped_text(theme.fonts.small, kColorTextSecondary,
                   std::string(format_label(f.format)) + " \u00b7 " + grouped(f.added) + " added, " +
                       grouped(f.updated) + " updated, " + grouped(f.unchanged) + " unchanged, " +
                       grouped(f.skipped.size()) + " skipped");
    }
  }

  if (r.skipped > 0) {
    gap(theme, 6);
    const std::string header =
        std::string(model.skipped_open ? "Hide" : "Show") + " the " + plural(r.skipped, "skipped line", "skipped lines");
    ImFont* font = theme.fonts.strong;
    const ImVec2 head_at = ImGui::GetCursorScreenPos();
    const ImVec2 head_size(width, font->FontSize + theme.px(12));
    if (ImGui::InvisibleButton("##skipped", head_size)) model.skipped_open = !model.skipped_open;
    frame.buttons.push_back({"Skipped", head_at, ImVec2(head_at.x + head_size.x, head_at.y + head_size.y)});
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // A chevron: right when folded, down when open.
    const float h = theme.px(4.5f);
    const ImVec2 c(head_at.x + h + theme.px(2), head_at.y + head_size.y * 0.5f);
    if (model.skipped_open) {
      draw->AddLine(ImVec2(c.x - h, c.y - h * 0.5f), ImVec2(c.x, c.y + h * 0.5f), kColorAccent, theme.px(2));
      draw->AddLine(ImVec2(c.x, c.y + h * 0.5f), ImVec2(c.x + h, c.y - h * 0.5f), kColorAccent, theme.px(2));
    } else {
      draw->AddLine(ImVec2(c.x - h * 0.5f, c.y - h), ImVec2(c.x + h * 0.5f, c.y), kColorAccent, theme.px(2));
      draw->AddLine(ImVec2(c.x + h * 0.5f, c.y), ImVec2(c.x - h * 0.5f, c.y + h), kColorAccent, theme.px(2));
    }
    draw->AddText(font, font->FontSize, ImVec2(head_at.x + theme.px(20), head_at.y + theme.px(6)), kColorAccent,
                  header.c_str());
    if (model.skipped_open) {
      size_t shown = 0;
      for (const auto& f : r.files) {
        std::string name = f.file;
        for (const ImportFileInfo& info : model.shown.files)
          if (info.path == f.file) name = info.name;
        for (const core::SkippedRecord& skip : f.skipped) {
          if (shown++ == kSkippedShown) break;
          const std::string where = (r.files.size() > 1 ? name + ", line " : "Line ") + std::to_string(skip.line);
          wrapped_text(theme.fonts.small, kColorText, where);
          ImGui::SetCursorPosY(ImGui::GetCursorPosY() - theme.px(8));
          wrapped_text(theme.fonts.small, kColorTextSecondary, skip.reason);
        }
      }
      if (static_cast<size_t>(r.skipped) > kSkippedShown)
        wrapped_text(theme.fonts.small, kColorTextFaint,
                     "and " + plural(r.skipped - kSkippedShown, "more", "more") +
                         ": rekindle import FILE --dry-run --json lists them all.");
    }
  }

  gap(theme, 10);
  if (model.first_import && r.added > 0) {
    wrapped_text(theme.fonts.small, kColorTextSecondary,
                 "Next, tell Rekindle who matters: a quick pass over the people you just imported.");
    gap(theme, 4);
    if (form_button(theme, "Sort your network \u2192", width, ButtonKind::kPrimary, true, &frame.buttons))
      frame.exit = ImportExit::kSort;
    if (form_button(theme, "Go to Today", width, ButtonKind::kSecondary, true, &frame.buttons))
      frame.exit = ImportExit::kToday;
  } else {
    if (form_button(theme, "Go to Today", width, ButtonKind::kPrimary, true, &frame.buttons))
      frame.exit = ImportExit::kToday;
    if (form_button(theme, "Import more files", width, ButtonKind::kSecondary, true, &frame.buttons)) reset(model);
  }
}

// Cancelled or failed: nothing was stored; say so, and offer the way back.
void draw_stopped(ImportModel& model, const Theme& theme, ImportFrame& frame, bool cancelled) {
  Card card(theme);
  const float width = card.content_width();
  if (cancelled) {
    badge(theme, Icon::kCheck, kColorTrack, kColorTextSecondary);
    gap(theme, 2);
    wrapped_text(theme.fonts.title, kColorText, "Import cancelled");
    wrapped_text(theme.fonts.body, kColorTextSecondary,
                 "Nothing was changed: your contacts are exactly as they were before.");
  } else {
    const float radius = theme.px(22);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const ImVec2 center(top.x + radius, top.y + radius);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddCircleFilled(center, radius, kColorErrorSoft, 36);
    // An exclamation mark: a bar and a dot.
    draw->AddLine(ImVec2(center.x, center.y - radius * 0.45f), ImVec2(center.x, center.y + radius * 0.1f), kColorError,
                  theme.px(2.8f));
    draw->AddCircleFilled(ImVec2(center.x, center.y + radius * 0.4f), theme.px(1.8f), kColorError, 12);
    ImGui::Dummy(ImVec2(radius * 2, radius * 2));
    gap(theme, 2);
    wrapped_text(theme.fonts.title, kColorText, "The import stopped");
    wrapped_text(theme.fonts.body, kColorText, model.shown.error);
    gap(theme, 2);
    wrapped_text(theme.fonts.small, kColorTextSecondary, "Nothing was imported, so nothing was changed.");
  }
  gap(theme, 10);
  if (form_button(theme, cancelled ? "Import files" : "Try again", width, ButtonKind::kPrimary, true, &frame.buttons))
    reset(model);
  if (form_button(theme, "Go to Today", width, ButtonKind::kSecondary, true, &frame.buttons))
    frame.exit = ImportExit::kToday;
}

}  // namespace

void load_import(core::Rekindle& api, core::Day today, ImportModel& model) {
  (void)api;
  (void)today;
  model.error.clear();
  if (model.job) model.shown = model.job->snapshot();
}

bool start_import(ImportModel& model, core::Rekindle& api, core::Day today, std::vector<std::string> paths) {
  if (paths.empty()) return false;
  if (model.job && !model.job->finished()) {
    model.notice = "An import is already running: drop the files again when it has finished.";
    return false;
  }
  auto count = api.contact_count();
  model.first_import = count && *count == 0;
  model.notice.clear();
  model.skipped_open = false;
  model.finish_seen = false;
  model.job.reset();
  model.job = std::make_unique<ImportJob>(api, std::move(paths), today, model.hooks);
  model.shown = model.job->snapshot();
  return true;
}

bool import_just_finished(ImportModel& model) {
  if (!model.job || model.finish_seen || !model.job->finished()) return false;
  model.finish_seen = true;
  model.shown = model.job->snapshot();
  if (model.shown.report) {
    size_t skipped = static_cast<size_t>(model.shown.report->skipped);
    model.skipped_open = skipped > 0 && skipped <= kSkippedOpenUpTo;
  }
  return true;
}

ImportFrame draw_import(ImportModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                        const platform::InputEvents& events) {
  (void)events;
  ImportFrame frame;
  if (back_link(theme, "Today", &frame.buttons)) frame.exit = ImportExit::kToday;
  if (!model.error.empty()) {
    screen_heading(theme, "Import contacts", "");
    error_state(theme, "This screen could not be loaded", model.error);
    frame.state = ImportState::kError;
    return frame;
  }
  // While the job runs its state is copied each frame; once finished, once (the shell calls
  // import_just_finished before drawing).
  if (model.job && !model.finish_seen) model.shown = model.job->snapshot();
  frame.state = state_of(model);
  static constexpr const char* kSubtitles[] = {
      "", "From LinkedIn, Google, Outlook or your phone", "This takes a moment for a large file",
      "Here is what changed", "", ""};
  screen_heading(theme, "Import contacts", kSubtitles[static_cast<int>(frame.state)]);
  switch (frame.state) {
    case ImportState::kIdle:
      draw_idle(model, theme, api, today, frame);
      if (frame.started) frame.state = state_of(model);
      break;
    case ImportState::kRunning:
      draw_running(model, theme, frame);
      break;
    case ImportState::kDone:
      draw_report(model, theme, frame, api, today);
      break;
    case ImportState::kCancelled:
    case ImportState::kFailed:
      draw_stopped(model, theme, frame, frame.state == ImportState::kCancelled);
      break;
    case ImportState::kError:
      break;
  }
  const ImportSnapshot& s = model.shown;
  frame.permille = s.permille;
  frame.records_done = s.progress.records_done;
  frame.records_total = s.progress.records_total;
  frame.files = s.files;
  frame.first_import = model.first_import;
  if (s.report) {
    frame.added = s.report->added;
    frame.updated = s.report->updated;
    frame.unchanged = s.report->unchanged;
    frame.skipped = s.report->skipped;
    const core::HistoryReport history = history_total(*s.report);
    frame.touches = history.touches;
    for (const auto& a : history.me) frame.me += (frame.me.empty() ? "" : ", ") + a;
  }
  if (model.job && s.phase == ImportPhase::kFailed) frame.message = s.error;
  return frame;
}

bool import_invitation(const Theme& theme, Clickables* where) {
  // Centred in the space left, with the card's height from the previous frame, as the other
  // empty states are.
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID height_id = ImGui::GetID("##import_invitation");
  const float last_height = storage->GetFloat(height_id, 0.0f);
  const float space = ImGui::GetContentRegionAvail().y;
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(theme.px(8), (space - last_height) * 0.38f));
  const float top = ImGui::GetCursorScreenPos().y;
  bool clicked = false;
  {
    Card card(theme);
    const float width = card.content_width();
    gap(theme, 10);
    const float radius = theme.px(34);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 center(at.x + width * 0.5f, at.y + radius);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddCircleFilled(center, radius, kColorAccentSoft, 48);
    draw_icon(draw, Icon::kContacts, center, radius * 0.95f, kColorAccent, theme.px(2.4f));
    ImGui::Dummy(ImVec2(width, radius * 2 + theme.px(14)));
    centered_text(theme.fonts.title, kColorText, "No contacts yet");
    gap(theme, 2);
    centered_text(theme.fonts.body, kColorTextSecondary,
                  "Import your LinkedIn, Google or phone contacts and your first deck appears here.");
    gap(theme, 12);
    ImFont* font = theme.fonts.strong;
    const float button = std::min(width, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, "Import contacts").x +
                                             theme.px(64));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - button) * 0.5f);
    clicked = form_button(theme, "Import contacts", button, ButtonKind::kPrimary, true, where);
    gap(theme, 6);
    centered_text(theme.fonts.small, kColorTextFaint,
                  "Or drop Connections.csv, a Google or Outlook CSV, or a .vcf file on this window.");
    gap(theme, 8);
  }
  storage->SetFloat(height_id, ImGui::GetItemRectMax().y - top);
  return clicked;
}

}  // namespace rekindle::app
