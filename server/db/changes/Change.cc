#include "Change.h"

#include <array>
#include <charconv>
#include <utility>

namespace mt::db {
namespace {

constexpr std::array<std::pair<Change::Kind, std::string_view>, 6> kKindWords{{
    {Change::Kind::TweetPosted, "tweet"},
    {Change::Kind::Mentioned, "mention"},
    {Change::Kind::Followed, "follow"},
    {Change::Kind::Liked, "like"},
    {Change::Kind::Retweeted, "retweet"},
    {Change::Kind::TweetDeleted, "delete"},
}};

// The next space-separated token of `text`, consumed.
std::string_view nextToken(std::string_view& text) {
  const std::size_t space = text.find(' ');
  const std::string_view token = text.substr(0, space);
  text.remove_prefix(space == std::string_view::npos ? text.size() : space + 1);
  return token;
}

std::optional<std::int64_t> parseId(std::string_view token) {
  std::int64_t value = 0;
  if (token.empty() || token.front() == '-') return std::nullopt;
  const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (error != std::errc() || end != token.data() + token.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string encodeChange(const Change& change) {
  std::string_view word = "?";
  for (const auto& [kind, name] : kKindWords) {
    if (kind == change.kind) word = name;
  }
  std::string text(word);
  for (const std::int64_t id : {change.actorId, change.subjectUserId, change.tweetId}) {
    text += ' ';
    text += std::to_string(id);
  }
  return text;
}

std::optional<Change> decodeChange(std::string_view text) {
  const std::string_view word = nextToken(text);
  std::optional<Change::Kind> kind;
  for (const auto& [candidate, name] : kKindWords) {
    if (name == word) kind = candidate;
  }
  if (!kind) return std::nullopt;
  const std::optional<std::int64_t> actor = parseId(nextToken(text));
  const std::optional<std::int64_t> subject = parseId(nextToken(text));
  // The last id runs to the end: anything after it makes the text foreign.
  const std::optional<std::int64_t> tweet = parseId(text);
  if (!actor || !subject || !tweet) return std::nullopt;
  return Change{*kind, *actor, *subject, *tweet};
}

}  // namespace mt::db
