// Follows, blocks and relationships.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "StoreTestSupport.h"

namespace mt::db::testing {
namespace {

using GraphStoreTest = StoreTest;
using GraphResult = Store::GraphResult;

TEST_P(GraphStoreTest, FollowCountsOnBothSides) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  EXPECT_EQ(store().follow(alice.id, bob.id, now()), GraphResult::Done);
  EXPECT_EQ(reload(alice).followingCount, 1);
  EXPECT_EQ(reload(alice).followerCount, 0);
  EXPECT_EQ(reload(bob).followerCount, 1);
  EXPECT_EQ(reload(bob).followingCount, 0);
  auto relation = store().relationships(alice.id, std::vector<Id>{bob.id});
  ASSERT_EQ(relation.size(), 1u);
  EXPECT_TRUE(relation[0].viewerFollows);
  EXPECT_FALSE(relation[0].followsViewer);
}

TEST_P(GraphStoreTest, FollowingTwiceIsUnchanged) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  follow(alice, bob);
  EXPECT_EQ(store().follow(alice.id, bob.id, now()), GraphResult::Unchanged);
  EXPECT_EQ(reload(alice).followingCount, 1);
  EXPECT_EQ(reload(bob).followerCount, 1);
}

TEST_P(GraphStoreTest, ActingOnOneselfIsSelf) {
  User alice = newUser("alice");
  EXPECT_EQ(store().follow(alice.id, alice.id, now()), GraphResult::Self);
  EXPECT_EQ(store().unfollow(alice.id, alice.id), GraphResult::Self);
  EXPECT_EQ(store().block(alice.id, alice.id, now()), GraphResult::Self);
  EXPECT_EQ(store().unblock(alice.id, alice.id), GraphResult::Self);
  EXPECT_EQ(reload(alice).followingCount, 0);
  EXPECT_EQ(reload(alice).followerCount, 0);
}

TEST_P(GraphStoreTest, MissingTargetIsNoSuchUser) {
  User alice = newUser("alice");
  Id nobody = alice.id + 100;
  EXPECT_EQ(store().follow(alice.id, nobody, now()), GraphResult::NoSuchUser);
  EXPECT_EQ(store().unfollow(alice.id, nobody), GraphResult::NoSuchUser);
  EXPECT_EQ(store().block(alice.id, nobody, now()), GraphResult::NoSuchUser);
  EXPECT_EQ(store().unblock(alice.id, nobody), GraphResult::NoSuchUser);
  EXPECT_EQ(reload(alice).followingCount, 0);
}

TEST_P(GraphStoreTest, FollowIsBlockedInBothDirections) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  block(alice, bob);
  EXPECT_EQ(store().follow(bob.id, alice.id, now()), GraphResult::Blocked);  // blocked by alice
  EXPECT_EQ(store().follow(alice.id, bob.id, now()), GraphResult::Blocked);  // alice blocks bob
  EXPECT_EQ(reload(alice).followerCount, 0);
  EXPECT_EQ(reload(alice).followingCount, 0);
  EXPECT_EQ(reload(bob).followerCount, 0);
  EXPECT_EQ(reload(bob).followingCount, 0);
}

TEST_P(GraphStoreTest, UnfollowUndoesTheCounts) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  follow(alice, bob);
  EXPECT_EQ(store().unfollow(alice.id, bob.id), GraphResult::Done);
  EXPECT_EQ(store().unfollow(alice.id, bob.id), GraphResult::Unchanged);
  EXPECT_EQ(store().unfollow(bob.id, alice.id), GraphResult::Unchanged);
  EXPECT_EQ(reload(alice).followingCount, 0);
  EXPECT_EQ(reload(bob).followerCount, 0);
  EXPECT_FALSE(store().relationships(alice.id, std::vector<Id>{bob.id})[0].viewerFollows);
  // And following again works.
  follow(alice, bob);
  EXPECT_EQ(reload(bob).followerCount, 1);
}

