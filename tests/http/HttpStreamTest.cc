// Streamed responses (server-sent events) on the real server core: how each stream
// ends (and is told so exactly once), slow clients, keep-alives, shutdown, HEAD.
#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "HttpProtocol.h"
#include "RawHttpClient.h"
#include "ServerSentEvents.h"
#include "TcpServer.h"

namespace mt::http {
namespace {

using namespace std::chrono_literals;
using mt::testing::RawHttpClient;

// The streams a handler opened, and every end each was told, for the test to drive
// and inspect from its own thread.
class StreamProbe {
 public:
  void open(const Responder& responder, StreamOptions options) {
    std::size_t index;
    {
      std::lock_guard lock(mutex_);
      index = streams_.size();
      streams_.emplace_back();
      ends_.emplace_back();
    }
    HttpResponse head(200);
    head.setHeader("Content-Type", std::string(kEventStreamMediaType));
    ResponseStream stream =
        responder.stream(std::move(head), std::move(options), [this, index](StreamEnd why) {
          std::lock_guard lock(mutex_);
          ends_[index].push_back(why);
          changed_.notify_all();
        });
    std::lock_guard lock(mutex_);
    streams_[index] = stream;
    changed_.notify_all();
  }

  ResponseStream stream(std::size_t index) {
    std::unique_lock lock(mutex_);
    bool opened = changed_.wait_for(
        lock, 5s, [&] { return streams_.size() > index && streams_[index].has_value(); });
    if (!opened) throw std::runtime_error("the stream was not opened");
    return *streams_[index];
  }

  // Every end stream `index` was told, once it was told one (empty after 5 s).
  std::vector<StreamEnd> awaitEnds(std::size_t index) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, 5s, [&] { return ends_.size() > index && !ends_[index].empty(); });
    return ends_.size() > index ? ends_[index] : std::vector<StreamEnd>{};
  }

  std::vector<StreamEnd> endsSoFar(std::size_t index) {
    std::lock_guard lock(mutex_);
    return ends_.size() > index ? ends_[index] : std::vector<StreamEnd>{};
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::optional<ResponseStream>> streams_;
  std::vector<std::vector<StreamEnd>> ends_;
};

class StreamingHandler final : public HttpHandler {
 public:
  explicit StreamingHandler(StreamProbe& probe) : probe_(probe) {}

  void handle(const HttpRequest& request, Responder responder) override {
    std::string path(request.path);
    if (path == "/events") {
      probe_.open(responder, options);
    } else if (path == "/events/worker") {
      responder.runBlocking([this, responder] { probe_.open(responder, options); });
    } else if (path == "/slow") {
      responder.runBlocking([responder] {
        std::this_thread::sleep_for(100ms);
        responder.send(HttpResponse::text(200, "slow"));
      });
    } else {
      responder.send(HttpResponse::text(200, "fast"));
    }
  }

  StreamOptions options;  // for every stream; set before the server starts

 private:
  StreamProbe& probe_;
};

class AccessRecords final : public AccessLogSink {
 public:
  void record(const AccessRecord& entry) override {
    std::lock_guard lock(mutex_);
    records_.push_back({std::string(entry.target), entry.status, entry.bodyBytes});
  }
  struct Entry {
    std::string target;
    int status;
    std::size_t bodyBytes;
  };
  std::vector<Entry> entries() {
    std::lock_guard lock(mutex_);
    return records_;
  }

 private:
  std::mutex mutex_;
  std::vector<Entry> records_;
};

class HttpStreamTest : public ::testing::Test {
 protected:
  void start() {
    HttpProtocolOptions options;
    options.sinks.push_back(&accessLog_);
    factory_ = std::make_unique<HttpProtocolFactory>(handler_, std::move(options));
    net::ServerOptions serverOptions;
    serverOptions.bindAddress = "127.0.0.1";
    serverOptions.port = 0;
    serverOptions.loopThreads = 1;
    serverOptions.workerThreads = 2;
    server_ = std::make_unique<net::TcpServer>(serverOptions, *factory_);
    server_->start();
  }
  void TearDown() override {
    if (server_) server_->shutdown(2s);
  }
  static std::string request(const std::string& path, const std::string& method = "GET") {
    return method + " " + path + " HTTP/1.1\r\nHost: t\r\n\r\n";
  }

