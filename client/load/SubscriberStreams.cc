#include "SubscriberStreams.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <limits>
#include <system_error>

#include "Clock.h"

namespace mt::load {

namespace {

constexpr std::size_t kReadBufferBytes = 16 * 1024;

bool isEventStream(std::string_view contentType) {
  return contentType.starts_with("text/event-stream");
}

std::string httpKind(int status) {
  return "http_" + std::to_string(status);
}

}  // namespace

struct SubscriberStreams::Stream {
  enum class State { connecting, head, open, ended };

  std::uint32_t user = 0;
  VirtualUser* subscriber = nullptr;  // non-owning: the engine's user
  int fd = -1;
  State state = State::ended;
  std::string out;
  std::size_t sent = 0;
  bool writeWatched = false;
  std::uint64_t generation = 0;
  ResponseParser response;
  EventStreamParser events;
};

SubscriberStreams::SubscriberStreams(int epoll, const std::vector<Target>& targets,
                                     std::int64_t timeoutNs, Gauge& gauge, Opened opened,
                                     NotOpened notOpened)
    : epoll_(epoll),
      targets_(targets),
      timeoutNs_(timeoutNs),
      gauge_(gauge),
      opened_(std::move(opened)),
      notOpened_(std::move(notOpened)),
      readBuffer_(kReadBufferBytes),
      windowStartUnixNs_(std::numeric_limits<std::int64_t>::max()),
      windowEndUnixNs_(std::numeric_limits<std::int64_t>::max()) {}

SubscriberStreams::~SubscriberStreams() {
  for (auto& stream : streams_) {
    if (stream->fd >= 0) ::close(stream->fd);
  }
}

void SubscriberStreams::open(std::uint32_t user, VirtualUser& subscriber, std::size_t target,
                             const HttpRequest& request) {
  auto [found, added] =
      streamOfUser_.try_emplace(user, static_cast<std::uint32_t>(streams_.size()));
  if (added) streams_.push_back(std::make_unique<Stream>());
  const std::uint32_t index = found->second;
  Stream& stream = *streams_[index];
  const Target& to = targets_[target];
  stream.user = user;
  stream.subscriber = &subscriber;
  stream.out.clear();
  stream.sent = 0;
  if (to.pathPrefix.empty()) {
    appendRequest(stream.out, request, to.hostHeader);
  } else {
    HttpRequest prefixed = request;
    prefixed.target = to.pathPrefix + prefixed.target;
    appendRequest(stream.out, prefixed, to.hostHeader);
  }
  stream.response.reset();
  stream.events.reset();
  ++stream.generation;
  stream.fd =
      ::socket(to.address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP);
  if (stream.fd < 0) throw std::system_error(errno, std::generic_category(), "socket");
  const int one = 1;
  ::setsockopt(stream.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  stream.state = Stream::State::connecting;
  deadlines_.push_back({steadyNowNs() + timeoutNs_, index, stream.generation});
  if (::connect(stream.fd, reinterpret_cast<const sockaddr*>(&to.address), to.addressLength) < 0 &&
      errno != EINPROGRESS) {
    end(stream, "connect");
    return;
  }
  epoll_event event{};
  event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP;
  event.data.u64 = kStreamTag | index;
  if (epoll_ctl(epoll_, EPOLL_CTL_ADD, stream.fd, &event) < 0) {
    throw std::system_error(errno, std::generic_category(), "epoll_ctl");
  }
  stream.writeWatched = true;
}

void SubscriberStreams::handleEvent(std::uint32_t index, std::uint32_t events) {
  Stream& stream = *streams_[index];
  if (stream.fd < 0) return;
  if (stream.state == Stream::State::connecting) {
    if ((events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) == 0) return;
    int error = 0;
    socklen_t length = sizeof error;
    ::getsockopt(stream.fd, SOL_SOCKET, SO_ERROR, &error, &length);
    if (error != 0 || (events & (EPOLLERR | EPOLLHUP)) != 0) {
      end(stream, "connect");
      return;
    }
    stream.state = Stream::State::head;
  }
  if ((events & EPOLLOUT) != 0 && stream.sent < stream.out.size()) {
    flush(stream);
    if (stream.fd < 0) return;
  }
  if ((events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) != 0) read(stream);
}

void SubscriberStreams::flush(Stream& stream) {
  while (stream.sent < stream.out.size()) {
    const ssize_t n = ::send(stream.fd, stream.out.data() + stream.sent,
                             stream.out.size() - stream.sent, MSG_NOSIGNAL);
    if (n > 0) {
      stream.sent += static_cast<std::size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      watch(stream, true);
      return;
    } else {
      end(stream, "closed");
      return;
    }
  }
  watch(stream, false);
}

void SubscriberStreams::watch(Stream& stream, bool wantWrite) {
  if (stream.writeWatched == wantWrite) return;
  epoll_event event{};
  event.events = EPOLLIN | EPOLLRDHUP | (wantWrite ? EPOLLOUT : 0U);
  event.data.u64 = kStreamTag | streamOfUser_.at(stream.user);
  if (epoll_ctl(epoll_, EPOLL_CTL_MOD, stream.fd, &event) < 0) {
    throw std::system_error(errno, std::generic_category(), "epoll_ctl");
  }
  stream.writeWatched = wantWrite;
}

void SubscriberStreams::read(Stream& stream) {
  for (;;) {
    const ssize_t n = ::recv(stream.fd, readBuffer_.data(), readBuffer_.size(), 0);
    if (n > 0) {
      stream.response.feed(std::string_view(readBuffer_.data(), static_cast<std::size_t>(n)));
      if (stream.response.failed()) {
        end(stream, "bad_response");
        return;
      }
      onBody(stream);
      if (stream.fd < 0) return;
      if (static_cast<std::size_t>(n) < readBuffer_.size()) return;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    if (stream.state == Stream::State::head && n == 0) {
      // A refusal framed by the end of the connection.
      stream.response.connectionClosed();
      if (stream.response.complete()) {
        end(stream, httpKind(stream.response.status()));
        return;
      }
    }
    end(stream, "closed");
    return;
  }
}

void SubscriberStreams::onBody(Stream& stream) {
  ResponseParser& response = stream.response;
  if (!response.headComplete()) return;
  if (stream.state == Stream::State::head) {
    if (response.status() != 200) {
      // A refusal before the stream (bad query, validation): wait for the whole answer
      // so the connection is not cut mid-response, then report its status.
      if (response.complete()) end(stream, httpKind(response.status()));
      return;
    }
    if (!isEventStream(response.contentType())) {
      end(stream, "bad_response");
      return;
    }
    stream.state = Stream::State::open;
    ++openCount_;
    const std::int64_t open = gauge_.open.fetch_add(1) + 1;
    std::uint64_t peak = gauge_.peak.load();
    while (static_cast<std::uint64_t>(open) > peak &&
           !gauge_.peak.compare_exchange_weak(peak, static_cast<std::uint64_t>(open))) {
    }
    opened_(stream.user);
  }
  std::string endKind;
  stream.events.feed(response.bodySoFar(), [&](const ServerSentEvent& event) {
    if (!endKind.empty()) return;
    const PushOutcome outcome = stream.subscriber->handleStreamEvent(event.type, event.data);
    if (event.type == "next") ++stats_.events;
    if (outcome.sentUnixNs >= 0 && outcome.sentUnixNs >= windowStartUnixNs_ &&
        outcome.sentUnixNs < windowEndUnixNs_) {
      const std::int64_t now = unixNowNs();
      stats_.deliveries.recordSuccess(now - outcome.sentUnixNs, now);
    }
    if (!outcome.errorKind.empty()) {
      endKind = outcome.errorKind;
    } else if (outcome.completed) {
      endKind = "completed";
    }
  });
  response.discardBodySoFar();
  if (stream.events.failed()) endKind = "bad_response";
  if (endKind.empty() && response.complete()) endKind = "closed";
  if (!endKind.empty()) end(stream, endKind);
}

void SubscriberStreams::end(Stream& stream, std::string_view kind) {
  const Stream::State was = stream.state;
  if (stream.fd >= 0) ::close(stream.fd);  // also leaves the epoll set
  stream.fd = -1;
  stream.writeWatched = false;
  stream.state = Stream::State::ended;
  ++stream.generation;
  if (was == Stream::State::open) {
    --openCount_;
    gauge_.open.fetch_sub(1);
    if (!kind.empty()) ++stats_.streamErrors[std::string(kind)];
  } else if (was != Stream::State::ended && !kind.empty()) {
    notOpened_(stream.user, kind);
  }
}

void SubscriberStreams::runTimers(std::int64_t nowNs) {
  while (!deadlines_.empty()) {
    const Deadline deadline = deadlines_.front();
    Stream& stream = *streams_[deadline.stream];
    const bool pending =
        stream.generation == deadline.generation &&
        (stream.state == Stream::State::connecting || stream.state == Stream::State::head);
    if (pending && deadline.atNs > nowNs) break;
    deadlines_.pop_front();
    if (pending) end(stream, "timeout");
  }
}

std::int64_t SubscriberStreams::nextDeadlineNs() const {
  return deadlines_.empty() ? std::numeric_limits<std::int64_t>::max() : deadlines_.front().atNs;
}

void SubscriberStreams::setWindow(std::int64_t startUnixNs, std::int64_t endUnixNs) {
  windowStartUnixNs_ = startUnixNs;
  windowEndUnixNs_ = endUnixNs;
}

void SubscriberStreams::markEnd() {
  stats_.subscribersAtEnd = openCount_;
}

void SubscriberStreams::closeAll() {
  for (auto& stream : streams_) {
    if (stream->state != Stream::State::ended) end(*stream, {});
  }
}

PushStats SubscriberStreams::takeStats() {
  PushStats taken = std::move(stats_);
  stats_ = PushStats();
  return taken;
}

}  // namespace mt::load
