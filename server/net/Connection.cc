#include "Connection.h"

#include <errno.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>

namespace mt::net {

namespace {
// How long a closing connection keeps draining what the peer still sends, so that
// closing with unread input does not turn into a RST that destroys the response.
constexpr std::chrono::milliseconds kLingerTimeout{2000};
constexpr std::size_t kInitialInputCapacity = 1024;
constexpr std::size_t kReadSpill = 64 * 1024;
}  // namespace

void Protocol::onPeerClosed(Connection& conn) {
  conn.closeAfterWrite();
}
void Protocol::onShutdown(Connection& conn) {
  conn.closeWhenIdle();
}

Connection::Connection(EventLoop& loop, ConnectionOwner& owner, int fd, std::uint64_t id,
                       SocketAddress peer, Limits limits)
    : loop_(loop),
      owner_(owner),
      fd_(fd),
      id_(id),
      peer_(peer),
      limits_(limits),
      input_(kInitialInputCapacity) {}

Connection::~Connection() {
  if (fd_ >= 0) ::close(fd_);
}

void Connection::start(std::unique_ptr<Protocol> protocol) {
  loop_.assertInLoopThread();
  protocol_ = std::move(protocol);
  lastActivity_ = loop_.now();
  interest_ = EPOLLIN;
  loop_.add(fd_, interest_, this);
  armIdleTimer();
}

template <typename F>
void Connection::dispatch(F&& callback) {
  bool nested = inCallback_;
  inCallback_ = true;
  callback();
  // Input that waited while reading was paused is offered again once the protocol
  // resumes, since no new bytes may ever arrive to trigger it.
  while (!nested && redeliverInput_ && state_ == State::Open && !lingering_) {
    redeliverInput_ = false;
    if (!input_.empty()) protocol_->onData(*this, input_);
  }
  inCallback_ = nested;
  if (nested || state_ != State::Open) return;
  if (closeWhenIdle_ && !protocol_->busy()) closeAfterWrite_ = true;
  flush();
}

void Connection::handleEvents(std::uint32_t events) {
  // The owner's table may drop this connection during the callbacks below.
  auto self = shared_from_this();
  if (events & EPOLLERR) {
    close();
    return;
  }
  if ((events & EPOLLHUP) && !(events & EPOLLIN)) {
    close();
    return;
  }
  if (events & EPOLLIN) handleRead();
  if ((events & EPOLLOUT) && state_ == State::Open) handleWrite();
}

void Connection::handleRead() {
  // Reads straight into the buffer, spilling into a per-thread block when it is
  // full, so an idle connection needs only a small buffer of its own.
  thread_local std::array<char, kReadSpill> spill;
  input_.makeSpace(512);
  std::array<iovec, 2> iov{
      {{input_.beginWrite(), input_.writableBytes()}, {spill.data(), spill.size()}}};
  ssize_t n;
  do {
    n = ::readv(fd_, iov.data(), 2);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    if (errno != EAGAIN && errno != EWOULDBLOCK) close();
    return;
  }
  if (n == 0) {
    if (lingering_) {
      close();
      return;
    }
    peerClosed_ = true;
    updateInterest();
    dispatch([this] { protocol_->onPeerClosed(*this); });
    return;
  }
  auto received = static_cast<std::size_t>(n);
  bytesReceived_ += received;
  lastActivity_ = loop_.now();
  if (lingering_) return;  // draining only
  std::size_t direct = std::min(received, input_.writableBytes());
  input_.hasWritten(direct);
  if (received > direct) input_.append({spill.data(), received - direct});

  dispatch([this] { protocol_->onData(*this, input_); });
  if (state_ == State::Open && input_.empty()) input_.shrinkIfIdle(kInitialInputCapacity);
}

void Connection::handleWrite() {
  flush();
}

void Connection::send(std::string_view bytes) {
  if (state_ != State::Open || lingering_) return;
  output_.append(bytes);
  if (!inCallback_) flush();
}

void Connection::send(std::string&& bytes) {
  if (state_ != State::Open || lingering_) return;
  output_.append(std::move(bytes));
  if (!inCallback_) flush();
}

void Connection::sendFile(std::shared_ptr<const FileDescriptor> file, off_t offset,
                          std::size_t length) {
  if (state_ != State::Open || lingering_) return;
  output_.appendFile(std::move(file), offset, length);
  if (!inCallback_) flush();
}

void Connection::flush() {
  if (state_ != State::Open) return;
  if (!output_.empty()) {
    std::size_t written = 0;
    auto result = output_.writeTo(fd_, written);
    bytesSent_ += written;
    if (written > 0) lastActivity_ = loop_.now();
    if (result == OutputQueue::WriteResult::Error) {
      close();
      return;
    }
  }
  if (output_.empty() && closeAfterWrite_ && !lingering_) {
    startLingeringClose();
    return;
  }
  if (!pausedForBackPressure_ && aboveHighWater()) {
    pausedForBackPressure_ = true;
  } else if (pausedForBackPressure_ && output_.bytes() <= limits_.outputLowWater) {
    pausedForBackPressure_ = false;
    updateInterest();
    redeliverInput_ = !input_.empty();
    dispatch([this] { protocol_->onWriteDrained(*this); });
    return;  // dispatch flushed again and updated interest
  }
  updateInterest();
}

void Connection::updateInterest() {
  if (state_ != State::Open) return;
  std::uint32_t want = 0;
  bool wantRead = lingering_ || (!readingPaused_ && !pausedForBackPressure_ && !peerClosed_);
  if (wantRead) want |= EPOLLIN;
  if (!output_.empty()) want |= EPOLLOUT;
  if (want != interest_) {
    interest_ = want;
    loop_.modify(fd_, want, this);
  }
}

void Connection::pauseReading() {
  readingPaused_ = true;
  if (!inCallback_) updateInterest();
}

void Connection::resumeReading() {
  if (!readingPaused_) return;
  readingPaused_ = false;
  updateInterest();
  if (input_.empty() || state_ != State::Open || lingering_) return;
  redeliverInput_ = true;
  if (!inCallback_) dispatch([] {});
}

void Connection::setSendBufferSize(std::size_t bytes) {
  const int size = static_cast<int>(std::min<std::size_t>(bytes, 1 << 30));
  ::setsockopt(fd_, SOL_SOCKET, SO_SNDBUF, &size, sizeof(size));  // best effort
}

void Connection::closeAfterWrite() {
  if (state_ != State::Open) return;
  closeAfterWrite_ = true;
  if (!inCallback_) flush();
}

void Connection::closeWhenIdle() {
  closeWhenIdle_ = true;
  if (!inCallback_ && !protocol_->busy()) closeAfterWrite();
}

void Connection::startLingeringClose() {
  lingering_ = true;
  input_.retrieveAll();
  if (peerClosed_) {
    close();
    return;
  }
  ::shutdown(fd_, SHUT_WR);
  updateInterest();
  std::weak_ptr<Connection> weak = weak_from_this();
  loop_.runAfter(kLingerTimeout, [weak] {
    if (auto conn = weak.lock()) conn->close();
  });
}

void Connection::close() {
  if (state_ != State::Open) return;
  state_ = State::Closed;
  loop_.cancel(idleTimer_);
  loop_.remove(fd_);
  output_.clear();
  if (protocol_) protocol_->onClose(*this);
  ::close(fd_);
  fd_ = -1;
  owner_.onConnectionClosed(*this);
}

void Connection::beginShutdown() {
  if (state_ != State::Open) return;
  dispatch([this] { protocol_->onShutdown(*this); });
}

TimerId Connection::runAfter(std::chrono::milliseconds delay, std::function<void()> task) {
  std::weak_ptr<Connection> weak = weak_from_this();
  return loop_.runAfter(delay, [weak, task = std::move(task)] {
    auto conn = weak.lock();
    if (conn && conn->state_ == State::Open) conn->dispatch(task);
  });
}

void Connection::cancelTimer(TimerId id) {
  loop_.cancel(id);
}

void Connection::armIdleTimer() {
  if (limits_.idleTimeout.count() <= 0) return;
  auto deadline = lastActivity_ + limits_.idleTimeout;
  auto delay = std::chrono::ceil<std::chrono::milliseconds>(deadline - loop_.now());
  std::weak_ptr<Connection> weak = weak_from_this();
  idleTimer_ = loop_.runAfter(std::max(delay, std::chrono::milliseconds(1)), [weak] {
    if (auto conn = weak.lock()) conn->onIdleTimer();
  });
}

void Connection::onIdleTimer() {
  idleTimer_ = 0;
  if (state_ != State::Open) return;
  bool quiet = loop_.now() - lastActivity_ >= limits_.idleTimeout;
  // A request waiting on a worker is not idleness; output that has not moved for a
  // whole timeout is a peer that stopped reading, and is.
  bool waitingOnUs = protocol_ && protocol_->busy() && output_.empty();
  if (quiet && !waitingOnUs) {
    close();
    return;
  }
  if (quiet) lastActivity_ = loop_.now();
  armIdleTimer();
}

bool Connection::runBlocking(std::function<void()> work, std::function<void()> done) {
  std::weak_ptr<Connection> weak = weak_from_this();
  return owner_.submitBlocking(
      [weak, &loop = loop_, work = std::move(work), done = std::move(done)]() mutable {
        try {
          work();
        } catch (const std::exception& e) {
          std::fprintf(stderr, "minitwitter: blocking work failed: %s\n", e.what());
        }
        postToConnection(weak, loop, [done = std::move(done)](Connection&) { done(); });
      });
}

void postToConnection(const std::weak_ptr<Connection>& conn, EventLoop& loop,
                      std::function<void(Connection&)> task) {
  loop.queueInLoop([conn, task = std::move(task)] {
    auto target = conn.lock();
    if (!target || target->state_ != Connection::State::Open) return;
    target->dispatch([&] { task(*target); });
  });
}

}  // namespace mt::net
