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
// post, timeline.
void addTweetCommands(CLI::App& app, Action& chosen);

}  // namespace mt::client::cli
