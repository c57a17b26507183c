#include "core/store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include "core/schema.h"

namespace rekindle::core {
namespace {

namespace fs = std::filesystem;

// Every contact column after id, in the order insert/update bind them.
constexpr const char* kContactColumns =
    "name, given_name, family_name, middle_name, name_prefix, name_suffix, nickname, company, "
    "department, title, birthday, anniversary, notes, tier, cadence_days, trust, connected_on, "
    "source, due, starred, archived, snooze_streak";
constexpr int kContactColumnCount = 22;

void bind_contact_columns(Statement& s, const Contact& c) {
  auto day_text = [](const std::optional<Day>& d) {
    return d ? std::optional<std::string>(format_iso_day(*d)) : std::nullopt;
  };
  s.bind(1, c.name);
  s.bind(2, c.given_name);
  s.bind(3, c.family_name);
  s.bind(4, c.middle_name);
  s.bind(5, c.name_prefix);
  s.bind(6, c.name_suffix);
  s.bind(7, c.nickname);
  s.bind(8, c.company);
  s.bind(9, c.department);
  s.bind(10, c.title);
  s.bind(11, c.birthday);
  s.bind(12, c.anniversary);
  s.bind(13, c.notes);
  s.bind(14, c.tier);
  s.bind(15, c.cadence_days);
  s.bind(16, c.trust);
  s.bind(17, day_text(c.connected_on));
  s.bind(18, c.source);
  s.bind(19, day_text(c.due));
  s.bind(20, c.starred ? 1 : 0);
  s.bind(21, c.archived ? 1 : 0);
  s.bind(22, c.snooze_streak);
}

Contact read_contact_columns(const Statement& s) {
  Contact c;
  int i = 0;
  c.id = s.int64(i++);
  c.name = s.text(i++);
  c.given_name = s.text(i++);
  c.family_name = s.text(i++);
  c.middle_name = s.text(i++);
  c.name_prefix = s.text(i++);
  c.name_suffix = s.text(i++);
  c.nickname = s.text(i++);
  c.company = s.text(i++);
  c.department = s.text(i++);
  c.title = s.text(i++);
  c.birthday = s.text(i++);
  c.anniversary = s.text(i++);
  c.notes = s.text(i++);
  c.tier = s.text(i++);
  if (auto v = s.optional_int64(i++)) c.cadence_days = static_cast<int>(*v);
  c.trust = s.optional_real(i++);
  c.connected_on = parse_optional_day(s.optional_text(i++));
  c.source = s.text(i++);
  c.due = parse_optional_day(s.optional_text(i++));
  c.starred = s.int64(i++) != 0;
  c.archived = s.int64(i++) != 0;
  c.snooze_streak = static_cast<int>(s.int64(i++));
  return c;
}

std::vector<LabeledValue>* field_list(Contact& c, const std::string& kind) {
  if (kind == "email") return &c.emails;
  if (kind == "phone") return &c.phones;
  if (kind == "url") return &c.urls;
  if (kind == "address") return &c.addresses;
  return nullptr;
}

Error prefixed(const std::string& path, const std::string& what) { return make_error(path + ": " + what); }

// Checks an existing file before we open it for writing. Returns the schema version found
// (0 for an empty file) or an error when the file must not be touched.
Result<int> inspect_existing(const std::string& path, int latest) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return prefixed(path, "is a directory, not a Rekindle database");
  const auto size = fs::file_size(path, ec);
  if (ec) return prefixed(path, "cannot read: " + ec.message());
  if (size == 0) return 0;
  char header[16] = {};
  std::ifstream in(path, std::ios::binary);
  if (!in || !in.read(header, sizeof header) || std::memcmp(header, "SQLite format 3", 16) != 0)
    return prefixed(path, "not a Rekindle database (not an SQLite file); nothing was changed");

