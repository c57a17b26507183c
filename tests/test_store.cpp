#include <sqlite3.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "core/schema.h"
#include "core/store.h"
#include "tests/test_support.h"

using namespace rekindle;
using core::Contact;
using core::Store;
using test::TempDir;

namespace {

Contact full_contact() {
  Contact c;
  c.name = "Ada Lovelace";
  c.given_name = "Ada";
  c.family_name = "Lovelace";
  c.middle_name = "Augusta";
  c.name_prefix = "Countess";
  c.name_suffix = "FRS";
  c.nickname = "Ada";
  c.company = "Analytical Engines, Ltd.";
  c.department = "Research";
  c.title = "Programmer";
  c.emails = {{"ada@example.org", "work", true, ""}, {"ada@home.example", "home", false, "item1"}};
  c.phones = {{"+44 20 7946 0000", "work,voice", false, ""}};
  c.urls = {{"https://www.linkedin.com/in/ada", "linkedin", false, ""}};
  c.addresses = {{"12 St James's Square;London;;SW1Y 4JH;UK", "home", false, ""}};
  c.tags = {"math", "victorian"};
  c.photo = core::Photo{"image/png", std::string("\x89PNG\r\n\x1a\n\0\0binary", 16)};
  c.birthday = "1815-12-10";
  c.anniversary = "--07-08";
  c.notes = "Wrote the first program.\nLikes poetry; \"quoted\" text.";
  c.topic = "the analytical engine";
  c.tier = "close";
  c.cadence_days = 45;
  c.trust = 0.8;
  c.connected_on = core::parse_iso_day("2019-03-04");
  c.source = "vcard";
  c.due = core::parse_iso_day("2026-12-01");
  c.starred = true;
  c.snooze_streak = 2;
  c.extra_properties = {"X-ABUID:1234", "item1.X-ABLabel:_$!<Other>!$_"};
  return c;
}

std::unique_ptr<Store> open_ok(const std::string& path) {
  auto store = Store::open(path);
  INFO((store.ok() ? std::string() : store.error()));
  REQUIRE(store.ok());
  return std::move(*store);
}

// Writes a SQLite file with raw SQL, as another program would.
void make_sqlite_file(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

// Asks the file a single-integer question over a second connection, as another process
// would (the store has no SQL door of its own).
int64_t query_file(const std::string& path, const std::string& sql) {
  auto db = core::Database::open(path, SQLITE_OPEN_READWRITE);
  REQUIRE(db.ok());
  auto value = (*db)->query_int(sql);
  INFO((value.ok() ? std::string() : value.error()));
  REQUIRE(value.ok());
  return *value;
}

}  // namespace

TEST_CASE("a new database is created user-only in a new folder, at the latest version", "[store]") {
  TempDir dir;
  const std::string path = dir.file("nested/folder/rekindle.db");
  {
    auto store = open_ok(path);
    CHECK(query_file(path, "PRAGMA user_version") == Store::latest_version());
    CHECK(query_file(path, "PRAGMA application_id") == core::kApplicationId);
    // WAL is a property of the file; a second connection sees it.
    auto peer = core::Database::open(path, SQLITE_OPEN_READWRITE);
    REQUIRE(peer.ok());
    CHECK((*peer)->query_text("PRAGMA journal_mode").value() == "wal");
    // Foreign keys belong to the store's own connection: "constraints hold" tests them.
  }
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("a contact with every field survives a round trip and a reopen", "[store]") {
  TempDir dir;
  const std::string path = dir.file("r.db");
  Contact original = full_contact();
  {
    auto store = open_ok(path);
    REQUIRE(store
                ->transaction([&]() -> core::Status {
                  auto id = store->insert_contact(original);
                  if (!id) return core::make_error(id.error());
                  original.id = *id;
                  return core::Status::success();
                })
                .ok());
  }
  auto store = open_ok(path);
  auto loaded = store->contact(original.id);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->has_value());
  CHECK(**loaded == original);

  SECTION("update replaces fields and lists") {
    Contact changed = original;
    changed.company = "Babbage & Co";
    changed.emails.pop_back();
    changed.tags = {"engines"};
    changed.photo.reset();
    changed.cadence_days.reset();
    REQUIRE(store->transaction([&] { return store->update_contact(changed); }).ok());
    CHECK(store->contact(original.id).value().value() == changed);
  }
  SECTION("search finds by name, company, e-mail and tag, case-insensitively") {
    CHECK(store->contacts("lovelace").value().size() == 1);
    CHECK(store->contacts("ANALYTICAL").value().size() == 1);
    CHECK(store->contacts("home.example").value().size() == 1);
    CHECK(store->contacts("victorian").value().size() == 1);
    CHECK(store->contacts("nobody").value().empty());
    CHECK(store->contacts("100%").value().empty());
  }
}

TEST_CASE("interactions, goals, goal links and settings are stored", "[store]") {
  auto opened = Store::open_in_memory();
  REQUIRE(opened.ok());
  Store& store = **opened;
  int64_t contact_id = 0, goal_id = 0;
  REQUIRE(store
              .transaction([&]() -> core::Status {
                contact_id = store.insert_contact(full_contact()).value();
                core::Interaction x;
                x.contact_id = contact_id;
                x.date = *core::parse_iso_day("2026-01-02");
                x.channel = "email";
                x.kind = "give";
                x.grade = 4;
                x.note = "sent the article";
                if (auto r = store.insert_interaction(x); !r) return core::make_error(r.error());
                core::Goal g;
                g.text = "Move into product management";
                g.target = "PM";
                g.deadline = core::parse_iso_day("2027-06-30");
                goal_id = store.insert_goal(g).value();
                if (auto s = store.set_current_goal(goal_id); !s) return s;
                if (auto s = store.upsert_goal_link({contact_id, goal_id, "high", "knows the PM lead", "my notes"}); !s)
                  return s;
                return store.set_setting("daily_limit", "12");
              })
              .ok());
  auto xs = store.interactions(contact_id).value();
  REQUIRE(xs.size() == 1);
  CHECK(xs[0].kind == "give");
  CHECK(xs[0].grade == 4);
  CHECK(core::format_iso_day(xs[0].date) == "2026-01-02");
  auto current = store.current_goal().value();
  REQUIRE(current.has_value());
  CHECK(current->text == "Move into product management");
  CHECK(core::format_iso_day(*current->deadline) == "2027-06-30");
  auto links = store.goal_links(contact_id).value();
  REQUIRE(links.size() == 1);
  CHECK(links[0].relevance == "high");
  CHECK(links[0].can_help == "knows the PM lead");
  CHECK(store.setting("daily_limit").value() == std::optional<std::string>("12"));
  CHECK(!store.setting("missing").value().has_value());
}

TEST_CASE("constraints hold: foreign keys, tiers, and failed transactions roll back", "[store]") {
  auto opened = Store::open_in_memory();
  REQUIRE(opened.ok());
  Store& store = **opened;
  const auto before = store.canonical_dump().value();
  core::Interaction orphan;
  orphan.contact_id = 999;
  orphan.date = *core::parse_iso_day("2026-01-01");
  CHECK_FALSE(store
                  .transaction([&]() -> core::Status {
                    auto r = store.insert_interaction(orphan);
                    return r ? core::Status::success() : core::Status(core::make_error(r.error()));
                  })
                  .ok());
  Contact bad = full_contact();
  bad.tier = "bestie";
  CHECK_FALSE(store
                  .transaction([&]() -> core::Status {
                    auto r = store.insert_contact(bad);
                    return r ? core::Status::success() : core::Status(core::make_error(r.error()));
                  })
                  .ok());
  // A transaction that writes and then fails leaves nothing behind.
  CHECK_FALSE(store
                  .transaction([&]() -> core::Status {
                    (void)store.insert_contact(full_contact());
                    return core::make_error("stop half way");
                  })
                  .ok());
  CHECK(store.canonical_dump().value() == before);
}

TEST_CASE("files that are not ours are refused and left byte-identical", "[store]") {
  TempDir dir;
  SECTION("random bytes") {
    const std::string path = dir.file("random.db");
    std::string bytes;
    for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 7919 + 13) % 256);
    test::write_file(path, bytes);
    auto store = Store::open(path);
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error(), Catch::Contains("not a Rekindle database"));
    CHECK(test::read_file(path) == bytes);
  }
  SECTION("another application's SQLite file") {
    const std::string path = dir.file("other.sqlite");
    make_sqlite_file(path, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');");
    const std::string bytes = test::read_file(path);
    auto store = Store::open(path);
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error(), Catch::Contains("another application"));
    CHECK(test::read_file(path) == bytes);
    CHECK_FALSE(std::filesystem::exists(path + "-wal"));
  }
  SECTION("a directory in its place") {
    const std::string path = dir.file("adir");
    std::filesystem::create_directory(path);
    auto store = Store::open(path);
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error(), Catch::Contains("is a directory"));
  }
  SECTION("a database from a newer Rekindle") {
    const std::string path = dir.file("newer.db");
    { auto store = open_ok(path); }
    make_sqlite_file(path, "PRAGMA user_version = " + std::to_string(Store::latest_version() + 1) + ";");
    const std::string bytes = test::read_file(path);
    auto store = Store::open(path);
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error(), Catch::Contains("newer Rekindle"));
    CHECK(test::read_file(path) == bytes);
  }
}

