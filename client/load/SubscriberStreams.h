#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "EventStreamParser.h"
#include "PushStats.h"
#include "ResponseParser.h"
#include "Scenario.h"
#include "Target.h"

namespace mt::load {

// The event streams of one engine thread's subscribers: a connection each, opened
// when the subscriber's set-up is done and held to the end of the run, read as it
// arrives (ResponseParser for the HTTP framing, EventStreamParser for the events),
// each event handed to the subscriber, each stamped tweet it reports recorded as a
// delivery. Streams are not reopened once they end: a drop is counted, not hidden.
//
// Shares the engine's epoll set: events whose tag has kStreamTag belong here.
// Loop thread only, except the shared counters in `Gauge`.
class SubscriberStreams {
 public:
  static constexpr std::uint64_t kStreamTag = std::uint64_t{1} << 32;

  // Streams open across the process's threads, and the most at once.
  struct Gauge {
    std::atomic<std::int64_t> open{0};
    std::atomic<std::uint64_t> peak{0};
  };
  // The stream of `user` is open: 200 with an event stream.
  using Opened = std::function<void(std::uint32_t user)>;
  // The stream of `user` failed before it opened (`kind` as Outcome's error kinds).
  using NotOpened = std::function<void(std::uint32_t user, std::string_view kind)>;

  SubscriberStreams(int epoll, const std::vector<Target>& targets, std::int64_t timeoutNs,
                    Gauge& gauge, Opened opened, NotOpened notOpened);
  ~SubscriberStreams();
  SubscriberStreams(const SubscriberStreams&) = delete;
  SubscriberStreams& operator=(const SubscriberStreams&) = delete;

  // Opens `user`'s stream to `target` with `request`; `subscriber` (non-owning) reads
  // its events. Ends in exactly one Opened or NotOpened call.
  void open(std::uint32_t user, VirtualUser& subscriber, std::size_t target,
            const HttpRequest& request);
  void handleEvent(std::uint32_t index, std::uint32_t events);
  // Streams whose head did not come in time fail with "timeout".
  void runTimers(std::int64_t nowNs);
  // The earliest deadline, or INT64_MAX.
  std::int64_t nextDeadlineNs() const;

  // Deliveries of tweets sent in [startUnixNs, endUnixNs) are recorded.
  void setWindow(std::int64_t startUnixNs, std::int64_t endUnixNs);
  // Notes how many streams are open: the measured phase has ended.
  void markEnd();
  // Closes every stream (the run is over); they count as held to the end.
  void closeAll();

  std::size_t openCount() const { return openCount_; }
  // This thread's share; the peak is the caller's to fill in (from the Gauge).
  PushStats takeStats();

 private:
  struct Stream;

  void connected(Stream& stream);
  void flush(Stream& stream);
  void read(Stream& stream);
  void onBody(Stream& stream);
  // Ends the stream with `kind`: before it opened, NotOpened; after, a stream error.
  // An empty kind (the run is over) reports nothing.
  void end(Stream& stream, std::string_view kind);
  void watch(Stream& stream, bool wantWrite);

  const int epoll_;  // non-owning: the engine's
  const std::vector<Target>& targets_;
  const std::int64_t timeoutNs_;
  Gauge& gauge_;
  Opened opened_;
  NotOpened notOpened_;
  std::vector<std::unique_ptr<Stream>> streams_;
  std::unordered_map<std::uint32_t, std::uint32_t> streamOfUser_;
  struct Deadline {
    std::int64_t atNs;
    std::uint32_t stream;
    std::uint64_t generation;
  };
  std::deque<Deadline> deadlines_;  // sorted: one fixed timeout
  std::vector<char> readBuffer_;
  std::int64_t windowStartUnixNs_;
  std::int64_t windowEndUnixNs_;
  std::size_t openCount_ = 0;
  PushStats stats_;
};

}  // namespace mt::load
