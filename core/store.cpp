// Opening, configuring and migrating the store's file; settings; the canonical dump. The
// tables' calls live in store_contacts.cpp, store_interactions.cpp, store_decisions.cpp and
// store_goals.cpp.
#include "core/store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/schema.h"

namespace rekindle::core {
namespace {

namespace fs = std::filesystem;

// Names the file, unless the message already does (the database's own messages do).
Error prefixed(const std::string& path, const std::string& what) {
  if (what.rfind(path, 0) == 0 || what.find(" " + path) != std::string::npos) return make_error(what);
  return make_error(path + ": " + what);
}

// SQLite's check reports, on one line: "*** in database main ***\nPage 36: ..." -> "Page 36: ...".
std::string check_line(std::string text) {
  static const std::string kHeading = "*** in database main ***";
  if (text.rfind(kHeading, 0) == 0) text.erase(0, kHeading.size());
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  const size_t first = text.find_first_not_of(' ');
  return first == std::string::npos ? std::string() : text.substr(first);
}

uint32_t big_endian_32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

// Keeps a user-only copy of the file at `version` next to it before a migration.
// VACUUM INTO works on the read-only connection `db`.
Status keep_copy_before_migrating(Database& db, const std::string& path, int64_t version) {
  const std::string backup = path + ".v" + std::to_string(version) + ".bak";
  std::error_code ec;
  fs::remove(backup, ec);  // a failure shows as the O_EXCL create failing next
  // The copy holds the same private data: create it user-only before SQLite fills it.
  const int fd = ::open(backup.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) return prefixed(path, "cannot create " + backup + ": " + std::strerror(errno));
  ::close(fd);
  auto stmt = db.prepare("VACUUM INTO ?");
  if (!stmt) return make_error(stmt.error());
  stmt->bind(1, backup);
  if (Status s = stmt->run(); !s) return prefixed(path, "cannot keep a copy before migrating: " + s.error());
  return Status::success();
}

// Checks an existing file before we open it for writing. Returns the schema version found
// (0 for an empty file) or an error when the file must not be touched.
Result<int> inspect_existing(const std::string& path, int latest) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return prefixed(path, "is a directory, not a Rekindle database");
  const auto size = fs::file_size(path, ec);
  if (ec) return prefixed(path, "cannot read: " + ec.message());
  if (size == 0) return 0;
  char header[100] = {};
  std::ifstream in(path, std::ios::binary);
  if (!in) return prefixed(path, std::string("cannot read: ") + std::strerror(errno));
  in.read(header, sizeof header);
  if (in.gcount() < 16 || std::memcmp(header, "SQLite format 3", 16) != 0)
    return prefixed(path, "not a Rekindle database (not an SQLite file); nothing was changed");
  // A newer Rekindle's file or another application's is refused from its header alone:
  // opening it with SQLite would leave -wal and -shm files beside it.
  if (in.gcount() == sizeof header) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(header);
    const uint32_t header_version = big_endian_32(bytes + 60), header_app_id = big_endian_32(bytes + 68);
    if (header_app_id != 0 && header_app_id != static_cast<uint32_t>(kApplicationId))
      return prefixed(path, "not a Rekindle database (an SQLite file of another application); nothing was changed");
    if (header_app_id == static_cast<uint32_t>(kApplicationId) && header_version > static_cast<uint32_t>(latest))
      return prefixed(path, "written by a newer Rekindle (schema " + std::to_string(header_version) +
                                ", this version reads up to " + std::to_string(latest) +
                                "); upgrade Rekindle; nothing was changed");
  }

  auto db = Database::open(path, SQLITE_OPEN_READONLY);
  if (!db) return make_error(db.error());
  auto app_id = (*db)->query_int("PRAGMA application_id");
  auto version = (*db)->query_int("PRAGMA user_version");
  auto tables = (*db)->query_int("SELECT count(*) FROM sqlite_master");
  // The database names a damaged file, a read-only folder or a lock in its own words.
  if (!app_id || !version || !tables)
    return prefixed(path, (!app_id ? app_id.error() : !version ? version.error() : tables.error()) +
                              ((*db)->damaged() ? "" : "; nothing was changed"));
  if (*app_id != kApplicationId && (*app_id != 0 || *tables != 0 || *version != 0))
    return prefixed(path, "not a Rekindle database (an SQLite file of another application); nothing was changed");
  if (*version > latest)
    return prefixed(path, "written by a newer Rekindle (schema " + std::to_string(*version) +
                              ", this version reads up to " + std::to_string(latest) +
                              "); upgrade Rekindle; nothing was changed");
  if (*version > 0 && *version < latest)
    if (Status s = keep_copy_before_migrating(**db, path, *version); !s) return make_error(s.error());
  return static_cast<int>(*version);
}

