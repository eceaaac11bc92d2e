#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The #hashtags and @mentions of a tweet's text (the rules are in docs/twitter.md).
namespace mt::twitter {

inline constexpr std::size_t kHashtagMaxLength = 50;
inline constexpr std::size_t kMaxHashtagsPerTweet = 10;
inline constexpr std::size_t kMaxMentionsPerTweet = 10;

struct TweetEntities {
  std::vector<std::string> hashtags;  // lower-case, without '#', distinct, in order
  std::vector<std::string> mentions;  // lower-case usernames without '@', distinct, in order
};

// `text` must be valid UTF-8 (checkTweetText's value); invalid text yields nothing.
TweetEntities extractEntities(std::string_view text);

// A hashtag as a query names it: with or without its '#', any case. The stored form
// (lower-case, without '#'), or nullopt if it is not a hashtag.
std::optional<std::string> normaliseHashtag(std::string_view tag);

}  // namespace mt::twitter
