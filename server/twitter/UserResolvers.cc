#include <algorithm>

#include "Errors.h"
#include "RequestCache.h"
#include "Resolvers.h"
#include "Store.h"

namespace mt::twitter {

namespace {

// A User field read from the row.
template <class Read>
void userField(ResolverTable& table, const char* name, Read read) {
  table.field("User", name, [read](const api::ResolveParams& params) {
    return api::Resolved(api::Value(read(*userOf(params.parent))));
  });
}

// One of the four relationship flags, for every user at this level. The first of the
// four fields a query asks for reads the relationships of all these users in one
// statement into the request's cache; the others (and later levels, for users already
// seen) read the cache.
api::BatchFieldResolver relationshipFlag(bool db::Relationship::*flag) {
  return [flag](const api::BatchResolveParams& params) {
    RequestContext& context = contextOf(params.context);
    const db::Id viewer = context.viewerOrAnonymous();
    std::vector<api::Resolved> results(params.parents.size(), api::Resolved(api::Value(false)));
    if (viewer == 0) return results;  // anonymous: no relationships

    auto& cache = context.cache().relationships;
    std::vector<db::Id> missing;
    for (const api::Resolved* parent : params.parents) {
      const db::Id id = userOf(*parent)->id;
      if (id != viewer && !cache.contains(id) &&
          std::find(missing.begin(), missing.end(), id) == missing.end()) {
        missing.push_back(id);
      }
    }
    if (!missing.empty()) {
      const std::vector<db::Relationship> found = context.store().relationships(viewer, missing);
      if (found.size() != missing.size()) {
        throw errors::internal("internal error: the store answered for the wrong users");
      }
      for (std::size_t i = 0; i < missing.size(); ++i)
        cache[missing[i]] = found[i];
    }
    for (std::size_t i = 0; i < params.parents.size(); ++i) {
      const db::Id id = userOf(*params.parents[i])->id;
      if (id == viewer) continue;  // one has no relationship with oneself
      results[i] = api::Resolved(api::Value(cache.at(id).*flag));
    }
    return results;
  };
}

}  // namespace

void registerUserResolvers(ResolverTable& table) {
  userField(table, "id", [](const db::User& user) { return std::to_string(user.id); });
  userField(table, "username", [](const db::User& user) { return user.username; });
  userField(table, "displayName", [](const db::User& user) { return user.displayName; });
  userField(table, "bio", [](const db::User& user) { return user.bio; });
  userField(table, "createdAt", [](const db::User& user) { return user.createdAt; });
  userField(table, "tweetCount", [](const db::User& user) { return user.tweetCount; });
  userField(table, "followerCount", [](const db::User& user) { return user.followerCount; });
  userField(table, "followingCount", [](const db::User& user) { return user.followingCount; });

  table.field("User", "isViewer", [](const api::ResolveParams& params) {
    const db::Id viewer = contextOf(params.context).viewerOrAnonymous();
    return api::Resolved(api::Value(viewer != 0 && viewer == userOf(params.parent)->id));
  });
  table.batch("User", "viewerFollows", relationshipFlag(&db::Relationship::viewerFollows));
  table.batch("User", "followsViewer", relationshipFlag(&db::Relationship::followsViewer));
  table.batch("User", "viewerBlocks", relationshipFlag(&db::Relationship::viewerBlocks));
  table.batch("User", "blocksViewer", relationshipFlag(&db::Relationship::blocksViewer));

  // Lists paginated per user: the store has no call for several users' pages at once,
  // and a query asks for them on one profile at a time.
  table.field("User", "tweets", [](const api::ResolveParams& params) {
    RequestContext& context = contextOf(params.context);
    const db::PageRequest page = pageArgs(params.args, CursorKind::Tweet);
    return tweetConnection(
        context.store().userTweets(context.viewerOrAnonymous(), userOf(params.parent)->id, page));
  });
  table.field("User", "followers", [](const api::ResolveParams& params) {
    RequestContext& context = contextOf(params.context);
    const db::PageRequest page = pageArgs(params.args, CursorKind::FollowEdge);
    return userConnection(context.store().followers(userOf(params.parent)->id, page));
  });
  table.field("User", "following", [](const api::ResolveParams& params) {
    RequestContext& context = contextOf(params.context);
    const db::PageRequest page = pageArgs(params.args, CursorKind::FollowEdge);
    return userConnection(context.store().following(userOf(params.parent)->id, page));
  });
}

}  // namespace mt::twitter
