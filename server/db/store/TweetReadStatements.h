#pragma once

#include "SqlJoin.h"
#include "Statement.h"
#include "ViewFragments.h"

namespace mt::db::tweet_read_sql {

// Reads of tweets as viewer $1 sees them: every statement here selects kTweetColumns
// and keeps kVisibleToViewer. The pages are newest first by id: $2 is the exclusive
// upper bound (the cursor; the largest id when reading from the newest), $3 the page
// size plus one, the extra row only telling whether there is more.

inline constexpr auto kSelectTweets =
    joinSql("SELECT ", kTweetColumns, " FROM tweets t", kJoinAuthor);

// $2 tweet.
inline constexpr auto kTweetByIdSql =
    joinSql(kSelectTweets, " WHERE t.id = $2 AND ", kVisibleToViewer);
inline constexpr Statement kTweetById{"tweet_read_by_id", kTweetByIdSql.view()};

// $2 the ids (an id list parameter).
inline constexpr auto kTweetsByIdsPostgresSql =
    joinSql(kSelectTweets, " WHERE t.id = ANY($2::bigint[]) AND ", kVisibleToViewer);
inline constexpr Statement kTweetsByIdsPostgres{"tweet_read_by_ids",
                                                kTweetsByIdsPostgresSql.view()};
inline constexpr auto kTweetsByIdsSqliteSql = joinSql(
    kSelectTweets, " WHERE t.id IN (SELECT value FROM json_each($2)) AND ", kVisibleToViewer);
inline constexpr Statement kTweetsByIdsSqlite{"tweet_read_by_ids", kTweetsByIdsSqliteSql.view()};

inline constexpr auto kNewestFirst = joinSql(" AND t.id < $2 ORDER BY t.id DESC LIMIT $3");

// The viewer's tweets and those of everyone they follow: one statement whatever the
// page size or the number of followed users, each author read from tweets_author_idx
// for at most one page, so a page costs at most (followed + 1) × (page + 1) index rows
// however long the histories. SQLite's planner stops each `IN (…)` value's index range
// early by itself for `ORDER BY … LIMIT`; PostgreSQL needs LATERAL to do the same (it
// otherwise reads every followed author's whole history and sorts it: about 200 ms
// against 2 ms for 40 authors with 2,000 tweets each).
inline constexpr auto kTimelineAuthors = joinSql(
    "SELECT CAST($1 AS BIGINT) AS author_id "
    "UNION ALL SELECT followee_id FROM follows WHERE follower_id = $1");
inline constexpr auto kTimelinePostgresSql =
    joinSql("SELECT ", kTweetColumns, " FROM (", kTimelineAuthors,
            ") authors CROSS JOIN LATERAL (SELECT t.* FROM tweets t "
            "WHERE t.author_id = authors.author_id AND t.id < $2 AND ",
            kVisibleToViewer, " ORDER BY t.id DESC LIMIT $3) t", kJoinAuthor,
            " ORDER BY t.id DESC LIMIT $3");
inline constexpr Statement kTimelinePostgres{"tweet_read_timeline", kTimelinePostgresSql.view()};
inline constexpr auto kTimelineSqliteSql =
    joinSql(kSelectTweets, " WHERE t.author_id IN (", kTimelineAuthors, ") AND ", kVisibleToViewer,
            kNewestFirst);
inline constexpr Statement kTimelineSqlite{"tweet_read_timeline", kTimelineSqliteSql.view()};

// $4 author.
inline constexpr auto kUserTweetsSql =
    joinSql(kSelectTweets, " WHERE t.author_id = $4 AND ", kVisibleToViewer, kNewestFirst);
inline constexpr Statement kUserTweets{"tweet_read_user_tweets", kUserTweetsSql.view()};

// $4 the tweet replied to.
inline constexpr auto kRepliesSql =
    joinSql(kSelectTweets, " WHERE t.reply_to_id = $4 AND ", kVisibleToViewer, kNewestFirst);
inline constexpr Statement kReplies{"tweet_read_replies", kRepliesSql.view()};

// $4 the tag. Walks the (tag, tweet_id) primary key backwards.
inline constexpr auto kHashtagTweetsSql =
    joinSql("SELECT ", kTweetColumns, " FROM tweet_hashtags h JOIN tweets t ON t.id = h.tweet_id",
            kJoinAuthor, " WHERE h.tag = $4 AND h.tweet_id < $2 AND ", kVisibleToViewer,
            " ORDER BY h.tweet_id DESC LIMIT $3");
inline constexpr Statement kHashtagTweets{"tweet_read_hashtag", kHashtagTweetsSql.view()};

// $4 the mentioned user. Walks tweet_mentions_user_idx backwards.
inline constexpr auto kMentionsSql =
    joinSql("SELECT ", kTweetColumns, " FROM tweet_mentions m JOIN tweets t ON t.id = m.tweet_id",
            kJoinAuthor, " WHERE m.user_id = $4 AND m.tweet_id < $2 AND ", kVisibleToViewer,
            " ORDER BY m.tweet_id DESC LIMIT $3");
inline constexpr Statement kMentions{"tweet_read_mentions", kMentionsSql.view()};

// $2 tweet, $3 how many ancestors at most. Climbs reply_to_id from the tweet, stopping
// at a missing or invisible one; root first.
inline constexpr auto kAncestorsSql = joinSql(
    "WITH RECURSIVE chain (id, parent, depth) AS ("
    "SELECT t.id, t.reply_to_id, 1 FROM tweets s JOIN tweets t ON t.id = s.reply_to_id "
    "WHERE s.id = $2 AND ",
    kVisibleToViewer,
    " UNION ALL "
    "SELECT t.id, t.reply_to_id, c.depth + 1 FROM chain c JOIN tweets t ON t.id = c.parent "
    "WHERE c.depth < $3 AND ",
    kVisibleToViewer, ") SELECT ", kTweetColumns, " FROM chain c JOIN tweets t ON t.id = c.id",
    kJoinAuthor, " ORDER BY c.depth DESC");
inline constexpr Statement kAncestors{"tweet_read_ancestors", kAncestorsSql.view()};

// $1 the tweet ids (an id list parameter): (tweet_id, tag) in each tweet's order.
inline constexpr Statement kHashtagsOfPostgres{
    "tweet_read_hashtags_of",
    "SELECT tweet_id, tag FROM tweet_hashtags WHERE tweet_id = ANY($1::bigint[]) "
    "ORDER BY tweet_id, position"};
inline constexpr Statement kHashtagsOfSqlite{
    "tweet_read_hashtags_of",
    "SELECT tweet_id, tag FROM tweet_hashtags WHERE tweet_id IN (SELECT value FROM json_each($1)) "
    "ORDER BY tweet_id, position"};

// $1 the tweet ids: (tweet_id, user_id) in each tweet's order.
inline constexpr Statement kMentionsOfPostgres{
    "tweet_read_mentions_of",
    "SELECT tweet_id, user_id FROM tweet_mentions WHERE tweet_id = ANY($1::bigint[]) "
    "ORDER BY tweet_id, position"};
inline constexpr Statement kMentionsOfSqlite{
    "tweet_read_mentions_of",
    "SELECT tweet_id, user_id FROM tweet_mentions "
    "WHERE tweet_id IN (SELECT value FROM json_each($1)) ORDER BY tweet_id, position"};

}  // namespace mt::db::tweet_read_sql
