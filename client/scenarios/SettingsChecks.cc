#include "SettingsChecks.h"

#include <charconv>

#include "ScenarioKinds.h"

namespace mt::load {
namespace {

constexpr std::size_t kMinUsername = 3;
constexpr std::size_t kMaxUsername = 20;
constexpr std::size_t kMinPassword = 8;
constexpr std::size_t kMaxPassword = 128;
constexpr std::size_t kMaxStaticPath = 2048;

bool isUsernameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Code points of valid UTF-8 (no overlongs, surrogates or values past U+10FFFF), or -1.
long codePoints(std::string_view text) {
  long count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length;
    std::uint32_t value;
    if (byte < 0x80) {
      length = 1;
      value = byte;
    } else if (byte >= 0xC2 && byte <= 0xDF) {
      length = 2;
      value = byte & 0x1F;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      length = 3;
      value = byte & 0x0F;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      length = 4;
      value = byte & 0x07;
    } else {
      return -1;
    }
    if (i + length > text.size()) return -1;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return -1;
      value = (value << 6) | (next & 0x3F);
    }
    if ((length == 3 && (value < 0x800 || (value >= 0xD800 && value <= 0xDFFF))) ||
        (length == 4 && (value < 0x10000 || value > 0x10FFFF))) {
      return -1;
    }
    i += length;
    ++count;
  }
  return count;
}

bool isBlank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

// The last global index of the population (population 0: just `offset`).
std::uint64_t lastIndex(std::uint64_t offset, std::uint64_t population) {
  return population > offset ? population - 1 : offset;
}

}  // namespace

std::string scenarioNameProblem(std::string_view name) {
  if (name == "original" || name == "mixed" || name == "static" || name == "live") return {};
  return "unknown scenario '" + std::string(name) + "': choose original, mixed, static or live";
}

std::string weightNameProblem(std::string_view operation) {
  for (std::string_view known : kMixedOperations) {
    if (operation == known) return {};
  }
  return "unknown operation '" + std::string(operation) +
         "' in the weights: choose among timeline, profile, post, like, follow";
}

std::string weightsProblem(const std::map<std::string, unsigned, std::less<>>& weights) {
  if (weights.empty()) return {};
  std::uint64_t total = 0;
  for (const auto& [operation, weight] : weights) {
    if (std::string problem = weightNameProblem(operation); !problem.empty()) return problem;
    total += weight;
  }
  if (total == 0) return "every weight is 0: give at least one operation a positive weight";
  return {};
}

std::string userPrefixProblem(std::string_view prefix) {
  for (char c : prefix) {
    if (!isUsernameChar(c)) {
      return "user prefix '" + std::string(prefix) +
             "' has characters usernames cannot: use ASCII letters, digits and '_'";
    }
  }
  if (prefix.size() > kMaxUsername - 1) {
    return "user prefix '" + std::string(prefix) +
           "' is too long: usernames are at most 20 characters, the user's number included";
  }
  return {};
}

std::string usernamesProblem(std::string_view prefix, std::uint64_t offset,
                             std::uint64_t population) {
  if (std::string problem = userPrefixProblem(prefix); !problem.empty()) return problem;
  if (population != 0 && population <= offset) {
    return "the population (" + std::to_string(population) + ") leaves no user from user offset " +
           std::to_string(offset) + ": make the population larger than the offset";
  }
  const std::string shortest = usernameOf(prefix, offset);
  if (shortest.size() < kMinUsername) {
    return "user prefix '" + std::string(prefix) + "' makes username '" + shortest +
           "', shorter than 3 characters: use a longer prefix";
  }
  const std::string longest = usernameOf(prefix, lastIndex(offset, population));
  if (longest.size() > kMaxUsername) {
    return "user prefix '" + std::string(prefix) + "' makes username '" + longest +
           "', longer than 20 characters: use a shorter prefix or a smaller population";
  }
  return {};
}

std::string passwordProblem(std::string_view password) {
  const long length = codePoints(password);
  if (length < 0) return "the password is not valid UTF-8";
  if (length < static_cast<long>(kMinPassword) || length > static_cast<long>(kMaxPassword)) {
    return "the password has " + std::to_string(length) +
           " characters: passwords have 8 to 128 characters";
  }
  if (isBlank(password)) return "the password is only white space: choose another";
  return {};
}

std::string passwordIsUsernameProblem(std::string_view password, std::string_view prefix,
                                      std::uint64_t offset, std::uint64_t population) {
  if (password.size() <= prefix.size()) return {};
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(password[i]) != lower(prefix[i])) return {};
  }
  const std::string_view digits = password.substr(prefix.size());
  if (digits.size() > 1 && digits.front() == '0') return {};  // usernames have no leading 0
  std::uint64_t index = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
  if (error != std::errc() || end != digits.data() + digits.size()) return {};
  if (index < offset || index > lastIndex(offset, population)) return {};
  return "the password is the username of user " + std::to_string(index) +
         ", which the server refuses: choose another password";
}

std::string staticPathProblem(std::string_view path) {
  if (path.empty() || path.front() != '/') {
    return "static path '" + std::string(path) + "' does not start with '/': write e.g. " +
           "/files/hello-100.txt";
  }
  if (path.size() > kMaxStaticPath) return "the static path is longer than 2048 characters";
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F) {
      return "static path '" + std::string(path) +
             "' has a space, control or non-ASCII character: percent-encode it";
    }
  }
  return {};
}

std::string clusterSizeProblem(std::uint64_t clusterSize) {
  if (clusterSize == 0) return "the cluster size is 0: clusters have at least 1 user";
  return {};
}

}  // namespace mt::load
