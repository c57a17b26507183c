#pragma once
// Scheduling per contact: when each person is due, what reconnecting is worth, today's deck
// (due cards, then reactivations from the dormant pool), and the hooks that keep the stored
// due date equal to a replay of the contact's event log.
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/contact.h"
#include "core/model.h"
#include "core/result.h"
#include "core/store.h"

namespace rekindle::core {

// The seed of the deterministic fuzz and reactivation draws: the "schedule_seed" setting
// (a decimal number), else kDefaultSeed.
Result<uint64_t> schedule_seed(Store& store);

// The due day the event log implies: last touch + the fuzzed I(0.9,S), never more than
// 2·S0 after it; nullopt for a contact never touched (due now, on any day) and for the
// dormant pool.
std::optional<Day> scheduled_due(const Contact& contact, std::span<const Interaction> interactions, uint64_t seed);

// Recomputes and stores a contact's due day from its event log, inside the caller's
// transaction. Call it after adding a contact or changing its history, tier or cadence (it
// replaces a snooze). Contacts in the dormant pool keep their due day, which for them only
// means "not before" (a snooze or skip of a reactivation card).
Status reschedule_contact(Store& store, int64_t contact_id, Day today);

// Records a touchpoint and replays the contact's schedule, inside the caller's transaction:
// inserts the interaction, clears the snooze streak, and ties it to today's "right" decision
// for the contact if one is waiting for its message (so undoing that swipe removes both).
// Returns the new interaction's id.
Result<int64_t> log_touch(Store& store, Interaction interaction, Day today);

// What the composer calls when a message was sent: a touch on `day` with no known outcome,
// counted as the provisional grade 3 until record_outcome gives the real one.
Result<int64_t> log_sent_message(Store& store, int64_t contact_id, Day day, const std::string& channel,
                                 const std::string& kind, const std::string& note);

// Sets the real outcome grade (1..4) of a logged touch and replays the contact's schedule,
// inside the caller's transaction.
Status record_outcome(Store& store, int64_t interaction_id, int grade, Day today);

// One contact with everything the deck and the stats need.
struct ContactRecord {
  Contact contact;                        // scheduling fields, names, company, title only
  std::vector<Interaction> interactions;  // oldest first
  std::string relevance = "none";         // for the current goal
  std::string can_help, offer;            // for the current goal
};
struct Network {
  std::vector<ContactRecord> contacts;  // by id
  std::optional<Goal> goal;             // the current goal
};
// Loads every contact (archived included) without photos or contact fields.
Result<Network> load_network(Store& store);
// Re-reads one contact into a loaded network (inserts, replaces or drops its record), so a
// decision does not reload the whole network.
Status reload_contact(Store& store, Network& network, int64_t contact_id);

// The value inputs of a contact on a day (m is unknown to us: 0).
ValueInputs value_inputs(const ContactRecord& record, Day today);

enum class CardKind { due, reactivation };
// "due" or "reactivation", as the JSON shows it.
const char* card_kind_name(CardKind kind);

// One card of the deck, with everything the CLI and the window show.
struct Card {
  int64_t contact_id = 0;
  std::string name, company, title;
  CardKind kind = CardKind::due;
  double score = 0;               // due: ((1 − R)/0.1)·(0.5 + V); reactivation: V
  double value = 0;               // V
  double warmth = 0;              // W today
  std::optional<int> days_since;  // since the last touch; nullopt when never touched
  std::optional<Day> due;
  int overdue_days = 0;
  int snooze_streak = 0;
  bool suggest_rethink = false;  // snoozed 3+ times in a row: longer cadence or archive?
  std::string reason;            // plain words: "close tie, silent 14 months; overdue by 9 days"
};

// What was already decided on the deck's day: those contacts are out of today's deck and
// count against the daily limit and the reactivation slots.
struct DayDecisions {
  std::set<int64_t> decided;
  int count = 0;
  int reactivations = 0;
};

// Today's deck in order: due cards by priority, then (without a backlog from earlier days)
// up to 2 reactivations by value, one slot in five drawn from the top 10; at most
// limit − already decided cards.
std::vector<Card> build_deck(const Network& network, const DayDecisions& done, Day today, int limit, uint64_t seed);

// The plain-words reason shown on a card.
std::string card_reason(const ContactRecord& record, const Card& card, const std::optional<Goal>& goal);

}  // namespace rekindle::core
