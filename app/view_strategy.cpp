#include "app/view_strategy.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cfloat>

#include "app/ui_widgets.h"
#include "app/view_sort.h"
#include "core/date.h"

namespace rekindle::app {
namespace {

void pill(const Theme& theme, const char* label, ImU32 fill, ImU32 text_color) {
  ImFont* font = theme.fonts.small;
  const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label);
  const ImVec2 pad(theme.px(9), theme.px(4));
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + text.x + 2 * pad.x, min.y + text.y + 2 * pad.y);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, fill, (max.y - min.y) * 0.5f);
  draw->AddText(font, font->FontSize, ImVec2(min.x + pad.x, min.y + pad.y), text_color, label);
  ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
}

std::string people(int64_t n) { return n == 1 ? "1 contact" : std::to_string(n) + " contacts"; }

std::string trimmed(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

StrategyPerson person_of(const core::StrategyEntry& e) {
  StrategyPerson p;
  p.id = e.id;
  p.name = e.name;
  p.role = e.title;
  if (!e.company.empty()) p.role += (p.role.empty() ? "" : " at ") + e.company;
  p.relevance = e.relevance;
  p.can_help = e.can_help;
  p.offer = e.offer;
  return p;
}

// Reads everything again after a change, keeping what the user was told.
void refresh(StrategyModel& model, core::Rekindle& api) {
  const std::string notice = model.notice;
  model = load_strategy(api);
  model.notice = notice;
}

void open_editor(StrategyModel& model, const GoalRow* goal) {
  model.editing = true;
  model.editing_id = goal ? goal->id : 0;
  model.edit_text = goal ? goal->text : "";
  model.edit_target = goal ? goal->target : "";
  model.confirm_archive = 0;
  model.notice.clear();
}

void save_editor(StrategyModel& model, core::Rekindle& api) {
  const std::string text = trimmed(model.edit_text);
  if (text.empty()) {
    model.notice = "A goal needs a sentence: where are you going?";
    return;
  }
  const core::Result<core::Goal> saved = save_goal_text(api, model.editing_id, text, model.edit_target);
  if (!saved) {
    model.notice = saved.error();
    return;
  }
  model.notice.clear();
  refresh(model, api);
}

bool text_field(const Theme& theme, const char* id, const char* hint, std::string* value, float width) {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(theme.px(12), theme.px(9)));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, theme.px(10));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, theme.px(1));
  ImGui::PushStyleColor(ImGuiCol_FrameBg, kColorPage);
  ImGui::SetNextItemWidth(width);
  const bool entered = ImGui::InputTextWithHint(id, hint, value, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(3);
  return entered;
}

void draw_editor(StrategyModel& model, const Theme& theme, core::Rekindle& api, StrategyFrame& frame) {
  Card card(theme);
  wrapped_text(theme.fonts.title, kColorText, model.editing_id ? "Edit goal" : "New goal");
  wrapped_text(theme.fonts.small, kColorTextSecondary, "Where am I going? The next step in your work, in one sentence.");
  ImGui::Dummy(ImVec2(0, theme.px(2)));
  const float w = card.content_width();
  bool enter = text_field(theme, "##goal-text", "e.g. Move into product management", &model.edit_text, w);
  remember_target(&frame.targets, "goal-text");
  ImGui::Dummy(ImVec2(0, theme.px(2)));
  enter |= text_field(theme, "##goal-target", "Target role or industry (optional)", &model.edit_target, w);
  remember_target(&frame.targets, "goal-target");
  ImGui::Dummy(ImVec2(0, theme.px(6)));
  if (!model.notice.empty()) wrapped_text(theme.fonts.small, kColorError, model.notice);
  const float gap = theme.px(10);
  const float half = (card.content_width() - gap) * 0.5f;
  if (wide_button(theme, "Cancel##goal-cancel", half, ButtonStyle::kSecondary)) {
    model.editing = false;
    model.notice.clear();
  }
  remember_target(&frame.targets, "goal-cancel");
  ImGui::SameLine(0, gap);
  if (wide_button(theme, "Save##goal-save", half, ButtonStyle::kPrimary) || enter) save_editor(model, api);
  remember_target(&frame.targets, "goal-save");
}

