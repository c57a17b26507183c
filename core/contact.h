#pragma once
// The plain data the store keeps about a person. No behaviour here: see store.h, model.h.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace rekindle::core {

// One e-mail, phone, URL or address with its label ("work", "home", "mobile", "linkedin"...).
struct LabeledValue {
  std::string value;
  std::string label;      // lower-case type words joined by ',' ("work,voice"); may be empty
  bool preferred = false;
  std::string group;      // vCard group ("item1") so Apple label pairs survive a round trip
  friend bool operator==(const LabeledValue&, const LabeledValue&) = default;
};

struct Photo {
  std::string mime;   // "image/jpeg", "image/png"...
  std::string bytes;  // raw image bytes (decoded from base64)
  friend bool operator==(const Photo&, const Photo&) = default;
};

// Closeness tiers the user picks; each maps to a Dunbar layer in the model.
inline constexpr const char* kTierNames[] = {"inner", "close", "regular", "wider", "dormant"};

struct Contact {
  int64_t id = 0;
  std::string name;  // display name, never empty once stored
  std::string given_name, family_name, middle_name, name_prefix, name_suffix, nickname;
  std::string company, department, title;
  std::vector<LabeledValue> emails, phones, urls, addresses;
  std::vector<std::string> tags;
  std::optional<Photo> photo;
  std::string birthday;     // as read: "1990-04-15", "--04-15", free text
  std::string anniversary;  // same
  std::string notes;
  // What the user and the contact talked about, as a noun phrase for "our conversation about
  // ___" ("orbital mechanics"); empty when not known. Checked by topic_preview when entered.
  std::string topic;
  std::string tier = "dormant";
  std::optional<int> cadence_days;   // set by hand; overrides the tier's cadence
  std::optional<double> trust;       // willingness to help, 0..1 (MODEL.md's e)
  std::optional<Day> connected_on;   // LinkedIn "Connected On", vCard REV...: first known touch
  std::string source;                // format it was first imported from, or "manual"
  // The day the contact left the dormant pool for a tier (or a hand-set cadence); nullopt in
  // the pool, or when not known (data from before it was kept). Warmth reads the layer's S0
  // from this day on, and someone not touched since is "back on your list", not overdue.
  std::optional<Day> listed_since;
  // Scheduling state (see model.h, review.h). Derived from the event log but stored so the
  // deck can be built with one query.
  std::optional<Day> due;
  bool starred = false;
  bool archived = false;
  int snooze_streak = 0;
  // vCard properties we do not model, kept verbatim (unfolded lines) for a lossless export.
  std::vector<std::string> extra_properties;
  friend bool operator==(const Contact&, const Contact&) = default;
};

inline constexpr const char* kChannelNames[] = {"linkedin", "email", "phone", "meeting", "other"};
// give: I offered something; ask: I asked for something; neutral; inbound: they reached out.
inline constexpr const char* kKindNames[] = {"give", "ask", "neutral", "inbound"};

struct Interaction {
  int64_t id = 0;
  int64_t contact_id = 0;
  Day date;
  std::string channel = "other";
  std::string kind = "neutral";
  std::optional<int> grade;  // 1 no reply .. 4 reciprocated (MODEL.md's G)
  std::string note;
  friend bool operator==(const Interaction&, const Interaction&) = default;
};

// A title or company that changed (issue 11), noticed on `day` by an edit or an import.
struct JobChange {
  int64_t contact_id = 0;
  Day day;
  std::string old_title, old_company, new_title, new_company;
  friend bool operator==(const JobChange&, const JobChange&) = default;
};

struct Goal {
  int64_t id = 0;
  std::string text;
  std::string target;  // target role or industry
  std::optional<Day> deadline;
  bool archived = false;
  bool current = false;
};

// How one contact relates to one goal.
struct GoalLink {
  int64_t contact_id = 0;
  int64_t goal_id = 0;
  std::string relevance = "none";  // none | some | high
  std::string can_help;            // how they could help
  std::string offer;               // what I can offer them
};

}  // namespace rekindle::core