Status create_new_file(const std::string& path) {
  std::error_code ec;
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::exists(parent, ec)) {
    fs::create_directories(parent, ec);
    if (ec) return prefixed(path, "cannot create folder " + parent.string() + ": " + ec.message());
    fs::permissions(parent, fs::perms::owner_all, ec);  // best effort: the file itself is 0600
  }
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) return prefixed(path, std::string("cannot create: ") + std::strerror(errno));
  ::close(fd);
  return Status::success();
}

}  // namespace

int Store::latest_version() { return static_cast<int>(schema_migrations().size()); }

Result<std::unique_ptr<Store>> Store::open(const std::string& path) { return open(path, schema_migrations()); }

Result<std::unique_ptr<Store>> Store::open(const std::string& path, std::span<const std::string_view> migrations) {
  std::error_code ec;
  const bool exists = fs::exists(fs::symlink_status(path, ec)) || fs::is_directory(path, ec);
  if (exists) {
    auto version = inspect_existing(path, static_cast<int>(migrations.size()));
    if (!version) return make_error(version.error());
  } else if (Status s = create_new_file(path); !s) {
    return make_error(s.error());
  }
  auto store = open_file(path, migrations, exists);
  if (!store && !exists) {
    // A new file that could not be set up (a full disk, a read-only folder) is not left
    // behind empty: the user's next try starts clean.
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
  }
  return store;
}

Result<std::unique_ptr<Store>> Store::open_file(const std::string& path, std::span<const std::string_view> migrations,
                                                bool existed) {
  std::unique_ptr<Store> store(new Store());
  store->path_ = path;
  auto db = Database::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
  if (!db) return make_error(db.error());
  store->db_ = std::move(*db);
  // A damaged file still opens, read-only, so that what is readable can be shown and
  // exported; every write is refused with the damage message.
  Status configured = store->configure(true);
  if (!configured && !store->db_->damaged()) return prefixed(path, configured.error());
  if (existed && !store->db_->damaged()) {
    // The b-trees' structure, not every index entry: a fraction of a second at 100k contacts
    // (`rekindle check` runs the full integrity_check).
    auto check = store->db_->query_text("PRAGMA quick_check(1)");
    if (!check && !store->db_->damaged()) return prefixed(path, check.error());
    if (check && *check != "ok") store->db_->mark_damaged(check_line(*check));
  }
  if (store->db_->damaged()) {
    auto version = store->db_->query_int("PRAGMA user_version");
    if (version && *version == static_cast<int64_t>(migrations.size())) return store;
    return make_error(store->db_->damage_message());
  }
  if (Status s = store->migrate(migrations); !s) return prefixed(path, "cannot migrate: " + s.error());
  return store;
}

bool Store::damaged() const { return db_->damaged(); }

std::string Store::damage_message() const { return db_->damage_message(); }

void Store::set_busy_timeout(int ms) { db_->set_busy_timeout(ms); }

Result<int64_t> Store::data_version() { return db_->query_int("PRAGMA data_version"); }

Result<std::vector<std::string>> Store::integrity_problems() {
  std::vector<std::string> problems;
  auto s = db_->prepare("PRAGMA integrity_check(100)");
  if (!s) {
    if (!db_->damaged()) return make_error(s.error());
    problems.push_back("the structure of the file cannot be read");
    return problems;
  }
  Status st = s->each_row([&](const Statement& row) {
    if (row.text(0) != "ok") problems.push_back(check_line(row.text(0)));
  });
  if (!st) {
    if (!db_->damaged()) return make_error(st.error());
    // The rows read before the failure say what is wrong; else the failure itself does.
    if (problems.empty()) problems.push_back("the file cannot be read to the end");
  }
  if (!problems.empty()) db_->mark_damaged(problems.front());
  return problems;
}

Result<std::unique_ptr<Store>> Store::open_in_memory() {
  std::unique_ptr<Store> store(new Store());
  store->path_ = ":memory:";
  auto db = Database::open(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!db) return make_error(db.error());
  store->db_ = std::move(*db);
  if (Status s = store->configure(false); !s) return make_error(s.error());
  if (Status s = store->migrate(schema_migrations()); !s) return make_error(s.error());
  return store;
}

