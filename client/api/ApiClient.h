#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "ServerUrl.h"

namespace mt::client {

// One GraphQL endpoint (POST <server>/api). Each call opens its own connection: the
// command-line client makes one or two calls per run, so keep-alive would buy nothing.
class ApiClient {
 public:
  // Throws BadServerUrl.
  explicit ApiClient(const std::string& serverUrl);

  // Runs `query` with `variables` (a JSON object; null for none) as the holder of
  // `token` (empty: anonymous) and returns the response's `data`. Throws
  // ServerUnreachable, ServerError or ApiError (the first of the response's errors).
  nlohmann::json execute(const std::string& query,
                         const nlohmann::json& variables = nlohmann::json(),
                         const std::string& token = "") const;

  const ServerUrl& url() const { return url_; }
  // The canonical URL, as printed in messages and used as the credentials key.
  const std::string& serverName() const { return serverName_; }

 private:
  ServerUrl url_;
  std::string serverName_;
};

}  // namespace mt::client
