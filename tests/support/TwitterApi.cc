#include "TwitterApi.h"

#include <algorithm>
#include <atomic>
#include <ctime>

namespace mt::testing {

namespace {

std::atomic<int> nameCounter{0};

std::string withCounter(std::string_view stem) {
  return std::string(stem.substr(0, 12)) + "_" + std::to_string(++nameCounter);
}

}  // namespace

std::string repeated(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i)
    out += piece;
  return out;
}

std::optional<double> parseRfc3339(const std::string& text) {
  // YYYY-MM-DDTHH:MM:SS, then an optional fraction, then Z. (No std::regex: GCC 12's
  // warns about its own internals under the asan preset.)
  auto digitsAt = [&text](std::size_t at, std::size_t count) {
    if (at + count > text.size()) return false;
    return std::all_of(text.begin() + at, text.begin() + at + count,
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  auto number = [&text](std::size_t at, std::size_t count) {
    return std::stoi(text.substr(at, count));
  };
  if (text.size() < 20 || !digitsAt(0, 4) || text[4] != '-' || !digitsAt(5, 2) || text[7] != '-' ||
      !digitsAt(8, 2) || text[10] != 'T' || !digitsAt(11, 2) || text[13] != ':' ||
      !digitsAt(14, 2) || text[16] != ':' || !digitsAt(17, 2)) {
    return std::nullopt;
  }
  std::size_t end = 19;
  double fraction = 0;
  if (text[end] == '.') {
    std::size_t digits = 0;
    while (digitsAt(end + 1 + digits, 1))
      ++digits;
    if (digits == 0 || digits > 9) return std::nullopt;
    fraction = std::stod("0" + text.substr(end, digits + 1));
    end += digits + 1;
  }
  if (end + 1 != text.size() || text[end] != 'Z') return std::nullopt;
  std::tm tm{};
  tm.tm_year = number(0, 4) - 1900;
  tm.tm_mon = number(5, 2) - 1;
  tm.tm_mday = number(8, 2);
  tm.tm_hour = number(11, 2);
  tm.tm_min = number(14, 2);
  tm.tm_sec = number(17, 2);
  return static_cast<double>(::timegm(&tm)) + fraction;
}

std::string uniqueUsername(std::string_view stem) {
  return withCounter(stem);
}

std::string uniqueTag(std::string_view stem) {
  return withCounter(stem);
}

nlohmann::json TwitterApi::mustRun(const std::string& query, const nlohmann::json& variables,
                                   const std::string& token) {
  GraphQLResponse response = run(query, variables, token);
  if (response.status() != 200 || response.hasErrors() || response.data().is_null()) {
    throw TwitterCallFailed("this call had to succeed:\n" + query + "\nvariables " +
                            variables.dump() + "\nanswer: " + response.describe());
  }
  return response.data();
}

TwitterAccount TwitterApi::signup(const std::string& username, const std::string& password) {
  auto data = mustRun(
      "mutation($u: String!, $p: String!) { signup(username: $u, password: $p) "
      "{ token user { id username } } }",
      {{"u", username}, {"p", password}});
  return {data["signup"]["user"]["id"], data["signup"]["user"]["username"],
          data["signup"]["token"]};
}

std::string TwitterApi::login(const std::string& username, const std::string& password) {
  auto data =
      mustRun("mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
              {{"u", username}, {"p", password}});
  return data["login"]["token"];
}

std::string TwitterApi::postTweet(const TwitterAccount& as, const std::string& text,
                                  const std::optional<std::string>& replyTo) {
  nlohmann::json variables = {{"t", text}};
  variables["r"] = replyTo ? nlohmann::json(*replyTo) : nlohmann::json(nullptr);
  auto data = mustRun("mutation($t: String!, $r: ID) { postTweet(text: $t, replyTo: $r) { id } }",
                      variables, as.token);
  return data["postTweet"]["id"];
}

namespace {

void userMutation(TwitterApi& api, const char* field, const TwitterAccount& as,
                  const std::string& username) {
  api.mustRun(std::string("mutation($u: String!) { ") + field + "(username: $u) { id } }",
              {{"u", username}}, as.token);
}

void tweetMutation(TwitterApi& api, const char* field, const char* selection,
                   const TwitterAccount& as, const std::string& id) {
  api.mustRun(std::string("mutation($id: ID!) { ") + field + "(id: $id)" + selection + " }",
              {{"id", id}}, as.token);
}

}  // namespace

void TwitterApi::follow(const TwitterAccount& as, const std::string& username) {
  userMutation(*this, "follow", as, username);
}
void TwitterApi::unfollow(const TwitterAccount& as, const std::string& username) {
  userMutation(*this, "unfollow", as, username);
}
void TwitterApi::block(const TwitterAccount& as, const std::string& username) {
  userMutation(*this, "block", as, username);
}
void TwitterApi::unblock(const TwitterAccount& as, const std::string& username) {
  userMutation(*this, "unblock", as, username);
}
void TwitterApi::like(const TwitterAccount& as, const std::string& tweetId) {
  tweetMutation(*this, "like", " { id }", as, tweetId);
}
void TwitterApi::retweet(const TwitterAccount& as, const std::string& tweetId) {
  tweetMutation(*this, "retweet", " { id }", as, tweetId);
}
void TwitterApi::deleteTweet(const TwitterAccount& as, const std::string& tweetId) {
  tweetMutation(*this, "deleteTweet", "", as, tweetId);
}

}  // namespace mt::testing
