#pragma once
// Strategy: where the user is going (goals), who can help, and what the user can offer them.
#include <optional>
#include <string>
#include <vector>

#include "core/store.h"

namespace rekindle::core {

// Changes to one contact's strategy fields; unset members are left as they are.
struct ContactEdit {
  std::optional<std::string> tier;       // inner | close | regular | wider | dormant
  std::optional<int> cadence_days;       // > 0; 0 clears a hand-set cadence
  std::optional<double> trust;           // 0..1
  std::optional<std::string> relevance;  // none | some | high, for the current goal
  std::optional<std::string> can_help;   // for the current goal
  std::optional<std::string> offer;      // for the current goal
  std::vector<std::string> add_tags;     // added when not there yet
  std::optional<std::string> note;       // appended to the notes as a new paragraph
  std::optional<std::string> topic;      // what you talked about, a noun phrase ("" clears it)
};

// Validates and applies an edit inside the caller's transaction, then reschedules the contact
// when its tier or cadence changed. Goal fields need a current goal.
Status edit_contact(Store& store, int64_t contact_id, const ContactEdit& edit, Day today);

struct StrategyEntry {
  int64_t id = 0;
  std::string name, company, title;
  std::string relevance, can_help, offer;
};

struct StrategyReport {
  std::optional<Goal> goal;               // the current goal
  std::vector<StrategyEntry> relevant;    // relevance some or high, high first
  std::vector<StrategyEntry> without_offer;  // relevant but nothing to offer yet: give first
};

// The current goal's network: who is relevant, and who has no offer written yet.
Result<StrategyReport> strategy_report(Store& store);

}  // namespace rekindle::core
