#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "HttpMessage.h"
#include "Scenario.h"

// The GraphQL calls virtual users make (POST /api, JSON {"query", "variables"}) and how
// their answers are judged. Each query asks for what the original client showed.
namespace mt::load::graphql {

// `token` empty: no Authorization header (sign-up and log-in).
HttpRequest signup(std::string_view username, std::string_view password);
HttpRequest login(std::string_view username, std::string_view password);
HttpRequest postTweet(std::string_view token, std::string_view text);
HttpRequest follow(std::string_view token, std::string_view username);
HttpRequest like(std::string_view token, std::string_view tweetId);
// The first `first` tweets of the timeline, with authors and counts.
HttpRequest timeline(std::string_view token, int first);
// A user's profile: counts, relationship and their first `tweets` tweets.
HttpRequest profile(std::string_view token, std::string_view username, int tweets);

// The subscription to timelineTweet (id, text, createdAt, author's username), asking
// for an event stream (graphql-sse).
HttpRequest subscribeTimeline(std::string_view token);

// A judged answer: on success `data` is the response's `data` object.
struct Reply {
  Outcome outcome;
  nlohmann::json data;
};

// Success only for HTTP 200 with a JSON object whose `data` is an object and whose
// `errors` is absent or empty. Otherwise the outcome names the kind (Scenario.h).
Reply judge(const HttpResponse& response);

// "http_<status>".
std::string httpErrorKind(int status);
// "graphql:<extensions.code>" of the first error, or "graphql" when it has no code
// fit for a stats key (upper-case letters, digits and '_', at most 40).
std::string graphqlErrorKind(const nlohmann::json& errors);

inline constexpr std::string_view kBadResponse = "bad_response";

}  // namespace mt::load::graphql
