#pragma once

#include <atomic>
#include <memory>
#include <thread>
#include <unordered_map>

#include "Connection.h"
#include "EventLoop.h"
#include "Listener.h"
#include "Protocol.h"
#include "ServerOptions.h"
#include "ServerStats.h"
#include "WorkerPool.h"

namespace mt::net {

// What every ServerLoop of one server shares. Owned by the TcpServer, which outlives
// its loops.
struct ServerShared {
  const ServerOptions& options;
  ProtocolFactory& factory;
  WorkerPool& workers;
  ServerStats& stats;
  std::atomic<std::uint64_t> nextConnectionId{1};
};

// One event-loop thread of a server: its loop, its listening socket and the
// connections accepted on it.
//
// Thread affinity: the constructor, start() and join() from the owning thread;
// every other method on the loop thread (reach it with loop().runInLoop()).
class ServerLoop final : public ConnectionOwner {
 public:
  ServerLoop(ServerShared& shared, const SocketAddress& address);
  ~ServerLoop() override;

  void start();
  void join();
  EventLoop& loop() { return loop_; }
  std::uint16_t port() const { return port_; }

  void stopAccepting();
  void beginShutdown();
  void closeAll();

  void onConnectionClosed(Connection& conn) override;
  bool submitBlocking(std::function<void()> work) override;

 private:
  void onNewConnection(int fd, const SocketAddress& peer);
  void refuse(int fd);

  ServerShared& shared_;
  EventLoop loop_;
  Listener listener_;
  std::uint16_t port_;
  std::unordered_map<std::uint64_t, std::shared_ptr<Connection>> connections_;
  std::thread thread_;
};

}  // namespace mt::net
