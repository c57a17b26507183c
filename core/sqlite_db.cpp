#include "core/sqlite_db.h"

#include <memory>

namespace rekindle::core {

Statement::~Statement() {
  // sqlite3_reset returns the error of the last step, which step() already reported.
  if (stmt_) sqlite3_reset(stmt_);
}

Statement& Statement::check_bind(int index, int rc) {
  if (rc != SQLITE_OK && !bind_error_) {
    const char* sql = sqlite3_sql(stmt_);
    bind_error_ =
        "cannot bind parameter " + std::to_string(index) + " of \"" + (sql ? sql : "") + "\": " + sqlite3_errstr(rc);
  }
  return *this;
}

Statement& Statement::bind(int index, int64_t value) {
  return check_bind(index, sqlite3_bind_int64(stmt_, index, value));
}
Statement& Statement::bind(int index, double value) {
  return check_bind(index, sqlite3_bind_double(stmt_, index, value));
}
Statement& Statement::bind(int index, std::string_view text) {
  return check_bind(index, sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}
Statement& Statement::bind_blob(int index, std::string_view bytes) {
  return check_bind(index, sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
}
Statement& Statement::bind_null(int index) { return check_bind(index, sqlite3_bind_null(stmt_, index)); }

Result<bool> Statement::step() {
  if (bind_error_) return make_error(*bind_error_);
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return make_error(sqlite3_errmsg(sqlite3_db_handle(stmt_)));
}

Status Statement::run() {
  for (;;) {
    auto r = step();
    if (!r) return make_error(r.error());
    if (!*r) return Status::success();
  }
}

int Statement::column_count() const { return sqlite3_column_count(stmt_); }
int Statement::column_type(int column) const { return sqlite3_column_type(stmt_, column); }
bool Statement::is_null(int column) const { return column_type(column) == SQLITE_NULL; }
int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }
std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, column)) : std::string();
}
std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}
std::optional<int64_t> Statement::optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}
std::optional<double> Statement::optional_real(int column) const {
  if (is_null(column)) return std::nullopt;
  return real(column);
}
std::string Statement::blob(int column) const {
  const void* p = sqlite3_column_blob(stmt_, column);
  return p ? std::string(static_cast<const char*>(p), sqlite3_column_bytes(stmt_, column)) : std::string();
}

Database::~Database() {
  // sqlite3_finalize returns the last step's error, already reported; with every statement
  // finalized, sqlite3_close cannot be busy, and a destructor could not report it anyway.
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  if (db_) sqlite3_close(db_);
}

Result<std::unique_ptr<Database>> Database::open(const std::string& path, int flags) {
  auto db = std::make_unique<Database>();
  int rc = sqlite3_open_v2(path.c_str(), &db->db_, flags, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_extended_result_codes(db->db_, 1);
  if (rc == SQLITE_OK) rc = sqlite3_busy_timeout(db->db_, 3000);
  if (rc != SQLITE_OK) {
    std::string message = db->db_ ? sqlite3_errmsg(db->db_) : sqlite3_errstr(rc);
    return make_error(path + ": cannot open: " + message);
  }
  return db;
}

Result<Statement> Database::prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
      return make_error(std::string("SQL error: ") + sqlite3_errmsg(db_));
    it = statements_.emplace(sql, stmt).first;
  }
  // Both only report the previous use (reset: its last step's error; clear_bindings: always
  // SQLITE_OK), which that use already returned.
  sqlite3_reset(it->second);
  sqlite3_clear_bindings(it->second);
  return Statement(it->second);
}

Status Database::exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    return make_error(text);
  }
  return Status::success();
}

Result<int64_t> Database::query_int(const std::string& sql) {
  auto stmt = prepare(sql);
  if (!stmt) return make_error(stmt.error());
  auto row = stmt->step();
  if (!row) return make_error(row.error());
  if (!*row) return make_error("no result for: " + sql);
  const int64_t v = stmt->int64(0);
  return v;
}

Result<std::string> Database::query_text(const std::string& sql) {
  auto stmt = prepare(sql);
  if (!stmt) return make_error(stmt.error());
  auto row = stmt->step();
  if (!row) return make_error(row.error());
  if (!*row) return make_error("no result for: " + sql);
  return stmt->text(0);
}

Status Database::rollback() {
  // Some errors (a full disk, an I/O error) make SQLite roll back by itself.
  if (!in_transaction()) return Status::success();
  return exec("ROLLBACK");
}

Status Database::finish_transaction(Status body_result) {
  Status failed = std::move(body_result);
  if (failed) {
    failed = exec("COMMIT");
    if (failed) return Status::success();
  }
  if (Status r = rollback(); !r) return make_error(failed.error() + " (and the rollback failed: " + r.error() + ")");
  return failed;
}

void Database::rollback_after_exception() noexcept {
  // The exception in flight is the error to report; a failed ROLLBACK here would also show
  // as the next BEGIN failing, and closing the connection rolls back in any case.
  Status ignored = rollback();
  static_cast<void>(ignored);
}

}  // namespace rekindle::core
