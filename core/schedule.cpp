#include "core/schedule.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>

#include "core/phrase.h"

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
  // Back on the list (given a tier, no real touch since): no due day, which the deck reads
  // as "ready now" and deals by value as there is room, so a freshly sorted network is not a
  // backlog of years-old "overdue" cards. The connection date is not a touch.
  if (back_on_list(contact, interactions)) return std::nullopt;
  const Day touched = *last_real_touch(interactions);
  const double s = replay_stability(contact, interactions);
  const int fuzzed = fuzzed_interval(interval_for(kTargetRetention, s), fuzz_factor(seed, contact.id, touched));
  // Fuzz must not carry a contact past 2·S0: the layer's promise (a weekly contact is seen
  // at least every two weeks) holds even when S sits at its cap.
  const int cap = std::max(1, static_cast<int>(std::floor(2.0 * initial_stability(contact))));
  return touched + std::min(fuzzed, cap);
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
  // A past touch entered after the contact was listed (a coffee last month, logged today)
  // is a real history: the contact is not "back on the list" before it, so the listing day
  // gives way to the history.
  if (Contact& c = **found; c.listed_since && interaction.date < *c.listed_since) {
    c.listed_since.reset();
    if (Status st = store.update_contact(c); !st) return make_error(st.error());
  }
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

namespace {

// "9 days ago", "3 weeks ago", "14 months ago", "3 years ago" (the card's units).
std::string ago_words(int d) {
  const auto ago = [](int n, const char* unit) {
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s") + " ago";
  };
  if (d <= 0) return "today";
  if (d == 1) return "yesterday";
  if (d < 14) return ago(d, "day");
  if (d < 61) return ago(d / 7, "week");
  if (d < 730) return ago(d * 12 / 365, "month");
  return ago(d / 365, "year");
}

// How the user placed the contact: "inner-circle tie", "close tie", "regular contact"...
std::string tie_words(const Contact& c) {
  if (c.cadence_days && *c.cadence_days > 0) return "a contact every " + std::to_string(*c.cadence_days) + " days";
  if (c.tier == "inner") return "an inner-circle tie";
  if (c.tier == "close") return "a close tie";
  if (c.tier == "regular") return "a regular contact";
  if (c.tier == "wider") return "a wider-circle contact";
  return "a dormant tie";
}

// The cadence as an adverb: "weekly", "monthly", "quarterly", "yearly", "every 45 days".
std::string cadence_words(const Contact& c) {
  const int days = static_cast<int>(std::lround(initial_stability(c)));
  switch (days) {
    case 7:
      return "weekly";
    case 30:
      return "monthly";
    case 90:
      return "quarterly";
    case 365:
      return "yearly";
    default:
      return "every " + std::to_string(days) + " days";
  }
}

// Without the article: "close tie", for the start of a phrase.
std::string bare(std::string words) {
  if (words.rfind("a ", 0) == 0) return words.substr(2);
  if (words.rfind("an ", 0) == 0) return words.substr(3);
  return words;
}

}  // namespace

std::string last_talked_words(int days) {
  const std::string when = ago_words(days);
  return "Last talked " + when;
}

std::string history_words(const Contact& c, std::span<const Interaction> log, Day today) {
  if (log.empty()) {
    const std::optional<int> connected = c.connected_on ? std::optional<int>(today - *c.connected_on) : std::nullopt;
    return touch_words(std::nullopt, connected);
  }
  // The log is oldest first; on one day, the touch stored last.
  const Interaction& last = *std::max_element(log.begin(), log.end(), [](const Interaction& a, const Interaction& b) {
    return a.date != b.date ? a.date < b.date : a.id < b.id;
  });
  const int days = std::max(0, today - last.date);
  const std::string when = ago_words(days);
  if (last.channel == "meeting") return "Last met " + when;
  const bool written = last.channel == "email" || last.channel == "linkedin";
  if (last.kind == "inbound") {
    // No pronoun guessed: the first name, else "They".
    std::string who = greeting_name(c);
    if (who.empty()) who = "They";
    if (last.channel == "phone") return who + " called " + when;
    return who + (written ? " wrote " : " reached out ") + when + ", no reply yet";
  }
  if (written) return "You last wrote " + when;
  return last_talked_words(days);
}

std::string touch_words(std::optional<int> talked, std::optional<int> connected) {
  if (talked) return last_talked_words(*talked);
  if (connected) {
    if (*connected <= 0) return "Connected today, not in touch yet";
    return "Connected " + ago_words(*connected) + ", never in touch since";
  }
  return "No touchpoint logged yet";
}

