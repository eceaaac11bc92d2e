#include "TweetEntities.h"

#include <algorithm>

#include "TextRules.h"
#include "Utf8Text.h"

namespace mt::twitter {

namespace {

bool isAsciiUsernameCharacter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isAsciiDigit(char32_t c) {
  return c >= '0' && c <= '9';
}

// A hashtag's body: 1..50 word characters, not digits only ("#1" and "issue #42" are
// not tags). Lower-cased.
std::optional<std::string> hashtagFrom(std::u32string_view body) {
  if (body.empty() || body.size() > kHashtagMaxLength) return std::nullopt;
  if (std::all_of(body.begin(), body.end(), isAsciiDigit)) return std::nullopt;
  std::string tag;
  for (char32_t c : body)
    utf8::append(tag, utf8::toLower(c));
  return tag;
}

void addDistinct(std::vector<std::string>& list, std::string item, std::size_t limit) {
  if (list.size() >= limit) return;
  if (std::find(list.begin(), list.end(), item) != list.end()) return;
  list.push_back(std::move(item));
}

}  // namespace

TweetEntities extractEntities(std::string_view text) {
  TweetEntities entities;
  std::optional<std::u32string> decoded = utf8::decode(text);
  if (!decoded) return entities;
  const std::u32string& s = *decoded;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t sigil = s[i];
    if (sigil != U'#' && sigil != U'@') continue;
    // "a#b", "bob@example.com": a sigil after a word character starts nothing.
    if (i > 0 && utf8::isWordCharacter(s[i - 1])) continue;
    std::size_t end = i + 1;
    while (end < s.size() && utf8::isWordCharacter(s[end]))
      ++end;
    const std::u32string_view body(s.data() + i + 1, end - i - 1);
    if (sigil == U'#') {
      if (std::optional<std::string> tag = hashtagFrom(body)) {
        addDistinct(entities.hashtags, std::move(*tag), kMaxHashtagsPerTweet);
      }
    } else if (std::all_of(body.begin(), body.end(), isAsciiUsernameCharacter)) {
      std::string username;
      for (char32_t c : body)
        username += static_cast<char>(utf8::toLower(c));
      if (hasUsernameShape(username) && !isReservedUsername(username)) {
        addDistinct(entities.mentions, std::move(username), kMaxMentionsPerTweet);
      }
    }
    i = end - 1;
  }
  return entities;
}

std::optional<std::string> normaliseHashtag(std::string_view tag) {
  std::optional<std::u32string> decoded = utf8::decode(tag);
  if (!decoded) return std::nullopt;
  std::u32string_view body = utf8::trimWhiteSpace(*decoded);
  if (!body.empty() && body.front() == U'#') body.remove_prefix(1);
  if (!std::all_of(body.begin(), body.end(), utf8::isWordCharacter)) return std::nullopt;
  return hashtagFrom(body);
}

}  // namespace mt::twitter
