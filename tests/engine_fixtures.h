#pragma once
// Small helpers for the review-engine tests: a store with contacts and touches on given days.
#include <catch2/catch.hpp>
#include <memory>
#include <optional>
#include <string>

#include "core/rekindle.h"
#include "core/review_session.h"
#include "core/schedule.h"
#include "core/store.h"

namespace rekindle::test {

inline core::Day day(const char* iso) { return core::parse_iso_day(iso).value(); }

inline std::unique_ptr<core::Store> memory_store() {
  auto store = core::Store::open_in_memory();
  REQUIRE(store.ok());
  return std::move(*store);
}

struct NewContact {
  NewContact(std::string name_, std::string tier_ = "regular", std::optional<core::Day> connected_on_ = {},
             std::optional<double> trust_ = {})
      : name(std::move(name_)), tier(std::move(tier_)), connected_on(connected_on_), trust(trust_) {}
  std::string name;
  std::string tier;
  std::optional<core::Day> connected_on;
  std::optional<double> trust;
  std::optional<int> cadence_days;
};

// Adds a contact on `today` through the API call `rekindle add` makes.
inline int64_t add_contact(core::Store& store, const NewContact& n, core::Day today) {
  core::Contact c;
  c.name = n.name;
  c.tier = n.tier;
  c.connected_on = n.connected_on;
  c.trust = n.trust;
  c.cadence_days = n.cadence_days;
  auto id = core::Rekindle(store).add_contact(c, today);
  INFO((id.ok() ? std::string() : id.error()));
  REQUIRE(id.ok());
  return *id;
}

// Logs a touch through the API call `rekindle log` makes.
inline int64_t log_touch(core::Store& store, int64_t contact_id, core::Day on, const std::string& kind = "neutral",
                         std::optional<int> grade = std::nullopt) {
  core::Interaction x;
  x.contact_id = contact_id;
  x.date = on;
  x.channel = "email";
  x.kind = kind;
  x.grade = grade;
  auto logged = core::Rekindle(store).log_touch(x, on);
  INFO((logged.ok() ? std::string() : logged.error()));
  REQUIRE(logged.ok());
  return logged->id;
}

inline core::Contact contact_of(core::Store& store, int64_t id) {
  auto c = store.contact(id);
  REQUIRE(c.ok());
  REQUIRE(c->has_value());
  return **c;
}

inline std::string dump(core::Store& store) {
  auto d = store.canonical_dump();
  REQUIRE(d.ok());
  return *d;
}

inline std::vector<core::Card> deck_on(core::Store& store, core::Day today, int limit = core::kDefaultDailyLimit) {
  auto deck = core::todays_deck(store, today, limit);
  INFO((deck.ok() ? "" : deck.error()));
  REQUIRE(deck.ok());
  return *deck;
}

}  // namespace rekindle::test
