#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace mt::client {

// The selection sets the typed operations ask for, so every command that shows a tweet
// or a user gets the same fields (and the model's fromJson finds them).

// A user as lists and relationship changes show them, with the viewer's flags.
inline constexpr const char* kUserListFields =
    "id username displayName tweetCount followerCount followingCount"
    " isViewer viewerFollows followsViewer viewerBlocks blocksViewer";

inline constexpr const char* kTweetFields =
    "id text createdAt isReply replyCount likeCount retweetCount viewerLiked viewerRetweeted"
    " author { id username displayName }";

// A tweet in a list: with its original when it is a retweet.
inline std::string listedTweetFields() {
  return std::string(kTweetFields) + " retweetOf { " + kTweetFields + " }";
}

// `{ nodes { <nodeFields> } pageInfo { endCursor hasNextPage } }`.
inline std::string pageSelection(const std::string& nodeFields) {
  return "{ nodes { " + nodeFields + " } pageInfo { endCursor hasNextPage } }";
}

// Which page of a list: `first` items after the cursor `after` (from the page before).
struct PageRequest {
  int first = 20;
  std::optional<std::string> after;

  // {"first", "after"}, the variables `$first: Int, $after: String` of every list.
  nlohmann::json variables() const {
    return {{"first", first}, {"after", after ? nlohmann::json(*after) : nlohmann::json()}};
  }
};

}  // namespace mt::client
