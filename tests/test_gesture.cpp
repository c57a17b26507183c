// The gesture recogniser: drags, springs and touchpad scrolls, as plain numbers.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "core/gesture.h"

using namespace rekindle::core;

namespace {

constexpr float kCardWidth = 400;

// A drag from the origin to `to`, moving in `steps` samples over `seconds`, then held still
// for `hold` seconds before the release.
std::optional<Direction> drag(Vec2 to, double seconds, double hold = 0, int steps = 20) {
  DragTracker tracker;
  tracker.begin({100, 100}, 10.0);
  for (int i = 1; i <= steps; ++i) {
    const float f = static_cast<float>(i) / steps;
    tracker.move({100 + to.x * f, 100 + to.y * f}, 10.0 + seconds * f);
  }
  if (hold > 0) tracker.move({100 + to.x, 100 + to.y}, 10.0 + seconds + hold);
  return tracker.release(10.0 + seconds + hold + 0.001, kCardWidth);
}

struct ScrollEventAt {
  double x, y, t;
};

int swipes_in(ScrollRecognizer& recognizer, const std::vector<ScrollEventAt>& events,
              std::vector<Direction>* out = nullptr) {
  int count = 0;
  for (const auto& e : events)
    if (auto d = recognizer.feed(e.x, e.y, e.t)) {
      ++count;
      if (out) out->push_back(*d);
    }
  return count;
}

// A continuous-delta two-finger swipe (Wayland, macOS): a ramp, a peak, then the momentum
// tail after the fingers lift, decaying over more than a second of events 16 ms apart.
std::vector<ScrollEventAt> smooth_swipe(double start, float sign_x, float sign_y = 0) {
  std::vector<ScrollEventAt> events;
  double t = start;
  for (float d : {0.3f, 0.8f, 1.5f, 2.2f, 2.6f, 2.4f, 1.9f}) {
    events.push_back({d * sign_x, d * sign_y, t});
    t += 0.016;
  }
  float tail = 1.6f;
  while (tail > 0.02f) {
    events.push_back({tail * sign_x, tail * sign_y, t});
    tail *= 0.93f;
    t += 0.016;
  }
  return events;
}

// An X11 swipe: discrete ±1 steps, quick at first, then the tail's steps further and further apart.
std::vector<ScrollEventAt> discrete_swipe(double start, int sign_x) {
  std::vector<ScrollEventAt> events;
  double t = start;
  for (double gap : {0.0, 0.02, 0.018, 0.025, 0.03, 0.03, 0.04, 0.06, 0.09, 0.13, 0.18, 0.24, 0.3}) {
    t += gap;
    events.push_back({static_cast<double>(sign_x), 0, t});
  }
  return events;
}

}  // namespace

TEST_CASE("drag: a slow drag completes past the threshold and springs back before it", "[gesture]") {
  // 1 second to move: about 160 px/s, far below a flick.
  CHECK(drag({kCardWidth * 0.40f, 10}, 1.0) == Direction::right);
  CHECK(drag({-kCardWidth * 0.40f, -20}, 1.0) == Direction::left);
  CHECK(drag({5, -kCardWidth * 0.40f}, 1.0) == Direction::up);
  CHECK(drag({-5, kCardWidth * 0.40f}, 1.0) == Direction::down);
  CHECK(drag({kCardWidth * 0.30f, 0}, 1.0) == std::nullopt);
  CHECK(drag({0, -kCardWidth * 0.30f}, 1.0) == std::nullopt);
  CHECK(drag({0, 0}, 0.5) == std::nullopt);  // a click is not a swipe
}

TEST_CASE("drag: a fast flick completes a short drag; a pause before letting go does not", "[gesture]") {
  // 20 % of the width in 60 ms: about 1,300 px/s.
  CHECK(drag({kCardWidth * 0.20f, 0}, 0.06) == Direction::right);
  CHECK(drag({0, kCardWidth * 0.20f}, 0.06) == Direction::down);
  // The same movement, held still for 200 ms before the release: no velocity left.
  CHECK(drag({kCardWidth * 0.20f, 0}, 0.06, 0.2) == std::nullopt);
  // A twitch too small to mean anything, however fast.
  CHECK(drag({kCardWidth * 0.03f, 0}, 0.01) == std::nullopt);
}

