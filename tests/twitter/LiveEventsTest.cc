// LiveEvents over a real store and its change feed, on every test backend: who hears
// about what, in which order, and what destroying a stream or the LiveEvents does.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ChangeFeed.h"
#include "CountingStore.h"
#include "LiveEvents.h"
#include "LiveTestSupport.h"
#include "ResolverSupport.h"

namespace mt::twitter::testing {
namespace {

using mt::testing::Backend;

std::vector<db::Id> tweetIdsOf(const std::vector<api::Resolved>& events) {
  std::vector<db::Id> ids;
  for (const api::Resolved& event : events)
    ids.push_back(tweetOf(event)->id);
  return ids;
}

// LiveEvents on a SerialWorker, plus a probe: a user who hears their own tweets, so
// that settle() can tell when every change committed before it has been handled
// (the drain handles changes in commit order).
class LiveEventsTest : public LiveDatabaseTest {
 protected:
  void SetUp() override {
    LiveDatabaseTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    worker_ = std::make_unique<SerialWorker>();
    live_ = std::make_unique<LiveEvents>(store(), database().changes(), worker_->submitter());
    probe_ = newUser("probe");
    probeStream_ = live().subscribe(LiveTopic::TimelineTweet, probe_.id, probeEvents_.callback());
  }
  void TearDown() override {
    probeStream_.reset();
    live_.reset();
    worker_.reset();
    LiveDatabaseTest::TearDown();
  }

  LiveEvents& live() { return *live_; }

  void settle() {
    post(probe_, "probe");
    ++probes_;
    ASSERT_EQ(probeEvents_.waitFor(probes_).size(), probes_) << "the drain never got here";
  }

  std::unique_ptr<SerialWorker> worker_;
  std::unique_ptr<LiveEvents> live_;

