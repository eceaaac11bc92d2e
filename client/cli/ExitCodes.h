#pragma once

namespace mt::client::cli {

// What scripts branch on; documented in --help's footer and docs/client.md.
enum ExitCode : int {
  kOk = 0,
  kLocalError = 1,      // the credentials file or standard input could not be used
  kUsageError = 2,      // bad command line
  kNotLoggedIn = 3,     // no session, or it expired or was revoked
  kServerFailure = 4,   // server unreachable, or it failed to answer properly
  kRequestRefused = 5,  // the server refused the request (bad input, not found, ...)
};

constexpr const char* kExitCodesHelp =
    "Exit codes: 0 ok; 1 local problem (credentials file, input); 2 usage error;\n"
    "3 not logged in or session expired; 4 server unreachable or server error;\n"
    "5 the server refused the request (bad input, not found, forbidden, conflict).\n"
    "Environment: MINITWITTER_SERVER (the server), MINITWITTER_PASSWORD (password).";

}  // namespace mt::client::cli
