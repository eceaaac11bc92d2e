#pragma once

#include <csignal>

// SIGINT, SIGTERM and SIGHUP, caught while a run is in progress: the runner forwards
// them to the driver and waits for its teardown instead of dying at once and leaving
// a half-torn-down experiment behind.
namespace mt::experiment::runner {

class InterruptSignals {
 public:
  // Installs the handlers (one instance at a time); the destructor restores the old ones.
  InterruptSignals();
  ~InterruptSignals();
  InterruptSignals(const InterruptSignals&) = delete;
  InterruptSignals& operator=(const InterruptSignals&) = delete;

  // Readable once a signal arrived (a self-pipe: poll() it with the driver's output).
  int fd() const;
  // The first signal caught, 0 when none.
  int received() const;
  // Empties the pipe (the signal stays recorded).
  void drain() const;

 private:
  struct sigaction previous_[3];
};

}  // namespace mt::experiment::runner
