#pragma once
// LinkedIn's messages.csv (from the same data export as Connections.csv) as touch history:
// CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE URL, TO, RECIPIENT PROFILE URLS,
// DATE, SUBJECT, CONTENT, FOLDER. Columns are found by name (any case, '_' for ' ', any
// order, some missing); CONTENT is never read.
#include <string_view>

#include "core/history_types.h"
#include "core/result.h"

namespace rekindle::core {

// True when the file's first CSV row names the columns of messages.csv.
bool looks_like_linkedin_messages(std::string_view head);

// Reads every message row; a row without a readable DATE goes to problem.
Status read_linkedin_messages(std::string_view bytes, const HistorySink& sink, const HistoryProblem& problem,
                              const ProgressFn& progress);

}  // namespace rekindle::core
