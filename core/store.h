#pragma once
// The one SQLite file that holds everything: contacts, interactions, decisions, goals,
// settings. Opening refuses foreign, damaged and newer files without touching them, and
// migrates older ones (after keeping a copy) through numbered migrations.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <string>
#include <vector>

#include "core/contact.h"
#include "core/result.h"
#include "core/sqlite_db.h"

namespace rekindle::core {

// Written to PRAGMA application_id so we recognise our own files ("RKDL").
inline constexpr int32_t kApplicationId = 0x524B444C;

class Store {
 public:
  // Opens or creates the database at path (creating its folder, mode 0600 for a new file).
  // Refuses, without modifying it, a path that is a directory, a non-SQLite file, another
  // application's SQLite file or one written by a newer Rekindle.
  static Result<std::unique_ptr<Store>> open(const std::string& path);
  // The same with an explicit migration list (tests exercise the migration machinery).
  static Result<std::unique_ptr<Store>> open(const std::string& path, std::span<const std::string_view> migrations);
  // A private in-memory database, for tests and dry runs.
  static Result<std::unique_ptr<Store>> open_in_memory();

  // The schema version this build writes (PRAGMA user_version).
  static int latest_version();
  const std::string& path() const { return path_; }
  Database& db() { return *db_; }

  // Runs body as one write transaction (BEGIN IMMEDIATE); rolled back if it fails.
  template <typename Body>
  Status transaction(Body&& body) {
    return db_->transaction(std::forward<Body>(body));
  }

  // Contacts. Writers must run inside transaction().
  Result<int64_t> insert_contact(const Contact& contact);
  Status update_contact(const Contact& contact);  // replaces every field and list
  Result<std::optional<Contact>> contact(int64_t id);
  // All contacts (archived included) ordered by name; search matches name, company, title,
  // e-mail, tags (case-insensitive substring) when not empty.
  Result<std::vector<Contact>> contacts(const std::string& search = "");
  Result<int64_t> contact_count();
  // Removes a contact with its fields, touches, decisions and goal links (inside
  // transaction(); only for an explicit user command such as a merge).
  Status delete_contact(int64_t id);
  // Moves every touch and decision of contact from_id to contact to_id (inside transaction()).
  Status move_history(int64_t from_id, int64_t to_id);

  // Interactions (touchpoints).
  Result<int64_t> insert_interaction(const Interaction& interaction);
  Status delete_interaction(int64_t id);
  Result<std::vector<Interaction>> interactions(int64_t contact_id);  // oldest first
  Result<std::vector<Interaction>> all_interactions();                // by contact, date

  // Goals and per-contact links.
  Result<int64_t> insert_goal(const Goal& goal);
  Status update_goal(const Goal& goal);
  Result<std::vector<Goal>> goals(bool include_archived = false);
  Result<std::optional<Goal>> current_goal();
  Status set_current_goal(int64_t goal_id);
  Status upsert_goal_link(const GoalLink& link);
  Result<std::vector<GoalLink>> goal_links(int64_t contact_id);
  Result<std::vector<GoalLink>> all_goal_links();

  // Settings: small key/value strings.
  Result<std::optional<std::string>> setting(const std::string& key);
  Status set_setting(const std::string& key, const std::string& value);

  // A canonical text dump of every table's content in key order, for comparisons in tests
  // and for "did this change anything" checks.
  Result<std::string> canonical_dump();

 private:
  Store() = default;
  Status configure(bool is_file);
  Status migrate(std::span<const std::string_view> migrations);
  Status write_contact_children(const Contact& contact);

  std::string path_;
  std::unique_ptr<Database> db_;
};

}  // namespace rekindle::core