TEST_CASE("drag: flicking back towards the centre cancels", "[gesture]") {
  DragTracker tracker;
  tracker.begin({0, 0}, 0);
  tracker.move({kCardWidth * 0.30f, 0}, 0.5);   // slowly out to 30 %
  tracker.move({kCardWidth * 0.25f, 0}, 0.52);  // then quickly back
  tracker.move({kCardWidth * 0.15f, 0}, 0.54);
  CHECK(tracker.release(0.545, kCardWidth) == std::nullopt);
  CHECK(!tracker.active());
}

TEST_CASE("drag hint fades in along the dominant direction and the tilt is capped", "[gesture]") {
  CHECK(!drag_hint({2, 1}, kCardWidth).direction);
  const DragHint half = drag_hint({kCardWidth * 0.175f, 10}, kCardWidth);
  REQUIRE(half.direction);
  CHECK(*half.direction == Direction::right);
  CHECK(half.strength == Approx(0.5f));
  CHECK(drag_hint({-kCardWidth, 0}, kCardWidth).strength == 1.0f);
  CHECK(drag_hint({10, -100}, kCardWidth).direction == Direction::up);
  CHECK(drag_rotation({0, 50}, kCardWidth) == 0.0f);
  CHECK(drag_rotation({100, 0}, kCardWidth) > 0.0f);
  CHECK(drag_rotation({-100, 0}, kCardWidth) < 0.0f);
  CHECK(std::fabs(drag_rotation({10 * kCardWidth, 0}, kCardWidth)) <= 0.31f);
}

TEST_CASE("spring: the card springs back in about a quarter second at any frame rate", "[gesture]") {
  const Vec2 rest{0, 0};
  for (const float fps : {30.0f, 60.0f, 144.0f}) {
    Spring spring;
    spring.position = {120, -40};
    float elapsed = 0;
    while (!spring.settled(rest) && elapsed < 2.0f) {
      spring.step(rest, 1.0f / fps, 30.0f);
      elapsed += 1.0f / fps;
    }
    INFO("fps " << fps);
    CHECK(spring.settled(rest));
    CHECK(elapsed < 0.4f);
    CHECK(elapsed > 0.1f);  // a visible motion, not a jump
  }
  // Frame-rate independence: the same position after 0.1 s at 30 and at 144 frames a second.
  Spring slow, fast;
  slow.position = fast.position = {100, 0};
  for (int i = 0; i < 3; ++i) slow.step(rest, 0.1f / 3, 30.0f);
  for (int i = 0; i < 12; ++i) fast.step(rest, 0.1f / 12, 30.0f);
  CHECK(slow.position.x == Approx(fast.position.x).margin(0.5));
  CHECK(slow.position.x < 100.0f);
  CHECK(slow.position.x > 0.0f);
}

TEST_CASE("drags and touchpad swipes only ever give a gesture direction", "[gesture]") {
  for (int degrees = 0; degrees < 360; degrees += 15) {
    const float a = static_cast<float>(degrees) * 3.14159265f / 180.0f;
    const Vec2 far{std::cos(a) * kCardWidth * 0.6f, std::sin(a) * kCardWidth * 0.6f};
    const auto dragged = drag(far, 1.0);
    REQUIRE(dragged);
    CHECK(decision_kind(*dragged).gesture());
    REQUIRE(drag_hint(far, kCardWidth).direction);
    CHECK(decision_kind(*drag_hint(far, kCardWidth).direction).gesture());
    ScrollRecognizer recognizer;
    const auto scrolled = recognizer.feed(std::cos(a) * 10, std::sin(a) * 10, 1.0);
    REQUIRE(scrolled);
    CHECK(decision_kind(*scrolled).gesture());
  }
}

