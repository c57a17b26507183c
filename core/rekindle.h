#pragma once
// The application API: every user action and every view's data, for every front end. The
// window, the command line and the tests call these and nothing below them, so what the
// tests prove is what the user does.
//
// Contract of every call:
// - A call that changes anything runs as ONE write transaction: all of it is stored, or
//   nothing is (a failure or an exception rolls it back).
// - Failures come back as a Result/Status with a one-line message for the user; nothing
//   throws.
// - The rule of an action lives here (e.g. "the first goal becomes current", "a new contact
//   is scheduled at once"); front ends only collect input and show results.
// - "today" is always passed in (the CLI's --date, the window's day), never read from the
//   clock, so any day can be replayed.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/composer.h"
#include "core/contact_list.h"
#include "core/contact.h"
#include "core/date.h"
#include "core/decision.h"
#include "core/importer.h"
#include "core/sync.h"
#include "core/message_template.h"
#include "core/result.h"
#include "core/sort.h"
#include "core/review_session.h"
#include "core/stats.h"
#include "core/store.h"
#include "core/strategy.h"

namespace rekindle::core {

// One contact as a list shows it: the stored fields with today's warmth.
struct ContactRow {
  Contact contact;
  double warmth = 0;              // W today, 0..1
  std::optional<Day> last_touch;  // the latest real touch, else the connection date
};

// One contact with everything a details page shows.
struct ContactDetail {
  Contact contact;
  double warmth = 0;
  std::optional<Day> last_touch;
  std::string history;  // who wrote last and when, as the card says it (history_words)
  std::vector<Interaction> interactions;  // oldest first
  std::vector<GoalLink> goal_links;
};

// One goal with how many contacts are relevant to it and how many of those have no offer yet.
struct GoalSummary {
  Goal goal;
  int relevant_contacts = 0;
  int without_offer = 0;
};

// Changes to a goal; unset members are left as they are.
struct GoalEdit {
  std::optional<std::string> text;  // must not be empty
  std::optional<std::string> target;
  std::optional<Day> deadline;
};

// ---- "Sort your network" (first-run triage) and Strategy's people: owner triage ----------

// One person in the triage deck: what the card shows and the current goal's link.
struct SortCandidate {
  int64_t id = 0;
  std::string name, company, title, tier;
  std::optional<Day> connected_on;
  std::string relevance = "none";  // for the current goal
  std::string offer;               // what I can offer them, for the current goal
};

// The current goal's people, bounded for a screen: the first `limit` of each list, with
// the full counts for an "and N more".
struct StrategyPeople {
  std::optional<Goal> goal;
  std::vector<StrategyEntry> relevant;       // relevance some or high, high first, then by name
  std::vector<StrategyEntry> without_offer;  // relevant, nothing to offer yet
  int64_t relevant_total = 0;
  int64_t without_offer_total = 0;
};

class Rekindle {
 public:
  // Opens (or creates) the database file; see Store::open for what is refused.
  static Result<std::unique_ptr<Rekindle>> open(const std::string& path);
  // A private in-memory database, for tests and trials.
  static Result<std::unique_ptr<Rekindle>> open_in_memory();
  // The API owning a store the caller opened.
  static std::unique_ptr<Rekindle> adopt(std::unique_ptr<Store> store);
  // The API over a store the caller owns and keeps alive (engine tests that also read the
  // store directly).
  explicit Rekindle(Store& store) : store_(&store) {}

  Rekindle(const Rekindle&) = delete;
  Rekindle& operator=(const Rekindle&) = delete;

  // The database file's path ("" in memory).
  const std::string& path() const { return store_->path(); }

  // ---- The file's health (owner: db; see Store) ------------------------------------------

  // A damaged file opens read-only; every write is refused with damage_message().
  bool damaged() const { return store_->damaged(); }
  std::string damage_message() const { return store_->damage_message(); }
  // The full PRAGMA integrity_check: the problems found, none when the file is sound.
  Result<std::vector<std::string>> integrity_problems() { return store_->integrity_problems(); }
  // Changes whenever another connection (window, CLI) commits to the file.
  Result<int64_t> data_version() { return store_->data_version(); }

  // ---- Contacts --------------------------------------------------------------------------

