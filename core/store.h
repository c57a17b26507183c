#pragma once
// The one SQLite file that holds everything: contacts, interactions, decisions, goals,
// settings. Opening refuses foreign, damaged and newer files without touching them, and
// migrates older ones (after keeping a copy) through numbered migrations.
//
// The store is the only code that speaks SQL. Every call returns a Result or Status whose
// error is one readable line (SQLite's message, or ours naming what was not found). Calls
// marked "Write" change the file and must run inside transaction(), so that one user action
// is one atomic, durable commit; the others may run inside or outside one.
#include <array>
#include <functional>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include <utility>

#include "core/contact.h"
#include "core/date.h"
#include "core/decision.h"
#include "core/result.h"
#include "core/sort.h"
#include "core/sqlite_db.h"
#include "core/sync_state.h"

namespace rekindle::core {

// Written to PRAGMA application_id so we recognise our own files ("RKDL").
inline constexpr int32_t kApplicationId = 0x524B444C;

// One row of the decisions table: a review decision and what undo needs to take it back.
struct StoredDecision {
  int64_t id = 0;
  int64_t contact_id = 0;
  std::string contact_name;
  Day day;
  Direction direction = Direction::skip;
  std::string before_state;               // the review session's JSON (core/review_session.cpp)
  std::optional<int64_t> interaction_id;  // the touch the decision created, if any
};

// A decision made on a day, as the deck counts it.
struct DecidedCard {
  int64_t contact_id = 0;
  bool reactivation = false;  // the before-state's "card" was "reactivation"
};

class Store {
 public:
  // --- Opening -------------------------------------------------------------------------

  // Opens or creates the database at path (creating its folder, mode 0600 for a new file).
  // Refuses, without modifying it, a path that is a directory, a non-SQLite file, another
  // application's SQLite file or one written by a newer Rekindle; fails when WAL mode,
  // foreign keys or synchronous=FULL cannot be set.
  static Result<std::unique_ptr<Store>> open(const std::string& path);
  // The same with an explicit migration list (tests exercise the migration machinery).
  static Result<std::unique_ptr<Store>> open(const std::string& path, std::span<const std::string_view> migrations);
  // A private in-memory database, for tests and dry runs.
  static Result<std::unique_ptr<Store>> open_in_memory();

  // A damaged file (PRAGMA quick_check on open, or SQLITE_CORRUPT in any command) opens
  // read-only: every write is refused with damage_message(), one line naming the file, the
  // .bak copies beside it and `rekindle check`.
  bool damaged() const;
  std::string damage_message() const;
  // PRAGMA integrity_check in full: the problems found, none when the file is sound. A
  // problem marks the connection damaged.
  Result<std::vector<std::string>> integrity_problems();
  // The last failure was the database file's (damage, full disk, lock, read-only, I/O), not
  // the data's: an import must not blame it on a line of its input.
  bool storage_failed() const { return db_->storage_failed(); }
  // PRAGMA data_version: changes when another connection commits to the file.
  Result<int64_t> data_version();
  // How long a write waits for another Rekindle's write (tests shorten it).
  void set_busy_timeout(int ms);

  // The schema version this build writes (PRAGMA user_version).
  static int latest_version();
  // The path given to open(), or ":memory:".
  const std::string& path() const { return path_; }

  // Runs body (returning Status) as one write transaction (BEGIN IMMEDIATE ... COMMIT);
  // rolled back when it fails or throws. Transactions do not nest.
  template <typename Body>
  Status transaction(Body&& body) {
    return db_->transaction(std::forward<Body>(body));
  }

  // A bulk import trades a sync per page for speed: on, synchronous=NORMAL (the commit is
  // still durable in WAL mode); off, back to FULL for user actions. A no-op in memory.
  // Must run outside transaction() (SQLite refuses it inside one).
  Status set_bulk_import(bool on);

  // A canonical text dump of every table's content in key order, for comparisons in tests
  // and for "did this change anything" checks.
  Result<std::string> canonical_dump();

  // --- contacts (and their e-mails, phones, URLs, addresses, tags, photo) ---------------

