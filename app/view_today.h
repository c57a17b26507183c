#pragma once
// The Today screen: today's deck, one card at a time, swiped with keys, a drag or the
// touchpad. Keys go through core's key map (core/key_map.h) and gestures through core's
// recognisers (core/gesture.h) to one core::DeckCommand, and a decision becomes the very call
// `rekindle swipe` makes on core's ReviewSession (today_commands.cpp); the screen only draws
// the session's state and animates the cards. Its parts: today_deck (the cards and their
// motion), today_card (a card's face), today_toast, today_summary and today_overlays.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/form_widgets.h"
#include "app/theme.h"
#include "core/date.h"
#include "core/deck_command.h"
#include "core/gesture.h"
#include "core/rekindle.h"
#include "core/review_session.h"
#include "core/schedule.h"
#include "platform/input.h"
#include "platform/texture.h"

namespace rekindle::app {

enum class TodayState {
  kError,        // the store could not be read
  kNoContacts,   // nothing imported yet: explain how to import
  kAllCaughtUp,  // contacts exist but nothing (more) to review today: the session summary
  kDeck,         // the top card of today's deck, the next one peeking behind
};

enum class TodayOverlay { kNone, kHelp, kDetails };

// What a card shows beyond core's Card: read once per contact from the store.
struct CardDetails {
  std::string last_note;           // the latest interaction's note, else the contact's notes
  std::string offer;               // "what I can offer" for the current goal
  std::string can_help;            // "how they could help"
  std::vector<std::string> lines;  // e-mails, phones, links, tags: for the details overlay
  std::string photo;               // image bytes, empty when none
  std::optional<platform::Texture> texture;
  bool texture_tried = false;
};

// The card that was just decided, flying off the screen while the next one is on top.
struct FlyOut {
  core::Card card;
  core::Direction direction = core::Direction::right;
  core::Vec2 from;
  double start = 0;
};

struct TodayModel {
  TodayState state = TodayState::kNoContacts;
  core::Day day;
  int64_t contact_count = 0;
  std::string error;
  std::optional<core::ReviewSession> session;  // the one object every decision goes through
  core::Rekindle* api = nullptr;
  int due_tomorrow = 0;  // shown with the summary when the deck is done

  // Interaction state: nothing here is a decision, only how the cards move.
  core::DragTracker drag;
  core::Spring card;  // the top card's offset from its resting place
  core::ScrollRecognizer scroll;
  std::optional<FlyOut> fly_out;
  TodayOverlay overlay = TodayOverlay::kNone;
  std::optional<core::DecisionOutcome> last;  // the latest decision, for the toast under the card
  std::string notice;                         // an error from the session, in words
  bool textures = false;                      // a GL context exists: contact photos can be shown
  std::map<int64_t, CardDetails> details;
  // First run (owner: triage): people imported and not sorted yet, so Today leads to
  // "Sort your network" instead of the deck (app/view_sort.h).
  std::optional<core::SortProgress> sort_invite;
  // PRAGMA data_version when this model was read: another window or a `rekindle` command
  // that commits changes it, and the next input reloads the deck (owner: db).
  int64_t data_version = -1;
};

// What one frame of Today did, for the shell and the tests.
struct TodayFrame {
  TodayState state = TodayState::kNoContacts;
  core::DeckCommand command;                   // the command sent to the session (none: nothing sent)
  int64_t top_contact = 0;                     // the card on top after this frame (0: none)
  std::optional<int64_t> reach_out;            // a right swipe: the shell opens the composer for this contact
  std::optional<int64_t> open_details;         // a click on the card or Enter: the shell opens its details
  bool animating = false;                      // draw again soon: a card is moving
  TodayOverlay overlay = TodayOverlay::kNone;  // shown after this frame
  bool open_sort = false;                      // "Start sorting": the shell shows Sort your network
  bool open_import = false;                    // the empty state's Import button: the shell opens Import
  bool open_settings = false;                  // the gear in the heading: the shell opens Settings
  Clickables buttons;                          // where those buttons were drawn
};

// The setting that flips touchpad directions (for "natural scrolling" switched off): "1" or "true".
inline constexpr const char* kTouchpadInvertSetting = "touchpad_invert";

// Reads what Today shows on day through the core API and opens the review session. A
// damaged database shows a calm card instead of the deck (kError, api->damaged()).
TodayModel load_today(core::Rekindle& api, core::Day day);
// Handles this frame's input, draws the Today screen into the current window and returns
// what it did. Decisions are committed through the session before the next card is drawn.
TodayFrame draw_today(TodayModel& model, const Theme& theme, const platform::InputEvents& events);
// On input, when another connection has committed since the model was read (PRAGMA
// data_version: one read, no timer), reads it again, keeping the screen's textures flag.
// True when the card that was on top is no longer there: this frame's input was aimed at
// it and must not act on the next one.
bool reload_if_changed(TodayModel& model, const platform::InputEvents& events);
// Frees the photo textures (call with the GL context current).
void release_textures(TodayModel& model);

// "last talked 14 months ago" style wording for days since the last touch.
std::string time_since_label(std::optional<int> days);
// "Tuesday, 25 November" for a heading.
std::string long_date_label(core::Day day);

}  // namespace rekindle::app