  // Creates a contact and schedules it (a new contact with a tier is in the deck at once).
  // The name is trimmed and must not be empty; the tier must be one of kTierNames.
  Result<int64_t> add_contact(Contact contact, Day today);
  // Applies an edit of strategy fields (tier, cadence, trust, tags, note, goal fields) and
  // reschedules when the tier or cadence changed. Goal fields need a current goal.
  Status edit_contact(int64_t contact_id, const ContactEdit& edit, Day today);
  // Replaces every stored field of contact.id with contact's (names, lists, notes, tier...)
  // but the scheduling state; a changed tier or cadence reschedules. The name must not be empty.
  Status update_contact(const Contact& contact, Day today);
  // Merges duplicate_id into keep_id: every field the kept contact lacks is filled, lists are
  // united, and the duplicate's history (touches, goal links, decisions) moves to the kept
  // contact before the duplicate is removed. Nothing either held is lost.
  Status merge_contacts(int64_t keep_id, int64_t duplicate_id, Day today);
  // Contacts (archived included) ordered by name with today's warmth; search matches name,
  // company, title, e-mail or tag (case-insensitive) when not empty.
  Result<std::vector<ContactRow>> contacts(const std::string& search, Day today);
  // Number of contacts, archived included.
  Result<int64_t> contact_count();
  // One contact with its history; an error when there is no such contact.
  Result<ContactDetail> contact(int64_t contact_id, Day today);

  // ---- Touches ---------------------------------------------------------------------------

  // Records a touchpoint (channel, kind, grade, note on interaction.date) and replays the
  // contact's schedule from its log. Returns the stored interaction with its id.
  Result<Interaction> log_touch(Interaction interaction, Day today);
  // Logs a composed message as sent on `day` (the draft's channel and kind, its subject or
  // template as the note), counted as the provisional grade 3 until an outcome is recorded.
  Result<int64_t> log_sent(int64_t contact_id, const Draft& draft, Day day);
  // Sets the real outcome (1..4) of a logged touch and replays the contact's schedule.
  Status record_outcome(int64_t interaction_id, int grade, Day today);

  // ---- Contact details and the contacts list (owner: details; core/rekindle_details.cpp) --

  // Changes a logged touch (date, channel, kind, grade 1..4 or none, note; not its contact)
  // and replays the contact's schedule from its log.
  Status edit_interaction(const Interaction& interaction, Day today);
  // Deletes a logged touch (only on the user's explicit, confirmed command) and replays the
  // contact's schedule from what is left. Returns the deleted touch, so undo can log it again.
  Result<Interaction> delete_interaction(int64_t interaction_id, Day today);
  // Every contact, compact (no lists, notes or photo), by id, with the same warmth as
  // contacts() and the card: what the list searches and sorts in memory.
  Result<ContactIndex> contact_index(Day today);
  // Applies one change to many contacts as one transaction (a tag added, archived or not, a
  // cadence); changed cadences and un-archived contacts are rescheduled. Returns what undo
  // needs. Unknown ids fail the whole change.
  Result<BulkUndo> bulk_edit(std::span<const int64_t> contact_ids, const BulkEdit& edit, Day today);
  // Puts back what a bulk_edit changed, as one transaction.
  Status undo_bulk(const BulkUndo& undo, Day today);
  // merge_contacts with the user's choice, per single-valued field, of the duplicate's value.
  Status merge_contacts(int64_t keep_id, int64_t duplicate_id, const MergeChoices& choices, Day today);

  // ---- Daily review ----------------------------------------------------------------------

  // The review of `today` (deck, decide, undo, change snooze) with the daily limit setting.
  Result<ReviewSession> open_review(Day today);
  // Today's deck in order, at most `limit` cards (0: the daily limit setting).
  Result<std::vector<Card>> deck(Day today, int limit = 0);
  // What was already decided on a day.
  Result<DayDecisions> decisions_on(Day day);
  // Undoes the latest decision of any day; nullopt when there is nothing to undo.
  Result<std::optional<DecisionOutcome>> undo();
  // The daily limit N (setting, default 10) and its change (1..500).
  Result<int> daily_limit();
  Status set_daily_limit(int limit);
  // The summary of a day's review.
  Result<SessionSummary> session_summary(Day today);

  // ---- Goals and strategy ----------------------------------------------------------------

