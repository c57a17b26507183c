#include "app/view_sort.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>

#include "app/ui_widgets.h"
#include "app/view_strategy.h"

namespace rekindle::app {
namespace {

// One page of the triage deck: read again when it runs out, never the whole network.
constexpr int kPage = 40;

struct AnswerInfo {
  core::SortAnswer answer;
  const char* label;  // on the button
  const char* done;   // in "Ada Lovelace: keep in touch"
  char key;
};
constexpr AnswerInfo kAnswers[] = {
    {core::SortAnswer::close, "Close", "close", '1'},
    {core::SortAnswer::keep_in_touch, "Keep in touch", "keep in touch", '2'},
    {core::SortAnswer::acquaintance, "Acquaintance", "acquaintance", '3'},
    {core::SortAnswer::unknown, "Don't know", "don't know", '4'},
};

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

std::string trimmed(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

std::string people(int64_t n) { return n == 1 ? "1 person" : std::to_string(n) + " people"; }

const core::SortCandidate* current(const SortModel& model) {
  return model.pos < model.queue.size() ? &model.queue[model.pos] : nullptr;
}

// The toggle and the offer line start from what is stored for the person on show.
void show_person(SortModel& model) {
  model.could_help = false;
  model.offer.clear();
  if (const core::SortCandidate* p = current(model)) {
    model.could_help = p->relevance != "none";
    model.offer = p->offer;
  }
}

void read_page(SortModel& model, core::Rekindle& api, int64_t first = 0) {
  auto page = api.sort_queue(kPage);
  if (!page) {
    model.notice = page.error();
    return;
  }
  model.queue = std::move(*page);
  model.pos = 0;
  // After an undo the person taken back comes first again.
  if (first != 0) {
    auto it = std::find_if(model.queue.begin(), model.queue.end(), [&](const auto& c) { return c.id == first; });
    if (it != model.queue.end()) std::rotate(model.queue.begin(), it, it + 1);
  }
  show_person(model);
}

SortState settle_state(const SortModel& model) {
  return current(model) ? SortState::kTriage : SortState::kDone;
}

void answer(SortModel& model, core::Rekindle& api, core::Day today, core::SortAnswer a, SortFrame& frame) {
  const core::SortCandidate* person = current(model);
  if (!person) return;
  core::SortChoice choice;
  choice.answer = a;
  choice.could_help = model.progress.has_goal && model.could_help;
  const std::string offer = trimmed(model.offer);
  if (model.progress.has_goal && offer != person->offer) choice.offer = offer;
  if (core::Status s = api.sort_contact(person->id, choice, today); !s) {
    model.notice = s.error();
    return;
  }
  model.notice.clear();
  model.progress.sorted += 1;
  model.last = person->name + ": " + kAnswers[static_cast<int>(a)].done;
  frame.answered = a;
  ++model.pos;
  if (model.pos >= model.queue.size()) read_page(model, api);
  show_person(model);
  model.state = settle_state(model);
}

void undo(SortModel& model, core::Rekindle& api, SortFrame& frame) {
  auto undone = api.undo_sort();
  if (!undone) {
    model.notice = undone.error();
    return;
  }
  if (!*undone) {
    model.notice = "Nothing to undo yet.";
    return;
  }
  model.notice.clear();
  model.progress.sorted = std::max<int64_t>(0, model.progress.sorted - 1);
  read_page(model, api, **undone);
  const core::SortCandidate* p = current(model);
  model.last = p ? "Undone: " + p->name : "";
  model.state = settle_state(model);
  frame.undone = true;
}

void leave(SortModel& model, core::Rekindle& api, SortFrame& frame) {
  // "Not now" is remembered, so Today stops asking; Strategy keeps the way back in.
  if (model.progress.left() > 0) {
    if (core::Status s = api.set_sort_skipped(true); !s) {
      model.notice = s.error();
      return;
    }
  }
  frame.leave = true;
}

void save_goal(SortModel& model, core::Rekindle& api, SortFrame& frame) {
  const std::string text = trimmed(model.goal_text);
  if (text.empty()) {
    model.notice = "Write where you are going first, or skip this step.";
    return;
  }
  core::Result<core::Goal> saved = save_goal_text(api, model.goal_id, text, model.goal_target);
  // The goal written here is the one the triage marks helpers for.
  if (model.goal_id == 0 && saved && !saved->current) saved = api.set_current_goal(saved->id);
  if (!saved) {
    model.notice = saved.error();
    return;
  }
  if (core::Status s = api.set_setting(core::kDefaultOfferSetting, trimmed(model.default_offer)); !s) {
    model.notice = s.error();
    return;
  }
  model.notice.clear();
  model.goal_id = saved->id;
  model.progress.has_goal = true;
  frame.goal_saved = true;
  read_page(model, api);  // the goal's links are read with the people
  model.state = settle_state(model);
}

void progress_bar(const Theme& theme, const core::SortProgress& p, float width) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float h = theme.px(6);
  const float fraction = p.total > 0 ? static_cast<float>(p.sorted) / static_cast<float>(p.total) : 0.0f;
  draw->AddRectFilled(at, ImVec2(at.x + width, at.y + h), kColorTrack, h * 0.5f);
  if (fraction > 0)
    draw->AddRectFilled(at, ImVec2(at.x + std::max(h, width * fraction), at.y + h), kColorAccent, h * 0.5f);
  ImGui::Dummy(ImVec2(width, h));
}

// A question in the goal step: its number in a soft circle, the question, a hint under it.
void question(const Theme& theme, int number, const char* text, const char* hint) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float r = theme.px(12);
  ImFont* strong = theme.fonts.strong;
  const ImVec2 c(at.x + r, at.y + strong->FontSize * 0.5f + theme.px(1));
  draw->AddCircleFilled(c, r, kColorAccentSoft, 24);
  const std::string n = std::to_string(number);
  draw->AddText(strong, strong->FontSize, ImVec2(c.x - strong->CalcTextSizeA(strong->FontSize, FLT_MAX, 0, n.c_str()).x * 0.5f,
                                                 c.y - strong->FontSize * 0.5f),
                kColorAccent, n.c_str());
  ImGui::SetCursorScreenPos(ImVec2(at.x + 2 * r + theme.px(10), at.y));
  ImGui::BeginGroup();
  wrapped_text(theme.fonts.title, kColorText, text);
  wrapped_text(theme.fonts.small, kColorTextSecondary, hint);
  ImGui::EndGroup();
  ImGui::Dummy(ImVec2(0, theme.px(2)));
}

bool text_field(const Theme& theme, const char* id, const char* hint, std::string* value, float width) {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(theme.px(12), theme.px(9)));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, theme.px(10));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, theme.px(1));
  ImGui::PushStyleColor(ImGuiCol_FrameBg, kColorPage);
  ImGui::SetNextItemWidth(width);
  const bool changed = ImGui::InputTextWithHint(id, hint, value);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(3);
  return changed;
}

