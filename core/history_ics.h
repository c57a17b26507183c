#pragma once
// Calendars (.ics, RFC 5545) as touch history: each VEVENT with an ORGANIZER or ATTENDEE
// e-mail is a meeting on its DTSTART (UTC, TZID local, floating or a date alike). Cancelled
// events and attendees who declined are left out; a recurring event counts its first
// occurrence, and the later ones of a plain RRULE (FREQ with INTERVAL, COUNT or UNTIL) up to
// `until`.
#include <string_view>

#include "core/date.h"
#include "core/history_types.h"
#include "core/result.h"

namespace rekindle::core {

// True when the file starts with BEGIN:VCALENDAR.
bool looks_like_ics(std::string_view head);

// Reads every event; one without a readable DTSTART goes to problem.
Status read_ics(std::string_view bytes, Day until, const HistorySink& sink, const HistoryProblem& problem,
                const ProgressFn& progress);

}  // namespace rekindle::core
