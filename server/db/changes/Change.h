#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mt::db {

// Something that happened in the data that live clients may want to hear about. The
// store emits them inside the transaction that made the change; subscribers receive
// them only after it committed, in commit order per publishing process.
struct Change {
  enum class Kind {
    TweetPosted,   // tweetId by actorId (replies and retweets included)
    Mentioned,     // subjectUserId was mentioned in tweetId by actorId
    Followed,      // actorId now follows subjectUserId
    Liked,         // actorId liked tweetId of subjectUserId
    Retweeted,     // actorId retweeted tweetId of subjectUserId (tweetId: the original)
    TweetDeleted,  // actorId deleted tweetId (an unretweet deletes the retweet's row;
                   // retweets that go with a deleted original get no change of their own)
  };
  Kind kind;
  std::int64_t actorId = 0;
  std::int64_t subjectUserId = 0;  // 0 when the kind has no subject user
  std::int64_t tweetId = 0;        // 0 when the kind has no tweet

  bool operator==(const Change&) const = default;
};

// A compact text form that fits a PostgreSQL NOTIFY payload ("tweet 12 0 345").
std::string encodeChange(const Change& change);
// Parses encodeChange()'s form; nullopt for anything else (a foreign NOTIFY).
std::optional<Change> decodeChange(std::string_view text);

}  // namespace mt::db
