// SqlStore: likes and retweets. Each acts on the original when given a retweet.
#include "DatabaseError.h"
#include "SqlStore.h"
#include "TweetStatements.h"

namespace mt::db {

std::optional<SqlStore::ActionTarget> SqlStore::actionTarget(SqlConnection& connection, Id actor,
                                                             Id tweetId) {
  SqlResult result = connection.execute(tweet_sql::kActionTarget, {actor, tweetId});
  if (result.empty()) return std::nullopt;
  return ActionTarget{result.integer(0, 0), result.integer(0, 1)};
}

Tweet SqlStore::stillVisible(SqlConnection& connection, Id actor, Id tweetId) {
  auto tweet = tweetAsSeen(connection, actor, tweetId);
  // PostgreSQL reads each statement at its own snapshot, so a block committed since the
  // target was found can hide it now; running the action again finds it invisible.
  if (!tweet) throw TransactionConflict("the tweet became invisible during the action");
  return *tweet;
}

// Each action runs as one transaction: find the original (visible to the actor), change
// the like or retweet row, and only when that row changed move the counters. When the
// original is deleted between the first step and the second, its foreign key refuses
// the row: that is the same answer as not finding it.
Store::TweetActionResult SqlStore::like(Id userId, Id tweetId, Millis now, Tweet* result) {
  TweetActionResult outcome = TweetActionResult::Done;
  try {
    inTransaction([&](SqlConnection& connection) {
      auto target = actionTarget(connection, userId, tweetId);
      if (!target) {
        outcome = TweetActionResult::NoSuchTweet;
        return;
      }
      outcome = TweetActionResult::Unchanged;
      if (connection.execute(tweet_sql::kInsertLike, {userId, target->tweetId, now}).affectedRows >
          0) {
        connection.execute(tweet_sql::kAdjustLikeCount, {target->tweetId, std::int64_t{1}});
        const Change liked{Change::Kind::Liked, userId, target->authorId, target->tweetId};
        publish(connection, std::span(&liked, 1));
        outcome = TweetActionResult::Done;
      }
      if (result != nullptr) *result = stillVisible(connection, userId, target->tweetId);
    });
  } catch (const ConstraintViolation&) {
    return TweetActionResult::NoSuchTweet;
  }
  return outcome;
}

Store::TweetActionResult SqlStore::unlike(Id userId, Id tweetId, Tweet* result) {
  TweetActionResult outcome = TweetActionResult::Done;
  inTransaction([&](SqlConnection& connection) {
    auto target = actionTarget(connection, userId, tweetId);
    if (!target) {
      outcome = TweetActionResult::NoSuchTweet;
      return;
    }
    outcome = TweetActionResult::Unchanged;
    if (connection.execute(tweet_sql::kDeleteLike, {userId, target->tweetId}).affectedRows > 0) {
      connection.execute(tweet_sql::kAdjustLikeCount, {target->tweetId, std::int64_t{-1}});
      outcome = TweetActionResult::Done;
    }
    if (result != nullptr) *result = stillVisible(connection, userId, target->tweetId);
  });
  return outcome;
}

Store::TweetActionResult SqlStore::retweet(Id userId, Id tweetId, Millis now, Tweet* result) {
  TweetActionResult outcome = TweetActionResult::Done;
  try {
    inTransaction([&](SqlConnection& connection) {
      auto target = actionTarget(connection, userId, tweetId);
      if (!target) {
        outcome = TweetActionResult::NoSuchTweet;
        return;
      }
      outcome = TweetActionResult::Unchanged;
      SqlResult inserted =
          connection.execute(tweet_sql::kInsertRetweet, {userId, target->tweetId, now});
      if (!inserted.empty()) {
        Id retweetId = inserted.integer(0, 0);
        connection.execute(tweet_sql::kAdjustRetweetCount, {target->tweetId, std::int64_t{1}});
        connection.execute(tweet_sql::kAdjustUserTweetCount, {userId, std::int64_t{1}});
        const Change changes[] = {
            {Change::Kind::TweetPosted, userId, 0, retweetId},
            {Change::Kind::Retweeted, userId, target->authorId, target->tweetId},
        };
        publish(connection, changes);
        outcome = TweetActionResult::Done;
      }
      if (result != nullptr) *result = stillVisible(connection, userId, target->tweetId);
    });
  } catch (const ConstraintViolation&) {
    return TweetActionResult::NoSuchTweet;
  }
  return outcome;
}

Store::TweetActionResult SqlStore::unretweet(Id userId, Id tweetId, Tweet* result) {
  TweetActionResult outcome = TweetActionResult::Done;
  inTransaction([&](SqlConnection& connection) {
    auto target = actionTarget(connection, userId, tweetId);
    if (!target) {
      outcome = TweetActionResult::NoSuchTweet;
      return;
    }
    outcome = TweetActionResult::Unchanged;
    SqlResult deleted = connection.execute(tweet_sql::kDeleteRetweet, {userId, target->tweetId});
    if (!deleted.empty()) {
      connection.execute(tweet_sql::kAdjustRetweetCount, {target->tweetId, std::int64_t{-1}});
      connection.execute(tweet_sql::kAdjustUserTweetCount, {userId, std::int64_t{-1}});
      // The retweet was a tweet of its own in timelines: live clients drop it.
      const Change removed{Change::Kind::TweetDeleted, userId, 0, deleted.integer(0, 0)};
      publish(connection, std::span(&removed, 1));
      outcome = TweetActionResult::Done;
    }
    if (result != nullptr) *result = stillVisible(connection, userId, target->tweetId);
  });
  return outcome;
}

}  // namespace mt::db
