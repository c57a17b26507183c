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

// The due day the event log implies: last real touch + the fuzzed I(0.9,S), never more than
// 2·S0 after it; nullopt for the dormant pool and for a contact back on the list (no real
// touch since its tier was given: ready now, dealt by value as the deck has room).
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
  double closeness = 0;           // c of the contact's tier
  double warmth = 0;              // W today
  std::optional<int> days_since;  // since the last touch or the connection; nullopt: no date
  std::optional<int> days_since_talked;     // since the last real touch; nullopt: never in touch
  std::optional<int> days_since_connected;  // since the connection date, when known
  std::optional<Day> due;
  int overdue_days = 0;          // days past the due day (0 when not due yet or back on the list)
  int snooze_streak = 0;
  bool suggest_rethink = false;  // snoozed 3+ times in a row: longer cadence or archive?
  bool back_on_list = false;     // given a tier, no touch since: new on the list, not overdue
  bool starred = false;
  std::string touch;   // "Last talked 3 weeks ago", "Connected 3 years ago, never in touch since"
  std::string reason;  // why today, in plain words: "close tie; due 9 days ago"
};

// The card's history line from the log, saying who wrote last: "You last wrote 3 weeks ago",
// "Ana wrote 10 days ago, no reply yet", "Last met 2 weeks ago", "Last talked 5 days ago";
// without a touch, touch_words' line (the connection date, or nothing on record).
std::string history_words(const Contact& contact, std::span<const Interaction> interactions, Day today);

// "Last talked today", "Last talked 5 days ago", "Last talked 14 months ago".
std::string last_talked_words(int days);
// The card's history line: the last real touch, else the connection date (the start of the
// history, not a conversation), else that nothing is on record.
std::string touch_words(std::optional<int> days_since_talked, std::optional<int> days_since_connected);

// What was already decided on the deck's day: those contacts are out of today's deck and
// count against the daily limit and the reactivation slots.
struct DayDecisions {
  std::set<int64_t> decided;
  int count = 0;
  int reactivations = 0;
};

// Today's deck in order: due cards by priority; then contacts back on the list (given a
// tier, not touched since) by the same priority with the cadence counted from the day they
// joined the list (a network sorted today: by value alone), as many as there is room for
// after keeping the day's reactivation slots, so a freshly sorted network arrives a deck at
// a time, best first; then
// (without a backlog from earlier days) up to 2 reactivations by value, one slot in five
// drawn from the top 10. At most limit − already decided cards. Ties in value are broken by
// closeness, by seniority of title, then by a seeded shuffle, never by file order.
// only_from, when given, keeps the deck to those contacts (a session's dealt cards).
std::vector<Card> build_deck(const Network& network, const DayDecisions& done, Day today, int limit, uint64_t seed,
                             const std::set<int64_t>* only_from = nullptr);

// How senior a job title reads, 0 (none) to 3 (founder, partner, C-level, VP, head, director):
// a tie-break among equal values (Walter et al. 2016: higher status, more useful help).
int title_seniority(std::string_view title);

// The plain-words reason shown on a card.
std::string card_reason(const ContactRecord& record, const Card& card, const std::optional<Goal>& goal);

}  // namespace rekindle::core