  // Write: inserts the contact with every list; returns its new id (contact.id is ignored).
  Result<int64_t> insert_contact(const Contact& contact);
  // Write: replaces every field and list of contact.id; fails for an unknown id.
  Status update_contact(const Contact& contact);
  // Write: stores what changed from `before` to `after`, two states of the same contact: only
  // the columns that differ, list rows changed in place, appended or dropped by position, the
  // photo only when it differs. What an import's merge writes (issue 13): never all rows again.
  Status update_contact_changes(const Contact& before, const Contact& after);
  // Every contact with every list, but each photo read as its type only (empty bytes): what
  // an import matches and merges by, without holding every photo in memory.
  Result<std::vector<Contact>> contacts_for_import();
  // One contact with every field and list; nullopt for an unknown id.
  Result<std::optional<Contact>> contact(int64_t id);
  // All contacts (archived included) ordered by name; search matches name, company, title,
  // notes, e-mail/phone/URL/address values and tags (case-insensitive substring) when not empty.
  Result<std::vector<Contact>> contacts(const std::string& search = "");
  // The number of contacts, archived included.
  Result<int64_t> contact_count();
  // Write: removes a contact with its fields, touches, decisions and goal links. Only for an
  // explicit user command (a merge); an unknown id changes nothing.
  Status delete_contact(int64_t id);
  // Write: moves every touch and decision of contact from_id to contact to_id.
  Status move_history(int64_t from_id, int64_t to_id);
  // The contact's display name; nullopt for an unknown id.
  Result<std::optional<std::string>> contact_name(int64_t id);
  // Every contact (or only `only_id`) by id, with just what the schedule and the deck read:
  // id, name, company, title, tier, cadence, trust, connected_on and the scheduling fields
  // (no lists, tags, notes or photo).
  Result<std::vector<Contact>> schedule_contacts(std::optional<int64_t> only_id = std::nullopt);

  // The contact's scheduling fields, with last_interaction_id = its newest interaction's id
  // (0 when none); nullopt for an unknown id.
  Result<std::optional<SchedulingFields>> scheduling_fields(int64_t contact_id);
  // Write: stores due, starred, archived and snooze_streak (last_interaction_id is derived,
  // not stored); fails for an unknown id.
  Status set_scheduling_fields(int64_t contact_id, const SchedulingFields& fields);
  // Write: stores the due day alone (nullopt: no due day); an unknown id changes nothing.
  Status set_due(int64_t contact_id, std::optional<Day> due);
  // Write: sets the snooze streak to 0; an unknown id changes nothing.
  Status reset_snooze_streak(int64_t contact_id);

  // --- interactions (touchpoints) --------------------------------------------------------

  // Write: inserts the touch (interaction.id is ignored); returns its new id; fails for an
  // unknown contact or a value outside the table's checks.
  Result<int64_t> insert_interaction(const Interaction& interaction);
  // Write: deletes one touch (decisions that created it lose the link); an unknown id
  // changes nothing.
  Status delete_interaction(int64_t id);
  // Write: sets the grade (1..4) of a touch; returns its contact's id, nullopt for an unknown
  // interaction id.
  Result<std::optional<int64_t>> set_interaction_grade(int64_t interaction_id, int grade);
  // One contact's touches, oldest first.
  Result<std::vector<Interaction>> interactions(int64_t contact_id);
  // Every touch, by contact, then date.
  Result<std::vector<Interaction>> all_interactions();

  // --- history imported from mail, LinkedIn messages and calendars (store_history.cpp) ---

  // Every contact's e-mail addresses and URLs as (contact id, value), as stored: what an
  // imported message is matched to a contact by.
  Result<std::vector<std::pair<int64_t, std::string>>> contact_addresses();
  // Write: stores an imported touch unless the contact already has one with external_id.
  // An outbound touch the user logged by hand on the same day and channel (no external id
  // yet) is the same message: it takes the id instead of a second touch being added.
  // True when a touch was added.
  Result<bool> insert_imported_interaction(const Interaction& interaction, const std::string& external_id);

  // --- decisions (the review's undo stack) ----------------------------------------------

