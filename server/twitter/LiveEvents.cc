#include "LiveEvents.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ChangeFeed.h"
#include "ResolverSupport.h"
#include "Store.h"

namespace mt::twitter {

namespace {

using db::Change;
using db::Id;

constexpr std::size_t kTopicCount = 4;

constexpr std::size_t topicIndex(LiveTopic topic) {
  return static_cast<std::size_t>(topic);
}

// One subscribe() call: its callback and what guards it. The drain holds the lock
// around each emit, so closing (which takes it too) waits for an emit in progress.
// The lock is recursive so that a subscriber may close its own stream from inside its
// emit: close() then only marks it dead; the callback object is destroyed later, when
// the drain lets go of it, never while it runs.
class Subscriber {
 public:
  Subscriber(LiveTopic topic, Id viewer, api::EventCallback emit)
      : topic_(topic), viewer_(viewer), emit_(std::move(emit)) {}

  LiveTopic topic() const noexcept { return topic_; }
  Id viewer() const noexcept { return viewer_; }

  // True if the event reached the callback.
  bool deliver(const api::Resolved& payload) {
    std::lock_guard lock(mutex_);
    if (!alive_) return false;
    emitting_ = true;
    try {
      emit_(payload);
    } catch (const std::exception& error) {
      // The contract says an emit does not throw; one that does must not stop the
      // drain for everyone else.
      std::fprintf(stderr, "minitwitter: a live event subscriber threw: %s\n", error.what());
    } catch (...) {
      std::fprintf(stderr, "minitwitter: a live event subscriber threw\n");
    }
    emitting_ = false;
    return true;
  }

  // After it returns the callback is not running (unless this is a call from inside
  // it) and never runs again.
  void close() {
    std::lock_guard lock(mutex_);
    alive_ = false;
    // Holding the lock, either nobody emits or this thread is inside the emit.
    if (!emitting_) emit_ = nullptr;
  }

 private:
  const LiveTopic topic_;
  const Id viewer_;
  std::recursive_mutex mutex_;
  bool alive_ = true;
  bool emitting_ = false;
  api::EventCallback emit_;
};

using SubscriberRef = std::shared_ptr<Subscriber>;

// What one change turns into: who hears about it and what they get.
struct PlannedEvent {
  const Change* change = nullptr;
  LiveTopic topic = LiveTopic::TimelineTweet;
  std::vector<Id> viewers;
  api::Resolved payload;
  // Payloads read as a checked viewer sees the tweet, by viewer.
  std::unordered_map<Id, api::Resolved> payloadFor;
};

}  // namespace

struct LiveEvents::State {
  State(db::Store& storeIn, db::ChangeFeed& feedIn, Submit submitIn, Options optionsIn)
      : store(storeIn), feed(feedIn), submit(std::move(submitIn)), options(optionsIn) {}

  db::Store& store;
  db::ChangeFeed& feed;
  db::ChangeFeed::SubscriptionId feedSubscription = 0;
  const Submit submit;
  const Options options;

  // Changes waiting for the drain. `drainScheduled`: a drain was submitted and has not
  // yet found the queue empty. `closed`: the LiveEvents is gone; a drain that runs
  // after that touches nothing but this state.
  std::mutex pendingMutex;
  std::deque<Change> pending;
  bool drainScheduled = false;
  bool closed = false;

  // Held by the drain while it works: one drain at a time, and ~LiveEvents waits on it.
  std::mutex drainMutex;

  // Live subscribers by topic and viewer. Never held while an emit runs.
  std::mutex indexMutex;
  std::array<std::unordered_map<Id, std::vector<SubscriberRef>>, kTopicCount> index;

  std::atomic<std::size_t> subscribers{0};
  std::atomic<std::uint64_t> dropped{0};
  std::atomic<std::uint64_t> delivered{0};

  // The feed's listener (feed thread): queue, and schedule a drain unless one is.
  void onChange(const Change& change, const std::shared_ptr<State>& self);
  void scheduleDrain(const std::shared_ptr<State>& self);
  // The submitted work: handles batches until the queue is empty.
  void drain();
  void handle(const std::vector<Change>& batch);

