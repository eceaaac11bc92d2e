// Users and sessions.
#include <string>
#include <vector>

#include "DatabaseError.h"
#include "StoreTestSupport.h"

namespace mt::db::testing {
namespace {

using AccountsStoreTest = StoreTest;
using CreateUserResult = Store::CreateUserResult;

TEST_P(AccountsStoreTest, CreateUserReturnsTheNewUser) {
  User created;
  Millis at = now();
  ASSERT_EQ(store().createUser("Alice", "Alice A.", "argon-hash", at, &created),
            CreateUserResult::Created);
  EXPECT_GT(created.id, 0);
  EXPECT_EQ(created.username, "Alice");
  EXPECT_EQ(created.displayName, "Alice A.");
  EXPECT_EQ(created.bio, "");
  EXPECT_EQ(created.createdAt, at);
  EXPECT_EQ(created.tweetCount, 0);
  EXPECT_EQ(created.followerCount, 0);
  EXPECT_EQ(created.followingCount, 0);

  auto found = store().userByUsername("Alice");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, created.id);
  EXPECT_EQ(found->displayName, "Alice A.");
  EXPECT_EQ(found->createdAt, at);
}

TEST_P(AccountsStoreTest, CreateUserAcceptsANullResult) {
  EXPECT_EQ(store().createUser("bob", "Bob", "h", now(), nullptr), CreateUserResult::Created);
  EXPECT_TRUE(store().userByUsername("bob"));
}

TEST_P(AccountsStoreTest, UsernameIsTakenWhateverItsCase) {
  User alice = newUser("Alice");
  User other;
  EXPECT_EQ(store().createUser("alice", "x", "h", now(), &other), CreateUserResult::UsernameTaken);
  EXPECT_EQ(store().createUser("ALICE", "x", "h", now(), &other), CreateUserResult::UsernameTaken);
  EXPECT_EQ(store().createUser("Alice", "x", "h", now(), &other), CreateUserResult::UsernameTaken);
  // The name keeps the case it was created with.
  auto found = store().userByUsername("aLiCe");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, alice.id);
  EXPECT_EQ(found->username, "Alice");
  EXPECT_EQ(found->displayName, "Alice");
}

TEST_P(AccountsStoreTest, CredentialsAreFoundWhateverTheCase) {
  User bob = newUser("Bob_99");
  auto credentials = store().credentialsFor("bob_99");
  ASSERT_TRUE(credentials);
  EXPECT_EQ(credentials->userId, bob.id);
  EXPECT_EQ(credentials->passwordHash, "hash-of-Bob_99");
  EXPECT_FALSE(store().credentialsFor("bob_9"));
  EXPECT_FALSE(store().credentialsFor(""));
}

TEST_P(AccountsStoreTest, UnknownUsernameIsNotFound) {
  newUser("carol");
  EXPECT_FALSE(store().userByUsername("caro"));
  EXPECT_FALSE(store().userByUsername("carol_"));
}

TEST_P(AccountsStoreTest, UsersByIdsKeepsTheCallersOrder) {
  User a = newUser("aaa");
  User b = newUser("bbb");
  User c = newUser("ccc");
  Id missing = c.id + 1000;
  auto found = store().usersByIds(std::vector<Id>{c.id, missing, a.id, c.id, b.id});
  ASSERT_EQ(found.size(), 5u);
  ASSERT_TRUE(found[0] && found[2] && found[3] && found[4]);
  EXPECT_EQ(found[0]->username, "ccc");
  EXPECT_FALSE(found[1]);
  EXPECT_EQ(found[2]->username, "aaa");
  EXPECT_EQ(found[3]->username, "ccc");
  EXPECT_EQ(found[4]->username, "bbb");
  EXPECT_TRUE(store().usersByIds({}).empty());
}

TEST_P(AccountsStoreTest, UpdateProfileChangesOnlyTheFieldsGiven) {
  User dave = newUser("dave");
  User updated = store().updateProfile(dave.id, std::nullopt, std::string("Writes things."));
  EXPECT_EQ(updated.displayName, "dave");
  EXPECT_EQ(updated.bio, "Writes things.");
  updated = store().updateProfile(dave.id, std::string("Dave D."), std::nullopt);
  EXPECT_EQ(updated.displayName, "Dave D.");
  EXPECT_EQ(updated.bio, "Writes things.");
  updated = store().updateProfile(dave.id, std::nullopt, std::string());
  EXPECT_EQ(updated.bio, "");
  EXPECT_EQ(reload(dave).displayName, "Dave D.");
  EXPECT_EQ(updated.id, dave.id);
  EXPECT_EQ(updated.username, "dave");
}

