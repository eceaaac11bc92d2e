// HttpProtocol on the real server core, with handlers written for the test: answer
// ordering, streaming, and what happens when a handler misbehaves.
#include <gtest/gtest.h>

#include <thread>

#include "HttpProtocol.h"
#include "RawHttpClient.h"
#include "TcpServer.h"

namespace mt::http {
namespace {

using mt::testing::RawHttpClient;

class ScriptedHandler final : public HttpHandler {
 public:
  void handle(const HttpRequest& request, Responder responder) override {
    std::string path(request.path);
    if (path == "/fast") {
      responder.send(HttpResponse::text(200, "fast"));
    } else if (path.rfind("/slow/", 0) == 0) {
      // Later requests finish sooner, so answers complete in reverse order.
      int delay = 100 - std::stoi(path.substr(6)) * 10;
      bool queued = responder.runBlocking([responder, delay, path] {
        std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        responder.send(HttpResponse::text(200, path));
      });
      if (!queued) responder.send(HttpResponse::error(503));
    } else if (path == "/stream") {
      ResponseStream stream = responder.stream(HttpResponse(200));
      std::thread([stream] {
        for (const char* piece : {"one ", "two ", "three"}) {
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
          stream.write(piece);
        }
        stream.end();
      }).detach();
    } else if (path == "/drop") {
      // The responder goes out of scope unanswered.
    } else if (path == "/throw") {
      throw std::runtime_error("view bug");
    } else if (path == "/block") {
      responder.runBlocking([responder, this] {
        std::unique_lock lock(mutex_);
        unblock_.wait(lock, [this] { return unblocked_; });
        responder.send(HttpResponse::text(200, "unblocked"));
      });
    }
  }

  void release() {
    {
      std::lock_guard lock(mutex_);
      unblocked_ = true;
    }
    unblock_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable unblock_;
  bool unblocked_ = false;
};

class HttpProtocolTest : public ::testing::Test {
 protected:
  void start(HttpProtocolOptions options = {}, std::size_t workers = 4, std::size_t queue = 64) {
    factory_ = std::make_unique<HttpProtocolFactory>(handler_, std::move(options));
    net::ServerOptions serverOptions;
    serverOptions.bindAddress = "127.0.0.1";
    serverOptions.port = 0;
    serverOptions.loopThreads = 1;
    serverOptions.workerThreads = workers;
    serverOptions.workerQueueCapacity = queue;
    server_ = std::make_unique<net::TcpServer>(serverOptions, *factory_);
    server_->start();
  }
  void TearDown() override {
    handler_.release();
    if (server_) server_->shutdown(std::chrono::seconds(2));
  }
  static std::string get(const std::string& path, const std::string& version = "1.1") {
    return "GET " + path + " HTTP/" + version + "\r\nHost: t\r\n\r\n";
  }

  ScriptedHandler handler_;
  std::unique_ptr<HttpProtocolFactory> factory_;
  std::unique_ptr<net::TcpServer> server_;
};

TEST_F(HttpProtocolTest, WritesAnswersInRequestOrderWhateverOrderTheyComplete) {
  start();
  RawHttpClient client(server_->port());
  std::string batch;
  for (int i = 0; i < 5; ++i)
    batch += get("/slow/" + std::to_string(i));
  batch += get("/fast");
  client.send(batch);
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(client.read().body, "/slow/" + std::to_string(i));
  EXPECT_EQ(client.read().body, "fast");
}

TEST_F(HttpProtocolTest, KeepsOrderWhenThePipelineLimitPausesReading) {
  HttpProtocolOptions options;
  options.maxPipelined = 2;
  start(options);
  RawHttpClient client(server_->port());
  std::string batch;
  for (int i = 0; i < 8; ++i)
    batch += get("/slow/" + std::to_string(i));
  client.send(batch);
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(client.read().body, "/slow/" + std::to_string(i));
}

TEST_F(HttpProtocolTest, SendsContinueOnlyAfterTheAnswersToEarlierRequests) {
  start();
  RawHttpClient client(server_->port());
  client.send(
      get("/slow/0") +
      "POST /fast HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(client.read().body, "/slow/0");
  EXPECT_EQ(client.read().status, 100);
  client.send("abc");
  EXPECT_EQ(client.read().body, "fast");
}

TEST_F(HttpProtocolTest, StreamsABodyInChunksAndThenAnswersTheNextRequest) {
  start();
  RawHttpClient client(server_->port());
  client.send(get("/stream") + get("/fast"));
  auto streamed = client.read();
  EXPECT_EQ(streamed.header("transfer-encoding"), "chunked");
  EXPECT_FALSE(streamed.header("content-length").has_value());
  EXPECT_EQ(streamed.body, "one two three");
  EXPECT_EQ(client.read().body, "fast");
}

TEST_F(HttpProtocolTest, StreamsToHttp10ByClosingAtTheEnd) {
  start();
  RawHttpClient client(server_->port());
  client.send(get("/stream", "1.0"));
  auto head = client.read(/*noBody=*/true);
  EXPECT_EQ(head.header("connection"), "close");
  EXPECT_TRUE(client.closedByPeer());
}

TEST_F(HttpProtocolTest, AnswersAnUnansweredRequestWith500) {
  start();
  RawHttpClient client(server_->port());
  EXPECT_EQ(client.request(get("/drop")).status, 500);
  EXPECT_EQ(client.request(get("/throw")).status, 500);
  EXPECT_EQ(client.request(get("/fast")).status, 200);
}

TEST_F(HttpProtocolTest, AnswersBusyWhenTheWorkerQueueIsFull) {
  start({}, /*workers=*/1, /*queue=*/1);
  RawHttpClient blocker(server_->port());
  blocker.send(get("/block"));  // holds the only worker
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  RawHttpClient queued(server_->port());
  queued.send(get("/slow/9"));  // fills the queue
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  RawHttpClient refused(server_->port());
  EXPECT_EQ(refused.request(get("/slow/8")).status, 503);
  handler_.release();
  EXPECT_EQ(blocker.read().body, "unblocked");
  EXPECT_EQ(queued.read().body, "/slow/9");
}

}  // namespace
}  // namespace mt::http
