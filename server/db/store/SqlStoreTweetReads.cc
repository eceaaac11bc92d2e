// SqlStore: reading tweets. One statement per call, whatever the page size.
#include "Parameters.h"
#include "SqlStore.h"
#include "TweetReadStatements.h"
#include "TweetRows.h"

namespace mt::db {

Page<Tweet> SqlStore::tweetPageOf(const Statement& statement, Id viewer, const PageRequest& page,
                                  SqlValue subject) {
  PageBounds bounds = pageBounds(page);
  auto connection = database_.pool().acquire();
  SqlResult result =
      isNull(subject) ? connection->execute(statement, {viewer, bounds.before, bounds.fetch})
                      : connection->execute(
                            statement, {viewer, bounds.before, bounds.fetch, std::move(subject)});
  return tweetPage(result, bounds);
}

std::vector<std::optional<Tweet>> SqlStore::tweetsByIds(Id viewer, std::span<const Id> ids) {
  if (ids.empty()) return {};
  auto connection = database_.pool().acquire();
  SqlResult result = connection->execute(
      pick(tweet_read_sql::kTweetsByIdsPostgres, tweet_read_sql::kTweetsByIdsSqlite),
      {viewer, idListParameter(dialect_, ids)});
  return tweetsInOrder(result, ids);
}

Page<Tweet> SqlStore::userTweets(Id viewer, Id authorId, const PageRequest& page) {
  return tweetPageOf(tweet_read_sql::kUserTweets, viewer, page, authorId);
}

Page<Tweet> SqlStore::timeline(Id viewer, const PageRequest& page) {
  return tweetPageOf(pick(tweet_read_sql::kTimelinePostgres, tweet_read_sql::kTimelineSqlite),
                     viewer, page, SqlValue{});
}

Page<Tweet> SqlStore::replies(Id viewer, Id tweetId, const PageRequest& page) {
  return tweetPageOf(tweet_read_sql::kReplies, viewer, page, tweetId);
}

Page<Tweet> SqlStore::hashtagTweets(Id viewer, std::string_view hashtag, const PageRequest& page) {
  return tweetPageOf(tweet_read_sql::kHashtagTweets, viewer, page, std::string(hashtag));
}

Page<Tweet> SqlStore::mentions(Id viewer, Id userId, const PageRequest& page) {
  return tweetPageOf(tweet_read_sql::kMentions, viewer, page, userId);
}

std::vector<Tweet> SqlStore::ancestors(Id viewer, Id tweetId, int limit) {
  if (limit <= 0) return {};
  auto connection = database_.pool().acquire();
  return tweetsFromRows(
      connection->execute(tweet_read_sql::kAncestors, {viewer, tweetId, std::int64_t{limit}}));
}

std::unordered_map<Id, std::vector<std::string>> SqlStore::hashtagsOf(
    std::span<const Id> tweetIds) {
  std::unordered_map<Id, std::vector<std::string>> tags;
  if (tweetIds.empty()) return tags;
  auto connection = database_.pool().acquire();
  SqlResult result = connection->execute(
      pick(tweet_read_sql::kHashtagsOfPostgres, tweet_read_sql::kHashtagsOfSqlite),
      {idListParameter(dialect_, tweetIds)});
  for (std::size_t row = 0; row < result.size(); ++row) {
    tags[result.integer(row, 0)].push_back(result.text(row, 1));
  }
  return tags;
}

std::unordered_map<Id, std::vector<Id>> SqlStore::mentionsOf(std::span<const Id> tweetIds) {
  std::unordered_map<Id, std::vector<Id>> mentioned;
  if (tweetIds.empty()) return mentioned;
  auto connection = database_.pool().acquire();
  SqlResult result = connection->execute(
      pick(tweet_read_sql::kMentionsOfPostgres, tweet_read_sql::kMentionsOfSqlite),
      {idListParameter(dialect_, tweetIds)});
  for (std::size_t row = 0; row < result.size(); ++row) {
    mentioned[result.integer(row, 0)].push_back(result.integer(row, 1));
  }
  return mentioned;
}

}  // namespace mt::db
