// The real `minitwitter serve`, started on a free port and spoken to over TCP.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "RawHttpClient.h"
#include "ServerProcess.h"

namespace mt::testing {
namespace {

const std::string kGet = "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";

class HttpServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess({"--threads", "2"}); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::uint16_t port() { return server_->port(); }
  static ServerProcess* server_;
};
ServerProcess* HttpServerTest::server_ = nullptr;

TEST_F(HttpServerTest, ServesTheIndexPageAndHealth) {
  WireResponse index = httpGet(port(), "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.header("content-type")->find("text/html"), std::string::npos);
  EXPECT_NE(index.body.find("minitwitter"), std::string::npos);
  EXPECT_TRUE(index.header("date").has_value());
  EXPECT_EQ(index.header("server"), "minitwitter");
  WireResponse health = httpGet(port(), "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "ok\n");
}

TEST_F(HttpServerTest, KeepsAConnectionAliveAcrossRequests) {
  RawHttpClient client(port());
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(client.request(kGet).status, 200);
}

TEST_F(HttpServerTest, AnswersOneHundredPipelinedRequestsInOrder) {
  RawHttpClient client(port());
  std::string batch;
  for (int i = 0; i < 100; ++i) {
    batch += i % 2 == 0 ? kGet : "GET /files/hello-100.txt HTTP/1.1\r\nHost: t\r\n\r\n";
  }
  client.send(batch);
  for (int i = 0; i < 100; ++i) {
    WireResponse response = client.read();
    ASSERT_EQ(response.status, 200) << "response " << i;
    EXPECT_EQ(response.body.size(), i % 2 == 0 ? 3u : 100u) << "response " << i;
  }
}

TEST_F(HttpServerTest, HeadAnswersWithoutABody) {
  RawHttpClient client(port());
  client.send("HEAD /files/hello-100.txt HTTP/1.1\r\nHost: t\r\n\r\n");
  WireResponse head = client.read(/*noBody=*/true);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), "100");
  // The next response must start right where the head ended.
  EXPECT_EQ(client.request(kGet).body, "ok\n");
}

TEST_F(HttpServerTest, RevalidatesWithETag) {
  WireResponse first = httpGet(port(), "/files/hello-100.txt");
  ASSERT_TRUE(first.header("etag").has_value());
  RawHttpClient client(port());
  WireResponse again = client.request(
      "GET /files/hello-100.txt HTTP/1.1\r\nHost: t\r\nIf-None-Match: " + *first.header("etag") +
      "\r\n\r\n");
  EXPECT_EQ(again.status, 304);
  EXPECT_EQ(client.request(kGet).status, 200);
}

TEST_F(HttpServerTest, ReadsAChunkedUploadAndStaysInSync) {
  RawHttpClient client(port());
  client.send(
      "POST /healthz HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: x\r\n\r\n" +
      kGet);
  EXPECT_EQ(client.read().status, 405);  // /healthz takes GET only; the body was read
  EXPECT_EQ(client.read().body, "ok\n");
}

TEST_F(HttpServerTest, SendsOneHundredContinueBeforeTheBody) {
  RawHttpClient client(port());
  client.send(
      "POST /healthz HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(client.read().status, 100);
  client.send("hello");
  WireResponse response = client.read();
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.header("allow").value_or("").find("GET") != std::string::npos, true);
}

TEST_F(HttpServerTest, RejectsTooLargeBodiesBeforeReadingThem) {
  RawHttpClient client(port());
  WireResponse response = client.request(
      "POST /healthz HTTP/1.1\r\nHost: t\r\nContent-Length: 1000000000\r\nExpect: "
      "100-continue\r\n\r\n");
  EXPECT_EQ(response.status, 413);
  EXPECT_TRUE(client.closedByPeer());
}

struct BadRequestCase {
  std::string name;
  std::string bytes;
  int status;
};

// Names the case instead of dumping its bytes in test listings.
void PrintTo(const BadRequestCase& c, std::ostream* os) {
  *os << c.name;
}

class BadRequestTest : public HttpServerTest,
                       public ::testing::WithParamInterface<BadRequestCase> {};

TEST_P(BadRequestTest, GetsItsStatusAndTheConnectionClosed) {
  RawHttpClient client(port());
  WireResponse response = client.request(GetParam().bytes);
  EXPECT_EQ(response.status, GetParam().status);
  EXPECT_EQ(response.header("connection"), "close");
  EXPECT_TRUE(client.closedByPeer());
}

INSTANTIATE_TEST_SUITE_P(
    Statuses, BadRequestTest,
    ::testing::Values(
        BadRequestCase{"Malformed", "GET / HTTP/1.1 extra\r\nHost: t\r\n\r\n", 400},
        BadRequestCase{"NoHost", "GET / HTTP/1.1\r\n\r\n", 400},
        BadRequestCase{"Smuggling",
                       "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: "
                       "chunked\r\n\r\n0\r\n\r\n",
                       400},
        BadRequestCase{"ConflictingLengths",
                       "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: "
                       "4\r\n\r\nabcd",
                       400},
        BadRequestCase{"UriTooLong",
                       "GET /" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: t\r\n\r\n", 414},
        BadRequestCase{
            "HeadersTooLarge",
            "GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(20000, 'b') + "\r\n\r\n", 431},
        BadRequestCase{"UnknownMethod", "BREW / HTTP/1.1\r\nHost: t\r\n\r\n", 501},
        BadRequestCase{"UnsupportedVersion", "GET / HTTP/2.0\r\nHost: t\r\n\r\n", 505}),
    [](const ::testing::TestParamInfo<BadRequestCase>& c) { return c.param.name; });

TEST_F(HttpServerTest, ExposesPrometheusMetrics) {
  httpGet(port(), "/healthz");
  WireResponse metrics = httpGet(port(), "/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("minitwitter_http_requests_total{status=\"200\"}"),
            std::string::npos);
  EXPECT_NE(metrics.body.find("minitwitter_connections_open"), std::string::npos);
  EXPECT_NE(metrics.body.find("minitwitter_http_request_duration_seconds_bucket"),
            std::string::npos);
  EXPECT_NE(metrics.body.find("minitwitter_worker_queue_depth"), std::string::npos);
}

TEST_F(HttpServerTest, AnswersUnknownPathsWith404) {
  EXPECT_EQ(httpGet(port(), "/no/such/file").status, 404);
  EXPECT_EQ(httpGet(port(), "/%2e%2e/%2e%2e/etc/passwd").status / 100, 4);
}

// Each of these needs a server with settings of its own.

TEST(HttpServerLimitsTest, CutsOffAClientThatTricklesItsHeadersWith408) {
  ServerProcess server({"--request-timeout", "1"});
  RawHttpClient client(server.port());
  auto start = std::chrono::steady_clock::now();
  std::string request = "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow: ";
  WireResponse response;
  bool answered = false;
  for (char c : request + "aaaaaaaaaaaaaaaaaaaa") {
    try {
      client.send(std::string(1, c));
    } catch (const std::runtime_error&) {
      break;  // the server has already closed on us
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (std::chrono::steady_clock::now() - start > std::chrono::milliseconds(1500)) break;
  }
  try {
    response = client.read(false, std::chrono::seconds(3));
    answered = true;
  } catch (const std::runtime_error&) {
  }
  ASSERT_TRUE(answered);
  EXPECT_EQ(response.status, 408);
  EXPECT_TRUE(client.closedByPeer());
}

TEST(HttpServerLimitsTest, ClosesIdleKeepAliveConnections) {
  ServerProcess server({"--idle-timeout", "0.3"});
  RawHttpClient client(server.port());
  EXPECT_EQ(client.request(kGet).status, 200);
  EXPECT_TRUE(client.closedByPeer(std::chrono::seconds(3)));
}

TEST(HttpServerLimitsTest, RefusesConnectionsBeyondTheLimitWith503) {
  ServerProcess server({"--max-connections", "2", "--threads", "1"});
  RawHttpClient a(server.port());
  RawHttpClient b(server.port());
  EXPECT_EQ(a.request(kGet).status, 200);
  EXPECT_EQ(b.request(kGet).status, 200);
  RawHttpClient c(server.port());
  WireResponse refused = c.read();
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.header("retry-after"), "1");
  EXPECT_EQ(a.request(kGet).status, 200);
}

TEST(HttpServerLimitsTest, ShutsDownGracefullyOnSigtermAndSigint) {
  for (int signal : {SIGTERM, SIGINT}) {
    ServerProcess server({});
    RawHttpClient idle(server.port());
    EXPECT_EQ(idle.request(kGet).status, 200);
    EXPECT_EQ(server.stop(signal), 0) << server.output();
    EXPECT_TRUE(idle.closedByPeer());
    EXPECT_NE(server.output().find("stopped"), std::string::npos);
  }
}

TEST(HttpServerLimitsTest, FinishesAResponseInFlightWhenStopped) {
  auto dir = std::filesystem::temp_directory_path() /
             ("minitwitter-inflight-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::size_t size = 32 << 20;  // more than loopback's socket buffers hold
  {
    std::ofstream big(dir / "big.bin", std::ios::binary);
    big << std::string(size, 'z');
  }
  ServerProcess server({"--static-dir", dir.string(), "--shutdown-grace", "20"});
  RawHttpClient client(server.port());
  client.send("GET /big.bin HTTP/1.1\r\nHost: t\r\n\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  int exitCode = -2;
  std::thread stopper([&] { exitCode = server.stop(SIGTERM, std::chrono::seconds(30)); });
  WireResponse response = client.read(false, std::chrono::seconds(30));
  stopper.join();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body.size(), size);
  EXPECT_EQ(response.header("connection"), std::nullopt);  // headers went out before the stop
  EXPECT_TRUE(client.closedByPeer());
  EXPECT_EQ(exitCode, 0);
  std::filesystem::remove_all(dir);
}

TEST(HttpServerLimitsTest, AClientThatNeverReadsDoesNotGrowTheServer) {
  ServerProcess server({"--threads", "1"});
  httpGet(server.port(), "/files/asset-4k.txt");  // warm the file cache
  long before = server.rssKiB();
  RawHttpClient client(server.port());
  int small = 4096;
  ::setsockopt(client.fd(), SOL_SOCKET, SO_RCVBUF, &small, sizeof(small));
  const std::string request = "GET /files/asset-4k.txt HTTP/1.1\r\nHost: t\r\n\r\n";
  std::string batch;
  for (int i = 0; i < 100; ++i)
    batch += request;
  // A million pipelined requests would be 4 GiB of answers; the server must stop
  // reading long before, so our sends block (we stop when they would).
  std::size_t sent = 0;
  auto blockedSince = std::chrono::steady_clock::now();
  while (sent < 10000 * batch.size()) {
    ssize_t n = ::send(client.fd(), batch.data(), batch.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
      blockedSince = std::chrono::steady_clock::now();
    } else if (std::chrono::steady_clock::now() - blockedSince > std::chrono::milliseconds(500)) {
      break;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  EXPECT_LT(sent, 10000 * batch.size());
  // Without back-pressure the server would hold the answers to everything we sent:
  // hundreds of MiB. The bound leaves room for AddressSanitizer, whose quarantine
  // keeps freed memory resident (34 MiB of growth seen under the asan preset).
  EXPECT_LT(server.rssKiB() - before, 96 * 1024)
      << "server grew by " << server.rssKiB() - before << " KiB";
  EXPECT_EQ(httpGet(server.port(), "/healthz").status, 200);  // and it still serves others
}

TEST(HttpServerLimitsTest, RefusesABadBindAddressWithAClearMessage) {
  try {
    ServerProcess server({"--bind", "not-an-address"});
    FAIL() << "the server started";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("not a numeric IPv4 or IPv6 address"), std::string::npos)
        << e.what();
  }
}

TEST(HttpServerLimitsTest, WritesACommonLogFormatAccessLog) {
  auto path = std::filesystem::temp_directory_path() /
              ("minitwitter-access-" + std::to_string(::getpid()) + ".log");
  std::filesystem::remove(path);
  {
    ServerProcess server({"--access-log", path.string()});
    httpGet(server.port(), "/healthz");
    EXPECT_EQ(server.stop(SIGTERM), 0);
  }
  std::ifstream log(path);
  std::string line;
  ASSERT_TRUE(std::getline(log, line));
  EXPECT_NE(line.find("127.0.0.1 - - ["), std::string::npos) << line;
  EXPECT_NE(line.find("] \"GET /healthz HTTP/1.1\" 200 3"), std::string::npos) << line;
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace mt::testing
