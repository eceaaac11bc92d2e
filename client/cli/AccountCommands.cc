#include <iostream>
#include <memory>
#include <optional>

#include "ApiErrors.h"
#include "AuthOperations.h"
#include "Commands.h"
#include "TerminalInput.h"

namespace mt::client::cli {

namespace {

struct SignInOptions {
  std::string username;
  std::optional<std::string> password;
  std::optional<std::string> displayName;
};

void addPasswordOption(CLI::App& command, SignInOptions& options) {
  command
      .add_option("--password", options.password,
                  "The password (else MINITWITTER_PASSWORD, else asked for; read from "
                  "standard input when it is not a terminal)")
      ->envname("MINITWITTER_PASSWORD");
}

std::string passwordOf(const SignInOptions& options) {
  return options.password ? *options.password
                          : readPassword("password for @" + options.username + ": ");
}

// Stores the new session and tells the user.
void remember(const CommandContext& context, const Session& session, const char* verb) {
  context.store.save(context.api.serverName(), {session.token, session.user.username});
  if (context.json) {
    printJson(session.raw);
    return;
  }
  std::cout << verb << " as @" << session.user.username << " (" << session.user.displayName
            << ") on " << context.api.serverName() << "\n";
}

}  // namespace

void addAccountCommands(CLI::App& app, Action& chosen) {
  auto signupOptions = std::make_shared<SignInOptions>();
  auto* signupCommand = app.add_subcommand("signup", "Create an account and log in to it");
  signupCommand->add_option("USERNAME", signupOptions->username, "3 to 20 letters, digits or '_'")
      ->required();
  addPasswordOption(*signupCommand, *signupOptions);
  signupCommand->add_option("--display-name", signupOptions->displayName,
                            "The name shown on your tweets (default: the username)");
  signupCommand->callback([&chosen, signupOptions] {
    chosen = [signupOptions](const CommandContext& context) {
      const std::string password = passwordOf(*signupOptions);
      remember(context,
               signup(context.api, signupOptions->username, password, signupOptions->displayName),
               "signed up and logged in");
    };
  });

  auto loginOptions = std::make_shared<SignInOptions>();
  auto* loginCommand = app.add_subcommand("login", "Log in and keep the session for this server");
  loginCommand->add_option("USERNAME", loginOptions->username, "Your username")->required();
  addPasswordOption(*loginCommand, *loginOptions);
  loginCommand->callback([&chosen, loginOptions] {
    chosen = [loginOptions](const CommandContext& context) {
      const std::string password = passwordOf(*loginOptions);
      remember(context, login(context.api, loginOptions->username, password), "logged in");
    };
  });

  app.add_subcommand("logout", "End the session on the server and forget its token")
      ->callback([&chosen] {
        chosen = [](const CommandContext& context) {
          const auto credentials = context.store.load(context.api.serverName());
          bool ended = false;
          if (credentials) {
            // Forget it first: a token the server no longer honours is useless anyway,
            // and a server that cannot be reached must not keep us logged in locally.
            context.store.forget(context.api.serverName());
            try {
              ended = logout(context.api, credentials->token);
            } catch (const ApiError& error) {
              if (error.code() != "UNAUTHENTICATED") throw;
            }
          }
          if (context.json) {
            printJson({{"logout", ended}});
          } else if (credentials) {
            std::cout << "logged out of " << context.api.serverName() << "\n";
          } else {
            std::cout << "not logged in to " << context.api.serverName() << "\n";
          }
        };
      });

  app.add_subcommand("whoami", "Show who you are logged in as")->callback([&chosen] {
    chosen = [](const CommandContext& context) {
      nlohmann::json raw;
      const auto user = context.withSession(
          [&](const std::string& token) { return me(context.api, token, &raw); });
      if (!user) context.sessionExpired(context.requireSession());
      if (context.json) {
        printJson(raw);
        return;
      }
      std::cout << user->displayName << " @" << user->username << " on " << context.api.serverName()
                << "\n"
                << user->tweetCount << " tweets · " << user->followerCount << " followers · "
                << user->followingCount << " following\n";
    };
  });
}

}  // namespace mt::client::cli
