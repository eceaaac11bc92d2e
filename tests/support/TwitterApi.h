#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "GraphQLClient.h"

namespace mt::testing {

// `piece` `times` times over: for strings of an exact length in code points.
std::string repeated(std::string_view piece, int times);
// Seconds since the epoch of an RFC 3339 timestamp in UTC ("2026-11-28T12:00:00.000Z",
// the schema's DateTime), or nullopt when `text` is not one.
std::optional<double> parseRfc3339(const std::string& text);

// A signed-up user as a test holds it.
struct TwitterAccount {
  std::string id;
  std::string username;
  std::string token;
};

// Selections the tests ask for again and again.
inline constexpr const char* kUserFields =
    "id username displayName bio createdAt tweetCount followerCount followingCount isViewer "
    "viewerFollows followsViewer viewerBlocks blocksViewer";
inline constexpr const char* kTweetFields =
    "id text createdAt isReply replyCount likeCount retweetCount viewerLiked viewerRetweeted "
    "hashtags author { id username } mentions { id username } replyTo { id } "
    "retweetOf { id text author { username } }";

inline constexpr const char* kTestPassword = "correct horse battery staple";

// A username no other call in this process returns: `stem` (at most 12 characters of
// letters, digits and '_') + '_' + a counter.
std::string uniqueUsername(std::string_view stem);
// Likewise for hashtags, which are global: a tag no other test uses.
std::string uniqueTag(std::string_view stem);

// Thrown by the TwitterApi shortcuts when a call that must succeed does not.
struct TwitterCallFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The Twitter's GraphQL API over one keep-alive connection, with shortcuts for the
// steps tests take to set a scene. The shortcuts throw TwitterCallFailed (carrying the
// response) unless the call succeeds, which fails the test that made it.
class TwitterApi {
 public:
  explicit TwitterApi(std::uint16_t port) : client_(port) {}

  GraphQLClient& client() { return client_; }
  GraphQLResponse run(const std::string& query,
                      const nlohmann::json& variables = nlohmann::json::object(),
                      const std::string& token = "") {
    return client_.execute(query, variables, token);
  }
  // `data` of a call that must succeed (no errors, data present).
  nlohmann::json mustRun(const std::string& query,
                         const nlohmann::json& variables = nlohmann::json::object(),
                         const std::string& token = "");

  TwitterAccount signup(const std::string& username, const std::string& password = kTestPassword);
  // A fresh account named after `stem`.
  TwitterAccount newAccount(std::string_view stem = "user") { return signup(uniqueUsername(stem)); }
  std::string login(const std::string& username, const std::string& password = kTestPassword);

  // The new tweet's id.
  std::string postTweet(const TwitterAccount& as, const std::string& text,
                        const std::optional<std::string>& replyTo = std::nullopt);
  void follow(const TwitterAccount& as, const std::string& username);
  void unfollow(const TwitterAccount& as, const std::string& username);
  void block(const TwitterAccount& as, const std::string& username);
  void unblock(const TwitterAccount& as, const std::string& username);
  void like(const TwitterAccount& as, const std::string& tweetId);
  void retweet(const TwitterAccount& as, const std::string& tweetId);
  void deleteTweet(const TwitterAccount& as, const std::string& tweetId);

 private:
  GraphQLClient client_;
};

}  // namespace mt::testing
