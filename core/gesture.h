#pragma once
// Gesture recognition for the review deck: pure input maths, no window and no clock. Keys,
// pointer drags and touchpad scrolls become the review commands the CLI also sends
// (swipe right|left|up|down, undo); the window only feeds events with their times in seconds.
#include <optional>
#include <vector>

namespace rekindle::core {

enum class SwipeDirection { right, left, up, down };

// What an input asks the deck to do.
enum class DeckCommand { none, swipe_right, swipe_left, swipe_up, swipe_down, undo, details, close, help };

// The deck command for a swipe direction.
DeckCommand command_for(SwipeDirection direction);
// The swipe direction of a deck command; nullopt for commands that are not swipes.
std::optional<SwipeDirection> direction_of(DeckCommand command);

// ---- Keyboard -------------------------------------------------------------------------

// A key press in plain terms: named keys, or a letter / punctuation character.
enum class KeyName { other, left, right, up, down, enter, escape, backspace, character };
struct KeyStroke {
  KeyName name = KeyName::other;
  char character = 0;  // for KeyName::character: the unshifted key, lower-case ('h', '/')
  bool ctrl = false, shift = false, alt = false;
};

// Arrows and h/l/k/j swipe (vim: h left, l right, k up, j down); Ctrl+Z, u and Backspace undo;
// Enter opens the details; Esc closes an overlay; '?' (Shift+/) shows the help. Anything
// else, or a letter with Ctrl/Alt, is DeckCommand::none.
DeckCommand command_for_key(const KeyStroke& key);

// ---- Pointer drag ---------------------------------------------------------------------

struct Vec2 {
  float x = 0, y = 0;
};

// Tuning of a drag, in fractions of the card's width and card widths per second, so the
// same hand movement works at any display scale.
struct DragTuning {
  float commit_fraction = 0.35f;     // released this far from the start: the swipe completes
  float flick_speed = 1.6f;          // released this fast (widths/s) towards a side: completes too
  float flick_min_fraction = 0.06f;  // ...but a flick must also have moved this far
  float velocity_window = 0.08f;     // seconds of recent samples used for the release velocity
};

// One drag of the card: where it started and the recent pointer samples.
class DragTracker {
 public:
  // Starts a drag at pointer position p at time t (seconds).
  void begin(Vec2 p, double t);
  // Records the pointer at time t.
  void move(Vec2 p, double t);
  bool active() const { return active_; }
  // Pointer offset from where the drag started.
  Vec2 offset() const;
  // Pointer velocity over the last velocity_window seconds, in pixels per second.
  Vec2 velocity(float velocity_window) const;
  // Ends the drag at time t: the completed swipe, or nullopt to spring back.
  std::optional<SwipeDirection> release(double t, float card_width, const DragTuning& tuning = {});
  // Forgets the drag without deciding anything (e.g. the window lost the pointer).
  void cancel() { active_ = false; }

 private:
  struct Sample {
    Vec2 p;
    double t = 0;
  };
  bool active_ = false;
  Vec2 start_;
  std::vector<Sample> samples_;
};

// The direction a drag offset points to (horizontal wins ties) and how far along it is
// towards committing, 0..1: the view fades in that direction's colour and label with it.
struct DragHint {
  std::optional<SwipeDirection> direction;  // nullopt while the offset is tiny
  float strength = 0;
};
DragHint drag_hint(Vec2 offset, float card_width, const DragTuning& tuning = {});

// The card's tilt in radians for a drag offset: follows the horizontal offset, capped, as a
// card held at its bottom edge turns.
float drag_rotation(Vec2 offset, float card_width);

// ---- Animation ------------------------------------------------------------------------

// A critically damped spring towards a target: the card springs back or flies out with the
// same motion at any frame rate (fixed sub-steps of the elapsed time).
struct Spring {
  Vec2 position;
  Vec2 velocity;
  // Advances by dt seconds towards target with natural frequency omega (rad/s).
  void step(Vec2 target, float dt, float omega);
  // Close enough to the target and slow enough to stop animating (and let the loop sleep).
  bool settled(Vec2 target, float epsilon = 0.5f) const;
};

// Where a card flying out in a direction ends: just beyond the view of the given size.
Vec2 fly_out_target(SwipeDirection direction, Vec2 view_size);

// Ease-out cubic of t in [0,1] (clamped): fast start, gentle stop.
float ease_out(float t);

// ---- Touchpad -------------------------------------------------------------------------

// Tuning of two-finger scrolling. Units are GLFW scroll offsets: under X11 each event is a
// discrete ±1 step; Wayland and macOS send continuous deltas of a fraction of a step.
struct ScrollTuning {
  float threshold = 4.0f;  // accumulated horizontal offset that completes a swipe
  // Vertical swipes need this much more: a mouse wheel scrolls vertically, and a few notches
  // rolled by habit must not archive anyone.
  float vertical_factor = 1.5f;
  double gesture_gap = 0.25;  // a pause this long ends an unfinished gesture (its sum is dropped)
  double rearm_pause = 0.35;  // after a swipe, events are ignored until a pause this long
  bool invert = false;        // flips both axes (for "natural scrolling" switched off)
};

// Accumulates scroll events into at most one swipe per physical gesture. With natural
// scrolling (the default) positive x means fingers moving right and positive y fingers
// moving down, so the card follows the fingers.
class ScrollRecognizer {
 public:
  explicit ScrollRecognizer(ScrollTuning tuning = {}) : tuning_(tuning) {}
  // Feeds one scroll event at time t (seconds, non-decreasing): the completed swipe, if any.
  std::optional<SwipeDirection> feed(double x, double y, double t);
  // The offset gathered so far in the gesture still open at time t (zero while cooling down
  // or after a pause), for a preview of the card following the fingers.
  Vec2 pending(double t) const;
  // True after a swipe until the inertial tail has stopped.
  bool cooling_down() const { return cooling_; }
  const ScrollTuning& tuning() const { return tuning_; }
  void set_invert(bool invert) { tuning_.invert = invert; }

 private:
  ScrollTuning tuning_;
  Vec2 sum_;
  bool cooling_ = false;
  bool has_last_ = false;
  double last_t_ = 0;
};

}  // namespace rekindle::core
