// The Subscription root's fields (each a source event stream from LiveEvents) and the
// TweetActivity type their events carry. The root fields need no `resolve`: an event's
// payload is already the field's value (a Tweet, a User or a TweetActivity object).
#include "Errors.h"
#include "LiveEvents.h"
#include "Resolvers.h"

namespace mt::twitter {

namespace {

// Streams `topic` events for the logged-in user. The viewer is fixed when the
// subscription starts: a session revoked later does not end it (the transport decides
// how long a subscription may live).
api::SubscribeResolver liveTopic(LiveTopic topic) {
  return [topic](api::SubscribeParams params) -> std::unique_ptr<api::SourceEventStream> {
    RequestContext& context = contextOf(params.context);
    const db::Id viewer = context.requireViewer();
    LiveEvents* live = context.service().live();
    if (live == nullptr) {
      throw errors::serviceUnavailable(
          "live updates are not available on this server: fetch the data again instead");
    }
    return live->subscribe(topic, viewer, std::move(params.emit));
  };
}

const TweetActivityEvent& activityOf(const api::Resolved& parent) {
  const auto* event = parent.objectAs<std::shared_ptr<const TweetActivityEvent>>();
  if (event == nullptr || !*event)
    throw errors::internal("internal error: a TweetActivity without its event");
  return **event;
}

}  // namespace

void registerSubscriptionResolvers(ResolverTable& table) {
  table.subscriber("Subscription", "timelineTweet", liveTopic(LiveTopic::TimelineTweet));
  table.subscriber("Subscription", "mentioned", liveTopic(LiveTopic::Mentioned));
  table.subscriber("Subscription", "newFollower", liveTopic(LiveTopic::NewFollower));
  table.subscriber("Subscription", "tweetActivity", liveTopic(LiveTopic::TweetActivity));

  table.field("TweetActivity", "kind", [](const api::ResolveParams& params) {
    const bool like = activityOf(params.parent).kind == TweetActivityEvent::Kind::Like;
    return api::Resolved(api::Value(like ? "LIKE" : "RETWEET"));
  });
  table.field("TweetActivity", "user", [](const api::ResolveParams& params) {
    return userObject(activityOf(params.parent).user);
  });
  table.field("TweetActivity", "tweet", [](const api::ResolveParams& params) {
    return tweetObject(activityOf(params.parent).tweet);
  });
}

}  // namespace mt::twitter