TEST_CASE("migrations run from version 0 and keep a copy of an older file first", "[store]") {
  TempDir dir;
  SECTION("an empty file (version 0) is initialised") {
    const std::string path = dir.file("empty.db");
    test::write_file(path, "");
    auto store = open_ok(path);
    CHECK(query_file(path, "PRAGMA user_version") == Store::latest_version());
    CHECK(store->contact_count().value() == 0);
  }
  SECTION("an older version is copied, then migrated in order") {
    const std::string path = dir.file("old.db");
    const std::string_view v1[] = {"CREATE TABLE a (x INTEGER) STRICT; INSERT INTO a VALUES (1);"};
    const std::string_view v2[] = {v1[0], "ALTER TABLE a ADD COLUMN y TEXT; UPDATE a SET y = 'two';"};
    {
      auto store = Store::open(path, v1);
      REQUIRE(store.ok());
      CHECK(query_file(path, "PRAGMA user_version") == 1);
    }
    auto store = Store::open(path, v2);
    REQUIRE(store.ok());
    CHECK(query_file(path, "PRAGMA user_version") == 2);
    CHECK(query_file(path, "SELECT count(*) FROM a WHERE y = 'two'") == 1);
    const std::string backup = path + ".v1.bak";
    REQUIRE(std::filesystem::exists(backup));
    struct stat st {};
    REQUIRE(::stat(backup.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto old = Store::open(backup, v1);
    REQUIRE(old.ok());
    CHECK(query_file(backup, "SELECT count(*) FROM a") == 1);
  }
  SECTION("a failing migration leaves the file at its old version") {
    const std::string path = dir.file("fail.db");
    const std::string_view v1[] = {"CREATE TABLE a (x INTEGER) STRICT;"};
    const std::string_view v2[] = {v1[0], "CREATE TABLE b (y INTEGER) STRICT; THIS IS NOT SQL;"};
    { REQUIRE(Store::open(path, v1).ok()); }
    auto store = Store::open(path, v2);
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error(), Catch::Contains("migration 2"));
    auto again = Store::open(path, v1);
    REQUIRE(again.ok());
    CHECK(query_file(path, "PRAGMA user_version") == 1);
    CHECK(query_file(path, "SELECT count(*) FROM sqlite_master WHERE name = 'b'") == 0);
  }
}

TEST_CASE("a database from before topics upgrades with every contact's topic empty", "[topic]") {
  TempDir dir;
  const std::string path = dir.file("v4.db");
  const auto all = core::schema_migrations();
  REQUIRE(all.size() >= 5);
  { REQUIRE(Store::open(path, all.first(4)).ok()); }
  make_sqlite_file(path, "INSERT INTO contacts (name, notes) VALUES ('Ada Lovelace', 'Met at PyCon');");
  CHECK(query_file(path, "SELECT count(*) FROM pragma_table_info('contacts') WHERE name = 'topic'") == 0);
  auto store = open_ok(path);
  CHECK(query_file(path, "PRAGMA user_version") == Store::latest_version());
  auto ada = store->contact(1);
  REQUIRE(ada.ok());
  REQUIRE(*ada);
  CHECK((**ada).notes == "Met at PyCon");
  CHECK((**ada).topic.empty());
  Contact with_topic = **ada;
  with_topic.topic = "orbital mechanics";
  REQUIRE(store->update_contact(with_topic).ok());
  CHECK((*store->contact(1))->topic == "orbital mechanics");
}
