// The Twitter's schema over the real SqlStore, on every test backend: a few whole
// operations through GraphQLEngine::run, and what they cost in SQL statements.
#include <gtest/gtest.h>

#include <memory>

#include "Database.h"
#include "Migrations.h"
#include "SchemaHarness.h"
#include "SqlStore.h"
#include "TestDatabases.h"
#include "TwitterMigrations.h"

namespace mt::twitter::testing {
namespace {

using mt::testing::Backend;

class TwitterSchemaTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (!mt::testing::backendAvailable(GetParam())) {
      if (HasFailure()) FAIL() << "PostgreSQL is required";
      GTEST_SKIP() << "no PostgreSQL for tests (set MINITWITTER_TEST_POSTGRES_URL)";
    }
    scratch_ = std::make_unique<mt::testing::ScratchDatabase>(GetParam());
    database_ = db::openDatabase(scratch_->config());
    db::migrate(*database_, db::twitterMigrations());
    store_ = std::make_unique<db::SqlStore>(*database_);
    TwitterSettings settings;
    settings.passwordCost = PasswordCost::cheap();
    harness_ = std::make_unique<SchemaHarness>(*store_, settings);
  }
  void TearDown() override {
    harness_.reset();
    store_.reset();
    database_.reset();
    scratch_.reset();
  }

  SchemaHarness& harness() { return *harness_; }
  std::uint64_t statements() const { return database_->statementsExecuted(); }

  // Signs up and returns the session token.
  std::string signup(const std::string& username) {
    auto outcome = harness().run(
        "mutation($u: String!) { signup(username: $u, password: \"correct horse\") { token } }",
        "{\"u\": \"" + username + "\"}");
    EXPECT_TRUE(outcome.ok()) << outcome.json();
    return outcome.ok() ? outcome.at("signup.token").asString() : std::string();
  }

  std::string post(const std::string& token, const std::string& text) {
    auto outcome = harness().run("mutation($t: String!) { postTweet(text: $t) { id } }",
                                 "{\"t\": \"" + text + "\"}", token);
    EXPECT_TRUE(outcome.ok()) << outcome.json();
    return outcome.ok() ? outcome.at("postTweet.id").asString() : std::string();
  }

  std::unique_ptr<mt::testing::ScratchDatabase> scratch_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<db::SqlStore> store_;
  std::unique_ptr<SchemaHarness> harness_;
};

TEST_P(TwitterSchemaTest, SignupPostAndReadTheTimeline) {
  const std::string alice = signup("Alice");
  const std::string bob = signup("bob");
  auto follow = harness().run(
      "mutation { follow(username: \"ALICE\") { username followerCount "
      "viewerFollows followsViewer } }",
      {}, bob);
  ASSERT_TRUE(follow.ok()) << follow.json();
  EXPECT_EQ(follow.at("follow.username").asString(), "Alice");
  EXPECT_EQ(follow.at("follow.followerCount").asInt(), 1);
  EXPECT_TRUE(follow.at("follow.viewerFollows").asBool());
  EXPECT_FALSE(follow.at("follow.followsViewer").asBool());

  const std::string id = post(alice, "  Hello #World and #CPP, @Bob!  ");
  auto timeline = harness().run(
      "{ timeline { nodes { id text author { username } hashtags mentions { username } "
      "isReply replyTo { id } } pageInfo { hasNextPage } } }",
      {}, bob);
  ASSERT_TRUE(timeline.ok()) << timeline.json();
  ASSERT_EQ(timeline.at("timeline.nodes").asList().size(), 1u);
  EXPECT_EQ(timeline.at("timeline.nodes.0.id").asString(), id);
  EXPECT_EQ(timeline.at("timeline.nodes.0.text").asString(), "Hello #World and #CPP, @Bob!");
  EXPECT_EQ(timeline.at("timeline.nodes.0.author.username").asString(), "Alice");
  EXPECT_EQ(timeline.at("timeline.nodes.0.hashtags").asList(),
            (api::Value::List{api::Value("world"), api::Value("cpp")}));
  EXPECT_EQ(timeline.at("timeline.nodes.0.mentions.0.username").asString(), "bob");
  EXPECT_FALSE(timeline.at("timeline.nodes.0.isReply").asBool());
  EXPECT_FALSE(timeline.at("timeline.pageInfo.hasNextPage").asBool());

  auto mentions = harness().run("{ mentions { nodes { id } } }", {}, bob);
  ASSERT_TRUE(mentions.ok()) << mentions.json();
  EXPECT_EQ(mentions.at("mentions.nodes.0.id").asString(), id);
  auto tagged = harness().run("{ hashtag(tag: \"#cPp\") { nodes { id } } }");
  ASSERT_TRUE(tagged.ok()) << tagged.json();
  EXPECT_EQ(tagged.at("hashtag.nodes.0.id").asString(), id);
}

