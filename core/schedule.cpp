#include "core/schedule.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace rekindle::core {
namespace {

// Plain-words length of a silence: "9 days", "14 months", "3 years".
std::string silence_words(int days) {
  auto plural = [](int n, const char* unit) { return std::to_string(n) + " " + unit + (n == 1 ? "" : "s"); };
  if (days < 60) return plural(days, "day");
  const int months = static_cast<int>(days / (kDaysPerYear / 12.0));
  if (months < 24) return plural(months, "month");
  return plural(static_cast<int>(days / kDaysPerYear), "year");
}

// A hash of seed, day and slot for the reactivation draw.
uint64_t draw(uint64_t seed, Day day, int slot) {
  const double f = fuzz_factor(seed ^ 0xD1CEull, slot, day);
  return static_cast<uint64_t>(f * static_cast<double>(uint64_t{1} << 53));
}

}  // namespace

Result<uint64_t> schedule_seed(Store& store) {
  auto text = store.setting("schedule_seed");
  if (!text) return make_error(text.error());
  if (!*text || (*text)->empty()) return kDefaultSeed;
  uint64_t seed = 0;
  for (char ch : **text) {
    if (ch < '0' || ch > '9') return make_error("setting schedule_seed must be a whole number, got '" + **text + "'");
    seed = seed * 10 + static_cast<uint64_t>(ch - '0');
  }
  return seed;
}

std::optional<Day> scheduled_due(const Contact& contact, std::span<const Interaction> interactions, uint64_t seed) {
  if (!has_target_layer(contact)) return std::nullopt;
  const auto touched = last_touch(contact, interactions);
  // Never touched: no due day, which the deck reads as "due now" on any day, so a replayed
  // day before the contact was added still shows them.
  if (!touched) return std::nullopt;
  const double s = replay_stability(contact, interactions);
  const int fuzzed = fuzzed_interval(interval_for(kTargetRetention, s), fuzz_factor(seed, contact.id, *touched));
  // Fuzz must not carry a contact past 2·S0: the layer's promise (a weekly contact is seen
  // at least every two weeks) holds even when S sits at its cap.
  const int cap = std::max(1, static_cast<int>(std::floor(2.0 * initial_stability(contact))));
  return *touched + std::min(fuzzed, cap);
}

Status reschedule_contact(Store& store, int64_t contact_id, Day /*today: the schedule depends only on the log*/) {
  auto found = store.contact(contact_id);
  if (!found) return make_error(found.error());
  if (!*found) return make_error("no contact with id " + std::to_string(contact_id));
  const Contact& c = **found;
  if (!has_target_layer(c)) return Status::success();
  auto xs = store.interactions(contact_id);
  if (!xs) return make_error(xs.error());
  auto seed = schedule_seed(store);
  if (!seed) return make_error(seed.error());
  const auto due = scheduled_due(c, *xs, *seed);
  if (due == c.due) return Status::success();
  return store.set_due(contact_id, due);
}

Result<int64_t> log_touch(Store& store, Interaction interaction, Day today) {
  auto found = store.contact(interaction.contact_id);
  if (!found) return make_error(found.error());
  if (!*found) return make_error("no contact with id " + std::to_string(interaction.contact_id));
  if (interaction.grade && (*interaction.grade < 1 || *interaction.grade > 4))
    return make_error("grade must be 1..4, got " + std::to_string(*interaction.grade));
  auto id = store.insert_interaction(interaction);
  if (!id) return make_error(id.error());
  if (Status st = store.reset_snooze_streak(interaction.contact_id); !st) return make_error(st.error());
  if (Status st = store.tie_reach_out_to_interaction(interaction.contact_id, today, *id); !st)
    return make_error(st.error());
  if (Status st = reschedule_contact(store, interaction.contact_id, today); !st) return make_error(st.error());
  return *id;
}

Result<int64_t> log_sent_message(Store& store, int64_t contact_id, Day day, const std::string& channel,
                                 const std::string& kind, const std::string& note) {
  Interaction x;
  x.contact_id = contact_id;
  x.date = day;
  x.channel = channel;
  x.kind = kind;
  x.note = note;
  // No grade: effective_grade() counts it as the provisional 3 until the outcome is known.
  return log_touch(store, std::move(x), day);
}

