#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <queue>
#include <string>
#include <vector>

#include "Clock.h"
#include "LoadSettings.h"
#include "OperationStats.h"
#include "ResponseParser.h"
#include "Scenario.h"
#include "SubscriberStreams.h"
#include "Target.h"

namespace mt::load {

// What the coordinator and every engine thread share.
struct RunControl {
  // Ends the run early (Ctrl-C): threads stop issuing and drain what is in flight.
  std::atomic<bool> stop{false};
  // Count mode (requestLimit > 0): tickets handed out at recording; exactly
  // requestLimit requests are recorded.
  std::uint64_t requestLimit = 0;
  std::atomic<std::uint64_t> tickets{0};

  // Set once, by the coordinator, when every thread has finished its set-up.
  std::mutex mutex;
  std::condition_variable goSignal;
  bool go = false;
  ClockAnchor anchor;
  std::int64_t runStartNs = 0;      // steady: warm-up begins
  std::int64_t measureStartNs = 0;  // steady: recording begins
  std::int64_t measureEndNs = 0;    // steady: no request is due after this
  // Subscribers' streams open across all threads (scenario live).
  SubscriberStreams::Gauge streams;

  bool limitReached() const {
    return requestLimit > 0 && tickets.load(std::memory_order_relaxed) >= requestLimit;
  }
};

// Written by one engine thread, read by the coordinator for the progress line.
struct ThreadProgress {
  std::atomic<std::uint64_t> usersReady{0};
  std::atomic<std::uint64_t> usersFailed{0};
  std::atomic<std::uint64_t> completed{0};  // loop requests answered or failed
  std::atomic<std::uint64_t> errors{0};
  std::atomic<bool> setupDone{false};
  std::atomic<bool> finished{false};
};

// One event loop (epoll) driving a share of the virtual users over its own keep-alive
// connections. Users wait in a FIFO per target for a free connection; latency runs
// from the moment a request was due (closed loop: when the user was ready; open
// loop: its scheduled arrival), so queueing in the client counts too.
class EngineThread {
 public:
  struct Assignment {
    unsigned index = 0;                    // of this thread among `threads`
    unsigned threads = 1;                  // how many engine threads
    std::vector<std::uint64_t> users;      // global user indexes
    std::vector<std::size_t> userTargets;  // target of each user
    std::vector<std::size_t> connections;  // per target
    // Open loop: this thread takes every arrivalThreads-th arrival from the
    // arrivalIndex-th on; arrivalThreads 0: none (it has no users that make requests).
    unsigned arrivalIndex = 0;
    unsigned arrivalThreads = 1;
  };

  EngineThread(const LoadSettings& settings, std::int64_t thinkTimeNs,
               const std::vector<Target>& targets, const Scenario& scenario, Assignment assignment,
               RunControl& control);
  ~EngineThread();
  EngineThread(const EngineThread&) = delete;
  EngineThread& operator=(const EngineThread&) = delete;

  // The thread's whole life: set-up, wait for the go, run, drain. Never throws; a
  // failure of the machinery itself ends up in fatalError().
  void run();

  const ThreadProgress& progress() const { return progress_; }
  std::map<std::string, OperationStats> takeStats();
  // What this thread's subscribers measured (peak and subscriber count not filled in).
  PushStats takePushStats() { return streams_.takeStats(); }
  // Why the last set-up step failed (an error kind), for the message when none could.
  std::string lastSetupError() const;
  std::string fatalError() const;

 private:
  struct Connection;
  struct User;
  struct Deadline {
    std::int64_t atNs;
    std::uint32_t index;
    std::uint64_t generation;
  };
  struct LaterFirst {
    bool operator()(const Deadline& a, const Deadline& b) const { return a.atNs > b.atNs; }
  };
  enum class Phase { setup, running, draining };

  void setUp();
  void runMeasured();
  void drain();
  void pollOnce(std::int64_t untilNs);
  void handleEvent(std::uint32_t connection, std::uint32_t events);
  void runTimers(std::int64_t now);
  void runArrivals(std::int64_t now);
  void sendReady();
  std::int64_t nextWakeNs() const;

  void startRequest(std::uint32_t user, std::int64_t dueNs);
  void dispatch(std::uint32_t user);
  void sendOn(std::uint32_t connection, std::uint32_t user);
  void connectFor(std::uint32_t connection, std::uint32_t user);
  void flush(std::uint32_t connection);
  void readFrom(std::uint32_t connection);
  void completeResponse(std::uint32_t connection, bool forceClose = false);
  void retireIdle(std::uint32_t connection);
  void failTransport(std::uint32_t connection, const char* kind);
  void closeSocket(std::uint32_t connection);
  void releaseConnection(std::uint32_t connection);
  void finish(std::uint32_t user, std::string_view errorKind, std::int64_t now);
  void finishSetupStep(std::uint32_t user, std::string_view errorKind, std::int64_t now);
  void record(const User& user, std::string_view errorKind, std::int64_t now);
  void proceed(std::uint32_t user, std::int64_t now);
  void subscribe(std::uint32_t user, Request request);
  void streamOpened(std::uint32_t user);
  void lingerForPushes();
  bool issuing() const;
  void watch(std::uint32_t connection, bool wantWrite);

  const LoadSettings& settings_;
  const std::int64_t thinkTimeNs_;
  const std::vector<Target>& targets_;
  RunControl& control_;
  Assignment assignment_;
  int epoll_ = -1;
  Phase phase_ = Phase::setup;

  std::vector<std::unique_ptr<User>> users_;
  std::vector<std::unique_ptr<Connection>> connections_;
  std::vector<std::vector<std::uint32_t>> idle_;    // per target: ready sockets
  std::vector<std::vector<std::uint32_t>> closed_;  // per target: may connect
  std::vector<std::deque<std::uint32_t>> waiting_;  // per target: users
  std::deque<Deadline> timeouts_;                   // sorted: one fixed timeout
  std::deque<Deadline> thinking_;                   // sorted: one fixed think time
  std::vector<std::uint32_t> ready_;  // closed loop: users to send for at the end of a pass
  std::priority_queue<Deadline, std::vector<Deadline>, LaterFirst> backoffs_;
  std::uint64_t setupPending_ = 0;
  std::uint64_t inFlight_ = 0;  // users with a request sent or waiting for a connection

  // Open loop.
  std::int64_t arrivalIntervalNs_ = 0;
  std::int64_t nextArrivalNs_ = 0;
  std::deque<std::int64_t> backlog_;  // due times of arrivals no user was free for
  std::vector<std::uint32_t> freeUsers_;

  std::vector<std::pair<std::string_view, OperationStats>> stats_;
  std::vector<char> readBuffer_;
  SubscriberStreams streams_;
  ThreadProgress progress_;
  mutable std::mutex errorMutex_;
  std::string lastSetupError_;
  std::string fatalError_;
};

}  // namespace mt::load
