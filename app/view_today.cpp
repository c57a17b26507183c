#include "app/view_today.h"

#include <cstdio>

#include "app/ui_widgets.h"
#include "core/review_session.h"

namespace rekindle::app {
namespace {

// Core's reasons are phrases ("never contacted yet"); on a card they start a sentence.
std::string sentence_case(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// The card on top of today's deck: who, why today, how warm, when we last talked.
void draw_deck_card(const core::Card& card, bool more_behind, const Theme& theme) {
  Card frame(theme, kColorCard, more_behind);
  const float width = frame.content_width();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float radius = theme.px(40);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, theme.px(4)));
  draw_avatar(draw, ImVec2(top.x + width * 0.5f, top.y + theme.px(4) + radius), radius, card.name, theme);
  ImGui::Dummy(ImVec2(width, 2 * radius + theme.px(6)));
  centered_text(theme.fonts.title, kColorText, card.name);
  std::string role = card.title;
  if (!card.company.empty()) role += (role.empty() ? "" : " \u00b7 ") + card.company;
  if (!role.empty()) centered_text(theme.fonts.body, kColorTextSecondary, role);
  centered_text(theme.fonts.small, kColorTextFaint, time_since_label(card.days_since));

  ImGui::Dummy(ImVec2(0, theme.px(6)));
  const ImVec2 rule = ImGui::GetCursorScreenPos();
  draw->AddLine(rule, ImVec2(rule.x + width, rule.y), kColorDivider, theme.px(1));
  ImGui::Dummy(ImVec2(width, theme.px(4)));

  if (!card.reason.empty()) {
    wrapped_text(theme.fonts.small, kColorTextSecondary,
                 card.kind == core::CardKind::reactivation ? "WORTH REKINDLING" : "WHY TODAY");
    wrapped_text(theme.fonts.body, kColorText, sentence_case(card.reason));
    ImGui::Dummy(ImVec2(0, theme.px(2)));
  }
  wrapped_text(theme.fonts.small, kColorTextSecondary, "WARMTH");
  char percent[16];
  std::snprintf(percent, sizeof percent, "%d%%", static_cast<int>(card.warmth * 100.0 + 0.5));
  ImFont* strong = theme.fonts.strong;
  const float percent_w = strong->CalcTextSizeA(strong->FontSize, FLT_MAX, 0, "100%").x;
  const ImVec2 bar = ImGui::GetCursorScreenPos();
  const float bar_h = theme.px(8), line_h = strong->FontSize;
  draw_warmth_bar(draw, ImVec2(bar.x, bar.y + (line_h - bar_h) * 0.5f),
                  ImVec2(bar.x + width - percent_w - theme.px(12), bar.y + (line_h + bar_h) * 0.5f),
                  static_cast<float>(card.warmth));
  const float text_w = strong->CalcTextSizeA(strong->FontSize, FLT_MAX, 0, percent).x;
  draw->AddText(strong, strong->FontSize, ImVec2(bar.x + width - text_w, bar.y), kColorText, percent);
  ImGui::Dummy(ImVec2(width, line_h));
}

}  // namespace

std::string time_since_label(std::optional<int> days) {
  if (!days) return "No touchpoint logged yet";
  const int d = *days;
  const auto ago = [](int n, const char* unit) {
    return "Last talked " + std::to_string(n) + " " + unit + (n == 1 ? "" : "s") + " ago";
  };
  if (d <= 0) return "Last talked today";
  if (d == 1) return "Last talked yesterday";
  if (d < 14) return ago(d, "day");
  if (d < 61) return ago(d / 7, "week");
  if (d < 730) return ago(d * 12 / 365, "month");
  return ago(d / 365, "year");
}

std::string long_date_label(core::Day day) {
  static constexpr const char* kWeekdays[] = {"Thursday", "Friday",  "Saturday", "Sunday",
                                              "Monday",   "Tuesday", "Wednesday"};  // day 0 was a Thursday
  static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
  int year = 0, month = 1, day_of_month = 1;
  core::split_day(day, &year, &month, &day_of_month);
  const int weekday = ((day.value % 7) + 7) % 7;
  return std::string(kWeekdays[weekday]) + ", " + std::to_string(day_of_month) + " " + kMonths[(month - 1) % 12];
}

TodayModel load_today(core::Store& store, core::Day day) {
  TodayModel model;
  model.day = day;
  auto count = store.contact_count();
  if (!count) {
    model.state = TodayState::kError;
    model.error = count.error();
    return model;
  }
  model.contact_count = *count;
  if (*count == 0) {
    model.state = TodayState::kNoContacts;
    return model;
  }
  auto session = core::ReviewSession::open(store, day);
  if (!session) {
    model.state = TodayState::kError;
    model.error = session.error();
    return model;
  }
  model.reviewed = session->decided();
  model.remaining = session->remaining();
  model.progress = session->progress_text();
  for (const core::Card* card : {session->current(), session->next()})
    if (card) model.cards.push_back(*card);
  model.state = model.cards.empty() ? TodayState::kAllCaughtUp : TodayState::kDeck;
  return model;
}

TodayState draw_today(const TodayModel& model, const Theme& theme) {
  screen_heading(theme, "Today", long_date_label(model.day));
  switch (model.state) {
    case TodayState::kError:
      error_state(theme, "Today's deck could not be read", model.error);
      break;
    case TodayState::kNoContacts:
      empty_state(theme, Icon::kContacts, "No contacts yet",
                  "Import your LinkedIn, Google or phone contacts and your first deck appears here.",
                  "rekindle import FILE", "Connections.csv, a Google or Outlook CSV, or a .vcf file");
      break;
    case TodayState::kAllCaughtUp: {
      const std::string people =
          model.contact_count == 1 ? "1 person" : std::to_string(model.contact_count) + " people";
      const std::string done = model.reviewed == 0
                                   ? "Nobody needs a nudge today."
                                   : "You went through " + std::to_string(model.reviewed) + " today. Well done.";
      empty_state(theme, Icon::kCheck, "All caught up",
                  done + " Your network of " + people + " is resting; come back tomorrow.");
      break;
    }
    case TodayState::kDeck: {
      wrapped_text(theme.fonts.strong, kColorAccent,
                   model.progress + "  \u00b7  " + std::to_string(model.remaining) + " left");
      ImGui::Dummy(ImVec2(0, theme.px(2)));
      draw_deck_card(model.cards.front(), model.cards.size() > 1, theme);
      break;
    }
  }
  return model.state;
}

}  // namespace rekindle::app
