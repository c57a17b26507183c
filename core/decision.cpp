#include "core/decision.h"

#include <cmath>

#include "core/model.h"

namespace rekindle::core {
namespace {

constexpr DecisionKind kKinds[kDirectionCount] = {
    // clang-format off
    {Direction::right, "right", "Reach out", "REACH OUT", "Reach out to", "reached out", "opens the composer", 1, 0, 0x2EA068},
    {Direction::left,  "left",  "Snooze",    "LATER",     "Snoozed",      "snoozed",     "back in a week",     -1, 0, 0x5480CC},
    {Direction::up,    "up",    "Star",      "STAR",      "Starred",      "starred",     "this week's focus",  0, -1, 0xE8A822},
    {Direction::down,  "down",  "Archive",   "ARCHIVE",   "Archived",     "archived",    "out of the deck",    0, 1, 0x7A7480},
    {Direction::skip,  "skip",  "Skip",      "SKIP",      "Skipped",      "skipped",     "back tomorrow",      0, 0, 0x7A7480},
    // clang-format on
};

}  // namespace

std::span<const DecisionKind> decision_kinds() { return kKinds; }

const DecisionKind& decision_kind(Direction direction) { return kKinds[static_cast<int>(direction)]; }

std::optional<Direction> gesture_towards(float dx, float dy) {
  if (dx == 0 && dy == 0) return std::nullopt;
  const bool along_x = std::fabs(dx) >= std::fabs(dy);
  const int sx = along_x ? (dx > 0 ? 1 : -1) : 0, sy = along_x ? 0 : (dy > 0 ? 1 : -1);
  for (const auto& kind : kKinds)
    if (kind.dx == sx && kind.dy == sy) return kind.direction;
  return std::nullopt;
}

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

SchedulingFields decision_effect(Direction direction, const SchedulingFields& before, int snooze_for, Day today) {
  SchedulingFields after = before;
  switch (direction) {
    case Direction::right:
      after.due = today + kReachOutPendingDays;
      after.snooze_streak = 0;
      break;
    case Direction::left:
      after.due = today + snooze_for;
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
