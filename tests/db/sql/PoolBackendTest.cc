#include <thread>
#include <vector>

#include "BackendTest.h"
#include "DatabaseError.h"

namespace mt::db::testing {
namespace {

constexpr Statement kCreate{"test_pool_create",
                            "CREATE TABLE counters (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)"};
constexpr Statement kInsert{"test_pool_insert", "INSERT INTO counters (id, n) VALUES ($1, 0)"};
constexpr Statement kBump{"test_pool_bump", "UPDATE counters SET n = n + 1 WHERE id = $1"};
constexpr Statement kRead{"test_pool_read", "SELECT n FROM counters WHERE id = $1"};

using PoolBackendTest = BackendTest;

TEST_P(PoolBackendTest, ManyThreadsWriteThroughTheSharedPool) {
  constexpr int kThreads = 6;
  constexpr int kTransactions = 40;
  {
    ConnectionPool::Lease lease = database().pool().acquire();
    lease->execute(kCreate);
    lease->execute(kInsert, {std::int64_t{1}});
  }
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kTransactions; ++i) {
        // A conflict is the one error a caller may retry; anything else is a failure.
        for (;;) {
          try {
            ConnectionPool::Lease lease = database().pool().acquire();
            lease->transaction([&] {
              lease->execute(kBump, {std::int64_t{1}});
              lease->execute(kRead, {std::int64_t{1}});
            });
            break;
          } catch (const TransactionConflict&) {
          } catch (const std::exception&) {
            ++failures;
            break;
          }
        }
      }
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  EXPECT_EQ(failures.load(), 0);
  ConnectionPool::Lease lease = database().pool().acquire();
  EXPECT_EQ(lease->execute(kRead, {std::int64_t{1}}).integer(0, 0), kThreads * kTransactions);
  EXPECT_LE(database().pool().connectionsOpened(), database().pool().size());
}

TEST_P(PoolBackendTest, TheSizeComesFromTheConfig) {
  config_.poolSize = 2;
  EXPECT_EQ(database().pool().size(), 2u);
}

TEST_P(PoolBackendTest, PostgresConnectsLazilyAndSqliteAtOnce) {
  // SQLite opens one connection at start-up so that a bad path is reported there.
  EXPECT_EQ(database().pool().connectionsOpened(), postgres() ? 0u : 1u);
}

TEST_P(PoolBackendTest, AnUnusableSqlitePathIsReportedAtOpen) {
  if (postgres()) GTEST_SKIP() << "SQLite only";
  config_.sqlitePath = "/proc/version/cannot/be/a/folder/x.db";
  EXPECT_THROW(database(), DatabaseError);
}

TEST_P(PoolBackendTest, AnUnreachablePostgresFailsRequestsNotTheOpen) {
  if (!postgres()) GTEST_SKIP() << "PostgreSQL only";
  // Port 1 on loopback: nothing listens there, the connection is refused at once.
  config_.postgresUrl = "postgresql://nobody:nothing@127.0.0.1:1/twitter";
  Database& unreachable = database();
  try {
    unreachable.pool().acquire();
    FAIL() << "connected to nothing";
  } catch (const DatabaseUnavailable& error) {
    EXPECT_EQ(std::string(error.what()).find("nothing"), std::string::npos) << error.what();
  }
}

MT_INSTANTIATE_BACKEND_TEST(PoolBackendTest);

}  // namespace
}  // namespace mt::db::testing
