#pragma once
// The deck from SQL (issue 13): instead of the whole network, build_deck gets the contacts
// that can be dealt today: every contact on the list that is due (or has no due day), by the
// contacts_due index, and the best reactivation candidates of the dormant pool, by the
// maintained pool_rank table (see migration 7). build_deck itself is unchanged, so every
// rule of MODEL.md holds on this small set exactly as on the whole network: the candidates
// are chosen so that the deck they give is the deck the whole network gives (checked
// against the whole-network oracle in tests/test_deck_sql.cpp).
#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include "core/result.h"
#include "core/schedule.h"
#include "core/store.h"

namespace rekindle::core {

// How many reactivation candidates the deck needs: the day's slots each pick among the top
// kRandomReactivationPool of what is left, so this many best ones hold every possible pick.
inline constexpr int kPoolCandidates = kRandomReactivationPool + kMaxReactivationsPerDay;

// The records (as load_network reads them) of the given contacts, by id, for `goal`.
Result<Network> load_contacts(Store& store, std::vector<int64_t> ids, const std::optional<Goal>& goal);

// The ids build_deck may deal on `today` (not decided yet): the due and listed contacts and
// the best kPoolCandidates reactivation candidates (more when values tie at the edge). Brings
// pool_rank up to date first (only what changed since: see Store::refresh_pool_rank).
Result<std::vector<int64_t>> deck_candidate_ids(Store& store, Day today, const DayDecisions& done, uint64_t seed,
                                                std::optional<int64_t> goal_id);

// The network of today's candidates with the current goal: what build_deck needs, and no more.
Result<Network> load_deck_network(Store& store, Day today, const DayDecisions& done, uint64_t seed);

}  // namespace rekindle::core