// A row of small actions under a goal: Edit, Make current, Archive (pressed twice).
void goal_actions(StrategyModel& model, const GoalRow& goal, const Theme& theme, core::Rekindle& api,
                  StrategyFrame& frame) {
  const std::string id = std::to_string(goal.id);
  const float gap = theme.px(18);
  if (text_link(theme, ("Edit##edit-" + id).c_str())) open_editor(model, &goal);
  remember_target(&frame.targets, "edit-" + id);
  if (!goal.current) {
    ImGui::SameLine(0, gap);
    if (text_link(theme, ("Make current##current-" + id).c_str())) {
      if (auto r = api.set_current_goal(goal.id); !r)
        model.notice = r.error();
      else
        return refresh(model, api);
    }
    remember_target(&frame.targets, "current-" + id);
  }
  ImGui::SameLine(0, gap);
  const bool confirming = model.confirm_archive == goal.id;
  if (text_link(theme, ((confirming ? "Archive it? Yes" : "Archive") + std::string("##archive-") + id).c_str())) {
    if (!confirming) {
      model.confirm_archive = goal.id;
    } else if (auto r = api.archive_goal(goal.id); !r) {
      model.notice = r.error();
    } else {
      model.confirm_archive = 0;
      return refresh(model, api);
    }
  }
  remember_target(&frame.targets, "archive-" + id);
}

void draw_goal(StrategyModel& model, const GoalRow& goal, const Theme& theme, core::Rekindle& api,
               StrategyFrame& frame) {
  Card card(theme);
  if (goal.current) {
    pill(theme, "Current goal", kColorAccentSoft, kColorAccent);
    ImGui::Dummy(ImVec2(0, theme.px(2)));
  }
  wrapped_text(theme.fonts.title, kColorText, goal.text);
  std::string facts;
  if (!goal.target.empty()) facts = goal.target;
  if (!goal.deadline.empty()) facts += (facts.empty() ? "By " : " \u00b7 by ") + goal.deadline;
  if (!facts.empty()) wrapped_text(theme.fonts.body, kColorTextSecondary, facts);
  ImGui::Dummy(ImVec2(0, theme.px(2)));
  const std::string helpers =
      goal.relevant_contacts == 0 ? "No one marked yet" : people(goal.relevant_contacts) + " could help";
  wrapped_text(theme.fonts.small, kColorTextSecondary, helpers);
  // A relational networker gives first: flag the people we have nothing to offer yet.
  if (goal.without_offer > 0)
    wrapped_text(theme.fonts.small, kColorAccent,
                 people(goal.without_offer) + " without an offer \u2014 think what you could give first");
  ImGui::Dummy(ImVec2(0, theme.px(8)));
  goal_actions(model, goal, theme, api, frame);
}

// One person: avatar, name, role or what to do; the whole row opens their details.
bool person_row(const StrategyPerson& p, const Theme& theme, bool selected, bool offer_list, const std::string& id) {
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = theme.px(58);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(id.c_str(), ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (selected || hovered)
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), selected ? kColorAccentSoft : kColorCardBehind,
                        theme.px(10));
  const float r = theme.px(18);
  draw_avatar(draw, ImVec2(at.x + theme.px(6) + r, at.y + height * 0.5f), r, p.name, theme);
  const float tx = at.x + theme.px(6) + 2 * r + theme.px(12);
  const float tw = at.x + width - tx - theme.px(24);
  ImFont* strong = theme.fonts.strong;
  ImFont* small = theme.fonts.small;
  std::string line2 = offer_list ? (p.can_help.empty() ? "What could you give first?" : "Could help: " + p.can_help)
                                 : (!p.offer.empty() ? "You offer: " + p.offer : p.role);
  if (line2.empty()) line2 = p.relevance == "high" ? "Could help a lot" : "Could help";
  const float y = at.y + (height - strong->FontSize - small->FontSize - theme.px(3)) * 0.5f;
  const std::string name = ellipsize(strong, strong->FontSize, p.name, tw);
  draw->AddText(strong, strong->FontSize, ImVec2(tx, y), kColorText, name.c_str());
  const std::string sub = ellipsize(small, small->FontSize, line2, tw);
  draw->AddText(small, small->FontSize, ImVec2(tx, y + strong->FontSize + theme.px(3)), kColorTextSecondary,
                sub.c_str());
  // A chevron: the row leads somewhere.
  const ImVec2 c(at.x + width - theme.px(12), at.y + height * 0.5f);
  const float s = theme.px(5);
  const ImVec2 chevron[] = {ImVec2(c.x - s * 0.5f, c.y - s), ImVec2(c.x + s * 0.5f, c.y),
                            ImVec2(c.x - s * 0.5f, c.y + s)};
  draw->AddPolyline(chevron, 3, kColorTextFaint, 0, theme.px(1.8f));
  return clicked;
}