Status record_outcome(Store& store, int64_t interaction_id, int grade, Day today) {
  if (grade < 1 || grade > 4) return make_error("grade must be 1..4, got " + std::to_string(grade));
  auto contact_id = store.set_interaction_grade(interaction_id, grade);
  if (!contact_id) return make_error(contact_id.error());
  if (!*contact_id) return make_error("no interaction with id " + std::to_string(interaction_id));
  return reschedule_contact(store, **contact_id, today);
}

namespace {

// Loads the records of every contact, or of one when only_id is set, for the given goal.
Result<std::vector<ContactRecord>> load_records(Store& store, const std::optional<Goal>& goal,
                                                std::optional<int64_t> only_id) {
  auto contacts = store.schedule_contacts(only_id);
  if (!contacts) return make_error(contacts.error());
  std::vector<ContactRecord> out;
  std::map<int64_t, size_t> index;
  for (Contact& c : *contacts) {
    index[c.id] = out.size();
    out.push_back({std::move(c), {}, "none", "", ""});
  }
  auto xs = only_id ? store.interactions(*only_id) : store.all_interactions();
  if (!xs) return make_error(xs.error());
  for (auto& x : *xs)
    if (auto it = index.find(x.contact_id); it != index.end()) out[it->second].interactions.push_back(std::move(x));
  if (!goal) return out;
  auto links = store.links_of_goal(goal->id, only_id);
  if (!links) return make_error(links.error());
  for (GoalLink& link : *links) {
    if (auto it = index.find(link.contact_id); it != index.end()) {
      ContactRecord& r = out[it->second];
      r.relevance = std::move(link.relevance);
      r.can_help = std::move(link.can_help);
      r.offer = std::move(link.offer);
    }
  }
  return out;
}

}  // namespace

Result<Network> load_network(Store& store) {
  Network net;
  auto goal = store.current_goal();
  if (!goal) return make_error(goal.error());
  net.goal = *goal;
  auto records = load_records(store, net.goal, std::nullopt);
  if (!records) return make_error(records.error());
  net.contacts = std::move(*records);
  return net;
}

Status reload_contact(Store& store, Network& network, int64_t contact_id) {
  auto records = load_records(store, network.goal, contact_id);
  if (!records) return make_error(records.error());
  auto& all = network.contacts;
  auto it = std::lower_bound(all.begin(), all.end(), contact_id,
                             [](const ContactRecord& r, int64_t id) { return r.contact.id < id; });
  const bool present = it != all.end() && it->contact.id == contact_id;
  if (records->empty()) {
    if (present) all.erase(it);
  } else if (present) {
    *it = std::move(records->front());
  } else {
    all.insert(it, std::move(records->front()));
  }
  return Status::success();
}

ValueInputs value_inputs(const ContactRecord& r, Day today) {
  ValueInputs in;
  in.goal_relevance = relevance_weight(r.relevance);
  in.trust = r.contact.trust.value_or(kDefaultTrust);
  const auto touched = last_touch(r.contact, r.interactions);
  in.novelty = novelty(touched ? std::optional<int>(today - *touched) : std::nullopt);
  in.offer = r.offer.empty() ? 0.0 : 1.0;
  in.mutual = 0.0;
  in.closeness = closeness(r.contact);
  return in;
}

const char* card_kind_name(CardKind kind) { return kind == CardKind::due ? "due" : "reactivation"; }

