#pragma once

#include <cstddef>

#include "SqlJoin.h"

namespace mt::db {

// The SQL pieces every user- and tweet-returning statement shares, so that "a user" and
// "a tweet as the viewer sees it" are each written once. Row mapping (TweetRows.h)
// reads the columns in exactly this order.

// A user: 8 columns, read by userFromRow(). Qualified by the table name rather than an
// alias because SQLite's RETURNING accepts only the former.
inline constexpr auto kUserColumns = joinSql(
    "users.id, users.username, users.display_name, users.bio, users.created_at, "
    "users.tweet_count, users.follower_count, users.following_count");
inline constexpr std::size_t kUserColumnCount = 8;

// A tweet as viewer $1 sees it (every tweet-returning statement binds the viewer as $1;
// 0, an anonymous reader, matches no like, retweet or block): the tweet `t`, its
// viewer flags, then its author (the joined `users`). A root's conversation_id is
// stored NULL, meaning "itself", so posting costs no second statement to learn the id.
// `retweet_of_id IS NOT NULL` is implied but spelled out: it lets PostgreSQL read the
// viewer's retweets from the partial index when it hashes the subquery, instead of all
// of the viewer's tweets.
inline constexpr auto kTweetColumns = joinSql(
    "t.id, t.author_id, t.body, t.created_at, t.reply_to_id, t.retweet_of_id, "
    "COALESCE(t.conversation_id, t.id), t.reply_count, t.like_count, t.retweet_count, "
    "CASE WHEN EXISTS (SELECT 1 FROM likes vl WHERE vl.tweet_id = t.id AND vl.user_id = $1) "
    "THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM tweets vr WHERE vr.author_id = $1 "
    "AND vr.retweet_of_id IS NOT NULL AND vr.retweet_of_id = t.id) THEN 1 ELSE 0 END, ",
    kUserColumns);
inline constexpr std::size_t kTweetColumnCount = 12 + kUserColumnCount;

// The author join that kTweetColumns reads from.
inline constexpr auto kJoinAuthor = joinSql(" JOIN users ON users.id = t.author_id");

// Tweet `t` is visible to viewer $1: its author has not blocked the viewer and, for a
// retweet, neither has the original's author.
inline constexpr auto kVisibleToViewer = joinSql(
    "NOT EXISTS (SELECT 1 FROM blocks vb WHERE vb.blocker_id = t.author_id AND vb.blocked_id = $1) "
    "AND NOT EXISTS (SELECT 1 FROM tweets vo JOIN blocks vob ON vob.blocker_id = vo.author_id "
    "AND vob.blocked_id = $1 WHERE vo.id = t.retweet_of_id)");

}  // namespace mt::db
