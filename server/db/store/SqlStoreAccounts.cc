// SqlStore: users and sessions.
#include "AccountStatements.h"
#include "DatabaseError.h"
#include "Parameters.h"
#include "SqlStore.h"
#include "TweetRows.h"
#include "UsernameKey.h"

namespace mt::db {

Store::CreateUserResult SqlStore::createUser(std::string_view username,
                                             std::string_view displayName,
                                             std::string_view passwordHash, Millis now,
                                             User* created) {
  auto connection = database_.pool().acquire();
  // ON CONFLICT DO NOTHING: a taken name is an answer, not an error, even when two
  // signups race for it.
  SqlResult result = connection->execute(
      account_sql::kInsertUser, {std::string(username), usernameKey(username),
                                 std::string(displayName), std::string(passwordHash), now});
  if (result.empty()) return CreateUserResult::UsernameTaken;
  if (created != nullptr) *created = userFromRow(result, 0);
  return CreateUserResult::Created;
}

std::optional<Credentials> SqlStore::credentialsFor(std::string_view username) {
  auto connection = database_.pool().acquire();
  SqlResult result = connection->execute(account_sql::kCredentials, {usernameKey(username)});
  if (result.empty()) return std::nullopt;
  return Credentials{result.integer(0, 0), result.text(0, 1)};
}

std::optional<User> SqlStore::userByUsername(std::string_view username) {
  auto connection = database_.pool().acquire();
  SqlResult result = connection->execute(account_sql::kUserByKey, {usernameKey(username)});
  if (result.empty()) return std::nullopt;
  return userFromRow(result, 0);
}

std::vector<std::optional<User>> SqlStore::usersByIds(std::span<const Id> ids) {
  if (ids.empty()) return {};
  auto connection = database_.pool().acquire();
  SqlResult result =
      connection->execute(pick(account_sql::kUsersByIdsPostgres, account_sql::kUsersByIdsSqlite),
                          {idListParameter(dialect_, ids)});
  return usersInOrder(result, ids);
}

User SqlStore::updateProfile(Id userId, const std::optional<std::string>& displayName,
                             const std::optional<std::string>& bio) {
  auto connection = database_.pool().acquire();
  SqlResult result =
      connection->execute(account_sql::kUpdateProfile,
                          {userId, nullableParameter(displayName), nullableParameter(bio)});
  if (result.empty()) throw DatabaseError("no such user");
  return userFromRow(result, 0);
}

void SqlStore::createSession(std::string_view tokenHash, Id userId, Millis createdAt,
                             Millis expiresAt) {
  auto connection = database_.pool().acquire();
  connection->execute(account_sql::kInsertSession,
                      {std::string(tokenHash), userId, createdAt, expiresAt});
}

std::optional<Id> SqlStore::sessionUser(std::string_view tokenHash, Millis now) {
  auto connection = database_.pool().acquire();
  SqlResult result = connection->execute(account_sql::kSessionUser, {std::string(tokenHash), now});
  if (result.empty()) return std::nullopt;
  return result.integer(0, 0);
}

bool SqlStore::deleteSession(std::string_view tokenHash) {
  auto connection = database_.pool().acquire();
  return connection->execute(account_sql::kDeleteSession, {std::string(tokenHash)}).affectedRows >
         0;
}

std::int64_t SqlStore::deleteExpiredSessions(Millis now) {
  auto connection = database_.pool().acquire();
  return connection->execute(account_sql::kDeleteExpiredSessions, {now}).affectedRows;
}

}  // namespace mt::db