  StreamProbe probe_;
  StreamingHandler handler_{probe_};
  AccessRecords accessLog_;
  std::unique_ptr<HttpProtocolFactory> factory_;
  std::unique_ptr<net::TcpServer> server_;
};

TEST_F(HttpStreamTest, TellsEndedOnceAfterTheLastChunkAndKeepsTheConnection) {
  start();
  RawHttpClient client(server_->port());
  client.send(request("/events") + request("/fast"));
  ResponseStream stream = probe_.stream(0);
  EXPECT_TRUE(stream.open());
  stream.write(serverSentEvent("next", "1"));
  stream.end();
  auto streamed = client.read();
  EXPECT_EQ(streamed.header("content-type"), "text/event-stream");
  EXPECT_EQ(streamed.body, "event: next\ndata: 1\n\n");
  EXPECT_EQ(probe_.awaitEnds(0), std::vector{StreamEnd::Ended});
  EXPECT_FALSE(stream.open());
  EXPECT_EQ(client.read().body, "fast");
}

TEST_F(HttpStreamTest, StartsAStreamFromAWorkerThread) {
  start();
  RawHttpClient client(server_->port());
  client.send(request("/events/worker"));
  ResponseStream stream = probe_.stream(0);
  stream.write("a");
  stream.write("b");
  stream.end();
  EXPECT_EQ(client.read().body, "ab");
  EXPECT_EQ(probe_.awaitEnds(0), std::vector{StreamEnd::Ended});
}

TEST_F(HttpStreamTest, TellsClientGoneWhenTheConnectionDropsAndClosesTheStream) {
  start();
  auto client = std::make_unique<RawHttpClient>(server_->port());
  client->send(request("/events"));
  ResponseStream stream = probe_.stream(0);
  client->read(/*noBody=*/true);
  client.reset();
  EXPECT_EQ(probe_.awaitEnds(0), std::vector{StreamEnd::ClientGone});
  EXPECT_FALSE(stream.open());
  stream.write("ignored");
  stream.end();
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(probe_.endsSoFar(0), std::vector{StreamEnd::ClientGone});
}

TEST_F(HttpStreamTest, ClosesAtOnceWhenTheClientHalfClosesALiveStream) {
  start();
  RawHttpClient client(server_->port());
  client.send(request("/events"));
  ResponseStream stream = probe_.stream(0);
  client.read(/*noBody=*/true);
  client.shutdownWrite();
  // Nothing is written to the stream: the close does not wait for a failed write.
  EXPECT_EQ(probe_.awaitEnds(0), std::vector{StreamEnd::ClientGone});
  EXPECT_TRUE(client.closedByPeer());
  EXPECT_FALSE(stream.open());
}

TEST_F(HttpStreamTest, DropsASlowClientWithTheOverflowTailAndCloses) {
  handler_.options.maxQueuedBytes = 256 << 10;
  handler_.options.overflowTail = serverSentEvent("complete", "");
  start();
  RawHttpClient client(server_->port());
  client.send(request("/events"));
  ResponseStream stream = probe_.stream(0);
  // The client reads nothing until the kernel's buffers and then our limit are full.
  const std::string piece(16 << 10, 'x');
  int written = 0;
  while (stream.open() && written < 4000) {
    stream.write(piece);
    ++written;
    std::this_thread::sleep_for(100us);
  }
  EXPECT_EQ(probe_.awaitEnds(0), std::vector{StreamEnd::Overflow});
  EXPECT_LT(written, 4000);
  auto streamed = client.read();
  ASSERT_GT(streamed.body.size(), handler_.options.overflowTail.size());
  EXPECT_EQ(streamed.body.substr(streamed.body.size() - handler_.options.overflowTail.size()),
            handler_.options.overflowTail);
  // Memory stayed bounded: nothing taken after the overflow.
  EXPECT_LE(streamed.body.size(), static_cast<std::size_t>(written) * piece.size() +
                                      handler_.options.overflowTail.size());
  EXPECT_TRUE(client.closedByPeer());
  auto records = accessLog_.entries();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].status, 200);
  EXPECT_EQ(records[0].bodyBytes, streamed.body.size());
}

TEST_F(HttpStreamTest, DropsAStreamWhoseBacklogOverflowsBehindAnEarlierAnswer) {
  handler_.options.maxQueuedBytes = 64;
  handler_.options.overflowTail = "|tail";
  start();
  RawHttpClient client(server_->port());
  client.send(request("/slow") + request("/events") + request("/events"));
  ResponseStream first = probe_.stream(0);
  probe_.stream(1);
  first.write(std::string(65, 'y'));
  // Told at once, while the answer before it is still being worked on.
  EXPECT_EQ(probe_.awaitEnds(0), std::vector{StreamEnd::Overflow});
  EXPECT_TRUE(probe_.endsSoFar(1).empty());
  EXPECT_EQ(client.read().body, "slow");
  auto dropped = client.read();
  EXPECT_EQ(dropped.header("connection"), "close");
  EXPECT_EQ(dropped.body, std::string(65, 'y') + "|tail");
  EXPECT_TRUE(client.closedByPeer());
  // The stream after it was never answered: its client is gone.
  EXPECT_EQ(probe_.awaitEnds(1), std::vector{StreamEnd::ClientGone});
}

