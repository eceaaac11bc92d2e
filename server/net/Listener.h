#pragma once

#include <functional>

#include "EventLoop.h"
#include "FileDescriptor.h"
#include "SocketAddress.h"

namespace mt::net {

// A listening socket on one event loop. Every loop has its own, bound to the same
// port with SO_REUSEPORT, so the kernel spreads new connections over the loops and
// no accept lock is needed.
//
// Thread affinity: constructed anywhere; everything else on its loop thread.
class Listener final : public IoHandler {
 public:
  using NewConnection = std::function<void(int fd, const SocketAddress& peer)>;

  // Binds and listens at once, so a busy port is reported before any thread starts.
  Listener(EventLoop& loop, const SocketAddress& address, int backlog);
  ~Listener();

  void start(NewConnection onNewConnection);
  void stop();
  std::uint16_t port() const;

  void handleEvents(std::uint32_t events) override;

 private:
  EventLoop& loop_;
  FileDescriptor socket_;
  // Held in reserve for the moment the process runs out of descriptors: closing it
  // lets us accept and immediately close the pending connection instead of spinning.
  FileDescriptor spare_;
  NewConnection onNewConnection_;
  bool listening_ = false;
};

}  // namespace mt::net
