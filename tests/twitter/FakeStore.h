#pragma once

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "Store.h"

namespace mt::twitter::testing {

// A Store in memory for the resolver tests that need no database: users, sessions,
// a timeline, relationships, tweets by id, hashtags and mentions. It counts every
// call by name (what the "no statement per row" tests check) and can be told to throw
// before any call (what the error-mapping tests use). Calls it does not model throw
// std::logic_error, so a test notices a resolver reaching for something unexpected.
class FakeStore final : public db::Store {
 public:
  std::map<std::string, int> calls;
  std::function<void()> failure;  // thrown from, before any call, when set

  std::vector<db::User> users;
  std::unordered_map<db::Id, std::string> passwordHashes;
  struct Session {
    db::Id userId;
    db::Millis expiresAt;
  };
  std::map<std::string, Session> sessions;  // by token hash
  std::vector<db::Tweet> tweets;            // newest first: the timeline
  std::vector<db::Relationship> relations;  // the viewer's, by userId
  std::unordered_map<db::Id, std::vector<std::string>> tags;
  std::unordered_map<db::Id, std::vector<db::Id>> mentioned;

  int totalCalls() const {
    int total = 0;
    for (const auto& [name, count] : calls)
      total += count;
    return total;
  }

  db::User& addUser(std::string username) {
    db::User user;
    user.id = static_cast<db::Id>(users.size()) + 1;
    user.displayName = username;
    user.username = std::move(username);
    user.createdAt = 1'700'000'000'000;
    users.push_back(user);
    return users.back();
  }

  CreateUserResult createUser(std::string_view username, std::string_view displayName,
                              std::string_view passwordHash, db::Millis now,
                              db::User* created) override {
    enter("createUser");
    if (findUser(username)) return CreateUserResult::UsernameTaken;
    db::User& user = addUser(std::string(username));
    user.displayName = displayName;
    user.createdAt = now;
    passwordHashes[user.id] = passwordHash;
    *created = user;
    return CreateUserResult::Created;
  }
  std::optional<db::Credentials> credentialsFor(std::string_view username) override {
    enter("credentialsFor");
    const db::User* user = findUser(username);
    if (user == nullptr) return std::nullopt;
    return db::Credentials{user->id, passwordHashes[user->id]};
  }
  std::optional<db::User> userByUsername(std::string_view username) override {
    enter("userByUsername");
    const db::User* user = findUser(username);
    return user ? std::optional<db::User>(*user) : std::nullopt;
  }
  std::vector<std::optional<db::User>> usersByIds(std::span<const db::Id> ids) override {
    enter("usersByIds");
    std::vector<std::optional<db::User>> found;
    for (db::Id id : ids) {
      if (id >= 1 && id <= static_cast<db::Id>(users.size())) {
        found.emplace_back(users[id - 1]);
      } else {
        found.emplace_back();
      }
    }
    return found;
  }
  db::User updateProfile(db::Id userId, const std::optional<std::string>& displayName,
                         const std::optional<std::string>& bio) override {
    enter("updateProfile");
    db::User& user = users.at(userId - 1);
    if (displayName) user.displayName = *displayName;
    if (bio) user.bio = *bio;
    return user;
  }

  void createSession(std::string_view tokenHash, db::Id userId, db::Millis,
                     db::Millis expiresAt) override {
    enter("createSession");
    sessions[std::string(tokenHash)] = {userId, expiresAt};
  }
  std::optional<db::Id> sessionUser(std::string_view tokenHash, db::Millis now) override {
    enter("sessionUser");
    auto it = sessions.find(std::string(tokenHash));
    if (it == sessions.end() || it->second.expiresAt <= now) return std::nullopt;
    return it->second.userId;
  }
  bool deleteSession(std::string_view tokenHash) override {
    enter("deleteSession");
    return sessions.erase(std::string(tokenHash)) > 0;
  }
  std::int64_t deleteExpiredSessions(db::Millis) override {
    return unexpected("deleteExpiredSessions");
  }

