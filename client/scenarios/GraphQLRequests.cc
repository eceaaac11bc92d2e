#include "GraphQLRequests.h"

#include <utility>

namespace mt::load::graphql {
namespace {

using nlohmann::json;

constexpr std::string_view kSignup =
    "mutation($u: String!, $p: String!) { signup(username: $u, password: $p) { token } }";
constexpr std::string_view kLogin =
    "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }";
constexpr std::string_view kPostTweet = "mutation($t: String!) { postTweet(text: $t) { id } }";
constexpr std::string_view kFollow =
    "mutation($u: String!) { follow(username: $u) { id followerCount viewerFollows } }";
constexpr std::string_view kLike =
    "mutation($id: ID!) { like(id: $id) { id likeCount viewerLiked } }";
constexpr std::string_view kTimeline =
    "query($n: Int) { timeline(first: $n) { nodes { id text createdAt author { username "
    "displayName } likeCount retweetCount viewerLiked } pageInfo { endCursor hasNextPage } } }";
constexpr std::string_view kProfile =
    "query($u: String!, $n: Int) { user(username: $u) { id username displayName bio "
    "tweetCount followerCount followingCount viewerFollows followsViewer tweets(first: $n) { "
    "nodes { id text createdAt likeCount retweetCount } } } }";

constexpr std::string_view kTimelineTweet =
    "subscription { timelineTweet { id text createdAt author { username } } }";

HttpRequest apiRequest(std::string_view query, json variables, std::string_view token) {
  HttpRequest request;
  request.method = "POST";
  request.target = "/api";
  request.contentType = "application/json";
  if (!token.empty()) {
    request.authorization.reserve(7 + token.size());
    request.authorization.append("Bearer ").append(token);
  }
  json body = {{"query", query}, {"variables", std::move(variables)}};
  // Replace, not throw, on invalid UTF-8: texts are ours, but a bad prefix must not abort.
  request.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return request;
}

bool isStatsCode(const std::string& code) {
  if (code.empty() || code.size() > 40) return false;
  for (char c : code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

HttpRequest subscribeTimeline(std::string_view token) {
  HttpRequest request = apiRequest(kTimelineTweet, json::object(), token);
  request.accept = "text/event-stream";
  return request;
}

HttpRequest signup(std::string_view username, std::string_view password) {
  return apiRequest(kSignup, {{"u", username}, {"p", password}}, {});
}

HttpRequest login(std::string_view username, std::string_view password) {
  return apiRequest(kLogin, {{"u", username}, {"p", password}}, {});
}

HttpRequest postTweet(std::string_view token, std::string_view text) {
  return apiRequest(kPostTweet, {{"t", text}}, token);
}

HttpRequest follow(std::string_view token, std::string_view username) {
  return apiRequest(kFollow, {{"u", username}}, token);
}

HttpRequest like(std::string_view token, std::string_view tweetId) {
  return apiRequest(kLike, {{"id", tweetId}}, token);
}

HttpRequest timeline(std::string_view token, int first) {
  return apiRequest(kTimeline, {{"n", first}}, token);
}

HttpRequest profile(std::string_view token, std::string_view username, int tweets) {
  return apiRequest(kProfile, {{"u", username}, {"n", tweets}}, token);
}

std::string httpErrorKind(int status) {
  return "http_" + std::to_string(status);
}

std::string graphqlErrorKind(const json& errors) {
  if (errors.is_array() && !errors.empty() && errors.front().is_object()) {
    const json& first = errors.front();
    auto extensions = first.find("extensions");
    if (extensions != first.end() && extensions->is_object()) {
      auto code = extensions->find("code");
      if (code != extensions->end() && code->is_string() &&
          isStatsCode(code->get_ref<const std::string&>())) {
        return "graphql:" + code->get<std::string>();
      }
    }
  }
  return "graphql";
}

Reply judge(const HttpResponse& response) {
  if (response.status != 200) return {{httpErrorKind(response.status)}, {}};
  json document = json::parse(response.body.begin(), response.body.end(), nullptr,
                              /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.is_object()) return {{std::string(kBadResponse)}, {}};
  auto errors = document.find("errors");
  if (errors != document.end() && !(errors->is_array() && errors->empty())) {
    return {{graphqlErrorKind(*errors)}, {}};
  }
  auto data = document.find("data");
  if (data == document.end() || !data->is_object()) return {{std::string(kBadResponse)}, {}};
  return {{}, std::move(*data)};
}

}  // namespace mt::load::graphql
