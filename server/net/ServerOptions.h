#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "Connection.h"

namespace mt::net {

struct ServerOptions {
  std::string bindAddress = "0.0.0.0";
  std::uint16_t port = 8080;      // 0 picks a free port (see TcpServer::port())
  std::size_t loopThreads = 0;    // 0: one per core
  std::size_t workerThreads = 4;  // threads for blocking work
  std::size_t workerQueueCapacity = 1024;
  std::size_t maxConnections = 10000;  // beyond it new connections are refused
  int listenBacklog = 4096;
  Connection::Limits connection;
};

}  // namespace mt::net
