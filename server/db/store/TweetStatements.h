#pragma once

#include "SqlJoin.h"
#include "Statement.h"
#include "ViewFragments.h"

namespace mt::db::tweet_sql {

// Writes on tweets: posting, likes, retweets, deletion, and the counters they keep.
// Counters only ever move by `x = x + $n` in the database, in the transaction that
// made the change, so concurrent writers never lose an update.

// $1 poster, $2 the tweet replied to. The tweet a reply attaches to (the original when
// given a retweet), its conversation, and whether its author, or the retweeter, has
// blocked the poster.
inline constexpr Statement kReplyTarget{
    "tweet_reply_target",
    "SELECT o.id, COALESCE(o.conversation_id, o.id), "
    "CASE WHEN EXISTS (SELECT 1 FROM blocks b WHERE b.blocked_id = $1 "
    "AND b.blocker_id IN (t.author_id, o.author_id)) THEN 1 ELSE 0 END "
    "FROM tweets t JOIN tweets o ON o.id = COALESCE(t.retweet_of_id, t.id) WHERE t.id = $2"};

// $1 author, $2 body, $3 created_at, $4 reply_to_id or NULL, $5 conversation_id or NULL
// (a root: its own id). Returns the new id.
inline constexpr Statement kInsertTweet{
    "tweet_insert",
    "INSERT INTO tweets (author_id, body, created_at, reply_to_id, conversation_id) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id"};

// $1 tweet, $2 the tags (a text list parameter), in order.
inline constexpr Statement kInsertHashtagsPostgres{
    "tweet_insert_hashtags",
    "INSERT INTO tweet_hashtags (tweet_id, tag, position) "
    "SELECT CAST($1 AS BIGINT), h.tag, h.position "
    "FROM unnest($2::text[]) WITH ORDINALITY AS h(tag, position) "
    "ON CONFLICT (tag, tweet_id) DO NOTHING"};
inline constexpr Statement kInsertHashtagsSqlite{
    "tweet_insert_hashtags",
    "INSERT INTO tweet_hashtags (tweet_id, tag, position) "
    "SELECT CAST($1 AS BIGINT), h.value, h.key + 1 FROM json_each($2) h WHERE true "
    "ON CONFLICT (tag, tweet_id) DO NOTHING"};

// $1 tweet, $2 author, $3 the mentioned usernames' keys (a text list parameter), in
// order. Links those that exist and have not blocked the author; returns their ids and
// positions.
inline constexpr auto kMentionFilter = joinSql(
    "WHERE NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = users.id AND b.blocked_id = $2) "
    "ON CONFLICT (tweet_id, user_id) DO NOTHING RETURNING user_id, position");
inline constexpr auto kInsertMentionsPostgresSql = joinSql(
    "INSERT INTO tweet_mentions (tweet_id, user_id, position) "
    "SELECT CAST($1 AS BIGINT), users.id, m.position "
    "FROM unnest($3::text[]) WITH ORDINALITY AS m(username_key, position) "
    "JOIN users ON users.username_key = m.username_key ",
    kMentionFilter);
inline constexpr Statement kInsertMentionsPostgres{"tweet_insert_mentions",
                                                   kInsertMentionsPostgresSql.view()};
inline constexpr auto kInsertMentionsSqliteSql = joinSql(
    "INSERT INTO tweet_mentions (tweet_id, user_id, position) "
    "SELECT CAST($1 AS BIGINT), users.id, m.key + 1 FROM json_each($3) m "
    "JOIN users ON users.username_key = m.value ",
    kMentionFilter);
inline constexpr Statement kInsertMentionsSqlite{"tweet_insert_mentions",
                                                 kInsertMentionsSqliteSql.view()};

// $1 user, $2 +1 or -1.
inline constexpr Statement kAdjustUserTweetCount{
    "tweet_adjust_user_tweet_count",
    "UPDATE users SET tweet_count = tweet_count + $2 WHERE id = $1"};
// $1 tweet, $2 +1 or -1.
inline constexpr Statement kAdjustReplyCount{
    "tweet_adjust_reply_count", "UPDATE tweets SET reply_count = reply_count + $2 WHERE id = $1"};
inline constexpr Statement kAdjustLikeCount{
    "tweet_adjust_like_count", "UPDATE tweets SET like_count = like_count + $2 WHERE id = $1"};
inline constexpr Statement kAdjustRetweetCount{
    "tweet_adjust_retweet_count",
    "UPDATE tweets SET retweet_count = retweet_count + $2 WHERE id = $1"};

// $1 actor, $2 a tweet or a retweet. The original it stands for and that original's
// author, when tweet $2 is visible to the actor.
inline constexpr auto kActionTargetSql = joinSql(
    "SELECT o.id, o.author_id FROM tweets t JOIN tweets o ON o.id = COALESCE(t.retweet_of_id, "
    "t.id) "
    "WHERE t.id = $2 AND ",
    kVisibleToViewer);
inline constexpr Statement kActionTarget{"tweet_action_target", kActionTargetSql.view()};

// $1 user, $2 tweet, $3 created_at. Affects no row when already liked.
inline constexpr Statement kInsertLike{
    "tweet_insert_like",
    "INSERT INTO likes (user_id, tweet_id, created_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (tweet_id, user_id) DO NOTHING"};
// $1 user, $2 tweet.
inline constexpr Statement kDeleteLike{"tweet_delete_like",
                                       "DELETE FROM likes WHERE user_id = $1 AND tweet_id = $2"};

// $1 user, $2 original, $3 created_at. Returns the retweet's id; no row when the user
// has retweeted it already.
inline constexpr Statement kInsertRetweet{
    "tweet_insert_retweet",
    "INSERT INTO tweets (author_id, body, created_at, retweet_of_id) VALUES ($1, '', $3, $2) "
    "ON CONFLICT (author_id, retweet_of_id) WHERE retweet_of_id IS NOT NULL DO NOTHING "
    "RETURNING id"};
// $1 user, $2 original. Returns the deleted retweet's id.
inline constexpr Statement kDeleteRetweet{
    "tweet_delete_retweet",
    "DELETE FROM tweets WHERE author_id = $1 AND retweet_of_id = $2 RETURNING id"};

// $1 tweet. What deleting it must fix up. On PostgreSQL the row lock makes concurrent
// likes, retweets and replies of it wait for the deletion (their foreign-key checks
// then fail), so retweet_count is exact for the retweeters fixed up below.
inline constexpr Statement kTweetForDeletePostgres{
    "tweet_for_delete",
    "SELECT author_id, reply_to_id, retweet_of_id, retweet_count FROM tweets WHERE id = $1 "
    "FOR UPDATE"};
inline constexpr Statement kTweetForDeleteSqlite{
    "tweet_for_delete",
    "SELECT author_id, reply_to_id, retweet_of_id, retweet_count FROM tweets WHERE id = $1"};

// $1 tweet: each retweeter loses the retweet the deletion cascades to.
inline constexpr Statement kUncountRetweetsOf{
    "tweet_uncount_retweets_of",
    "UPDATE users SET tweet_count = tweet_count - 1 "
    "WHERE id IN (SELECT author_id FROM tweets WHERE retweet_of_id = $1)"};

// $1 tweet. Likes, hashtags, mentions and retweets go with it (ON DELETE CASCADE).
inline constexpr Statement kDeleteTweet{"tweet_delete", "DELETE FROM tweets WHERE id = $1"};

}  // namespace mt::db::tweet_sql
