#pragma once
// Gesture recognition for the review deck: pure input maths, no window and no clock. Pointer
// drags and touchpad scrolls become the Direction of a decision (one of the four gestures of
// core/decision.h: decision_kind(d).gesture()), the very value `rekindle swipe` sends; the window
// only feeds events with their times in seconds. Keys are looked up in core/key_map.h.
#include <optional>
#include <vector>

#include "core/decision.h"

namespace rekindle::core {

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
  std::optional<Direction> release(double t, float card_width, const DragTuning& tuning = {});
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
  std::optional<Direction> direction;  // nullopt while the offset is tiny
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

// Where a card flying out in a gesture direction ends: just beyond the view of the given
// size. A decision that is no gesture (skip) has no way out: {0, 0}.
Vec2 fly_out_target(Direction direction, Vec2 view_size);

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
  std::optional<Direction> feed(double x, double y, double t);
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
