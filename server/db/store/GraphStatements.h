#pragma once

#include "SqlJoin.h"
#include "Statement.h"
#include "ViewFragments.h"

namespace mt::db::graph_sql {

// Follows and blocks. Follow and block first lock both users' rows (in id order, so
// two of them never deadlock): a follow then checks for a block and a block removes
// follows without either slipping in between on PostgreSQL, whose default isolation
// would allow it. SQLite needs no lock: BEGIN IMMEDIATE already admits one writer.

// $1, $2 the two users. Returns the ids that exist.
inline constexpr Statement kLockUserPairPostgres{
    "graph_lock_user_pair",
    "SELECT id FROM users WHERE id IN ($1, $2) ORDER BY id FOR NO KEY UPDATE"};
inline constexpr Statement kLockUserPairSqlite{"graph_lock_user_pair",
                                               "SELECT id FROM users WHERE id IN ($1, $2)"};

// $1 user.
inline constexpr Statement kUserExists{"graph_user_exists", "SELECT 1 FROM users WHERE id = $1"};

// $1, $2 the two users: one row when either blocks the other.
inline constexpr Statement kBlockBetween{
    "graph_block_between",
    "SELECT 1 FROM blocks WHERE (blocker_id = $1 AND blocked_id = $2) "
    "OR (blocker_id = $2 AND blocked_id = $1)"};

// $1 follower, $2 followee, $3 created_at. Affects no row when already following.
inline constexpr Statement kInsertFollow{
    "graph_insert_follow",
    "INSERT INTO follows (follower_id, followee_id, created_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (follower_id, followee_id) DO NOTHING"};

// $1 follower, $2 followee.
inline constexpr Statement kDeleteFollow{
    "graph_delete_follow", "DELETE FROM follows WHERE follower_id = $1 AND followee_id = $2"};

// $1, $2 the two users: deletes follows both ways, returning each (follower, followee).
inline constexpr Statement kDeleteFollowsBetween{
    "graph_delete_follows_between",
    "DELETE FROM follows WHERE (follower_id = $1 AND followee_id = $2) "
    "OR (follower_id = $2 AND followee_id = $1) RETURNING follower_id, followee_id"};

// $1 follower, $2 followee, $3 +1 or -1: both counters of one follow, in one statement.
inline constexpr Statement kAdjustFollowCounts{
    "graph_adjust_follow_counts",
    "UPDATE users SET "
    "following_count = following_count + CASE WHEN id = $1 THEN $3 ELSE 0 END, "
    "follower_count = follower_count + CASE WHEN id = $2 THEN $3 ELSE 0 END "
    "WHERE id IN ($1, $2)"};

// $1 blocker, $2 blocked, $3 created_at. Affects no row when already blocking.
inline constexpr Statement kInsertBlock{
    "graph_insert_block",
    "INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (blocker_id, blocked_id) DO NOTHING"};

// $1 blocker, $2 blocked.
inline constexpr Statement kDeleteBlock{
    "graph_delete_block", "DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2"};

// $1 user, $2 before (exclusive follows.id), $3 limit + 1. Newest follow first, each
// user with the follow's id as cursor.
inline constexpr auto kFollowersSql =
    joinSql("SELECT ", kUserColumns,
            ", f.id FROM follows f JOIN users ON users.id = f.follower_id "
            "WHERE f.followee_id = $1 AND f.id < $2 ORDER BY f.id DESC LIMIT $3");
inline constexpr Statement kFollowers{"graph_followers", kFollowersSql.view()};

inline constexpr auto kFollowingSql =
    joinSql("SELECT ", kUserColumns,
            ", f.id FROM follows f JOIN users ON users.id = f.followee_id "
            "WHERE f.follower_id = $1 AND f.id < $2 ORDER BY f.id DESC LIMIT $3");
inline constexpr Statement kFollowing{"graph_following", kFollowingSql.view()};

// $1 viewer, $2 the other users (an id list parameter): one row per distinct id with
// viewer_follows, follows_viewer, viewer_blocks, blocks_viewer.
inline constexpr auto kRelationshipColumns = joinSql(
    "SELECT x.id, "
    "CASE WHEN EXISTS (SELECT 1 FROM follows WHERE follower_id = $1 AND followee_id = x.id) "
    "THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM follows WHERE follower_id = x.id AND followee_id = $1) "
    "THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM blocks WHERE blocker_id = $1 AND blocked_id = x.id) "
    "THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM blocks WHERE blocker_id = x.id AND blocked_id = $1) "
    "THEN 1 ELSE 0 END ");
inline constexpr auto kRelationshipsPostgresSql =
    joinSql(kRelationshipColumns, "FROM (SELECT DISTINCT unnest($2::bigint[]) AS id) x");
inline constexpr Statement kRelationshipsPostgres{"graph_relationships",
                                                  kRelationshipsPostgresSql.view()};
inline constexpr auto kRelationshipsSqliteSql =
    joinSql(kRelationshipColumns, "FROM (SELECT DISTINCT value AS id FROM json_each($2)) x");
inline constexpr Statement kRelationshipsSqlite{"graph_relationships",
                                                kRelationshipsSqliteSql.view()};

// $1 followee, $2 candidate users (an id list parameter): the candidates who follow
// $1, one row each (follows_pair_unique answers each candidate with one index probe).
inline constexpr Statement kFollowersAmongPostgres{
    "graph_followers_among",
    "SELECT follower_id FROM follows WHERE followee_id = $1 "
    "AND follower_id = ANY($2::bigint[])"};
inline constexpr Statement kFollowersAmongSqlite{
    "graph_followers_among",
    "SELECT follower_id FROM follows WHERE followee_id = $1 "
    "AND follower_id IN (SELECT value FROM json_each($2))"};

// $1 followee: every follower, one row each (follows_followee_idx).
inline constexpr Statement kFollowerIds{"graph_follower_ids",
                                        "SELECT follower_id FROM follows WHERE followee_id = $1"};

}  // namespace mt::db::graph_sql
