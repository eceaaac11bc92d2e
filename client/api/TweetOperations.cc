#include "TweetOperations.h"

namespace mt::client {

namespace {

constexpr const char* kTweetFields =
    "id text createdAt isReply replyCount likeCount retweetCount"
    " author { id username displayName }";

}  // namespace

Tweet postTweet(const ApiClient& api, const std::string& token, const std::string& text,
                const std::optional<std::string>& replyTo, nlohmann::json* raw) {
  nlohmann::json variables = {{"text", text}};
  if (replyTo) variables["replyTo"] = *replyTo;
  const auto data = api.execute(std::string("mutation($text: String!, $replyTo: ID) {"
                                            " postTweet(text: $text, replyTo: $replyTo) { ") +
                                    kTweetFields + " } }",
                                variables, token);
  if (raw) *raw = data;
  return Tweet::fromJson(data.at("postTweet"));
}

TweetPage timeline(const ApiClient& api, const std::string& token, int first,
                   const std::optional<std::string>& after) {
  nlohmann::json variables = {{"first", first}};
  if (after) variables["after"] = *after;
  const auto data = api.execute(std::string("query($first: Int, $after: String) {"
                                            " timeline(first: $first, after: $after) {"
                                            " nodes { ") +
                                    kTweetFields + " retweetOf { " + kTweetFields +
                                    " } } pageInfo { endCursor hasNextPage } } }",
                                variables, token);
  TweetPage page = TweetPage::fromJson(data.at("timeline"));
  page.raw = data;
  return page;
}

}  // namespace mt::client