TEST_P(TwitterSchemaTest, ATimelinePageIsTwoStatementsWhateverItsLength) {
  const std::string reader = signup("reader");
  for (int i = 0; i < 30; ++i)
    post(reader, "tweet number " + std::to_string(i));
  const std::string query =
      "query($n: Int) { timeline(first: $n) { nodes { id text author { username displayName } "
      "likeCount viewerLiked viewerRetweeted createdAt } pageInfo { endCursor hasNextPage } } }";
  for (int n : {1, 10, 30}) {
    SCOPED_TRACE(n);
    const std::uint64_t before = statements();
    auto outcome = harness().run(query, "{\"n\": " + std::to_string(n) + "}", reader);
    ASSERT_TRUE(outcome.ok()) << outcome.json();
    EXPECT_EQ(outcome.at("timeline.nodes").asList().size(), static_cast<std::size_t>(n));
    EXPECT_EQ(statements() - before, 2u) << "the session lookup and the page";
  }
}

TEST_P(TwitterSchemaTest, PagesFollowEndCursor) {
  const std::string writer = signup("writer");
  for (int i = 0; i < 5; ++i)
    post(writer, "t" + std::to_string(i));
  std::vector<std::string> texts;
  std::string after;
  for (int page = 0; page < 5; ++page) {
    auto outcome = harness().run(
        "query($a: String) { user(username: \"writer\") { tweets(first: 2, after: $a) "
        "{ nodes { text } pageInfo { endCursor hasNextPage } } } }",
        after.empty() ? "{}" : "{\"a\": \"" + after + "\"}");
    ASSERT_TRUE(outcome.ok()) << outcome.json();
    for (const api::Value& node : outcome.at("user.tweets.nodes").asList()) {
      texts.push_back(node.find("text")->asString());
    }
    if (!outcome.at("user.tweets.pageInfo.hasNextPage").asBool()) break;
    after = outcome.at("user.tweets.pageInfo.endCursor").asString();
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"t4", "t3", "t2", "t1", "t0"}));
}