void notice_line(const Theme& theme, const SortModel& model) {
  if (model.notice.empty()) return;
  wrapped_text(theme.fonts.small, kColorError, model.notice);
}

void draw_goal_step(SortModel& model, const Theme& theme, core::Rekindle& api, SortFrame& frame) {
  screen_heading(theme, "Sort your network", "Step 1 of 2 \u00b7 your goal");
  {
    Card card(theme);
    const float w = card.content_width();
    question(theme, 1, "Where am I going?", "The next step in your work, in a sentence.");
    text_field(theme, "##goal", "e.g. Move into product management", &model.goal_text, w);
    remember_target(&frame.targets, "goal-text");
    text_field(theme, "##target", "Target role or industry (optional)", &model.goal_target, w);
    remember_target(&frame.targets, "goal-target");
    ImGui::Dummy(ImVec2(0, theme.px(4)));
    question(theme, 2, "Who could help me get there?", "Mark them next: press H as you sort.");
    ImGui::Dummy(ImVec2(0, theme.px(4)));
    question(theme, 3, "What can I offer?", "Give first. Kept as your default offer.");
    text_field(theme, "##offer", "e.g. give feedback on a product launch", &model.default_offer, w);
    remember_target(&frame.targets, "goal-offer");
    offer_preview_line(theme, model.default_offer);
  }
  ImGui::Dummy(ImVec2(0, theme.px(4)));
  notice_line(theme, model);
  // Skip and save side by side, so both stay on a small screen.
  const float gap = theme.px(10);
  const float width = ImGui::GetContentRegionAvail().x;
  const float skip_w = std::floor((width - gap) * 0.34f);
  if (wide_button(theme, "Skip##skip-goal", skip_w, ButtonStyle::kSecondary)) {
    model.notice.clear();
    model.state = settle_state(model);
  }
  remember_target(&frame.targets, "skip-goal");
  ImGui::SameLine(0, gap);
  const std::string next = model.progress.left() > 0 ? "Save and sort " + people(model.progress.left()) : "Save goal";
  if (wide_button(theme, (next + "##save").c_str(), width - skip_w - gap, ButtonStyle::kPrimary))
    save_goal(model, api, frame);
  remember_target(&frame.targets, "save-goal");
}