void section_title(const Theme& theme, const std::string& title, const std::string& hint) {
  ImGui::Dummy(ImVec2(0, theme.px(4)));
  wrapped_text(theme.fonts.strong, kColorText, title);
  if (!hint.empty()) wrapped_text(theme.fonts.small, kColorTextSecondary, hint);
  ImGui::Dummy(ImVec2(0, theme.px(2)));
}

void draw_people(StrategyModel& model, const Theme& theme, StrategyFrame& frame) {
  int row = 0;
  {
    Card card(theme);
    section_title(theme, "Who could help \u00b7 " + std::to_string(model.relevant_total),
                  model.relevant_total == 0 ? "No one yet. Sort your network and press H on anyone who could help."
                                            : "");
    for (const auto& p : model.relevant) {
      const std::string id = "relevant-" + std::to_string(p.id);
      if (person_row(p, theme, model.selected == row, false, id)) frame.open_contact = p.id;
      remember_target(&frame.targets, id);
      ++row;
    }
    if (model.relevant_total > static_cast<int64_t>(model.relevant.size()))
      wrapped_text(theme.fonts.small, kColorTextSecondary,
                   "and " + std::to_string(model.relevant_total - static_cast<int64_t>(model.relevant.size())) +
                       " more in Contacts");
  }
  if (model.without_offer_total == 0) return;
  ImGui::Dummy(ImVec2(0, theme.px(kCardGap) - ImGui::GetStyle().ItemSpacing.y));
  Card card(theme);
  section_title(theme, "Nothing to offer yet \u00b7 " + std::to_string(model.without_offer_total),
                "Give first: write what you could do for each of them.");
  for (const auto& p : model.without_offer) {
    const std::string id = "offer-" + std::to_string(p.id);
    if (person_row(p, theme, model.selected == row, true, id)) frame.open_contact = p.id;
    remember_target(&frame.targets, id);
    ++row;
  }
  if (model.without_offer_total > static_cast<int64_t>(model.without_offer.size()))
    wrapped_text(theme.fonts.small, kColorTextSecondary,
                 "and " + std::to_string(model.without_offer_total - static_cast<int64_t>(model.without_offer.size())) +
                     " more");
}

void draw_sort_entry(const StrategyModel& model, const Theme& theme, StrategyFrame& frame) {
  Card card(theme);
  wrapped_text(theme.fonts.strong, kColorText, "Sort your network");
  wrapped_text(theme.fonts.small, kColorTextSecondary,
               sort_progress_text(model.sort) + " \u00b7 mark who is close and who could help");
  ImGui::Dummy(ImVec2(0, theme.px(4)));
  if (wide_button(theme, model.sort.sorted == 0 ? "Start sorting##sort" : "Continue sorting##sort",
                  card.content_width(), ButtonStyle::kSecondary))
    frame.open_sort = true;
  remember_target(&frame.targets, "sort");
}

void gap(const Theme& theme) { ImGui::Dummy(ImVec2(0, theme.px(kCardGap) - ImGui::GetStyle().ItemSpacing.y)); }

void handle_keys(StrategyModel& model, const platform::InputEvents& events, StrategyFrame& frame) {
  const int rows = static_cast<int>(model.relevant.size() + model.without_offer.size());
  for (const auto& e : events.keys) {
    if (e.mods & (platform::kModCtrl | platform::kModAlt | platform::kModSuper)) continue;
    if (e.key == platform::Key::kDown && rows > 0) model.selected = std::min(rows - 1, model.selected + 1);
    if (e.key == platform::Key::kUp && rows > 0) model.selected = std::max(0, model.selected - 1);
    if (e.key == platform::Key::kEnter && !e.repeat && model.selected >= 0 && model.selected < rows) {
      const size_t i = static_cast<size_t>(model.selected);
      frame.open_contact =
          i < model.relevant.size() ? model.relevant[i].id : model.without_offer[i - model.relevant.size()].id;
    }
  }
}

}  // namespace

