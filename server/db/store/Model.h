#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mt::db {

using Id = std::int64_t;
using Millis = std::int64_t;  // milliseconds since the Unix epoch, UTC

struct User {
  Id id = 0;
  std::string username;  // as the user wrote it; unique case-insensitively
  std::string displayName;
  std::string bio;
  Millis createdAt = 0;
  std::int64_t tweetCount = 0;  // tweets, replies and retweets not deleted
  std::int64_t followerCount = 0;
  std::int64_t followingCount = 0;
};

// What login checks. Kept apart from User so a profile read never carries the hash.
struct Credentials {
  Id userId = 0;
  std::string passwordHash;  // libsodium crypto_pwhash_str (Argon2id) string
};

// A tweet as a given viewer sees it. Every tweet-returning store call fills all of it
// (author and viewer flags included) in the same statement, so resolving a page of
// tweets costs no statement per tweet.
struct Tweet {
  Id id = 0;
  Id authorId = 0;
  User author;
  std::string text;  // empty for a retweet
  Millis createdAt = 0;
  std::optional<Id> replyToId;    // the tweet this replies to
  std::optional<Id> retweetOfId;  // set for a retweet: the original
  Id conversationId = 0;          // the root of its reply thread (itself for a root)
  std::int64_t replyCount = 0;
  std::int64_t likeCount = 0;
  std::int64_t retweetCount = 0;
  bool viewerLiked = false;  // false for an anonymous viewer
  bool viewerRetweeted = false;
};

// Newest-first pagination over ids (ids only grow, so an id is a stable cursor):
// items with id < `before` (none: from the newest), at most `limit` of them.
struct PageRequest {
  std::optional<Id> before;
  int limit = 20;
};

template <class T>
struct Page {
  std::vector<T> items;
  bool hasMore = false;  // there are items past the last one returned
};

// For lists of users (followers, following): paginated by the relationship row's id.
struct UserEdge {
  User user;
  Id cursor = 0;  // pass as PageRequest::before for the next page
};

// How the viewer and another user stand (for profile pages and buttons).
struct Relationship {
  Id userId = 0;
  bool viewerFollows = false;
  bool followsViewer = false;
  bool viewerBlocks = false;
  bool blocksViewer = false;
};

}  // namespace mt::db
