#pragma once
// The composer: a personal draft per contact, situation and channel, filled from the contact's
// fields and history, with the channel's limits and the transactional guard.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/contact.h"
#include "core/message_template.h"

namespace rekindle::core {

// The LinkedIn connection note's limit, in characters.
inline constexpr int kLinkedInNoteLimit = 300;

// Everything the composer may use about one contact.
struct ComposeContext {
  Contact contact;
  std::vector<Interaction> interactions;  // oldest first
  std::optional<Goal> current_goal;
  std::optional<GoalLink> goal_link;      // the contact's link to the current goal
  std::vector<std::string> my_companies;  // where the user worked, for {shared_past}
  Day today;
  std::optional<JobChange> job_change;    // the newest recorded title or company change
  std::string sender_name;                // setting "sender_name": signs the draft when set
  // Which variant of the situation's wording to use; nullopt: chosen from the contact's
  // history. A deck may pass the card's position so neighbours never read alike.
  std::optional<int> variant;
};

struct DraftRequest {
  std::string channel;        // empty: the default for this contact
  std::string template_name;  // empty: the default situation
  std::optional<std::string> user_text;  // check this text instead of filling a template
};

struct Draft {
  std::string channel;
  std::string template_name;  // "custom" for the user's own text
  std::string kind;           // give | ask | neutral: the touchpoint's direction when sent
  std::string subject;
  std::string body;
  std::vector<std::string> warnings;
  std::string link;  // profile URL or mailto:, empty when there is nothing to open
  int length = 0;    // characters in the body
  int limit = 0;     // the channel's limit in characters, 0 = none
  std::string family;  // the history the wording was written for: close, light, inbound...
  int variant = 0;     // index of the wording among the family's variants
  // What the composer knew but kept out of the draft, for the user to read beside it: a note
  // that does not fit a sentence, quoted as the user's own words; an offer to rewrite.
  std::vector<std::string> notes;
};

// The mark a draft leaves where the user must paste a link before sending.
inline constexpr std::string_view kLinkPlaceholder = "[link]";
// The first placeholder left in text for the user to fill ("[link]", or a "{name}" a user's
// template could not fill); nullopt when the text is ready to send.
std::optional<std::string> unfilled_placeholder(std::string_view text);
// The guard's message when a draft still holds a placeholder, else nullopt. Log as sent
// refuses such a draft (Rekindle::log_sent).
std::optional<std::string> unsendable_reason(const Draft& draft);

struct DefaultChoice {
  std::string situation;
  std::string channel;
};

// Days since the last touch, or nullopt when the contact was never touched.
std::optional<int> days_silent(const ComposeContext& context);
// Situation and channel that fit the history: reconnect after a long silence, follow-up after
// an unanswered message, thank-you after they helped or wrote, else share.
DefaultChoice default_choice(const ComposeContext& context);
// Placeholder values for this contact; a missing value is absent from the map.
std::map<std::string, std::string> placeholder_values(const ComposeContext& context);
// Fills {placeholders}; a [bracketed] part is kept only when all its placeholders have values
// and its index is below keep_optional; then tidies spaces, punctuation and blank lines.
std::string fill_template(std::string_view text, const std::map<std::string, std::string>& values,
                          int keep_optional = 1 << 30);
// A human phrase for a silence: "a few weeks", "over a year", "about 3 years", "a while".
std::string since_phrase(std::optional<int> days);
// Number of characters (Unicode code points) in UTF-8 text.
int character_count(std::string_view utf8);
// Who the contact is to the user, from the tier and the history: "close", "medium" or "weak".
std::string closeness(const ComposeContext& context);
// The known job change a draft may congratulate on: recorded after the last touch (or with
// no touch at all), within the last year, and still the contact's current title or company.
std::optional<JobChange> known_job_change(const ComposeContext& context);
// The wording family a situation uses for this contact ("close", "light", "inbound"...).
std::string variant_family(const ComposeContext& context, std::string_view situation);
// Composes a draft; an error names an unknown template or channel.
Result<Draft> compose(const TemplateSet& templates, const ComposeContext& context, const DraftRequest& request);

}  // namespace rekindle::core
