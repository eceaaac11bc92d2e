#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>

#include "Buffer.h"
#include "Connection.h"
#include "TcpServer.h"

namespace mt::net {
namespace {

// Echoes every complete line; "slow <text>" echoes it from a worker thread, so
// tests can see replies kept in order across the pool.
class LineEchoProtocol final : public Protocol {
 public:
  void onData(Connection& conn, Buffer& input) override {
    for (auto end = input.view().find('\n'); end != std::string_view::npos;
         end = input.view().find('\n')) {
      std::string line(input.view().substr(0, end + 1));
      input.retrieve(end + 1);
      if (line.rfind("slow ", 0) == 0) {
        ++inFlight_;
        auto result = std::make_shared<std::string>();
        conn.runBlocking(
            [result, line] {
              std::this_thread::sleep_for(std::chrono::milliseconds(50));
              *result = line.substr(5);
            },
            [this, &conn, result] {
              --inFlight_;
              conn.send(*result);
            });
      } else {
        conn.send(line);
      }
    }
  }
  bool busy() const override { return inFlight_ > 0; }

 private:
  int inFlight_ = 0;
};

// Answers every byte with 64 KiB, to fill the output queue of a peer that never reads.
class FloodProtocol final : public Protocol {
 public:
  explicit FloodProtocol(std::atomic<std::size_t>& maxPending) : maxPending_(maxPending) {}
  void onData(Connection& conn, Buffer& input) override {
    // A well-behaved protocol stops producing at the high-water mark and leaves the
    // rest of its input for later; the core re-offers it once the queue drains.
    while (!input.empty() && !conn.aboveHighWater()) {
      conn.send(std::string(65536, 'x'));
      input.retrieve(1);
    }
    std::size_t pending = conn.pendingOutputBytes();
    if (pending > maxPending_) maxPending_ = pending;
  }

 private:
  std::atomic<std::size_t>& maxPending_;
};

template <typename P, typename... Args>
class Factory final : public ProtocolFactory {
 public:
  explicit Factory(Args&... args) : args_(args...) {}
  std::unique_ptr<Protocol> create(Connection&) override {
    return std::apply([](auto&... a) { return std::make_unique<P>(a...); }, args_);
  }
  std::string refusal() const override { return "FULL\n"; }

 private:
  std::tuple<Args&...> args_;
};

int connectTo(std::uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  return fd;
}

std::string readFor(int fd, std::size_t want, int timeoutMs = 5000) {
  std::string out;
  char chunk[4096];
  while (out.size() < want) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, timeoutMs) <= 0) break;
    ssize_t n = ::recv(fd, chunk, sizeof(chunk), 0);
    if (n <= 0) break;
    out.append(chunk, static_cast<std::size_t>(n));
  }
  return out;
}

bool closedWithin(int fd, int timeoutMs) {
  char chunk[4096];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, timeoutMs) <= 0) return false;
    ssize_t n = ::recv(fd, chunk, sizeof(chunk), 0);
    if (n <= 0) return true;
  }
}

ServerOptions testOptions() {
  ServerOptions options;
  options.bindAddress = "127.0.0.1";
  options.port = 0;
  options.loopThreads = 2;
  options.workerThreads = 2;
  return options;
}

TEST(TcpServerTest, EchoesAndPostsWorkerResultsBackToTheConnection) {
  Factory<LineEchoProtocol> factory;
  TcpServer server(testOptions(), factory);
  server.start();
  int fd = connectTo(server.port());
  std::string request = "slow one\nslow two\nthree\n";
  ASSERT_EQ(::send(fd, request.data(), request.size(), 0), static_cast<ssize_t>(request.size()));
  // Ordering across the pool is the protocol's business (HTTP keeps it); the core's
  // is that every completion comes back to its connection intact.
  std::string reply = readFor(fd, 14);
  EXPECT_EQ(reply.size(), 14u);
  EXPECT_NE(reply.find("one\n"), std::string::npos);
  EXPECT_NE(reply.find("two\n"), std::string::npos);
  EXPECT_NE(reply.find("three\n"), std::string::npos);
  ::close(fd);
  EXPECT_EQ(server.shutdown(std::chrono::seconds(1)), 0u);
}

