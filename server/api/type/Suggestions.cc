#include "Suggestions.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <utility>

namespace mt::api {

namespace {

constexpr std::size_t kMaxSuggestions = 5;

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

std::string toLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// The Damerau-Levenshtein distance between `input` and `option`, or nullopt when it
// exceeds `threshold` (graphql-js's LexicalDistance.measure).
std::optional<std::size_t> lexicalDistance(std::string_view input, const std::string& inputLower,
                                           std::string_view option, std::size_t threshold) {
  if (input == option) return 0;
  const std::string optionLower = toLower(option);
  if (inputLower == optionLower) return 1;  // a change of case counts as one edit
  std::string_view a = optionLower;
  std::string_view b = inputLower;
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() - b.size() > threshold) return std::nullopt;
  std::array<std::vector<std::size_t>, 3> rows;
  for (auto& row : rows)
    row.assign(b.size() + 1, 0);
  for (std::size_t j = 0; j <= b.size(); ++j)
    rows[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const auto& up = rows[(i - 1) % 3];
    auto& current = rows[i % 3];
    std::size_t smallest = current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t cell = std::min({up[j] + 1, current[j - 1] + 1, up[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cell = std::min(cell, rows[(i - 2) % 3][j - 2] + 1);  // transposition
      }
      smallest = std::min(smallest, cell);
      current[j] = cell;
    }
    // No later row can be smaller than this row's smallest cell.
    if (smallest > threshold) return std::nullopt;
  }
  const std::size_t distance = rows[a.size() % 3][b.size()];
  if (distance > threshold) return std::nullopt;
  return distance;
}

}  // namespace

int naturalCompare(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (isDigit(a[i]) && isDigit(b[j])) {
      // As graphql-js does, a run stops after a leading zero ("007" reads as 0, 0, 7).
      unsigned long long aNumber = 0;
      do {
        aNumber = aNumber * 10 + static_cast<unsigned>(a[i] - '0');
        ++i;
      } while (i < a.size() && isDigit(a[i]) && aNumber > 0);
      unsigned long long bNumber = 0;
      do {
        bNumber = bNumber * 10 + static_cast<unsigned>(b[j] - '0');
        ++j;
      } while (j < b.size() && isDigit(b[j]) && bNumber > 0);
      if (aNumber != bNumber) return aNumber < bNumber ? -1 : 1;
    } else {
      if (a[i] != b[j])
        return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
      ++i;
      ++j;
    }
  }
  return static_cast<int>(a.size()) - static_cast<int>(b.size());
}

std::vector<std::string_view> suggestionList(std::string_view input,
                                             const std::vector<std::string_view>& options) {
  const std::string inputLower = toLower(input);
  const std::size_t threshold = input.size() * 4 / 10 + 1;
  std::vector<std::pair<std::size_t, std::string_view>> scored;
  for (std::string_view option : options) {
    if (std::any_of(scored.begin(), scored.end(),
                    [&](const auto& entry) { return entry.second == option; })) {
      continue;
    }
    if (auto distance = lexicalDistance(input, inputLower, option, threshold)) {
      scored.emplace_back(*distance, option);
    }
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return naturalCompare(a.second, b.second) < 0;
  });
  std::vector<std::string_view> suggestions;
  suggestions.reserve(scored.size());
  for (const auto& entry : scored)
    suggestions.push_back(entry.second);
  return suggestions;
}

std::string didYouMean(const std::vector<std::string_view>& suggestions,
                       std::string_view subMessage) {
  if (suggestions.empty()) return {};
  std::string message = " Did you mean ";
  if (!subMessage.empty()) {
    message += subMessage;
    message += ' ';
  }
  const auto quoted = [](std::string_view name) { return "\"" + std::string(name) + "\""; };
  if (suggestions.size() == 1) return message + quoted(suggestions[0]) + "?";
  if (suggestions.size() == 2) {
    return message + quoted(suggestions[0]) + " or " + quoted(suggestions[1]) + "?";
  }
  const std::size_t shown = std::min(suggestions.size(), kMaxSuggestions);
  for (std::size_t i = 0; i + 1 < shown; ++i)
    message += quoted(suggestions[i]) + ", ";
  return message + "or " + quoted(suggestions[shown - 1]) + "?";
}

}  // namespace mt::api
