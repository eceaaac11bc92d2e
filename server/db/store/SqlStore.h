#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "Change.h"
#include "Database.h"
#include "SqlValue.h"
#include "Statement.h"
#include "Store.h"

namespace mt::db {

// The Store over SQL, for both backends: statements in the SQL both dialects share
// where they can, one text per dialect where they cannot (id lists: `= ANY($1)` with a
// PostgreSQL array literal, `IN (SELECT value FROM json_each($1))` with a JSON array
// for SQLite). Counters (tweets, followers, likes, …) are kept in the rows they count,
// updated in the same transaction as the change, so reads never aggregate.
//
// The statements live per area in AccountStatements.h, GraphStatements.h,
// TweetStatements.h and TweetReadStatements.h; the methods in SqlStoreAccounts.cc,
// SqlStoreGraph.cc, SqlStoreTweets.cc (posting, deleting), SqlStoreTweetActions.cc
// (likes, retweets) and SqlStoreTweetReads.cc. Each method costs a fixed number of
// statements, whatever the sizes of its lists.
class SqlStore final : public Store {
 public:
  // The database must outlive the store and be migrated (twitterMigrations()).
  explicit SqlStore(Database& database);

  CreateUserResult createUser(std::string_view username, std::string_view displayName,
                              std::string_view passwordHash, Millis now, User* created) override;
  std::optional<Credentials> credentialsFor(std::string_view username) override;
  std::optional<User> userByUsername(std::string_view username) override;
  std::vector<std::optional<User>> usersByIds(std::span<const Id> ids) override;
  User updateProfile(Id userId, const std::optional<std::string>& displayName,
                     const std::optional<std::string>& bio) override;

  void createSession(std::string_view tokenHash, Id userId, Millis createdAt,
                     Millis expiresAt) override;
  std::optional<Id> sessionUser(std::string_view tokenHash, Millis now) override;
  bool deleteSession(std::string_view tokenHash) override;
  std::int64_t deleteExpiredSessions(Millis now) override;

  GraphResult follow(Id follower, Id followee, Millis now) override;
  GraphResult unfollow(Id follower, Id followee) override;
  GraphResult block(Id blocker, Id blocked, Millis now) override;
  GraphResult unblock(Id blocker, Id blocked) override;
  Page<UserEdge> followers(Id userId, const PageRequest& page) override;
  Page<UserEdge> following(Id userId, const PageRequest& page) override;
  std::vector<Relationship> relationships(Id viewer, std::span<const Id> userIds) override;
  std::vector<Id> followersAmong(Id followee, std::span<const Id> candidates) override;
  std::vector<Id> followerIds(Id followee) override;

  PostResult postTweet(const NewTweet& tweet, Millis now, Tweet* posted) override;
  TweetActionResult like(Id userId, Id tweetId, Millis now, Tweet* result) override;
  TweetActionResult unlike(Id userId, Id tweetId, Tweet* result) override;
  TweetActionResult retweet(Id userId, Id tweetId, Millis now, Tweet* result) override;
  TweetActionResult unretweet(Id userId, Id tweetId, Tweet* result) override;
  DeleteResult deleteTweet(Id userId, Id tweetId) override;

  std::vector<std::optional<Tweet>> tweetsByIds(Id viewer, std::span<const Id> ids) override;
  Page<Tweet> userTweets(Id viewer, Id authorId, const PageRequest& page) override;
  Page<Tweet> timeline(Id viewer, const PageRequest& page) override;
  Page<Tweet> replies(Id viewer, Id tweetId, const PageRequest& page) override;
  Page<Tweet> hashtagTweets(Id viewer, std::string_view hashtag, const PageRequest& page) override;
  Page<Tweet> mentions(Id viewer, Id userId, const PageRequest& page) override;
  std::vector<Tweet> ancestors(Id viewer, Id tweetId, int limit) override;
  std::unordered_map<Id, std::vector<std::string>> hashtagsOf(
      std::span<const Id> tweetIds) override;
  std::unordered_map<Id, std::vector<Id>> mentionsOf(std::span<const Id> tweetIds) override;

 private:
  // Runs `body` in one transaction on a pooled connection; when it collides with
  // another transaction (TransactionConflict) the whole of it runs again, a few times
  // at most, so `body` must start from nothing each time (results assigned, not
  // accumulated).
  void inTransaction(const std::function<void(SqlConnection&)>& body);
  // The statement for this database's dialect.
  const Statement& pick(const Statement& postgres, const Statement& sqlite) const noexcept;
  // Emits changes as part of the transaction running on `connection`.
  void publish(SqlConnection& connection, std::span<const Change> changes);

  // Tweet `tweetId` as `viewer` sees it, if visible.
  std::optional<Tweet> tweetAsSeen(SqlConnection& connection, Id viewer, Id tweetId);
  // A newest-first page of one of the tweet page statements (viewer $1, bounds $2 and
  // $3, `subject` $4 when not null).
  Page<Tweet> tweetPageOf(const Statement& statement, Id viewer, const PageRequest& page,
                          SqlValue subject);
  // The original that `tweetId` stands for (itself, or what it retweets) and its author,
  // when visible to `actor`.
  struct ActionTarget {
    Id tweetId;
    Id authorId;
  };
  std::optional<ActionTarget> actionTarget(SqlConnection& connection, Id actor, Id tweetId);
  // The target of an action after it, as the actor sees it; throws TransactionConflict
  // (the action then runs again) if it has just become invisible to them.
  Tweet stillVisible(SqlConnection& connection, Id actor, Id tweetId);
  // Follow and block lock both users first (see GraphStatements.h); false when `other`
  // does not exist.
  bool lockUserPair(SqlConnection& connection, Id actor, Id other);

  Database& database_;
  Dialect dialect_;
};

}  // namespace mt::db
