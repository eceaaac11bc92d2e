#include "TweetOperations.h"

#include "FieldMutation.h"

namespace mt::client {

namespace {

// Reads the page of tweets `call` (a field with its arguments, e.g.
// `hashtag(tag: $tag, first: $first, after: $after)`) answers. `parameters` declares
// the variables beyond $first and $after, with a leading comma.
TweetPage readTweetPage(const ApiClient& api, const std::string& token, const char* field,
                        const std::string& parameters, const std::string& arguments,
                        nlohmann::json variables, const PageRequest& page) {
  variables.update(page.variables());
  const auto data = api.execute("query($first: Int, $after: String" + parameters + ") { " + field +
                                    "(" + arguments + "first: $first, after: $after) " +
                                    pageSelection(listedTweetFields()) + " }",
                                variables, token);
  TweetPage result = TweetPage::fromJson(data.at(field));
  result.raw = data;
  return result;
}

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

const char* fieldName(TweetAction action) {
  constexpr const char* kFields[] = {"retweet", "unretweet", "like", "unlike"};
  return kFields[static_cast<int>(action)];
}

Tweet actOnTweet(const ApiClient& api, const std::string& token, TweetAction action,
                 const std::string& id, nlohmann::json* raw) {
  return Tweet::fromJson(runFieldMutation(api, token, fieldName(action), "id", "ID!", id,
                                          std::string("{ ") + kTweetFields + " }", raw));
}

std::string deleteTweet(const ApiClient& api, const std::string& token, const std::string& id,
                        nlohmann::json* raw) {
  const auto deleted = runFieldMutation(api, token, "deleteTweet", "id", "ID!", id, "", raw);
  return deleted.is_string() ? deleted.get<std::string>() : id;
}

TweetPage timeline(const ApiClient& api, const std::string& token, const PageRequest& page) {
  return readTweetPage(api, token, "timeline", "", "", nlohmann::json::object(), page);
}

TweetPage mentions(const ApiClient& api, const std::string& token, const PageRequest& page) {
  return readTweetPage(api, token, "mentions", "", "", nlohmann::json::object(), page);
}

TweetPage hashtag(const ApiClient& api, const std::string& token, const std::string& tag,
                  const PageRequest& page) {
  return readTweetPage(api, token, "hashtag", ", $tag: String!", "tag: $tag, ", {{"tag", tag}},
                       page);
}

std::string tweetSubscription(const char* field) {
  return std::string("subscription { ") + field + " { " + listedTweetFields() + " } }";
}

}  // namespace mt::client
