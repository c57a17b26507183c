#pragma once
// A thin, checked wrapper over the SQLite C API: an owning connection with a cache of
// persistent prepared statements, and a statement handle with typed bind/column helpers.
// Only the store layer (core/store*.cpp) uses it; everything else goes through Store.
#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace rekindle::core {

class Database;

// The copies kept beside a database file before migrations ("rekindle.db.v5.bak"), file names
// only, oldest version first.
std::vector<std::string> backup_copies(const std::string& path);

class Statement {
 public:
  Statement(sqlite3_stmt* stmt, Database* owner) : stmt_(stmt), owner_(owner) {}
  // Resetting on destruction releases the read snapshot a stepped statement holds.
  ~Statement();
  Statement(Statement&& other) noexcept
      : stmt_(std::exchange(other.stmt_, nullptr)), owner_(other.owner_), bind_error_(std::move(other.bind_error_)) {}
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;

  // Binds by 1-based index; optionals bind NULL when empty; a Day binds as "YYYY-MM-DD".
  // Binds chain without checks: the first one that fails is kept, and the next step() or
  // run() returns it as an error naming the parameter and the SQL.
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<int64_t>(value ? 1 : 0)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, Day day) { return bind(index, format_iso_day(day)); }
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Advances: true when a row is available, false when done; an error carries SQLite's
  // message (or the failed bind's).
  Result<bool> step();
  // Runs to completion, ignoring rows.
  Status run();
  // Steps through every remaining row, calling fn(const Statement&) on each; stops at the
  // first error.
  template <typename Fn>
  Status each_row(Fn&& fn) {
    for (;;) {
      auto row = step();
      if (!row) return make_error(row.error());
      if (!*row) return Status::success();
      fn(static_cast<const Statement&>(*this));
    }
  }

  int column_count() const;
  // SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT or SQLITE_BLOB.
  int column_type(int column) const;
  bool is_null(int column) const;
  int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::optional<int64_t> optional_int64(int column) const;
  std::optional<double> optional_real(int column) const;
  std::string blob(int column) const;

 private:
  // Keeps the first failed bind (rc != SQLITE_OK) for step() to report.
  Statement& check_bind(int index, int rc);

  sqlite3_stmt* stmt_;
  Database* owner_;
  std::optional<std::string> bind_error_;
};

class Database {
 public:
  Database() = default;
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // How long a write waits for another connection's write to finish before giving up.
  static constexpr int kBusyTimeoutMs = 10000;

  // Opens with the given SQLITE_OPEN_* flags, extended result codes and a kBusyTimeoutMs
  // busy timeout; the error names the path.
  static Result<std::unique_ptr<Database>> open(const std::string& path, int flags);

  // Tests shorten the wait for a lock (milliseconds).
  void set_busy_timeout(int ms);

  // A damaged file: after PRAGMA quick_check on open, or any SQLITE_CORRUPT / SQLITE_NOTADB
  // during a command, the connection refuses every write (reads go on, so the user can
  // still export what is readable) and each refusal says damage_message().
  bool damaged() const { return damaged_; }
  void mark_damaged(const std::string& detail);
  // One line: the file is damaged, nothing is written to it, the .bak copies beside it and
  // `rekindle check`.
  std::string damage_message() const;

  // The error for the connection's last failure (rc: the result code that reported it), in
  // the user's words: a damaged file, a read-only file or folder, a full disk, another
  // Rekindle holding the write lock; else SQLite's own message. Marks the connection
  // damaged on SQLITE_CORRUPT / SQLITE_NOTADB.
  std::string describe_failure(int rc);
  // True when the last failure described was the file's, not the statement's: damage, a
  // full disk, a lock, a read-only file or folder, an I/O error. An import then reports it
  // as the database's, not as the fault of the record being stored.
  bool storage_failed() const { return storage_failed_; }

  // Returns the cached statement for this SQL, reset and with bindings cleared; the error
  // carries SQLite's message.
  Result<Statement> prepare(const std::string& sql);
  // Runs one or more statements without results.
  Status exec(const std::string& sql);
  // The single integer a query returns (e.g. PRAGMA user_version); an error when it returns
  // no row.
  Result<int64_t> query_int(const std::string& sql);
  // The single text a query returns (e.g. PRAGMA journal_mode); an error when it returns no
  // row.
  Result<std::string> query_text(const std::string& sql);

  // Runs body (returning Status) inside BEGIN IMMEDIATE ... COMMIT. Rolls back when the
  // body fails, when COMMIT fails, and when the body throws (the exception then goes on).
  // A damaged connection refuses before BEGIN.
  template <typename Body>
  Status transaction(Body&& body) {
    if (damaged_) return make_error(damage_message());
    if (Status s = exec("BEGIN IMMEDIATE"); !s) return s;
    Status result;
    try {
      result = body();
    } catch (...) {
      rollback_after_exception();
      throw;
    }
    return finish_transaction(std::move(result));
  }
  // True between BEGIN and COMMIT/ROLLBACK.
  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

  int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  std::string last_error() const { return sqlite3_errmsg(db_); }

 private:
  // Commits when the body succeeded, else rolls back; returns the body's error, or COMMIT's.
  Status finish_transaction(Status body_result);
  // Rolls back the open transaction, if SQLite has not already done so.
  Status rollback();
  void rollback_after_exception() noexcept;

  sqlite3* db_ = nullptr;
  std::string path_;
  int busy_timeout_ms_ = kBusyTimeoutMs;
  bool damaged_ = false;
  bool storage_failed_ = false;
  std::string damage_detail_;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

}  // namespace rekindle::core
