#include "CommandSupport.h"

#include <memory>

namespace mt::client::cli {

CLI::App* addArgumentCommand(CLI::App& app, Action& chosen, const std::string& name,
                             const std::string& help, const std::string& argumentName,
                             const std::string& argumentHelp, ArgumentAction action) {
  auto argument = std::make_shared<std::string>();
  auto* command = app.add_subcommand(name, help);
  command->add_option(argumentName, *argument, argumentHelp)->required();
  command->callback([&chosen, argument, action = std::move(action)] {
    chosen = [argument, action](const CommandContext& context) { action(context, *argument); };
  });
  return command;
}

Rewording tweetRefusals(const std::string& id) {
  return {{"NOT_FOUND", "tweet " + id + " does not exist or is not visible to you"}};
}

Rewording userRefusals(const std::string& username) {
  return {{"NOT_FOUND", "no user @" + username}};
}

}  // namespace mt::client::cli
