#include "Listener.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>

#include <string>
#include <system_error>

namespace mt::net {

namespace {
// Bounds one wakeup's work so a connection storm cannot starve the loop's other
// connections.
constexpr int kMaxAcceptsPerEvent = 64;

void setOption(int fd, int level, int name) {
  int one = 1;
  if (::setsockopt(fd, level, name, &one, sizeof(one)) < 0) {
    throw std::system_error(errno, std::generic_category(), "setsockopt");
  }
}
}  // namespace

Listener::Listener(EventLoop& loop, const SocketAddress& address, int backlog)
    : loop_(loop),
      socket_(::socket(address.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)),
      spare_(::open("/dev/null", O_RDONLY | O_CLOEXEC)) {
  if (!socket_.valid()) throw std::system_error(errno, std::generic_category(), "socket");
  setOption(socket_.get(), SOL_SOCKET, SO_REUSEADDR);
  setOption(socket_.get(), SOL_SOCKET, SO_REUSEPORT);
  if (::bind(socket_.get(), address.get(), address.length()) < 0) {
    throw std::system_error(errno, std::generic_category(),
                            "cannot listen on " + address.toString());
  }
  if (::listen(socket_.get(), backlog) < 0) {
    throw std::system_error(errno, std::generic_category(), "listen");
  }
}

Listener::~Listener() = default;

void Listener::start(NewConnection onNewConnection) {
  loop_.assertInLoopThread();
  onNewConnection_ = std::move(onNewConnection);
  loop_.add(socket_.get(), EPOLLIN, this);
  listening_ = true;
}

void Listener::stop() {
  loop_.assertInLoopThread();
  if (!listening_) return;
  listening_ = false;
  loop_.remove(socket_.get());
  socket_.reset();
}

std::uint16_t Listener::port() const {
  sockaddr_storage storage{};
  socklen_t length = sizeof(storage);
  ::getsockname(socket_.get(), reinterpret_cast<sockaddr*>(&storage), &length);
  return SocketAddress::fromSockaddr(reinterpret_cast<sockaddr*>(&storage), length).port();
}

void Listener::handleEvents(std::uint32_t) {
  for (int i = 0; i < kMaxAcceptsPerEvent && listening_; ++i) {
    sockaddr_storage storage{};
    socklen_t length = sizeof(storage);
    int fd = ::accept4(socket_.get(), reinterpret_cast<sockaddr*>(&storage), &length,
                       SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      if (errno == EMFILE || errno == ENFILE) {
        spare_.reset();
        int doomed = ::accept(socket_.get(), nullptr, nullptr);
        if (doomed >= 0) ::close(doomed);
        spare_ = FileDescriptor(::open("/dev/null", O_RDONLY | O_CLOEXEC));
      }
      return;  // EAGAIN and everything else: wait for the next readiness
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    onNewConnection_(fd,
                     SocketAddress::fromSockaddr(reinterpret_cast<sockaddr*>(&storage), length));
  }
}

}  // namespace mt::net
