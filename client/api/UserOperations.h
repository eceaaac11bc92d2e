#pragma once

#include <optional>
#include <string>

#include "ApiClient.h"
#include "Model.h"
#include "Selections.h"

namespace mt::client {

// Users and the social graph. Each throws what ApiClient::execute throws; `token` may
// be empty for the reads (the relationship flags are then all false).

// The mutations that take a username and answer that user.
// In the order of fieldName's table.
enum class GraphAction { Follow, Unfollow, Block, Unblock };
// The mutation's field name: "follow", "unfollow", "block", "unblock".
const char* fieldName(GraphAction action);
// `raw`, when given, gets the response's data.
User changeRelationship(const ApiClient& api, const std::string& token, GraphAction action,
                        const std::string& username, nlohmann::json* raw = nullptr);

// A user with bio, counts, flags and a page of their tweets; nullopt when no one has
// that username.
std::optional<Profile> profile(const ApiClient& api, const std::string& token,
                               const std::string& username, const PageRequest& tweets);

// A user's followers, or the users they follow, newest first; nullopt when no one has
// that username. The page's `raw` is the response's data.
enum class UserList { Followers, Following };
std::optional<UserPage> userList(const ApiClient& api, const std::string& token,
                                 const std::string& username, UserList list,
                                 const PageRequest& page);

}  // namespace mt::client
