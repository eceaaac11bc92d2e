#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "Model.h"

namespace mt::db {

// What the Twitter's resolvers need from the data, and nothing about SQL. The one
// implementation is SqlStore (both backends, one behaviour); the contract is checked
// by one conformance suite run against SQLite and PostgreSQL.
//
// Every call is one short unit of work on a pooled connection; a call that changes
// several rows runs in one transaction. Calls are thread-safe. Errors: the
// DatabaseError family (DatabaseUnavailable when the database cannot be reached); rule
// outcomes that a user causes are results (the enums below), not exceptions.
//
// `viewer` is the authenticated user's id, or 0 for an anonymous reader. Visibility:
// a user who blocked the viewer is invisible to them — their tweets (and retweets of
// them) are left out of every list, tweetsByIds gives nullopt for them, and
// userByUsername/usersByIds still find the user (so a profile can say "blocked")
// but the user's tweets cannot be read.
class Store {
 public:
  virtual ~Store() = default;

  // ---- accounts ----------------------------------------------------------------------
  enum class CreateUserResult { Created, UsernameTaken };
  // `username` is already validated by the caller; uniqueness is case-insensitive.
  virtual CreateUserResult createUser(std::string_view username, std::string_view displayName,
                                      std::string_view passwordHash, Millis now, User* created) = 0;
  // Case-insensitive.
  virtual std::optional<Credentials> credentialsFor(std::string_view username) = 0;
  virtual std::optional<User> userByUsername(std::string_view username) = 0;
  // In the order of `ids`; nullopt where there is no such user. One statement.
  virtual std::vector<std::optional<User>> usersByIds(std::span<const Id> ids) = 0;
  // Changes the fields given; returns the updated user.
  virtual User updateProfile(Id userId, const std::optional<std::string>& displayName,
                             const std::optional<std::string>& bio) = 0;

  // ---- sessions (the token itself is never stored, only its hash) --------------------
  virtual void createSession(std::string_view tokenHash, Id userId, Millis createdAt,
                             Millis expiresAt) = 0;
  // The user of a session that exists and has not expired at `now`.
  virtual std::optional<Id> sessionUser(std::string_view tokenHash, Millis now) = 0;
  // True if a session was deleted.
  virtual bool deleteSession(std::string_view tokenHash) = 0;
  // Expired sessions removed; returns how many.
  virtual std::int64_t deleteExpiredSessions(Millis now) = 0;

  // ---- social graph ------------------------------------------------------------------
  enum class GraphResult {
    Done,        // the change was made
    Unchanged,   // already so (following already, not following, …)
    NoSuchUser,  // the target does not exist
    Self,        // the target is the actor
    Blocked,     // follow: a block exists between the two (either direction)
  };
  // Follow fails with Blocked when either has blocked the other.
  virtual GraphResult follow(Id follower, Id followee, Millis now) = 0;
  virtual GraphResult unfollow(Id follower, Id followee) = 0;
  // Blocking also removes any follow between the two, in both directions.
  virtual GraphResult block(Id blocker, Id blocked, Millis now) = 0;
  virtual GraphResult unblock(Id blocker, Id blocked) = 0;
  // Newest relationship first.
  virtual Page<UserEdge> followers(Id userId, const PageRequest& page) = 0;
  virtual Page<UserEdge> following(Id userId, const PageRequest& page) = 0;
  // How `viewer` stands with each of `userIds`, in order. One statement.
  virtual std::vector<Relationship> relationships(Id viewer, std::span<const Id> userIds) = 0;
  // The users among `candidates` who follow `followee` (each once, in no particular
  // order): who of a set of listeners should hear about what `followee` did. One
  // statement whatever the number of candidates.
  virtual std::vector<Id> followersAmong(Id followee, std::span<const Id> candidates) = 0;
  // Every follower of `followee` (in no particular order): the cheaper question when
  // they are fewer than the listeners (User::followerCount tells). One statement.
  virtual std::vector<Id> followerIds(Id followee) = 0;

