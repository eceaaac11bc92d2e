#pragma once

#include "SqlJoin.h"
#include "Statement.h"
#include "ViewFragments.h"

namespace mt::db::account_sql {

// Users and sessions. Usernames are looked up by username_key, the lower-cased name the
// store computes (ASCII, as usernames are), so both backends agree on what "the same
// name" means.

// $1 username, $2 username_key, $3 display_name, $4 password_hash, $5 created_at.
// Returns no row when the name is taken (whatever its case).
inline constexpr auto kInsertUserSql = joinSql(
    "INSERT INTO users (username, username_key, display_name, bio, password_hash, created_at) "
    "VALUES ($1, $2, $3, '', $4, $5) ON CONFLICT (username_key) DO NOTHING RETURNING ",
    kUserColumns);
inline constexpr Statement kInsertUser{"account_insert_user", kInsertUserSql.view()};

// $1 username_key.
inline constexpr Statement kCredentials{
    "account_credentials", "SELECT id, password_hash FROM users WHERE username_key = $1"};

// $1 username_key.
inline constexpr auto kUserByKeySql =
    joinSql("SELECT ", kUserColumns, " FROM users WHERE users.username_key = $1");
inline constexpr Statement kUserByKey{"account_user_by_key", kUserByKeySql.view()};

// $1 the ids (an id list parameter).
inline constexpr auto kUsersByIdsPostgresSql =
    joinSql("SELECT ", kUserColumns, " FROM users WHERE users.id = ANY($1::bigint[])");
inline constexpr Statement kUsersByIdsPostgres{"account_users_by_ids",
                                               kUsersByIdsPostgresSql.view()};
inline constexpr auto kUsersByIdsSqliteSql = joinSql(
    "SELECT ", kUserColumns, " FROM users WHERE users.id IN (SELECT value FROM json_each($1))");
inline constexpr Statement kUsersByIdsSqlite{"account_users_by_ids", kUsersByIdsSqliteSql.view()};

// $1 id, $2 display_name or NULL to keep it, $3 bio or NULL to keep it.
inline constexpr auto kUpdateProfileSql = joinSql(
    "UPDATE users SET display_name = COALESCE($2, display_name), bio = COALESCE($3, bio) "
    "WHERE id = $1 RETURNING ",
    kUserColumns);
inline constexpr Statement kUpdateProfile{"account_update_profile", kUpdateProfileSql.view()};

// $1 token_hash, $2 user_id, $3 created_at, $4 expires_at.
inline constexpr Statement kInsertSession{
    "account_insert_session",
    "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)"};

// $1 token_hash, $2 now. A session is valid while now < expires_at.
inline constexpr Statement kSessionUser{
    "account_session_user",
    "SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > $2"};

// $1 token_hash.
inline constexpr Statement kDeleteSession{"account_delete_session",
                                          "DELETE FROM sessions WHERE token_hash = $1"};

// $1 now.
inline constexpr Statement kDeleteExpiredSessions{"account_delete_expired_sessions",
                                                  "DELETE FROM sessions WHERE expires_at <= $1"};

}  // namespace mt::db::account_sql
