// Reading about users: user (a profile and its tweets), followers, following.
#include <iostream>
#include <memory>

#include "CommandSupport.h"
#include "Commands.h"
#include "Paging.h"
#include "UserFormat.h"
#include "UserOperations.h"

namespace mt::client::cli {

namespace {

struct UserOptions {
  std::string username;
  PageOptions page;
};

// Adds `name USERNAME [--limit N] [--before CURSOR]`, which runs `show`.
template <typename Show>
void addUserCommand(CLI::App& app, Action& chosen, const std::string& name, const std::string& help,
                    const std::string& items, Show show) {
  auto options = std::make_shared<UserOptions>();
  auto* command = app.add_subcommand(name, help);
  command->add_option("USERNAME", options->username, "The user")->required();
  addPageOptions(*command, options->page, items);
  command->callback([&chosen, options, show] {
    chosen = [options, show](const CommandContext& context) { show(context, *options); };
  });
}

// Reads with the session when there is one (for the relationship flags); an unknown
// username is NOT_FOUND, worded like every other command's.
template <typename Read>
auto readUser(const CommandContext& context, const std::string& username, Read read) {
  auto found = withSessionIfAny(context, read);
  if (!found) throw ApiError("NOT_FOUND", "", userRefusals(username).at("NOT_FOUND"));
  return *found;
}

void showProfile(const CommandContext& context, const UserOptions& options) {
  const Profile found = readUser(context, options.username, [&](const std::string& token) {
    return profile(context.api, token, options.username, options.page.request());
  });
  if (context.json) {
    printJson(found.raw);
    return;
  }
  std::cout << formatProfile(found.user) << "\n";
  const std::string name = "@" + found.user.username;
  printTweetPage(found.tweets, options.page, "user " + found.user.username,
                 found.user.blocksViewer ? name + " has blocked you: their tweets are hidden"
                                         : name + " has not tweeted yet");
}

void showUserList(const CommandContext& context, const UserOptions& options, UserList list) {
  const UserPage page = readUser(context, options.username, [&](const std::string& token) {
    return userList(context.api, token, options.username, list, options.page.request());
  });
  if (context.json) {
    printJson(page.raw);
    return;
  }
  const bool followers = list == UserList::Followers;
  if (page.items.empty()) {
    const std::string name = "@" + page.raw.at("user").value("username", options.username);
    std::cout << (options.page.before ? "no more"
                  : followers         ? name + " has no followers"
                                      : name + " follows no one")
              << "\n";
    return;
  }
  std::cout << formatUserTable(page.items)
            << olderHint(page, options.page,
                         std::string(followers ? "followers " : "following ") + options.username);
}

}  // namespace

void addProfileCommands(CLI::App& app, Action& chosen) {
  addUserCommand(app, chosen, "user", "Show a user's profile and their latest tweets", "tweets",
                 showProfile);
  addUserCommand(app, chosen, "followers", "List the users who follow a user, newest first",
                 "users", [](const CommandContext& context, const UserOptions& options) {
                   showUserList(context, options, UserList::Followers);
                 });
  addUserCommand(app, chosen, "following", "List the users a user follows, newest first", "users",
                 [](const CommandContext& context, const UserOptions& options) {
                   showUserList(context, options, UserList::Following);
                 });
}

}  // namespace mt::client::cli