Status Store::configure(bool is_file) {
  // Each PRAGMA that cannot apply is silently a no-op: read back what we got.
  if (Status s = db_->exec("PRAGMA foreign_keys = ON"); !s) return s;
  auto keys = db_->query_int("PRAGMA foreign_keys");
  if (!keys) return make_error(keys.error());
  if (*keys != 1) return make_error("cannot turn on foreign keys");
  if (!is_file) return Status::success();
  auto mode = db_->query_text("PRAGMA journal_mode = WAL");
  if (!mode) return make_error(mode.error());
  if (*mode != "wal") return make_error("cannot use WAL journal mode here (SQLite kept \"" + *mode + "\")");
  // One fsync per user action is invisible to the user and keeps every decision.
  return set_bulk_import(false);
}

Status Store::set_bulk_import(bool on) {
  if (path_ == ":memory:") return Status::success();
  const int64_t level = on ? 1 : 2;  // NORMAL, FULL
  if (Status s = db_->exec("PRAGMA synchronous = " + std::to_string(level)); !s) return s;
  auto now = db_->query_int("PRAGMA synchronous");
  if (!now) return make_error(now.error());
  if (*now != level) return make_error(std::string("cannot set synchronous = ") + (on ? "NORMAL" : "FULL"));
  return Status::success();
}

Status Store::migrate(std::span<const std::string_view> migrations) {
  auto version = db_->query_int("PRAGMA user_version");
  if (!version) return make_error(version.error());
  if (*version >= static_cast<int64_t>(migrations.size())) return Status::success();
  return db_->transaction([&]() -> Status {
    for (size_t i = static_cast<size_t>(*version); i < migrations.size(); ++i) {
      if (Status s = db_->exec(std::string(migrations[i])); !s)
        return make_error("migration " + std::to_string(i + 1) + ": " + s.error());
    }
    if (Status s = db_->exec("PRAGMA application_id = " + std::to_string(kApplicationId)); !s) return s;
    return db_->exec("PRAGMA user_version = " + std::to_string(migrations.size()));
  });
}

Result<std::optional<std::string>> Store::setting(const std::string& key) {
  auto s = db_->prepare("SELECT value FROM settings WHERE key = ?");
  if (!s) return make_error(s.error());
  s->bind(1, key);
  auto row = s->step();
  if (!row) return make_error(row.error());
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(s->text(0));
}

Status Store::set_setting(const std::string& key, const std::string& value) {
  auto s = db_->prepare(
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  if (!s) return make_error(s.error());
  s->bind(1, key).bind(2, value);
  return s->run();
}

Result<std::string> Store::canonical_dump() {
  std::vector<std::string> tables;
  auto s =
      // The deck's pool_* tables (migration 7) are a cache of the contacts' own data that the
      // deck recomputes when it reads them: not the user's data, so comparisons skip them.
      db_->prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
          "AND name NOT LIKE 'pool\\_%' ESCAPE '\\' ORDER BY name");
  if (!s) return make_error(s.error());
  if (Status st = s->each_row([&](const Statement& row) { tables.push_back(row.text(0)); }); !st)
    return make_error(st.error());
  std::string out;
  for (const std::string& table : tables)
    if (Status st = dump_table(table, out); !st) return make_error(st.error());
  return out;
}

Status Store::dump_table(const std::string& table, std::string& out) {
  out += "# " + table + "\n";
  auto columns = db_->prepare("SELECT count(*) FROM pragma_table_info(?)");
  if (!columns) return make_error(columns.error());
  columns->bind(1, table);
  auto count = columns->step();
  if (!count) return make_error(count.error());
  const int64_t n = *count ? columns->int64(0) : 0;
  // Order by every column so the dump does not depend on physical row order.
  std::string sql = "SELECT * FROM \"" + table + "\"";
  // The review's record of the day's dealt deck is a view of the day, not the user's data:
  // opening a review writes it, so state comparisons (undo restores everything) skip it.
  if (table == "settings") sql += " WHERE key <> 'dealt_deck'";
  sql += " ORDER BY ";
  for (int64_t i = 1; i <= n; ++i) sql += (i > 1 ? ", " : "") + std::to_string(i);
  auto rows = db_->prepare(sql);
  if (!rows) return make_error(rows.error());
  return rows->each_row([&](const Statement& row) {
    for (int i = 0; i < row.column_count(); ++i) {
      if (i) out += '|';
      switch (row.column_type(i)) {
        case SQLITE_NULL:
          out += "NULL";
          break;
        case SQLITE_INTEGER:
          out += std::to_string(row.int64(i));
          break;
        case SQLITE_FLOAT:
          out += std::to_string(row.real(i));
          break;
        default:
          out += '\'' + row.blob(i) + '\'';
      }
    }
    out += '\n';
  });
}

}  // namespace rekindle::core
