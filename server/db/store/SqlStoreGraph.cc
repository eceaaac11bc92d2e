// SqlStore: follows and blocks.
#include <unordered_map>

#include "GraphStatements.h"
#include "Parameters.h"
#include "SqlStore.h"
#include "TweetRows.h"

namespace mt::db {

bool SqlStore::lockUserPair(SqlConnection& connection, Id actor, Id other) {
  SqlResult result = connection.execute(
      pick(graph_sql::kLockUserPairPostgres, graph_sql::kLockUserPairSqlite), {actor, other});
  for (std::size_t row = 0; row < result.size(); ++row) {
    if (result.integer(row, 0) == other) return true;
  }
  return false;
}

Store::GraphResult SqlStore::follow(Id follower, Id followee, Millis now) {
  if (follower == followee) return GraphResult::Self;
  GraphResult outcome = GraphResult::Done;
  inTransaction([&](SqlConnection& connection) {
    if (!lockUserPair(connection, follower, followee)) {
      outcome = GraphResult::NoSuchUser;
      return;
    }
    if (!connection.execute(graph_sql::kBlockBetween, {follower, followee}).empty()) {
      outcome = GraphResult::Blocked;
      return;
    }
    if (connection.execute(graph_sql::kInsertFollow, {follower, followee, now}).affectedRows == 0) {
      outcome = GraphResult::Unchanged;
      return;
    }
    connection.execute(graph_sql::kAdjustFollowCounts, {follower, followee, std::int64_t{1}});
    const Change followed{Change::Kind::Followed, follower, followee, 0};
    publish(connection, std::span(&followed, 1));
    outcome = GraphResult::Done;
  });
  return outcome;
}

Store::GraphResult SqlStore::unfollow(Id follower, Id followee) {
  if (follower == followee) return GraphResult::Self;
  GraphResult outcome = GraphResult::Done;
  inTransaction([&](SqlConnection& connection) {
    // The DELETE itself serialises concurrent unfollows and blocks of the same follow:
    // only the one that removed the row moves the counters.
    if (connection.execute(graph_sql::kDeleteFollow, {follower, followee}).affectedRows == 0) {
      outcome = connection.execute(graph_sql::kUserExists, {followee}).empty()
                    ? GraphResult::NoSuchUser
                    : GraphResult::Unchanged;
      return;
    }
    connection.execute(graph_sql::kAdjustFollowCounts, {follower, followee, std::int64_t{-1}});
    outcome = GraphResult::Done;
  });
  return outcome;
}

Store::GraphResult SqlStore::block(Id blocker, Id blocked, Millis now) {
  if (blocker == blocked) return GraphResult::Self;
  GraphResult outcome = GraphResult::Done;
  inTransaction([&](SqlConnection& connection) {
    if (!lockUserPair(connection, blocker, blocked)) {
      outcome = GraphResult::NoSuchUser;
      return;
    }
    if (connection.execute(graph_sql::kInsertBlock, {blocker, blocked, now}).affectedRows == 0) {
      outcome = GraphResult::Unchanged;
      return;
    }
    SqlResult removed = connection.execute(graph_sql::kDeleteFollowsBetween, {blocker, blocked});
    for (std::size_t row = 0; row < removed.size(); ++row) {
      connection.execute(graph_sql::kAdjustFollowCounts,
                         {removed.integer(row, 0), removed.integer(row, 1), std::int64_t{-1}});
    }
    outcome = GraphResult::Done;
  });
  return outcome;
}

Store::GraphResult SqlStore::unblock(Id blocker, Id blocked) {
  if (blocker == blocked) return GraphResult::Self;
  GraphResult outcome = GraphResult::Done;
  inTransaction([&](SqlConnection& connection) {
    if (connection.execute(graph_sql::kDeleteBlock, {blocker, blocked}).affectedRows == 0) {
      outcome = connection.execute(graph_sql::kUserExists, {blocked}).empty()
                    ? GraphResult::NoSuchUser
                    : GraphResult::Unchanged;
      return;
    }
    outcome = GraphResult::Done;
  });
  return outcome;
}

Page<UserEdge> SqlStore::followers(Id userId, const PageRequest& page) {
  PageBounds bounds = pageBounds(page);
  auto connection = database_.pool().acquire();
  return userEdgePage(
      connection->execute(graph_sql::kFollowers, {userId, bounds.before, bounds.fetch}), bounds);
}

Page<UserEdge> SqlStore::following(Id userId, const PageRequest& page) {
  PageBounds bounds = pageBounds(page);
  auto connection = database_.pool().acquire();
  return userEdgePage(
      connection->execute(graph_sql::kFollowing, {userId, bounds.before, bounds.fetch}), bounds);
}

std::vector<Relationship> SqlStore::relationships(Id viewer, std::span<const Id> userIds) {
  if (userIds.empty()) return {};
  auto connection = database_.pool().acquire();
  SqlResult result =
      connection->execute(pick(graph_sql::kRelationshipsPostgres, graph_sql::kRelationshipsSqlite),
                          {viewer, idListParameter(dialect_, userIds)});
  std::unordered_map<Id, Relationship> byId;
  for (std::size_t row = 0; row < result.size(); ++row) {
    Id id = result.integer(row, 0);
    byId[id] = Relationship{id, result.boolean(row, 1), result.boolean(row, 2),
                            result.boolean(row, 3), result.boolean(row, 4)};
  }
  std::vector<Relationship> ordered;
  ordered.reserve(userIds.size());
  for (Id id : userIds) {
    auto found = byId.find(id);
    ordered.push_back(found != byId.end() ? found->second : Relationship{id});
  }
  return ordered;
}

std::vector<Id> SqlStore::followersAmong(Id followee, std::span<const Id> candidates) {
  if (candidates.empty()) return {};
  auto connection = database_.pool().acquire();
  SqlResult result = connection->execute(
      pick(graph_sql::kFollowersAmongPostgres, graph_sql::kFollowersAmongSqlite),
      {followee, idListParameter(dialect_, candidates)});
  std::vector<Id> followers;
  followers.reserve(result.size());
  for (std::size_t row = 0; row < result.size(); ++row)
    followers.push_back(result.integer(row, 0));
  return followers;
}

std::vector<Id> SqlStore::followerIds(Id followee) {
  auto connection = database_.pool().acquire();
  SqlResult result = connection->execute(graph_sql::kFollowerIds, {followee});
  std::vector<Id> followers;
  followers.reserve(result.size());
  for (std::size_t row = 0; row < result.size(); ++row)
    followers.push_back(result.integer(row, 0));
  return followers;
}

}  // namespace mt::db
