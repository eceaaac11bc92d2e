#include <gmock/gmock.h>

#include <thread>
#include <vector>

#include "BackendTest.h"
#include "DatabaseError.h"
#include "Migrations.h"

namespace mt::db::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const Migration kCreateUsers{1, "create_users",
                             "CREATE TABLE users (id BIGINT PRIMARY KEY, name TEXT NOT NULL);\n"
                             "CREATE INDEX users_name ON users (name);\n",
                             "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
                             "CREATE INDEX users_name ON users (name);\n"};
const Migration kCreatePosts{
    2, "create_posts",
    "-- posts; one per user action\n"
    "CREATE TABLE posts (id BIGINT PRIMARY KEY, author BIGINT REFERENCES users (id), body TEXT "
    "DEFAULT 'a;b');\n"
    "INSERT INTO users (id, name) VALUES (1, 'it''s; me');\n",
    "-- posts; one per user action\n"
    "CREATE TABLE posts (id INTEGER PRIMARY KEY, author INTEGER REFERENCES users (id), body TEXT "
    "DEFAULT 'a;b');\n"
    "INSERT INTO users (id, name) VALUES (1, 'it''s; me');\n"};
// Its first statement works, its second does not: nothing of it may stay.
const Migration kBrokenThird{3, "broken",
                             "CREATE TABLE third (id BIGINT);\nSELECT * FROM no_such_table;\n",
                             "CREATE TABLE third (id INTEGER);\nSELECT * FROM no_such_table;\n"};
const Migration kThird{3, "create_third", "CREATE TABLE third (id BIGINT);\n",
                       "CREATE TABLE third (id INTEGER);\n"};

const std::vector<Migration> kTwo{kCreateUsers, kCreatePosts};

constexpr Statement kUserName{"test_m_user_name", "SELECT name FROM users WHERE id = $1"};
constexpr Statement kMigrationRows{"test_m_rows",
                                   "SELECT version, name, applied_at FROM schema_migrations "
                                   "ORDER BY version"};

using MigrationsTest = BackendTest;

TEST_P(MigrationsTest, AnEmptyDatabaseIsAtVersionZero) {
  EXPECT_EQ(schemaVersion(database()), 0);
}

TEST_P(MigrationsTest, AppliesEveryMigrationInOrder) {
  const MigrationReport report = migrate(database(), kTwo);
  EXPECT_EQ(report.versionBefore, 0);
  EXPECT_EQ(report.versionAfter, 2);
  EXPECT_THAT(report.applied, ElementsAre("1 create_users", "2 create_posts"));
  EXPECT_EQ(schemaVersion(database()), 2);

  ConnectionPool::Lease connection = database().pool().acquire();
  EXPECT_EQ(connection->execute(kUserName, {std::int64_t{1}}).text(0, 0), "it's; me");
  const SqlResult rows = connection->execute(kMigrationRows);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows.integer(0, 0), 1);
  EXPECT_EQ(rows.text(0, 1), "create_users");
  EXPECT_GT(rows.integer(0, 2), 1'600'000'000'000);  // milliseconds since the epoch
  EXPECT_EQ(rows.integer(1, 0), 2);
}

TEST_P(MigrationsTest, RunningAgainChangesNothing) {
  migrate(database(), kTwo);
  const std::uint64_t statements = database().statementsExecuted();
  const MigrationReport again = migrate(database(), kTwo);
  EXPECT_EQ(again.versionBefore, 2);
  EXPECT_EQ(again.versionAfter, 2);
  EXPECT_TRUE(again.applied.empty());
  EXPECT_GT(database().statementsExecuted(), statements);  // it did look
}

TEST_P(MigrationsTest, AppliesOnlyWhatIsNew) {
  migrate(database(), std::span(kTwo).first(1));
  EXPECT_EQ(schemaVersion(database()), 1);
  const MigrationReport report = migrate(database(), kTwo);
  EXPECT_EQ(report.versionBefore, 1);
  EXPECT_THAT(report.applied, ElementsAre("2 create_posts"));
}