TEST_P(GraphStoreTest, BlockRemovesFollowsBothWaysAndFixesCounts) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  User carol = newUser("carol");
  follow(alice, bob);
  follow(bob, alice);
  follow(carol, alice);
  follow(carol, bob);
  follow(alice, carol);

  EXPECT_EQ(store().block(alice.id, bob.id, now()), GraphResult::Done);

  User a = reload(alice);
  User b = reload(bob);
  User c = reload(carol);
  EXPECT_EQ(a.followerCount, 1);   // carol
  EXPECT_EQ(a.followingCount, 1);  // carol
  EXPECT_EQ(b.followerCount, 1);   // carol
  EXPECT_EQ(b.followingCount, 0);
  EXPECT_EQ(c.followerCount, 1);  // alice
  EXPECT_EQ(c.followingCount, 2);
  auto relation = store().relationships(alice.id, std::vector<Id>{bob.id})[0];
  EXPECT_FALSE(relation.viewerFollows);
  EXPECT_FALSE(relation.followsViewer);
  EXPECT_TRUE(relation.viewerBlocks);
  EXPECT_FALSE(relation.blocksViewer);
  auto seenByBob = store().relationships(bob.id, std::vector<Id>{alice.id})[0];
  EXPECT_TRUE(seenByBob.blocksViewer);
  EXPECT_FALSE(seenByBob.viewerBlocks);
  EXPECT_TRUE(userIdsOf(store().followers(alice.id, {})) == std::vector<Id>{carol.id});

  EXPECT_EQ(store().block(alice.id, bob.id, now()), GraphResult::Unchanged);
  EXPECT_EQ(reload(alice).followerCount, 1);
}

TEST_P(GraphStoreTest, BlockWithoutFollowsTouchesNoCounts) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  block(bob, alice);
  EXPECT_EQ(reload(alice).followerCount, 0);
  EXPECT_EQ(reload(bob).followingCount, 0);
  // A block each way is allowed.
  EXPECT_EQ(store().block(alice.id, bob.id, now()), GraphResult::Done);
}

TEST_P(GraphStoreTest, UnblockLetsThemFollowAgain) {
  User alice = newUser("alice");
  User bob = newUser("bob");
  block(alice, bob);
  EXPECT_EQ(store().unblock(bob.id, alice.id), GraphResult::Unchanged);  // bob blocks no one
  EXPECT_EQ(store().unblock(alice.id, bob.id), GraphResult::Done);
  EXPECT_EQ(store().unblock(alice.id, bob.id), GraphResult::Unchanged);
  EXPECT_FALSE(store().relationships(alice.id, std::vector<Id>{bob.id})[0].viewerBlocks);
  EXPECT_EQ(store().follow(bob.id, alice.id, now()), GraphResult::Done);
  EXPECT_EQ(store().follow(alice.id, bob.id, now()), GraphResult::Done);
}

TEST_P(GraphStoreTest, FollowersAndFollowingPageNewestFirst) {
  User star = newUser("star");
  std::vector<User> fans;
  for (int i = 0; i < 5; ++i)
    fans.push_back(newUser("fan" + std::to_string(i)));
  for (const User& fan : fans)
    follow(fan, star);
  for (const User& fan : fans)
    follow(star, fan);

  auto first = store().followers(star.id, pageOf(2));
  EXPECT_EQ(userIdsOf(first), (std::vector<Id>{fans[4].id, fans[3].id}));
  EXPECT_TRUE(first.hasMore);
  auto second = store().followers(star.id, pageOf(2, first.items.back().cursor));
  EXPECT_EQ(userIdsOf(second), (std::vector<Id>{fans[2].id, fans[1].id}));
  EXPECT_TRUE(second.hasMore);
  auto third = store().followers(star.id, pageOf(2, second.items.back().cursor));
  EXPECT_EQ(userIdsOf(third), (std::vector<Id>{fans[0].id}));
  EXPECT_FALSE(third.hasMore);
  // The users come with their counters.
  EXPECT_EQ(first.items[0].user.followingCount, 1);
  EXPECT_EQ(first.items[0].user.followerCount, 1);

  auto following = store().following(star.id, pageOf(5));
  EXPECT_EQ(userIdsOf(following),
            (std::vector<Id>{fans[4].id, fans[3].id, fans[2].id, fans[1].id, fans[0].id}));
  EXPECT_FALSE(following.hasMore);  // an exact fit has no more
  auto none = store().following(star.id, pageOf(5, following.items.back().cursor));
  EXPECT_TRUE(none.items.empty());
  EXPECT_FALSE(none.hasMore);
  EXPECT_TRUE(store().followers(fans[0].id, pageOf(0)).items.empty());
  EXPECT_TRUE(store().followers(fans[0].id, pageOf(0)).hasMore);
}

TEST_P(GraphStoreTest, RefollowingMovesToTheFront) {
  User star = newUser("star");
  User early = newUser("early");
  User late = newUser("late");
  follow(early, star);
  follow(late, star);
  ASSERT_EQ(store().unfollow(early.id, star.id), GraphResult::Done);
  follow(early, star);
  EXPECT_EQ(userIdsOf(store().followers(star.id, {})), (std::vector<Id>{early.id, late.id}));
}

