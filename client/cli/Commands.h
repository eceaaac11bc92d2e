#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "CommandContext.h"

namespace mt::client::cli {

// Builds the context from the global options; called only once parsing succeeded.
using ContextFactory = std::function<CommandContext()>;
// What the chosen subcommand does; set by its parse callback, run by main.
using Action = std::function<void(const CommandContext&)>;

// signup, login, logout, whoami.
void addAccountCommands(CLI::App& app, Action& chosen);
// post, reply, retweet, unretweet, like, unlike, delete.
void addTweetCommands(CLI::App& app, Action& chosen);
// timeline, mentions, hashtag.
void addTweetListCommands(CLI::App& app, Action& chosen);
// follow, unfollow, block, unblock.
void addSocialCommands(CLI::App& app, Action& chosen);
// user, followers, following.
void addProfileCommands(CLI::App& app, Action& chosen);
// query: a raw GraphQL document.
void addQueryCommand(CLI::App& app, Action& chosen);
// load, merge-results: the load client and its results.
void addLoadCommands(CLI::App& app, Action& chosen);

}  // namespace mt::client::cli
