#pragma once
// The daily review: today's deck for a day, the decisions on its cards (each one SQLite
// transaction, recorded in `decisions` with the contact's prior scheduling fields), undo of
// any number of steps, the daily streak and the end-of-session summary. The CLI, the tests
// and the window all drive this same object, so every rule lives here.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decision.h"
#include "core/result.h"
#include "core/schedule.h"
#include "core/store.h"

namespace rekindle::core {

// The largest daily limit a user may set.
inline constexpr int kMaxDailyLimit = 500;
// The daily limit N: the "daily_limit" setting, else 10.
Result<int> daily_limit(Store& store);
// Stores the daily limit (1..500) in its own transaction.
Status set_daily_limit(Store& store, int limit);
// How many days a left swipe snoozes when no interval is chosen: the "default_snooze_days"
// setting (1..kMaxSnoozeDays), else a week; and its change.
inline constexpr int kMaxSnoozeDays = 365;
Result<int> default_snooze_days(Store& store);
Status set_default_snooze_days(Store& store, int days);

// What was decided on a day (who, how many, how many reactivation cards).
Result<DayDecisions> decisions_on(Store& store, Day day);
// Today's deck for the day with the given limit (what remains of it after today's decisions).
// Once a review of the day has dealt its deck, only the dealt cards are left in it (read
// only: this never deals).
Result<std::vector<Card>> todays_deck(Store& store, Day today, int limit);

// The deck a day's review dealt: who was in it (decided or not) and how many contacts were on
// the list (in a layer, not archived) then. Kept in the "dealt_deck" setting so the count
// holds across screens, restarts and CLI calls. Working through the deck (decisions, undos,
// snoozes, edits of the people in it) never adds a card: clearing a backlog does not bring
// in reactivations at 6 of 8. It is dealt again, topped up to the daily limit, only when the
// user puts more people on their list (sorting the network, a tier given from the pool) or
// raises the daily limit; an undo puts its card back.
struct DealtDeck {
  Day day;
  int listed = 0;
  std::set<int64_t> contacts;
};
// The day's dealt deck, nullopt when none was dealt on that day (or the record is damaged).
Result<std::optional<DealtDeck>> dealt_deck(Store& store, Day day);
// Contacts on the list: in a layer (or with a cadence), archived or not.
int listed_count(const Network& network);

// One decision as it happened.
struct DecisionOutcome {
  int64_t decision_id = 0;
  Direction direction = Direction::skip;
  int64_t contact_id = 0;
  std::string name;
  Day day;
  std::optional<Day> due;        // the contact's due day after the decision
  int snooze_streak = 0;         // after the decision
  bool suggest_rethink = false;  // left 3+ times in a row: suggest a longer cadence or archive
};

// Applies a decision to a card as one committed transaction. snooze_for (days) matters only for
// left. Never changes stability or the interaction log.
Result<DecisionOutcome> apply_decision(Store& store, const Card& card, Direction direction, int snooze_for,
                                       Day today);

// Undoes the latest decision (of any day) as one transaction: restores the contact's prior
// scheduling fields and deletes the touchpoint it created. nullopt when nothing is left.
Result<std::optional<DecisionOutcome>> undo_last_decision(Store& store);

// Changes how long the latest decision snoozes, as one transaction: when it is a left swipe
// made on `today`, its card is snoozed again for `choice`, computed from the state before
// that swipe, and it stays one decision (undo afterwards restores the state before the
// swipe). Fails, changing nothing, when the latest decision is anything else.
Result<DecisionOutcome> change_snooze(Store& store, SnoozeChoice choice, Day today);

// Consecutive days with at least one decision, ending today (or yesterday while today's
// review has not started yet).
Result<int> review_streak(Store& store, Day today);

// This week's focus list: contacts starred (swiped up) in the 7 days up to today that are
// still starred and not archived, most recently starred first.
Result<std::vector<int64_t>> focus_this_week(Store& store, Day today);

struct SessionSummary {
  Day day;
  int reviewed = 0;
  std::array<int, kDirectionCount> counted{};  // decisions of each kind, by Direction
  int count(Direction direction) const { return counted[static_cast<size_t>(direction)]; }
  int remaining = 0;
  int streak_days = 0;
  bool finished = false;  // nothing left in today's deck
};
// The summary of a day's review.
Result<SessionSummary> session_summary(Store& store, Day today, int limit);

// The review session the window and the CLI drive: holds today's deck (the dealt contacts,
// never the whole network) and after a command re-reads only the contact it changed.
class ReviewSession {
 public:
  // Opens the review of `today` with the daily limit setting.
  static Result<ReviewSession> open(Store& store, Day today);

  const Card* current() const { return deck_.empty() ? nullptr : &deck_[0]; }
  const Card* next() const { return deck_.size() < 2 ? nullptr : &deck_[1]; }
  const std::vector<Card>& deck() const { return deck_; }
  int remaining() const { return static_cast<int>(deck_.size()); }
  int decided() const { return done_.count; }
  // Cards in today's session: decided + remaining.
  int total() const { return decided() + remaining(); }
  // "4 / 10": the number of the card on screen (or of the last one when done) over the total.
  std::string progress_text() const;
  Day day() const { return today_; }
  int limit() const { return limit_; }
  const std::string& last_error() const { return last_error_; }
  const SessionSummary& summary() const { return summary_; }

  // Decides on the current card; fails (and sets last_error) when the deck is empty.
  // A snooze without a chosen interval lasts the default snooze setting.
  Result<DecisionOutcome> decide(Direction direction, std::optional<SnoozeChoice> snooze = std::nullopt);
  // Undoes the latest decision; nullopt when there is nothing to undo.
  Result<std::optional<DecisionOutcome>> undo();
  // Snoozes the card just snoozed for `choice` instead; fails (and sets last_error) when the
  // latest decision is not a snooze of today.
  Result<DecisionOutcome> change_snooze(SnoozeChoice choice);
  // Changes and stores the daily limit, then rebuilds the deck.
  Status set_limit(int limit);
  // Reloads everything from the store (after changes made elsewhere, e.g. an import).
  Status refresh();
  // Reloads one contact after a change made elsewhere (a sent message, an edit).
  Status refresh_contact(int64_t contact_id);

 private:
  ReviewSession(Store& store, Day today) : store_(&store), today_(today) {}
  // Keeps the error of a failed decision, or refreshes the decided contact's card.
  Result<DecisionOutcome> after_decision(Result<DecisionOutcome> out);
  // Rebuilds the deck and the summary from the loaded network and today's decisions.
  // force_deal: deal again (a new daily limit) even when the list did not grow.
  Status rebuild(bool force_deal = false);
  // Stores dealt_ as the day's dealt deck.
  Status save_dealt();
  // Re-reads one contact the session changed (a decision, an undo) and rebuilds the deck.
  Status reload_one(int64_t contact_id);
  Store* store_;
  std::optional<DealtDeck> dealt_;
  Day today_;
  int limit_ = kDefaultDailyLimit;
  int snooze_days_ = kSnoozeWeekDays;  // the default snooze setting, read when opened
  uint64_t seed_ = kDefaultSeed;
  int64_t listed_ = 0;  // contacts on the list, counted when the session (or a contact) is refreshed
  // The dealt contacts (or, while dealing, today's candidates): never the whole network.
  Network network_;
  DayDecisions done_;
  std::vector<Card> deck_;
  SessionSummary summary_;
  std::string last_error_;
};

}  // namespace rekindle::core
