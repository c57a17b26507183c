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

double initial_stability(const Contact& contact) {
  if (contact.cadence_days && *contact.cadence_days > 0) return *contact.cadence_days;
  return tier_parameters(contact.tier).initial_stability;
}

double closeness(const Contact& contact) { return tier_parameters(contact.tier).closeness; }

double retrievability(double days, double stability) {
  return std::pow(1.0 + kFactor * std::max(0.0, days) / stability, -kDecay);
}

double interval_for(double retention, double stability) {
  return stability / kFactor * (std::pow(retention, -1.0 / kDecay) - 1.0);
}

double warmth(double days_since_touch, double stability, double c) {
  const double floor = 0.15 + 0.35 * c;
  return floor + (1.0 - floor) * retrievability(days_since_touch, stability);
}

int effective_grade(const Interaction& x) {
  if (x.grade) return std::clamp(*x.grade, 1, 4);
  return x.kind == "inbound" ? kInboundGrade : kProvisionalGrade;
}

double next_stability(double stability, int grade, double recall, double initial) {
  const double m = kGradeMultiplier[std::clamp(grade, 1, 4) - 1];
  const double grown = grade == 1 ? stability * m : stability * m * (1.0 + (1.0 - recall));
  return std::clamp(grown, initial / 2.0, 2.0 * initial);
}

std::optional<Day> last_touch(const Contact& contact, std::span<const Interaction> interactions) {
  std::optional<Day> latest = contact.connected_on;
  for (const auto& x : interactions)
    if (!latest || x.date > *latest) latest = x.date;
  return latest;
}

double replay_stability(const Contact& contact, std::span<const Interaction> interactions) {
  const double s0 = initial_stability(contact);
  double s = s0;
  std::optional<Day> previous = contact.connected_on;
  for (const auto& x : interactions) {
    const double recall = previous ? retrievability(x.date - *previous, s) : 0.0;
    s = next_stability(s, effective_grade(x), recall, s0);
    if (!previous || x.date > *previous) previous = x.date;
  }
  return s;
}

double warmth_on(const Contact& contact, std::span<const Interaction> interactions, Day today) {
  const double c = closeness(contact);
  const auto touched = last_touch(contact, interactions);
  if (!touched) return 0.15 + 0.35 * c;
  return warmth(today - *touched, replay_stability(contact, interactions), c);
}

}  // namespace rekindle::core
