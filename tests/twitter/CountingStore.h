#pragma once

#include <map>
#include <mutex>
#include <string>

#include "Store.h"

namespace mt::twitter::testing {

// A Store that hands every call to another one and counts the calls by name: what a
// test over a real database checks when it needs to know which reads a component chose
// (the statement count alone cannot tell two one-statement reads apart).
class CountingStore final : public db::Store {
 public:
  explicit CountingStore(db::Store& inner) : inner_(inner) {}

  int calls(const std::string& name) const {
    std::lock_guard lock(mutex_);
    auto found = calls_.find(name);
    return found != calls_.end() ? found->second : 0;
  }
  void resetCalls() {
    std::lock_guard lock(mutex_);
    calls_.clear();
  }

  CreateUserResult createUser(std::string_view username, std::string_view displayName,
                              std::string_view passwordHash, db::Millis now,
                              db::User* created) override {
    return count("createUser").createUser(username, displayName, passwordHash, now, created);
  }
  std::optional<db::Credentials> credentialsFor(std::string_view username) override {
    return count("credentialsFor").credentialsFor(username);
  }
  std::optional<db::User> userByUsername(std::string_view username) override {
    return count("userByUsername").userByUsername(username);
  }
  std::vector<std::optional<db::User>> usersByIds(std::span<const db::Id> ids) override {
    return count("usersByIds").usersByIds(ids);
  }
  db::User updateProfile(db::Id userId, const std::optional<std::string>& displayName,
                         const std::optional<std::string>& bio) override {
    return count("updateProfile").updateProfile(userId, displayName, bio);
  }

  void createSession(std::string_view tokenHash, db::Id userId, db::Millis createdAt,
                     db::Millis expiresAt) override {
    count("createSession").createSession(tokenHash, userId, createdAt, expiresAt);
  }
  std::optional<db::Id> sessionUser(std::string_view tokenHash, db::Millis now) override {
    return count("sessionUser").sessionUser(tokenHash, now);
  }
  bool deleteSession(std::string_view tokenHash) override {
    return count("deleteSession").deleteSession(tokenHash);
  }
  std::int64_t deleteExpiredSessions(db::Millis now) override {
    return count("deleteExpiredSessions").deleteExpiredSessions(now);
  }

  GraphResult follow(db::Id follower, db::Id followee, db::Millis now) override {
    return count("follow").follow(follower, followee, now);
  }
  GraphResult unfollow(db::Id follower, db::Id followee) override {
    return count("unfollow").unfollow(follower, followee);
  }
  GraphResult block(db::Id blocker, db::Id blocked, db::Millis now) override {
    return count("block").block(blocker, blocked, now);
  }
  GraphResult unblock(db::Id blocker, db::Id blocked) override {
    return count("unblock").unblock(blocker, blocked);
  }
  db::Page<db::UserEdge> followers(db::Id userId, const db::PageRequest& page) override {
    return count("followers").followers(userId, page);
  }
  db::Page<db::UserEdge> following(db::Id userId, const db::PageRequest& page) override {
    return count("following").following(userId, page);
  }
  std::vector<db::Relationship> relationships(db::Id viewer,
                                              std::span<const db::Id> userIds) override {
    return count("relationships").relationships(viewer, userIds);
  }
  std::vector<db::Id> followersAmong(db::Id followee, std::span<const db::Id> candidates) override {
    return count("followersAmong").followersAmong(followee, candidates);
  }
  std::vector<db::Id> followerIds(db::Id followee) override {
    return count("followerIds").followerIds(followee);
  }

  PostResult postTweet(const NewTweet& tweet, db::Millis now, db::Tweet* posted) override {
    return count("postTweet").postTweet(tweet, now, posted);
  }
  TweetActionResult like(db::Id userId, db::Id tweetId, db::Millis now,
                         db::Tweet* result) override {
    return count("like").like(userId, tweetId, now, result);
  }
  TweetActionResult unlike(db::Id userId, db::Id tweetId, db::Tweet* result) override {
    return count("unlike").unlike(userId, tweetId, result);
  }
  TweetActionResult retweet(db::Id userId, db::Id tweetId, db::Millis now,
                            db::Tweet* result) override {
    return count("retweet").retweet(userId, tweetId, now, result);
  }
  TweetActionResult unretweet(db::Id userId, db::Id tweetId, db::Tweet* result) override {
    return count("unretweet").unretweet(userId, tweetId, result);
  }
  DeleteResult deleteTweet(db::Id userId, db::Id tweetId) override {
    return count("deleteTweet").deleteTweet(userId, tweetId);
  }

  std::vector<std::optional<db::Tweet>> tweetsByIds(db::Id viewer,
                                                    std::span<const db::Id> ids) override {
    return count("tweetsByIds").tweetsByIds(viewer, ids);
  }
  db::Page<db::Tweet> userTweets(db::Id viewer, db::Id authorId,
                                 const db::PageRequest& page) override {
    return count("userTweets").userTweets(viewer, authorId, page);
  }
  db::Page<db::Tweet> timeline(db::Id viewer, const db::PageRequest& page) override {
    return count("timeline").timeline(viewer, page);
  }
  db::Page<db::Tweet> replies(db::Id viewer, db::Id tweetId, const db::PageRequest& page) override {
    return count("replies").replies(viewer, tweetId, page);
  }
  db::Page<db::Tweet> hashtagTweets(db::Id viewer, std::string_view hashtag,
                                    const db::PageRequest& page) override {
    return count("hashtagTweets").hashtagTweets(viewer, hashtag, page);
  }
  db::Page<db::Tweet> mentions(db::Id viewer, db::Id userId, const db::PageRequest& page) override {
    return count("mentions").mentions(viewer, userId, page);
  }
  std::vector<db::Tweet> ancestors(db::Id viewer, db::Id tweetId, int limit) override {
    return count("ancestors").ancestors(viewer, tweetId, limit);
  }
  std::unordered_map<db::Id, std::vector<std::string>> hashtagsOf(
      std::span<const db::Id> tweetIds) override {
    return count("hashtagsOf").hashtagsOf(tweetIds);
  }
  std::unordered_map<db::Id, std::vector<db::Id>> mentionsOf(
      std::span<const db::Id> tweetIds) override {
    return count("mentionsOf").mentionsOf(tweetIds);
  }

 private:
  db::Store& count(const char* name) {
    std::lock_guard lock(mutex_);
    ++calls_[name];
    return inner_;
  }

  db::Store& inner_;
  mutable std::mutex mutex_;
  std::map<std::string, int> calls_;
};

}  // namespace mt::twitter::testing
