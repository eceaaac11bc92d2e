// Who may do what, through the real server: missing, forged, revoked and expired
// tokens; one user acting on another's things; and text built to break SQL, which
// must be stored and returned as written while the database stays whole.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "TwitterApiFixture.h"

namespace mt::testing {
namespace {

using nlohmann::json;

// Text that would change a statement if it were ever pasted into SQL, plus quoting
// and escaping traps for the JSON and GraphQL layers on the way.
const std::vector<std::string>& hostileTexts() {
  static const std::vector<std::string> texts = {
      "'; DROP TABLE users; --",
      "\" OR 1=1 --",
      "' OR '1'='1",
      "Robert'); DROP TABLE tweets;--",
      "\\'; DROP TABLE sessions; --",
      "back\\slash \\\\ \\n \\0 \\x00",
      "100% _wild_ %% [a-z] *",
      "$1 $$dollar$$ ? :name @param",
      "'||(SELECT version())||'",
      "<script>alert(1)</script> &amp; {{7*7}}",
      "\xe2\x80\xae right-to-left \xf0\x9f\x98\x80 \xef\xbb\xbf",
  };
  return texts;
}

// Control characters other than NUL: each field either keeps them or refuses them
// as bad input naming itself; nothing else is acceptable.
const std::string kControlCharacters = "bell\x07 esc\x1b[31m tab\t newline\n cr\r unit\x1f del\x7f";

class TwitterSecurityTest : public TwitterApiFixture {
 protected:
  // Every field that needs a login, with arguments that would otherwise succeed.
  std::vector<std::pair<std::string, json>> loginOnlyCalls(const std::string& username,
                                                           const std::string& tweetId) {
    json u = {{"u", username}};
    json id = {{"id", tweetId}};
    return {
        {"mutation { updateProfile(bio: \"x\") { id } }", json::object()},
        {"mutation($u: String!) { follow(username: $u) { id } }", u},
        {"mutation($u: String!) { unfollow(username: $u) { id } }", u},
        {"mutation($u: String!) { block(username: $u) { id } }", u},
        {"mutation($u: String!) { unblock(username: $u) { id } }", u},
        {"mutation { postTweet(text: \"hello\") { id } }", json::object()},
        {"mutation($id: ID!) { postTweet(text: \"reply\", replyTo: $id) { id } }", id},
        {"mutation($id: ID!) { retweet(id: $id) { id } }", id},
        {"mutation($id: ID!) { unretweet(id: $id) { id } }", id},
        {"mutation($id: ID!) { like(id: $id) { id } }", id},
        {"mutation($id: ID!) { unlike(id: $id) { id } }", id},
        {"mutation($id: ID!) { deleteTweet(id: $id) }", id},
        {"{ timeline { nodes { id } } }", json::object()},
        {"{ mentions { nodes { id } } }", json::object()},
    };
  }