  // Write: records a decision with the contact's state before it; returns its id. Refuses,
  // changing nothing, when the contact already has a decision on `day` (another window or
  // process decided the card since it was shown): "Already decided in another window: NAME;
  // nothing changed" ("on another computer" when the decision came with a synced card).
  Result<int64_t> insert_decision(int64_t contact_id, Day day, Direction direction, const std::string& before_state);
  // The newest decision of any day made in this database (not one that came with a synced
  // or imported card: its before-state is elsewhere), with its contact's name; nullopt when
  // there is none.
  Result<std::optional<StoredDecision>> latest_decision();
  // The newest kDecisionsOnCard decisions of one contact (contact_id), or of every contact
  // (nullopt), as their cards carry them: each with its contact's id, oldest first.
  Result<std::vector<std::pair<int64_t, DayDecision>>> card_decisions(std::optional<int64_t> contact_id);
  // Write: records a decision that came with a card (sync or import); false, changing
  // nothing, when the contact already has a decision on that day (never two on one day).
  Result<bool> add_card_decision(int64_t contact_id, const DayDecision& decision);
  // Write: deletes one decision; an unknown id changes nothing.
  Status delete_decision(int64_t id);
  // Write: links interaction_id to the contact's newest "right" decision of `day` that has no
  // touch yet (the message that swipe was for), so undoing the swipe removes the touch too.
  // Changes nothing when there is no such decision.
  Status tie_reach_out_to_interaction(int64_t contact_id, Day day, int64_t interaction_id);
  // The decisions made on `day`, in no particular order.
  Result<std::vector<DecidedCard>> decisions_on_day(Day day);
  // How many decisions of each kind were made on `day`, indexed by Direction.
  Result<std::array<int, kDirectionCount>> decision_counts(Day day);
  // The days with at least one decision, up to and including `last`, newest first.
  Result<std::vector<Day>> decision_days_until(Day last);
  // Contacts swiped up between first and last (inclusive) that are still starred and not
  // archived, most recently swiped up first.
  Result<std::vector<int64_t>> starred_between(Day first, Day last);

  // --- goals and per-contact goal links -------------------------------------------------

  // Write: inserts a goal; returns its id.
  Result<int64_t> insert_goal(const Goal& goal);
  // Write: replaces every field of goal.id; fails for an unknown id.
  Status update_goal(const Goal& goal);
  // The goals by id, archived ones only when asked.
  Result<std::vector<Goal>> goals(bool include_archived = false);
  // The active goal marked current; nullopt when none is.
  Result<std::optional<Goal>> current_goal();
  // Write: makes goal_id the only current goal; fails for an unknown or archived goal.
  Status set_current_goal(int64_t goal_id);
  // Write: inserts or replaces the link of (link.contact_id, link.goal_id).
  Status upsert_goal_link(const GoalLink& link);
  // One contact's links, by goal id.
  Result<std::vector<GoalLink>> goal_links(int64_t contact_id);
  // Every link, by contact id, then goal id.
  Result<std::vector<GoalLink>> all_goal_links();
  // The links of one goal, of every contact or only of `only_contact`, in no particular order.
  Result<std::vector<GoalLink>> links_of_goal(int64_t goal_id, std::optional<int64_t> only_contact = std::nullopt);

  // --- job changes (issue 11: a draft congratulates only on a known change) --------------

  // Write: records that change.contact_id's title or company changed on change.day.
  Status insert_job_change(const JobChange& change);
  // The contact's newest recorded job change; nullopt when none is recorded.
  Result<std::optional<JobChange>> latest_job_change(int64_t contact_id);

  // --- details: editing touches, the contacts list, bulk changes (owner: details) -------

  // One touch; nullopt for an unknown id.
  Result<std::optional<Interaction>> interaction(int64_t id);
  // Write: replaces the date, channel, kind, grade and note of interaction.id (not its
  // contact); fails for an unknown id or a value outside the table's checks.
  Status update_interaction(const Interaction& interaction);
  // Calls fn for every contact, by id, with schedule_contacts' fields and the text search
  // also looks at (its e-mails, phones and tags, space-separated): what the list needs,
  // one row at a time, never whole records.
  Status each_list_contact(const std::function<void(Contact&, std::string&)>& fn);
  // Whether the contact has exactly this tag.
  Result<bool> has_tag(int64_t contact_id, const std::string& tag);
  // Write: appends a tag after the contact's others (call only when has_tag is false).
  Status add_tag(int64_t contact_id, const std::string& tag);
  // Write: removes the tag; missing changes nothing.
  Status remove_tag(int64_t contact_id, const std::string& tag);
  // Write: sets the archived flag; fails for an unknown id.
  Status set_archived(int64_t contact_id, bool archived);
  // Write: sets (or clears) the hand-set cadence; fails for an unknown id.
  Status set_cadence(int64_t contact_id, std::optional<int> cadence_days);

  // --- "Sort your network" (first-run triage) answers: owner triage ----------------------

