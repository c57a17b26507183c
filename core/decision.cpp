#include "core/decision.h"

#include "core/model.h"

namespace rekindle::core {
namespace {

constexpr DecisionKind kKinds[kDirectionCount] = {
    {Direction::right, "right", "Reach out", "REACH OUT", "Reach out to", "reached out", true, "opens the composer"},
    {Direction::left, "left", "Snooze", "LATER", "Snoozed", "snoozed", true, "back in a week"},
    {Direction::up, "up", "Star", "STAR", "Starred", "starred", true, "this week's focus"},
    {Direction::down, "down", "Archive", "ARCHIVE", "Archived", "archived", true, "out of the deck"},
    {Direction::skip, "skip", "Skip", "SKIP", "Skipped", "skipped", false, "back tomorrow"},
};

}  // namespace

std::span<const DecisionKind> decision_kinds() { return kKinds; }

const DecisionKind& decision_kind(Direction direction) { return kKinds[static_cast<int>(direction)]; }

const char* direction_name(Direction direction) { return decision_kind(direction).name; }

std::optional<Direction> parse_direction(std::string_view name) {
  for (const auto& kind : kKinds)
    if (name == kind.name) return kind.direction;
  return std::nullopt;
}

const char* snooze_name(SnoozeChoice choice) {
  switch (choice) {
    case SnoozeChoice::week:
      return "week";
    case SnoozeChoice::month:
      return "month";
    case SnoozeChoice::quarter:
      return "quarter";
  }
  return "week";
}

std::optional<SnoozeChoice> parse_snooze(std::string_view name) {
  for (SnoozeChoice c : kSnoozeChoices)
    if (name == snooze_name(c)) return c;
  return std::nullopt;
}

int snooze_days(SnoozeChoice choice) {
  switch (choice) {
    case SnoozeChoice::week:
      return kSnoozeWeekDays;
    case SnoozeChoice::month:
      return kSnoozeMonthDays;
    case SnoozeChoice::quarter:
      return kSnoozeQuarterDays;
  }
  return kSnoozeWeekDays;
}

SchedulingFields decision_effect(Direction direction, const SchedulingFields& before, SnoozeChoice snooze, Day today) {
  SchedulingFields after = before;
  switch (direction) {
    case Direction::right:
      after.due = today + kReachOutPendingDays;
      after.snooze_streak = 0;
      break;
    case Direction::left:
      after.due = today + snooze_days(snooze);
      after.snooze_streak = before.snooze_streak + 1;
      break;
    case Direction::up:
      after.starred = true;
      after.due = today + kStarReachOutDays;
      after.snooze_streak = 0;
      break;
    case Direction::down:
      after.archived = true;
      after.snooze_streak = 0;
      break;
    case Direction::skip:
      after.due = today + kSkipDays;
      break;
  }
  return after;
}

bool suggests_rethink(Direction direction, int snooze_streak_after) {
  return direction == Direction::left && snooze_streak_after >= kSnoozesBeforeSuggestion;
}

}  // namespace rekindle::core
