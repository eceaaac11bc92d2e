#pragma once

#include <optional>
#include <string>

#include "ApiClient.h"
#include "Model.h"
#include "Selections.h"

namespace mt::client {

// Tweets and lists of tweets. Each throws what ApiClient::execute throws; `raw`, when
// given, gets the response's data.

Tweet postTweet(const ApiClient& api, const std::string& token, const std::string& text,
                const std::optional<std::string>& replyTo = std::nullopt,
                nlohmann::json* raw = nullptr);

// The mutations that take a tweet's id and answer the (original) tweet.
// In the order of fieldName's table.
enum class TweetAction { Retweet, Unretweet, Like, Unlike };
// The mutation's field name: "retweet", "unretweet", "like", "unlike".
const char* fieldName(TweetAction action);
Tweet actOnTweet(const ApiClient& api, const std::string& token, TweetAction action,
                 const std::string& id, nlohmann::json* raw = nullptr);

// Deletes one of your tweets or retweets; returns its id.
std::string deleteTweet(const ApiClient& api, const std::string& token, const std::string& id,
                        nlohmann::json* raw = nullptr);

// Newest first. The page's `raw` is the response's data.
// The logged-in user's timeline.
TweetPage timeline(const ApiClient& api, const std::string& token, const PageRequest& page);
// Tweets that mention the logged-in user.
TweetPage mentions(const ApiClient& api, const std::string& token, const PageRequest& page);
// Tweets tagged `tag` (with or without '#'); `token` may be empty.
TweetPage hashtag(const ApiClient& api, const std::string& token, const std::string& tag,
                  const PageRequest& page);

// The subscription to new tweets of `field` ("timelineTweet", "mentioned"), asking for
// what listed tweets show; each result's data holds the tweet under `field`.
std::string tweetSubscription(const char* field);

}  // namespace mt::client
