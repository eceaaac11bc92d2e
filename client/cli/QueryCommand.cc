// query: a raw GraphQL document, for what no other command does.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

#include "AuthOperations.h"
#include "Commands.h"
#include "TerminalInput.h"

namespace mt::client::cli {

namespace {

struct QueryOptions {
  std::optional<std::string> document;  // "-": standard input
  std::optional<std::string> file;
  std::optional<std::string> variablesJson;
  std::vector<std::string> assignments;  // NAME=VALUE
  nlohmann::json variables;              // built from the two above once parsed
};

// `--var NAME=VALUE`: VALUE is JSON when it reads as JSON (42, true, null, "42",
// {"a": 1}), else a string, so `--var username=ada` needs no quotes.
void assign(nlohmann::json& variables, const std::string& assignment) {
  const auto equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0) {
    throw CLI::ValidationError("--var", "'" + assignment + "' is not NAME=VALUE");
  }
  const std::string value = assignment.substr(equals + 1);
  nlohmann::json parsed = nlohmann::json::parse(value, nullptr, false);
  variables[assignment.substr(0, equals)] = parsed.is_discarded() ? nlohmann::json(value) : parsed;
}

// Checks the command line (so that mistakes are usage errors, exit 2) and builds the
// variables: --variables first, then each --var over it.
void validate(QueryOptions& options) {
  if (!options.document && !options.file) {
    throw CLI::ValidationError("query",
                               "no document: give it as an argument, '-' for standard input, "
                               "or --file FILE");
  }
  if (options.document && options.file) {
    throw CLI::ValidationError("query",
                               "give the document as an argument or with --file, not both");
  }
  options.variables = nlohmann::json::object();
  if (options.variablesJson) {
    options.variables = nlohmann::json::parse(*options.variablesJson, nullptr, false);
    if (!options.variables.is_object()) {
      throw CLI::ValidationError("--variables", "not a JSON object: " + *options.variablesJson);
    }
  }
  for (const auto& assignment : options.assignments)
    assign(options.variables, assignment);
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string documentOf(const QueryOptions& options) {
  if (options.file) return readFile(*options.file);
  return *options.document == "-" ? readAllOfStandardInput() : *options.document;
}

// Runs the document with the stored session, if any. A refusal for want of a session
// is "not logged in" (exit 3), and the stored token is forgotten only when the server
// no longer knows it: the document itself may be a login that failed.
nlohmann::json execute(const CommandContext& context, const std::string& document,
                       const nlohmann::json& variables) {
  const auto credentials = context.store.load(context.api.serverName());
  const std::string token = credentials ? credentials->token : "";
  try {
    return context.api.execute(document, variables, token);
  } catch (const ApiError& error) {
    if (error.code() != "UNAUTHENTICATED") throw;
    if (!credentials) {
      throw NotLoggedIn(std::string(error.what()) + ": run `minitwitter-client login USERNAME`");
    }
    if (!me(context.api, token)) context.sessionExpired(*credentials);
    throw;
  }
}

}  // namespace

void addQueryCommand(CLI::App& app, Action& chosen) {
  auto options = std::make_shared<QueryOptions>();
  auto* command = app.add_subcommand(
      "query", "Run a GraphQL document (as the logged-in user, if any) and print its data");
  command->add_option("DOCUMENT", options->document,
                      "The document, e.g. '{ me { username } }'; '-' reads standard input");
  command->add_option("--file,-f", options->file, "Read the document from this file");
  command->add_option("--variables", options->variablesJson,
                      "The variables as a JSON object, e.g. '{\"id\": \"42\"}'");
  command
      ->add_option("--var", options->assignments,
                   "NAME=VALUE, repeatable; VALUE is JSON if it parses, else a string")
      ->allow_extra_args(false);
  command->callback([&chosen, options] {
    validate(*options);
    chosen = [options](const CommandContext& context) {
      printJson(execute(context, documentOf(*options), options->variables));
    };
  });
}

}  // namespace mt::client::cli
