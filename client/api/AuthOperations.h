#pragma once

#include <optional>
#include <string>

#include "ApiClient.h"
#include "Model.h"

namespace mt::client {

// Accounts and sessions. Each throws what ApiClient::execute throws.

Session signup(const ApiClient& api, const std::string& username, const std::string& password,
               const std::optional<std::string>& displayName = std::nullopt);
Session login(const ApiClient& api, const std::string& username, const std::string& password);
// True when the server had a session for `token`.
bool logout(const ApiClient& api, const std::string& token);
// The logged-in user; nullopt when the token names no session. `raw` gets the data.
std::optional<User> me(const ApiClient& api, const std::string& token,
                       nlohmann::json* raw = nullptr);

}  // namespace mt::client
