// minitwitter-client: the command-line client. Every failure is one line on standard
// error and an exit code a script can branch on (ExitCodes.h).
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "ApiErrors.h"
#include "Commands.h"
#include "ExitCodes.h"
#include "UsageError.h"

namespace {

using namespace mt::client;
using namespace mt::client::cli;

int fail(ExitCode code, const std::string& message) {
  std::cerr << "minitwitter-client: " << message << "\n";
  return code;
}

// Errors the server reports about itself rather than about the request (SLOW_CONSUMER:
// it dropped a subscription that could not keep up).
bool isServerFailure(const ApiError& error) {
  return error.code() == "INTERNAL" || error.code() == "DATABASE_UNAVAILABLE" ||
         error.code() == "SLOW_CONSUMER";
}

int run(const Action& action, const std::string& server, bool json) {
  try {
    const CommandContext context{ApiClient(server),
                                 CredentialStore(CredentialStore::defaultFolder()), json};
    action(context);
    return kOk;
  } catch (const BadServerUrl& error) {
    return fail(kUsageError, error.what());
  } catch (const UsageError& error) {
    return fail(kUsageError, error.what());
  } catch (const NotLoggedIn& error) {
    return fail(kNotLoggedIn, error.what());
  } catch (const ServerUnreachable& error) {
    return fail(kServerFailure, error.what());
  } catch (const ServerError& error) {
    return fail(kServerFailure, error.what());
  } catch (const ApiError& error) {
    return fail(isServerFailure(error) ? kServerFailure : kRequestRefused, error.what());
  } catch (const CredentialsError& error) {
    return fail(kLocalError, error.what());
  } catch (const nlohmann::json::exception&) {
    return fail(kServerFailure,
                "the server at " + server + " sent a response the client does not understand");
  } catch (const std::exception& error) {
    return fail(kLocalError, error.what());
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("minitwitter-client: use a minitwitter server from the terminal",
               "minitwitter-client");
  app.footer(kExitCodesHelp);
  app.require_subcommand(1);
  app.set_version_flag("--version", "minitwitter-client " MT_CLIENT_VERSION);
  app.fallthrough();  // global options may follow the subcommand
  app.failure_message([](const CLI::App*, const CLI::Error& error) {
    return "minitwitter-client: " + std::string(error.what()) + " (see --help)\n";
  });

  std::string server = "http://localhost:8080";
  bool json = false;
  app.add_option("--server", server, "The server's URL (http://host:port)")
      ->envname("MINITWITTER_SERVER")
      ->capture_default_str();
  app.add_flag("--json", json, "Print the server's data as JSON, for scripts");

  Action chosen;
  addAccountCommands(app, chosen);
  addTweetCommands(app, chosen);
  addTweetListCommands(app, chosen);
  addSocialCommands(app, chosen);
  addProfileCommands(app, chosen);
  addQueryCommand(app, chosen);
  addLoadCommands(app, chosen);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kOk : kUsageError;
  }
  return run(chosen, server, json);
}