TEST_P(TwitterSchemaTest, ReadsThatNeedALoginAreUnauthenticated) {
  auto outcome = harness().run("{ timeline { nodes { id } } }");
  EXPECT_EQ(outcome.errorCode(), "UNAUTHENTICATED") << outcome.json();
  EXPECT_EQ(outcome.errorMessage(), "log in first");
  auto revoked = harness().run("{ mentions { nodes { id } } }", {},
                               "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  EXPECT_EQ(revoked.errorCode(), "UNAUTHENTICATED");
  EXPECT_EQ(revoked.errorMessage(), "your session has expired or was revoked: log in again");
}

TEST_P(TwitterSchemaTest, LoginAndLogout) {
  signup("carol");
  auto login = harness().run(
      "mutation { login(username: \"CAROL\", password: \"correct horse\") { token user { "
      "username isViewer } } }");
  ASSERT_TRUE(login.ok()) << login.json();
  const std::string token = login.at("login.token").asString();
  EXPECT_TRUE(login.at("login.user.isViewer").asBool());
  EXPECT_EQ(harness().run("{ me { username } }", {}, token).at("me.username").asString(), "carol");

  auto logout = harness().run("mutation { logout }", {}, token);
  EXPECT_TRUE(logout.at("logout").asBool());
  EXPECT_TRUE(harness().run("{ me { username } }", {}, token).at("me").isNull())
      << "the token stops working at once";

  auto wrong =
      harness().run("mutation { login(username: \"carol\", password: \"wrong horse\") { token } }");
  auto unknown = harness().run(
      "mutation { login(username: \"nobody\", password: \"correct horse\") { token } }");
  EXPECT_EQ(wrong.errorCode(), "UNAUTHENTICATED");
  EXPECT_EQ(wrong.errorMessage(), unknown.errorMessage());
}

TEST_P(TwitterSchemaTest, StoreOutcomesBecomeErrorCodes) {
  const std::string dave = signup("dave");
  const std::string erin = signup("erin");
  auto self = harness().run("mutation { follow(username: \"dave\") { id } }", {}, dave);
  EXPECT_EQ(self.errorCode(), "BAD_USER_INPUT") << self.json();
  EXPECT_EQ(self.errorField(), "username");
  auto ghost = harness().run("mutation { follow(username: \"ghost\") { id } }", {}, dave);
  EXPECT_EQ(ghost.errorCode(), "NOT_FOUND");

  ASSERT_TRUE(harness()
                  .run("mutation { block(username: \"erin\") { viewerBlocks } }", {}, dave)
                  .at("block.viewerBlocks")
                  .asBool());
  auto blocked = harness().run("mutation { follow(username: \"dave\") { id } }", {}, erin);
  EXPECT_EQ(blocked.errorCode(), "FORBIDDEN") << blocked.json();

  const std::string tweet = post(dave, "mine");
  auto notYours = harness().run("mutation($id: ID!) { deleteTweet(id: $id) }",
                                "{\"id\": \"" + tweet + "\"}", signup("frank"));
  EXPECT_EQ(notYours.errorCode(), "FORBIDDEN") << notYours.json();
  auto deleted = harness().run("mutation($id: ID!) { deleteTweet(id: $id) }",
                               "{\"id\": \"" + tweet + "\"}", dave);
  ASSERT_TRUE(deleted.ok()) << deleted.json();
  EXPECT_EQ(deleted.at("deleteTweet").asString(), tweet);
  auto replyToNothing =
      harness().run("mutation($id: ID!) { postTweet(text: \"hello?\", replyTo: $id) { id } }",
                    "{\"id\": \"" + tweet + "\"}", dave);
  EXPECT_EQ(replyToNothing.errorCode(), "NOT_FOUND") << replyToNothing.json();
}

TEST_P(TwitterSchemaTest, LikesRetweetsAndThreads) {
  const std::string gina = signup("gina");
  const std::string root = post(gina, "root");
  auto reply = harness().run(
      "mutation($id: ID!) { postTweet(text: \"a reply\", replyTo: $id) { id isReply "
      "replyTo { id } ancestors { id } } }",
      "{\"id\": \"" + root + "\"}", gina);
  ASSERT_TRUE(reply.ok()) << reply.json();
  EXPECT_EQ(reply.at("postTweet.replyTo.id").asString(), root);
  EXPECT_EQ(reply.at("postTweet.ancestors.0.id").asString(), root);

  auto like = harness().run("mutation($id: ID!) { like(id: $id) { likeCount viewerLiked } }",
                            "{\"id\": \"" + root + "\"}", gina);
  ASSERT_TRUE(like.ok()) << like.json();
  EXPECT_EQ(like.at("like.likeCount").asInt(), 1);
  EXPECT_TRUE(like.at("like.viewerLiked").asBool());
  auto again = harness().run("mutation($id: ID!) { like(id: $id) { likeCount } }",
                             "{\"id\": \"" + root + "\"}", gina);
  EXPECT_EQ(again.at("like.likeCount").asInt(), 1) << "liking twice changes nothing";

  auto retweet =
      harness().run("mutation($id: ID!) { retweet(id: $id) { id retweetCount viewerRetweeted } }",
                    "{\"id\": \"" + root + "\"}", gina);
  ASSERT_TRUE(retweet.ok()) << retweet.json();
  EXPECT_EQ(retweet.at("retweet.id").asString(), root) << "the original";
  EXPECT_EQ(retweet.at("retweet.retweetCount").asInt(), 1);
  auto tweets = harness().run(
      "{ user(username: \"gina\") { tweetCount tweets { nodes { text retweetOf { id } } } } }");
  ASSERT_TRUE(tweets.ok()) << tweets.json();
  EXPECT_EQ(tweets.at("user.tweets.nodes.0.text").asString(), "");
  EXPECT_EQ(tweets.at("user.tweets.nodes.0.retweetOf.id").asString(), root);

  auto replies =
      harness().run("query($id: ID!) { tweet(id: $id) { replyCount replies { nodes { text } } } }",
                    "{\"id\": \"" + root + "\"}");
  ASSERT_TRUE(replies.ok()) << replies.json();
  EXPECT_EQ(replies.at("tweet.replyCount").asInt(), 1);
  EXPECT_EQ(replies.at("tweet.replies.nodes.0.text").asString(), "a reply");
}

TEST_P(TwitterSchemaTest, RelationshipFlagsCostOneStatementPerLevel) {
  const std::string viewer = signup("viewer");
  for (const char* name : {"ann", "ben", "cat"}) {
    const std::string token = signup(name);
    post(token, std::string("hi from ") + name);
    harness().run("mutation($u: String!) { follow(username: $u) { id } }",
                  std::string("{\"u\": \"") + name + "\"}", viewer);
  }
  const std::string query =
      "{ timeline { nodes { author { viewerFollows followsViewer viewerBlocks blocksViewer } } } }";
  const std::uint64_t before = statements();
  auto outcome = harness().run(query, {}, viewer);
  ASSERT_TRUE(outcome.ok()) << outcome.json();
  EXPECT_EQ(outcome.at("timeline.nodes").asList().size(), 3u);
  EXPECT_TRUE(outcome.at("timeline.nodes.0.author.viewerFollows").asBool());
  EXPECT_EQ(statements() - before, 3u) << "session, page, relationships";
}

std::string backendTestName(const ::testing::TestParamInfo<Backend>& param) {
  return mt::testing::backendName(param.param);
}

INSTANTIATE_TEST_SUITE_P(Backends, TwitterSchemaTest,
                         ::testing::ValuesIn(mt::testing::testBackends()), backendTestName);

}  // namespace
}  // namespace mt::twitter::testing
