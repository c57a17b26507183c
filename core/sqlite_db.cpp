#include "core/sqlite_db.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

namespace rekindle::core {
namespace {

namespace fs = std::filesystem;

bool in_memory(const std::string& path) { return path.empty() || path == ":memory:" || path.rfind("file::memory:", 0) == 0; }

std::string folder_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

std::string seconds_text(int ms) {
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", ms / 1000.0);
  return buf;
}

}  // namespace

std::vector<std::string> backup_copies(const std::string& path) {
  std::vector<std::pair<long, std::string>> found;
  const std::string prefix = fs::path(path).filename().string() + ".v";
  std::error_code ec;
  for (fs::directory_iterator it(folder_of(path), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() + 4 || name.rfind(prefix, 0) != 0 || !name.ends_with(".bak")) continue;
    const std::string number = name.substr(prefix.size(), name.size() - prefix.size() - 4);
    if (number.empty() || !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    found.emplace_back(std::stol(number.substr(0, 9)), name);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& [version, name] : found) out.push_back(std::move(name));
  return out;
}

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
  if (owner_ && owner_->damaged() && !sqlite3_stmt_readonly(stmt_)) return make_error(owner_->damage_message());
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  if (owner_) return make_error(owner_->describe_failure(rc));
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
  db->path_ = path;
  int rc = sqlite3_open_v2(path.c_str(), &db->db_, flags, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_extended_result_codes(db->db_, 1);
  if (rc == SQLITE_OK) rc = sqlite3_busy_timeout(db->db_, db->busy_timeout_ms_);
  if (rc != SQLITE_OK) {
    std::string message = db->db_ ? db->describe_failure(rc) : sqlite3_errstr(rc);
    if (message.find(path) == std::string::npos) message = path + ": cannot open: " + message;
    return make_error(message);
  }
  return db;
}

void Database::set_busy_timeout(int ms) {
  busy_timeout_ms_ = ms;
  sqlite3_busy_timeout(db_, ms);
}

void Database::mark_damaged(const std::string& detail) {
  if (damaged_) return;
  damaged_ = true;
  damage_detail_ = detail;
  // Belt and braces: SQLite itself refuses any change to the file from now on (a
  // connection flag, allowed while a statement runs).
  sqlite3_exec(db_, "PRAGMA query_only = 1", nullptr, nullptr, nullptr);
}

std::string Database::damage_message() const {
  std::string line = path_ + " is damaged";
  if (!damage_detail_.empty()) line += " (" + damage_detail_ + ")";
  line += ": Rekindle will not write to it. Run `rekindle check` for details";
  const std::vector<std::string> copies = backup_copies(path_);
  if (copies.empty()) {
    line += "; there is no .bak copy beside it (one is kept before each upgrade)";
  } else {
    line += "; copies kept before upgrades, beside it: ";
    for (size_t i = 0; i < copies.size(); ++i) line += (i ? ", " : "") + copies[i];
  }
  return line;
}

std::string Database::describe_failure(int rc) {
  const int code = rc != SQLITE_OK ? rc : sqlite3_extended_errcode(db_);
  const int primary = code & 0xff;
  const std::string message = sqlite3_errmsg(db_);
  switch (primary) {
    case SQLITE_CORRUPT: case SQLITE_NOTADB: case SQLITE_FULL: case SQLITE_IOERR: case SQLITE_BUSY:
    case SQLITE_LOCKED: case SQLITE_READONLY: case SQLITE_CANTOPEN: case SQLITE_PERM: case SQLITE_NOMEM:
      storage_failed_ = true;
      break;
    default:
      storage_failed_ = damaged_;
  }
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
    mark_damaged(message);
    return damage_message();
  }
  if (damaged_) return damage_message();  // a write SQLite refused under query_only
  if (in_memory(path_)) return message;
  // The OS error of the last file operation; read only for the file's own failures (it may
  // be left over from an earlier, handled one).
  const bool file_failure = primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN ||
                            primary == SQLITE_READONLY || primary == SQLITE_PERM;
  const int err = file_failure ? sqlite3_system_errno(db_) : 0;
  if (primary == SQLITE_FULL || err == ENOSPC || err == EFBIG || err == EDQUOT)
    return path_ + ": cannot write: the disk is full; nothing was changed";
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    return "another Rekindle is writing to " + path_ + " (waited " + seconds_text(busy_timeout_ms_) +
           "); nothing was changed";
  if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM || err == EACCES ||
      err == EROFS || err == EPERM) {
    if (::access(path_.c_str(), F_OK) == 0 && ::access(path_.c_str(), W_OK) != 0)
      return path_ + " is read-only: Rekindle cannot save changes to it; nothing was changed";
    const std::string folder = folder_of(path_);
    if (::access(folder.c_str(), W_OK) != 0)
      return path_ + ": the folder " + folder +
             " is read-only (Rekindle keeps its journal beside the file); nothing was changed";
  }
  return message;
}

Result<Statement> Database::prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (const int rc = sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        rc != SQLITE_OK) {
      // Preparing reads the schema: a damaged or unreadable file fails here first.
      const int primary = rc & 0xff;
      if (primary == SQLITE_ERROR) return make_error(std::string("SQL error: ") + sqlite3_errmsg(db_));
      return make_error(describe_failure(rc));
    }
    it = statements_.emplace(sql, stmt).first;
  }
  // Both only report the previous use (reset: its last step's error; clear_bindings: always
  // SQLITE_OK), which that use already returned.
  sqlite3_reset(it->second);
  sqlite3_clear_bindings(it->second);
  return Statement(it->second, this);
}

Status Database::exec(const std::string& sql) {
  char* message = nullptr;
  if (const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message); rc != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    if ((rc & 0xff) != SQLITE_ERROR) text = describe_failure(rc);
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
