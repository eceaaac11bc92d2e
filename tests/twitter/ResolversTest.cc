// The resolvers over an in-memory store: what each operation asks of the store, the
// errors it gives, sessions and cookies. No database: see TwitterSchemaTest for that.
#include <gtest/gtest.h>

#include "Cursors.h"
#include "DatabaseError.h"
#include "FakeStore.h"
#include "SchemaHarness.h"
#include "Sessions.h"

namespace mt::twitter::testing {
namespace {

constexpr std::string_view kPassword = "correct horse battery";

TwitterSettings cheapSettings() {
  TwitterSettings settings;
  settings.passwordCost = PasswordCost::cheap();
  return settings;
}

class ResolversTest : public ::testing::Test {
 protected:
  FakeStore store;
  SchemaHarness harness{store, cheapSettings()};

  // A user with a session; returns its token.
  std::string loggedIn(const std::string& username) {
    db::User& user = store.addUser(username);
    std::string token = newSessionToken();
    store.sessions[sessionTokenHash(token)] = {user.id, std::int64_t{1} << 50};
    return token;
  }

  db::Tweet& addTweet(db::Id id, db::Id authorId, std::string text) {
    db::Tweet tweet;
    tweet.id = id;
    tweet.authorId = authorId;
    tweet.author = store.users.at(authorId - 1);
    tweet.text = std::move(text);
    tweet.createdAt = 1'700'000'000'000 + id;
    tweet.conversationId = id;
    // Newest first, as the store lists them.
    auto at = std::find_if(store.tweets.begin(), store.tweets.end(),
                           [id](const db::Tweet& other) { return other.id < id; });
    return *store.tweets.insert(at, tweet);
  }
};

TEST_F(ResolversTest, OperationalFieldsNeedNoStore) {
  auto outcome = harness.run("{ version serverTime echo(message: \"hi\") }");
  ASSERT_TRUE(outcome.ok()) << outcome.json();
  EXPECT_EQ(outcome.at("version").asString().rfind("minitwitter ", 0), 0u);
  EXPECT_EQ(outcome.at("serverTime").asString().size(), 24u) << outcome.json();
  EXPECT_EQ(outcome.at("echo").asString(), "hi");
  auto mutation = harness.run("mutation { echo(message: \"m\") }");
  EXPECT_EQ(mutation.at("echo").asString(), "m");
  EXPECT_EQ(store.totalCalls(), 0);
}

TEST_F(ResolversTest, TimelineWithoutASessionIsUnauthenticated) {
  auto anonymous = harness.run("{ timeline { nodes { id } } }");
  EXPECT_EQ(anonymous.errorCode(), "UNAUTHENTICATED") << anonymous.json();
  EXPECT_EQ(anonymous.errorMessage(), "log in first");
  EXPECT_EQ(store.totalCalls(), 0) << "no token: nothing to look up";

  auto malformed = harness.run("{ timeline { nodes { id } } }", {}, "not-a-token");
  EXPECT_EQ(malformed.errorCode(), "UNAUTHENTICATED");
  EXPECT_EQ(malformed.errorMessage(), "your session has expired or was revoked: log in again");
  EXPECT_EQ(store.totalCalls(), 0) << "a token of the wrong shape is not looked up";

  auto unknown = harness.run("{ timeline { nodes { id } } }", {}, newSessionToken());
  EXPECT_EQ(unknown.errorCode(), "UNAUTHENTICATED");
  EXPECT_EQ(store.calls["sessionUser"], 1);
  EXPECT_TRUE(unknown.result.data->isNull()) << "timeline is non-null: data becomes null";
}

TEST_F(ResolversTest, ExpiredSessionsAreRefused) {
  db::User& user = store.addUser("sleepy");
  std::string token = newSessionToken();
  store.sessions[sessionTokenHash(token)] = {user.id, 1};  // long ago
  auto outcome = harness.run("{ me { id } timeline { nodes { id } } }", {}, token);
  EXPECT_EQ(outcome.errorCode(), "UNAUTHENTICATED");
  EXPECT_EQ(store.calls["sessionUser"], 1) << "looked up once per request";
}

TEST_F(ResolversTest, SignupCreatesTheUserAndASession) {
  auto outcome = harness.run(
      "mutation($u: String!, $p: String!) { signup(username: $u, password: $p) "
      "{ token expiresAt user { id username displayName isViewer } } }",
      R"({"u": "Ada_L", "p": "correct horse battery"})");
  ASSERT_TRUE(outcome.ok()) << outcome.json();
  const std::string token = outcome.at("signup.token").asString();
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(outcome.at("signup.user.username").asString(), "Ada_L");
  EXPECT_EQ(outcome.at("signup.user.displayName").asString(), "Ada_L") << "the default";
  EXPECT_EQ(outcome.at("signup.user.isViewer").asBool(), true);
  EXPECT_EQ(outcome.at("signup.user.id").asString(), "1");

  ASSERT_EQ(store.sessions.size(), 1u);
  EXPECT_EQ(store.sessions.begin()->first, sessionTokenHash(token)) << "only the hash is stored";
  EXPECT_EQ(store.passwordHashes[1].rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(store.calls["sessionUser"], 0) << "the new session is the request's viewer";

  ASSERT_EQ(outcome.context->setCookies().size(), 1u);
  EXPECT_EQ(outcome.context->setCookies()[0],
            "minitwitter_session=" + token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000");
}

TEST_F(ResolversTest, SignupRefusesBadInputBeforeTouchingTheStore) {
  struct Case {
    const char* variables;
    const char* field;
  };
  for (const Case& c : {Case{R"({"u": "ab", "p": "long enough"})", "username"},
                        Case{R"({"u": "admin", "p": "long enough"})", "username"},
                        Case{R"({"u": "carol", "p": "short"})", "password"},
                        Case{R"({"u": "carol", "p": "CAROL"})", "password"},
                        Case{R"({"u": "carol", "p": "long enough", "d": ""})", "displayName"}}) {
    SCOPED_TRACE(c.variables);
    auto outcome = harness.run(
        "mutation($u: String!, $p: String!, $d: String) { signup(username: $u, password: $p, "
        "displayName: $d) { token } }",
        c.variables);
    EXPECT_EQ(outcome.errorCode(), "BAD_USER_INPUT") << outcome.json();
    EXPECT_EQ(outcome.errorField(), c.field);
  }
  EXPECT_EQ(store.totalCalls(), 0);
}

TEST_F(ResolversTest, ATakenUsernameIsAConflictWithoutHashing) {
  store.addUser("bob");
  auto outcome =
      harness.run("mutation { signup(username: \"BOB\", password: \"long enough\") { token } }");
  EXPECT_EQ(outcome.errorCode(), "CONFLICT");
  EXPECT_EQ(outcome.errorField(), "username");
  EXPECT_EQ(outcome.errorMessage(), "username 'BOB' is taken: choose another");
  EXPECT_EQ(store.calls["createUser"], 0);
}

TEST_F(ResolversTest, LoginAnswersAlikeForAnUnknownUserAndAWrongPassword) {
  ASSERT_TRUE(
      harness
          .run("mutation($p: String!) { signup(username: \"dora\", password: $p) { token } }",
               R"({"p": "correct horse battery"})")
          .ok());
  const std::string login =
      "mutation($u: String!, $p: String!) { login(username: $u, password: $p) "
      "{ token user { username isViewer } } }";

  auto good = harness.run(login, R"({"u": "DORA", "p": "correct horse battery"})");
  ASSERT_TRUE(good.ok()) << good.json();
  EXPECT_EQ(good.at("login.user.username").asString(), "dora");
  EXPECT_EQ(good.at("login.user.isViewer").asBool(), true);
  EXPECT_EQ(good.context->setCookies().size(), 1u);

  auto wrongPassword = harness.run(login, R"({"u": "dora", "p": "wrong horse battery"})");
  auto unknownUser = harness.run(login, R"({"u": "nobody", "p": "correct horse battery"})");
  auto invalidName = harness.run(login, R"({"u": "no body!", "p": "correct horse battery"})");
  for (const auto* outcome : {&wrongPassword, &unknownUser, &invalidName}) {
    EXPECT_EQ(outcome->errorCode(), "UNAUTHENTICATED") << outcome->json();
    EXPECT_EQ(outcome->errorMessage(), "wrong username or password");
    EXPECT_TRUE(outcome->context->setCookies().empty());
  }
  EXPECT_EQ(store.sessions.size(), 2u) << "signup's and the good login's";
}

TEST_F(ResolversTest, LogoutDeletesTheSessionAndExpiresTheCookie) {
  const std::string token = loggedIn("eve");
  auto outcome = harness.run("mutation { logout }", {}, token);
  ASSERT_TRUE(outcome.ok()) << outcome.json();
  EXPECT_EQ(outcome.at("logout").asBool(), true);
  EXPECT_TRUE(store.sessions.empty());
  ASSERT_EQ(outcome.context->setCookies().size(), 1u);
  EXPECT_EQ(outcome.context->setCookies()[0],
            "minitwitter_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");

  auto again = harness.run("mutation { logout }", {}, token);
  EXPECT_EQ(again.at("logout").asBool(), false);
  auto anonymous = harness.run("mutation { logout }");
  EXPECT_EQ(anonymous.at("logout").asBool(), false);
  EXPECT_EQ(anonymous.context->setCookies().size(), 1u) << "the cookie is cleared anyway";
}

TEST_F(ResolversTest, MeIsTheViewerOrNull) {
  EXPECT_TRUE(harness.run("{ me { id } }").at("me").isNull());
  const std::string token = loggedIn("frank");
  auto outcome = harness.run("{ me { username isViewer } }", {}, token);
  EXPECT_EQ(outcome.at("me.username").asString(), "frank");
  EXPECT_EQ(outcome.at("me.isViewer").asBool(), true);
}

// The acceptance rule: a page of the timeline costs the session lookup and the page,
// whatever its length.
TEST_F(ResolversTest, TimelineCostsTheSameWhateverThePageSize) {
  const std::string token = loggedIn("reader");
  store.addUser("writer");
  for (db::Id id = 1; id <= 60; ++id)
    addTweet(id, 1 + id % 2, "tweet " + std::to_string(id));
  const std::string query =
      "query($n: Int) { timeline(first: $n) { nodes { id text author { username displayName } "
      "likeCount viewerLiked viewerRetweeted createdAt } pageInfo { endCursor hasNextPage } } }";
  for (int n : {1, 5, 50}) {
    SCOPED_TRACE(n);
    store.calls.clear();
    auto outcome = harness.run(query, "{\"n\": " + std::to_string(n) + "}", token);
    ASSERT_TRUE(outcome.ok()) << outcome.json();
    EXPECT_EQ(outcome.at("timeline.nodes").asList().size(), static_cast<std::size_t>(n));
    EXPECT_EQ(store.calls, (std::map<std::string, int>{{"sessionUser", 1}, {"timeline", 1}}));
  }
}

TEST_F(ResolversTest, TimelinePagesFollowTheirCursors) {
  const std::string token = loggedIn("pager");
  for (db::Id id = 1; id <= 5; ++id)
    addTweet(id, 1, "t" + std::to_string(id));
  const std::string query =
      "query($a: String) { timeline(first: 2, after: $a) { nodes { id } "
      "pageInfo { endCursor hasNextPage } } }";
  std::vector<std::string> seen;
  api::Value after;
  for (int page = 0; page < 4; ++page) {
    std::string variables = after.isNull() ? "{}" : "{\"a\": \"" + after.asString() + "\"}";
    auto outcome = harness.run(query, variables, token);
    ASSERT_TRUE(outcome.ok()) << outcome.json();
    for (const api::Value& node : outcome.at("timeline.nodes").asList()) {
      seen.push_back(node.find("id")->asString());
    }
    after = outcome.at("timeline.pageInfo.endCursor");
    if (!outcome.at("timeline.pageInfo.hasNextPage").asBool()) break;
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"5", "4", "3", "2", "1"}));
  EXPECT_EQ(after.asString(), encodeCursor(CursorKind::Tweet, 1));

  auto empty =
      harness.run("{ timeline(first: 0) { nodes { id } pageInfo { endCursor } } }", {}, token);
  EXPECT_TRUE(empty.at("timeline.pageInfo.endCursor").isNull()) << empty.json();
}

TEST_F(ResolversTest, PageArgumentsOutOfRangeAreBadInput) {
  const std::string token = loggedIn("ranger");
  for (int first : {-1, 101}) {
    auto outcome = harness.run("query($n: Int) { timeline(first: $n) { nodes { id } } }",
                               "{\"n\": " + std::to_string(first) + "}", token);
    EXPECT_EQ(outcome.errorCode(), "BAD_USER_INPUT");
    EXPECT_EQ(outcome.errorField(), "first");
  }
  for (const char* after : {"garbage", "", "ZjoxMg" /* f:12, a follow cursor */}) {
    auto outcome = harness.run("query($a: String) { timeline(after: $a) { nodes { id } } }",
                               std::string("{\"a\": \"") + after + "\"}", token);
    EXPECT_EQ(outcome.errorCode(), "BAD_USER_INPUT") << after;
    EXPECT_EQ(outcome.errorField(), "after");
  }
  EXPECT_EQ(store.calls["timeline"], 0);
}

TEST_F(ResolversTest, RelationshipFlagsAreOneStoreCallPerLevel) {
  const std::string token = loggedIn("viewer");  // id 1
  store.addUser("followed");                     // id 2
  store.addUser("follower");                     // id 3
  store.addUser("blocked");                      // id 4
  store.relations = {{2, true, false, false, false},
                     {3, false, true, false, false},
                     {4, false, false, true, false}};
  for (db::Id author : {1, 2, 3, 4, 2})
    addTweet(static_cast<db::Id>(store.tweets.size()) + 1, author, "x");
  auto outcome = harness.run(
      "{ timeline { nodes { author { username isViewer viewerFollows followsViewer viewerBlocks "
      "blocksViewer } } } }",
      {}, token);
  ASSERT_TRUE(outcome.ok()) << outcome.json();
  EXPECT_EQ(store.calls["relationships"], 1);
  const api::Value::List& nodes = outcome.at("timeline.nodes").asList();
  ASSERT_EQ(nodes.size(), 5u);
  auto flag = [&](std::size_t i, const char* name) {
    return nodes[i].find("author")->find(name)->asBool();
  };
  // Newest first: authors 2, 4, 3, 2, 1.
  EXPECT_TRUE(flag(0, "viewerFollows"));
  EXPECT_TRUE(flag(1, "viewerBlocks"));
  EXPECT_TRUE(flag(2, "followsViewer"));
  EXPECT_FALSE(flag(2, "viewerFollows"));
  EXPECT_TRUE(flag(4, "isViewer"));
  EXPECT_FALSE(flag(4, "viewerFollows"));
}

TEST_F(ResolversTest, AnonymousReadersHaveNoRelationships) {
  store.addUser("public");
  auto outcome = harness.run(
      "{ user(username: \"PUBLIC\") { username isViewer viewerFollows blocksViewer } }");
  ASSERT_TRUE(outcome.ok()) << outcome.json();
  EXPECT_EQ(outcome.at("user.username").asString(), "public");
  EXPECT_FALSE(outcome.at("user.viewerFollows").asBool());
  EXPECT_EQ(store.calls, (std::map<std::string, int>{{"userByUsername", 1}}));
  EXPECT_TRUE(harness.run("{ user(username: \"no such name!\") { id } }").at("user").isNull());
}

TEST_F(ResolversTest, HashtagsAndMentionsAreReadOncePerPage) {
  const std::string token = loggedIn("tagger");
  store.addUser("mentioned");
  for (db::Id id = 1; id <= 10; ++id) {
    addTweet(id, 1, "#tag" + std::to_string(id) + " @mentioned");
    store.tags[id] = {"tag" + std::to_string(id)};
    store.mentioned[id] = {2};
  }
  store.calls.clear();
  auto outcome =
      harness.run("{ timeline { nodes { id hashtags mentions { username } } } }", {}, token);
  ASSERT_TRUE(outcome.ok()) << outcome.json();
  EXPECT_EQ(outcome.at("timeline.nodes.0.hashtags.0").asString(), "tag10");
  EXPECT_EQ(outcome.at("timeline.nodes.9.mentions.0.username").asString(), "mentioned");
  EXPECT_EQ(store.calls, (std::map<std::string, int>{{"sessionUser", 1},
                                                     {"timeline", 1},
                                                     {"hashtagsOf", 1},
                                                     {"mentionsOf", 1},
                                                     {"usersByIds", 1}}));
}

TEST_F(ResolversTest, RepliesAndRetweetsResolveTheirTargetsInOneCall) {
  const std::string token = loggedIn("threader");
  addTweet(1, 1, "root");
  addTweet(2, 1, "reply").replyToId = 1;
  db::Tweet& retweet = addTweet(3, 1, "");
  retweet.retweetOfId = 1;
  addTweet(4, 1, "reply to a deleted tweet").replyToId = 99;
  store.calls.clear();
  auto outcome = harness.run(
      "{ timeline { nodes { id isReply replyTo { id text } retweetOf { id } } } }", {}, token);
  ASSERT_TRUE(outcome.ok()) << outcome.json();
  EXPECT_EQ(store.calls["tweetsByIds"], 2) << "one for replyTo, one for retweetOf";
  EXPECT_TRUE(outcome.at("timeline.nodes.0.isReply").asBool());
  EXPECT_TRUE(outcome.at("timeline.nodes.0.replyTo").isNull()) << "gone";
  EXPECT_EQ(outcome.at("timeline.nodes.1.retweetOf.id").asString(), "1");
  EXPECT_EQ(outcome.at("timeline.nodes.2.replyTo.text").asString(), "root");
  EXPECT_FALSE(outcome.at("timeline.nodes.3.isReply").asBool());
}

TEST_F(ResolversTest, IdArgumentsMustBePositiveIntegers) {
  for (const char* bad : {"abc", "0", "-1", "1.5", "99999999999999999999"}) {
    auto outcome = harness.run("query($id: ID!) { tweet(id: $id) { id } }",
                               std::string("{\"id\": \"") + bad + "\"}");
    EXPECT_EQ(outcome.errorCode(), "BAD_USER_INPUT") << bad;
    EXPECT_EQ(outcome.errorField(), "id");
  }
  EXPECT_EQ(store.totalCalls(), 0);
}

TEST_F(ResolversTest, AnUnreachableDatabaseIsDatabaseUnavailable) {
  const std::string token = loggedIn("unlucky");
  store.failure = [] { throw db::DatabaseUnavailable("connection refused to 10.0.0.1"); };
  auto outcome = harness.run("{ timeline { nodes { id } } }", {}, token);
  EXPECT_EQ(outcome.errorCode(), "DATABASE_UNAVAILABLE") << outcome.json();
  EXPECT_EQ(outcome.errorMessage(), "the database is unavailable: try again in a moment");
}

TEST_F(ResolversTest, OtherDatabaseErrorsAreInternalAndSayNothingMore) {
  store.addUser("someone");
  store.failure = [] { throw db::DatabaseError("syntax error near SELECT secret"); };
  auto outcome = harness.run("{ user(username: \"someone\") { id } }");
  EXPECT_EQ(outcome.errorCode(), "INTERNAL") << outcome.json();
  EXPECT_EQ(outcome.json().find("secret"), std::string::npos);
  EXPECT_EQ(outcome.json().find("SELECT"), std::string::npos);
}

TEST_F(ResolversTest, MutationsNeedALogin) {
  for (const char* mutation :
       {"mutation { updateProfile(bio: \"x\") { id } }",
        "mutation { follow(username: \"bob\") { id } }",
        "mutation { postTweet(text: \"hi\") { id } }", "mutation { like(id: \"1\") { id } }",
        "mutation { deleteTweet(id: \"1\") }"}) {
    SCOPED_TRACE(mutation);
    auto outcome = harness.run(mutation);
    EXPECT_EQ(outcome.errorCode(), "UNAUTHENTICATED") << outcome.json();
  }
  EXPECT_EQ(store.totalCalls(), 0);
}

TEST_F(ResolversTest, PostTweetChecksTheTextFirst) {
  const std::string token = loggedIn("poster");
  auto tooLong = harness.run("mutation($t: String!) { postTweet(text: $t) { id } }",
                             "{\"t\": \"" + std::string(290, 'x') + "\"}", token);
  EXPECT_EQ(tooLong.errorCode(), "BAD_USER_INPUT");
  EXPECT_EQ(tooLong.errorField(), "text");
  EXPECT_EQ(tooLong.errorMessage(), "tweet is 290 characters long; the limit is 280");
  auto badReply =
      harness.run("mutation { postTweet(text: \"hi\", replyTo: \"x\") { id } }", {}, token);
  EXPECT_EQ(badReply.errorField(), "replyTo");
  EXPECT_EQ(store.calls["postTweet"], 0);
}

TEST_F(ResolversTest, HashtagQueriesRefuseWhatIsNoTag) {
  auto outcome = harness.run("{ hashtag(tag: \"two words\") { nodes { id } } }");
  EXPECT_EQ(outcome.errorCode(), "BAD_USER_INPUT");
  EXPECT_EQ(outcome.errorField(), "tag");
}

}  // namespace
}  // namespace mt::twitter::testing