std::string month_year(core::Day day) {
  int year = 0, month = 1, d = 1;
  core::split_day(day, &year, &month, &d);
  return std::string(kMonths[(month - 1) % 12]) + " " + std::to_string(year);
}

void draw_person(const core::SortCandidate& p, const Theme& theme, const core::SortProgress& progress) {
  Card card(theme);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float r = theme.px(26);
  draw_avatar(draw, ImVec2(at.x + r, at.y + r), r, p.name, theme);
  const float text_x = at.x + 2 * r + theme.px(14);
  const float text_w = std::max(theme.px(40), at.x + card.content_width() - text_x);
  ImGui::SetCursorScreenPos(ImVec2(text_x, at.y + theme.px(2)));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(text_x + text_w);
  wrapped_text(theme.fonts.title, kColorText, p.name);
  std::string role = p.title;
  if (!p.company.empty()) role += (role.empty() ? "" : " at ") + p.company;
  if (!role.empty()) wrapped_text(theme.fonts.body, kColorTextSecondary, role);
  std::string facts;
  if (p.connected_on) facts = "Connected " + month_year(*p.connected_on);
  if (p.tier != "dormant") facts += (facts.empty() ? "" : " \u00b7 ") + ("now " + p.tier);
  if (progress.has_goal && p.relevance != "none") facts += (facts.empty() ? "" : " \u00b7 ") + std::string("could help");
  if (!facts.empty()) wrapped_text(theme.fonts.small, kColorTextFaint, facts);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const float bottom = std::max(ImGui::GetItemRectMax().y, at.y + 2 * r);
  ImGui::SetCursorScreenPos(ImVec2(at.x, bottom));
  ImGui::Dummy(ImVec2(0, 0));
}

void draw_triage_step(SortModel& model, const Theme& theme, core::Rekindle& api, core::Day today, SortFrame& frame) {
  screen_heading(theme, "Sort your network", "Step 2 of 2 \u00b7 " + sort_progress_text(model.progress));
  progress_bar(theme, model.progress, ImGui::GetContentRegionAvail().x);
  const core::SortCandidate* p = current(model);
  if (!p) return;
  const ImVec2 card_min = ImGui::GetCursorScreenPos();
  const float card_width = ImGui::GetContentRegionAvail().x;
  draw_person(*p, theme, model.progress);
  const ImVec2 card_max(card_min.x + card_width, ImGui::GetCursorScreenPos().y);
  // A drag of the card answers too: released far or fast enough towards a side.
  const ImGuiIO& io = ImGui::GetIO();
  const core::Vec2 mouse{io.MousePos.x, io.MousePos.y};
  if (ImGui::IsMouseClicked(0) && ImGui::IsMouseHoveringRect(card_min, card_max) && !ImGui::IsAnyItemHovered())
    model.drag.begin(mouse, ImGui::GetTime());
  else if (model.drag.active() && ImGui::IsMouseDown(0))
    model.drag.move(mouse, ImGui::GetTime());
  if (model.drag.active() && !ImGui::IsMouseDown(0)) {
    model.drag.move(mouse, ImGui::GetTime());
    if (auto direction = model.drag.release(ImGui::GetTime(), card_width))
      if (auto a = answer_for_swipe(*direction)) {
        answer(model, api, today, *a, frame);
        return;
      }
  }
  ImGui::Dummy(ImVec2(0, theme.px(2)));
  wrapped_text(theme.fonts.strong, kColorText, "How well do you know them?");

  // Two by two, as a thumb reaches them; each button shows its key.
  const float gap = theme.px(10);
  const float width = ImGui::GetContentRegionAvail().x;
  const float cell = (width - gap) * 0.5f;
  for (int i = 0; i < core::kSortAnswerCount; ++i) {
    const AnswerInfo& a = kAnswers[i];
    if (i % 2 == 1) ImGui::SameLine(0, gap);
    const std::string label = std::string(a.label) + "##answer" + std::to_string(i + 1);
    const char key[2] = {a.key, 0};
    if (wide_button(theme, label.c_str(), cell, ButtonStyle::kSecondary, true, key))
      answer(model, api, today, a.answer, frame);
    remember_target(&frame.targets, "answer-" + std::to_string(i + 1));
  }
  if (!current(model)) return;  // the last person was just sorted
  wrapped_text(theme.fonts.small, kColorTextFaint,
               "Or swipe the card: right close, up keep in touch, down acquaintance, left don't know.");

  const bool has_goal = model.progress.has_goal;
  if (toggle_row(theme, has_goal ? "Could help with my goal##help" : "Could help: write your goal first##help",
                 has_goal && model.could_help, has_goal, "H")) {
    model.could_help = !model.could_help;
    if (model.could_help && model.offer.empty()) model.offer = model.default_offer;
  }
  remember_target(&frame.targets, "could-help");
  if (has_goal) {
    text_field(theme, "##person-offer", "What I could offer them (optional)", &model.offer, width);
    remember_target(&frame.targets, "person-offer");
    offer_preview_line(theme, model.offer);
  }
  notice_line(theme, model);

  // One line of links: undo on the left, the goal in the middle, stop on the right.
  ImGui::Dummy(ImVec2(0, theme.px(2)));
  const float row_x = ImGui::GetCursorPosX();
  if (model.progress.sorted > 0) {
    if (text_link(theme, "Undo (U)##undo")) undo(model, api, frame);
    remember_target(&frame.targets, "undo");
    ImGui::SameLine();
  }
  const char* goal_link = has_goal ? "Edit goal##edit-goal" : "Write goal##edit-goal";
  ImFont* strong = theme.fonts.strong;
  const auto text_w = [&](const char* label) {
    const std::string t = visible_label(label);
    return strong->CalcTextSizeA(strong->FontSize, FLT_MAX, 0, t.c_str()).x;
  };
  ImGui::SetCursorPosX(row_x + (width - text_w(goal_link)) * 0.5f);
  if (text_link(theme, goal_link)) {
    model.notice.clear();
    model.state = SortState::kGoal;
  }
  remember_target(&frame.targets, "edit-goal");
  ImGui::SameLine();
  const char* leave_link = "Skip for now (S)##leave";
  ImGui::SetCursorPosX(row_x + width - text_w(leave_link));
  if (text_link(theme, leave_link)) leave(model, api, frame);
  remember_target(&frame.targets, "leave");
  if (!model.last.empty()) centered_text(theme.fonts.small, kColorTextFaint, model.last);
}

