#pragma once

#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "ApiErrors.h"
#include "Commands.h"

namespace mt::client::cli {

// What the subcommands share: their common shape, and how they run requests.

// What a command with one required argument does with it.
using ArgumentAction = std::function<void(const CommandContext&, const std::string& argument)>;

// Adds `name ARGUMENT` (like `like ID`, `follow USERNAME`) that runs `action`.
CLI::App* addArgumentCommand(CLI::App& app, Action& chosen, const std::string& name,
                             const std::string& help, const std::string& argumentName,
                             const std::string& argumentHelp, ArgumentAction action);

// Runs `operation` with the stored session when there is one, else anonymously: for
// reads that work for everyone but say more to a logged-in user.
template <typename Operation>
auto withSessionIfAny(const CommandContext& context, Operation operation) {
  if (context.store.load(context.api.serverName())) return context.withSession(operation);
  return operation(std::string());
}

// Refusals the client words itself, by extensions.code; others keep the server's words.
using Rewording = std::map<std::string, std::string>;

// Runs `operation`; an ApiError whose code `rewording` names is thrown again with that
// message (and the same code, so the exit code does not change).
template <typename Operation>
auto reworded(const Rewording& rewording, Operation operation) {
  try {
    return operation();
  } catch (const ApiError& error) {
    const auto found = rewording.find(error.code());
    if (found == rewording.end()) throw;
    throw ApiError(error.code(), error.field(), found->second);
  }
}

// Runs `operation(token, &raw)` as the logged-in user, with `rewording`; then prints
// the response's data (`raw`) with --json, else the line `describe(result)` returns.
template <typename Operation, typename Describe>
void changeAndReport(const CommandContext& context, const Rewording& rewording, Operation operation,
                     Describe describe) {
  nlohmann::json raw;
  const auto result = reworded(rewording, [&] {
    return context.withSession([&](const std::string& token) { return operation(token, &raw); });
  });
  if (context.json) {
    printJson(raw);
  } else {
    std::cout << describe(result) << "\n";
  }
}

// NOT_FOUND for a tweet id.
Rewording tweetRefusals(const std::string& id);
// NOT_FOUND for a username.
Rewording userRefusals(const std::string& username);

}  // namespace mt::client::cli
