#include "Model.h"

#include "ApiErrors.h"

namespace mt::client {

namespace {

// Missing fields read as empty/zero/false: the client asks only for what it shows, and
// a response without them is shown with blanks rather than refused.
std::string stringField(const nlohmann::json& json, const char* key) {
  auto it = json.find(key);
  return it != json.end() && it->is_string() ? it->get<std::string>() : "";
}

int number(const nlohmann::json& json, const char* key) {
  auto it = json.find(key);
  return it != json.end() && it->is_number_integer() ? it->get<int>() : 0;
}

bool flag(const nlohmann::json& json, const char* key) {
  auto it = json.find(key);
  return it != json.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace

namespace detail {

void requireObject(const nlohmann::json& json, const char* what) {
  if (!json.is_object()) throw ServerError(std::string("the server sent a malformed ") + what);
}

}  // namespace detail

User User::fromJson(const nlohmann::json& json) {
  detail::requireObject(json, "user");
  User user;
  user.id = stringField(json, "id");
  user.username = stringField(json, "username");
  user.displayName = stringField(json, "displayName");
  user.bio = stringField(json, "bio");
  user.createdAt = stringField(json, "createdAt");
  user.tweetCount = number(json, "tweetCount");
  user.followerCount = number(json, "followerCount");
  user.followingCount = number(json, "followingCount");
  user.isViewer = flag(json, "isViewer");
  user.viewerFollows = flag(json, "viewerFollows");
  user.followsViewer = flag(json, "followsViewer");
  user.viewerBlocks = flag(json, "viewerBlocks");
  user.blocksViewer = flag(json, "blocksViewer");
  return user;
}

Tweet Tweet::fromJson(const nlohmann::json& json) {
  detail::requireObject(json, "tweet");
  Tweet tweet;
  tweet.id = stringField(json, "id");
  if (json.contains("author")) tweet.author = User::fromJson(json["author"]);
  tweet.text = stringField(json, "text");
  tweet.createdAt = stringField(json, "createdAt");
  tweet.isReply = flag(json, "isReply");
  tweet.replyCount = number(json, "replyCount");
  tweet.likeCount = number(json, "likeCount");
  tweet.retweetCount = number(json, "retweetCount");
  tweet.viewerLiked = flag(json, "viewerLiked");
  tweet.viewerRetweeted = flag(json, "viewerRetweeted");
  if (json.contains("retweetOf") && json["retweetOf"].is_object()) {
    tweet.retweetOf = std::make_shared<Tweet>(Tweet::fromJson(json["retweetOf"]));
  }
  return tweet;
}

}  // namespace mt::client
