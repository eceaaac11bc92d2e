// The API view's Server-Sent Events answers (graphql-sse, distinct connections):
// negotiation, a query's one result, subscriptions fed by a source the test controls,
// per-subscriber ordering and bounds, and the source's end with the stream's.

#include <gtest/gtest.h>

#include <any>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "CapturingSink.h"
#include "GraphQLEngine.h"
#include "GraphQLView.h"
#include "SchemaBuilder.h"
#include "ServerSentEvents.h"

namespace mt::views {
namespace {

using http::Method;
using http::StreamEnd;
using testing::headerOf;
using testing::makeRequest;

constexpr std::uint64_t kSeq = 7;
constexpr std::string_view kEventStream = "text/event-stream; charset=utf-8";

// The events the test plays into one subscription. Stands in for a real source (a
// broker topic): emits never overlap, and the source's destruction waits for an emit in
// progress on another thread. CapturingSink tells a stream's `finished` on the thread
// that ends it, so a session may destroy its source from within that source's own emit
// (a real connection tells it later, on its loop); that destruction cannot wait for
// itself, so it does not.
class Feed {
 public:
  void attach(api::EventCallback callback) {
    std::lock_guard lock(mutex_);
    callback_ = std::move(callback);
    live_ = true;
  }

  // False when nobody listens any more (the source was destroyed).
  bool emit(api::Resolved payload) {
    std::lock_guard emitting(emitMutex_);
    api::EventCallback callback;
    {
      std::lock_guard lock(mutex_);
      if (!live_) return false;
      callback = callback_;
      emitter_ = std::this_thread::get_id();
    }
    callback(std::move(payload));
    std::lock_guard lock(mutex_);
    emitter_ = {};
    return true;
  }
  bool emitTick(std::int64_t n) { return emit(api::Value::object({{"n", api::Value(n)}})); }

  // The source's destructor.
  void detach() {
    bool withinOwnEmit;
    {
      std::lock_guard lock(mutex_);
      withinOwnEmit = emitter_ == std::this_thread::get_id();
    }
    std::unique_lock emitting(emitMutex_, std::defer_lock);
    if (!withinOwnEmit) emitting.lock();
    std::lock_guard lock(mutex_);
    live_ = false;
    callback_ = nullptr;
    ++destroyed_;
  }

  bool live() const {
    std::lock_guard lock(mutex_);
    return live_;
  }
  int destroyed() const {
    std::lock_guard lock(mutex_);
    return destroyed_;
  }

 private:
  std::mutex emitMutex_;  // held through an emit
  mutable std::mutex mutex_;
  api::EventCallback callback_;
  bool live_ = false;
  int destroyed_ = 0;
  std::thread::id emitter_;
};

class FeedSource final : public api::SourceEventStream {
 public:
  explicit FeedSource(std::shared_ptr<Feed> feed) : feed_(std::move(feed)) {}
  ~FeedSource() override { feed_->detach(); }

 private:
  std::shared_ptr<Feed> feed_;
};

// One SSE event as a client's parser sees it.
struct SseEvent {
  std::string event;
  std::string data;
  bool operator==(const SseEvent&) const = default;
};

std::ostream& operator<<(std::ostream& out, const SseEvent& e) {
  return out << "{" << e.event << ": " << e.data << "}";
}

// Splits a text/event-stream body into its events (comments skipped).
std::vector<SseEvent> parseEvents(std::string_view body) {
  std::vector<SseEvent> events;
  SseEvent current;
  bool any = false;
  while (!body.empty()) {
    std::size_t newline = body.find('\n');
    std::string_view line = body.substr(0, newline);
    body = newline == std::string_view::npos ? std::string_view() : body.substr(newline + 1);
    if (line.empty()) {
      if (any) events.push_back(std::exchange(current, {}));
      any = false;
    } else if (line.starts_with("event: ")) {
      current.event = line.substr(7);
      any = true;
    } else if (line.starts_with("data: ")) {
      if (!current.data.empty()) current.data += '\n';
      current.data += line.substr(6);
      any = true;
    }
  }
  return events;
}

SseEvent next(std::string data) {
  return {"next", std::move(data)};
}
const SseEvent kComplete{"complete", ""};

// submitEventWork as a queue the test runs by hand.
class WorkQueue {
 public:
  std::function<bool(std::function<void()>)> submitter() {
    return [this](std::function<void()> work) {
      std::lock_guard lock(mutex_);
      work_.push_back(std::move(work));
      return true;
    };
  }
  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return work_.size();
  }
  // Runs what was queued before the call.
  void runAll() {
    std::deque<std::function<void()>> work;
    {
      std::lock_guard lock(mutex_);
      work.swap(work_);
    }
    for (auto& item : work)
      item();
  }

