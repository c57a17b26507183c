#pragma once
// A thin, checked wrapper over the SQLite C API: an owning connection with a cache of
// persistent prepared statements, and a statement handle with typed bind/column helpers.
#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace rekindle::core {

class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  // Resetting on destruction releases the read snapshot a stepped statement holds.
  ~Statement() {
    if (stmt_) sqlite3_reset(stmt_);
  }
  Statement(Statement&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  // Binds by 1-based index; optionals bind NULL when empty.
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }
  // Advances: true when a row is available, false when done; an error carries SQLite's message.
  Result<bool> step();
  // Runs to completion, ignoring rows.
  Status run();

  bool is_null(int column) const;
  int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::optional<int64_t> optional_int64(int column) const;
  std::optional<double> optional_real(int column) const;
  std::string blob(int column) const;

 private:
  sqlite3_stmt* stmt_;
};

class Database {
 public:
  Database() = default;
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Opens with the given SQLITE_OPEN_* flags; the error names the path.
  static Result<std::unique_ptr<Database>> open(const std::string& path, int flags);

  // Returns the cached statement for this SQL, reset and with bindings cleared.
  Result<Statement> prepare(const std::string& sql);
  // Runs one or more statements without results.
  Status exec(const std::string& sql);
  // The single integer a query returns (e.g. PRAGMA user_version).
  Result<int64_t> query_int(const std::string& sql);

  // Runs body inside BEGIN IMMEDIATE ... COMMIT; rolls back if it fails.
  template <typename Body>
  Status transaction(Body&& body) {
    if (Status s = exec("BEGIN IMMEDIATE"); !s) return s;
    Status result = body();
    if (!result) {
      (void)exec("ROLLBACK");
      return result;
    }
    if (Status s = exec("COMMIT"); !s) {
      (void)exec("ROLLBACK");
      return s;
    }
    return Status::success();
  }

  int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* handle() const { return db_; }
  std::string last_error() const { return sqlite3_errmsg(db_); }

 private:
  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

}  // namespace rekindle::core
