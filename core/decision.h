#pragma once
// The decisions a user makes on a card, in one place: the directions (the swipe gestures and
// the skip button), their stored and command-line names, the words every front end shows,
// and what each one does to the contact's scheduling fields. Adding a decision kind means a
// new enumerator here and its row and effect in decision.cpp; the CLI, the window's key map
// and help, the store and the summary all read this table.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "core/date.h"

namespace rekindle::core {

// right: reach out; left: snooze; up: star (this week's focus); down: archive; skip: tomorrow.
enum class Direction { right, left, up, down, skip };
inline constexpr int kDirectionCount = 5;

// Everything a front end says about one decision kind.
struct DecisionKind {
  Direction direction;
  const char* name;     // stored in the decisions table and typed on the CLI: "right"
  const char* action;   // a button or help line: "Reach out"
  const char* stamp;    // on a card being dragged this way: "REACH OUT"
  const char* done;     // the toast and CLI after the decision, before the name: "Snoozed"
  const char* counted;  // the session summary's tile: "snoozed"
  const char* effect;   // the key help's note after the action: "opens the composer"
  int dx, dy;           // the swipe on screen (x right, y down); 0, 0: a button, not a gesture
  uint32_t color;       // the kind's colour on cards, stamps and tiles, 0xRRGGBB

  // A swipe direction (skip is a button, not a gesture).
  constexpr bool gesture() const { return dx != 0 || dy != 0; }
};

// Every decision kind, in Direction order.
std::span<const DecisionKind> decision_kinds();
// The row of one direction.
const DecisionKind& decision_kind(Direction direction);
// The gesture that points along (dx, dy): the axis with the larger magnitude wins,
// horizontal on ties; nullopt for (0, 0).
std::optional<Direction> gesture_towards(float dx, float dy);
// "right", "left", "up", "down" or "skip".
const char* direction_name(Direction direction);
// The direction of a stored or typed name; nullopt for anything else.
std::optional<Direction> parse_direction(std::string_view name);

// How long a left swipe snoozes.
enum class SnoozeChoice { week, month, quarter };
inline constexpr std::array<SnoozeChoice, 3> kSnoozeChoices = {SnoozeChoice::week, SnoozeChoice::month,
                                                               SnoozeChoice::quarter};
const char* snooze_name(SnoozeChoice choice);
std::optional<SnoozeChoice> parse_snooze(std::string_view name);  // week, month, quarter
int snooze_days(SnoozeChoice choice);

// A right swipe leaves the card out of the deck this long while its message is written;
// sending (log_touch) replays the real schedule.
inline constexpr int kReachOutPendingDays = 3;

// The contact's scheduling fields: what a decision may change and undo must restore.
struct SchedulingFields {
  std::optional<Day> due;
  bool starred = false;
  bool archived = false;
  int snooze_streak = 0;
  // The newest touch of the contact when the decision was made: a later one (logged after
  // the swipe, not through it) means undo must replay the schedule, not restore the old due.
  int64_t last_interaction_id = 0;
  bool operator==(const SchedulingFields&) const = default;
};

// What deciding `direction` on `today` does to a contact's scheduling fields; a left swipe
// snoozes for snooze_days. Never changes stability or the interaction log (MODEL.md,
// properties 3).
SchedulingFields decision_effect(Direction direction, const SchedulingFields& before, int snooze_days, Day today);

// A decision as it travels on a contact's card (X-REKINDLE-DECISION, vcard_reader.h) to
// another database: its day and direction, and whether the card was a reactivation (those
// count against their own daily slots). Its before-state stays where it was made.
struct DayDecision {
  Day day;
  Direction direction = Direction::skip;
  bool reactivation = false;
  bool operator==(const DayDecision&) const = default;
};

// A card carries its contact's newest decisions, at most this many. A contact is decided at
// most once a day, so seven always cover the last week, which is as far back as anything
// reads decisions of other days (today's deck, the week's focus); older ones are history
// the other database does not need. A count rather than a date window keeps a card's text a
// function of its decisions alone: a card is not pushed again just because a day passed.
inline constexpr size_t kDecisionsOnCard = 7;

// Snoozed this many times in a row: the card suggests a longer cadence or archiving.
bool suggests_rethink(Direction direction, int snooze_streak_after);

}  // namespace rekindle::core
