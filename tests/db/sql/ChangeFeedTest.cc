#include <gmock/gmock.h>

#include <stdexcept>
#include <thread>

#include "BackendTest.h"
#include "ChangeCollector.h"
#include "DatabaseError.h"

namespace mt::db::testing {
namespace {

Change tweet(std::int64_t id, std::int64_t actor = 1) {
  return {Change::Kind::TweetPosted, actor, 0, id};
}

class ChangeFeedTest : public BackendTest {
 protected:
  void publishCommitted(std::vector<Change> changes) {
    ConnectionPool::Lease connection = database().pool().acquire();
    connection->transaction([&] { database().changes().publish(*connection, changes); });
  }
};

TEST_P(ChangeFeedTest, ACommittedChangeIsDelivered) {
  ChangeCollector collector;
  database().changes().subscribe(collector.listener());
  const Change change{Change::Kind::Liked, 4, 5, 6};
  publishCommitted({change});
  EXPECT_TRUE(collector.waitFor(change));
}

TEST_P(ChangeFeedTest, ARolledBackChangeIsNeverDelivered) {
  ChangeCollector collector;
  database().changes().subscribe(collector.listener());
  {
    ConnectionPool::Lease connection = database().pool().acquire();
    EXPECT_THROW(connection->transaction([&] {
      const Change dropped = tweet(666);
      database().changes().publish(*connection, std::span(&dropped, 1));
      throw std::runtime_error("roll back");
    }),
                 std::runtime_error);
  }
  // Delivery is in commit order, so once a later change is here the dropped one would
  // have been too.
  publishCommitted({tweet(2)});
  ASSERT_TRUE(collector.waitFor(tweet(2)));
  EXPECT_FALSE(collector.saw(tweet(666)));
}

TEST_P(ChangeFeedTest, NothingIsDeliveredBeforeTheCommit) {
  ChangeCollector collector;
  database().changes().subscribe(collector.listener());
  ConnectionPool::Lease connection = database().pool().acquire();
  connection->transaction([&] {
    const Change change = tweet(1);
    database().changes().publish(*connection, std::span(&change, 1));
    // On SQLite delivery would be synchronous, so this is exact; on PostgreSQL it
    // shows nothing was sent early enough to arrive by now.
    EXPECT_TRUE(collector.changes().empty());
  });
  EXPECT_TRUE(collector.waitFor(tweet(1)));
}

TEST_P(ChangeFeedTest, ChangesArriveInOrderEvenPastOneNotificationsSize) {
  ChangeCollector collector;
  database().changes().subscribe(collector.listener());
  std::vector<Change> many;
  for (std::int64_t i = 1; i <= 600; ++i)
    many.push_back({Change::Kind::Followed, i, i + 1, 0});
  publishCommitted(many);
  ASSERT_TRUE(collector.waitUntil([](const auto& changes) { return changes.size() >= 600; }));
  EXPECT_EQ(collector.changes(), many);
}

TEST_P(ChangeFeedTest, EveryListenerHearsEveryChange) {
  ChangeCollector first;
  ChangeCollector second;
  database().changes().subscribe(first.listener());
  database().changes().subscribe(second.listener());
  publishCommitted({tweet(1), tweet(2)});
  EXPECT_TRUE(first.waitFor(tweet(2)));
  EXPECT_TRUE(second.waitFor(tweet(2)));
  EXPECT_EQ(first.changes(), second.changes());
}

TEST_P(ChangeFeedTest, AnUnsubscribedListenerHearsNothingMore) {
  ChangeCollector kept;
  ChangeCollector dropped;
  database().changes().subscribe(kept.listener());
  const ChangeFeed::SubscriptionId id = database().changes().subscribe(dropped.listener());
  publishCommitted({tweet(1)});
  ASSERT_TRUE(dropped.waitFor(tweet(1)));
  database().changes().unsubscribe(id);
  publishCommitted({tweet(2)});
  ASSERT_TRUE(kept.waitFor(tweet(2)));
  EXPECT_FALSE(dropped.saw(tweet(2)));
  database().changes().unsubscribe(id);  // twice is harmless
}

TEST_P(ChangeFeedTest, AListenerMayUnsubscribeItselfAndOthersMayThrow) {
  ChangeCollector collector;
  ChangeFeed& feed = database().changes();
  std::atomic<int> selfCalls{0};
  ChangeFeed::SubscriptionId self = 0;
  feed.subscribe([](const Change&) { throw std::runtime_error("bad listener"); });
  self = feed.subscribe([&](const Change&) {
    ++selfCalls;
    feed.unsubscribe(self);
  });
  feed.subscribe(collector.listener());
  publishCommitted({tweet(1)});
  publishCommitted({tweet(2)});
  ASSERT_TRUE(collector.waitFor(tweet(2)));
  EXPECT_EQ(selfCalls.load(), 1);
}

TEST_P(ChangeFeedTest, PublishingOutsideATransactionDeliversAtOnce) {
  ChangeCollector collector;
  database().changes().subscribe(collector.listener());
  ConnectionPool::Lease connection = database().pool().acquire();
  const Change change = tweet(9);
  database().changes().publish(*connection, std::span(&change, 1));
  if (!postgres()) {
    EXPECT_TRUE(collector.saw(change));  // synchronous in process
  }
  EXPECT_TRUE(collector.waitFor(change));
}

TEST_P(ChangeFeedTest, ConcurrentPublishersLoseNothingAndKeepTheirOrder) {
  constexpr int kThreads = 4;
  constexpr int kEach = 30;
  ChangeCollector collector;
  database().changes().subscribe(collector.listener());
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const Change change = tweet(i, t + 1);
        for (;;) {
          try {
            ConnectionPool::Lease connection = database().pool().acquire();
            connection->transaction(
                [&] { database().changes().publish(*connection, std::span(&change, 1)); });
            break;
          } catch (const TransactionConflict&) {
          }
        }
      }
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  ASSERT_TRUE(collector.waitUntil(
      [](const auto& changes) { return changes.size() >= std::size_t{kThreads * kEach}; }));
  const std::vector<Change> changes = collector.changes();
  EXPECT_EQ(changes.size(), std::size_t{kThreads * kEach});
  std::vector<std::int64_t> last(kThreads + 1, -1);
  for (const Change& change : changes) {
    EXPECT_EQ(change.tweetId, last[static_cast<std::size_t>(change.actorId)] + 1);
    last[static_cast<std::size_t>(change.actorId)] = change.tweetId;
  }
}

TEST_P(ChangeFeedTest, ChangesReachAnotherDatabaseObjectOnTheSameDatabase) {
  if (!postgres()) GTEST_SKIP() << "SQLite's feed is in-process: one process owns the file";
  // Another server instance: its own pool, its own listener.
  std::unique_ptr<Database> other = openDatabase(config_);
  ChangeCollector collector;
  other->changes().subscribe(collector.listener());
  publishCommitted({tweet(1, 77), tweet(2, 77)});
  ASSERT_TRUE(collector.waitFor(tweet(2, 77)));
  EXPECT_EQ(collector.changes(), (std::vector<Change>{tweet(1, 77), tweet(2, 77)}));
}

TEST_P(ChangeFeedTest, OtherSchemasDoNotHearTheseChanges) {
  if (!postgres()) GTEST_SKIP() << "PostgreSQL NOTIFY is database-wide";
  mt::testing::ScratchDatabase otherScratch(GetParam());
  std::unique_ptr<Database> other = openDatabase(otherScratch.config());
  ChangeCollector here;
  ChangeCollector there;
  database().changes().subscribe(here.listener());
  other->changes().subscribe(there.listener());
  publishCommitted({tweet(1, 1)});
  {
    ConnectionPool::Lease connection = other->pool().acquire();
    const Change theirs = tweet(1, 2);
    connection->transaction([&] { other->changes().publish(*connection, std::span(&theirs, 1)); });
  }
  ASSERT_TRUE(here.waitFor(tweet(1, 1)));
  ASSERT_TRUE(there.waitFor(tweet(1, 2)));
  // One more round trip each: anything misrouted would have arrived before these.
  publishCommitted({tweet(2, 1)});
  ASSERT_TRUE(here.waitFor(tweet(2, 1)));
  EXPECT_EQ(here.changes(), (std::vector<Change>{tweet(1, 1), tweet(2, 1)}));
  EXPECT_EQ(there.changes(), (std::vector<Change>{tweet(1, 2)}));
  other.reset();
}

MT_INSTANTIATE_BACKEND_TEST(ChangeFeedTest);

}  // namespace
}  // namespace mt::db::testing