TEST_P(MigrationsTest, RefusesADatabaseNewerThanItKnows) {
  migrate(database(), kTwo);
  try {
    migrate(database(), std::span(kTwo).first(1));
    FAIL() << "no exception";
  } catch (const MigrationError& error) {
    EXPECT_STREQ(error.what(),
                 "the database schema is at version 2, newer than this minitwitter knows (1): "
                 "upgrade minitwitter");
  }
  EXPECT_EQ(schemaVersion(database()), 2);
}

TEST_P(MigrationsTest, AFailedMigrationIsRolledBackWhole) {
  migrate(database(), kTwo);
  const std::vector<Migration> broken{kCreateUsers, kCreatePosts, kBrokenThird};
  try {
    migrate(database(), broken);
    FAIL() << "no exception";
  } catch (const MigrationError& error) {
    EXPECT_THAT(std::string(error.what()), HasSubstr("migration 3 broken failed"));
  }
  EXPECT_EQ(schemaVersion(database()), 2);
  // Its table is gone with it: the fixed migration creates it again.
  const std::vector<Migration> fixed{kCreateUsers, kCreatePosts, kThird};
  EXPECT_THAT(migrate(database(), fixed).applied, ElementsAre("3 create_third"));
}

TEST_P(MigrationsTest, RefusesBadNumbering) {
  const std::vector<Migration> gap{kCreateUsers, kThird};
  EXPECT_THROW(migrate(database(), gap), MigrationError);
  EXPECT_EQ(schemaVersion(database()), 0);
}

TEST_P(MigrationsTest, ConcurrentMigratorsApplyEachMigrationOnce) {
  // Several "server instances", each with a Database of its own, on one database.
  constexpr int kInstances = 4;
  std::vector<std::unique_ptr<Database>> instances;
  instances.reserve(kInstances);
  for (int i = 0; i < kInstances; ++i)
    instances.push_back(openDatabase(config_));
  std::vector<MigrationReport> reports(kInstances);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  threads.reserve(kInstances);
  for (int i = 0; i < kInstances; ++i) {
    threads.emplace_back([&, i] {
      for (;;) {
        try {
          reports[static_cast<std::size_t>(i)] =
              migrate(*instances[static_cast<std::size_t>(i)], kTwo);
          return;
        } catch (const MigrationError& error) {
          // SQLite: a writer that found the lock taken past the busy timeout.
          if (std::string(error.what()).find("busy") == std::string::npos) {
            ++failures;
            return;
          }
        } catch (const TransactionConflict&) {
        } catch (const std::exception&) {
          ++failures;
          return;
        }
      }
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  EXPECT_EQ(failures.load(), 0);
  std::size_t applied = 0;
  for (const MigrationReport& report : reports) {
    applied += report.applied.size();
    EXPECT_EQ(report.versionAfter, 2);
  }
  EXPECT_EQ(applied, 2u);
  ConnectionPool::Lease connection = database().pool().acquire();
  EXPECT_EQ(connection->execute(kMigrationRows).size(), 2u);
}

TEST_P(MigrationsTest, SqliteTriggersSurviveTheScriptSplit) {
  if (postgres()) GTEST_SKIP() << "SQLite trigger syntax";
  const Migration withTrigger{1, "trigger", "",
                              "CREATE TABLE t (id INTEGER PRIMARY KEY);\n"
                              "CREATE TABLE c (n INTEGER NOT NULL);\n"
                              "INSERT INTO c (n) VALUES (0);\n"
                              "CREATE TRIGGER bump AFTER INSERT ON t BEGIN\n"
                              "  UPDATE c SET n = n + 1;\n"
                              "  UPDATE c SET n = n + 10;\n"
                              "END;\n"};
  migrate(database(), std::span(&withTrigger, 1));
  ConnectionPool::Lease connection = database().pool().acquire();
  connection->execute(Statement{"test_m_t", "INSERT INTO t (id) VALUES (1)"});
  EXPECT_EQ(connection->execute(Statement{"test_m_c", "SELECT n FROM c"}).integer(0, 0), 11);
}

MT_INSTANTIATE_BACKEND_TEST(MigrationsTest);

}  // namespace
}  // namespace mt::db::testing
