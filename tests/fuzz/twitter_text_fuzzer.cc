// Fuzzes the Twitter's text parsers (tweet rules, #hashtag and @mention extraction,
// page cursors, the Authorization and Cookie headers a session token is read from)
// and checks the invariants the resolvers rely on, not only that nothing crashes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "Cursors.h"
#include "Sessions.h"
#include "TextRules.h"
#include "TweetEntities.h"
#include "TwitterService.h"
#include "Utf8Text.h"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

bool isWithin(std::string_view part, std::string_view whole) {
  return part.empty() ||
         (part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size());
}

bool isLowerAscii(std::string_view text) {
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mt::twitter;
  std::string_view input(reinterpret_cast<const char*>(data), size);

  TextCheck tweet = checkTweetText(input);
  if (tweet.ok()) {
    auto codePoints = utf8::decode(tweet.value);
    check(codePoints.has_value());
    check(!codePoints->empty() && codePoints->size() <= kTweetMaxLength);
    TweetEntities entities = extractEntities(tweet.value);
    check(entities.hashtags.size() <= kMaxHashtagsPerTweet);
    check(entities.mentions.size() <= kMaxMentionsPerTweet);
    for (const std::string& tag : entities.hashtags) {
      check(!tag.empty() && isLowerAscii(tag));
      check(normaliseHashtag("#" + tag) == tag);
    }
    for (const std::string& name : entities.mentions) {
      check(hasUsernameShape(name) && isLowerAscii(name));
    }
  }
  // Every rule gives a verdict on any bytes, valid UTF-8 or not.
  (void)checkUsername(input);
  (void)checkPassword(input, "someone");
  (void)checkDisplayName(input);
  (void)checkBio(input);
  (void)normaliseHashtag(input);

  for (CursorKind kind : {CursorKind::Tweet, CursorKind::FollowEdge}) {
    if (auto id = decodeCursor(kind, input)) {
      check(*id > 0);
      check(decodeCursor(kind, encodeCursor(kind, *id)) == id);
    }
  }
  if (size >= 8) {
    std::int64_t id = 0;
    for (std::size_t i = 0; i < 8; ++i)
      id = (id << 8) | data[i];
    if (id > 0) check(decodeCursor(CursorKind::Tweet, encodeCursor(CursorKind::Tweet, id)) == id);
  }

  check(isWithin(bearerToken(input), input));
  check(isWithin(cookieValue(input, kSessionCookieName), input));
  (void)looksLikeSessionToken(input);
  return 0;
}
