#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "ConnectionPool.h"
#include "DatabaseError.h"

namespace mt::db {
namespace {

using namespace std::chrono_literals;

// A connection that only knows whether it is broken and how many are in use at once.
class FakeConnection final : public SqlConnection {
 public:
  explicit FakeConnection(int number) : id(number) {}
  Dialect dialect() const noexcept override { return Dialect::Sqlite; }
  using SqlConnection::execute;
  SqlResult execute(const Statement&, std::span<const SqlValue>) override { return {}; }
  void transaction(const std::function<void()>& body) override { body(); }
  void afterCommit(std::function<void()> callback) override { callback(); }
  bool broken() const noexcept override { return isBroken; }

  int id;
  bool isBroken = false;
};

class ConnectionPoolTest : public ::testing::Test {
 protected:
  ConnectionPool::Connector connector() {
    return [this]() -> std::unique_ptr<SqlConnection> {
      if (refuse) throw DatabaseUnavailable("down");
      return std::make_unique<FakeConnection>(++made);
    };
  }
  static FakeConnection& fake(ConnectionPool::Lease& lease) {
    return static_cast<FakeConnection&>(*lease);
  }

  std::atomic<int> made{0};
  std::atomic<bool> refuse{false};
};

TEST_F(ConnectionPoolTest, OpensLazilyAndReusesReleasedConnections) {
  ConnectionPool pool(connector(), 3);
  EXPECT_EQ(pool.connectionsOpened(), 0u);
  EXPECT_EQ(pool.idle(), 0u);
  int first = 0;
  {
    ConnectionPool::Lease lease = pool.acquire();
    first = fake(lease).id;
    EXPECT_EQ(pool.connectionsOpened(), 1u);
  }
  EXPECT_EQ(pool.idle(), 1u);
  ConnectionPool::Lease again = pool.acquire();
  EXPECT_EQ(fake(again).id, first);
  EXPECT_EQ(pool.connectionsOpened(), 1u);
  EXPECT_EQ(pool.size(), 3u);
}

TEST_F(ConnectionPoolTest, NeverHandsOutMoreThanItsSizeAndTimesOut) {
  ConnectionPool pool(connector(), 2, 20ms);
  ConnectionPool::Lease a = pool.acquire();
  ConnectionPool::Lease b = pool.acquire();
  try {
    pool.acquire();
    FAIL() << "a third connection";
  } catch (const DatabaseUnavailable& error) {
    EXPECT_NE(std::string(error.what()).find("busy"), std::string::npos) << error.what();
  }
  EXPECT_EQ(pool.connectionsOpened(), 2u);
}

TEST_F(ConnectionPoolTest, AWaitingAcquireGetsTheNextReleasedConnection) {
  ConnectionPool pool(connector(), 1, 60s);
  std::optional<ConnectionPool::Lease> held(pool.acquire());
  const int heldId = fake(*held).id;
  std::atomic<int> gotId{0};
  std::thread waiter([&] {
    ConnectionPool::Lease lease = pool.acquire();
    gotId = fake(lease).id;
  });
  held.reset();
  waiter.join();
  EXPECT_EQ(gotId.load(), heldId);
}

TEST_F(ConnectionPoolTest, MovedLeasesReleaseOnce) {
  ConnectionPool pool(connector(), 1);
  {
    ConnectionPool::Lease first = pool.acquire();
    ConnectionPool::Lease second(std::move(first));
    EXPECT_EQ(pool.idle(), 0u);
  }
  EXPECT_EQ(pool.idle(), 1u);
}

TEST_F(ConnectionPoolTest, BrokenConnectionsAreDiscardedWithTheIdleOnes) {
  ConnectionPool pool(connector(), 3);
  {
    ConnectionPool::Lease a = pool.acquire();
    ConnectionPool::Lease b = pool.acquire();
  }
  EXPECT_EQ(pool.idle(), 2u);
  {
    ConnectionPool::Lease c = pool.acquire();
    fake(c).isBroken = true;
  }
  EXPECT_EQ(pool.idle(), 0u);
  ConnectionPool::Lease fresh = pool.acquire();
  EXPECT_EQ(fake(fresh).id, 3);
  EXPECT_EQ(pool.connectionsOpened(), 3u);
}

TEST_F(ConnectionPoolTest, AFailedConnectDoesNotUseUpASlot) {
  ConnectionPool pool(connector(), 1, 20ms);
  refuse = true;
  EXPECT_THROW(pool.acquire(), DatabaseUnavailable);
  EXPECT_THROW(pool.acquire(), DatabaseUnavailable);
  refuse = false;
  ConnectionPool::Lease lease = pool.acquire();
  EXPECT_EQ(pool.connectionsOpened(), 1u);
}

TEST_F(ConnectionPoolTest, ManyThreadsShareTheBoundedSet) {
  constexpr std::size_t kSize = 3;
  ConnectionPool pool(connector(), kSize, 60s);
  std::atomic<int> inUse{0};
  std::atomic<int> mostInUse{0};
  std::vector<std::thread> threads;
  threads.reserve(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 300; ++i) {
        ConnectionPool::Lease lease = pool.acquire();
        const int now = ++inUse;
        int seen = mostInUse.load();
        while (now > seen && !mostInUse.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::yield();
        --inUse;
      }
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  EXPECT_LE(mostInUse.load(), static_cast<int>(kSize));
  EXPECT_LE(pool.connectionsOpened(), kSize);
  EXPECT_EQ(pool.idle(), pool.connectionsOpened());
}

}  // namespace
}  // namespace mt::db
