#include "app/view_today.h"

#include "app/ui_widgets.h"

namespace rekindle::app {

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
  model.state = *count == 0 ? TodayState::kNoContacts : TodayState::kAllCaughtUp;
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
      const std::string people = model.contact_count == 1 ? "1 person" : std::to_string(model.contact_count) + " people";
      empty_state(theme, Icon::kCheck, "All caught up",
                  "Nobody needs a nudge today. Your network of " + people + " is resting; come back tomorrow.");
      break;
    }
  }
  return model.state;
}

}  // namespace rekindle::app
