#pragma once

#include <optional>
#include <string>

#include "ApiClient.h"
#include "Model.h"

namespace mt::client {

// Tweets and timelines. Each throws what ApiClient::execute throws.

// `raw` gets the response's data.
Tweet postTweet(const ApiClient& api, const std::string& token, const std::string& text,
                const std::optional<std::string>& replyTo = std::nullopt,
                nlohmann::json* raw = nullptr);
// The logged-in user's timeline, newest first: `first` tweets after the cursor `after`.
TweetPage timeline(const ApiClient& api, const std::string& token, int first,
                   const std::optional<std::string>& after = std::nullopt);

}  // namespace mt::client
