#pragma once
// The warmth and scheduling model of MODEL.md as pure functions over plain data.
// Every constant of the model lives in this header, named.
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
    // The dormant pool has no target cadence; its warmth decays on the yearly curve.
    {"dormant", 0, 365.0, 0.25},
};

// Parameters of a tier name; unknown names fall back to the dormant pool.
const TierParameters& tier_parameters(std::string_view tier);
// True for one of inner, close, regular, wider, dormant.
bool is_valid_tier(std::string_view tier);

// S0 for a contact: its hand-set cadence in days, else its tier's.
double initial_stability(const Contact& contact);
// Closeness c of the contact's tier.
double closeness(const Contact& contact);

// R(t,S): probability-like recall after t days at stability S.
double retrievability(double days, double stability);
// I(r,S): days until R falls to r.
double interval_for(double retention, double stability);
// Warmth W(t) = f + (1 − f)·R(t,S), floor f = 0.15 + 0.35·c.
double warmth(double days_since_touch, double stability, double closeness);

// Grade used for an interaction: its own, 4 for inbound, else the provisional 3.
int effective_grade(const Interaction& interaction);
// S after a touch of grade G when R had fallen to r, clamped to [S0/2, 2·S0].
double next_stability(double stability, int grade, double recall, double initial);

// The last real touchpoint: the latest interaction, else the connection date.
std::optional<Day> last_touch(const Contact& contact, std::span<const Interaction> interactions);
// Replays the interaction log (oldest first) from S0 to the current stability.
double replay_stability(const Contact& contact, std::span<const Interaction> interactions);
// Warmth of a contact on a day; 0.15+0.35c floor for a contact never touched.
double warmth_on(const Contact& contact, std::span<const Interaction> interactions, Day today);

}  // namespace rekindle::core
