#include "Model.h"

#include "ApiErrors.h"

namespace mt::client {

namespace {

// Missing fields read as empty/zero: the client asks only for what it shows, and a
// response without them is shown with blanks rather than refused.
std::string stringField(const nlohmann::json& json, const char* key) {
  auto it = json.find(key);
  return it != json.end() && it->is_string() ? it->get<std::string>() : "";
}

int number(const nlohmann::json& json, const char* key) {
  auto it = json.find(key);
  return it != json.end() && it->is_number_integer() ? it->get<int>() : 0;
}

void requireObject(const nlohmann::json& json, const char* what) {
  if (!json.is_object()) throw ServerError(std::string("the server sent a malformed ") + what);
}

}  // namespace

User User::fromJson(const nlohmann::json& json) {
  requireObject(json, "user");
  User user;
  user.id = stringField(json, "id");
  user.username = stringField(json, "username");
  user.displayName = stringField(json, "displayName");
  user.tweetCount = number(json, "tweetCount");
  user.followerCount = number(json, "followerCount");
  user.followingCount = number(json, "followingCount");
  return user;
}

Tweet Tweet::fromJson(const nlohmann::json& json) {
  requireObject(json, "tweet");
  Tweet tweet;
  tweet.id = stringField(json, "id");
  if (json.contains("author")) tweet.author = User::fromJson(json["author"]);
  tweet.text = stringField(json, "text");
  tweet.createdAt = stringField(json, "createdAt");
  tweet.isReply = json.value("isReply", false);
  tweet.replyCount = number(json, "replyCount");
  tweet.likeCount = number(json, "likeCount");
  tweet.retweetCount = number(json, "retweetCount");
  if (json.contains("retweetOf") && json["retweetOf"].is_object()) {
    tweet.retweetOf = std::make_shared<Tweet>(Tweet::fromJson(json["retweetOf"]));
  }
  return tweet;
}

TweetPage TweetPage::fromJson(const nlohmann::json& json) {
  requireObject(json, "page of tweets");
  TweetPage page;
  page.raw = json;
  if (json.contains("nodes") && json["nodes"].is_array()) {
    for (const auto& node : json["nodes"])
      page.tweets.push_back(Tweet::fromJson(node));
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

}  // namespace mt::client
