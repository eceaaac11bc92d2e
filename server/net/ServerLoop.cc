#include "ServerLoop.h"

#include <sys/socket.h>
#include <unistd.h>

#include <vector>

namespace mt::net {

ServerLoop::ServerLoop(ServerShared& shared, const SocketAddress& address)
    : shared_(shared),
      listener_(loop_, address, shared.options.listenBacklog),
      port_(listener_.port()) {}

ServerLoop::~ServerLoop() {
  join();
}

void ServerLoop::start() {
  loop_.queueInLoop([this] {
    listener_.start([this](int fd, const SocketAddress& peer) { onNewConnection(fd, peer); });
  });
  thread_ = std::thread([this] {
    loop_.run();
    closeAll();
  });
}

void ServerLoop::join() {
  if (thread_.joinable()) thread_.join();
}

void ServerLoop::onNewConnection(int fd, const SocketAddress& peer) {
  auto& open = shared_.stats.connectionsOpen;
  if (open.fetch_add(1, std::memory_order_relaxed) >=
      static_cast<std::int64_t>(shared_.options.maxConnections)) {
    open.fetch_sub(1, std::memory_order_relaxed);
    refuse(fd);
    return;
  }
  shared_.stats.connectionsAccepted.fetch_add(1, std::memory_order_relaxed);
  std::uint64_t id = shared_.nextConnectionId.fetch_add(1, std::memory_order_relaxed);
  auto conn = std::make_shared<Connection>(loop_, *this, fd, id, peer, shared_.options.connection);
  connections_.emplace(id, conn);
  conn->start(shared_.factory.create(*conn));
}

// Refusing costs one non-blocking write and a close: a full server must stay cheap
// to say no to.
void ServerLoop::refuse(int fd) {
  shared_.stats.connectionsRefused.fetch_add(1, std::memory_order_relaxed);
  std::string message = shared_.factory.refusal();
  if (!message.empty()) {
    [[maybe_unused]] ssize_t n = ::send(fd, message.data(), message.size(), MSG_NOSIGNAL);
    ::shutdown(fd, SHUT_WR);
  }
  ::close(fd);
}

void ServerLoop::onConnectionClosed(Connection& conn) {
  shared_.stats.connectionsOpen.fetch_sub(1, std::memory_order_relaxed);
  // Destroyed after the current callback: the connection is still on the stack.
  loop_.queueInLoop([this, id = conn.id()] { connections_.erase(id); });
}

bool ServerLoop::submitBlocking(std::function<void()> work) {
  return shared_.workers.trySubmit(std::move(work));
}

void ServerLoop::stopAccepting() {
  listener_.stop();
}

void ServerLoop::beginShutdown() {
  // Copied first: shutting a connection down may close it and change the table.
  std::vector<std::shared_ptr<Connection>> all;
  all.reserve(connections_.size());
  for (auto& [id, conn] : connections_)
    all.push_back(conn);
  for (auto& conn : all)
    conn->beginShutdown();
}

void ServerLoop::closeAll() {
  std::vector<std::shared_ptr<Connection>> all;
  all.reserve(connections_.size());
  for (auto& [id, conn] : connections_)
    all.push_back(conn);
  for (auto& conn : all)
    conn->close();
  connections_.clear();
}

}  // namespace mt::net