void draw_done(SortModel& model, const Theme& theme, SortFrame& frame) {
  screen_heading(theme, "Sort your network", sort_progress_text(model.progress));
  empty_state(theme, Icon::kCheck, "Everyone is sorted",
              "Your daily deck now starts with the people you keep in touch with, ranked for your goal.");
  ImGui::Dummy(ImVec2(0, theme.px(8)));
  const float width = ImGui::GetContentRegionAvail().x;
  if (wide_button(theme, "See today's deck##today", width, ButtonStyle::kPrimary)) frame.leave = true;
  remember_target(&frame.targets, "today");
  if (model.progress.sorted > 0) {
    ImGui::Dummy(ImVec2(0, theme.px(2)));
    if (wide_button(theme, "Undo the last answer##undo", width, ButtonStyle::kQuiet, true, "U")) {
      // Handled like the key, below.
      frame.undone = true;
    }
    remember_target(&frame.targets, "undo");
  }
}

void handle_keys(SortModel& model, core::Rekindle& api, core::Day today, const platform::InputEvents& events,
                 SortFrame& frame) {
  for (const auto& e : events.keys) {
    if (e.repeat || (e.mods & (platform::kModCtrl | platform::kModAlt | platform::kModSuper))) continue;
    const bool undo_key = e.key == platform::key_for_char('U') || e.key == platform::Key::kBackspace;
    if (model.state == SortState::kGoal) {
      if (e.key == platform::Key::kEnter) save_goal(model, api, frame);
      continue;
    }
    if (undo_key && model.progress.sorted > 0) {
      undo(model, api, frame);
      continue;
    }
    if (model.state != SortState::kTriage) continue;
    for (const AnswerInfo& a : kAnswers)
      if (e.key == platform::key_for_char(a.key)) answer(model, api, today, a.answer, frame);
    if (e.key == platform::key_for_char('H') && model.progress.has_goal) {
      model.could_help = !model.could_help;
      if (model.could_help && model.offer.empty()) model.offer = model.default_offer;
    }
    if (e.key == platform::key_for_char('S') || e.key == platform::Key::kEscape) leave(model, api, frame);
  }
  // Two-finger swipes on a touchpad: one answer per gesture, as on Today.
  if (model.state == SortState::kTriage) {
    const double now = ImGui::GetTime();
    for (const auto& scroll : events.scrolls)
      if (auto direction = model.scroll.feed(scroll.x, scroll.y, now))
        if (auto a = answer_for_swipe(*direction)) answer(model, api, today, *a, frame);
  }
}

}  // namespace

