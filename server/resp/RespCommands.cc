#include "RespCommands.h"

#include <array>
#include <cstddef>

#include "RespReply.h"

namespace mt::resp {

namespace {

using Args = std::span<const std::string_view>;

// Peer-supplied names are echoed in errors only up to this length.
constexpr std::size_t kMaxEchoedName = 128;

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Glob match as CONFIG GET does it, case-insensitively: '*' any run, '?' any byte.
bool globMatches(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || lower(pattern[p]) == lower(text[t]))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*')
    ++p;
  return p == pattern.size();
}

std::string quotedName(std::string_view name) {
  std::string text = "'";
  text.append(name.substr(0, kMaxEchoedName));
  text.push_back('\'');
  return text;
}

void wrongArity(std::string_view command, std::string& reply) {
  appendError(reply, "ERR wrong number of arguments for '" + std::string(command) + "' command");
}

void unknownSubcommand(std::string_view sub, std::string_view command, std::string& reply) {
  appendError(reply, "ERR unknown subcommand " + quotedName(sub) + ". Try " + std::string(command) +
                         " HELP.");
}

void ping(Args args, std::string& reply) {
  if (args.size() > 2) return wrongArity("ping", reply);
  if (args.size() == 2) return appendBulkString(reply, args[1]);
  appendSimpleString(reply, "PONG");
}

void echo(Args args, std::string& reply) {
  appendBulkString(reply, args[1]);
}

// The server has no command table to describe; an empty one lets redis-cli start.
void command(Args args, std::string& reply) {
  if (args.size() == 1) return appendArrayHeader(reply, 0);
  std::string_view sub = args[1];
  if (equalsIgnoreCase(sub, "count")) return appendInteger(reply, 0);
  if (equalsIgnoreCase(sub, "docs") || equalsIgnoreCase(sub, "info") ||
      equalsIgnoreCase(sub, "list")) {
    return appendArrayHeader(reply, 0);
  }
  unknownSubcommand(sub, "COMMAND", reply);
}

struct ConfigParameter {
  std::string_view name;
  std::string_view value;
};

// What redis-benchmark reads at start-up (and warns about when it cannot): there is
// no persistence, so no snapshots and no append-only file.
constexpr std::array<ConfigParameter, 2> kConfig{{{"save", ""}, {"appendonly", "no"}}};

void config(Args args, std::string& reply) {
  std::string_view sub = args[1];
  if (!equalsIgnoreCase(sub, "get")) return unknownSubcommand(sub, "CONFIG", reply);
  if (args.size() < 3) return wrongArity("config|get", reply);
  std::array<bool, kConfig.size()> matched{};
  std::size_t count = 0;
  for (std::size_t i = 0; i < kConfig.size(); ++i) {
    for (std::size_t a = 2; a < args.size() && !matched[i]; ++a) {
      matched[i] = globMatches(args[a], kConfig[i].name);
    }
    if (matched[i]) ++count;
  }
  appendArrayHeader(reply, 2 * count);
  for (std::size_t i = 0; i < kConfig.size(); ++i) {
    if (!matched[i]) continue;
    appendBulkString(reply, kConfig[i].name);
    appendBulkString(reply, kConfig[i].value);
  }
}

void quit(Args, std::string& reply) {
  appendSimpleString(reply, "OK");
}

void unknownCommand(Args args, std::string& reply) {
  appendError(reply, "ERR unknown command " + quotedName(args[0]));
}

struct CommandSpec {
  std::string_view name;  // lower case, as in error messages
  // As in redis: N > 0 takes exactly N arguments (the name included), -N at least N.
  int arity;
  void (*run)(Args, std::string&);
  RespCommandOutcome outcome;
};

constexpr std::array<CommandSpec, 6> kCommands{{
    {"ping", -1, ping, RespCommandOutcome::Continue},
    {"echo", 2, echo, RespCommandOutcome::Continue},
    {"command", -1, command, RespCommandOutcome::Continue},
    {"config", -2, config, RespCommandOutcome::Continue},
    {"quit", -1, quit, RespCommandOutcome::Close},
    // RESP3 negotiation: refused the way a RESP2-only server refuses it.
    {"hello", -1, unknownCommand, RespCommandOutcome::Continue},
}};

bool arityAccepts(int arity, std::size_t given) {
  return arity > 0 ? given == static_cast<std::size_t>(arity)
                   : given >= static_cast<std::size_t>(-arity);
}

}  // namespace

RespCommandOutcome executeRespCommand(Args args, std::string& reply) {
  for (const CommandSpec& spec : kCommands) {
    if (!equalsIgnoreCase(args[0], spec.name)) continue;
    if (!arityAccepts(spec.arity, args.size())) {
      wrongArity(spec.name, reply);
      return RespCommandOutcome::Continue;
    }
    spec.run(args, reply);
    return spec.outcome;
  }
  unknownCommand(args, reply);
  return RespCommandOutcome::Continue;
}

}  // namespace mt::resp
