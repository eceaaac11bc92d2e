#include "Accounts.h"
#include "Errors.h"
#include "Resolvers.h"

namespace mt::twitter {

namespace {

template <class Page>
const std::shared_ptr<const Page>& pageOf(const api::Resolved& parent) {
  const auto* page = parent.objectAs<std::shared_ptr<const Page>>();
  if (page == nullptr || !*page)
    throw errors::internal("internal error: a connection without its page");
  return *page;
}

// PageInfo is plain data: the default resolver reads its members.
api::Resolved pageInfo(std::optional<std::string> endCursor, bool hasNextPage) {
  api::Value::Object info;
  info.emplace_back("endCursor", endCursor ? api::Value(std::move(*endCursor)) : api::Value());
  info.emplace_back("hasNextPage", hasNextPage);
  return api::Resolved(api::Value(std::move(info)));
}

const std::shared_ptr<const SessionGrant>& grantOf(const api::Resolved& parent) {
  const auto* grant = parent.objectAs<std::shared_ptr<const SessionGrant>>();
  if (grant == nullptr || !*grant)
    throw errors::internal("internal error: an AuthPayload without its session");
  return *grant;
}

}  // namespace

void registerConnectionResolvers(ResolverTable& table) {
  table.field("TweetConnection", "nodes", [](const api::ResolveParams& params) {
    const std::shared_ptr<const TweetPage>& page = pageOf<TweetPage>(params.parent);
    std::vector<api::Resolved> nodes;
    nodes.reserve(page->items.size());
    for (const db::Tweet& tweet : page->items)
      nodes.push_back(tweetObject(TweetRef(page, &tweet)));
    return api::Resolved::list(std::move(nodes));
  });
  table.field("TweetConnection", "pageInfo", [](const api::ResolveParams& params) {
    const TweetPage& page = *pageOf<TweetPage>(params.parent);
    std::optional<std::string> end;
    if (!page.items.empty()) end = encodeCursor(CursorKind::Tweet, page.items.back().id);
    return pageInfo(std::move(end), page.hasMore);
  });

  table.field("UserConnection", "nodes", [](const api::ResolveParams& params) {
    const std::shared_ptr<const UserPage>& page = pageOf<UserPage>(params.parent);
    std::vector<api::Resolved> nodes;
    nodes.reserve(page->items.size());
    for (const db::UserEdge& edge : page->items)
      nodes.push_back(userObject(UserRef(page, &edge.user)));
    return api::Resolved::list(std::move(nodes));
  });
  table.field("UserConnection", "pageInfo", [](const api::ResolveParams& params) {
    const UserPage& page = *pageOf<UserPage>(params.parent);
    std::optional<std::string> end;
    if (!page.items.empty()) end = encodeCursor(CursorKind::FollowEdge, page.items.back().cursor);
    return pageInfo(std::move(end), page.hasMore);
  });

  table.field("AuthPayload", "token", [](const api::ResolveParams& params) {
    return api::Resolved(api::Value(grantOf(params.parent)->token));
  });
  table.field("AuthPayload", "expiresAt", [](const api::ResolveParams& params) {
    return api::Resolved(api::Value(grantOf(params.parent)->expiresAt));
  });
  table.field("AuthPayload", "user", [](const api::ResolveParams& params) {
    const std::shared_ptr<const SessionGrant>& grant = grantOf(params.parent);
    return userObject(UserRef(grant, &grant->user));
  });
}

}  // namespace mt::twitter
