#include "EngineThread.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <system_error>

namespace mt::load {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
// Backoff entries name users with this bit set, connections without.
constexpr std::uint32_t kUserBit = 0x8000'0000U;
constexpr int kSetupAttempts = 5;
constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kSetupBackoffNs = 100 * kMs;
constexpr std::int64_t kConnectBackoffNs = 20 * kMs;
constexpr std::int64_t kMaxBackoffNs = 1000 * kMs;
constexpr std::size_t kReadBufferBytes = 64 * 1024;
constexpr int kEventsPerPoll = 256;
// After the last request, subscribers keep reading this long so the pushes of the
// last tweets (sent in the measured phase) arrive.
constexpr std::int64_t kPushLingerNs = 500 * kMs;

std::int64_t backoff(std::int64_t base, int failures) {
  const int shift = std::min(failures, 10);
  return std::min(kMaxBackoffNs, base << shift);
}

}  // namespace

struct EngineThread::Connection {
  enum class State { closed, connecting, idle, busy, backoff };

  int fd = -1;
  std::size_t target = 0;
  State state = State::closed;
  ResponseParser parser;
  std::string out;
  std::size_t sent = 0;
  std::uint32_t user = kNone;
  std::uint64_t generation = 0;  // per request: stale deadlines are recognised
  bool reused = false;           // has answered before: its close may be a stale keep-alive
  bool writeWatched = false;
  bool answering = false;  // bytes of the current response arrived
  int connectFailures = 0;
};

struct EngineThread::User {
  enum class State { setup, free, waiting, busy, thinking, subscribing, streaming, done };

  std::unique_ptr<VirtualUser> virtualUser;
  std::size_t target = 0;
  State state = State::setup;
  bool inSetup = true;
  Request request;
  std::int64_t dueNs = 0;
  bool resent = false;  // already resent once after a stale keep-alive connection
  int setupFailures = 0;
};