core::Result<core::Goal> save_goal_text(core::Rekindle& api, int64_t goal_id, const std::string& text,
                                        const std::string& target) {
  if (goal_id != 0) {
    core::GoalEdit edit;
    edit.text = trimmed(text);
    edit.target = trimmed(target);
    return api.edit_goal(goal_id, edit);
  }
  core::Goal goal;
  goal.text = trimmed(text);
  goal.target = trimmed(target);
  return api.add_goal(goal);
}

StrategyModel load_strategy(core::Rekindle& api) {
  StrategyModel model;
  auto goals = api.goal_summaries();
  if (!goals) {
    model.error = goals.error();
    return model;
  }
  for (const auto& summary : *goals) {
    const core::Goal& g = summary.goal;
    GoalRow row;
    row.id = g.id;
    row.text = g.text;
    row.target = g.target;
    row.deadline = g.deadline ? core::format_iso_day(*g.deadline) : "";
    row.current = g.current;
    row.relevant_contacts = summary.relevant_contacts;
    row.without_offer = summary.without_offer;
    model.goals.push_back(std::move(row));
  }
  // The current goal first: it is the one the people below belong to.
  std::stable_sort(model.goals.begin(), model.goals.end(), [](const GoalRow& a, const GoalRow& b) {
    return a.current > b.current;
  });
  auto people_of = api.strategy_people(kStrategyListLimit);
  if (!people_of) {
    model.error = people_of.error();
    return model;
  }
  for (const auto& e : people_of->relevant) model.relevant.push_back(person_of(e));
  for (const auto& e : people_of->without_offer) model.without_offer.push_back(person_of(e));
  model.relevant_total = people_of->relevant_total;
  model.without_offer_total = people_of->without_offer_total;
  if (auto sort = api.sort_progress()) model.sort = *sort;
  return model;
}

StrategyFrame draw_strategy(StrategyModel& model, const Theme& theme, core::Rekindle& api,
                            const platform::InputEvents& events) {
  StrategyFrame frame;
  if (!model.error.empty()) {
    screen_heading(theme, "Strategy", "");
    error_state(theme, "Your goals could not be read", model.error);
    frame.state = StrategyState::kError;
    return frame;
  }
  handle_keys(model, events, frame);
  screen_heading(theme, "Strategy", "Where you are going, and who could help");
  const float width = ImGui::GetContentRegionAvail().x;
  frame.state = model.goals.empty() ? StrategyState::kNoGoals : StrategyState::kGoals;
  if (model.goals.empty() && !model.editing) {
    empty_state(theme, Icon::kStrategy, "No goals yet",
                "Write where your work is heading next. Then mark who could help, and what you can offer them.");
    ImGui::Dummy(ImVec2(0, theme.px(8)));
    if (wide_button(theme, "Write my goal##new-goal", width, ButtonStyle::kPrimary)) open_editor(model, nullptr);
    remember_target(&frame.targets, "new-goal");
  }
  if (model.editing && model.editing_id == 0) {
    draw_editor(model, theme, api, frame);
    gap(theme);
  }
  // A copy: a goal action reloads the model while the list is drawn.
  const std::vector<GoalRow> goals = model.goals;
  for (const auto& goal : goals) {
    if (model.editing && model.editing_id == goal.id)
      draw_editor(model, theme, api, frame);
    else
      draw_goal(model, goal, theme, api, frame);
    gap(theme);
    if (goal.current) {
      draw_people(model, theme, frame);
      gap(theme);
    }
  }
  if (!model.goals.empty() && !model.editing) {
    if (!model.notice.empty()) wrapped_text(theme.fonts.small, kColorError, model.notice);
    if (wide_button(theme, "New goal##new-goal", width, ButtonStyle::kSecondary)) open_editor(model, nullptr);
    remember_target(&frame.targets, "new-goal");
    gap(theme);
  }
  if (model.sort.left() > 0) draw_sort_entry(model, theme, frame);
  ImGui::Dummy(ImVec2(0, theme.px(8)));
  return frame;
}

}  // namespace rekindle::app