TEST_CASE("fly-out targets leave the view in the swipe's direction; ease-out is clamped", "[gesture]") {
  const Vec2 view{430, 860};
  CHECK(fly_out_target(Direction::right, view).x > view.x);
  CHECK(fly_out_target(Direction::left, view).x < -view.x);
  CHECK(fly_out_target(Direction::up, view).y < -view.y);
  CHECK(fly_out_target(Direction::down, view).y > view.y);
  // Skip is a decision but no gesture: it has no way out.
  CHECK(fly_out_target(Direction::skip, view).x == 0);
  CHECK(fly_out_target(Direction::skip, view).y == 0);
  CHECK(ease_out(0) == 0.0f);
  CHECK(ease_out(1) == 1.0f);
  CHECK(ease_out(2) == 1.0f);
  CHECK(ease_out(0.5f) > 0.5f);
}

TEST_CASE("touchpad: one smooth swipe with its momentum tail is exactly one decision", "[gesture]") {
  ScrollRecognizer recognizer;
  std::vector<Direction> got;
  CHECK(swipes_in(recognizer, smooth_swipe(1.0, 1), &got) == 1);
  REQUIRE(got.size() == 1);
  CHECK(got[0] == Direction::right);
  CHECK(recognizer.cooling_down());

  // A second swipe after a pause is a second decision.
  got.clear();
  CHECK(swipes_in(recognizer, smooth_swipe(5.0, -1), &got) == 1);
  REQUIRE(got.size() == 1);
  CHECK(got[0] == Direction::left);
}

TEST_CASE("touchpad: X11's discrete steps with a slowing tail are exactly one decision", "[gesture]") {
  ScrollRecognizer recognizer;
  CHECK(swipes_in(recognizer, discrete_swipe(1.0, -1)) == 1);
  CHECK(swipes_in(recognizer, discrete_swipe(3.0, 1)) == 1);
  // Two swipes back to back without the pause: the second is absorbed as tail.
  ScrollRecognizer hurried;
  auto events = discrete_swipe(1.0, 1);
  for (auto e : discrete_swipe(events.back().t + 0.1, 1)) events.push_back(e);
  CHECK(swipes_in(hurried, events) == 1);
}

TEST_CASE("touchpad: a small scroll and a few wheel notches do nothing", "[gesture]") {
  ScrollRecognizer recognizer;
  CHECK(swipes_in(recognizer, {{1, 0, 1.0}, {1, 0, 1.03}, {1, 0, 1.06}}) == 0);
  // The nudge is forgotten after a pause, so it never adds up with a later one.
  CHECK(swipes_in(recognizer, {{1, 0, 2.0}, {1, 0, 2.03}}) == 0);
  CHECK(recognizer.pending(2.05).x == 2.0f);
  CHECK(recognizer.pending(3.0).x == 0.0f);
  // Four mouse-wheel notches are a scroll, not an archive.
  CHECK(swipes_in(recognizer, {{0, -1, 4.0}, {0, -1, 4.05}, {0, -1, 4.1}, {0, -1, 4.15}}) == 0);
  // Six quick ones are a deliberate vertical swipe: fingers up is a star.
  std::vector<Direction> got;
  CHECK(swipes_in(recognizer, {{0, -1, 6.0}, {0, -1, 6.02}, {0, -1, 6.04}, {0, -1, 6.06}, {0, -1, 6.08}, {0, -1, 6.1}},
                  &got) == 1);
  REQUIRE(got.size() == 1);
  CHECK(got[0] == Direction::up);
}

TEST_CASE("touchpad: the invert setting flips both axes", "[gesture]") {
  ScrollTuning tuning;
  tuning.invert = true;
  ScrollRecognizer recognizer(tuning);
  std::vector<Direction> got;
  swipes_in(recognizer, smooth_swipe(1.0, 1), &got);
  swipes_in(recognizer, smooth_swipe(5.0, 0, 1), &got);
  REQUIRE(got.size() == 2);
  CHECK(got[0] == Direction::left);
  CHECK(got[1] == Direction::up);
}