  // Nothing about `victim` or their tweet changed.
  void expectUntouched(const TwitterAccount& victim, const std::string& tweetId) {
    json data = mustRun(
        "query($u: String!, $id: ID!) { user(username: $u) { bio tweetCount followerCount "
        "followingCount } tweet(id: $id) { likeCount retweetCount replyCount } }",
        {{"u", victim.username}, {"id", tweetId}});
    EXPECT_EQ(data["user"]["bio"], "");
    EXPECT_EQ(data["user"]["tweetCount"], 1);
    EXPECT_EQ(data["user"]["followerCount"], 0);
    EXPECT_EQ(data["user"]["followingCount"], 0);
    EXPECT_EQ(data["tweet"]["likeCount"], 0);
    EXPECT_EQ(data["tweet"]["retweetCount"], 0);
    EXPECT_EQ(data["tweet"]["replyCount"], 0);
  }
};

TEST_P(TwitterSecurityTest, EveryPrivateFieldNeedsALogin) {
  TwitterAccount victim = api().newAccount("victim");
  std::string tweetId = api().postTweet(victim, "mine");
  for (const auto& [query, variables] : loginOnlyCalls(victim.username, tweetId)) {
    SCOPED_TRACE(query);
    EXPECT_TRUE(isGraphQLError(run(query, variables), "UNAUTHENTICATED"));
  }
  expectUntouched(victim, tweetId);
}

TEST_P(TwitterSecurityTest, ForgedTokensAuthenticateNoOne) {
  TwitterAccount victim = api().newAccount("forged");
  std::string tweetId = api().postTweet(victim, "mine");
  std::string flipped = victim.token;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  std::vector<std::string> forgeries = {
      flipped,
      victim.token + "A",
      victim.token.substr(0, victim.token.size() - 1),
      std::string(victim.token.size(), 'A'),
      "x",
      "' OR 1=1 --",
      "'; DELETE FROM sessions; --",
      victim.id,
      victim.username,
      repeated("A", 4000),
  };
  for (const std::string& token : forgeries) {
    SCOPED_TRACE(token.substr(0, 40));
    GraphQLResponse me = run("{ me { id } }", json::object(), token);
    EXPECT_FALSE(me.data().is_null()) << me.describe();
    EXPECT_TRUE(me.data()["me"].is_null()) << me.describe();
    for (const auto& [query, variables] : loginOnlyCalls(victim.username, tweetId)) {
      SCOPED_TRACE(query);
      EXPECT_TRUE(isGraphQLError(run(query, variables, token), "UNAUTHENTICATED"));
    }
    GraphQLResponse asCookie = api().client().execute(
        "{ me { id } }", json::object(), GraphQLAuth{"", "minitwitter_session=" + token, ""});
    EXPECT_TRUE(asCookie.data()["me"].is_null()) << asCookie.describe();
  }
  expectUntouched(victim, tweetId);
  EXPECT_EQ(mustRun("{ me { id } }", {}, victim.token)["me"]["id"], victim.id)
      << "the real token still works";
}

TEST_P(TwitterSecurityTest, OtherAuthorizationSchemesAreNotTokens) {
  TwitterAccount account = api().newAccount("scheme");
  for (const std::string& header :
       {"Authorization: Basic " + account.token + "\r\n", std::string("Authorization: Bearer\r\n"),
        "Authorization: " + account.token + "\r\n"}) {
    SCOPED_TRACE(header);
    GraphQLResponse me =
        api().client().execute("{ me { id } }", json::object(), GraphQLAuth{"", "", header});
    ASSERT_EQ(me.status(), 200) << me.describe();
    EXPECT_TRUE(me.data()["me"].is_null()) << me.describe();
  }
}

// A GET (which a page on another site can make a browser send, cookie and all) may
// read as the cookie's user but never change anything.
TEST_P(TwitterSecurityTest, TheCookieReadsOverGetButNeverWrites) {
  TwitterAccount account = api().newAccount("getter");
  std::string cookie = "Cookie: minitwitter_session=" + account.token + "\r\n";
  RawHttpClient client(server().port());
  WireResponse me = client.request(
      "GET /api?query=%7B%20me%20%7B%20username%20%7D%20%7D HTTP/1.1\r\n"
      "Host: t\r\n" +
      cookie + "\r\n");
  EXPECT_EQ(me.status, 200) << me.body;
  EXPECT_NE(me.body.find("\"username\":\"" + account.username + "\""), std::string::npos)
      << me.body;
  for (const std::string& mutation :
       {std::string("mutation%20%7B%20logout%20%7D"),
        std::string("mutation%20%7B%20postTweet(text%3A%20%22csrf%22)%20%7B%20id%20%7D%20%7D")}) {
    std::string request = "GET /api?query=" + mutation;
    request += " HTTP/1.1\r\nHost: t\r\n" + cookie + "\r\n";
    WireResponse refused = client.request(request);
    EXPECT_EQ(refused.status, 405) << refused.body;
  }
  json still = mustRun("query($u: String!) { me { id } user(username: $u) { tweetCount } }",
                       {{"u", account.username}}, account.token);
  EXPECT_EQ(still["me"]["id"], account.id) << "the session survived";
  EXPECT_EQ(still["user"]["tweetCount"], 0);
}

TEST_P(TwitterSecurityTest, ALoggedOutTokenIsDeadEverywhere) {
  TwitterAccount account = api().newAccount("revoked");
  std::string tweetId = api().postTweet(account, "mine");
  mustRun("mutation { logout }", {}, account.token);
  for (const auto& [query, variables] : loginOnlyCalls(account.username, tweetId)) {
    SCOPED_TRACE(query);
    EXPECT_TRUE(isGraphQLError(run(query, variables, account.token), "UNAUTHENTICATED"));
  }
  EXPECT_TRUE(mustRun("{ me { id } }", {}, account.token)["me"].is_null());
}

TEST_P(TwitterSecurityTest, OnlyTheAuthorDeletesATweet) {
  TwitterAccount author = api().newAccount("author");
  TwitterAccount other = api().newAccount("other");
  std::string tweetId = api().postTweet(author, "mine");
  EXPECT_TRUE(isGraphQLError(
      run("mutation($id: ID!) { deleteTweet(id: $id) }", {{"id", tweetId}}, other.token),
      "FORBIDDEN"));
  EXPECT_EQ(
      mustRun("query($id: ID!) { tweet(id: $id) { text } }", {{"id", tweetId}})["tweet"]["text"],
      "mine");
  // Nor someone else's retweet of it.
  api().retweet(other, tweetId);
  json list = mustRun("query($u: String!) { user(username: $u) { tweets { nodes { id } } } }",
                      {{"u", other.username}});
  std::string retweetId = list["user"]["tweets"]["nodes"][0]["id"];
  EXPECT_TRUE(isGraphQLError(
      run("mutation($id: ID!) { deleteTweet(id: $id) }", {{"id", retweetId}}, author.token),
      "FORBIDDEN"));
  EXPECT_EQ(mustRun("query($id: ID!) { tweet(id: $id) { retweetCount } }",
                    {{"id", tweetId}})["tweet"]["retweetCount"],
            1);
}

TEST_P(TwitterSecurityTest, ActionsAndFlagsAreTheViewersOwn) {
  TwitterAccount alice = api().newAccount("alice");
  TwitterAccount bob = api().newAccount("bob");
  TwitterAccount carol = api().newAccount("carol");
  std::string tweetId = api().postTweet(carol, "hello @" + bob.username);
  api().like(bob, tweetId);
  api().retweet(bob, tweetId);
  api().follow(bob, carol.username);

  // Alice undoing what only Bob did changes nothing.
  mustRun("mutation($id: ID!) { unlike(id: $id) { id } }", {{"id", tweetId}}, alice.token);
  mustRun("mutation($id: ID!) { unretweet(id: $id) { id } }", {{"id", tweetId}}, alice.token);
  mustRun("mutation($u: String!) { unfollow(username: $u) { id } }", {{"u", carol.username}},
          alice.token);
  json seenByAlice = mustRun(
      "query($id: ID!, $u: String!) { tweet(id: $id) { likeCount retweetCount viewerLiked "
      "viewerRetweeted } user(username: $u) { followerCount viewerFollows isViewer } me { "
      "username } mentions { nodes { id } } timeline { nodes { id } } }",
      {{"id", tweetId}, {"u", carol.username}}, alice.token);
  EXPECT_EQ(seenByAlice["tweet"]["likeCount"], 1);
  EXPECT_EQ(seenByAlice["tweet"]["retweetCount"], 1);
  EXPECT_EQ(seenByAlice["tweet"]["viewerLiked"], false) << "Bob's like is not Alice's";
  EXPECT_EQ(seenByAlice["tweet"]["viewerRetweeted"], false);
  EXPECT_EQ(seenByAlice["user"]["followerCount"], 1);
  EXPECT_EQ(seenByAlice["user"]["viewerFollows"], false);
  EXPECT_EQ(seenByAlice["user"]["isViewer"], false);
  EXPECT_EQ(seenByAlice["me"]["username"], alice.username);
  EXPECT_TRUE(seenByAlice["mentions"]["nodes"].empty()) << "Bob's mentions are Bob's";
  EXPECT_TRUE(seenByAlice["timeline"]["nodes"].empty()) << "Bob's timeline is Bob's";

  json seenByBob = mustRun(
      "query($id: ID!) { tweet(id: $id) { viewerLiked viewerRetweeted } mentions { nodes { id } "
      "} }",
      {{"id", tweetId}}, bob.token);
  EXPECT_EQ(seenByBob["tweet"]["viewerLiked"], true);
  EXPECT_EQ(seenByBob["tweet"]["viewerRetweeted"], true);
  EXPECT_EQ(seenByBob["mentions"]["nodes"].size(), 1u);

  // updateProfile changes the caller, whoever else is named anywhere.
  mustRun("mutation { updateProfile(bio: \"alice was here\") { id } }", {}, alice.token);
  EXPECT_EQ(mustRun("query($u: String!) { user(username: $u) { bio } }",
                    {{"u", bob.username}})["user"]["bio"],
            "");
}

TEST_P(TwitterSecurityTest, HostileTextIsStoredVerbatimInEveryField) {
  TwitterAccount bystander = api().newAccount("bystander");
  std::string bystanderTweet = api().postTweet(bystander, "still here");
  TwitterAccount author = api().newAccount("hostile");
  for (const std::string& text : hostileTexts()) {
    SCOPED_TRACE(text);
    // Display name at signup (within 50 characters) and in updateProfile, bio, tweet.
    std::string username = uniqueUsername("inj");
    json signup = mustRun(
        "mutation($u: String!, $p: String!, $d: String) { signup(username: $u, password: $p, "
        "displayName: $d) { user { displayName } } }",
        {{"u", username}, {"p", kTestPassword}, {"d", text}});
    EXPECT_EQ(signup["signup"]["user"]["displayName"], text);
    std::string bio = text;
    bio += " / ";
    bio += text;
    json profile = mustRun(
        "mutation($d: String, $b: String) { updateProfile(displayName: $d, bio: $b) { "
        "displayName bio } }",
        {{"d", text}, {"b", bio}}, author.token);
    EXPECT_EQ(profile["updateProfile"]["displayName"], text);
    EXPECT_EQ(profile["updateProfile"]["bio"], bio);
    std::string id = api().postTweet(author, text);
    json readBack = mustRun(
        "query($id: ID!, $u: String!) { tweet(id: $id) { text } user(username: $u) { "
        "displayName bio } }",
        {{"id", id}, {"u", author.username}});
    EXPECT_EQ(readBack["tweet"]["text"], text);
    EXPECT_EQ(readBack["user"]["displayName"], text);
    EXPECT_EQ(readBack["user"]["bio"], bio);
  }
  // The database is whole: everyone and everything is still there.
  EXPECT_EQ(mustRun("query($id: ID!) { tweet(id: $id) { text author { username } } }",
                    {{"id", bystanderTweet}})["tweet"]["author"]["username"],
            bystander.username);
  EXPECT_NO_THROW(api().login(bystander.username));
  EXPECT_EQ(mustRun("query($u: String!) { user(username: $u) { tweetCount } }",
                    {{"u", author.username}})["user"]["tweetCount"],
            static_cast<int>(hostileTexts().size()));
}

TEST_P(TwitterSecurityTest, HostilePasswordsWorkAsPasswordsOnly) {
  for (const std::string& text : hostileTexts()) {
    SCOPED_TRACE(text);
    std::string password = text + " pad";  // at least 8 characters
    std::string username = uniqueUsername("pwinj");
    EXPECT_NO_THROW(api().signup(username, password));
    EXPECT_NO_THROW(api().login(username, password));
    EXPECT_TRUE(isGraphQLError(
        run("mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
            {{"u", username}, {"p", "' OR '1'='1"}}),
        "UNAUTHENTICATED"));
  }
}

TEST_P(TwitterSecurityTest, HostileUsernamesFindNoOne) {
  TwitterAccount bystander = api().newAccount("target");
  std::string tweetId = api().postTweet(bystander, "mine");
  TwitterAccount actor = api().newAccount("actor");
  for (const std::string& text : hostileTexts()) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(mustRun("query($u: String!) { user(username: $u) { id } }", {{"u", text}})["user"]
                    .is_null());
    EXPECT_TRUE(isGraphQLError(
        run("mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
            {{"u", text}, {"p", kTestPassword}}),
        "UNAUTHENTICATED"));
    EXPECT_TRUE(isGraphQLError(
        run("mutation($u: String!, $p: String!) { signup(username: $u, password: $p) { token } }",
            {{"u", text}, {"p", kTestPassword}}),
        "BAD_USER_INPUT", "username"));
    for (const char* field : {"follow", "unfollow", "block", "unblock"}) {
      SCOPED_TRACE(field);
      EXPECT_TRUE(isGraphQLError(
          run(std::string("mutation($u: String!) { ") + field + "(username: $u) { id } }",
              {{"u", text}}, actor.token),
          "NOT_FOUND"));
    }
  }
  expectUntouched(bystander, tweetId);
}

TEST_P(TwitterSecurityTest, HashtagArgumentsAreNotPatterns) {
  TwitterAccount author = api().newAccount("patterns");
  std::string stem = uniqueTag("pat");
  std::string underscored = stem + "_a_c";
  std::string plain = stem + "_abc";
  std::string underscoredId = api().postTweet(author, "#" + underscored);
  api().postTweet(author, "#" + plain);
  json exact = mustRun("query($tag: String!) { hashtag(tag: $tag) { nodes { id } } }",
                       {{"tag", underscored}});
  ASSERT_EQ(exact["hashtag"]["nodes"].size(), 1u) << "'_' is no wildcard: " << exact;
  EXPECT_EQ(exact["hashtag"]["nodes"][0]["id"], underscoredId);

  std::vector<std::string> probes = hostileTexts();
  probes.insert(probes.end(), {stem + "%", "%", "_", stem + "_a%", ".*", "", "#", "##" + stem});
  for (const std::string& tag : probes) {
    SCOPED_TRACE(tag);
    GraphQLResponse response =
        run("query($tag: String!) { hashtag(tag: $tag) { nodes { id } } }", {{"tag", tag}});
    if (response.hasErrors()) {
      EXPECT_TRUE(isGraphQLError(response, "BAD_USER_INPUT", "tag"));
    } else {
      EXPECT_TRUE(response.data()["hashtag"]["nodes"].empty()) << response.describe();
    }
  }
}

TEST_P(TwitterSecurityTest, ControlCharactersAreKeptOrRefusedCleanly) {
  TwitterAccount author = api().newAccount("control");
  struct Field {
    std::string query;
    std::string field;
    std::vector<std::string> resultPath;
  };
  std::vector<Field> fields = {
      {"mutation($v: String!) { postTweet(text: $v) { text } }", "text", {"postTweet", "text"}},
      {"mutation($v: String!) { updateProfile(bio: $v) { bio } }", "bio", {"updateProfile", "bio"}},
      {"mutation($v: String!) { updateProfile(displayName: $v) { displayName } }",
       "displayName",
       {"updateProfile", "displayName"}},
  };
  for (const Field& f : fields) {
    SCOPED_TRACE(f.field);
    GraphQLResponse response = run(f.query, {{"v", kControlCharacters}}, author.token);
    if (response.hasErrors()) {
      EXPECT_TRUE(isGraphQLError(response, "BAD_USER_INPUT", f.field));
    } else {
      json value = response.data();
      for (const std::string& key : f.resultPath)
        value = value[key];
      EXPECT_EQ(value, kControlCharacters);
    }
    // NUL: PostgreSQL cannot store it; either way, a clean answer.
    GraphQLResponse nul = run(f.query, {{"v", std::string("nul\0inside", 10)}}, author.token);
    if (nul.hasErrors()) {
      EXPECT_TRUE(isGraphQLError(nul, "BAD_USER_INPUT", f.field));
    } else {
      json value = nul.data();
      for (const std::string& key : f.resultPath)
        value = value[key];
      EXPECT_EQ(value, std::string("nul\0inside", 10));
    }
  }
  // Line breaks are the control characters that multi-line fields keep.
  EXPECT_EQ(mustRun("mutation($v: String!) { postTweet(text: $v) { text } }",
                    {{"v", "one\ntwo\n\nthree"}}, author.token)["postTweet"]["text"],
            "one\ntwo\n\nthree");
  EXPECT_EQ(mustRun("mutation($v: String!) { updateProfile(bio: $v) { bio } }", {{"v", "one\ntwo"}},
                    author.token)["updateProfile"]["bio"],
            "one\ntwo");
  EXPECT_FALSE(run("{ version }").hasErrors()) << "the server is still up";
}

INSTANTIATE_TEST_SUITE_P(Backends, TwitterSecurityTest, ::testing::ValuesIn(testBackends()),
                         backendTestName);

// Sessions that end on their own need a server of their own with a short lifetime.
class TwitterSessionExpiryTest : public ::testing::TestWithParam<Backend> {};

TEST_P(TwitterSessionExpiryTest, AnExpiredTokenNoLongerAuthenticates) {
  if (!backendAvailable(GetParam())) GTEST_SKIP() << backendName(GetParam()) << " unavailable";
  constexpr double kLifetime = 2;
  TwitterTestServer server(GetParam(), {"--session-lifetime", "2"});
  TwitterApi api(server.port());
  TwitterAccount account = api.newAccount("expiring");

  auto serverTime = [&api] { return *parseRfc3339(api.mustRun("{ serverTime }")["serverTime"]); };
  double before = serverTime();
  auto loggedInAt = std::chrono::steady_clock::now();
  json login = api.mustRun(
      "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt "
      "} }",
      {{"u", account.username}, {"p", kTestPassword}});
  std::string token = login["login"]["token"];
  auto expiresAt = parseRfc3339(login["login"]["expiresAt"]);
  ASSERT_TRUE(expiresAt);
  EXPECT_GE(*expiresAt - before, kLifetime - 0.01);
  EXPECT_LE(*expiresAt - before, kLifetime + 60);

  // Still valid, if this machine was quick enough to ask within the lifetime (a slow
  // run skips this half rather than failing on timing).
  GraphQLResponse early = api.run("{ me { id } }", json::object(), token);
  if (std::chrono::steady_clock::now() - loggedInAt < std::chrono::milliseconds(1500)) {
    EXPECT_EQ(early.data()["me"]["id"], account.id) << early.describe();
  }

  // Wait, by the server's clock, until the session is over.
  for (int i = 0; i < 200 && serverTime() < *expiresAt + 0.2; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_GT(serverTime(), *expiresAt);

  EXPECT_TRUE(api.mustRun("{ me { id } }", json::object(), token)["me"].is_null());
  GraphQLResponse post = api.run("mutation { postTweet(text: \"late\") { id } }", {}, token);
  EXPECT_TRUE(isGraphQLError(post, "UNAUTHENTICATED"));
  EXPECT_TRUE(
      isGraphQLError(api.run("{ timeline { nodes { id } } }", {}, token), "UNAUTHENTICATED"));
  GraphQLResponse viaCookie = api.client().execute(
      "{ me { id } }", json::object(), GraphQLAuth{"", "minitwitter_session=" + token, ""});
  EXPECT_TRUE(viaCookie.data()["me"].is_null()) << viaCookie.describe();
  // Logging in again works.
  std::string fresh = api.login(account.username);
  EXPECT_EQ(api.mustRun("{ me { id } }", json::object(), fresh)["me"]["id"], account.id);
  EXPECT_EQ(server.troubleInOutput(), "") << "in the server's output";
}

INSTANTIATE_TEST_SUITE_P(Backends, TwitterSessionExpiryTest, ::testing::ValuesIn(testBackends()),
                         backendTestName);

}  // namespace
}  // namespace mt::testing
