#include <algorithm>
#include <unordered_map>

#include "Errors.h"
#include "Resolvers.h"
#include "Store.h"

namespace mt::twitter {

namespace {

inline constexpr int kMaxAncestors = 50;

// A Tweet field read from the row.
template <class Read>
void tweetField(ResolverTable& table, const char* name, Read read) {
  table.field("Tweet", name, [read](const api::ResolveParams& params) {
    return api::Resolved(api::Value(read(*tweetOf(params.parent))));
  });
}

void addDistinct(std::vector<db::Id>& ids, db::Id id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

// For replyTo and retweetOf: the tweet each parent points at (through `pointer`), read
// for all parents of the level in one statement.
api::BatchFieldResolver linkedTweet(std::optional<db::Id> db::Tweet::*pointer) {
  return [pointer](const api::BatchResolveParams& params) {
    std::vector<db::Id> ids;
    for (const api::Resolved* parent : params.parents) {
      if (const std::optional<db::Id>& id = (*tweetOf(*parent)).*pointer) addDistinct(ids, *id);
    }
    std::vector<api::Resolved> results(params.parents.size());
    if (ids.empty()) return results;

    RequestContext& context = contextOf(params.context);
    auto found = std::make_shared<std::vector<std::optional<db::Tweet>>>(
        context.store().tweetsByIds(context.viewerOrAnonymous(), ids));
    if (found->size() != ids.size()) {
      throw errors::internal("internal error: the store answered for the wrong tweets");
    }
    std::unordered_map<db::Id, const db::Tweet*> byId;
    for (const std::optional<db::Tweet>& tweet : *found) {
      if (tweet) byId.emplace(tweet->id, &*tweet);
    }
    for (std::size_t i = 0; i < params.parents.size(); ++i) {
      const std::optional<db::Id>& id = (*tweetOf(*params.parents[i])).*pointer;
      if (!id) continue;
      auto it = byId.find(*id);
      if (it != byId.end()) results[i] = tweetObject(TweetRef(found, it->second));
    }
    return results;
  };
}

// Ids of the parents that can have hashtags or mentions: a retweet has no text.
std::vector<db::Id> idsWithText(std::span<const api::Resolved* const> parents) {
  std::vector<db::Id> ids;
  for (const api::Resolved* parent : parents) {
    const db::Tweet& tweet = *tweetOf(*parent);
    if (!tweet.text.empty()) ids.push_back(tweet.id);
  }
  return ids;
}

std::vector<api::Resolved> hashtags(const api::BatchResolveParams& params) {
  const std::vector<db::Id> ids = idsWithText(params.parents);
  std::unordered_map<db::Id, std::vector<std::string>> tags;
  if (!ids.empty()) tags = contextOf(params.context).store().hashtagsOf(ids);
  std::vector<api::Resolved> results;
  results.reserve(params.parents.size());
  for (const api::Resolved* parent : params.parents) {
    api::Value::List list;
    if (auto it = tags.find(tweetOf(*parent)->id); it != tags.end()) {
      for (std::string& tag : it->second)
        list.emplace_back(std::move(tag));
    }
    results.emplace_back(api::Value(std::move(list)));
  }
  return results;
}

// Mentioned users of every tweet at this level: two statements (the links, then the
// users), whatever the number of tweets.
std::vector<api::Resolved> mentions(const api::BatchResolveParams& params) {
  std::vector<api::Resolved> results(params.parents.size(), api::Resolved::list({}));
  const std::vector<db::Id> ids = idsWithText(params.parents);
  if (ids.empty()) return results;
  RequestContext& context = contextOf(params.context);
  const std::unordered_map<db::Id, std::vector<db::Id>> links = context.store().mentionsOf(ids);
  std::vector<db::Id> userIds;
  for (const auto& [tweetId, mentioned] : links) {
    for (db::Id id : mentioned)
      addDistinct(userIds, id);
  }
  if (userIds.empty()) return results;

  auto users =
      std::make_shared<std::vector<std::optional<db::User>>>(context.store().usersByIds(userIds));
  std::unordered_map<db::Id, const db::User*> byId;
  for (const std::optional<db::User>& user : *users) {
    if (user) byId.emplace(user->id, &*user);
  }
  for (std::size_t i = 0; i < params.parents.size(); ++i) {
    auto link = links.find(tweetOf(*params.parents[i])->id);
    if (link == links.end()) continue;
    std::vector<api::Resolved> list;
    for (db::Id id : link->second) {
      if (auto user = byId.find(id); user != byId.end()) {
        list.push_back(userObject(UserRef(users, user->second)));
      }
    }
    results[i] = api::Resolved::list(std::move(list));
  }
  return results;
}

}  // namespace

void registerTweetResolvers(ResolverTable& table) {
  tweetField(table, "id", [](const db::Tweet& tweet) { return std::to_string(tweet.id); });
  tweetField(table, "text", [](const db::Tweet& tweet) { return tweet.text; });
  tweetField(table, "createdAt", [](const db::Tweet& tweet) { return tweet.createdAt; });
  tweetField(table, "isReply", [](const db::Tweet& tweet) { return tweet.replyToId.has_value(); });
  tweetField(table, "replyCount", [](const db::Tweet& tweet) { return tweet.replyCount; });
  tweetField(table, "likeCount", [](const db::Tweet& tweet) { return tweet.likeCount; });
  tweetField(table, "retweetCount", [](const db::Tweet& tweet) { return tweet.retweetCount; });
  tweetField(table, "viewerLiked", [](const db::Tweet& tweet) { return tweet.viewerLiked; });
  tweetField(table, "viewerRetweeted",
             [](const db::Tweet& tweet) { return tweet.viewerRetweeted; });

  // The row carries its author: no statement.
  table.field("Tweet", "author", [](const api::ResolveParams& params) {
    const TweetRef& tweet = tweetOf(params.parent);
    return userObject(UserRef(tweet, &tweet->author));
  });
  table.batch("Tweet", "hashtags", hashtags);
  table.batch("Tweet", "mentions", mentions);
  table.batch("Tweet", "replyTo", linkedTweet(&db::Tweet::replyToId));
  table.batch("Tweet", "retweetOf", linkedTweet(&db::Tweet::retweetOfId));

  // Per tweet: a thread's context and replies are read for the one tweet a page shows.
  table.field("Tweet", "ancestors", [](const api::ResolveParams& params) {
    const TweetRef& parent = tweetOf(params.parent);
    std::vector<api::Resolved> list;
    if (!parent->replyToId) return api::Resolved::list(std::move(list));  // a root
    RequestContext& context = contextOf(params.context);
    for (db::Tweet& tweet :
         context.store().ancestors(context.viewerOrAnonymous(), parent->id, kMaxAncestors)) {
      list.push_back(tweetObject(std::move(tweet)));
    }
    return api::Resolved::list(std::move(list));
  });
  table.field("Tweet", "replies", [](const api::ResolveParams& params) {
    const TweetRef& parent = tweetOf(params.parent);
    const db::PageRequest page = pageArgs(params.args, CursorKind::Tweet);
    if (parent->replyCount == 0) return tweetConnection({});  // nothing to read
    RequestContext& context = contextOf(params.context);
    return tweetConnection(context.store().replies(context.viewerOrAnonymous(), parent->id, page));
  });
}

}  // namespace mt::twitter