 private:
  db::User probe_;
  EventRecorder probeEvents_;
  std::unique_ptr<api::SourceEventStream> probeStream_;
  std::size_t probes_ = 0;
};

TEST_P(LiveEventsTest, TimelineTweetsReachTheAuthorAndFollowersOnly) {
  db::User alice = newUser("alice");
  db::User bob = newUser("bob");
  db::User carol = newUser("carol");
  follow(bob, alice);
  follow(alice, carol);  // alice follows carol: carol does not hear alice
  EventRecorder aliceHears, bobHears, carolHears;
  auto a = live().subscribe(LiveTopic::TimelineTweet, alice.id, aliceHears.callback());
  auto b = live().subscribe(LiveTopic::TimelineTweet, bob.id, bobHears.callback());
  auto c = live().subscribe(LiveTopic::TimelineTweet, carol.id, carolHears.callback());

  db::Tweet tweet = post(alice, "hello");
  EXPECT_EQ(tweetIdsOf(aliceHears.waitFor(1)), std::vector<db::Id>{tweet.id});
  std::vector<api::Resolved> heard = bobHears.waitFor(1);
  ASSERT_EQ(heard.size(), 1u);
  EXPECT_EQ(heard[0].typeName(), "Tweet");
  EXPECT_EQ(tweetOf(heard[0])->text, "hello");
  EXPECT_EQ(tweetOf(heard[0])->author.username, "alice");
  settle();
  EXPECT_TRUE(carolHears.events().empty());
  EXPECT_EQ(aliceHears.events().size(), 1u);
  EXPECT_EQ(bobHears.events().size(), 1u);
  EXPECT_EQ(live().subscriberCount(), 4u);  // with the probe
}

TEST_P(LiveEventsTest, ABlockEndsTheTimelineAndHidesBlockersRetweets) {
  db::User alice = newUser("alice");
  db::User bob = newUser("bob");
  db::User dave = newUser("dave");
  db::User carol = newUser("carol");
  follow(bob, alice);
  follow(dave, alice);
  block(carol, bob);  // carol's tweets are invisible to bob
  db::Tweet carols = post(carol, "not for bob");
  EventRecorder bobHears, daveHears;
  auto b = live().subscribe(LiveTopic::TimelineTweet, bob.id, bobHears.callback());
  auto d = live().subscribe(LiveTopic::TimelineTweet, dave.id, daveHears.callback());

  // alice retweets carol: dave hears it, bob (blocked by carol) does not.
  ASSERT_EQ(store().retweet(alice.id, carols.id, now(), nullptr),
            db::Store::TweetActionResult::Done);
  std::vector<api::Resolved> heard = daveHears.waitFor(1);
  ASSERT_EQ(heard.size(), 1u);
  EXPECT_EQ(tweetOf(heard[0])->retweetOfId, std::optional<db::Id>(carols.id));
  // alice blocks bob: the follow is gone, so bob no longer hears alice.
  block(alice, bob);
  post(alice, "after the block");
  EXPECT_EQ(daveHears.waitFor(2).size(), 2u);
  settle();
  EXPECT_TRUE(bobHears.events().empty());
}

TEST_P(LiveEventsTest, MentionsFollowersAndActivityReachTheirSubject) {
  db::User alice = newUser("alice");
  db::User bob = newUser("bob");
  db::User carol = newUser("carol");
  EventRecorder mentions, followers, activity, carolMentions;
  auto m = live().subscribe(LiveTopic::Mentioned, bob.id, mentions.callback());
  auto f = live().subscribe(LiveTopic::NewFollower, bob.id, followers.callback());
  auto t = live().subscribe(LiveTopic::TweetActivity, bob.id, activity.callback());
  auto cm = live().subscribe(LiveTopic::Mentioned, carol.id, carolMentions.callback());

  db::Tweet mention = post(alice, "hi @bob", {"bob"});
  EXPECT_EQ(tweetIdsOf(mentions.waitFor(1)), std::vector<db::Id>{mention.id});

  follow(carol, bob);
  std::vector<api::Resolved> follower = followers.waitFor(1);
  ASSERT_EQ(follower.size(), 1u);
  EXPECT_EQ(follower[0].typeName(), "User");
  EXPECT_EQ(userOf(follower[0])->id, carol.id);

  db::Tweet bobs = post(bob, "mine");
  // Liking or retweeting one's own tweet is not news: only carol's actions arrive.
  ASSERT_EQ(store().like(bob.id, bobs.id, now(), nullptr), db::Store::TweetActionResult::Done);
  ASSERT_EQ(store().like(carol.id, bobs.id, now(), nullptr), db::Store::TweetActionResult::Done);
  ASSERT_EQ(store().retweet(carol.id, bobs.id, now(), nullptr), db::Store::TweetActionResult::Done);
  std::vector<api::Resolved> acts = activity.waitFor(2);
  ASSERT_EQ(acts.size(), 2u);
  const auto* like = acts[0].objectAs<std::shared_ptr<const TweetActivityEvent>>();
  const auto* retweet = acts[1].objectAs<std::shared_ptr<const TweetActivityEvent>>();
  ASSERT_TRUE(like && retweet);
  EXPECT_EQ(acts[0].typeName(), "TweetActivity");
  EXPECT_EQ((*like)->kind, TweetActivityEvent::Kind::Like);
  EXPECT_EQ((*like)->user->id, carol.id);
  EXPECT_EQ((*like)->tweet->id, bobs.id);
  EXPECT_EQ((*retweet)->kind, TweetActivityEvent::Kind::Retweet);
  EXPECT_EQ((*retweet)->tweet->id, bobs.id);

  // Deleting announces nothing.
  ASSERT_EQ(store().deleteTweet(bob.id, bobs.id), db::Store::DeleteResult::Deleted);
  settle();
  EXPECT_EQ(mentions.events().size(), 1u);
  EXPECT_EQ(followers.events().size(), 1u);
  EXPECT_EQ(activity.events().size(), 2u);
  EXPECT_TRUE(carolMentions.events().empty());
}

TEST_P(LiveEventsTest, AMentionBySomeoneWhoBlockedTheViewerIsNotDelivered) {
  db::User alice = newUser("alice");
  db::User bob = newUser("bob");
  block(alice, bob);  // alice's tweets are invisible to bob
  EventRecorder mentions;
  auto m = live().subscribe(LiveTopic::Mentioned, bob.id, mentions.callback());
  post(alice, "about @bob", {"bob"});
  settle();
  EXPECT_TRUE(mentions.events().empty());
}

TEST_P(LiveEventsTest, EachSubscriberHearsInCommitOrder) {
  db::User alice = newUser("alice");
  db::User bob = newUser("bob");
  db::User carol = newUser("carol");
  follow(carol, alice);
  follow(carol, bob);
  EventRecorder carolHears;
  auto c = live().subscribe(LiveTopic::TimelineTweet, carol.id, carolHears.callback());
  std::vector<db::Id> posted;
  for (int i = 0; i < 60; ++i)
    posted.push_back(post(i % 2 == 0 ? alice : bob, "tweet " + std::to_string(i)).id);
  EXPECT_EQ(tweetIdsOf(carolHears.waitFor(posted.size())), posted);
}

TEST_P(LiveEventsTest, DestroyingAStreamStopsItsEvents) {
  db::User alice = newUser("alice");
  EventRecorder kept, dropped;
  auto keptStream = live().subscribe(LiveTopic::TimelineTweet, alice.id, kept.callback());
  auto droppedStream = live().subscribe(LiveTopic::TimelineTweet, alice.id, dropped.callback());
  EXPECT_EQ(live().subscriberCount(), 3u);
  post(alice, "one");
  ASSERT_EQ(dropped.waitFor(1).size(), 1u);
  droppedStream.reset();
  EXPECT_EQ(live().subscriberCount(), 2u);
  post(alice, "two");
  EXPECT_EQ(kept.waitFor(2).size(), 2u);
  settle();
  EXPECT_EQ(dropped.events().size(), 1u);
}

TEST_P(LiveEventsTest, AStreamMayDestroyItselfFromItsOwnEmit) {
  db::User alice = newUser("alice");
  std::unique_ptr<api::SourceEventStream> stream;
  int calls = 0;
  stream = live().subscribe(LiveTopic::TimelineTweet, alice.id, [&](api::Resolved) {
    ++calls;
    stream.reset();  // runs on the drain's thread, inside the emit
  });
  post(alice, "one");
  post(alice, "two");
  settle();
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(stream, nullptr);
  EXPECT_EQ(live().subscriberCount(), 1u);  // the probe
}

TEST_P(LiveEventsTest, AStreamMayOutliveTheLiveEvents) {
  db::User alice = newUser("alice");
  EventRecorder hears;
  auto stream = live().subscribe(LiveTopic::TimelineTweet, alice.id, hears.callback());
  live_.reset();
  post(alice, "nobody listens");
  stream.reset();
  EXPECT_TRUE(hears.events().empty());
}

// A LiveEvents whose drains run only when the test says, and a counter of the changes
// it has been told about.
class LiveBatchTest : public LiveDatabaseTest {
 protected:
  void startLive(std::size_t maxPending) {
    LiveEvents::Options options;
    options.maxPendingChanges = maxPending;
    live_ = std::make_unique<LiveEvents>(store(), database().changes(), work_.submitter(), options);
    changes_ = std::make_unique<ChangeCounter>(database().changes());
  }
  void TearDown() override {
    changes_.reset();
    live_.reset();
    LiveDatabaseTest::TearDown();
  }