 private:
  mutable std::mutex mutex_;
  std::deque<std::function<void()>> work_;
};

// A sink that also counts how often each stream was ended by its writer.
class EndCountingSink final : public testing::CapturingSink {
 public:
  void endStream(std::uint64_t seq) override {
    {
      std::lock_guard lock(mutex_);
      ++ends_[seq];
    }
    CapturingSink::endStream(seq);
  }
  int ends(std::uint64_t seq) const {
    std::lock_guard lock(mutex_);
    auto it = ends_.find(seq);
    return it == ends_.end() ? 0 : it->second;
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::uint64_t, int> ends_;
};

// Holds a resolver (an event's execution) until the test opens it.
class Gate {
 public:
  void close() {
    std::lock_guard lock(mutex_);
    open_ = false;
  }
  void open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }
  void pass() {
    std::unique_lock lock(mutex_);
    ++waiting_;
    changed_.notify_all();
    changed_.wait(lock, [this] { return open_; });
    --waiting_;
  }
  void awaitWaiter() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return waiting_ > 0; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool open_ = true;
  int waiting_ = 0;
};

class GraphQLEventStreamTest : public ::testing::Test {
 protected:
  Gate gate_;
  // Events emitted by the subscribe resolver itself, before it returns.
  std::vector<std::int64_t> emitDuringSubscribe_;
  std::shared_ptr<Feed> feed_ = std::make_shared<Feed>();
  int subscribes_ = 0;

  std::shared_ptr<const api::GraphQLEngine> engine_ = std::make_shared<api::GraphQLEngine>(
      api::SchemaBuilder(R"(
        type Query { version: Int }
        type Mutation { bump: Int }
        type Tick { n: Int! seenBy: String gated: Int }
        type Subscription { ticks: Tick! broken: Int }
      )")
          .resolver("Query", "version", [](const api::ResolveParams&) { return api::Value(3); })
          .resolver("Mutation", "bump", [](const api::ResolveParams&) { return api::Value(1); })
          .resolver("Tick", "seenBy",
                    [](const api::ResolveParams& params) -> api::Resolved {
                      const auto* who = std::any_cast<std::string>(&params.context);
                      return who ? api::Resolved(api::Value(*who)) : api::Resolved();
                    })
          .resolver("Tick", "gated",
                    [this](const api::ResolveParams&) {
                      gate_.pass();
                      return api::Value(0);
                    })
          .subscriber(
              "Subscription", "ticks",
              [this](api::SubscribeParams params) -> std::unique_ptr<api::SourceEventStream> {
                ++subscribes_;
                feed_->attach(params.emit);
                for (std::int64_t n : emitDuringSubscribe_)
                  feed_->emitTick(n);
                return std::make_unique<FeedSource>(feed_);
              })
          .subscriber("Subscription", "broken",
                      [](api::SubscribeParams) -> std::unique_ptr<api::SourceEventStream> {
                        throw api::GraphQLError("no such topic");
                      })
          .build());
  GraphQLViewOptions options_;
  std::shared_ptr<EndCountingSink> sink_ = std::make_shared<EndCountingSink>();