  auto db = Database::open(path, SQLITE_OPEN_READONLY);
  if (!db) return make_error(db.error());
  auto app_id = (*db)->query_int("PRAGMA application_id");
  auto version = (*db)->query_int("PRAGMA user_version");
  auto tables = (*db)->query_int("SELECT count(*) FROM sqlite_master");
  if (!app_id || !version || !tables)
    return prefixed(path, "damaged database, cannot be read (" +
                              (!app_id ? app_id.error() : !version ? version.error() : tables.error()) +
                              "); nothing was changed");
  if (*app_id != kApplicationId && (*app_id != 0 || *tables != 0 || *version != 0))
    return prefixed(path, "not a Rekindle database (an SQLite file of another application); nothing was changed");
  if (*version > latest)
    return prefixed(path, "written by a newer Rekindle (schema " + std::to_string(*version) +
                              ", this version reads up to " + std::to_string(latest) +
                              "); upgrade Rekindle; nothing was changed");
  if (*version > 0 && *version < latest) {
    // Keep a copy before migrating; VACUUM INTO works on a read-only connection.
    const std::string backup = path + ".v" + std::to_string(*version) + ".bak";
    fs::remove(backup, ec);
    // The copy holds the same private data: create it user-only before SQLite fills it.
    const int fd = ::open(backup.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) return prefixed(path, "cannot create " + backup + ": " + std::strerror(errno));
    ::close(fd);
    auto stmt = (*db)->prepare("VACUUM INTO ?");
    if (!stmt) return make_error(stmt.error());
    stmt->bind(1, backup);
    if (Status s = stmt->run(); !s) return prefixed(path, "cannot keep a copy before migrating: " + s.error());
  }
  return static_cast<int>(*version);
}

Status create_new_file(const std::string& path) {
  std::error_code ec;
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::exists(parent, ec)) {
    fs::create_directories(parent, ec);
    if (ec) return prefixed(path, "cannot create folder " + parent.string() + ": " + ec.message());
    fs::permissions(parent, fs::perms::owner_all, ec);
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
  std::unique_ptr<Store> store(new Store());
  store->path_ = path;
  auto db = Database::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
  if (!db) return make_error(db.error());
  store->db_ = std::move(*db);
  if (Status s = store->configure(true); !s) return prefixed(path, s.error());
  if (Status s = store->migrate(migrations); !s) return prefixed(path, "cannot migrate: " + s.error());
  return store;
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
  if (Status s = db_->exec("PRAGMA foreign_keys = ON"); !s) return s;
  if (is_file) {
    auto mode = db_->prepare("PRAGMA journal_mode = WAL");
    if (!mode) return make_error(mode.error());
    if (Status s = mode->run(); !s) return s;
    // One fsync per user action is invisible to the user and keeps every decision.
    if (Status s = db_->exec("PRAGMA synchronous = FULL"); !s) return s;
  }
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

Result<int64_t> Store::insert_contact(const Contact& contact) {
  std::string placeholders;
  for (int i = 0; i < kContactColumnCount; ++i) placeholders += i ? ", ?" : "?";
  auto s = db_->prepare(std::string("INSERT INTO contacts (") + kContactColumns + ") VALUES (" + placeholders + ")");
  if (!s) return make_error(s.error());
  bind_contact_columns(*s, contact);
  if (Status st = s->run(); !st) return make_error(st.error());
  Contact stored = contact;
  stored.id = db_->last_insert_rowid();
  if (Status st = write_contact_children(stored); !st) return make_error(st.error());
  return stored.id;
}

Status Store::update_contact(const Contact& contact) {
  std::string sets;
  {
    std::string cols = kContactColumns;
    size_t start = 0;
    int index = 1;
    while (start < cols.size()) {
      size_t end = cols.find(',', start);
      if (end == std::string::npos) end = cols.size();
      std::string col = cols.substr(start, end - start);
      while (!col.empty() && col.front() == ' ') col.erase(0, 1);
      sets += (index > 1 ? ", " : "") + col + " = ?" + std::to_string(index);
      ++index;
      start = end + 1;
    }
  }
  auto s = db_->prepare("UPDATE contacts SET " + sets + " WHERE id = ?" + std::to_string(kContactColumnCount + 1));
  if (!s) return make_error(s.error());
  bind_contact_columns(*s, contact);
  s->bind(kContactColumnCount + 1, contact.id);
  if (Status st = s->run(); !st) return st;
  if (db_->changes() != 1) return make_error("no contact with id " + std::to_string(contact.id));
  for (const char* table : {"contact_fields", "contact_tags", "contact_photos", "contact_extra_properties"}) {
    auto del = db_->prepare(std::string("DELETE FROM ") + table + " WHERE contact_id = ?");
    if (!del) return make_error(del.error());
    del->bind(1, contact.id);
    if (Status st = del->run(); !st) return st;
  }
  return write_contact_children(contact);
}

Status Store::write_contact_children(const Contact& c) {
  const std::pair<const char*, const std::vector<LabeledValue>*> lists[] = {
      {"email", &c.emails}, {"phone", &c.phones}, {"url", &c.urls}, {"address", &c.addresses}};
  for (const auto& [kind, list] : lists) {
    for (size_t i = 0; i < list->size(); ++i) {
      const LabeledValue& v = (*list)[i];
      auto s = db_->prepare(
          "INSERT INTO contact_fields (contact_id, kind, position, value, label, preferred, grp) "
          "VALUES (?, ?, ?, ?, ?, ?, ?)");
      if (!s) return make_error(s.error());
      s->bind(1, c.id).bind(2, kind).bind(3, static_cast<int64_t>(i)).bind(4, v.value).bind(5, v.label);
      s->bind(6, v.preferred ? 1 : 0).bind(7, v.group);
      if (Status st = s->run(); !st) return st;
    }
  }
  for (size_t i = 0; i < c.tags.size(); ++i) {
    auto s = db_->prepare("INSERT INTO contact_tags (contact_id, position, tag) VALUES (?, ?, ?)");
    if (!s) return make_error(s.error());
    s->bind(1, c.id).bind(2, static_cast<int64_t>(i)).bind(3, c.tags[i]);
    if (Status st = s->run(); !st) return st;
  }
  if (c.photo) {
    auto s = db_->prepare("INSERT INTO contact_photos (contact_id, mime, bytes) VALUES (?, ?, ?)");
    if (!s) return make_error(s.error());
    s->bind(1, c.id).bind(2, c.photo->mime).bind_blob(3, c.photo->bytes);
    if (Status st = s->run(); !st) return st;
  }
  for (size_t i = 0; i < c.extra_properties.size(); ++i) {
    auto s = db_->prepare("INSERT INTO contact_extra_properties (contact_id, position, line) VALUES (?, ?, ?)");
    if (!s) return make_error(s.error());
    s->bind(1, c.id).bind(2, static_cast<int64_t>(i)).bind(3, c.extra_properties[i]);
    if (Status st = s->run(); !st) return st;
  }
  return Status::success();
}

namespace {

// Loads the children of the given contacts (all of them when only_id is 0).
Status load_children(Database& db, std::vector<Contact>& contacts, int64_t only_id) {
  std::unordered_map<int64_t, Contact*> by_id;
  for (Contact& c : contacts) by_id[c.id] = &c;
  const std::string where = only_id ? " WHERE contact_id = ?" : "";
  auto each_row = [&](const std::string& sql, auto&& fn) -> Status {
    auto s = db.prepare(sql);
    if (!s) return make_error(s.error());
    if (only_id) s->bind(1, only_id);
    for (;;) {
      auto row = s->step();
      if (!row) return make_error(row.error());
      if (!*row) return Status::success();
      auto it = by_id.find(s->int64(0));
      if (it != by_id.end()) fn(*it->second, *s);
    }
  };
  if (Status st = each_row("SELECT contact_id, kind, value, label, preferred, grp FROM contact_fields" + where +
                               " ORDER BY contact_id, kind, position",
                           [](Contact& c, const Statement& s) {
                             if (auto* list = field_list(c, s.text(1)))
                               list->push_back({s.text(2), s.text(3), s.int64(4) != 0, s.text(5)});
                           });
      !st)
    return st;
  if (Status st = each_row("SELECT contact_id, tag FROM contact_tags" + where + " ORDER BY contact_id, position",
                           [](Contact& c, const Statement& s) { c.tags.push_back(s.text(1)); });
      !st)
    return st;
  if (Status st = each_row("SELECT contact_id, line FROM contact_extra_properties" + where +
                               " ORDER BY contact_id, position",
                           [](Contact& c, const Statement& s) { c.extra_properties.push_back(s.text(1)); });
      !st)
    return st;
  return each_row("SELECT contact_id, mime, bytes FROM contact_photos" + where,
                  [](Contact& c, const Statement& s) { c.photo = Photo{s.text(1), s.blob(2)}; });
}

}  // namespace

Result<std::optional<Contact>> Store::contact(int64_t id) {
  auto s = db_->prepare(std::string("SELECT id, ") + kContactColumns + " FROM contacts WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, id);
  auto row = s->step();
  if (!row) return make_error(row.error());
  if (!*row) return std::optional<Contact>();
  std::vector<Contact> one{read_contact_columns(*s)};
  if (Status st = load_children(*db_, one, id); !st) return make_error(st.error());
  return std::optional<Contact>(std::move(one.front()));
}

Result<std::vector<Contact>> Store::contacts(const std::string& search) {
  std::string sql = std::string("SELECT id, ") + kContactColumns + " FROM contacts";
  if (!search.empty()) {
    sql +=
        " WHERE name LIKE ?1 ESCAPE '\\' OR company LIKE ?1 ESCAPE '\\' OR title LIKE ?1 ESCAPE '\\'"
        " OR notes LIKE ?1 ESCAPE '\\'"
        " OR EXISTS (SELECT 1 FROM contact_fields f WHERE f.contact_id = contacts.id AND f.value LIKE ?1 ESCAPE '\\')"
        " OR EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = contacts.id AND t.tag LIKE ?1 ESCAPE '\\')";
  }
  sql += " ORDER BY name COLLATE NOCASE, id";
  auto s = db_->prepare(sql);
  if (!s) return make_error(s.error());
  if (!search.empty()) {
    std::string pattern = "%";
    for (char ch : search) {
      if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
      pattern += ch;
    }
    s->bind(1, pattern + "%");
  }
  std::vector<Contact> out;
  for (;;) {
    auto row = s->step();
    if (!row) return make_error(row.error());
    if (!*row) break;
    out.push_back(read_contact_columns(*s));
  }
  if (Status st = load_children(*db_, out, 0); !st) return make_error(st.error());
  return out;
}

Result<int64_t> Store::contact_count() { return db_->query_int("SELECT count(*) FROM contacts"); }

Result<int64_t> Store::insert_interaction(const Interaction& x) {
  auto s = db_->prepare(
      "INSERT INTO interactions (contact_id, date, channel, kind, grade, note) VALUES (?, ?, ?, ?, ?, ?)");
  if (!s) return make_error(s.error());
  s->bind(1, x.contact_id).bind(2, format_iso_day(x.date)).bind(3, x.channel).bind(4, x.kind);
  s->bind(5, x.grade).bind(6, x.note);
  if (Status st = s->run(); !st) return make_error(st.error());
  return db_->last_insert_rowid();
}

Status Store::delete_contact(int64_t id) {
  auto s = db_->prepare("DELETE FROM contacts WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, id);
  return s->run();
}

Status Store::move_history(int64_t from_id, int64_t to_id) {
  for (const char* sql : {"UPDATE interactions SET contact_id = ?2 WHERE contact_id = ?1",
                          "UPDATE decisions SET contact_id = ?2 WHERE contact_id = ?1"}) {
    auto s = db_->prepare(sql);
    if (!s) return make_error(s.error());
    s->bind(1, from_id).bind(2, to_id);
    if (Status r = s->run(); !r) return r;
  }
  return Status::success();
}

Status Store::delete_interaction(int64_t id) {
  auto s = db_->prepare("DELETE FROM interactions WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, id);
  return s->run();
}

namespace {

Result<std::vector<Interaction>> read_interactions(Result<Statement> s) {
  if (!s) return make_error(s.error());
  std::vector<Interaction> out;
  for (;;) {
    auto row = s->step();
    if (!row) return make_error(row.error());
    if (!*row) return out;
    Interaction x;
    x.id = s->int64(0);
    x.contact_id = s->int64(1);
    x.date = parse_iso_day(s->text(2)).value_or(Day{});
    x.channel = s->text(3);
    x.kind = s->text(4);
    if (auto g = s->optional_int64(5)) x.grade = static_cast<int>(*g);
    x.note = s->text(6);
    out.push_back(std::move(x));
  }
}

}  // namespace

Result<std::vector<Interaction>> Store::interactions(int64_t contact_id) {
  auto s = db_->prepare(
      "SELECT id, contact_id, date, channel, kind, grade, note FROM interactions WHERE contact_id = ? "
      "ORDER BY date, id");
  if (s) s->bind(1, contact_id);
  return read_interactions(std::move(s));
}

Result<std::vector<Interaction>> Store::all_interactions() {
  return read_interactions(db_->prepare(
      "SELECT id, contact_id, date, channel, kind, grade, note FROM interactions ORDER BY contact_id, date, id"));
}

Result<int64_t> Store::insert_goal(const Goal& g) {
  auto s = db_->prepare("INSERT INTO goals (text, target, deadline, archived, current) VALUES (?, ?, ?, ?, ?)");
  if (!s) return make_error(s.error());
  s->bind(1, g.text).bind(2, g.target);
  if (g.deadline) s->bind(3, format_iso_day(*g.deadline)); else s->bind_null(3);
  s->bind(4, g.archived ? 1 : 0).bind(5, g.current ? 1 : 0);
  if (Status st = s->run(); !st) return make_error(st.error());
  return db_->last_insert_rowid();
}

Status Store::update_goal(const Goal& g) {
  auto s = db_->prepare("UPDATE goals SET text = ?, target = ?, deadline = ?, archived = ?, current = ? WHERE id = ?");
  if (!s) return make_error(s.error());
  s->bind(1, g.text).bind(2, g.target);
  if (g.deadline) s->bind(3, format_iso_day(*g.deadline)); else s->bind_null(3);
  s->bind(4, g.archived ? 1 : 0).bind(5, g.current ? 1 : 0).bind(6, g.id);
  if (Status st = s->run(); !st) return st;
  if (db_->changes() != 1) return make_error("no goal with id " + std::to_string(g.id));
  return Status::success();
}

Result<std::vector<Goal>> Store::goals(bool include_archived) {
  auto s = db_->prepare(std::string("SELECT id, text, target, deadline, archived, current FROM goals") +
                        (include_archived ? "" : " WHERE archived = 0") + " ORDER BY id");
  if (!s) return make_error(s.error());
  std::vector<Goal> out;
  for (;;) {
    auto row = s->step();
    if (!row) return make_error(row.error());
    if (!*row) return out;
    Goal g;
    g.id = s->int64(0);
    g.text = s->text(1);
    g.target = s->text(2);
    g.deadline = parse_optional_day(s->optional_text(3));
    g.archived = s->int64(4) != 0;
    g.current = s->int64(5) != 0;
    out.push_back(std::move(g));
  }
}

Result<std::optional<Goal>> Store::current_goal() {
  auto all = goals(false);
  if (!all) return make_error(all.error());
  for (const Goal& g : *all)
    if (g.current) return std::optional<Goal>(g);
  return std::optional<Goal>();
}

Status Store::set_current_goal(int64_t goal_id) {
  if (Status st = db_->exec("UPDATE goals SET current = 0 WHERE current = 1"); !st) return st;
  auto s = db_->prepare("UPDATE goals SET current = 1 WHERE id = ? AND archived = 0");
  if (!s) return make_error(s.error());
  s->bind(1, goal_id);
  if (Status st = s->run(); !st) return st;
  if (db_->changes() != 1) return make_error("no active goal with id " + std::to_string(goal_id));
  return Status::success();
}

Status Store::upsert_goal_link(const GoalLink& l) {
  auto s = db_->prepare(
      "INSERT INTO contact_goals (contact_id, goal_id, relevance, can_help, offer) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (contact_id, goal_id) DO UPDATE SET relevance = excluded.relevance, "
      "can_help = excluded.can_help, offer = excluded.offer");
  if (!s) return make_error(s.error());
  s->bind(1, l.contact_id).bind(2, l.goal_id).bind(3, l.relevance).bind(4, l.can_help).bind(5, l.offer);
  return s->run();
}

namespace {

Result<std::vector<GoalLink>> read_links(Result<Statement> s) {
  if (!s) return make_error(s.error());
  std::vector<GoalLink> out;
  for (;;) {
    auto row = s->step();
    if (!row) return make_error(row.error());
    if (!*row) return out;
    out.push_back({s->int64(0), s->int64(1), s->text(2), s->text(3), s->text(4)});
  }
}

}  // namespace

Result<std::vector<GoalLink>> Store::goal_links(int64_t contact_id) {
  auto s = db_->prepare(
      "SELECT contact_id, goal_id, relevance, can_help, offer FROM contact_goals WHERE contact_id = ? ORDER BY goal_id");
  if (s) s->bind(1, contact_id);
  return read_links(std::move(s));
}

Result<std::vector<GoalLink>> Store::all_goal_links() {
  return read_links(db_->prepare(
      "SELECT contact_id, goal_id, relevance, can_help, offer FROM contact_goals ORDER BY contact_id, goal_id"));
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
  auto s = db_->prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  if (!s) return make_error(s.error());
  s->bind(1, key).bind(2, value);
  return s->run();
}

Result<std::string> Store::canonical_dump() {
  std::vector<std::string> tables;
  {
    auto s = db_->prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    if (!s) return make_error(s.error());
    for (;;) {
      auto row = s->step();
      if (!row) return make_error(row.error());
      if (!*row) break;
      tables.push_back(s->text(0));
    }
  }
  std::string out;
  for (const std::string& table : tables) {
    out += "# " + table + "\n";
    sqlite3_stmt* raw = nullptr;
    // Order by every column so the dump does not depend on physical row order.
    std::string probe = "SELECT * FROM \"" + table + "\" LIMIT 0";
    if (sqlite3_prepare_v2(db_->handle(), probe.c_str(), -1, &raw, nullptr) != SQLITE_OK)
      return make_error(db_->last_error());
    const int columns = sqlite3_column_count(raw);
    sqlite3_finalize(raw);
    std::string sql = "SELECT * FROM \"" + table + "\" ORDER BY ";
    for (int i = 1; i <= columns; ++i) sql += (i > 1 ? ", " : "") + std::to_string(i);
    if (sqlite3_prepare_v2(db_->handle(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
      return make_error(db_->last_error());
    int rc;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
      for (int i = 0; i < columns; ++i) {
        if (i) out += '|';
        switch (sqlite3_column_type(raw, i)) {
          case SQLITE_NULL: out += "NULL"; break;
          case SQLITE_INTEGER: out += std::to_string(sqlite3_column_int64(raw, i)); break;
          case SQLITE_FLOAT: out += std::to_string(sqlite3_column_double(raw, i)); break;
          default: {
            const auto* p = static_cast<const char*>(sqlite3_column_blob(raw, i));
            out += '\'';
            out.append(p ? p : "", p ? static_cast<size_t>(sqlite3_column_bytes(raw, i)) : 0);
            out += '\'';
          }
        }
      }
      out += '\n';
    }
    sqlite3_finalize(raw);
    if (rc != SQLITE_DONE) return make_error(db_->last_error());
  }
  return out;
}

}  // namespace rekindle::core
