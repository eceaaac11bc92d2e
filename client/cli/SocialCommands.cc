// Changing who you follow and block: follow, unfollow, block, unblock.
#include "CommandSupport.h"
#include "Commands.h"
#include "UserOperations.h"

namespace mt::client::cli {

namespace {

struct GraphCommand {
  GraphAction action;
  const char* help;
  const char* done;  // what people read: "<done> @bob<after>"
  const char* after;
};

constexpr GraphCommand kGraphCommands[] = {
    {GraphAction::Follow, "Follow a user: their tweets join your timeline", "you now follow", ""},
    {GraphAction::Unfollow, "Stop following a user", "you no longer follow", ""},
    {GraphAction::Block, "Block a user: no follows either way, they no longer see your tweets",
     "blocked", ": they can no longer follow you, see your tweets or mention you"},
    {GraphAction::Unblock, "Unblock a user (follows are not restored)", "unblocked", ""},
};

void addGraphCommand(CLI::App& app, Action& chosen, const GraphCommand& command) {
  addArgumentCommand(
      app, chosen, fieldName(command.action), command.help, "USERNAME", "The user",
      [command](const CommandContext& context, const std::string& username) {
        Rewording rewording = userRefusals(username);
        rewording["FORBIDDEN"] = std::string("you cannot ") + fieldName(command.action) + " @" +
                                 username + ": one of you has blocked the other";
        changeAndReport(
            context, rewording,
            [&](const std::string& token, nlohmann::json* raw) {
              return changeRelationship(context.api, token, command.action, username, raw);
            },
            [&](const User& user) {
              return std::string(command.done) + " @" + user.username + command.after;
            });
      });
}

}  // namespace

void addSocialCommands(CLI::App& app, Action& chosen) {
  for (const auto& command : kGraphCommands)
    addGraphCommand(app, chosen, command);
}

}  // namespace mt::client::cli