  void add(const SubscriberRef& subscriber);
  void remove(const SubscriberRef& subscriber);

  // Steps of handle().
  std::vector<PlannedEvent> plan(const std::vector<Change>& batch);
  void loadPayloads(std::vector<PlannedEvent>& events);
  void addTimelineAudiences(std::vector<PlannedEvent>& events);
  void checkThirdParties(std::vector<PlannedEvent>& events);
  void emit(const std::vector<PlannedEvent>& events);
};

namespace {

// What subscribe() returns: destroying it runs `close`, which takes the subscriber out
// of the index (if the LiveEvents is still there) and silences it.
class LiveStream final : public api::SourceEventStream {
 public:
  explicit LiveStream(std::function<void()> close) : close_(std::move(close)) {}
  ~LiveStream() override { close_(); }

 private:
  std::function<void()> close_;
};

}  // namespace

// ---- the feed side -------------------------------------------------------------------

void LiveEvents::State::onChange(const Change& change, const std::shared_ptr<State>& self) {
  {
    std::lock_guard lock(pendingMutex);
    if (closed) return;
    if (options.maxPendingChanges == 0) {
      dropped.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    // Best effort: the newest changes matter most to a live client, so the oldest go.
    while (pending.size() >= options.maxPendingChanges) {
      pending.pop_front();
      dropped.fetch_add(1, std::memory_order_relaxed);
    }
    pending.push_back(change);
    if (drainScheduled) return;
    drainScheduled = true;
  }
  scheduleDrain(self);
}

void LiveEvents::State::scheduleDrain(const std::shared_ptr<State>& self) {
  // Outside pendingMutex: a Submit may run the work at once on this thread.
  bool taken = false;
  try {
    taken = submit([self] { self->drain(); });
  } catch (const std::exception& error) {
    std::fprintf(stderr, "minitwitter: could not schedule live events: %s\n", error.what());
  }
  if (!taken) {
    // The changes stay queued; the next change tries again.
    std::lock_guard lock(pendingMutex);
    drainScheduled = false;
  }
}

// ---- the drain -----------------------------------------------------------------------

void LiveEvents::State::drain() {
  std::lock_guard drainLock(drainMutex);
  for (;;) {
    std::vector<Change> batch;
    {
      std::lock_guard lock(pendingMutex);
      if (closed || pending.empty()) {
        drainScheduled = false;
        return;
      }
      batch.assign(pending.begin(), pending.end());
      pending.clear();
    }
    try {
      handle(batch);
    } catch (const std::exception& error) {
      // A database failure loses this batch's events (live events are best effort;
      // droppedChanges() counts only the queue's overflow); the next batch tries again.
      std::fprintf(stderr, "minitwitter: live events lost %zu changes: %s\n", batch.size(),
                   error.what());
    }
  }
}

void LiveEvents::State::handle(const std::vector<Change>& batch) {
  std::vector<PlannedEvent> events = plan(batch);
  if (events.empty()) return;
  loadPayloads(events);
  addTimelineAudiences(events);
  checkThirdParties(events);
  emit(events);
}

// Which changes anyone may hear about, and who. Mentioned: the mentioned user.
// NewFollower: the followee. TweetActivity: the tweet's author, unless they liked or
// retweeted their own tweet (not news to them). TweetDeleted: nothing (no topic
// announces deletions; a client finds out when it reads the tweet again). TimelineTweet:
// every posted tweet while anyone listens; its audience needs the tweet's row first (see
// addTimelineAudiences). Only lookups in the index, never a walk over it: this runs for
// every batch, whatever the number of subscribers.
std::vector<PlannedEvent> LiveEvents::State::plan(const std::vector<Change>& batch) {
  std::vector<PlannedEvent> events;
  std::lock_guard lock(indexMutex);
  auto listens = [&](LiveTopic topic, Id viewer) {
    return index[topicIndex(topic)].contains(viewer);
  };
  const bool anyTimeline = !index[topicIndex(LiveTopic::TimelineTweet)].empty();
  for (const Change& change : batch) {
    PlannedEvent event;
    event.change = &change;
    switch (change.kind) {
      case Change::Kind::TweetPosted:
        if (!anyTimeline) continue;
        event.topic = LiveTopic::TimelineTweet;  // the audience comes later
        break;
      case Change::Kind::Mentioned:
        event.topic = LiveTopic::Mentioned;
        if (listens(event.topic, change.subjectUserId))
          event.viewers.push_back(change.subjectUserId);
        break;
      case Change::Kind::Followed:
        event.topic = LiveTopic::NewFollower;
        if (listens(event.topic, change.subjectUserId))
          event.viewers.push_back(change.subjectUserId);
        break;
      case Change::Kind::Liked:
      case Change::Kind::Retweeted:
        event.topic = LiveTopic::TweetActivity;
        if (change.actorId != change.subjectUserId && listens(event.topic, change.subjectUserId))
          event.viewers.push_back(change.subjectUserId);
        break;
      case Change::Kind::TweetDeleted:
        continue;
    }
    if (event.topic == LiveTopic::TimelineTweet || !event.viewers.empty())
      events.push_back(std::move(event));
  }
  return events;
}

// The audience of each posted tweet: its author if they listen, and their followers who
// listen. One statement per distinct author in the batch, whichever is cheaper given the
// author's followerCount (in the tweet's row, already read): with fewer followers than
// timeline listeners, all of the author's followers (followerIds), kept if they listen;
// otherwise the listeners who follow the author (followersAmong over every listener).
// So the work per author grows with the smaller of the two, not with every listener. An
// author nobody follows costs no statement.
void LiveEvents::State::addTimelineAudiences(std::vector<PlannedEvent>& events) {
  constexpr auto kTimeline = topicIndex(LiveTopic::TimelineTweet);
  std::size_t listeners = 0;
  {
    std::lock_guard lock(indexMutex);
    listeners = index[kTimeline].size();
  }
  std::vector<Id> allListeners;  // followersAmong's candidates, copied once if needed
  std::unordered_map<Id, std::vector<Id>> audienceOf;  // listening followers by author
  for (PlannedEvent& event : events) {
    if (event.topic != LiveTopic::TimelineTweet) continue;
    const Id author = event.change->actorId;
    auto [found, fresh] = audienceOf.try_emplace(author);
    if (!fresh) continue;
    const db::Tweet& tweet = *tweetOf(event.payload);
    // The row's author is the change's actor; should it ever not be, the count says
    // nothing about this author and followersAmong is right whatever it is.
    const std::int64_t followerCount = tweet.authorId == author
                                           ? tweet.author.followerCount
                                           : std::numeric_limits<std::int64_t>::max();
    if (followerCount == 0) continue;
    if (static_cast<std::uint64_t>(followerCount) < listeners) {
      std::vector<Id> followers = store.followerIds(author);
      std::lock_guard lock(indexMutex);
      std::erase_if(followers, [&](Id follower) { return !index[kTimeline].contains(follower); });
      found->second = std::move(followers);
    } else {
      if (allListeners.empty()) {
        std::lock_guard lock(indexMutex);
        allListeners.reserve(index[kTimeline].size());
        for (const auto& [viewer, list] : index[kTimeline])
          allListeners.push_back(viewer);
      }
      found->second = store.followersAmong(author, allListeners);
    }
  }

  std::lock_guard lock(indexMutex);
  for (PlannedEvent& event : events) {
    if (event.topic != LiveTopic::TimelineTweet) continue;
    const Id author = event.change->actorId;
    if (index[kTimeline].contains(author)) event.viewers.push_back(author);
    const std::vector<Id>& followers = audienceOf[author];
    event.viewers.insert(event.viewers.end(), followers.begin(), followers.end());
  }
  std::erase_if(events, [](const PlannedEvent& event) { return event.viewers.empty(); });
}

// Reads the batch's tweets (as an anonymous reader: the row is shared by every viewer)
// and users in one statement each. An event whose rows are gone is dropped. Posted
// tweets are read before their audience is known (their row tells how many follow the
// author): one statement whatever the batch, so a tweet nobody hears costs only its row.
void LiveEvents::State::loadPayloads(std::vector<PlannedEvent>& events) {
  std::vector<Id> tweetIds;
  std::vector<Id> userIds;
  for (const PlannedEvent& event : events) {
    if (event.topic != LiveTopic::NewFollower) tweetIds.push_back(event.change->tweetId);
    if (event.topic == LiveTopic::NewFollower || event.topic == LiveTopic::TweetActivity)
      userIds.push_back(event.change->actorId);
  }
  std::unordered_map<Id, TweetRef> tweets;
  if (!tweetIds.empty()) {
    std::vector<std::optional<db::Tweet>> rows = store.tweetsByIds(0, tweetIds);
    for (std::optional<db::Tweet>& row : rows) {
      if (row) tweets.emplace(row->id, std::make_shared<const db::Tweet>(std::move(*row)));
    }
  }
  std::unordered_map<Id, UserRef> users;
  if (!userIds.empty()) {
    std::vector<std::optional<db::User>> rows = store.usersByIds(userIds);
    for (std::optional<db::User>& row : rows) {
      if (row) users.emplace(row->id, std::make_shared<const db::User>(std::move(*row)));
    }
  }
  auto tweetFor = [&](Id id) -> TweetRef {
    auto found = tweets.find(id);
    return found != tweets.end() ? found->second : nullptr;
  };
  auto userFor = [&](Id id) -> UserRef {
    auto found = users.find(id);
    return found != users.end() ? found->second : nullptr;
  };

  for (PlannedEvent& event : events) {
    const Change& change = *event.change;
    switch (event.topic) {
      case LiveTopic::TimelineTweet:
      case LiveTopic::Mentioned:
        if (TweetRef tweet = tweetFor(change.tweetId)) event.payload = tweetObject(tweet);
        break;
      case LiveTopic::NewFollower:
        if (UserRef user = userFor(change.actorId)) event.payload = userObject(user);
        break;
      case LiveTopic::TweetActivity: {
        TweetRef tweet = tweetFor(change.tweetId);
        UserRef user = userFor(change.actorId);
        if (!tweet || !user) break;
        auto activity = std::make_shared<const TweetActivityEvent>(TweetActivityEvent{
            change.kind == Change::Kind::Liked ? TweetActivityEvent::Kind::Like
                                               : TweetActivityEvent::Kind::Retweet,
            std::move(user), std::move(tweet)});
        event.payload = api::Resolved::object(activity, "TweetActivity");
        break;
      }
    }
  }
  std::erase_if(events, [](const PlannedEvent& event) { return event.payload.isNull(); });
}

// A follower always sees the tweets of whom they follow (a block in either direction
// removes the follow), but not always what those tweets bring along: a retweet of a
// third user who has blocked the viewer, or a mention by a user who has blocked the
// mentioned viewer. Those viewers get the tweet only if they can read it themselves,
// and then as they see it: one tweetsByIds per such viewer and batch.
void LiveEvents::State::checkThirdParties(std::vector<PlannedEvent>& events) {
  struct ToCheck {
    std::vector<Id> tweetIds;
    std::vector<std::size_t> events;  // indices into `events`
  };
  std::unordered_map<Id, ToCheck> toCheck;  // by viewer
  for (std::size_t at = 0; at < events.size(); ++at) {
    PlannedEvent& event = events[at];
    const bool isRetweet =
        event.topic == LiveTopic::TimelineTweet && tweetOf(event.payload)->retweetOfId;
    if (event.topic != LiveTopic::Mentioned && !isRetweet) continue;
    std::vector<Id> trusted;
    for (Id viewer : event.viewers) {
      if (viewer == event.change->actorId) {
        trusted.push_back(viewer);  // one's own tweet
      } else {
        ToCheck& check = toCheck[viewer];
        check.tweetIds.push_back(event.change->tweetId);
        check.events.push_back(at);
      }
    }
    event.viewers = std::move(trusted);
  }
  for (const auto& [viewer, check] : toCheck) {
    std::vector<std::optional<db::Tweet>> rows = store.tweetsByIds(viewer, check.tweetIds);
    std::unordered_map<Id, TweetRef> seen;
    for (std::optional<db::Tweet>& row : rows) {
      if (row) seen.emplace(row->id, std::make_shared<const db::Tweet>(std::move(*row)));
    }
    for (std::size_t at : check.events) {
      auto found = seen.find(events[at].change->tweetId);
      if (found != seen.end()) events[at].payloadFor.emplace(viewer, tweetObject(found->second));
    }
  }
}

// In change order; for each event, every live stream of each viewer.
void LiveEvents::State::emit(const std::vector<PlannedEvent>& events) {
  for (const PlannedEvent& event : events) {
    std::vector<std::pair<SubscriberRef, const api::Resolved*>> targets;
    {
      std::lock_guard lock(indexMutex);
      const auto& byViewer = index[topicIndex(event.topic)];
      auto addViewer = [&](Id viewer, const api::Resolved* payload) {
        auto found = byViewer.find(viewer);
        if (found == byViewer.end()) return;
        for (const SubscriberRef& subscriber : found->second)
          targets.emplace_back(subscriber, payload);
      };
      for (Id viewer : event.viewers)
        addViewer(viewer, &event.payload);
      for (const auto& [viewer, payload] : event.payloadFor)
        addViewer(viewer, &payload);
    }
    for (const auto& [subscriber, payload] : targets) {
      if (subscriber->deliver(*payload)) delivered.fetch_add(1, std::memory_order_relaxed);
    }
  }
}

// ---- the index -----------------------------------------------------------------------

void LiveEvents::State::add(const SubscriberRef& subscriber) {
  std::lock_guard lock(indexMutex);
  index[topicIndex(subscriber->topic())][subscriber->viewer()].push_back(subscriber);
  subscribers.fetch_add(1, std::memory_order_relaxed);
}

void LiveEvents::State::remove(const SubscriberRef& subscriber) {
  std::lock_guard lock(indexMutex);
  auto& byViewer = index[topicIndex(subscriber->topic())];
  auto found = byViewer.find(subscriber->viewer());
  if (found == byViewer.end()) return;
  if (std::erase(found->second, subscriber) > 0)
    subscribers.fetch_sub(1, std::memory_order_relaxed);
  if (found->second.empty()) byViewer.erase(found);
}

// ---- LiveEvents ----------------------------------------------------------------------

LiveEvents::LiveEvents(db::Store& store, db::ChangeFeed& feed, Submit submit, Options options)
    : state_(std::make_shared<State>(store, feed, std::move(submit), options)) {
  // The listener holds the state weakly: the feed never keeps it alive, and after
  // ~LiveEvents' unsubscribe it never runs again anyway.
  std::weak_ptr<State> weak = state_;
  state_->feedSubscription = feed.subscribe([weak](const Change& change) {
    if (auto state = weak.lock()) state->onChange(change, state);
  });
}

// Must not run inside an emit (the drain it would wait for is its caller).
LiveEvents::~LiveEvents() {
  state_->feed.unsubscribe(state_->feedSubscription);
  {
    std::lock_guard lock(state_->pendingMutex);
    state_->closed = true;
    state_->pending.clear();
  }
  // Waits for a drain in progress; one submitted but not started finds `closed`.
  std::lock_guard drainLock(state_->drainMutex);
}

std::unique_ptr<api::SourceEventStream> LiveEvents::subscribe(LiveTopic topic, db::Id viewer,
                                                              api::EventCallback emit) {
  auto subscriber = std::make_shared<Subscriber>(topic, viewer, std::move(emit));
  state_->add(subscriber);
  // The stream may outlive this LiveEvents: it holds the state weakly.
  return std::make_unique<LiveStream>(
      [weak = std::weak_ptr<State>(state_), subscriber = std::move(subscriber)] {
        if (auto state = weak.lock()) state->remove(subscriber);
        subscriber->close();
      });
}

std::size_t LiveEvents::subscriberCount() const {
  return state_->subscribers.load(std::memory_order_relaxed);
}

std::uint64_t LiveEvents::droppedChanges() const {
  return state_->dropped.load(std::memory_order_relaxed);
}

std::uint64_t LiveEvents::deliveredEvents() const {
  return state_->delivered.load(std::memory_order_relaxed);
}

}  // namespace mt::twitter
