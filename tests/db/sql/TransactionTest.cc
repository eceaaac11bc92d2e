#include <stdexcept>
#include <thread>

#include "BackendTest.h"
#include "DatabaseError.h"

namespace mt::db::testing {
namespace {

constexpr Statement kCreate{"test_tx_create",
                            "CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT)"};
constexpr Statement kInsert{"test_tx_insert", "INSERT INTO notes (id, body) VALUES ($1, $2)"};
constexpr Statement kCount{"test_tx_count", "SELECT count(*) FROM notes"};

class TransactionTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    lease_.emplace(database().pool().acquire());
    connection().execute(kCreate);
  }
  void TearDown() override {
    lease_.reset();
    BackendTest::TearDown();
  }
  SqlConnection& connection() { return **lease_; }
  std::int64_t count(SqlConnection& on) { return on.execute(kCount).integer(0, 0); }
  void insert(std::int64_t id) { connection().execute(kInsert, {id, std::string("n")}); }

  std::optional<ConnectionPool::Lease> lease_;
};

TEST_P(TransactionTest, ACommittedTransactionIsSeenByOtherConnections) {
  connection().transaction([&] {
    insert(1);
    insert(2);
  });
  ConnectionPool::Lease other = database().pool().acquire();
  EXPECT_EQ(count(*other), 2);
}

TEST_P(TransactionTest, UncommittedWorkIsNotSeenByOtherConnections) {
  ConnectionPool::Lease other = database().pool().acquire();
  connection().transaction([&] {
    insert(1);
    EXPECT_EQ(count(connection()), 1);
    EXPECT_EQ(count(*other), 0);
  });
  EXPECT_EQ(count(*other), 1);
}

TEST_P(TransactionTest, AThrowingBodyRollsBackAndTheExceptionPropagates) {
  EXPECT_THROW(connection().transaction([&] {
    insert(1);
    throw std::runtime_error("changed my mind");
  }),
               std::runtime_error);
  EXPECT_EQ(count(connection()), 0);
  // The connection is usable afterwards, in and out of transactions.
  connection().transaction([&] { insert(2); });
  EXPECT_EQ(count(connection()), 1);
}

TEST_P(TransactionTest, ADatabaseErrorInsideRollsBackEverything) {
  insert(1);
  EXPECT_THROW(connection().transaction([&] {
    insert(2);
    insert(1);  // duplicate key
  }),
               ConstraintViolation);
  EXPECT_EQ(count(connection()), 1);
}

TEST_P(TransactionTest, AfterCommitRunsOnceAfterTheCommit) {
  int runs = 0;
  ConnectionPool::Lease other = database().pool().acquire();
  std::int64_t seenByOther = -1;
  connection().transaction([&] {
    insert(1);
    connection().afterCommit([&] {
      ++runs;
      seenByOther = count(*other);  // the change is already visible
    });
    EXPECT_EQ(runs, 0);
  });
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(seenByOther, 1);
}

TEST_P(TransactionTest, AfterCommitCallbacksRunInOrder) {
  std::vector<int> order;
  connection().transaction([&] {
    for (int i = 0; i < 5; ++i)
      connection().afterCommit([&order, i] { order.push_back(i); });
  });
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST_P(TransactionTest, AfterCommitIsDroppedOnRollback) {
  int runs = 0;
  EXPECT_THROW(connection().transaction([&] {
    connection().afterCommit([&] { ++runs; });
    throw std::runtime_error("no");
  }),
               std::runtime_error);
  EXPECT_EQ(runs, 0);
  // Not carried over to the next transaction either.
  connection().transaction([&] { insert(1); });
  EXPECT_EQ(runs, 0);
}

TEST_P(TransactionTest, AfterCommitOutsideATransactionRunsAtOnce) {
  int runs = 0;
  connection().afterCommit([&] { ++runs; });
  EXPECT_EQ(runs, 1);
}

TEST_P(TransactionTest, TransactionsDoNotNest) {
  EXPECT_THROW(connection().transaction([&] { connection().transaction([] {}); }), DatabaseError);
  connection().transaction([&] { insert(1); });
  EXPECT_EQ(count(connection()), 1);
}

TEST_P(TransactionTest, BeginAndCommitAreCountedAsStatements) {
  const std::uint64_t start = database().statementsExecuted();
  connection().transaction([&] {
    insert(1);
    insert(2);
  });
  EXPECT_EQ(database().statementsExecuted() - start, 4u);  // BEGIN, 2 × INSERT, COMMIT
  const std::uint64_t middle = database().statementsExecuted();
  EXPECT_THROW(connection().transaction([&] {
    insert(3);
    throw std::runtime_error("no");
  }),
               std::runtime_error);
  EXPECT_EQ(database().statementsExecuted() - middle, 3u);  // BEGIN, INSERT, ROLLBACK
}

TEST_P(TransactionTest, ConcurrentWritersConflictOrWaitButNeverCorrupt) {
  // A second writer: on SQLite it waits for the write lock (here not at all, so it
  // fails at once); on PostgreSQL it waits for the row lock, and here the first
  // transaction holds it, so both run into a deadlock that PostgreSQL breaks.
  if (!postgres()) {
    config_.busyTimeout = std::chrono::milliseconds(0);
    lease_.reset();
    database_.reset();
    lease_.emplace(database().pool().acquire());
    ConnectionPool::Lease other = database().pool().acquire();
    connection().transaction([&] {
      insert(1);
      EXPECT_THROW(other->transaction([&] {
        other->execute(kInsert, {std::int64_t{2}, std::string("b")});
      }),
                   TransactionConflict);
    });
    EXPECT_EQ(count(*other), 1);
    return;
  }
  insert(1);
  insert(2);
  constexpr Statement kLockRow{"test_tx_lock_row", "SELECT id FROM notes WHERE id = $1 FOR UPDATE"};
  ConnectionPool::Lease other = database().pool().acquire();
  std::atomic<int> lockedFirst{0};
  std::atomic<int> conflicts{0};
  const auto run = [&](SqlConnection& on, std::int64_t first, std::int64_t second) {
    try {
      on.transaction([&] {
        on.execute(kLockRow, {first});
        ++lockedFirst;
        while (lockedFirst.load() < 2)
          std::this_thread::yield();
        on.execute(kLockRow, {second});
      });
    } catch (const TransactionConflict&) {
      ++conflicts;
    }
  };
  std::thread a([&] { run(connection(), 1, 2); });
  std::thread b([&] { run(*other, 2, 1); });
  a.join();
  b.join();
  EXPECT_EQ(conflicts.load(), 1);
  EXPECT_FALSE(connection().broken());
  EXPECT_FALSE(other->broken());
}

MT_INSTANTIATE_BACKEND_TEST(TransactionTest);

}  // namespace
}  // namespace mt::db::testing
