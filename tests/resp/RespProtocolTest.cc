#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "RespProtocol.h"
#include "RespProtocolFactory.h"
#include "TcpServer.h"

// RespProtocol on the real server core: the same TcpServer that runs HTTP, over
// loopback sockets, with no HTTP anywhere.

namespace mt::resp {
namespace {

using namespace std::chrono_literals;

class Client {
 public:
  explicit Client(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  void send(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      ASSERT_GT(n, 0);
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  // Reads until `want` bytes have arrived, the peer closes, or 5 s pass.
  std::string read(std::size_t want) {
    std::string out;
    char chunk[16384];
    while (out.size() < want) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 5000) <= 0) break;
      ssize_t n = ::recv(fd_, chunk, sizeof(chunk), 0);
      if (n <= 0) break;
      out.append(chunk, static_cast<std::size_t>(n));
    }
    return out;
  }

  // True if the server closes the connection (EOF) within 3 s, with nothing more sent.
  bool closedByServer() {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 3000) <= 0) return false;
    char byte;
    return ::recv(fd_, &byte, 1, 0) == 0;
  }

 private:
  int fd_;
};

class RespProtocolTest : public ::testing::Test {
 protected:
  void SetUp() override { start({}); }
  void TearDown() override { server_->shutdown(1s); }

  void start(RespLimits limits, std::size_t maxConnections = 100) {
    if (server_) server_->shutdown(1s);
    factory_ = std::make_unique<RespProtocolFactory>(limits);
    net::ServerOptions options;
    options.bindAddress = "127.0.0.1";
    options.port = 0;
    options.loopThreads = 1;
    options.workerThreads = 1;
    options.maxConnections = maxConnections;
    server_ = std::make_unique<net::TcpServer>(options, *factory_);
    server_->start();
  }
  std::uint16_t port() const { return server_->port(); }

 private:
  std::unique_ptr<RespProtocolFactory> factory_;
  std::unique_ptr<net::TcpServer> server_;
};

TEST_F(RespProtocolTest, AnswersPingAndEcho) {
  Client c(port());
  c.send("*1\r\n$4\r\nPING\r\n");
  EXPECT_EQ(c.read(7), "+PONG\r\n");
  c.send("*2\r\n$4\r\nECHO\r\n$5\r\nhello\r\n");
  EXPECT_EQ(c.read(11), "$5\r\nhello\r\n");
  c.send("PING\r\n");  // inline, as redis-benchmark's PING_INLINE sends it
  EXPECT_EQ(c.read(7), "+PONG\r\n");
}

TEST_F(RespProtocolTest, AnswersPipelinedRequestsInOrder) {
  Client c(port());
  std::string requests;
  std::string expected;
  for (int i = 0; i < 2000; ++i) {
    std::string n = std::to_string(i);
    if (i % 3 == 0) {
      requests += "PING\r\n";
      expected += "+PONG\r\n";
    } else {
      requests += "*2\r\n$4\r\nECHO\r\n$" + std::to_string(n.size()) + "\r\n" + n + "\r\n";
      expected += "$" + std::to_string(n.size()) + "\r\n" + n + "\r\n";
    }
  }
  c.send(requests);
  EXPECT_EQ(c.read(expected.size()), expected);
}

TEST_F(RespProtocolTest, RequestsSplitAcrossManySegmentsAreReassembled) {
  Client c(port());
  std::string request = "*2\r\n$4\r\nECHO\r\n$12\r\nsplit\r\nbytes\r\n*1\r\n$4\r\nPING\r\n";
  for (char byte : request) {
    c.send(std::string_view(&byte, 1));
    std::this_thread::sleep_for(1ms);
  }
  EXPECT_EQ(c.read(26), "$12\r\nsplit\r\nbytes\r\n+PONG\r\n");
}

TEST_F(RespProtocolTest, AProtocolErrorIsAnsweredThenTheConnectionCloses) {
  Client c(port());
  c.send("PING\r\n*1\r\n+PING\r\nPING\r\n");
  EXPECT_EQ(c.read(64), "+PONG\r\n-ERR Protocol error: expected '$', got '+'\r\n");
  Client d(port());
  d.send("*1\r\n$4\r\nPING\r\n");  // the server goes on serving others
  EXPECT_EQ(d.read(7), "+PONG\r\n");
}

TEST_F(RespProtocolTest, QuitRepliesOkAndClosesWithoutRunningWhatFollows) {
  Client c(port());
  c.send("PING\r\nQUIT\r\nPING\r\n");
  EXPECT_EQ(c.read(64), "+PONG\r\n+OK\r\n");
}

TEST_F(RespProtocolTest, ClosesAfterReplyingToQuit) {
  Client c(port());
  c.send("QUIT\r\n");
  EXPECT_EQ(c.read(5), "+OK\r\n");
  EXPECT_TRUE(c.closedByServer());
}

TEST_F(RespProtocolTest, AnOversizedBulkIsRefusedBeforeItsPayloadArrives) {
  RespLimits limits;
  limits.maxBulkBytes = 1024;
  start(limits);
  Client c(port());
  c.send("*2\r\n$4\r\nECHO\r\n$1000000\r\n");
  EXPECT_EQ(c.read(64), "-ERR Protocol error: invalid bulk length\r\n");
}

TEST_F(RespProtocolTest, AnEchoAsLargeAsTheLimitComesBackWhole) {
  Client c(port());
  std::string value(512 << 10, 'v');
  c.send("*2\r\n$4\r\nECHO\r\n$" + std::to_string(value.size()) + "\r\n" + value + "\r\n");
  std::string expected = "$" + std::to_string(value.size()) + "\r\n" + value + "\r\n";
  EXPECT_EQ(c.read(expected.size()), expected);
}

TEST_F(RespProtocolTest, RefusesConnectionsBeyondTheLimitTheRedisWay) {
  start({}, 1);
  Client first(port());
  first.send("PING\r\n");
  EXPECT_EQ(first.read(7), "+PONG\r\n");
  Client second(port());
  EXPECT_EQ(second.read(64), "-ERR max number of clients reached\r\n");
}

}  // namespace
}  // namespace mt::resp
