// The SQLite wrapper's failure paths: failed binds, transactions whose body fails or throws.
#include <catch2/catch.hpp>
#include <stdexcept>

#include "core/sqlite_db.h"
#include "core/store.h"
#include "tests/test_support.h"

using namespace rekindle::core;

namespace {

std::unique_ptr<Database> memory_db() {
  auto db = Database::open(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  REQUIRE(db.ok());
  REQUIRE((*db)->exec("CREATE TABLE t (x INTEGER NOT NULL) STRICT").ok());
  return std::move(*db);
}

int64_t rows(Database& db) { return db.query_int("SELECT count(*) FROM t").value(); }

Status insert(Database& db, int64_t x) {
  auto s = db.prepare("INSERT INTO t (x) VALUES (?)");
  if (!s) return make_error(s.error());
  s->bind(1, x);
  return s->run();
}

}  // namespace

TEST_CASE("a failed bind makes the statement fail with a message naming the parameter and the SQL", "[sqlite]") {
  auto db = memory_db();
  auto s = db->prepare("INSERT INTO t (x) VALUES (?)");
  REQUIRE(s.ok());
  s->bind(1, int64_t{5}).bind(3, int64_t{7}).bind(4, "later binds do not hide the first failure");
  const Status run = s->run();
  REQUIRE_FALSE(run.ok());
  CHECK_THAT(run.error(), Catch::Contains("cannot bind parameter 3"));
  CHECK_THAT(run.error(), Catch::Contains("INSERT INTO t (x) VALUES (?)"));
  CHECK_THAT(run.error(), Catch::Contains("column index out of range"));
  CHECK_FALSE(s->step().ok());
  CHECK(rows(*db) == 0);  // nothing ran
  // The next use of the same cached statement starts clean.
  CHECK(insert(*db, 1).ok());
  CHECK(rows(*db) == 1);
}

TEST_CASE("a transaction commits a body that succeeds and rolls back one that fails", "[sqlite]") {
  auto db = memory_db();
  REQUIRE(db->transaction([&] { return insert(*db, 1); }).ok());
  CHECK(rows(*db) == 1);
  const Status failed = db->transaction([&]() -> Status {
    if (Status s = insert(*db, 2); !s) return s;
    return make_error("the body gave up");
  });
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error() == "the body gave up");
  CHECK_FALSE(db->in_transaction());
  CHECK(rows(*db) == 1);
}

TEST_CASE("a transaction whose body throws is rolled back and the exception goes on", "[sqlite]") {
  auto db = memory_db();
  CHECK_THROWS_AS(db->transaction([&]() -> Status {
    if (Status s = insert(*db, 1); !s) return s;
    throw std::runtime_error("thrown mid-transaction");
  }),
                  std::runtime_error);
  CHECK_FALSE(db->in_transaction());
  CHECK(rows(*db) == 0);
  // The connection is usable: the next transaction begins and commits.
  REQUIRE(db->transaction([&] { return insert(*db, 2); }).ok());
  CHECK(rows(*db) == 1);
}

TEST_CASE("a store transaction whose body throws writes nothing and leaves none open", "[sqlite][store]") {
  auto opened = Store::open_in_memory();
  REQUIRE(opened.ok());
  Store& store = **opened;
  Contact c;
  c.name = "Thrown";
  CHECK_THROWS_AS(store.transaction([&]() -> Status {
    auto id = store.insert_contact(c);
    if (!id) return make_error(id.error());
    throw std::logic_error("a bug in the body");
  }),
                  std::logic_error);
  CHECK(store.contact_count().value() == 0);
  REQUIRE(store
              .transaction([&]() -> Status {
                auto id = store.insert_contact(c);
                return id ? Status::success() : make_error(id.error());
              })
              .ok());
  CHECK(store.contact_count().value() == 1);
}

TEST_CASE("bulk import mode switches outside a transaction and says why not inside one", "[sqlite][store]") {
  rekindle::test::TempDir dir;
  auto opened = Store::open(dir.file("bulk.db"));
  REQUIRE(opened.ok());
  Store& store = **opened;
  CHECK(store.set_bulk_import(true).ok());
  CHECK(store.set_bulk_import(false).ok());
  Status inside = store.transaction([&] { return store.set_bulk_import(true); });
  REQUIRE_FALSE(inside.ok());
  CHECK_THAT(inside.error(), Catch::Contains("inside a transaction"));
  CHECK(store.set_bulk_import(false).ok());
}
