#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace mt::client {

// The parts of the API's types the client shows. Each keeps the JSON it came from, so
// `--json` prints exactly what the server sent.

struct User {
  std::string id;
  std::string username;
  std::string displayName;
  int tweetCount = 0;
  int followerCount = 0;
  int followingCount = 0;

  static User fromJson(const nlohmann::json& json);
};

struct Tweet {
  std::string id;
  User author;
  std::string text;
  std::string createdAt;  // RFC 3339, UTC
  bool isReply = false;
  int replyCount = 0;
  int likeCount = 0;
  int retweetCount = 0;
  std::shared_ptr<Tweet> retweetOf;  // set for a retweet

  static Tweet fromJson(const nlohmann::json& json);
};

struct TweetPage {
  std::vector<Tweet> tweets;
  std::optional<std::string> endCursor;
  bool hasNextPage = false;
  nlohmann::json raw;

  static TweetPage fromJson(const nlohmann::json& json);
};

struct Session {
  std::string token;
  std::string expiresAt;
  User user;
  nlohmann::json raw;
};

}  // namespace mt::client