TEST(TcpServerTest, RefusesConnectionsBeyondTheLimit) {
  Factory<LineEchoProtocol> factory;
  auto options = testOptions();
  options.maxConnections = 2;
  TcpServer server(options, factory);
  server.start();
  int a = connectTo(server.port());
  int b = connectTo(server.port());
  ASSERT_EQ(::send(a, "x\n", 2, 0), 2);
  ASSERT_EQ(::send(b, "y\n", 2, 0), 2);
  EXPECT_EQ(readFor(a, 2), "x\n");
  EXPECT_EQ(readFor(b, 2), "y\n");
  int c = connectTo(server.port());
  EXPECT_EQ(readFor(c, 5), "FULL\n");
  EXPECT_TRUE(closedWithin(c, 2000));
  EXPECT_EQ(server.stats().connectionsRefused.load(), 1u);
  ::close(a);
  ::close(b);
  ::close(c);
  server.shutdown(std::chrono::seconds(1));
}

TEST(TcpServerTest, ClosesIdleConnections) {
  Factory<LineEchoProtocol> factory;
  auto options = testOptions();
  options.connection.idleTimeout = std::chrono::milliseconds(200);
  TcpServer server(options, factory);
  server.start();
  int fd = connectTo(server.port());
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(closedWithin(fd, 3000));
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(150));
  ::close(fd);
  server.shutdown(std::chrono::seconds(1));
}

TEST(TcpServerTest, APeerThatNeverReadsDoesNotGrowTheOutputQueueWithoutBound) {
  std::atomic<std::size_t> maxPending{0};
  Factory<FloodProtocol, std::atomic<std::size_t>> factory(maxPending);
  auto options = testOptions();
  options.connection.outputHighWater = 1 << 20;
  TcpServer server(options, factory);
  server.start();
  int fd = connectTo(server.port());
  int small = 4096;
  ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small));
  // Keep sending; the server must stop reading once its queue is full, so our
  // sends eventually block (we use MSG_DONTWAIT and stop when they would).
  std::string bytes(1024, 'a');
  std::size_t sent = 0;
  auto blockedSince = std::chrono::steady_clock::now();
  auto giveUp = blockedSince + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < giveUp) {
    ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_DONTWAIT);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
      blockedSince = std::chrono::steady_clock::now();
    } else if (std::chrono::steady_clock::now() - blockedSince > std::chrono::milliseconds(300)) {
      break;  // the server stopped reading: back-pressure reached us
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  // Without back-pressure every byte would queue 64 KiB: gigabytes.
  EXPECT_LT(sent, std::size_t{64} << 20);
  EXPECT_LT(maxPending.load(), std::size_t{8} << 20);
  ::close(fd);
  server.shutdown(std::chrono::seconds(1));
}

TEST(TcpServerTest, GracefulShutdownWaitsForWorkInFlight) {
  Factory<LineEchoProtocol> factory;
  TcpServer server(testOptions(), factory);
  server.start();
  int fd = connectTo(server.port());
  std::string request = "slow done\n";
  ASSERT_EQ(::send(fd, request.data(), request.size(), 0), 10);
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  std::thread stopper([&] { EXPECT_EQ(server.shutdown(std::chrono::seconds(5)), 0u); });
  EXPECT_EQ(readFor(fd, 5), "done\n");
  EXPECT_TRUE(closedWithin(fd, 3000));
  stopper.join();
  ::close(fd);
}

TEST(TcpServerTest, ReportsAPortInUse) {
  Factory<LineEchoProtocol> factory;
  TcpServer first(testOptions(), factory);
  first.start();
  auto options = testOptions();
  options.port = first.port();
  TcpServer second(options, factory);
  EXPECT_THROW(second.start(), std::system_error);
  first.shutdown(std::chrono::seconds(1));
}

}  // namespace
}  // namespace mt::net
