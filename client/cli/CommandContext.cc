#include "CommandContext.h"

#include <iostream>

#include "ApiErrors.h"

namespace mt::client::cli {

Credentials CommandContext::requireSession() const {
  auto credentials = store.load(api.serverName());
  if (!credentials) {
    throw NotLoggedIn("not logged in: run `minitwitter-client login USERNAME`");
  }
  return *credentials;
}

void CommandContext::sessionExpired(const Credentials& credentials) const {
  store.forget(api.serverName());
  throw NotLoggedIn(
      "not logged in (the session expired or was revoked): run `minitwitter-client login " +
      (credentials.username.empty() ? std::string("USERNAME") : credentials.username) + "`");
}

void printJson(const nlohmann::json& json) {
  std::cout << json.dump(2) << "\n";
}

}  // namespace mt::client::cli