  // Adds a goal (text must not be empty); the first goal becomes the current one.
  Result<Goal> add_goal(Goal goal);
  // Changes a goal's text, target or deadline.
  Result<Goal> edit_goal(int64_t goal_id, const GoalEdit& edit);
  // Makes a goal the current one (it feeds the deck and the drafts); not an archived goal.
  Result<Goal> set_current_goal(int64_t goal_id);
  // Archives a goal: kept, but no longer current or listed.
  Result<Goal> archive_goal(int64_t goal_id);
  // Goals, oldest first; archived ones only when asked.
  Result<std::vector<Goal>> goals(bool include_archived = false);
  // Every goal that is not archived, with its counts of relevant contacts.
  Result<std::vector<GoalSummary>> goal_summaries();
  // The current goal's network: who is relevant, and who has no offer written yet.
  Result<StrategyReport> strategy();

  // ---- Settings --------------------------------------------------------------------------

  Result<std::optional<std::string>> setting(const std::string& key);
  Status set_setting(const std::string& key, const std::string& value);

  // ---- Settings screen and import in the window (import-window) --------------------------

  // How many days a left swipe snoozes when no interval is chosen (setting
  // "default_snooze_days", default 7) and its change (1..365 days).
  Result<int> default_snooze_days();
  Status set_default_snooze_days(int days);
  // A second connection to the same database file, for a worker thread (SQLite wants one
  // connection per thread; WAL lets this one read while the other writes). Fails for an
  // in-memory database, which has no file another connection could open.
  Result<std::unique_ptr<Rekindle>> open_another() const;

  // ---- Import and export -----------------------------------------------------------------

  // Imports contact files (all of them stored, or none); see core/importer.h for the report,
  // dry runs, progress and cancelling.
  Result<ImportReport> import_files(const std::vector<std::string>& paths, const ImportOptions& options);
  Result<ImportReport> import_sources(const std::vector<ImportSource>& sources, const ImportOptions& options);
  // Everything in one format (vcard, csv, json, ics); see core/exporter.h.
  Result<std::string> export_all(std::string_view format, Day today);

  // ---- CardDAV sync (core/sync.h, issue 15; core/sync_api.cpp) ----------------------------

  Result<SyncReport> sync(const HttpTransport& http, const SyncOptions& options);
  // The fields a sync left for the user to choose, with the contact's name.
  Result<std::vector<std::pair<SyncConflict, std::string>>> sync_conflicts();
  Status resolve_sync_conflict(int64_t contact_id, const std::string& field, bool use_server);

  // ---- Drafts ----------------------------------------------------------------------------

  // What the composer knows about a contact (an error when there is no such contact).
  Result<ComposeContext> compose_context(int64_t contact_id, Day today);
  // A draft for the contact from the templates, or the check of the user's own text.
  Result<Draft> draft(const TemplateSet& templates, int64_t contact_id, const DraftRequest& request, Day today);

  // ---- Insights --------------------------------------------------------------------------

  // Network health, reach-outs per week, give/ask, streak and the due forecast on a day.
  Result<NetworkStats> stats(Day today);

  // ---- "Sort your network" (first-run triage) and Strategy's people: owner triage --------

  // How far the triage has come (counts over the contacts not archived).
  Result<SortProgress> sort_progress();
  // Up to limit people not yet sorted (and not archived), best first: those with a title or
  // company, then the most recently connected. Reads one page, never the whole network.
  Result<std::vector<SortCandidate>> sort_queue(int limit);
  // Answers the triage for one person, as ONE transaction: sets the tier of the answer
  // (through the normal edit path, so the schedule follows), and for the current goal the
  // relevance ("high" when could_help, "none" when it was marked and is no longer) and the
  // offer when given. Remembers the state it replaced for undo_sort. Refuses a person already
  // sorted, archived, or could_help / an offer without a current goal.
  Status sort_contact(int64_t contact_id, const SortChoice& choice, Day today);
  // Takes back the latest triage answer exactly (tier, schedule, goal link); returns the
  // person's id, nullopt when nothing was sorted.
  Result<std::optional<int64_t>> undo_sort();
  // "Skip for now" (true) or back to sorting (false): whether Today offers the triage.
  Status set_sort_skipped(bool skipped);
  // The current goal's people, at most limit of each list (for the Strategy screen).
  Result<StrategyPeople> strategy_people(int limit);

 private:
  explicit Rekindle(std::unique_ptr<Store> owned) : owned_(std::move(owned)), store_(owned_.get()) {}
  std::unique_ptr<Store> owned_;
  Store* store_;
};

}  // namespace rekindle::core
