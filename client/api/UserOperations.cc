#include "UserOperations.h"

#include "FieldMutation.h"

namespace mt::client {

namespace {

// Runs `query`, which reads `user(username: $username)` with `page`'s variables, and
// returns the user's JSON, or nullptr when there is no such user.
const nlohmann::json* readUser(const ApiClient& api, const std::string& token,
                               const std::string& query, const std::string& username,
                               const PageRequest& page, nlohmann::json& data) {
  nlohmann::json variables = page.variables();
  variables["username"] = username;
  data = api.execute(query, variables, token);
  const auto& user = data.at("user");
  return user.is_null() ? nullptr : &user;
}

constexpr const char* kUserQueryHead =
    "query($username: String!, $first: Int, $after: String) { user(username: $username) { ";

}  // namespace

const char* fieldName(GraphAction action) {
  constexpr const char* kFields[] = {"follow", "unfollow", "block", "unblock"};
  return kFields[static_cast<int>(action)];
}

User changeRelationship(const ApiClient& api, const std::string& token, GraphAction action,
                        const std::string& username, nlohmann::json* raw) {
  return User::fromJson(runFieldMutation(api, token, fieldName(action), "username", "String!",
                                         username, std::string("{ ") + kUserListFields + " }",
                                         raw));
}

std::optional<Profile> profile(const ApiClient& api, const std::string& token,
                               const std::string& username, const PageRequest& tweets) {
  nlohmann::json data;
  const auto* user = readUser(api, token,
                              std::string(kUserQueryHead) + kUserListFields +
                                  " bio createdAt tweets(first: $first, after: $after) " +
                                  pageSelection(listedTweetFields()) + " } }",
                              username, tweets, data);
  if (!user) return std::nullopt;
  Profile result;
  result.user = User::fromJson(*user);
  result.tweets = TweetPage::fromJson(user->at("tweets"));
  result.raw = data;
  return result;
}

std::optional<UserPage> userList(const ApiClient& api, const std::string& token,
                                 const std::string& username, UserList list,
                                 const PageRequest& page) {
  const char* field = list == UserList::Followers ? "followers" : "following";
  nlohmann::json data;
  const auto* user =
      readUser(api, token,
               std::string(kUserQueryHead) + "username " + field +
                   "(first: $first, after: $after) " + pageSelection(kUserListFields) + " } }",
               username, page, data);
  if (!user) return std::nullopt;
  UserPage result = UserPage::fromJson(user->at(field));
  result.raw = data;
  return result;
}

}  // namespace mt::client