TEST_F(HttpStreamTest, WritesKeepAlivesOnlyWhileTheStreamIsLive) {
  handler_.options.keepAliveInterval = 20ms;
  handler_.options.keepAlive = serverSentComment("ka");
  start();
  RawHttpClient client(server_->port());
  client.send(request("/events"));
  ResponseStream stream = probe_.stream(0);
  std::this_thread::sleep_for(200ms);
  stream.write("data");
  stream.end();
  auto streamed = client.read();
  ASSERT_GE(streamed.body.size(), 4u);
  EXPECT_EQ(streamed.body.substr(0, 6), ": ka\n\n");
  EXPECT_EQ(streamed.body.substr(streamed.body.size() - 4), "data");
  EXPECT_EQ(probe_.awaitEnds(0), std::vector{StreamEnd::Ended});
  // A keep-alive written after the end would garble the next answer.
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(client.request(request("/fast")).body, "fast");
}

TEST_F(HttpStreamTest, EndsLiveStreamsWithTheShutdownTailOnGracefulShutdown) {
  handler_.options.shutdownTail = serverSentEvent("complete", "");
  start();
  auto client = std::make_unique<RawHttpClient>(server_->port());
  client->send(request("/events"));
  ResponseStream stream = probe_.stream(0);
  stream.write("a");
  std::thread stopper([this] { server_->shutdown(5s); });
  auto streamed = client->read();
  EXPECT_EQ(streamed.body, "a" + handler_.options.shutdownTail);
  EXPECT_TRUE(client->closedByPeer());
  client.reset();
  stopper.join();
  server_.reset();
  EXPECT_EQ(probe_.awaitEnds(0), std::vector{StreamEnd::Shutdown});
  EXPECT_FALSE(stream.open());
  auto records = accessLog_.entries();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].bodyBytes, streamed.body.size());
}

TEST_F(HttpStreamTest, AnswersHeadWithTheHeadOnlyAndEndsTheStream) {
  start();
  RawHttpClient client(server_->port());
  client.send(request("/events", "HEAD"));
  auto head = client.read(/*noBody=*/true);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(probe_.awaitEnds(0), std::vector{StreamEnd::Ended});
  EXPECT_FALSE(probe_.stream(0).open());
  probe_.stream(0).write("ignored");
  EXPECT_EQ(client.request(request("/fast")).body, "fast");
}

// A sink that keeps each stream's `finished` so the test can end the stream itself.
class HeldStreamSink final : public ResponseSink {
 public:
  void deliver(std::uint64_t, HttpResponse&&) override { ++delivered; }
  bool runBlocking(std::function<void()>) override { return false; }
  void startStream(std::uint64_t, HttpResponse&&, StreamOptions, StreamFinished f) override {
    finished = std::move(f);
  }
  void writeStream(std::uint64_t, std::string&&) override {}
  void endStream(std::uint64_t) override {}

  int delivered = 0;
  StreamFinished finished;
};

TEST(ResponderStreamTest, TellsClientGoneAtOnceWhenTheConnectionIsAlreadyGone) {
  std::vector<StreamEnd> ends;
  ResponseStream stream =
      Responder(std::weak_ptr<ResponseSink>(), 1).stream(HttpResponse(200), {}, [&](StreamEnd why) {
        ends.push_back(why);
      });
  EXPECT_EQ(ends, std::vector{StreamEnd::ClientGone});
  EXPECT_FALSE(stream.open());
}

TEST(ResponderStreamTest, TellsClientGoneAtOnceWhenTheRequestWasAlreadyAnswered) {
  auto sink = std::make_shared<HeldStreamSink>();
  Responder responder(sink, 1);
  responder.send(HttpResponse(204));
  std::vector<StreamEnd> ends;
  ResponseStream stream =
      responder.stream(HttpResponse(200), {}, [&](StreamEnd why) { ends.push_back(why); });
  EXPECT_EQ(ends, std::vector{StreamEnd::ClientGone});
  EXPECT_FALSE(stream.open());
  EXPECT_EQ(sink->delivered, 1);
  EXPECT_FALSE(sink->finished);
}

TEST(ResponderStreamTest, ClosesTheStreamWhenTheSinkTellsItIsOver) {
  auto sink = std::make_shared<HeldStreamSink>();
  std::vector<StreamEnd> ends;
  ResponseStream stream =
      Responder(sink, 1).stream(HttpResponse(200), {}, [&](StreamEnd why) { ends.push_back(why); });
  EXPECT_TRUE(stream.open());
  ASSERT_TRUE(sink->finished);
  sink->finished(StreamEnd::Overflow);
  EXPECT_FALSE(stream.open());
  EXPECT_EQ(ends, std::vector{StreamEnd::Overflow});
  EXPECT_EQ(sink->delivered, 0);  // a stream is an answer: no 500 safety net
}

}  // namespace
}  // namespace mt::http
