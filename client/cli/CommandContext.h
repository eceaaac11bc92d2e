#pragma once

#include <stdexcept>
#include <string>

#include "ApiClient.h"
#include "ApiErrors.h"
#include "CredentialStore.h"

namespace mt::client::cli {

// No usable session: the command needs one. Exit code 3.
class NotLoggedIn : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What every subcommand works with, built once the command line is parsed.
struct CommandContext {
  ApiClient api;
  CredentialStore store;
  bool json = false;

  // The stored token for this server; throws NotLoggedIn when there is none.
  Credentials requireSession() const;
  // Runs an operation that needs a session. An UNAUTHENTICATED answer means the token
  // expired or was revoked: it is forgotten and NotLoggedIn thrown.
  template <typename Operation>
  auto withSession(Operation operation) const {
    const Credentials credentials = requireSession();
    try {
      return operation(credentials.token);
    } catch (const ApiError& error) {
      if (error.code() == "UNAUTHENTICATED") sessionExpired(credentials);
      throw;
    }
  }

  [[noreturn]] void sessionExpired(const Credentials& credentials) const;
};

// Prints `json` (pretty) on standard output.
void printJson(const nlohmann::json& json);

}  // namespace mt::client::cli
