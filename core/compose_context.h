#pragma once
// Loads what the composer needs about one contact from the store.
#include "core/composer.h"
#include "core/store.h"

namespace rekindle::core {

// The contact, its history, the current goal and its link, and the user's past companies
// (setting "my_companies", comma-separated). An error when the contact does not exist.
Result<ComposeContext> load_compose_context(Store& store, int64_t contact_id, Day today);

// The job change from `before` to `after` noticed on `day`: a title or company that was known
// and is now different (a field filled for the first time is not news). nullopt otherwise.
std::optional<JobChange> job_change_between(const Contact& before, const Contact& after, Day day);

// The interaction channel a draft channel is logged as ("linkedin-note" -> "linkedin").
std::string interaction_channel(std::string_view draft_channel);

}  // namespace rekindle::core
