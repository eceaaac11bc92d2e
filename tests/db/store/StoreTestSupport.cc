#include "StoreTestSupport.h"

#include "Migrations.h"
#include "TwitterMigrations.h"

namespace mt::db::testing {

void StoreTest::SetUp() {
  if (!mt::testing::backendAvailable(GetParam())) {
    GTEST_SKIP() << mt::testing::backendName(GetParam()) << " is not available";
  }
  scratch_ = std::make_unique<mt::testing::ScratchDatabase>(GetParam());
  database_ = openDatabase(scratch_->config());
  migrate(*database_, twitterMigrations());
  store_ = std::make_unique<SqlStore>(*database_);
}

void StoreTest::TearDown() {
  // The store before the database, the database (its connections) before its folder or
  // schema is dropped.
  store_.reset();
  database_.reset();
  scratch_.reset();
}

User StoreTest::newUser(const std::string& username) {
  User user;
  EXPECT_EQ(store().createUser(username, username, "hash-of-" + username, now(), &user),
            Store::CreateUserResult::Created)
      << username;
  return user;
}

User StoreTest::reload(const User& user) {
  auto found = store().usersByIds(std::vector<Id>{user.id});
  EXPECT_TRUE(found.size() == 1 && found[0].has_value()) << user.username;
  return found.size() == 1 && found[0] ? *found[0] : User{};
}

Tweet StoreTest::post(const User& author, const std::string& text,
                      std::vector<std::string> hashtags, std::vector<std::string> mentions,
                      std::optional<Id> replyTo) {
  Store::NewTweet tweet{author.id, text, replyTo, std::move(hashtags), std::move(mentions)};
  Tweet posted;
  EXPECT_EQ(store().postTweet(tweet, now(), &posted), Store::PostResult::Posted) << text;
  return posted;
}

Tweet StoreTest::reply(const User& author, const Tweet& to, const std::string& text) {
  return post(author, text, {}, {}, to.id);
}

std::optional<Tweet> StoreTest::seen(Id viewer, Id tweetId) {
  auto found = store().tweetsByIds(viewer, std::vector<Id>{tweetId});
  EXPECT_EQ(found.size(), 1u);
  return found.empty() ? std::nullopt : found[0];
}

void StoreTest::follow(const User& follower, const User& followee) {
  EXPECT_EQ(store().follow(follower.id, followee.id, now()), Store::GraphResult::Done)
      << follower.username << " -> " << followee.username;
}

void StoreTest::block(const User& blocker, const User& blocked) {
  EXPECT_EQ(store().block(blocker.id, blocked.id, now()), Store::GraphResult::Done)
      << blocker.username << " blocks " << blocked.username;
}

PageRequest pageOf(int limit, std::optional<Id> before) {
  PageRequest request;
  request.before = before;
  request.limit = limit;
  return request;
}

std::vector<Id> idsOf(const Page<Tweet>& page) {
  return idsOf(page.items);
}

std::vector<Id> idsOf(const std::vector<Tweet>& tweets) {
  std::vector<Id> ids;
  for (const Tweet& tweet : tweets)
    ids.push_back(tweet.id);
  return ids;
}

std::vector<Id> userIdsOf(const Page<UserEdge>& page) {
  std::vector<Id> ids;
  for (const UserEdge& edge : page.items)
    ids.push_back(edge.user.id);
  return ids;
}

std::string backendTestName(const ::testing::TestParamInfo<mt::testing::Backend>& info) {
  return mt::testing::backendName(info.param);
}

}  // namespace mt::db::testing