  // Runs the view as a route would, answering into sink_.
  void call(Method method, std::string_view target, std::string_view accept,
            std::string_view body = {}, std::string_view authorization = {}) {
    std::vector<http::HeaderField> headers = {{"Accept", accept}};
    if (!body.empty()) headers.push_back({"Content-Type", "application/json"});
    if (!authorization.empty()) headers.push_back({"Authorization", authorization});
    http::HttpRequest request = makeRequest(method, target, std::move(headers));
    request.body = body;
    View view = graphqlView(engine_, options_);
    RouteParams params;
    view(ViewContext{request, params, http::Responder(sink_, kSeq)});
  }
  void post(std::string_view body, std::string_view accept = http::kEventStreamMediaType,
            std::string_view authorization = {}) {
    call(Method::Post, "/api", accept, body, authorization);
  }
  void subscribeToTicks(std::string_view authorization = {}) {
    post(R"({"query":"subscription { ticks { n } }"})", http::kEventStreamMediaType, authorization);
  }

  http::HttpResponse onlyResponse() const {
    auto responses = sink_->responses();
    EXPECT_EQ(responses.size(), 1u);
    if (responses.empty()) return http::HttpResponse(0);
    EXPECT_EQ(responses.front().first, kSeq);
    return responses.front().second;
  }
  std::vector<SseEvent> events() const { return parseEvents(onlyResponse().body); }
  static SseEvent tick(std::int64_t n) {
    return next(R"({"data":{"ticks":{"n":)" + std::to_string(n) + "}}}");
  }
  static std::vector<SseEvent> ticks(std::int64_t from, std::int64_t to) {
    std::vector<SseEvent> out;
    for (std::int64_t n = from; n <= to; ++n)
      out.push_back(tick(n));
    return out;
  }
  static bool isSlowConsumerDrop(const SseEvent& event) {
    return event.event == "next" && event.data.starts_with(R"({"errors":[{"message":")") &&
           event.data.find(R"("extensions":{"code":"SLOW_CONSUMER"})") != std::string::npos &&
           event.data.find("\"data\"") == std::string::npos;
  }
};

// ---- negotiation and one-shot answers -------------------------------------------------

TEST_F(GraphQLEventStreamTest, AQueryOverEventStreamIsOneNextThenComplete) {
  post(R"({"query":"{ version }"})");
  http::HttpResponse response = onlyResponse();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(headerOf(response, "Content-Type"), kEventStream);
  EXPECT_EQ(headerOf(response, "Cache-Control"), "no-cache");
  EXPECT_EQ(headerOf(response, "Content-Length"), "<absent>");
  EXPECT_EQ(parseEvents(response.body),
            (std::vector<SseEvent>{next(R"({"data":{"version":3}})"), kComplete}));
  EXPECT_EQ(sink_->ends(kSeq), 1);
}

TEST_F(GraphQLEventStreamTest, AMutationOverEventStreamIsOneNextThenComplete) {
  post(R"({"query":"mutation { bump }"})");
  EXPECT_EQ(events(), (std::vector<SseEvent>{next(R"({"data":{"bump":1}})"), kComplete}));
  EXPECT_EQ(sink_->ends(kSeq), 1);
}

TEST_F(GraphQLEventStreamTest, AnyMediaTypeStillGetsJson) {
  post(R"({"query":"{ version }"})", "*/*");
  http::HttpResponse response = onlyResponse();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(headerOf(response, "Content-Type"), "application/graphql-response+json; charset=utf-8");
  EXPECT_EQ(response.body, R"({"data":{"version":3}})");
  EXPECT_TRUE(sink_->streamOptions().empty());
}

TEST_F(GraphQLEventStreamTest, EventStreamPreferredOverJsonIsAStream) {
  post(R"({"query":"{ version }"})", "application/json;q=0.5, text/event-stream");
  EXPECT_EQ(headerOf(onlyResponse(), "Content-Type"), kEventStream);
}

TEST_F(GraphQLEventStreamTest, ASubscriptionAskedForAsJsonIsRefused) {
  post(R"({"query":"subscription { ticks { n } }"})", "application/json");
  http::HttpResponse response = onlyResponse();
  EXPECT_NE(response.body.find("text/event-stream"), std::string::npos);
  EXPECT_EQ(subscribes_, 0);
}

TEST_F(GraphQLEventStreamTest, AnInvalidDocumentIs400Json) {
  post(R"({"query":"subscription { ticks { nope } }"})");
  http::HttpResponse response = onlyResponse();
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(headerOf(response, "Content-Type"), "application/json; charset=utf-8");
  EXPECT_TRUE(response.body.starts_with(R"({"errors":[{"message":)")) << response.body;
  EXPECT_TRUE(sink_->streamOptions().empty());
  EXPECT_EQ(subscribes_, 0);
}

TEST_F(GraphQLEventStreamTest, AnUnparsableDocumentIs400Json) {
  post(R"({"query":"subscription {"})");
  http::HttpResponse response = onlyResponse();
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(headerOf(response, "Content-Type"), "application/json; charset=utf-8");
  EXPECT_NE(response.body.find("Syntax Error"), std::string::npos) << response.body;
}

TEST_F(GraphQLEventStreamTest, AMalformedBodyIs400JsonToo) {
  post("{not json");
  http::HttpResponse response = onlyResponse();
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(headerOf(response, "Content-Type"), "application/json; charset=utf-8");
}

TEST_F(GraphQLEventStreamTest, ASubscribeResolverThatThrowsIsOneNextWithTheError) {
  post(R"({"query":"subscription { broken }"})");
  http::HttpResponse response = onlyResponse();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(headerOf(response, "Content-Type"), kEventStream);
  std::vector<SseEvent> got = parseEvents(response.body);
  ASSERT_EQ(got.size(), 2u) << response.body;
  EXPECT_EQ(got[0].event, "next");
  EXPECT_NE(got[0].data.find(R"("message":"no such topic")"), std::string::npos) << got[0].data;
  EXPECT_NE(got[0].data.find(R"("path":["broken"])"), std::string::npos) << got[0].data;
  EXPECT_EQ(got[0].data.find("\"data\""), std::string::npos) << got[0].data;
  EXPECT_EQ(got[1], kComplete);
  EXPECT_EQ(sink_->ends(kSeq), 1);
}

// ---- subscriptions ----------------------------------------------------------------------

TEST_F(GraphQLEventStreamTest, ASubscriptionStartsWithTheHeadAndTheLimitsAsStreamOptions) {
  options_.eventStream.maxQueuedBytes = 1234;
  options_.eventStream.keepAliveInterval = std::chrono::milliseconds(250);
  subscribeToTicks();
  http::HttpResponse response = onlyResponse();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(headerOf(response, "Content-Type"), kEventStream);
  EXPECT_EQ(headerOf(response, "Cache-Control"), "no-cache");
  EXPECT_EQ(response.body, "");
  EXPECT_EQ(sink_->ends(kSeq), 0);
  EXPECT_EQ(subscribes_, 1);
  EXPECT_TRUE(feed_->live());

  auto streamOptions = sink_->streamOptions();
  ASSERT_EQ(streamOptions.size(), 1u);
  const http::StreamOptions& options = streamOptions.front();
  EXPECT_EQ(options.maxQueuedBytes, 1234u);
  EXPECT_EQ(options.keepAliveInterval, std::chrono::milliseconds(250));
  EXPECT_EQ(options.keepAlive, ": keep-alive\n\n");
  EXPECT_EQ(options.shutdownTail, "event: complete\ndata: \n\n");
  std::vector<SseEvent> overflowTail = parseEvents(options.overflowTail);
  ASSERT_EQ(overflowTail.size(), 2u) << options.overflowTail;
  EXPECT_TRUE(isSlowConsumerDrop(overflowTail[0])) << overflowTail[0];
  EXPECT_EQ(overflowTail[1], kComplete);
}

TEST_F(GraphQLEventStreamTest, EventsBecomeNextEventsInEmitOrder) {
  subscribeToTicks();
  for (std::int64_t n = 1; n <= 3; ++n)
    EXPECT_TRUE(feed_->emitTick(n));
  EXPECT_EQ(events(), ticks(1, 3));
  EXPECT_EQ(sink_->ends(kSeq), 0);
}

TEST_F(GraphQLEventStreamTest, EventsFromAnotherThreadKeepTheirOrder) {
  subscribeToTicks();
  std::thread source([this] {
    for (std::int64_t n = 1; n <= 200; ++n)
      feed_->emitTick(n);
  });
  source.join();
  EXPECT_EQ(events(), ticks(1, 200));
}

TEST_F(GraphQLEventStreamTest, QueuedWorkDrainsOneAtATimeInOrder) {
  WorkQueue queue;
  options_.submitEventWork = queue.submitter();
  subscribeToTicks();
  EXPECT_EQ(queue.size(), 0u);  // nothing to do before the first event

  for (std::int64_t n = 1; n <= 3; ++n)
    feed_->emitTick(n);
  // One drain for the three: a subscriber's events never run side by side.
  EXPECT_EQ(queue.size(), 1u);
  EXPECT_EQ(onlyResponse().body, "");
  queue.runAll();
  EXPECT_EQ(events(), ticks(1, 3));
  EXPECT_EQ(queue.size(), 0u);

  feed_->emitTick(4);
  feed_->emitTick(5);
  EXPECT_EQ(queue.size(), 1u);
  queue.runAll();
  EXPECT_EQ(events(), ticks(1, 5));
  EXPECT_EQ(sink_->ends(kSeq), 0);
}

TEST_F(GraphQLEventStreamTest, EventsEmittedWhileADrainRunsJoinIt) {
  WorkQueue queue;
  options_.submitEventWork = queue.submitter();
  subscribeToTicks();
  feed_->emitTick(1);
  ASSERT_EQ(queue.size(), 1u);
  // A source thread keeps emitting while the drain runs: everything arrives, in order,
  // with at most one drain queued at any time.
  std::atomic<bool> done{false};
  std::thread source([&] {
    for (std::int64_t n = 2; n <= 100; ++n)
      feed_->emitTick(n);
    done = true;
  });
  while (!done || queue.size() > 0) {
    EXPECT_LE(queue.size(), 1u);
    queue.runAll();
    std::this_thread::yield();
  }
  source.join();
  queue.runAll();
  EXPECT_EQ(events(), ticks(1, 100));
}

TEST_F(GraphQLEventStreamTest, WorkRefusedDropsTheSubscriber) {
  options_.submitEventWork = [](std::function<void()>) { return false; };
  subscribeToTicks();
  feed_->emitTick(1);
  std::vector<SseEvent> got = events();
  ASSERT_EQ(got.size(), 2u) << onlyResponse().body;
  EXPECT_TRUE(isSlowConsumerDrop(got[0])) << got[0];
  EXPECT_NE(got[0].data.find("could not keep up"), std::string::npos) << got[0];
  EXPECT_EQ(got[1], kComplete);
  EXPECT_EQ(sink_->ends(kSeq), 1);
  EXPECT_EQ(feed_->destroyed(), 1);
  EXPECT_FALSE(feed_->emitTick(2));
  EXPECT_EQ(events().size(), 2u);
}

TEST_F(GraphQLEventStreamTest, MoreThanMaxPendingEventsDropsTheSubscriber) {
  WorkQueue queue;
  options_.submitEventWork = queue.submitter();
  options_.eventStream.maxPendingEvents = 3;
  subscribeToTicks();
  for (std::int64_t n = 1; n <= 3; ++n)
    feed_->emitTick(n);
  EXPECT_EQ(onlyResponse().body, "");  // three wait: still within bounds
  EXPECT_TRUE(feed_->live());

  feed_->emitTick(4);
  std::vector<SseEvent> got = events();
  ASSERT_EQ(got.size(), 2u) << onlyResponse().body;
  EXPECT_TRUE(isSlowConsumerDrop(got[0])) << got[0];
  EXPECT_EQ(got[1], kComplete);
  EXPECT_EQ(sink_->ends(kSeq), 1);
  EXPECT_EQ(feed_->destroyed(), 1);

  // The drain that was waiting finds nothing left to run.
  queue.runAll();
  EXPECT_EQ(events().size(), 2u);
  EXPECT_FALSE(feed_->emitTick(5));
}

TEST_F(GraphQLEventStreamTest, EventsWithinTheBoundAreNotDropped) {
  WorkQueue queue;
  options_.submitEventWork = queue.submitter();
  options_.eventStream.maxPendingEvents = 3;
  subscribeToTicks();
  for (std::int64_t round = 0; round < 4; ++round) {
    for (std::int64_t n = 1; n <= 3; ++n)
      feed_->emitTick(round * 3 + n);
    queue.runAll();
  }
  EXPECT_EQ(events(), ticks(1, 12));
  EXPECT_TRUE(feed_->live());
}

TEST_F(GraphQLEventStreamTest, ADropWhileAnEventExecutesComesAfterThatEventsResult) {
  std::vector<std::thread> workers;
  options_.submitEventWork = [&workers](std::function<void()> work) {
    workers.emplace_back(std::move(work));
    return true;
  };
  options_.eventStream.maxPendingEvents = 1;
  post(R"({"query":"subscription { ticks { n gated } }"})");
  gate_.close();
  feed_->emitTick(1);
  gate_.awaitWaiter();  // event 1 executes on the worker
  feed_->emitTick(2);   // waits
  feed_->emitTick(3);   // one too many: the subscriber is dropped
  EXPECT_EQ(onlyResponse().body, "");
  gate_.open();
  for (auto& worker : workers)
    worker.join();
  std::vector<SseEvent> got = events();
  ASSERT_EQ(got.size(), 3u) << onlyResponse().body;
  EXPECT_EQ(got[0], next(R"({"data":{"ticks":{"n":1,"gated":0}}})"));
  EXPECT_TRUE(isSlowConsumerDrop(got[1])) << got[1];
  EXPECT_EQ(got[2], kComplete);
  EXPECT_EQ(sink_->ends(kSeq), 1);
  EXPECT_EQ(feed_->destroyed(), 1);
  EXPECT_EQ(workers.size(), 1u);
}

class StreamEndTest : public GraphQLEventStreamTest,
                      public ::testing::WithParamInterface<StreamEnd> {};

TEST_P(StreamEndTest, TheStreamsEndDestroysTheSourceAndLaterEventsAreIgnored) {
  WorkQueue queue;
  options_.submitEventWork = queue.submitter();
  subscribeToTicks();
  feed_->emitTick(1);
  queue.runAll();
  feed_->emitTick(2);  // waits for a drain when the stream ends
  ASSERT_EQ(queue.size(), 1u);

  sink_->endStreamAs(kSeq, GetParam());
  EXPECT_EQ(feed_->destroyed(), 1);
  EXPECT_FALSE(feed_->emitTick(3));
  queue.runAll();
  EXPECT_EQ(events(), ticks(1, 1));
  EXPECT_EQ(queue.size(), 0u);
  EXPECT_EQ(sink_->ends(kSeq), 0);  // the view did not end it: it was over already
}

TEST_P(StreamEndTest, TheStreamsEndWhileASourceThreadEmits) {
  subscribeToTicks();
  std::atomic<std::int64_t> emitted{0};
  std::thread source([&] {
    for (std::int64_t n = 1; feed_->emitTick(n); ++n)
      emitted = n;
  });
  while (emitted < 20)
    std::this_thread::yield();
  sink_->endStreamAs(kSeq, GetParam());
  source.join();  // the source's destruction stopped it
  EXPECT_EQ(feed_->destroyed(), 1);
  std::vector<SseEvent> got = events();
  ASSERT_GE(got.size(), 20u);
  EXPECT_EQ(got, ticks(1, static_cast<std::int64_t>(got.size())));
}

INSTANTIATE_TEST_SUITE_P(EveryEnd, StreamEndTest,
                         ::testing::Values(StreamEnd::ClientGone, StreamEnd::Shutdown,
                                           StreamEnd::Overflow, StreamEnd::Ended));

TEST_F(GraphQLEventStreamTest, EventsEmittedWhileSubscribingFollowTheHeadInOrder) {
  emitDuringSubscribe_ = {1, 2, 3};
  subscribeToTicks();
  EXPECT_EQ(onlyResponse().status, 200);
  EXPECT_EQ(events(), ticks(1, 3));
  feed_->emitTick(4);
  EXPECT_EQ(events(), ticks(1, 4));
}

TEST_F(GraphQLEventStreamTest, EventsEmittedWhileSubscribingWaitForTheirDrain) {
  WorkQueue queue;
  options_.submitEventWork = queue.submitter();
  emitDuringSubscribe_ = {1, 2};
  subscribeToTicks();
  EXPECT_EQ(queue.size(), 1u);
  EXPECT_EQ(onlyResponse().body, "");
  feed_->emitTick(3);
  EXPECT_EQ(queue.size(), 1u);
  queue.runAll();
  EXPECT_EQ(events(), ticks(1, 3));
}

TEST_F(GraphQLEventStreamTest, TooManyEventsWhileSubscribingDropTheSubscriber) {
  options_.eventStream.maxPendingEvents = 2;
  emitDuringSubscribe_ = {1, 2, 3};
  subscribeToTicks();
  std::vector<SseEvent> got = events();
  ASSERT_EQ(got.size(), 2u) << onlyResponse().body;
  EXPECT_TRUE(isSlowConsumerDrop(got[0])) << got[0];
  EXPECT_EQ(got[1], kComplete);
  EXPECT_EQ(sink_->ends(kSeq), 1);
  EXPECT_EQ(feed_->destroyed(), 1);
}

TEST_F(GraphQLEventStreamTest, EachEventGetsItsOwnContextMadeFromTheSubscriptions) {
  options_.makeContext = [](const GraphQLHttpContext& http) {
    return std::any(std::string("user:") + http.authorization);
  };
  std::vector<std::string> madeFrom;
  options_.makeEventContext = [&madeFrom](const std::any& subscriptionContext) {
    madeFrom.push_back(std::any_cast<std::string>(subscriptionContext));
    return std::any("event " + std::to_string(madeFrom.size()) + " of " + madeFrom.back());
  };
  post(R"({"query":"subscription { ticks { n seenBy } }"})", http::kEventStreamMediaType,
       "Bearer ann");
  EXPECT_TRUE(madeFrom.empty());
  feed_->emitTick(1);
  feed_->emitTick(2);
  EXPECT_EQ(madeFrom, (std::vector<std::string>{"user:Bearer ann", "user:Bearer ann"}));
  EXPECT_EQ(events(),
            (std::vector<SseEvent>{
                next(R"({"data":{"ticks":{"n":1,"seenBy":"event 1 of user:Bearer ann"}}})"),
                next(R"({"data":{"ticks":{"n":2,"seenBy":"event 2 of user:Bearer ann"}}})"),
            }));
}

TEST_F(GraphQLEventStreamTest, WithoutMakeEventContextEventsShareTheSubscriptionsContext) {
  options_.makeContext = [](const GraphQLHttpContext&) { return std::any(std::string("ann")); };
  post(R"({"query":"subscription { ticks { seenBy } }"})");
  feed_->emitTick(1);
  EXPECT_EQ(events(), (std::vector<SseEvent>{next(R"({"data":{"ticks":{"seenBy":"ann"}}})")}));
}

// ---- GET ------------------------------------------------------------------------------

TEST_F(GraphQLEventStreamTest, ASubscriptionByGetWorks) {
  call(Method::Get, "/api?query=subscription%20%7B%20ticks%20%7B%20n%20%7D%20%7D",
       http::kEventStreamMediaType);
  EXPECT_EQ(headerOf(onlyResponse(), "Content-Type"), kEventStream);
  feed_->emitTick(1);
  EXPECT_EQ(events(), ticks(1, 1));
}

TEST_F(GraphQLEventStreamTest, AMutationByGetIs405) {
  call(Method::Get, "/api?query=mutation%20%7B%20bump%20%7D", http::kEventStreamMediaType);
  http::HttpResponse response = onlyResponse();
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(headerOf(response, "Allow"), "POST");
  EXPECT_TRUE(sink_->streamOptions().empty());
}

}  // namespace
}  // namespace mt::views
