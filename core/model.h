#pragma once
// The warmth and scheduling model of MODEL.md as pure functions over plain data.
// Every constant of the model lives in this header, named; weights are starting values to
// refit from real outcomes.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "core/contact.h"

namespace rekindle::core {

// FSRS forgetting curve R(t,S) = (1 + F·t/S)^(−d), with R(S,S) = 0.9.
inline constexpr double kDecay = 0.5;
inline constexpr double kFactor = 19.0 / 81.0;
inline constexpr double kTargetRetention = 0.9;
// Stability multipliers by outcome grade 1..4.
inline constexpr double kGradeMultiplier[] = {0.5, 0.85, 1.0, 1.25};
// Grade assumed for a touch whose outcome is unknown (a sent message), and for inbound ones.
inline constexpr int kProvisionalGrade = 3;
inline constexpr int kInboundGrade = 4;
// Warmth floor f = kFloorBase + kFloorCloseness·c: a close tie never goes fully cold.
inline constexpr double kFloorBase = 0.15;
inline constexpr double kFloorCloseness = 0.35;

// Value V = 0.35·g + 0.20·e + 0.20·n + 0.15·o + 0.10·(½·(m/10)·e^(1 − m/10) + ½·c).
inline constexpr double kWeightGoal = 0.35;
inline constexpr double kWeightTrust = 0.20;
inline constexpr double kWeightNovelty = 0.20;
inline constexpr double kWeightOffer = 0.15;
inline constexpr double kWeightTie = 0.10;
inline constexpr double kMutualPeak = 10.0;   // mutual connections where the m-term peaks
inline constexpr double kDefaultTrust = 0.5;  // e when the user has not said
// Novelty n: years since the last touch, full at 3 years (Levin et al.: 3+ years dormant
// ties gave the most novel help).
inline constexpr double kNoveltyFullYears = 3.0;
inline constexpr double kDaysPerYear = 365.25;

// Anki-style fuzz: none below 2.5 days, then ±(1 day + 15 % of the interval between 2.5 and
// 7 days + 10 % between 7 and 20 + 5 % above 20).
inline constexpr double kFuzzMinInterval = 2.5;
inline constexpr double kFuzzBaseDays = 1.0;
struct FuzzBand {
  double from, to, rate;
};
inline constexpr FuzzBand kFuzzBands[] = {{2.5, 7.0, 0.15}, {7.0, 20.0, 0.10}, {20.0, 1e9, 0.05}};

// The daily deck.
inline constexpr int kDefaultDailyLimit = 10;
inline constexpr int kMaxReactivationsPerDay = 2;
inline constexpr int kRandomReactivationEvery = 5;                  // one reactivation slot in five is random...
inline constexpr int kRandomReactivationPool = 10;                  // ...drawn from the top 10 by value
inline constexpr int kDormantDays = 3 * 365;                        // no touch for 3+ years: the dormant pool
inline constexpr uint64_t kDefaultSeed = 0x5245'4B49'4E44'4C45ull;  // "REKINDLE"

// Decisions.
inline constexpr int kSnoozeWeekDays = 7;
inline constexpr int kSnoozeMonthDays = 30;
inline constexpr int kSnoozeQuarterDays = 91;
inline constexpr int kSnoozesBeforeSuggestion = 3;  // then suggest a longer cadence or archive
inline constexpr int kSkipDays = 1;                 // a skipped card is back tomorrow
inline constexpr int kStarReachOutDays = 2;         // a starred contact's reach-out, this week

// Warmth buckets, the same everywhere (card, contacts list, Stats): warm W ≥ 0.80, cooling
// 0.60–0.80, cold 0.40–0.60, dormant below 0.40.
inline constexpr double kWarmFrom = 0.80;
inline constexpr double kCoolingFrom = 0.60;
inline constexpr double kColdFrom = 0.40;
enum class Health { warm, cooling, cold, dormant };
// "warm", "cooling", "cold" or "dormant".
const char* health_name(Health health);
// The bucket of a warmth W.
Health health_for_warmth(double warmth);

// What a closeness tier means: Dunbar layer (0 = dormant pool), initial stability S0 in days,
// closeness c in [0,1] when in regular touch.
struct TierParameters {
  std::string_view name;
  int layer;
  double initial_stability;
  double closeness;
};
inline constexpr TierParameters kTiers[] = {
    {"inner", 5, 7.0, 1.0},
    {"close", 15, 30.0, 0.75},
    {"regular", 50, 90.0, 0.5},
    {"wider", 150, 365.0, 0.25},
    // The dormant pool has no target cadence; a tie never scheduled fades like a weak one
    // (S = 30 days, c = 0: about 58 % after 1 year, 42 % after 3, 31 % after 10).
    {"dormant", 0, 30.0, 0.0},
};

// Parameters of a tier name; unknown names fall back to the dormant pool.
const TierParameters& tier_parameters(std::string_view tier);
// True for one of inner, close, regular, wider, dormant.
bool is_valid_tier(std::string_view tier);
// True when the contact is scheduled: a tier with a layer, or a cadence set by hand.
bool has_target_layer(const Contact& contact);

// S0 for a contact: its hand-set cadence in days, else its tier's.
double initial_stability(const Contact& contact);
// Closeness c of the contact's tier.
double closeness(const Contact& contact);
// Keeps listed_since right when a contact's tier or cadence changes from `before` to
// `after` on `today`: set when it leaves the dormant pool, cleared when it returns to it,
// kept when it moves between layers (its schedule goes on from its last touch).
void note_listing_change(const Contact& before, Contact& after, Day today);

// R(t,S): probability-like recall after t days at stability S.
double retrievability(double days, double stability);
// I(r,S): days until R falls to r.
double interval_for(double retention, double stability);
// Warmth W(t) = f + (1 − f)·R(t,S), floor f = 0.15 + 0.35·c.
double warmth(double days_since_touch, double stability, double closeness);
// The warmth floor f for closeness c.
double warmth_floor(double closeness);

// Grade used for an interaction: its own, 4 for inbound, else the provisional 3.
int effective_grade(const Interaction& interaction);
// S after a touch of grade G when R had fallen to r, clamped to [S0/2, 2·S0].
double next_stability(double stability, int grade, double recall, double initial);

// The start of the current silence: the latest interaction, else the connection date (the
// start of the history, which warmth and novelty count from).
std::optional<Day> last_touch(const Contact& contact, std::span<const Interaction> interactions);
// The latest real touch (a logged or imported interaction); the connection date is not one.
std::optional<Day> last_real_touch(std::span<const Interaction> interactions);
// True for a scheduled contact with no real touch since it left the pool for a tier (or with
// none at all): it is "back on your list", not overdue, until the first touch.
bool back_on_list(const Contact& contact, std::span<const Interaction> interactions);
// Replays the interaction log (oldest first) from S0 to the current stability.
double replay_stability(const Contact& contact, std::span<const Interaction> interactions);
// Warmth W of a contact on a day: THE one number the card, the contacts list and the Stats
// buckets show. The floor for a contact with no date at all. A contact in the pool decays
// with S = 30; once given a tier, the layer's S0 applies from listed_since on, starting from
// the warmth it had then (no jump up for a long-silent tie just given a yearly tier).
double warmth_on(const Contact& contact, std::span<const Interaction> interactions, Day today);
// The bucket of warmth_on.
Health health_of(const Contact& contact, std::span<const Interaction> interactions, Day today);

// The inputs of the value score, each in [0,1] except mutual (a count, 0 when unknown).
struct ValueInputs {
  double goal_relevance = 0;     // g: none 0, some 0.5, high 1 for the current goal
  double trust = kDefaultTrust;  // e
  double novelty = 0;            // n
  double offer = 0;              // o: 1 when I have something to offer for the current goal
  double mutual = 0;             // m
  double closeness = 0;          // c
};
// V in [0,1]: how much reconnecting with this person is worth now.
double value_score(const ValueInputs& inputs);
// g for a relevance word: none 0, some 0.5, high 1 (unknown words 0).
double relevance_weight(std::string_view relevance);
// n for the days since the last touch (never touched: full novelty).
double novelty(std::optional<int> days_since_touch);
// Deck priority of a due card: ((1 − R)/(1 − 0.9)) · (0.5 + V).
double due_priority(double recall, double value);

// The fuzz half-width in days for an interval (0 below 2.5 days).
double fuzz_delta(double interval);
// The whole-day interval range [low, high] the fuzz may pick for an interval.
struct DayRange {
  int low, high;
};
DayRange fuzz_range(double interval);
// A number in [0,1) fixed by seed, contact and day: the same inputs always give the same fuzz.
double fuzz_factor(uint64_t seed, int64_t contact_id, Day anchor);
// The seeded tie-break among reactivation candidates of equal value, closeness, seniority and
// silence: a number in [0,1) fixed by seed and contact (never file order).
double tie_break_hash(uint64_t seed, int64_t contact_id);
// The fuzzed interval in whole days for factor in [0,1): low + floor(factor·(high − low + 1)).
int fuzzed_interval(double interval, double factor);

}  // namespace rekindle::core
