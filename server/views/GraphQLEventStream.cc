#include "GraphQLEventStream.h"

#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "GraphQLEngine.h"
#include "GraphQLView.h"
#include "Json.h"
#include "ServerSentEvents.h"

namespace mt::views {
namespace {

using http::HttpResponse;

std::string nextEvent(std::string_view resultJson) {
  return http::serverSentEvent("next", resultJson);
}

std::string completeEvent() {
  return http::serverSentEvent("complete", "");
}

// A result with one error and no data, as the last `next` of a dropped stream.
std::string errorResult(std::string_view message, std::string_view code) {
  std::string json = "{\"errors\":[{\"message\":";
  api::writeJsonString(message, json);
  json += ",\"extensions\":{\"code\":";
  api::writeJsonString(code, json);
  json += "}}]}";
  return json;
}

constexpr std::string_view kSlowConsumer = "SLOW_CONSUMER";
constexpr std::string_view kTooSlowMessage =
    "The subscription was dropped: events were not read as fast as they came.";
constexpr std::string_view kOverloadedMessage =
    "The subscription was dropped: the server could not keep up with its events.";

HttpResponse eventStreamHead() {
  HttpResponse head(200);
  head.setHeader("Content-Type", std::string(http::kEventStreamMediaType) + "; charset=utf-8");
  head.setHeader("Cache-Control", "no-cache");
  // Proxies that buffer responses (nginx) would hold events back.
  head.setHeader("X-Accel-Buffering", "no");
  return head;
}

http::StreamOptions streamOptions(const EventStreamLimits& limits) {
  http::StreamOptions options;
  options.maxQueuedBytes = limits.maxQueuedBytes;
  options.socketSendBuffer = limits.socketSendBuffer;
  options.overflowTail = nextEvent(errorResult(kTooSlowMessage, kSlowConsumer)) + completeEvent();
  options.shutdownTail = completeEvent();
  options.keepAliveInterval = limits.keepAliveInterval;
  options.keepAlive = http::serverSentComment("keep-alive");
  return options;
}

// One subscription's life. The stream's `finished` callback holds the session, so it
// lives exactly as long as the HTTP stream; the source holds it only weakly. Events
// queue here (bounded) and are executed one at a time, in order, by a drain running
// on the event worker; the source is destroyed (unsubscribed) when the stream is over,
// never while the session's lock is held, because destroying a source waits for an
// emit in progress, and an emit takes that lock.
class SubscriptionSession final : public std::enable_shared_from_this<SubscriptionSession> {
 public:
  SubscriptionSession(std::shared_ptr<const api::GraphQLEngine> engine,
                      std::shared_ptr<const GraphQLViewOptions> options,
                      api::GraphQLRequest request, api::PreparedRequest prepared, std::any context)
      : engine_(std::move(engine)),
        options_(std::move(options)),
        request_(std::move(request)),
        prepared_(std::move(prepared)),
        context_(std::move(context)) {}

  // Subscribes first and answers after, so that once the client has the response
  // head every later change reaches it; events that come in between wait in the
  // queue until the stream exists.
  void start(const http::Responder& responder) {
    auto self = shared_from_this();
    std::weak_ptr<SubscriptionSession> weak = self;
    api::SubscriptionStart start =
        engine_->subscribe(prepared_, request_, context_, [weak](api::Resolved payload) {
          if (auto session = weak.lock()) session->onEvent(std::move(payload));
        });
    http::ResponseStream stream =
        responder.stream(eventStreamHead(), streamOptions(options_->eventStream),
                         [self](http::StreamEnd) { self->finish(); });
    if (!start.stream) {
      stream.write(nextEvent(start.errors.toJson()) + completeEvent());
      stream.end();
      return;
    }
    std::unique_ptr<api::SourceEventStream> unwanted;
    bool schedule = false;
    {
      std::lock_guard lock(mutex_);
      stream_ = stream;
      started_ = true;
      if (over_) {
        // The client left, or the events outran it, while it started.
        unwanted = std::move(start.stream);
      } else {
        source_ = std::move(start.stream);
        schedule = !pending_.empty() && !draining_;
        if (schedule) draining_ = true;
      }
    }
    if (unwanted) {
      unwanted.reset();
      writeDrop(stream, kTooSlowMessage);  // a no-op when the client has gone
    } else if (schedule) {
      scheduleDrain();
    }
  }

 private:
  // Loop thread (or the starting thread when the client had already gone).
  void finish() {
    std::unique_ptr<api::SourceEventStream> source;
    {
      std::lock_guard lock(mutex_);
      over_ = true;
      pending_.clear();
      source = std::move(source_);
    }
    source.reset();
  }

