#include "Accounts.h"
#include "Clock.h"
#include "Errors.h"
#include "RequestCache.h"
#include "Resolvers.h"
#include "Store.h"
#include "TextRules.h"
#include "TweetEntities.h"

namespace mt::twitter {

namespace {

api::Resolved authPayload(SessionGrant grant) {
  return api::Resolved::object(std::make_shared<const SessionGrant>(std::move(grant)),
                               "AuthPayload");
}

// The user a mutation names, or NOT_FOUND.
db::User namedUser(RequestContext& context, std::string_view username) {
  std::optional<db::User> user;
  if (hasUsernameShape(username)) user = context.store().userByUsername(username);
  if (!user) throw errors::noSuchUser(username);
  return std::move(*user);
}

db::User reread(RequestContext& context, const db::User& user) {
  const db::Id ids[] = {user.id};
  std::vector<std::optional<db::User>> users = context.store().usersByIds(ids);
  if (users.empty() || !users.front()) throw errors::noSuchUser(user.username);
  return std::move(*users.front());
}

using GraphChange = db::Store::GraphResult (*)(db::Store&, db::Id actor, db::Id target);

// follow, unfollow, block, unblock: act as the viewer on the named user and return
// that user as they are afterwards (counts and relationship flags).
api::FieldResolver graphMutation(errors::GraphAction action, GraphChange change) {
  return [action, change](const api::ResolveParams& params) {
    RequestContext& context = contextOf(params.context);
    const db::Id viewer = context.requireViewer();
    const std::string_view username = stringArg(params.args, "username");
    const db::User target = namedUser(context, username);
    errors::check(change(context.store(), viewer, target.id), action, username);
    context.cache().forgetViewerState();
    return userObject(reread(context, target));
  };
}

using TweetAction = db::Store::TweetActionResult (*)(db::Store&, db::Id actor, db::Id tweet,
                                                     db::Tweet* result);

// like, unlike, retweet, unretweet: act as the viewer and return the original tweet as
// the viewer now sees it.
api::FieldResolver tweetMutation(TweetAction act) {
  return [act](const api::ResolveParams& params) {
    RequestContext& context = contextOf(params.context);
    const db::Id viewer = context.requireViewer();
    const db::Id id = idArg(params.args, "id");
    db::Tweet result;
    errors::check(act(context.store(), viewer, id, &result), id);
    if (result.id == 0) throw errors::noSuchTweet(id);  // the store always fills it
    return tweetObject(std::move(result));
  };
}

}  // namespace

void registerMutationResolvers(ResolverTable& table) {
  table.field("Mutation", "signup", [](const api::ResolveParams& params) {
    return authPayload(signup(contextOf(params.context), stringArg(params.args, "username"),
                              stringArg(params.args, "password"),
                              optionalStringArg(params.args, "displayName")));
  });
  table.field("Mutation", "login", [](const api::ResolveParams& params) {
    return authPayload(login(contextOf(params.context), stringArg(params.args, "username"),
                             stringArg(params.args, "password")));
  });
  table.field("Mutation", "logout", [](const api::ResolveParams& params) {
    return api::Resolved(api::Value(logout(contextOf(params.context))));
  });

  table.field("Mutation", "updateProfile", [](const api::ResolveParams& params) {
    RequestContext& context = contextOf(params.context);
    const db::Id viewer = context.requireViewer();
    std::optional<std::string> displayName;
    if (std::optional<std::string_view> given = optionalStringArg(params.args, "displayName")) {
      TextCheck checked = checkDisplayName(*given);
      if (!checked.ok()) throw errors::badUserInput("displayName", checked.problem);
      displayName = std::move(checked.value);
    }
    std::optional<std::string> bio;
    if (std::optional<std::string_view> given = optionalStringArg(params.args, "bio")) {
      TextCheck checked = checkBio(*given);
      if (!checked.ok()) throw errors::badUserInput("bio", checked.problem);
      bio = std::move(checked.value);
    }
    return userObject(context.store().updateProfile(viewer, displayName, bio));
  });

  table.field("Mutation", "follow",
              graphMutation(errors::GraphAction::Follow, [](db::Store& store, db::Id a, db::Id b) {
                return store.follow(a, b, nowMillis());
              }));
  table.field(
      "Mutation", "unfollow",
      graphMutation(errors::GraphAction::Unfollow,
                    [](db::Store& store, db::Id a, db::Id b) { return store.unfollow(a, b); }));
  table.field("Mutation", "block",
              graphMutation(errors::GraphAction::Block, [](db::Store& store, db::Id a, db::Id b) {
                return store.block(a, b, nowMillis());
              }));
  table.field("Mutation", "unblock",
              graphMutation(errors::GraphAction::Unblock, [](db::Store& store, db::Id a, db::Id b) {
                return store.unblock(a, b);
              }));

  table.field("Mutation", "postTweet", [](const api::ResolveParams& params) {
    RequestContext& context = contextOf(params.context);
    const db::Id viewer = context.requireViewer();
    TextCheck text = checkTweetText(stringArg(params.args, "text"));
    if (!text.ok()) throw errors::badUserInput("text", text.problem);
    db::Store::NewTweet tweet;
    tweet.authorId = viewer;
    tweet.replyToId = optionalIdArg(params.args, "replyTo");
    TweetEntities entities = extractEntities(text.value);
    tweet.text = std::move(text.value);
    tweet.hashtags = std::move(entities.hashtags);
    tweet.mentions = std::move(entities.mentions);
    db::Tweet posted;
    errors::check(context.store().postTweet(tweet, nowMillis(), &posted),
                  tweet.replyToId.value_or(0));
    return tweetObject(std::move(posted));
  });

  table.field("Mutation", "retweet",
              tweetMutation([](db::Store& store, db::Id user, db::Id tweet, db::Tweet* result) {
                return store.retweet(user, tweet, nowMillis(), result);
              }));
  table.field("Mutation", "unretweet",
              tweetMutation([](db::Store& store, db::Id user, db::Id tweet, db::Tweet* result) {
                return store.unretweet(user, tweet, result);
              }));
  table.field("Mutation", "like",
              tweetMutation([](db::Store& store, db::Id user, db::Id tweet, db::Tweet* result) {
                return store.like(user, tweet, nowMillis(), result);
              }));
  table.field("Mutation", "unlike",
              tweetMutation([](db::Store& store, db::Id user, db::Id tweet, db::Tweet* result) {
                return store.unlike(user, tweet, result);
              }));

  table.field("Mutation", "deleteTweet", [](const api::ResolveParams& params) {
    RequestContext& context = contextOf(params.context);
    const db::Id viewer = context.requireViewer();
    const db::Id id = idArg(params.args, "id");
    errors::check(context.store().deleteTweet(viewer, id), id);
    return api::Resolved(idValue(id));
  });

  table.field("Mutation", "echo", [](const api::ResolveParams& params) {
    return api::Resolved(api::Value(stringArg(params.args, "message")));
  });
}

}  // namespace mt::twitter
