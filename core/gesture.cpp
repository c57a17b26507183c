#include "core/gesture.h"

#include <algorithm>
#include <cmath>

namespace rekindle::core {
namespace {

// Springs are integrated in steps this long whatever the frame time, so a 30 Hz and a
// 144 Hz display draw the same motion.
constexpr float kSpringStep = 1.0f / 240.0f;
// A drag shorter than this fraction of the card's width points nowhere yet.
constexpr float kHintDeadZone = 0.02f;
// Tilt per card width of horizontal drag, and its cap (radians).
constexpr float kTiltPerWidth = 0.25f;
constexpr float kMaxTilt = 0.3f;

// The direction of an offset: the larger axis wins, horizontal on ties.
Direction direction_of_offset(Vec2 offset) {
  return gesture_towards(offset.x == 0 && offset.y == 0 ? 1.0f : offset.x, offset.y).value_or(Direction::right);
}

bool horizontal(Direction direction) { return decision_kind(direction).dx != 0; }

}  // namespace

void DragTracker::begin(Vec2 p, double t) {
  active_ = true;
  start_ = p;
  samples_.clear();
  samples_.push_back({p, t});
}

void DragTracker::move(Vec2 p, double t) {
  if (!active_) return;
  samples_.push_back({p, t});
  // Only the recent past matters for the velocity; keep the buffer small on long drags.
  if (samples_.size() > 64) samples_.erase(samples_.begin(), samples_.begin() + 32);
}

Vec2 DragTracker::offset() const {
  if (samples_.empty()) return {};
  return {samples_.back().p.x - start_.x, samples_.back().p.y - start_.y};
}

Vec2 DragTracker::velocity(float velocity_window) const {
  if (samples_.size() < 2) return {};
  const Sample& last = samples_.back();
  // The oldest sample still inside the window; a pointer held still for longer than the
  // window has no velocity, however fast it moved before.
  const Sample* first = &last;
  for (auto it = samples_.rbegin(); it != samples_.rend(); ++it) {
    if (last.t - it->t > velocity_window) break;
    first = &*it;
  }
  const double dt = last.t - first->t;
  if (dt < 1e-4) return {};
  return {static_cast<float>((last.p.x - first->p.x) / dt), static_cast<float>((last.p.y - first->p.y) / dt)};
}

std::optional<Direction> DragTracker::release(double t, float card_width, const DragTuning& tuning) {
  if (!active_ || samples_.empty() || card_width <= 0) {
    active_ = false;
    return std::nullopt;
  }
  // The release is a sample where the pointer last was: a pause before letting go kills the flick.
  samples_.push_back({samples_.back().p, t});
  active_ = false;
  const Vec2 o = offset();
  const Direction direction = direction_of_offset(o);
  const float distance = horizontal(direction) ? o.x : o.y;
  if (std::fabs(distance) >= tuning.commit_fraction * card_width) return direction;
  const Vec2 v = velocity(tuning.velocity_window);
  const float speed = horizontal(direction) ? v.x : v.y;
  const bool same_way = (speed > 0) == (distance > 0);
  if (same_way && std::fabs(speed) >= tuning.flick_speed * card_width &&
      std::fabs(distance) >= tuning.flick_min_fraction * card_width)
    return direction;
  return std::nullopt;
}

DragHint drag_hint(Vec2 offset, float card_width, const DragTuning& tuning) {
  if (card_width <= 0) return {};
  const Direction direction = direction_of_offset(offset);
  const float distance = std::fabs(horizontal(direction) ? offset.x : offset.y);
  if (distance < kHintDeadZone * card_width) return {};
  return {direction, std::clamp(distance / (tuning.commit_fraction * card_width), 0.0f, 1.0f)};
}

float drag_rotation(Vec2 offset, float card_width) {
  if (card_width <= 0) return 0;
  return std::clamp(offset.x / card_width * kTiltPerWidth, -kMaxTilt, kMaxTilt);
}

void Spring::step(Vec2 target, float dt, float omega) {
  // Semi-implicit Euler of x'' = -omega^2 (x - target) - 2 omega x' (critical damping).
  for (float left = std::max(dt, 0.0f); left > 0; left -= kSpringStep) {
    const float h = std::min(left, kSpringStep);
    velocity.x += (-omega * omega * (position.x - target.x) - 2 * omega * velocity.x) * h;
    velocity.y += (-omega * omega * (position.y - target.y) - 2 * omega * velocity.y) * h;
    position.x += velocity.x * h;
    position.y += velocity.y * h;
  }
}

bool Spring::settled(Vec2 target, float epsilon) const {
  return std::fabs(position.x - target.x) < epsilon && std::fabs(position.y - target.y) < epsilon &&
         std::fabs(velocity.x) < epsilon * 10 && std::fabs(velocity.y) < epsilon * 10;
}

Vec2 fly_out_target(Direction direction, Vec2 view_size) {
  const DecisionKind& kind = decision_kind(direction);
  // Sideways flights drop a little, as a flicked card does.
  const float drop = kind.dx != 0 ? view_size.y * 0.05f : 0.0f;
  return {kind.dx * view_size.x * 1.1f, kind.dy * view_size.y * 1.1f + drop};
}

float ease_out(float t) {
  const float u = 1.0f - std::clamp(t, 0.0f, 1.0f);
  return 1.0f - u * u * u;
}

std::optional<Direction> ScrollRecognizer::feed(double x, double y, double t) {
  if (has_last_) {
    const double pause = t - last_t_;
    if (cooling_ && pause >= tuning_.rearm_pause) cooling_ = false;  // the tail has stopped
    if (pause >= tuning_.gesture_gap) sum_ = {};                     // an unfinished nudge is forgotten
  }
  has_last_ = true;
  last_t_ = t;
  // Inertial events keep coming for a while after the fingers lift: they belong to the
  // swipe already made, so they extend the cool-down instead of starting a new gesture.
  if (cooling_) return std::nullopt;
  const float sign = tuning_.invert ? -1.0f : 1.0f;
  sum_.x += static_cast<float>(x) * sign;
  sum_.y += static_cast<float>(y) * sign;
  std::optional<Direction> done;
  const float ax = std::fabs(sum_.x), ay = std::fabs(sum_.y);
  if ((ax >= tuning_.threshold && ax >= ay) || (ay >= tuning_.threshold * tuning_.vertical_factor && ay > ax))
    done = gesture_towards(sum_.x, sum_.y);
  if (done) {
    cooling_ = true;
    sum_ = {};
  }
  return done;
}

Vec2 ScrollRecognizer::pending(double t) const {
  if (cooling_ || !has_last_ || t - last_t_ >= tuning_.gesture_gap) return {};
  return sum_;
}

}  // namespace rekindle::core