  GraphResult follow(db::Id, db::Id, db::Millis) override { return unexpected("follow"); }
  GraphResult unfollow(db::Id, db::Id) override { return unexpected("unfollow"); }
  GraphResult block(db::Id, db::Id, db::Millis) override { return unexpected("block"); }
  GraphResult unblock(db::Id, db::Id) override { return unexpected("unblock"); }
  db::Page<db::UserEdge> followers(db::Id, const db::PageRequest&) override {
    return unexpected("followers");
  }
  db::Page<db::UserEdge> following(db::Id, const db::PageRequest&) override {
    return unexpected("following");
  }
  std::vector<db::Relationship> relationships(db::Id, std::span<const db::Id> userIds) override {
    enter("relationships");
    std::vector<db::Relationship> found;
    for (db::Id id : userIds) {
      db::Relationship relationship{id, false, false, false, false};
      for (const db::Relationship& known : relations) {
        if (known.userId == id) relationship = known;
      }
      found.push_back(relationship);
    }
    return found;
  }
  std::vector<db::Id> followersAmong(db::Id, std::span<const db::Id>) override {
    return unexpected("followersAmong");
  }
  std::vector<db::Id> followerIds(db::Id) override { return unexpected("followerIds"); }

  PostResult postTweet(const NewTweet&, db::Millis, db::Tweet*) override {
    return unexpected("postTweet");
  }
  TweetActionResult like(db::Id, db::Id, db::Millis, db::Tweet*) override {
    return unexpected("like");
  }
  TweetActionResult unlike(db::Id, db::Id, db::Tweet*) override { return unexpected("unlike"); }
  TweetActionResult retweet(db::Id, db::Id, db::Millis, db::Tweet*) override {
    return unexpected("retweet");
  }
  TweetActionResult unretweet(db::Id, db::Id, db::Tweet*) override {
    return unexpected("unretweet");
  }
  DeleteResult deleteTweet(db::Id, db::Id) override { return unexpected("deleteTweet"); }
  std::vector<std::optional<db::Tweet>> tweetsByIds(db::Id, std::span<const db::Id> ids) override {
    enter("tweetsByIds");
    std::vector<std::optional<db::Tweet>> found;
    for (db::Id id : ids) {
      found.emplace_back();
      for (const db::Tweet& tweet : tweets) {
        if (tweet.id == id) found.back() = tweet;
      }
    }
    return found;
  }
  db::Page<db::Tweet> userTweets(db::Id, db::Id, const db::PageRequest&) override {
    return unexpected("userTweets");
  }
  db::Page<db::Tweet> timeline(db::Id, const db::PageRequest& page) override {
    enter("timeline");
    db::Page<db::Tweet> result;
    for (const db::Tweet& tweet : tweets) {
      if (page.before && tweet.id >= *page.before) continue;
      if (static_cast<int>(result.items.size()) == page.limit) {
        result.hasMore = true;
        break;
      }
      result.items.push_back(tweet);
    }
    return result;
  }
  db::Page<db::Tweet> replies(db::Id, db::Id, const db::PageRequest&) override {
    return unexpected("replies");
  }
  db::Page<db::Tweet> hashtagTweets(db::Id, std::string_view, const db::PageRequest&) override {
    return unexpected("hashtagTweets");
  }
  db::Page<db::Tweet> mentions(db::Id, db::Id, const db::PageRequest&) override {
    return unexpected("mentions");
  }
  std::vector<db::Tweet> ancestors(db::Id, db::Id, int) override { return unexpected("ancestors"); }
  std::unordered_map<db::Id, std::vector<std::string>> hashtagsOf(
      std::span<const db::Id> tweetIds) override {
    enter("hashtagsOf");
    std::unordered_map<db::Id, std::vector<std::string>> found;
    for (db::Id id : tweetIds) {
      if (tags.contains(id)) found[id] = tags[id];
    }
    return found;
  }
  std::unordered_map<db::Id, std::vector<db::Id>> mentionsOf(
      std::span<const db::Id> tweetIds) override {
    enter("mentionsOf");
    std::unordered_map<db::Id, std::vector<db::Id>> found;
    for (db::Id id : tweetIds) {
      if (mentioned.contains(id)) found[id] = mentioned[id];
    }
    return found;
  }

 private:
  // Converts to whatever the unmodelled call returns; it never returns.
  struct Unexpected {
    template <class T>
    operator T() const {
      throw std::logic_error("FakeStore: unexpected call");
    }
  };

  void enter(const char* name) {
    ++calls[name];
    if (failure) failure();
  }
  Unexpected unexpected(const char* name) {
    enter(name);
    throw std::logic_error(std::string("FakeStore: unexpected call to ") + name);
  }
  const db::User* findUser(std::string_view username) const {
    for (const db::User& user : users) {
      if (user.username.size() == username.size() &&
          std::equal(user.username.begin(), user.username.end(), username.begin(),
                     [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
        return &user;
      }
    }
    return nullptr;
  }
};

}  // namespace mt::twitter::testing