std::string card_reason(const ContactRecord& r, const Card& card, const std::optional<Goal>& goal) {
  std::vector<std::string> parts;
  const double c = closeness(r.contact);
  const bool close_tie = c >= tier_parameters("close").closeness;
  const int silent = card.days_since.value_or(0);
  if (card.days_since && silent >= kDormantDays && close_tie) {
    parts.push_back("was close, now dormant " + silence_words(silent));
  } else if (close_tie && card.days_since) {
    parts.push_back(std::string(r.contact.tier == "inner" ? "inner-circle tie" : "close tie") + ", silent " +
                    silence_words(silent));
  }
  if (relevance_weight(r.relevance) > 0 && goal) parts.push_back("relevant to goal: " + goal->text);
  if (card.kind == CardKind::due) {
    if (!card.days_since) parts.push_back("never contacted yet");
    if (card.overdue_days > 0)
      parts.push_back("overdue by " + silence_words(card.overdue_days));
    else if (parts.empty())
      parts.push_back("due today, silent " + silence_words(silent));
  } else if (!card.days_since) {
    parts.push_back("dormant tie, no touch on record");
  } else if (r.interactions.empty() && silent < kDormantDays) {
    parts.push_back("connected " + silence_words(silent) + " ago, never contacted since");
  } else if (!close_tie || silent < kDormantDays) {
    parts.push_back("dormant tie, silent " + silence_words(silent));
  }
  if (card.suggest_rethink)
    parts.push_back("snoozed " + std::to_string(card.snooze_streak) + " times in a row: longer cadence or archive?");
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

std::vector<Card> build_deck(const Network& net, const DayDecisions& done, Day today, int limit, uint64_t seed) {
  const int room = std::max(0, limit - done.count);
  std::vector<Card> due_cards;
  std::vector<std::pair<Card, const ContactRecord*>> pool;
  bool backlog = false;

  auto make_card = [&](const ContactRecord& r, CardKind kind) {
    Card card;
    const Contact& c = r.contact;
    card.contact_id = c.id;
    card.name = c.name;
    card.company = c.company;
    card.title = c.title;
    card.kind = kind;
    card.due = c.due;
    const auto touched = last_touch(c, r.interactions);
    if (touched) card.days_since = today - *touched;
    card.value = value_score(value_inputs(r, today));
    const double s = replay_stability(c, r.interactions);
    const double recall = touched ? retrievability(today - *touched, s) : 0.0;
    card.warmth = touched ? warmth(today - *touched, s, closeness(c)) : warmth_floor(closeness(c));
    card.score = kind == CardKind::due ? due_priority(recall, card.value) : card.value;
    card.overdue_days = c.due ? std::max(0, today - *c.due) : 0;
    card.snooze_streak = c.snooze_streak;
    card.suggest_rethink = c.snooze_streak >= kSnoozesBeforeSuggestion;
    return card;
  };

  std::map<int64_t, const ContactRecord*> by_id;
  for (const ContactRecord& r : net.contacts) {
    const Contact& c = r.contact;
    if (c.archived || done.decided.count(c.id)) continue;
    by_id[c.id] = &r;
    if (has_target_layer(c)) {
      // A scheduled contact without a due day was never scheduled: due now.
      if (c.due && *c.due > today) continue;
      if (c.due && *c.due < today) backlog = true;
      due_cards.push_back(make_card(r, CardKind::due));
    } else {
      if (c.due && *c.due > today) continue;  // snoozed or skipped reactivation
      const auto touched = last_touch(c, r.interactions);
      const bool never_scheduled = r.interactions.empty();
      if (!never_scheduled && touched && today - *touched < kDormantDays) continue;
      pool.emplace_back(make_card(r, CardKind::reactivation), &r);
    }
  }
  std::sort(due_cards.begin(), due_cards.end(), [](const Card& a, const Card& b) {
    return a.score != b.score ? a.score > b.score : a.contact_id < b.contact_id;
  });
  if (static_cast<int>(due_cards.size()) > room) due_cards.resize(static_cast<size_t>(room));

  std::vector<Card> deck = std::move(due_cards);
  if (!backlog) {
    std::sort(pool.begin(), pool.end(), [](const auto& a, const auto& b) {
      return a.first.value != b.first.value ? a.first.value > b.first.value : a.first.contact_id < b.first.contact_id;
    });
    const int slots = std::min(kMaxReactivationsPerDay - done.reactivations, room - static_cast<int>(deck.size()));
    for (int i = 0; i < slots && !pool.empty(); ++i) {
      const int slot = done.reactivations + i;
      size_t pick = 0;
      if (draw(seed, today, slot) % kRandomReactivationEvery == 0) {
        // Our own picks lean to the comfortable; a random one from the top 10 widens them.
        const size_t top = std::min<size_t>(pool.size(), kRandomReactivationPool);
        pick = static_cast<size_t>(draw(seed ^ 0xA5A5ull, today, slot) % top);
      }
      deck.push_back(pool[pick].first);
      pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(pick));
    }
  }
  for (Card& card : deck) card.reason = card_reason(*by_id.at(card.contact_id), card, net.goal);
  return deck;
}

}  // namespace rekindle::core