  // Waits until the LiveEvents has been told about `count` changes since it started.
  void waitForChanges(std::size_t count) { ASSERT_EQ(changes_->waitFor(count), count); }

  DeferredWork work_;
  std::unique_ptr<LiveEvents> live_;
  std::unique_ptr<ChangeCounter> changes_;
};

TEST_P(LiveBatchTest, OneDrainHandlesTheWholeBatchInAFewStatements) {
  startLive(10'000);
  db::User alice = newUser("alice");
  db::User bob = newUser("bob");
  follow(bob, alice);
  waitForChanges(1);
  EXPECT_EQ(work_.runAll(), 1);  // the follow's drain (nobody listens yet)
  EventRecorder bobHears;
  auto b = live_->subscribe(LiveTopic::TimelineTweet, bob.id, bobHears.callback());

  std::vector<db::Id> posted;
  for (int i = 0; i < 12; ++i)
    posted.push_back(post(alice, "t" + std::to_string(i)).id);
  waitForChanges(1 + posted.size());
  EXPECT_EQ(work_.submitted(), 2);  // one drain for all twelve

  const std::uint64_t before = database().statementsExecuted();
  EXPECT_EQ(work_.runAll(), 1);
  // tweetsByIds for the twelve, then alice's listening followers (followersAmong: her
  // one follower is not fewer than the one listener): not one per tweet.
  EXPECT_EQ(database().statementsExecuted() - before, 2u);
  EXPECT_EQ(tweetIdsOf(bobHears.events()), posted);
  EXPECT_EQ(live_->deliveredEvents(), posted.size());
}

TEST_P(LiveBatchTest, TooManyWaitingChangesDropTheOldest) {
  startLive(3);
  db::User alice = newUser("alice");
  EventRecorder hears;
  auto a = live_->subscribe(LiveTopic::TimelineTweet, alice.id, hears.callback());
  std::vector<db::Id> posted;
  for (int i = 0; i < 5; ++i)
    posted.push_back(post(alice, "t" + std::to_string(i)).id);
  waitForChanges(posted.size());
  EXPECT_EQ(live_->droppedChanges(), 2u);
  EXPECT_EQ(work_.runAll(), 1);
  EXPECT_EQ(tweetIdsOf(hears.events()), std::vector<db::Id>(posted.begin() + 2, posted.end()));
}

TEST_P(LiveBatchTest, ARefusedDrainIsRetriedOnTheNextChange) {
  startLive(100);
  db::User alice = newUser("alice");
  EventRecorder hears;
  auto a = live_->subscribe(LiveTopic::TimelineTweet, alice.id, hears.callback());
  work_.setRefusing(true);
  db::Tweet first = post(alice, "refused");
  waitForChanges(1);
  EXPECT_EQ(work_.runAll(), 0);
  work_.setRefusing(false);
  db::Tweet second = post(alice, "taken");
  waitForChanges(2);
  EXPECT_EQ(work_.runAll(), 1);
  EXPECT_EQ(tweetIdsOf(hears.events()), (std::vector<db::Id>{first.id, second.id}));
}

TEST_P(LiveBatchTest, ADrainThatRunsAfterTheLiveEventsIsGoneDoesNothing) {
  startLive(100);
  db::User alice = newUser("alice");
  EventRecorder hears;
  auto a = live_->subscribe(LiveTopic::TimelineTweet, alice.id, hears.callback());
  post(alice, "late");
  waitForChanges(1);
  live_.reset();
  EXPECT_EQ(work_.runAll(), 1);  // touches neither the LiveEvents nor the store
  a.reset();
  EXPECT_TRUE(hears.events().empty());
}

// LiveEvents over a store that counts its calls, drained when the test says: which of
// the two reads of a timeline audience it picks, and that both give the same audience.
class TimelineAudienceTest : public LiveDatabaseTest {
 protected:
  void SetUp() override {
    LiveDatabaseTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    counting_ = std::make_unique<CountingStore>(store());
    live_ = std::make_unique<LiveEvents>(*counting_, database().changes(), work_.submitter());
    changes_ = std::make_unique<ChangeCounter>(database().changes());
  }
  void TearDown() override {
    changes_.reset();
    live_.reset();
    counting_.reset();
    LiveDatabaseTest::TearDown();
  }

  // Runs the drain for the `count` changes committed since the last call; returns the
  // statements it took.
  std::uint64_t drain(std::size_t count) {
    seen_ += count;
    EXPECT_EQ(changes_->waitFor(seen_), seen_);
    const std::uint64_t before = database().statementsExecuted();
    EXPECT_EQ(work_.runAll(), 1);
    return database().statementsExecuted() - before;
  }

  std::unique_ptr<CountingStore> counting_;
  DeferredWork work_;
  std::unique_ptr<LiveEvents> live_;
  std::unique_ptr<ChangeCounter> changes_;
  std::size_t seen_ = 0;
};

TEST_P(TimelineAudienceTest, FewFollowersOrFewListenersGiveTheSameAudience) {
  db::User alice = newUser("alice");
  db::User bob = newUser("bob");      // follows alice, does not listen
  db::User carol = newUser("carol");  // follows alice, listens
  db::User dave = newUser("dave");    // follows alice, listens
  db::User erin = newUser("erin");    // listens, follows nobody
  follow(bob, alice);
  follow(carol, alice);
  follow(dave, alice);
  drain(3);
  EventRecorder aliceHears, carolHears, daveHears, erinHears;
  auto a = live_->subscribe(LiveTopic::TimelineTweet, alice.id, aliceHears.callback());
  auto c = live_->subscribe(LiveTopic::TimelineTweet, carol.id, carolHears.callback());
  auto d = live_->subscribe(LiveTopic::TimelineTweet, dave.id, daveHears.callback());
  auto e = live_->subscribe(LiveTopic::TimelineTweet, erin.id, erinHears.callback());
  std::vector<std::unique_ptr<api::SourceEventStream>> idle;  // listeners nobody posts to
  for (int i = 0; i < 8; ++i) {
    db::User listener = newUser("idle" + std::to_string(i));
    idle.push_back(live_->subscribe(LiveTopic::TimelineTweet, listener.id, [](api::Resolved) {}));
  }

  // Three followers, twelve listeners: alice's followers are read, then kept if they
  // listen.
  counting_->resetCalls();
  db::Tweet first = post(alice, "to few followers");
  EXPECT_EQ(drain(1), 2u);  // tweetsByIds, followerIds
  EXPECT_EQ(counting_->calls("followerIds"), 1);
  EXPECT_EQ(counting_->calls("followersAmong"), 0);

  // Fifteen followers, twelve listeners (none of the new followers listens): the
  // listeners who follow alice are asked for.
  for (int i = 0; i < 12; ++i)
    follow(newUser("fan" + std::to_string(i)), alice);
  drain(12);
  counting_->resetCalls();
  db::Tweet second = post(alice, "to many followers");
  EXPECT_EQ(drain(1), 2u);  // tweetsByIds, followersAmong
  EXPECT_EQ(counting_->calls("followerIds"), 0);
  EXPECT_EQ(counting_->calls("followersAmong"), 1);

  const std::vector<db::Id> both{first.id, second.id};
  EXPECT_EQ(tweetIdsOf(aliceHears.events()), both);
  EXPECT_EQ(tweetIdsOf(carolHears.events()), both);
  EXPECT_EQ(tweetIdsOf(daveHears.events()), both);
  EXPECT_TRUE(erinHears.events().empty());
  EXPECT_EQ(live_->deliveredEvents(), 6u);
}

TEST_P(TimelineAudienceTest, OneBatchMayReadEachAuthorsAudienceItsOwnWay) {
  db::User quiet = newUser("quiet");    // one follower
  db::User loud = newUser("loud");      // more followers than listeners
  db::User lonely = newUser("lonely");  // no follower
  db::User carol = newUser("carol");
  db::User dave = newUser("dave");
  follow(carol, quiet);
  follow(carol, loud);
  follow(dave, loud);
  for (int i = 0; i < 4; ++i)
    follow(newUser("fan" + std::to_string(i)), loud);
  drain(7);
  EventRecorder carolHears, daveHears, lonelyHears;
  auto c = live_->subscribe(LiveTopic::TimelineTweet, carol.id, carolHears.callback());
  auto d = live_->subscribe(LiveTopic::TimelineTweet, dave.id, daveHears.callback());
  auto l = live_->subscribe(LiveTopic::TimelineTweet, lonely.id, lonelyHears.callback());

  counting_->resetCalls();
  db::Tweet fromQuiet = post(quiet, "one follower");
  db::Tweet fromLoud = post(loud, "six followers");
  db::Tweet fromLonely = post(lonely, "nobody follows");
  db::Tweet againLoud = post(loud, "again");
  // One tweetsByIds for the four; one read for quiet and one for loud, however many
  // tweets each posted; nothing for lonely, whom nobody follows.
  EXPECT_EQ(drain(4), 3u);
  EXPECT_EQ(counting_->calls("followerIds"), 1);
  EXPECT_EQ(counting_->calls("followersAmong"), 1);
  EXPECT_EQ(tweetIdsOf(carolHears.events()),
            (std::vector<db::Id>{fromQuiet.id, fromLoud.id, againLoud.id}));
  EXPECT_EQ(tweetIdsOf(daveHears.events()), (std::vector<db::Id>{fromLoud.id, againLoud.id}));
  EXPECT_EQ(tweetIdsOf(lonelyHears.events()), std::vector<db::Id>{fromLonely.id});
}

// Another server instance on the same PostgreSQL database: its commits reach this one's
// subscribers through LISTEN/NOTIFY.
TEST_P(LiveEventsTest, ChangesFromAnotherInstanceArrive) {
  if (GetParam() != Backend::PostgreSql) GTEST_SKIP() << "one SQLite file has one instance";
  db::User alice = newUser("alice");
  db::User bob = newUser("bob");
  follow(bob, alice);
  EventRecorder bobHears;
  auto b = live().subscribe(LiveTopic::TimelineTweet, bob.id, bobHears.callback());

  std::unique_ptr<db::Database> other = db::openDatabase(scratch().config());
  db::SqlStore otherStore(*other);
  db::Store::NewTweet tweet{alice.id, "from elsewhere", std::nullopt, {}, {}};
  db::Tweet posted;
  ASSERT_EQ(otherStore.postTweet(tweet, now(), &posted), db::Store::PostResult::Posted);
  EXPECT_EQ(tweetIdsOf(bobHears.waitFor(1)), std::vector<db::Id>{posted.id});
}

INSTANTIATE_TEST_SUITE_P(Backends, LiveEventsTest, ::testing::ValuesIn(mt::testing::testBackends()),
                         backendTestName);
INSTANTIATE_TEST_SUITE_P(Backends, TimelineAudienceTest,
                         ::testing::ValuesIn(mt::testing::testBackends()), backendTestName);
INSTANTIATE_TEST_SUITE_P(Backends, LiveBatchTest, ::testing::ValuesIn(mt::testing::testBackends()),
                         backendTestName);

}  // namespace
}  // namespace mt::twitter::testing