  // The source's thread.
  void onEvent(api::Resolved payload) {
    enum class Then { Nothing, Drain, Drop } then = Then::Nothing;
    {
      std::lock_guard lock(mutex_);
      if (over_) return;
      if (pending_.size() >= options_->eventStream.maxPendingEvents) {
        over_ = true;
        pending_.clear();
        then = Then::Drop;
      } else {
        pending_.push_back(std::move(payload));
        if (started_ && !draining_) {
          then = Then::Drain;
          draining_ = true;
        }
      }
    }
    if (then == Then::Drop) {
      drop(kTooSlowMessage);
    } else if (then == Then::Drain) {
      scheduleDrain();
    }
  }

  void scheduleDrain() {
    if (!options_->submitEventWork) {
      drain();
      return;
    }
    auto self = shared_from_this();
    if (options_->submitEventWork([self] { self->drain(); })) return;
    {
      std::lock_guard lock(mutex_);
      over_ = true;
      draining_ = false;
      pending_.clear();
    }
    drop(kOverloadedMessage);
  }

  // The event worker: executes what is queued, in order, until nothing is.
  void drain() {
    for (;;) {
      api::Resolved payload;
      {
        std::lock_guard lock(mutex_);
        if (over_ || pending_.empty()) {
          draining_ = false;
          return;
        }
        payload = std::move(pending_.front());
        pending_.pop_front();
        executing_ = true;
      }
      std::any context =
          options_->makeEventContext ? options_->makeEventContext(context_) : context_;
      api::ExecutionResult result = engine_->executeEvent(prepared_, request_, context, payload);
      stream_.write(nextEvent(result.toJson()));
      std::string_view owedDrop;
      {
        std::lock_guard lock(mutex_);
        executing_ = false;
        owedDrop = std::exchange(owedDrop_, {});
      }
      if (!owedDrop.empty()) writeDrop(stream_, owedDrop);  // then over_ ends the loop
    }
  }

  // Ends the stream with an error the client can tell from a normal end.
  // Before the stream has started there is nothing to end: start() sees over_. While
  // the drain executes an event, the drain writes the error after that event's result:
  // written from here, it could land between the two, a `next` after `complete`.
  void drop(std::string_view message) {
    http::ResponseStream stream;
    {
      std::lock_guard lock(mutex_);
      if (!started_) return;
      if (executing_) {
        owedDrop_ = message;
        return;
      }
      stream = stream_;
    }
    writeDrop(stream, message);
  }

  static void writeDrop(const http::ResponseStream& stream, std::string_view message) {
    stream.write(nextEvent(errorResult(message, kSlowConsumer)) + completeEvent());
    stream.end();
  }

  const std::shared_ptr<const api::GraphQLEngine> engine_;
  const std::shared_ptr<const GraphQLViewOptions> options_;
  const api::GraphQLRequest request_;
  const api::PreparedRequest prepared_;
  std::any context_;  // the subscription's; each event gets its own from it
  http::ResponseStream stream_;

  std::mutex mutex_;
  bool over_ = false;          // the stream is over or being dropped: no more events
  bool started_ = false;       // stream_ is set: events may be written
  bool draining_ = false;      // a drain is scheduled or running
  bool executing_ = false;     // the drain has taken an event and not yet written its result
  std::string_view owedDrop_;  // a drop for the drain to write once it has (a constant)
  std::deque<api::Resolved> pending_;
  std::unique_ptr<api::SourceEventStream> source_;
};

}  // namespace

void answerOverEventStream(const std::shared_ptr<const api::GraphQLEngine>& engine,
                           const std::shared_ptr<const GraphQLViewOptions>& options,
                           const api::GraphQLRequest& request,
                           const GraphQLHttpContext& httpContext, bool isGet,
                           const http::Responder& responder) {
  api::PreparedRequest prepared = engine->prepare(request);
  if (prepared.stage != api::PreparedRequest::Stage::Ready) {
    // The protocol answers a request that cannot run as an ordinary JSON response.
    api::ExecutionResult failed;
    failed.errors = std::move(prepared.errors);
    HttpResponse response(400);
    response.body = failed.toJson();
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    responder.send(std::move(response));
    return;
  }
  const bool subscription = api::GraphQLEngine::isSubscription(prepared);
  if (isGet && prepared.operation &&
      prepared.operation->operation == api::ast::OperationType::Mutation) {
    HttpResponse response = HttpResponse::error(405, "Mutations need POST.");
    response.setHeader("Allow", "POST");
    responder.send(std::move(response));
    return;
  }
  std::any context = options->makeContext ? options->makeContext(httpContext) : std::any();
  if (subscription) {
    auto session = std::make_shared<SubscriptionSession>(engine, options, request,
                                                         std::move(prepared), std::move(context));
    session->start(responder);
    return;
  }
  // A query or a mutation: its one result, then the end.
  api::ExecutionResult result = engine->execute(prepared, request, context);
  HttpResponse head = eventStreamHead();
  if (options->finishResponse) options->finishResponse(context, result, head);
  http::ResponseStream stream = responder.stream(std::move(head));
  stream.write(nextEvent(result.toJson()) + completeEvent());
  stream.end();
}

}  // namespace mt::views