TEST_P(AccountsStoreTest, UpdateProfileOfAMissingUserThrows) {
  EXPECT_THROW(store().updateProfile(424242, std::string("x"), std::nullopt), DatabaseError);
}

TEST_P(AccountsStoreTest, StringsAreStoredVerbatim) {
  const std::string nasty[] = {
      "O'Brien \"the\" \\back\\slash\\",
      "'; DROP TABLE users; --",
      "Robert'); DELETE FROM tweets WHERE ('1'='1",
      "\xF0\x9F\x90\xA6 h\xC3\xA9llo \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC",  // bird, accents, CJK
      "$1 $2 ?1 ? %s {} [] \"{\\\"a\\\"}\"",
      "line\nbreak\ttab",
  };
  User eve = newUser("eve");
  for (const std::string& text : nasty) {
    User updated = store().updateProfile(eve.id, text, text);
    EXPECT_EQ(updated.displayName, text);
    EXPECT_EQ(updated.bio, text);
    EXPECT_EQ(reload(eve).bio, text);
    Tweet posted = post(eve, text);
    EXPECT_EQ(posted.text, text);
    auto read = seen(0, posted.id);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->text, text);
    EXPECT_EQ(read->author.bio, text);
  }
  // The tables are all still there.
  EXPECT_TRUE(store().userByUsername("eve"));
  EXPECT_EQ(store().userTweets(0, eve.id, pageOf(50)).items.size(), std::size(nasty));
}

TEST_P(AccountsStoreTest, ListParametersCarryQuotesAndBackslashesAsData) {
  // Hashtags and mentions travel as one array parameter; their quoting must hold.
  User frank = newUser("frank");
  const std::vector<std::string> tags = {
      "a\"b", "c\\d", "e'f", "g,h", "{i}", "[j]", "k l", "\xC3\xA9t\xC3\xA9", "NULL", ""};
  Tweet tagged = post(frank, "tags", tags, {"fr\"ank", "frank\\", "x' OR '1'='1"});
  auto stored = store().hashtagsOf(std::vector<Id>{tagged.id});
  EXPECT_EQ(stored[tagged.id], tags);
  for (const std::string& tag : tags) {
    EXPECT_EQ(idsOf(store().hashtagTweets(0, tag, {})), std::vector<Id>{tagged.id}) << tag;
  }
  EXPECT_TRUE(store().mentionsOf(std::vector<Id>{tagged.id})[tagged.id].empty());
}

TEST_P(AccountsStoreTest, SessionsLastUntilTheyExpire) {
  User gina = newUser("gina");
  store().createSession("token-hash-1", gina.id, 1000, 5000);
  EXPECT_EQ(store().sessionUser("token-hash-1", 1000), gina.id);
  EXPECT_EQ(store().sessionUser("token-hash-1", 4999), gina.id);
  EXPECT_FALSE(store().sessionUser("token-hash-1", 5000));  // expired at expiresAt
  EXPECT_FALSE(store().sessionUser("token-hash-1", 9000));
  EXPECT_FALSE(store().sessionUser("token-hash-2", 1000));
  EXPECT_FALSE(store().sessionUser("TOKEN-HASH-1", 1000));  // hashes are exact
}

TEST_P(AccountsStoreTest, DeletedSessionsStopWorking) {
  User hank = newUser("hank");
  store().createSession("h1", hank.id, 0, 10'000);
  store().createSession("h2", hank.id, 0, 10'000);
  EXPECT_TRUE(store().deleteSession("h1"));
  EXPECT_FALSE(store().deleteSession("h1"));
  EXPECT_FALSE(store().deleteSession("never"));
  EXPECT_FALSE(store().sessionUser("h1", 1));
  EXPECT_EQ(store().sessionUser("h2", 1), hank.id);
}

TEST_P(AccountsStoreTest, DeleteExpiredSessionsRemovesOnlyExpiredOnes) {
  User ivy = newUser("ivy");
  store().createSession("s100", ivy.id, 0, 100);
  store().createSession("s200", ivy.id, 0, 200);
  store().createSession("s300", ivy.id, 0, 300);
  EXPECT_EQ(store().deleteExpiredSessions(50), 0);
  EXPECT_EQ(store().deleteExpiredSessions(200), 2);
  EXPECT_EQ(store().deleteExpiredSessions(200), 0);
  EXPECT_EQ(store().sessionUser("s300", 250), ivy.id);
  EXPECT_FALSE(store().deleteSession("s100"));
  EXPECT_TRUE(store().deleteSession("s300"));
}

MT_STORE_TEST_SUITE(AccountsStoreTest);

}  // namespace
}  // namespace mt::db::testing