std::string card_reason(const ContactRecord& r, const Card& card, const std::optional<Goal>& goal) {
  std::vector<std::string> parts;
  const Contact& c = r.contact;
  if (card.kind == CardKind::due && card.back_on_list) {
    // Given a tier after a silence (or never in touch): welcomed back, not "overdue by years".
    parts.push_back("back on your list as " + tie_words(c));
    if (card.overdue_days > 0) parts.push_back("due " + ago_words(card.overdue_days));
  } else if (card.kind == CardKind::due) {
    const double cadence = initial_stability(c);
    parts.push_back(bare(tie_words(c)));
    if (card.overdue_days <= 0)
      parts.push_back("due today");
    else if (card.overdue_days <= cadence)
      parts.push_back("due " + ago_words(card.overdue_days));
    else
      // Past a whole cycle, "overdue by N" would count a cadence the user never kept.
      parts.back() += ", meant to be " + cadence_words(c) + ", silent " +
                      silence_words(card.days_since_talked.value_or(card.days_since.value_or(0)));
  } else if (card.days_since_talked) {
    parts.push_back("dormant tie, silent " + silence_words(*card.days_since_talked));
  } else if (card.days_since_connected && *card.days_since_connected >= kDormantDays) {
    // The card's history line already says when they connected: say what it means.
    parts.push_back("dormant tie, never followed up");
  } else if (card.days_since_connected) {
    parts.push_back("new connection, never in touch yet");
  } else {
    parts.push_back("dormant tie, no touch on record");
  }
  if (relevance_weight(r.relevance) > 0 && goal) parts.push_back("relevant to goal: " + goal->text);
  if (card.starred) parts.push_back("starred for this week");
  if (card.suggest_rethink)
    parts.push_back("snoozed " + std::to_string(card.snooze_streak) + " times in a row: longer cadence or archive?");
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

int title_seniority(std::string_view title) {
  if (title.empty()) return 0;
  std::string t(title);
  for (char& ch : t) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  // Whole words or clear prefixes only: "cto" must not match "director" by accident.
  auto has_word = [&](std::string_view w) {
    for (size_t at = t.find(w); at != std::string::npos; at = t.find(w, at + 1)) {
      const bool start = at == 0 || !std::isalnum(static_cast<unsigned char>(t[at - 1]));
      const size_t end = at + w.size();
      const bool stop = end >= t.size() || !std::isalnum(static_cast<unsigned char>(t[end]));
      if (start && stop) return true;
    }
    return false;
  };
  for (std::string_view w : {"founder", "co-founder", "cofounder", "owner", "partner", "president", "chief", "ceo",
                             "cto", "cfo", "coo", "cmo", "cio", "vp", "vice", "head", "director", "managing"})
    if (has_word(w)) return 3;
  for (std::string_view w : {"manager", "lead", "principal", "senior", "sr", "staff", "architect", "professor"})
    if (has_word(w)) return 2;
  return 1;
}

namespace {

// Orders cards of equal value meaningfully: the closer tie, the more senior title, the more
// recent history (they are likelier to remember), then a seeded shuffle (not file order).
struct TieBreak {
  uint64_t seed;
  bool operator()(const Card& a, const Card& b) const {
    if (a.value != b.value) return a.value > b.value;
    const double ca = a.closeness, cb = b.closeness;
    if (ca != cb) return ca > cb;
    const int sa = title_seniority(a.title), sb = title_seniority(b.title);
    if (sa != sb) return sa > sb;
    const int da = a.days_since.value_or(std::numeric_limits<int>::max());
    const int db = b.days_since.value_or(std::numeric_limits<int>::max());
    if (da != db) return da < db;
    const double ha = tie_break_hash(seed, a.contact_id);
    const double hb = tie_break_hash(seed, b.contact_id);
    if (ha != hb) return ha < hb;
    return a.contact_id < b.contact_id;
  }
};

}  // namespace

std::vector<Card> build_deck(const Network& net, const DayDecisions& done, Day today, int limit, uint64_t seed,
                             const std::set<int64_t>* only_from) {
  const int room = std::max(0, limit - done.count);
  std::vector<Card> due_cards, listed;
  std::vector<Card> pool;
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
    if (const auto real = last_real_touch(r.interactions)) card.days_since_talked = today - *real;
    if (c.connected_on) card.days_since_connected = today - *c.connected_on;
    card.value = value_score(value_inputs(r, today));
    card.closeness = closeness(c);
    const double s = replay_stability(c, r.interactions);
    double recall = touched ? retrievability(today - *touched, s) : 0.0;
    card.back_on_list = kind == CardKind::due && back_on_list(c, r.interactions);
    if (card.back_on_list) {
      // Back on the list: the cadence runs from when they joined it (or from the connection,
      // when that is later), so a weekly tie waiting in the queue comes before a yearly one,
      // and a whole network sorted today ranks by value alone (R = 1 for all).
      std::optional<Day> start = c.listed_since;
      for (const auto& d : {c.connected_on, last_real_touch(r.interactions)})
        if (d && (!start || *d > *start)) start = d;
      recall = start ? retrievability(today - *start, initial_stability(c)) : 0.0;
    }
    // The one warmth: the same function the contacts list and the Stats buckets use.
    card.warmth = warmth_on(c, r.interactions, today);
    card.score = kind == CardKind::due ? due_priority(recall, card.value) : card.value;
    // A card fresh on the list ranks (and reads) by its value until its cadence has run.
    if (card.back_on_list) card.score = std::max(card.score, card.value);
    card.overdue_days = c.due ? std::max(0, today - *c.due) : 0;
    card.snooze_streak = c.snooze_streak;
    card.suggest_rethink = c.snooze_streak >= kSnoozesBeforeSuggestion;
    card.starred = c.starred;
    card.touch = history_words(c, r.interactions, today);
    return card;
  };

  std::map<int64_t, const ContactRecord*> by_id;
  for (const ContactRecord& r : net.contacts) {
    const Contact& c = r.contact;
    if (c.archived || done.decided.count(c.id)) continue;
    if (only_from && !only_from->count(c.id)) continue;
    by_id[c.id] = &r;
    if (has_target_layer(c)) {
      if (c.due && *c.due > today) continue;
      if (back_on_list(c, r.interactions)) {
        listed.push_back(make_card(r, CardKind::due));
        continue;
      }
      if (c.due && *c.due < today) backlog = true;
      due_cards.push_back(make_card(r, CardKind::due));
    } else {
      if (c.due && *c.due > today) continue;  // snoozed or skipped reactivation
      const auto touched = last_touch(c, r.interactions);
      const bool never_in_touch = r.interactions.empty();
      if (!never_in_touch && touched && today - *touched < kDormantDays) continue;
      pool.push_back(make_card(r, CardKind::reactivation));
    }
  }
  std::sort(due_cards.begin(), due_cards.end(), [](const Card& a, const Card& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.value != b.value ? a.value > b.value : a.contact_id < b.contact_id;
  });
  if (static_cast<int>(due_cards.size()) > room) due_cards.resize(static_cast<size_t>(room));
  std::vector<Card> deck = std::move(due_cards);

  // The day's reactivation slots are kept free of the list's newcomers: a deck of only
  // yesterday's picks would never widen the network.
  const int slots_left = backlog ? 0 : std::max(0, kMaxReactivationsPerDay - done.reactivations);
  const int reserved = std::min<int>(slots_left, static_cast<int>(pool.size()));
  const TieBreak order{seed};
  std::sort(listed.begin(), listed.end(),
            [&](const Card& a, const Card& b) { return a.score != b.score ? a.score > b.score : order(a, b); });
  const int listed_room = std::max(0, room - static_cast<int>(deck.size()) - reserved);
  for (size_t i = 0; i < listed.size() && static_cast<int>(i) < listed_room; ++i) deck.push_back(listed[i]);
  // One order for the day's due and listed cards: by priority (a listed weekly tie waiting
  // for days can come before a yearly one just due), ties by value.
  std::stable_sort(deck.begin(), deck.end(),
                   [&](const Card& a, const Card& b) { return a.score != b.score ? a.score > b.score : order(a, b); });

  if (!backlog) {
    std::sort(pool.begin(), pool.end(), order);
    const int slots = std::min(slots_left, room - static_cast<int>(deck.size()));
    for (int i = 0; i < slots && !pool.empty(); ++i) {
      const int slot = done.reactivations + i;
      size_t pick = 0;
      if (draw(seed, today, slot) % kRandomReactivationEvery == 0) {
        // Our own picks lean to the comfortable; a random one from the top 10 widens them.
        const size_t top = std::min<size_t>(pool.size(), kRandomReactivationPool);
        pick = static_cast<size_t>(draw(seed ^ 0xA5A5ull, today, slot) % top);
      }
      deck.push_back(pool[pick]);
      pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(pick));
    }
  }
  for (Card& card : deck) card.reason = card_reason(*by_id.at(card.contact_id), card, net.goal);
  return deck;
}

}  // namespace rekindle::core