  // The number of contacts not archived.
  Result<int64_t> active_contact_count();
  // The number of contacts not archived that have a triage answer.
  Result<int64_t> sorted_contact_count();
  // The number of contacts not archived, without a tier (dormant) and not yet answered.
  Result<int64_t> untiered_unsorted_count();
  // Up to limit contacts not archived and not yet answered, best first: those with a title
  // or company, then the most recently connected, then by id.
  Result<std::vector<int64_t>> unsorted_contact_ids(int limit);
  // The answer given for a contact; nullopt when none.
  Result<std::optional<SortAnswerRow>> sort_answer(int64_t contact_id);
  // The latest answer of all; nullopt when none.
  Result<std::optional<SortAnswerRow>> latest_sort_answer();
  // Write: stores an answer (row.seq is ignored: it becomes the highest); fails when the
  // contact already has one.
  Status insert_sort_answer(const SortAnswerRow& row);
  // Write: removes a contact's answer; an unknown id changes nothing.
  Status delete_sort_answer(int64_t contact_id);
  // Write: removes the link of a contact to a goal (undo of a link the triage created).
  Status delete_goal_link(int64_t contact_id, int64_t goal_id);
  // The current goal's relevant links (relevance some or high, contact not archived), high
  // first, then by name; only those without an offer when asked; at most limit of them.
  Result<std::vector<GoalLink>> relevant_links(int64_t goal_id, bool without_offer_only, int limit);
  // How many links relevant_links would give without a limit.
  Result<int64_t> relevant_link_count(int64_t goal_id, bool without_offer_only);

  // --- the deck from SQL (issue 13; store_deck.cpp, tables of migration 7) -------------

  // One reactivation candidate of pool_rank as the deck reads it (see core/deck_query.h).
  struct PoolRow {
    int64_t contact_id = 0;
    double bound = 0;             // V at full novelty
    int seniority = 0;            // title_seniority of the title
    std::optional<Day> touched;   // the latest interaction or the connection day
    bool logged = false;          // has at least one interaction
    double hash = 0;              // the seeded tie-break
    std::optional<Day> due;       // the contact's "not before" (a snooze or skip)
  };
  // Write (opens its own transaction when none is open): brings pool_rank up to date for
  // `seed` and the current goal `goal_id`: every row when the seed changed (or was never
  // set), the changed contacts (pool_stale, and the links of a goal that became or stopped
  // being current) otherwise. Nothing is written when nothing changed.
  Status refresh_pool_rank(uint64_t seed, std::optional<int64_t> goal_id);
  // Contacts on the list (a tier or a cadence), not archived, due on or before `today` or
  // with no due day, by the contacts_due index.
  Result<std::vector<int64_t>> due_contact_ids(Day today);
  // The number of contacts on the list (a tier or a cadence), archived included.
  Result<int64_t> listed_contact_count();
  // Calls fn for pool_rank rows in pool_rank_order (the best first) until it returns false.
  // young: only rows last touched after `split` (novelty below 1 on the deck's day), else only
  // rows touched on or before it or never.
  Status each_pool_row(Day split, bool young, const std::function<bool(const PoolRow&)>& fn);
  // schedule_contacts' fields, the touches and the links of goal_id of the given contacts.
  Result<std::vector<Contact>> schedule_contacts_in(const std::vector<int64_t>& ids);
  Result<std::vector<Interaction>> interactions_of(const std::vector<int64_t>& ids);
  Result<std::vector<GoalLink>> goal_links_of(int64_t goal_id, const std::vector<int64_t>& ids);

  // --- settings: small key/value strings ------------------------------------------------

  // The value of key; nullopt when it was never set.
  Result<std::optional<std::string>> setting(const std::string& key);
  // Write: sets key to value.
  Status set_setting(const std::string& key, const std::string& value);

  // --- CardDAV sync (store_sync.cpp, issue 15) -------------------------------------------

  // The cards of one address book, by href.
  Result<std::vector<SyncedCard>> synced_cards(const std::string& book);
  // Write: inserts or replaces the card of (card.book, card.href).
  Status put_synced_card(const SyncedCard& card);
  // Write: forgets one card; an unknown one changes nothing.
  Status delete_synced_card(const std::string& book, const std::string& href);
  // Every open conflict, by contact and field.
  Result<std::vector<SyncConflict>> sync_conflicts();
  // Write: inserts or replaces the conflict of (contact_id, field).
  Status put_sync_conflict(const SyncConflict& conflict);
  // Write: removes a conflict (the user chose); an unknown one changes nothing.
  Status delete_sync_conflict(int64_t contact_id, const std::string& field);

 private:
  Store() = default;
  static Result<std::unique_ptr<Store>> open_file(const std::string& path,
                                                  std::span<const std::string_view> migrations, bool existed);
  Status configure(bool is_file);
  Status migrate(std::span<const std::string_view> migrations);
  Status write_contact_children(const Contact& contact);
  Status dump_table(const std::string& table, std::string& out);

  std::string path_;
  std::unique_ptr<Database> db_;
};

}  // namespace rekindle::core
