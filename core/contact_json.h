#pragma once
// JSON views of contacts with the field names of the command-line contract (SPEC.md).
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "core/contact.h"

namespace rekindle::core {

// A day as "YYYY-MM-DD", or null.
nlohmann::json day_json(const std::optional<Day>& day);
// Labeled values as plain strings (the contract's emails / phones / urls arrays).
nlohmann::json values_json(const std::vector<LabeledValue>& values);
// Labeled values with their labels and flags, for the detailed view and the JSON export.
nlohmann::json labeled_values_json(const std::vector<LabeledValue>& values);
nlohmann::json interaction_json(const Interaction& interaction);

// What the contact list shows: {id, name, company, title, emails, phones, urls, tags, tier,
// warmth, last_touch, due}.
nlohmann::json contact_summary_json(const Contact& contact, double warmth, std::optional<Day> last_touch);
// Every stored field: the summary plus names, notes, interactions, goal links...
nlohmann::json contact_detail_json(const Contact& contact, double warmth, std::optional<Day> last_touch,
                                   const std::vector<Interaction>& interactions,
                                   const std::vector<GoalLink>& goal_links);

}  // namespace rekindle::core