EngineThread::EngineThread(const LoadSettings& settings, std::int64_t thinkTimeNs,
                           const std::vector<Target>& targets, const Scenario& scenario,
                           Assignment assignment, RunControl& control)
    : settings_(settings),
      thinkTimeNs_(thinkTimeNs),
      targets_(targets),
      control_(control),
      assignment_(std::move(assignment)),
      epoll_(epoll_create1(EPOLL_CLOEXEC)),
      idle_(targets.size()),
      closed_(targets.size()),
      waiting_(targets.size()),
      readBuffer_(kReadBufferBytes),
      streams_(
          epoll_, targets, settings.timeoutNs, control.streams,
          [this](std::uint32_t u) { streamOpened(u); },
          [this](std::uint32_t u, std::string_view kind) {
            users_[u]->state = User::State::setup;
            finishSetupStep(u, kind, steadyNowNs());
          }) {
  if (epoll_ < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1");
  for (std::size_t i = 0; i < assignment_.users.size(); ++i) {
    auto user = std::make_unique<User>();
    user->virtualUser = scenario.makeUser(assignment_.users[i]);
    user->target = assignment_.userTargets[i];
    users_.push_back(std::move(user));
  }
  for (std::size_t target = 0; target < assignment_.connections.size(); ++target) {
    for (std::size_t n = 0; n < assignment_.connections[target]; ++n) {
      auto connection = std::make_unique<Connection>();
      connection->target = target;
      closed_[target].push_back(static_cast<std::uint32_t>(connections_.size()));
      connections_.push_back(std::move(connection));
    }
  }
  if (settings_.loop == LoopKind::open && settings_.ratePerSecond > 0 &&
      assignment_.arrivalThreads > 0) {
    // Each thread takes every arrivalThreads-th arrival of the process's schedule.
    arrivalIntervalNs_ =
        static_cast<std::int64_t>(1e9 * assignment_.arrivalThreads / settings_.ratePerSecond);
    arrivalIntervalNs_ = std::max<std::int64_t>(arrivalIntervalNs_, 1);
  }
}

EngineThread::~EngineThread() {
  for (std::size_t i = 0; i < connections_.size(); ++i)
    closeSocket(static_cast<std::uint32_t>(i));
  if (epoll_ >= 0) ::close(epoll_);
}

void EngineThread::run() {
  try {
    setUp();
    progress_.setupDone.store(true);
    {
      std::unique_lock lock(control_.mutex);
      control_.goSignal.wait(lock, [this] { return control_.go; });
    }
    runMeasured();
    drain();
  } catch (const std::exception& error) {
    std::lock_guard lock(errorMutex_);
    fatalError_ = error.what();
  }
  progress_.setupDone.store(true);
  progress_.finished.store(true);
}

std::map<std::string, OperationStats> EngineThread::takeStats() {
  std::map<std::string, OperationStats> result;
  for (auto& [name, stats] : stats_)
    result[std::string(name)].merge(stats);
  stats_.clear();
  return result;
}

std::string EngineThread::lastSetupError() const {
  std::lock_guard lock(errorMutex_);
  return lastSetupError_;
}

std::string EngineThread::fatalError() const {
  std::lock_guard lock(errorMutex_);
  return fatalError_;
}

// --- phases ---------------------------------------------------------------------

void EngineThread::setUp() {
  phase_ = Phase::setup;
  setupPending_ = users_.size();
  const std::int64_t now = steadyNowNs();
  for (std::uint32_t u = 0; u < users_.size(); ++u)
    finishSetupStep(u, {}, now);  // asks for the first step; done at once without one
  while (setupPending_ > 0 && !control_.stop.load(std::memory_order_relaxed))
    pollOnce(std::numeric_limits<std::int64_t>::max());
}

void EngineThread::runMeasured() {
  phase_ = Phase::running;
  const std::int64_t start = control_.runStartNs;
  streams_.setWindow(control_.anchor.toUnix(control_.measureStartNs),
                     control_.anchor.toUnix(control_.measureEndNs));
  if (settings_.loop == LoopKind::open) {
    nextArrivalNs_ = start + arrivalIntervalNs_ * assignment_.arrivalIndex /
                                 std::max(1U, assignment_.arrivalThreads);
    for (std::uint32_t u = 0; u < users_.size(); ++u) {
      if (users_[u]->state == User::State::free) freeUsers_.push_back(u);
    }
  }
  const timespec at{static_cast<time_t>(start / 1'000'000'000),
                    static_cast<long>(start % 1'000'000'000)};
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, nullptr) == EINTR) {
  }
  if (settings_.loop == LoopKind::closed) {
    for (std::uint32_t u = 0; u < users_.size(); ++u) {
      if (users_[u]->state == User::State::free) startRequest(u, start);
    }
  }
  while (issuing())
    pollOnce(control_.measureEndNs);
}

void EngineThread::drain() {
  phase_ = Phase::draining;
  const std::int64_t end = std::min(steadyNowNs(), control_.measureEndNs);
  // Requests still waiting for a connection were never sent. In open loop they and
  // the backlog were due: they count, with the latency they had reached at the end,
  // so an overloaded server shows up instead of vanishing from the results.
  for (auto& queue : waiting_) {
    for (std::uint32_t u : queue) {
      User& user = *users_[u];
      if (settings_.loop == LoopKind::open && !user.inSetup) record(user, "not_sent", end);
      user.state = User::State::free;
      --inFlight_;
    }
    queue.clear();
  }
  for (std::int64_t due : backlog_) {
    // No user ever made these requests: they count under an operation of their own.
    User placeholder;
    placeholder.request.operation = "unsent";
    placeholder.dueNs = due;
    record(placeholder, "not_sent", end);
  }
  backlog_.clear();
  while (inFlight_ > 0)
    pollOnce(std::numeric_limits<std::int64_t>::max());
  lingerForPushes();
}

void EngineThread::lingerForPushes() {
  streams_.markEnd();
  if (streams_.openCount() == 0) return;
  const std::int64_t until = steadyNowNs() + kPushLingerNs;
  while (steadyNowNs() < until && streams_.openCount() > 0)
    pollOnce(until);
  streams_.closeAll();
}

bool EngineThread::issuing() const {
  if (phase_ != Phase::running) return phase_ == Phase::setup;
  return !control_.stop.load(std::memory_order_relaxed) && !control_.limitReached() &&
         steadyNowNs() < control_.measureEndNs;
}

// --- the loop -------------------------------------------------------------------

std::int64_t EngineThread::nextWakeNs() const {
  std::int64_t next = std::numeric_limits<std::int64_t>::max();
  if (!timeouts_.empty()) next = std::min(next, timeouts_.front().atNs);
  if (!thinking_.empty()) next = std::min(next, thinking_.front().atNs);
  if (!backoffs_.empty()) next = std::min(next, backoffs_.top().atNs);
  next = std::min(next, streams_.nextDeadlineNs());
  if (phase_ == Phase::running && arrivalIntervalNs_ > 0) next = std::min(next, nextArrivalNs_);
  return next;
}

void EngineThread::pollOnce(std::int64_t untilNs) {
  epoll_event events[kEventsPerPoll];
  const std::int64_t now = steadyNowNs();
  std::int64_t wake = std::min(nextWakeNs(), untilNs);
  // Bounded so a stop request (Ctrl-C) is seen within 100 ms.
  wake = std::min(wake, now + 100 * kMs);
  const std::int64_t waitNs = std::max<std::int64_t>(0, wake - now);
  timespec timeout{static_cast<time_t>(waitNs / 1'000'000'000),
                   static_cast<long>(waitNs % 1'000'000'000)};
  const int ready = epoll_pwait2(epoll_, events, kEventsPerPoll, &timeout, nullptr);
  if (ready < 0 && errno != EINTR) {
    throw std::system_error(errno, std::generic_category(), "epoll_pwait2");
  }
  for (int i = 0; i < ready; ++i) {
    const std::uint64_t tag = events[i].data.u64;
    if ((tag & SubscriberStreams::kStreamTag) != 0) {
      streams_.handleEvent(static_cast<std::uint32_t>(tag), events[i].events);
    } else {
      handleEvent(static_cast<std::uint32_t>(tag), events[i].events);
    }
  }
  const std::int64_t after = steadyNowNs();
  streams_.runTimers(after);
  runTimers(after);
  if (phase_ == Phase::running) runArrivals(after);
  sendReady();
}

void EngineThread::sendReady() {
  // A closed-loop user whose response was read in this pass becomes due once the pass
  // has handled every event it woke for, and each at its own turn, as in wrk: the
  // engine's own work on other connections (reading theirs, writing theirs) is then in
  // no latency, and the two tools measure the same interval. Open-loop requests are
  // unaffected: they are due at their scheduled arrival.
  for (std::uint32_t u : ready_) {
    if (issuing()) {
      startRequest(u, steadyNowNs());
    } else {
      users_[u]->state = User::State::free;
    }
  }
  ready_.clear();
}

void EngineThread::runTimers(std::int64_t now) {
  // One fixed timeout makes the deadlines sorted by send time; answered requests leave
  // stale entries, dropped from the front as soon as they are stale so the queue stays
  // about as long as the number of requests in flight.
  while (!timeouts_.empty()) {
    const Deadline deadline = timeouts_.front();
    Connection& connection = *connections_[deadline.index];
    const bool pending = (connection.state == Connection::State::busy ||
                          connection.state == Connection::State::connecting) &&
                         connection.generation == deadline.generation;
    if (pending && deadline.atNs > now) break;
    timeouts_.pop_front();
    if (pending) failTransport(deadline.index, "timeout");
  }
  while (!thinking_.empty() && thinking_.front().atNs <= now) {
    const Deadline wake = thinking_.front();
    thinking_.pop_front();
    if (issuing()) {
      startRequest(wake.index, wake.atNs);
    } else {
      users_[wake.index]->state = User::State::free;
    }
  }
  while (!backoffs_.empty() && backoffs_.top().atNs <= now) {
    const Deadline wake = backoffs_.top();
    backoffs_.pop();
    if ((wake.index & kUserBit) != 0) {
      finishSetupStep(wake.index & ~kUserBit, {}, now);
    } else {
      connections_[wake.index]->state = Connection::State::closed;
      releaseConnection(wake.index);
    }
  }
}

void EngineThread::runArrivals(std::int64_t now) {
  while (arrivalIntervalNs_ > 0 && nextArrivalNs_ <= now && issuing() &&
         nextArrivalNs_ < control_.measureEndNs) {
    const std::int64_t due = nextArrivalNs_;
    nextArrivalNs_ += arrivalIntervalNs_;
    if (freeUsers_.empty()) {
      backlog_.push_back(due);
    } else {
      const std::uint32_t user = freeUsers_.back();
      freeUsers_.pop_back();
      startRequest(user, due);
    }
  }
}

// --- requests -------------------------------------------------------------------

void EngineThread::startRequest(std::uint32_t u, std::int64_t dueNs) {
  User& user = *users_[u];
  user.dueNs = dueNs;
  user.resent = false;
  if (!user.inSetup) user.request = user.virtualUser->nextRequest();
  user.state = User::State::waiting;
  ++inFlight_;
  dispatch(u);
}

void EngineThread::dispatch(std::uint32_t u) {
  const std::size_t target = users_[u]->target;
  if (!idle_[target].empty()) {
    const std::uint32_t c = idle_[target].back();
    idle_[target].pop_back();
    sendOn(c, u);
  } else if (!closed_[target].empty()) {
    const std::uint32_t c = closed_[target].back();
    closed_[target].pop_back();
    connectFor(c, u);
  } else {
    waiting_[target].push_back(u);
  }
}

void EngineThread::sendOn(std::uint32_t c, std::uint32_t u) {
  Connection& connection = *connections_[c];
  User& user = *users_[u];
  const Target& target = targets_[connection.target];
  connection.out.clear();
  connection.sent = 0;
  if (target.pathPrefix.empty()) {
    appendRequest(connection.out, user.request.http, target.hostHeader);
  } else {
    HttpRequest prefixed = user.request.http;
    prefixed.target = target.pathPrefix + prefixed.target;
    appendRequest(connection.out, prefixed, target.hostHeader);
  }
  if (user.request.http.method == "HEAD") connection.parser.expectNoBody();
  connection.user = u;
  connection.answering = false;
  user.state = User::State::busy;
  if (connection.state == Connection::State::connecting) {
    return;  // sent once the connection is up (flush on writable)
  }
  connection.state = Connection::State::busy;
  ++connection.generation;
  timeouts_.push_back({steadyNowNs() + settings_.timeoutNs, c, connection.generation});
  flush(c);
}

void EngineThread::connectFor(std::uint32_t c, std::uint32_t u) {
  Connection& connection = *connections_[c];
  const Target& target = targets_[connection.target];
  connection.fd =
      ::socket(target.address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP);
  if (connection.fd < 0) throw std::system_error(errno, std::generic_category(), "socket");
  const int one = 1;
  ::setsockopt(connection.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  connection.parser.reset();
  connection.reused = false;
  connection.writeWatched = false;
  connection.state = Connection::State::connecting;
  ++connection.generation;
  timeouts_.push_back({steadyNowNs() + settings_.timeoutNs, c, connection.generation});
  sendOn(c, u);  // prepares the bytes; they go once connected
  const int status = ::connect(connection.fd, reinterpret_cast<const sockaddr*>(&target.address),
                               target.addressLength);
  if (status < 0 && errno != EINPROGRESS) {
    failTransport(c, "connect");
    return;
  }
  epoll_event event{};
  event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP;
  event.data.u64 = c;
  if (epoll_ctl(epoll_, EPOLL_CTL_ADD, connection.fd, &event) < 0) {
    throw std::system_error(errno, std::generic_category(), "epoll_ctl");
  }
  connection.writeWatched = true;
}

void EngineThread::watch(std::uint32_t c, bool wantWrite) {
  Connection& connection = *connections_[c];
  if (connection.writeWatched == wantWrite) return;
  epoll_event event{};
  event.events = EPOLLIN | EPOLLRDHUP | (wantWrite ? EPOLLOUT : 0U);
  event.data.u64 = c;
  if (epoll_ctl(epoll_, EPOLL_CTL_MOD, connection.fd, &event) < 0) {
    throw std::system_error(errno, std::generic_category(), "epoll_ctl");
  }
  connection.writeWatched = wantWrite;
}

void EngineThread::flush(std::uint32_t c) {
  Connection& connection = *connections_[c];
  while (connection.sent < connection.out.size()) {
    const ssize_t n = ::send(connection.fd, connection.out.data() + connection.sent,
                             connection.out.size() - connection.sent, MSG_NOSIGNAL);
    if (n > 0) {
      connection.sent += static_cast<std::size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      watch(c, true);
      return;
    } else {
      // The peer closed a kept-alive connection before our request: a reused
      // connection's request may be resent (readFrom decides on the next event).
      failTransport(c, "closed");
      return;
    }
  }
  watch(c, false);
}

void EngineThread::handleEvent(std::uint32_t c, std::uint32_t events) {
  Connection& connection = *connections_[c];
  if (connection.fd < 0) return;
  if (connection.state == Connection::State::connecting) {
    if ((events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) == 0) return;
    int error = 0;
    socklen_t length = sizeof error;
    ::getsockopt(connection.fd, SOL_SOCKET, SO_ERROR, &error, &length);
    if (error != 0 || (events & (EPOLLERR | EPOLLHUP)) != 0) {
      failTransport(c, "connect");
      return;
    }
    connection.connectFailures = 0;
    connection.state = Connection::State::busy;
    flush(c);
    return;
  }
  if ((events & EPOLLOUT) != 0 && connection.state == Connection::State::busy) {
    flush(c);
    if (connection.fd < 0) return;
  }
  if ((events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) != 0) readFrom(c);
}

void EngineThread::readFrom(std::uint32_t c) {
  Connection& connection = *connections_[c];
  for (;;) {
    const ssize_t n = ::recv(connection.fd, readBuffer_.data(), readBuffer_.size(), 0);
    if (n > 0) {
      if (connection.state != Connection::State::busy) {
        retireIdle(c);  // bytes nobody asked for: the connection's framing is lost
        return;
      }
      connection.answering = true;
      const std::string_view input(readBuffer_.data(), static_cast<std::size_t>(n));
      const std::size_t used = connection.parser.feed(input);
      if (connection.parser.failed()) {
        failTransport(c, "bad_response");
        return;
      }
      if (connection.parser.complete()) {
        // Bytes beyond the response answer nothing we asked: the stream is broken.
        completeResponse(c, /*forceClose=*/used < input.size());
        return;
      }
      if (static_cast<std::size_t>(n) < readBuffer_.size()) return;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    // End of stream or reset.
    if (connection.state == Connection::State::busy) {
      if (n == 0) connection.parser.connectionClosed();
      if (n == 0 && connection.parser.complete()) {
        completeResponse(c, /*forceClose=*/true);
      } else {
        failTransport(c, "closed");
      }
      return;
    }
    retireIdle(c);  // the server closed an idle keep-alive connection
    return;
  }
}

void EngineThread::retireIdle(std::uint32_t c) {
  Connection& connection = *connections_[c];
  closeSocket(c);
  connection.state = Connection::State::closed;
  auto& idle = idle_[connection.target];
  idle.erase(std::remove(idle.begin(), idle.end(), c), idle.end());
  releaseConnection(c);  // connects afresh when a user needs it
}

void EngineThread::completeResponse(std::uint32_t c, bool forceClose) {
  Connection& connection = *connections_[c];
  const std::uint32_t u = connection.user;
  User& user = *users_[u];
  const HttpResponse response{connection.parser.status(), connection.parser.contentType(),
                              connection.parser.body()};
  const Outcome outcome = user.virtualUser->handleResponse(response);
  const std::int64_t now = steadyNowNs();
  const bool keepAlive = connection.parser.keepAlive() && !forceClose;
  connection.user = kNone;
  connection.reused = true;
  connection.parser.reset();
  if (keepAlive) {
    connection.state = Connection::State::idle;
  } else {
    closeSocket(c);
    connection.state = Connection::State::closed;
  }
  // The connection goes to the longest-waiting user before this one asks again.
  releaseConnection(c);
  finish(u, outcome.errorKind, now);
}

void EngineThread::failTransport(std::uint32_t c, const char* kind) {
  Connection& connection = *connections_[c];
  const std::uint32_t u = connection.user;
  const bool stale = connection.reused && !connection.answering && std::strcmp(kind, "closed") == 0;
  const bool connectFailed = std::strcmp(kind, "connect") == 0;
  closeSocket(c);
  connection.user = kNone;
  connection.parser.reset();
  if (connectFailed) {
    connection.state = Connection::State::backoff;
    backoffs_.push({steadyNowNs() + backoff(kConnectBackoffNs, connection.connectFailures), c, 0});
    ++connection.connectFailures;
  } else {
    connection.state = Connection::State::closed;
    releaseConnection(c);
  }
  if (u == kNone) return;
  User& user = *users_[u];
  if (stale && !user.resent) {
    // The server closed a kept-alive connection as our request went out (its idle
    // timeout): nothing was processed, so the request is resent once on a fresh one,
    // as browsers do, instead of counting an error the server did not make.
    user.resent = true;
    user.state = User::State::waiting;
    dispatch(u);
    return;
  }
  user.virtualUser->handleFailure(kind);
  finish(u, kind, steadyNowNs());
}

void EngineThread::closeSocket(std::uint32_t c) {
  Connection& connection = *connections_[c];
  if (connection.fd < 0) return;
  ::close(connection.fd);  // also removes it from the epoll set
  connection.fd = -1;
  connection.writeWatched = false;
  ++connection.generation;
}

void EngineThread::releaseConnection(std::uint32_t c) {
  Connection& connection = *connections_[c];
  auto& queue = waiting_[connection.target];
  if (!queue.empty() && (connection.state == Connection::State::idle ||
                         connection.state == Connection::State::closed)) {
    const std::uint32_t u = queue.front();
    queue.pop_front();
    if (connection.state == Connection::State::idle) {
      sendOn(c, u);
    } else {
      connectFor(c, u);
    }
    return;
  }
  if (connection.state == Connection::State::idle) {
    idle_[connection.target].push_back(c);
  } else if (connection.state == Connection::State::closed) {
    closed_[connection.target].push_back(c);
  }
}

// --- outcomes -------------------------------------------------------------------

void EngineThread::finish(std::uint32_t u, std::string_view errorKind, std::int64_t now) {
  User& user = *users_[u];
  --inFlight_;
  if (user.inSetup) {
    finishSetupStep(u, errorKind, now);
    return;
  }
  record(user, errorKind, now);
  progress_.completed.fetch_add(1, std::memory_order_relaxed);
  if (!errorKind.empty()) progress_.errors.fetch_add(1, std::memory_order_relaxed);
  proceed(u, now);
}

void EngineThread::finishSetupStep(std::uint32_t u, std::string_view errorKind, std::int64_t now) {
  User& user = *users_[u];
  if (!errorKind.empty()) {
    {
      std::lock_guard lock(errorMutex_);
      lastSetupError_ = std::string(errorKind);
    }
    if (++user.setupFailures >= kSetupAttempts) {
      user.state = User::State::done;
      --setupPending_;
      progress_.usersFailed.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    user.state = User::State::setup;
    backoffs_.push({now + backoff(kSetupBackoffNs, user.setupFailures - 1), u | kUserBit, 0});
    return;
  }
  if (control_.stop.load(std::memory_order_relaxed)) {
    user.state = User::State::done;
    --setupPending_;
    return;
  }
  std::optional<Request> step = user.virtualUser->nextSetupRequest();
  if (!step) {
    if (std::optional<Request> subscription = user.virtualUser->subscription()) {
      subscribe(u, std::move(*subscription));
      return;
    }
    user.inSetup = false;
    user.state = User::State::free;
    --setupPending_;
    progress_.usersReady.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  user.request = std::move(*step);
  user.dueNs = now;
  user.resent = false;
  user.state = User::State::waiting;
  ++inFlight_;
  dispatch(u);
}

void EngineThread::subscribe(std::uint32_t u, Request request) {
  User& user = *users_[u];
  user.state = User::State::subscribing;
  user.request = std::move(request);
  streams_.open(u, *user.virtualUser, user.target, user.request.http);
}

void EngineThread::streamOpened(std::uint32_t u) {
  User& user = *users_[u];
  user.inSetup = false;
  user.state = User::State::streaming;
  --setupPending_;
  progress_.usersReady.fetch_add(1, std::memory_order_relaxed);
}

void EngineThread::record(const User& user, std::string_view errorKind, std::int64_t now) {
  if (user.dueNs < control_.measureStartNs) return;  // warm-up
  if (control_.requestLimit > 0 &&
      control_.tickets.fetch_add(1, std::memory_order_relaxed) >= control_.requestLimit) {
    return;
  }
  const std::string_view operation = user.request.operation;
  auto it = std::find_if(stats_.begin(), stats_.end(), [&](const auto& entry) {
    return entry.first.data() == operation.data() || entry.first == operation;
  });
  if (it == stats_.end()) {
    stats_.emplace_back(operation, OperationStats());
    it = std::prev(stats_.end());
  }
  const std::int64_t latency = now - user.dueNs;
  const std::int64_t unixNs = control_.anchor.toUnix(now);
  if (errorKind.empty()) {
    it->second.recordSuccess(latency, unixNs);
  } else {
    it->second.recordError(errorKind, latency, unixNs);
  }
}

void EngineThread::proceed(std::uint32_t u, std::int64_t now) {
  User& user = *users_[u];
  user.state = User::State::free;
  if (!issuing()) return;
  if (settings_.loop == LoopKind::closed) {
    if (thinkTimeNs_ > 0) {
      user.state = User::State::thinking;
      thinking_.push_back({now + thinkTimeNs_, u, 0});
    } else {
      ready_.push_back(u);  // sent at the end of this pass: see sendReady()
    }
    return;
  }
  if (!backlog_.empty()) {
    const std::int64_t due = backlog_.front();
    backlog_.pop_front();
    startRequest(u, due);
  } else {
    freeUsers_.push_back(u);
  }
}

}  // namespace mt::load