  // ---- tweets ------------------------------------------------------------------------
  struct NewTweet {
    Id authorId = 0;
    std::string text;  // already validated (length, not blank)
    std::optional<Id> replyToId;
    std::vector<std::string> hashtags;  // lower-case, without '#', distinct
    std::vector<std::string> mentions;  // usernames without '@', distinct
  };
  enum class PostResult { Posted, ReplyTargetMissing, ReplyTargetBlocked };
  // One transaction: the tweet, its hashtags, its mentions (a mentioned username that
  // does not exist, or whose user blocked the author, is left unlinked: no Mentioned
  // change for them), the counters; changes TweetPosted and Mentioned. A reply to a
  // retweet replies to the original; ReplyTargetBlocked when the original's author or
  // the retweeter has blocked the poster.
  virtual PostResult postTweet(const NewTweet& tweet, Millis now, Tweet* posted) = 0;

  enum class TweetActionResult {
    Done,
    Unchanged,    // already liked / not liked / already retweeted / not retweeted
    NoSuchTweet,  // missing, deleted, or invisible to the actor (blocked)
  };
  // Like and retweet act on the original when given a retweet. `result` (may be null)
  // receives the original as the actor sees it afterwards.
  virtual TweetActionResult like(Id userId, Id tweetId, Millis now, Tweet* result) = 0;
  virtual TweetActionResult unlike(Id userId, Id tweetId, Tweet* result) = 0;
  virtual TweetActionResult retweet(Id userId, Id tweetId, Millis now, Tweet* result) = 0;
  virtual TweetActionResult unretweet(Id userId, Id tweetId, Tweet* result) = 0;

  enum class DeleteResult { Deleted, NoSuchTweet, NotAuthor };
  // Deletes the tweet, its likes, hashtag and mention links and its retweets; replies
  // stay, with replyToId pointing at a tweet that no longer exists.
  virtual DeleteResult deleteTweet(Id userId, Id tweetId) = 0;

  // In the order of `ids`; nullopt for a missing or invisible tweet. One statement.
  virtual std::vector<std::optional<Tweet>> tweetsByIds(Id viewer, std::span<const Id> ids) = 0;

  // Tweets (and retweets) by `authorId`, newest first.
  virtual Page<Tweet> userTweets(Id viewer, Id authorId, const PageRequest& page) = 0;
  // The viewer's own tweets and those of everyone they follow, newest first: one
  // statement whatever the page size or the number of followed users.
  virtual Page<Tweet> timeline(Id viewer, const PageRequest& page) = 0;
  // Direct replies to `tweetId`, oldest first would read better in a thread but
  // pagination stays newest first for one cursor rule everywhere.
  virtual Page<Tweet> replies(Id viewer, Id tweetId, const PageRequest& page) = 0;
  // Tweets tagged `hashtag` (lower-case, without '#'), newest first.
  virtual Page<Tweet> hashtagTweets(Id viewer, std::string_view hashtag,
                                    const PageRequest& page) = 0;
  // Tweets that mention `userId`, newest first.
  virtual Page<Tweet> mentions(Id viewer, Id userId, const PageRequest& page) = 0;
  // The chain of tweets `tweetId` replies to, root first, excluding the tweet itself;
  // stops at a deleted or invisible tweet. At most `limit` (the nearest ones).
  virtual std::vector<Tweet> ancestors(Id viewer, Id tweetId, int limit) = 0;

  // Hashtags of each tweet (one statement for all): keyed by tweet id.
  virtual std::unordered_map<Id, std::vector<std::string>> hashtagsOf(
      std::span<const Id> tweetIds) = 0;
  // Linked mentions of each tweet, as user ids in the order they appear: keyed by tweet id.
  virtual std::unordered_map<Id, std::vector<Id>> mentionsOf(std::span<const Id> tweetIds) = 0;
};

}  // namespace mt::db