TEST_P(GraphStoreTest, RelationshipsComeInTheCallersOrder) {
  User me = newUser("me");
  User friendly = newUser("friendly");
  User fan = newUser("fan");
  User foe = newUser("foe");
  User hater = newUser("hater");
  follow(me, friendly);
  follow(friendly, me);
  follow(fan, me);
  block(me, foe);
  block(hater, me);
  Id missing = hater.id + 50;
  auto relations = store().relationships(
      me.id, std::vector<Id>{hater.id, missing, friendly.id, foe.id, fan.id, friendly.id, me.id});
  ASSERT_EQ(relations.size(), 7u);
  auto check = [&](std::size_t i, Id id, bool follows, bool followed, bool blocks, bool blocked) {
    SCOPED_TRACE(i);
    EXPECT_EQ(relations[i].userId, id);
    EXPECT_EQ(relations[i].viewerFollows, follows);
    EXPECT_EQ(relations[i].followsViewer, followed);
    EXPECT_EQ(relations[i].viewerBlocks, blocks);
    EXPECT_EQ(relations[i].blocksViewer, blocked);
  };
  check(0, hater.id, false, false, false, true);
  check(1, missing, false, false, false, false);
  check(2, friendly.id, true, true, false, false);
  check(3, foe.id, false, false, true, false);
  check(4, fan.id, false, true, false, false);
  check(5, friendly.id, true, true, false, false);
  check(6, me.id, false, false, false, false);
  EXPECT_TRUE(store().relationships(me.id, {}).empty());
  // An anonymous viewer stands in no relation to anyone.
  auto anonymous = store().relationships(0, std::vector<Id>{friendly.id});
  ASSERT_EQ(anonymous.size(), 1u);
  EXPECT_FALSE(anonymous[0].viewerFollows || anonymous[0].followsViewer ||
               anonymous[0].viewerBlocks || anonymous[0].blocksViewer);
}

// followersAmong gives a set: compare sorted.
std::vector<Id> sorted(std::vector<Id> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST_P(GraphStoreTest, FollowersAmongKeepsOnlyTheCandidatesWhoFollow) {
  User star = newUser("star");
  User fan = newUser("fan");
  User other = newUser("other");
  User stranger = newUser("stranger");
  User followed = newUser("followed");
  follow(fan, star);
  follow(other, star);
  follow(star, followed);  // the other direction does not count
  Id missing = followed.id + 50;
  EXPECT_EQ(sorted(store().followersAmong(
                star.id, std::vector<Id>{stranger.id, fan.id, followed.id, missing, star.id})),
            (std::vector<Id>{fan.id}));
  // Each follower once, however often it is a candidate.
  EXPECT_EQ(
      sorted(store().followersAmong(star.id, std::vector<Id>{other.id, fan.id, other.id, fan.id})),
      sorted({fan.id, other.id}));
  EXPECT_TRUE(store().followersAmong(star.id, {}).empty());
  EXPECT_TRUE(store().followersAmong(stranger.id, std::vector<Id>{fan.id, star.id}).empty());
}

TEST_P(GraphStoreTest, FollowersAmongFollowsUnfollowsAndBlocks) {
  User star = newUser("star");
  User fan = newUser("fan");
  User quitter = newUser("quitter");
  User troll = newUser("troll");
  follow(fan, star);
  follow(quitter, star);
  follow(troll, star);
  ASSERT_EQ(store().unfollow(quitter.id, star.id), GraphResult::Done);
  block(star, troll);  // removes troll's follow
  EXPECT_EQ(store().followersAmong(star.id, std::vector<Id>{fan.id, quitter.id, troll.id}),
            (std::vector<Id>{fan.id}));
}

TEST_P(GraphStoreTest, FollowerIdsListsEveryFollowerOnce) {
  User star = newUser("star");
  User fan = newUser("fan");
  User other = newUser("other");
  User quitter = newUser("quitter");
  User troll = newUser("troll");
  User followed = newUser("followed");
  follow(fan, star);
  follow(other, star);
  follow(quitter, star);
  follow(troll, star);
  follow(star, followed);  // the other direction does not count
  ASSERT_EQ(store().unfollow(quitter.id, star.id), GraphResult::Done);
  block(star, troll);  // removes troll's follow
  EXPECT_EQ(sorted(store().followerIds(star.id)), sorted({fan.id, other.id}));
  EXPECT_EQ(store().followerIds(followed.id), std::vector<Id>{star.id});
  EXPECT_TRUE(store().followerIds(fan.id).empty());
  EXPECT_TRUE(store().followerIds(followed.id + 50).empty());  // no such user
  // As many as the counter says: what LiveEvents relies on to pick the cheaper read.
  EXPECT_EQ(static_cast<std::int64_t>(store().followerIds(star.id).size()),
            reload(star).followerCount);
}

MT_STORE_TEST_SUITE(GraphStoreTest);

}  // namespace
}  // namespace mt::db::testing