std::optional<core::SortAnswer> answer_for_swipe(core::Direction direction) {
  switch (direction) {
    case core::Direction::right:
      return core::SortAnswer::close;
    case core::Direction::up:
      return core::SortAnswer::keep_in_touch;
    case core::Direction::down:
      return core::SortAnswer::acquaintance;
    case core::Direction::left:
      return core::SortAnswer::unknown;
    case core::Direction::skip:
      break;
  }
  return std::nullopt;
}

std::string sort_progress_text(const core::SortProgress& p) {
  return std::to_string(p.sorted) + " of " + std::to_string(p.total) + " sorted";
}

bool sort_invitation_due(const core::SortProgress& p) {
  // A first import leaves everyone without a tier; people added by hand with one were
  // sorted already, and a user who wrote a goal elsewhere has begun on their own.
  if (p.skipped || p.left() == 0) return false;
  return p.sorted > 0 || (!p.has_goal && p.untiered > 0);
}

void load_sort(core::Rekindle& api, core::Day today, SortModel& model) {
  (void)today;
  model = SortModel{};
  auto progress = api.sort_progress();
  if (!progress) {
    model.error = progress.error();
    model.state = SortState::kError;
    return;
  }
  model.progress = *progress;
  auto goals = api.goals();
  if (!goals) {
    model.error = goals.error();
    model.state = SortState::kError;
    return;
  }
  for (const core::Goal& g : *goals)
    if (g.current) {
      model.goal_id = g.id;
      model.goal_text = g.text;
      model.goal_target = g.target;
    }
  if (auto offer = api.setting(core::kDefaultOfferSetting); offer && *offer) model.default_offer = **offer;
  // The touchpad goes the way the user set it for Today.
  if (auto invert = api.setting("touchpad_invert"); invert && *invert)
    model.scroll.set_invert(**invert == "1" || **invert == "true");
  read_page(model, api);
  if (!model.notice.empty()) {
    model.error = model.notice;
    model.state = SortState::kError;
    return;
  }
  // A first visit starts with the goal; coming back, the triage goes on where it stopped.
  model.state = !model.progress.has_goal && model.progress.sorted == 0 ? SortState::kGoal : settle_state(model);
}

SortFrame draw_sort(SortModel& model, const Theme& theme, core::Rekindle& api, core::Day today,
                    const platform::InputEvents& events) {
  SortFrame frame;
  if (model.state == SortState::kError) {
    screen_heading(theme, "Sort your network", "");
    error_state(theme, "Your people could not be read", model.error);
    frame.state = model.state;
    return frame;
  }
  handle_keys(model, api, today, events, frame);
  switch (model.state) {
    case SortState::kGoal:
      draw_goal_step(model, theme, api, frame);
      break;
    case SortState::kTriage:
      draw_triage_step(model, theme, api, today, frame);
      break;
    case SortState::kDone:
    case SortState::kError:
      draw_done(model, theme, frame);
      if (frame.undone) {
        frame.undone = false;
        undo(model, api, frame);
      }
      break;
  }
  frame.state = model.state;
  if (const core::SortCandidate* p = current(model); p && model.state == SortState::kTriage) frame.person = p->id;
  return frame;
}

SortInvitation draw_sort_invitation(const core::SortProgress& p, const Theme& theme) {
  SortInvitation result = SortInvitation::kNone;
  {
    Card card(theme);
    const float width = card.content_width();
    wrapped_text(theme.fonts.title, kColorText, "Sort your network");
    const std::string body =
        p.sorted == 0
            ? people(p.total) + " waiting to be sorted. Answer three questions about where you are going, "
                                "then sort each person with one key: your daily deck will start with the right people."
            : sort_progress_text(p) + ". Carry on where you stopped: " + people(p.left()) + " to go.";
    wrapped_text(theme.fonts.body, kColorTextSecondary, body);
    ImGui::Dummy(ImVec2(0, theme.px(6)));
    if (p.sorted > 0) {
      progress_bar(theme, p, width);
      ImGui::Dummy(ImVec2(0, theme.px(4)));
    }
    if (wide_button(theme, p.sorted == 0 ? "Start sorting##start-sort" : "Continue sorting##start-sort", width,
                    ButtonStyle::kPrimary, true, "Enter"))
      result = SortInvitation::kStart;
    ImGui::Dummy(ImVec2(0, theme.px(2)));
    if (wide_button(theme, "Not now##later-sort", width, ButtonStyle::kQuiet)) result = SortInvitation::kLater;
  }
  return result;
}

}  // namespace rekindle::app
