#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

#include "Model.h"
#include "Resolved.h"

namespace mt::db {
class Store;
class ChangeFeed;
}  // namespace mt::db

namespace mt::twitter {

// What a live subscriber hears about (the Subscription type's fields).
enum class LiveTopic {
  TimelineTweet,  // tweets entering the viewer's timeline: theirs and their followees'
  Mentioned,      // tweets that mention the viewer
  NewFollower,    // users who start following the viewer
  TweetActivity,  // likes and retweets of the viewer's tweets
};

// A like or retweet of one of the viewer's tweets: the payload of TweetActivity events
// (the TweetActivity type's resolvers read it).
struct TweetActivityEvent {
  enum class Kind { Like, Retweet };
  Kind kind;
  std::shared_ptr<const db::User> user;    // who liked or retweeted
  std::shared_ptr<const db::Tweet> tweet;  // the viewer's tweet
};

// The bridge from the database's change feed to live subscribers: the Twitter's part
// of "the database layer may act on its own and push upwards". It listens to the
// feed (PostgreSQL LISTEN/NOTIFY: every instance hears every instance's changes; the
// in-process bus for SQLite), works out who should hear about each change, loads
// what the event carries once per change, and calls the subscribers' callbacks.
//
// Changes are handled in commit order by one drain at a time on the worker that
// `submit` provides (never on the feed's thread, which must not block), in batches:
// the rows of a batch are read in a few statements whatever its size. So each
// subscriber sees its events in commit order. Changes waiting to be handled are
// bounded (`maxPendingChanges`); past it the oldest are dropped and counted, because
// live events are best effort while the data itself is not.
//
// Payloads: TimelineTweet and Mentioned carry the tweet (a Resolved application object
// as the Tweet type's resolvers expect, see ResolverSupport.h); NewFollower the
// follower (a User object); TweetActivity a std::shared_ptr<const TweetActivityEvent>.
// A tweet deleted (or a user gone) before its event is handled gives no event.
//
// Thread-safe.
class LiveEvents {
 public:
  // Runs `work` on a thread that may block (database reads); false when it cannot
  // take more work now (the drain is then retried on the next change).
  using Submit = std::function<bool(std::function<void()>)>;

  struct Options {
    std::size_t maxPendingChanges = 10'000;
  };

  // Subscribes to `feed` at once. `store` and `feed` must outlive this object.
  LiveEvents(db::Store& store, db::ChangeFeed& feed, Submit submit, Options options);
  LiveEvents(db::Store& store, db::ChangeFeed& feed, Submit submit)
      : LiveEvents(store, feed, std::move(submit), Options{}) {}
  // Unsubscribes from the feed and waits for a drain in progress to finish.
  ~LiveEvents();
  LiveEvents(const LiveEvents&) = delete;
  LiveEvents& operator=(const LiveEvents&) = delete;

  // Starts delivering `topic` events for `viewer` to `emit` until the returned stream
  // is destroyed (api::SourceEventStream's guarantee: after its destructor, `emit` is
  // not running and never runs again).
  std::unique_ptr<api::SourceEventStream> subscribe(LiveTopic topic, db::Id viewer,
                                                    api::EventCallback emit);

  // Live subscriptions now (for the metrics).
  std::size_t subscriberCount() const;
  // Changes dropped because too many were waiting, since start.
  std::uint64_t droppedChanges() const;
  // Events handed to subscribers, since start.
  std::uint64_t deliveredEvents() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace mt::twitter
