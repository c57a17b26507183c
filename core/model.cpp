#include "core/model.h"

#include <algorithm>
#include <cmath>

namespace rekindle::core {

const TierParameters& tier_parameters(std::string_view tier) {
  for (const auto& t : kTiers)
    if (t.name == tier) return t;
  return kTiers[std::size(kTiers) - 1];
}

bool is_valid_tier(std::string_view tier) {
  return std::any_of(std::begin(kTiers), std::end(kTiers), [&](const auto& t) { return t.name == tier; });
}

bool has_target_layer(const Contact& contact) {
  // A cadence set by hand is a target too, even for someone in the dormant pool.
  return tier_parameters(contact.tier).layer != 0 || (contact.cadence_days && *contact.cadence_days > 0);
}

double initial_stability(const Contact& contact) {
  if (contact.cadence_days && *contact.cadence_days > 0) return *contact.cadence_days;
  return tier_parameters(contact.tier).initial_stability;
}

double closeness(const Contact& contact) { return tier_parameters(contact.tier).closeness; }

void note_listing_change(const Contact& before, Contact& after, Day today) {
  const bool was = has_target_layer(before), is = has_target_layer(after);
  if (!is)
    after.listed_since.reset();
  else if (!was)
    after.listed_since = today;
  else
    after.listed_since = before.listed_since;
}

double retrievability(double days, double stability) {
  return std::pow(1.0 + kFactor * std::max(0.0, days) / stability, -kDecay);
}

double interval_for(double retention, double stability) {
  return stability / kFactor * (std::pow(retention, -1.0 / kDecay) - 1.0);
}

double warmth_floor(double c) { return kFloorBase + kFloorCloseness * c; }

double warmth(double days_since_touch, double stability, double c) {
  const double floor = warmth_floor(c);
  return floor + (1.0 - floor) * retrievability(days_since_touch, stability);
}

int effective_grade(const Interaction& x) {
  if (x.grade) return std::clamp(*x.grade, 1, 4);
  return x.kind == "inbound" ? kInboundGrade : kProvisionalGrade;
}

double next_stability(double stability, int grade, double recall, double initial) {
  const double m = kGradeMultiplier[std::clamp(grade, 1, 4) - 1];
  // A failed touch (grade 1) only shrinks S; the (1 − R) bonus rewards a warm reply that
  // came despite a long silence.
  const double grown = grade == 1 ? stability * m : stability * m * (1.0 + (1.0 - recall));
  return std::clamp(grown, initial / 2.0, 2.0 * initial);
}

std::optional<Day> last_touch(const Contact& contact, std::span<const Interaction> interactions) {
  std::optional<Day> latest = contact.connected_on;
  for (const auto& x : interactions)
    if (!latest || x.date > *latest) latest = x.date;
  return latest;
}

std::optional<Day> last_real_touch(std::span<const Interaction> interactions) {
  std::optional<Day> latest;
  for (const auto& x : interactions)
    if (!latest || x.date > *latest) latest = x.date;
  return latest;
}

bool back_on_list(const Contact& contact, std::span<const Interaction> interactions) {
  if (!has_target_layer(contact)) return false;
  const auto real = last_real_touch(interactions);
  // A touch on the day the tier was given counts as after it: the user tiered and wrote.
  return !real || (contact.listed_since && *real < *contact.listed_since);
}

double replay_stability(const Contact& contact, std::span<const Interaction> interactions) {
  const double s0 = initial_stability(contact);
  double s = s0;
  std::optional<Day> previous = contact.connected_on;
  for (const auto& x : interactions) {
    // With no earlier touch the silence is unbounded: R = 0.
    const double recall = previous ? retrievability(x.date - *previous, s) : 0.0;
    s = next_stability(s, effective_grade(x), recall, s0);
    if (!previous || x.date > *previous) previous = x.date;
  }
  return s;
}

double warmth_on(const Contact& contact, std::span<const Interaction> interactions, Day today) {
  const double c = closeness(contact);
  const auto touched = last_touch(contact, interactions);
  if (!touched) return warmth_floor(c);
  const double s = replay_stability(contact, interactions);
  const bool tiered_after_touch = has_target_layer(contact) && contact.listed_since && *contact.listed_since > *touched;
  if (!tiered_after_touch) return warmth(today - *touched, s, c);
  // The silence before the tier was given ran on the pool's curve (S = 30 from the same log);
  // from listed_since on, R decays with the layer's S from where it stood, so a tie silent for
  // 3 years and just given a yearly tier reads cold, not warm.
  Contact pool = contact;
  pool.tier = "dormant";
  pool.cadence_days.reset();
  const double s_before = replay_stability(pool, interactions);
  const int before_days = *contact.listed_since - *touched;
  if (today - *touched <= before_days)
    return warmth_floor(c) + (1.0 - warmth_floor(c)) * retrievability(today - *touched, s_before);
  const double r0 = retrievability(before_days, s_before);
  // Days at which the layer's curve reaches r0: from there it goes on.
  const double equivalent = interval_for(r0, s);
  const double r = retrievability(equivalent + (today - *contact.listed_since), s);
  return warmth_floor(c) + (1.0 - warmth_floor(c)) * r;
}

const char* health_name(Health h) {
  switch (h) {
    case Health::warm:
      return "warm";
    case Health::cooling:
      return "cooling";
    case Health::cold:
      return "cold";
    case Health::dormant:
      return "dormant";
  }
  return "dormant";
}

Health health_for_warmth(double w) {
  // Compared on the whole percent the user reads, so "80 %" is never "cooling".
  const double percent = std::round(w * 100.0);
  if (percent >= kWarmFrom * 100.0) return Health::warm;
  if (percent >= kCoolingFrom * 100.0) return Health::cooling;
  if (percent >= kColdFrom * 100.0) return Health::cold;
  return Health::dormant;
}

Health health_of(const Contact& contact, std::span<const Interaction> interactions, Day today) {
  return health_for_warmth(warmth_on(contact, interactions, today));
}

double value_score(const ValueInputs& in) {
  const double m = std::max(0.0, in.mutual) / kMutualPeak;
  // m·e^(1−m) is 1 at m = 1 (10 mutual connections) and falls off on both sides: moderately
  // embedded ties move the most (Rajkumar et al. 2022).
  const double mutual_term = m * std::exp(1.0 - m);
  return kWeightGoal * in.goal_relevance + kWeightTrust * in.trust + kWeightNovelty * in.novelty +
         kWeightOffer * in.offer + kWeightTie * (0.5 * mutual_term + 0.5 * in.closeness);
}

double relevance_weight(std::string_view relevance) {
  if (relevance == "high") return 1.0;
  if (relevance == "some") return 0.5;
  return 0.0;
}

double novelty(std::optional<int> days_since_touch) {
  if (!days_since_touch) return 1.0;
  return std::clamp(*days_since_touch / (kNoveltyFullYears * kDaysPerYear), 0.0, 1.0);
}

double due_priority(double recall, double value) { return ((1.0 - recall) / (1.0 - kTargetRetention)) * (0.5 + value); }

double fuzz_delta(double interval) {
  if (interval < kFuzzMinInterval) return 0.0;
  double delta = kFuzzBaseDays;
  for (const auto& band : kFuzzBands) delta += band.rate * std::max(0.0, std::min(interval, band.to) - band.from);
  return delta;
}

DayRange fuzz_range(double interval) {
  const double delta = fuzz_delta(interval);
  const int low = std::max(1, static_cast<int>(std::lround(interval - delta)));
  const int high = std::max(low, static_cast<int>(std::lround(interval + delta)));
  return {low, high};
}

namespace {

// SplitMix64: a small, well-mixed hash so that neighbouring ids get unrelated fuzz.
uint64_t mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

double fuzz_factor(uint64_t seed, int64_t contact_id, Day anchor) {
  const uint64_t h = mix(mix(mix(seed) ^ static_cast<uint64_t>(contact_id)) ^ static_cast<uint64_t>(anchor.value));
  return static_cast<double>(h >> 11) / static_cast<double>(uint64_t{1} << 53);
}

double tie_break_hash(uint64_t seed, int64_t contact_id) { return fuzz_factor(seed ^ 0x71E5ull, contact_id, Day{0}); }

int fuzzed_interval(double interval, double factor) {
  const DayRange r = fuzz_range(interval);
  const int span = r.high - r.low + 1;
  return r.low + std::min(span - 1, static_cast<int>(std::floor(std::clamp(factor, 0.0, 1.0) * span)));
}

}  // namespace rekindle::core
