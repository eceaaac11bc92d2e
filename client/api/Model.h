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
  std::string bio;
  std::string createdAt;  // RFC 3339, UTC; empty when not asked for
  int tweetCount = 0;
  int followerCount = 0;
  int followingCount = 0;
  // How the logged-in user relates to this one (all false for an anonymous reader).
  bool isViewer = false;
  bool viewerFollows = false;
  bool followsViewer = false;
  bool viewerBlocks = false;
  bool blocksViewer = false;

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
  bool viewerLiked = false;
  bool viewerRetweeted = false;
  std::shared_ptr<Tweet> retweetOf;  // set for a retweet

  static Tweet fromJson(const nlohmann::json& json);
};

namespace detail {
// Throws ServerError naming `what` when `json` is not an object.
void requireObject(const nlohmann::json& json, const char* what);
}  // namespace detail

// One page of a connection (TweetConnection, UserConnection). `raw` is the whole
// response's data when an operation returns the page.
template <typename Item>
struct Page {
  std::vector<Item> items;
  std::optional<std::string> endCursor;
  bool hasNextPage = false;
  nlohmann::json raw;

  static Page fromJson(const nlohmann::json& json) {
    detail::requireObject(json, "page");
    Page page;
    page.raw = json;
    if (json.contains("nodes") && json["nodes"].is_array()) {
      for (const auto& node : json["nodes"])
        page.items.push_back(Item::fromJson(node));
    }
    if (json.contains("pageInfo") && json["pageInfo"].is_object()) {
      const auto& info = json["pageInfo"];
      if (info.contains("endCursor") && info["endCursor"].is_string()) {
        page.endCursor = info["endCursor"].get<std::string>();
      }
      page.hasNextPage = info.value("hasNextPage", false);
    }
    return page;
  }
};

using TweetPage = Page<Tweet>;
using UserPage = Page<User>;

// A user's profile page: the user and a page of their tweets.
struct Profile {
  User user;
  TweetPage tweets;
  nlohmann::json raw;
};

struct Session {
  std::string token;
  std::string expiresAt;
  User user;
  nlohmann::json raw;
};

}  // namespace mt::client
