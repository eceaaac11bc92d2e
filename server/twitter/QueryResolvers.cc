#include "Clock.h"
#include "Errors.h"
#include "Resolvers.h"
#include "Store.h"
#include "TextRules.h"
#include "TweetEntities.h"

#ifndef MT_TWITTER_VERSION
#error "MT_TWITTER_VERSION must be defined (server/twitter/CMakeLists.txt)"
#endif

namespace mt::twitter {

void registerQueryResolvers(ResolverTable& table) {
  table.field("Query", "me", [](const api::ResolveParams& params) -> api::Resolved {
    RequestContext& context = contextOf(params.context);
    const std::optional<db::Id> viewer = context.viewer();
    if (!viewer) return nullptr;
    const db::Id ids[] = {*viewer};
    std::vector<std::optional<db::User>> users = context.store().usersByIds(ids);
    if (users.empty() || !users.front()) return nullptr;
    return userObject(std::move(*users.front()));
  });

  table.field("Query", "user", [](const api::ResolveParams& params) -> api::Resolved {
    const std::string_view username = stringArg(params.args, "username");
    if (!hasUsernameShape(username)) return nullptr;  // no such user can exist
    std::optional<db::User> user = contextOf(params.context).store().userByUsername(username);
    if (!user) return nullptr;
    return userObject(std::move(*user));
  });

  table.field("Query", "tweet", [](const api::ResolveParams& params) -> api::Resolved {
    const db::Id ids[] = {idArg(params.args, "id")};
    RequestContext& context = contextOf(params.context);
    std::vector<std::optional<db::Tweet>> tweets =
        context.store().tweetsByIds(context.viewerOrAnonymous(), ids);
    if (tweets.empty() || !tweets.front()) return nullptr;
    return tweetObject(std::move(*tweets.front()));
  });

  table.field("Query", "timeline", [](const api::ResolveParams& params) {
    RequestContext& context = contextOf(params.context);
    const db::Id viewer = context.requireViewer();
    const db::PageRequest page = pageArgs(params.args, CursorKind::Tweet);
    return tweetConnection(context.store().timeline(viewer, page));
  });

  table.field("Query", "hashtag", [](const api::ResolveParams& params) {
    const std::string_view tag = stringArg(params.args, "tag");
    const std::optional<std::string> normalised = normaliseHashtag(tag);
    if (!normalised) {
      throw errors::badUserInput("tag", "'" + quoteForMessage(tag) +
                                            "' is not a hashtag: use letters, digits and '_', "
                                            "not only digits, at most 50");
    }
    const db::PageRequest page = pageArgs(params.args, CursorKind::Tweet);
    RequestContext& context = contextOf(params.context);
    return tweetConnection(
        context.store().hashtagTweets(context.viewerOrAnonymous(), *normalised, page));
  });

  table.field("Query", "mentions", [](const api::ResolveParams& params) {
    RequestContext& context = contextOf(params.context);
    const db::Id viewer = context.requireViewer();
    const db::PageRequest page = pageArgs(params.args, CursorKind::Tweet);
    return tweetConnection(context.store().mentions(viewer, viewer, page));
  });

  table.field("Query", "version", [](const api::ResolveParams&) {
    return api::Resolved(api::Value("minitwitter " MT_TWITTER_VERSION));
  });
  table.field("Query", "serverTime",
              [](const api::ResolveParams&) { return api::Resolved(api::Value(nowMillis())); });
  table.field("Query", "echo", [](const api::ResolveParams& params) {
    return api::Resolved(api::Value(stringArg(params.args, "message")));
  });
}

}  // namespace mt::twitter
