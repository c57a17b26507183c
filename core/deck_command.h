#pragma once
// What an input asks the review deck to do: the one value a key, a drag, a touchpad swipe or
// a button click becomes before the Today screen sends it to the ReviewSession. A decision
// carries its Direction (core/decision.h) all the way from the gesture to the store.
#include "core/decision.h"

namespace rekindle::core {

enum class DeckAction {
  none,     // nothing to do
  decide,   // decide the card on top, in DeckCommand::direction
  undo,     // take back the latest decision of the day
  details,  // show (or hide) the top card's details
  close,    // close whatever overlay is open
  help,     // show (or hide) the keys
};

struct DeckCommand {
  DeckAction action = DeckAction::none;
  Direction direction = Direction::skip;  // the decision, for DeckAction::decide; skip otherwise

  // The command that decides the top card in a direction.
  static constexpr DeckCommand decide(Direction d) { return {DeckAction::decide, d}; }
  bool operator==(const DeckCommand&) const = default;
};

}  // namespace rekindle::core
