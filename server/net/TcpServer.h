#pragma once

#include <chrono>
#include <memory>
#include <vector>

#include "Protocol.h"
#include "ServerLoop.h"
#include "ServerOptions.h"
#include "ServerStats.h"
#include "WorkerPool.h"

namespace mt::net {

// The protocol-agnostic server: a few event-loop threads accepting on one port, a
// worker pool for blocking work, limits, and graceful shutdown. It runs whatever
// Protocol the factory makes; it knows nothing about HTTP.
//
// Thread affinity: every method from the thread that owns the server (never from a
// loop or worker thread).
class TcpServer {
 public:
  TcpServer(ServerOptions options, ProtocolFactory& factory);
  ~TcpServer();
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  // Binds (throwing std::system_error if it cannot, e.g. a port in use) and starts
  // the threads.
  void start();

  // Stops accepting, asks every connection's protocol to finish what is in flight,
  // waits up to `grace` for them to close, closes the rest, then stops the threads.
  // Returns how many connections had to be closed by force.
  std::size_t shutdown(std::chrono::milliseconds grace);

  std::uint16_t port() const { return port_; }
  const ServerStats& stats() const { return stats_; }
  const WorkerPool& workers() const { return workers_; }
  const ServerOptions& options() const { return options_; }

 private:
  // Runs `task` on every loop thread and waits until all have run it.
  void onEveryLoop(void (ServerLoop::*task)());

  ServerOptions options_;
  ProtocolFactory& factory_;
  ServerStats stats_;
  WorkerPool workers_;
  ServerShared shared_;
  std::vector<std::unique_ptr<ServerLoop>> loops_;
  std::uint16_t port_ = 0;
  bool running_ = false;
};

}  // namespace mt::net
