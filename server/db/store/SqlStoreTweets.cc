// SqlStore: posting and deleting tweets.
#include <algorithm>
#include <utility>
#include <vector>

#include "Parameters.h"
#include "SqlStore.h"
#include "TweetStatements.h"
#include "UsernameKey.h"

namespace mt::db {

Store::PostResult SqlStore::postTweet(const NewTweet& tweet, Millis now, Tweet* posted) {
  std::vector<std::string> mentionKeys;
  mentionKeys.reserve(tweet.mentions.size());
  for (const std::string& username : tweet.mentions)
    mentionKeys.push_back(usernameKey(username));

  PostResult outcome = PostResult::Posted;
  inTransaction([&](SqlConnection& connection) {
    std::optional<Id> parentId;
    std::optional<Id> conversationId;  // none: a root, its own conversation
    if (tweet.replyToId) {
      SqlResult target =
          connection.execute(tweet_sql::kReplyTarget, {tweet.authorId, *tweet.replyToId});
      if (target.empty()) {
        outcome = PostResult::ReplyTargetMissing;
        return;
      }
      if (target.boolean(0, 2)) {
        outcome = PostResult::ReplyTargetBlocked;
        return;
      }
      parentId = target.integer(0, 0);
      conversationId = target.integer(0, 1);
    }

    Id id = connection
                .execute(tweet_sql::kInsertTweet,
                         {tweet.authorId, tweet.text, now, nullableParameter(parentId),
                          nullableParameter(conversationId)})
                .integer(0, 0);
    if (!tweet.hashtags.empty()) {
      connection.execute(pick(tweet_sql::kInsertHashtagsPostgres, tweet_sql::kInsertHashtagsSqlite),
                         {id, textListParameter(dialect_, tweet.hashtags)});
    }
    std::vector<Change> changes{{Change::Kind::TweetPosted, tweet.authorId, 0, id}};
    if (!mentionKeys.empty()) {
      SqlResult linked = connection.execute(
          pick(tweet_sql::kInsertMentionsPostgres, tweet_sql::kInsertMentionsSqlite),
          {id, tweet.authorId, textListParameter(dialect_, mentionKeys)});
      std::vector<std::pair<std::int64_t, Id>> byPosition;
      for (std::size_t row = 0; row < linked.size(); ++row) {
        byPosition.emplace_back(linked.integer(row, 1), linked.integer(row, 0));
      }
      std::sort(byPosition.begin(), byPosition.end());
      for (const auto& [position, userId] : byPosition) {
        changes.push_back({Change::Kind::Mentioned, tweet.authorId, userId, id});
      }
    }
    connection.execute(tweet_sql::kAdjustUserTweetCount, {tweet.authorId, std::int64_t{1}});
    if (parentId) connection.execute(tweet_sql::kAdjustReplyCount, {*parentId, std::int64_t{1}});
    publish(connection, changes);
    if (posted != nullptr) *posted = stillVisible(connection, tweet.authorId, id);
    outcome = PostResult::Posted;
  });
  return outcome;
}

Store::DeleteResult SqlStore::deleteTweet(Id userId, Id tweetId) {
  DeleteResult outcome = DeleteResult::Deleted;
  inTransaction([&](SqlConnection& connection) {
    SqlResult found = connection.execute(
        pick(tweet_sql::kTweetForDeletePostgres, tweet_sql::kTweetForDeleteSqlite), {tweetId});
    if (found.empty()) {
      outcome = DeleteResult::NoSuchTweet;
      return;
    }
    Id authorId = found.integer(0, 0);
    if (authorId != userId) {
      outcome = DeleteResult::NotAuthor;
      return;
    }
    std::optional<Id> replyToId = found.optionalInteger(0, 1);
    std::optional<Id> retweetOfId = found.optionalInteger(0, 2);
    if (found.integer(0, 3) > 0) connection.execute(tweet_sql::kUncountRetweetsOf, {tweetId});
    connection.execute(tweet_sql::kDeleteTweet, {tweetId});
    connection.execute(tweet_sql::kAdjustUserTweetCount, {authorId, std::int64_t{-1}});
    // A parent or original deleted meanwhile simply matches no row.
    if (replyToId) connection.execute(tweet_sql::kAdjustReplyCount, {*replyToId, std::int64_t{-1}});
    if (retweetOfId) {
      connection.execute(tweet_sql::kAdjustRetweetCount, {*retweetOfId, std::int64_t{-1}});
    }
    const Change deleted{Change::Kind::TweetDeleted, userId, 0, tweetId};
    publish(connection, std::span(&deleted, 1));
    outcome = DeleteResult::Deleted;
  });
  return outcome;
}

}  // namespace mt::db
