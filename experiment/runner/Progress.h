#pragma once

#include <chrono>
#include <iosfwd>
#include <string>
#include <vector>

// The progress display on stderr: which point (i/n and what it sets), which
// repetition, what the driver is doing, time elapsed and an estimate of what is left.
// On a terminal one status line is redrawn in place; elsewhere (a log, CI) one line per
// change of state.
namespace mt::experiment::runner {

struct ProgressRun {
  std::string point;        // "p01"
  std::string assignments;  // "servers.instances=2, workload.users_per_host=5" or ""
  int pointNumber = 1;      // 1-based
  int pointCount = 1;
  int repetition = 1;
  int repetitions = 1;
  double measuredSeconds = 0;  // warm-up + duration: what no run can be shorter than
};

// "1:05", "12:00:03".
std::string clockText(double seconds);

class Progress {
 public:
  // `runs`: every run in order. `setUpGuess`: seconds a run needs beyond its warm-up
  // and duration (network, database, servers, teardown) until one was measured.
  Progress(std::ostream& out, bool terminal, std::vector<ProgressRun> runs, double setUpGuess);

  void runStarted(std::size_t index);
  // A line of the driver's output ("driver: starting 2 server(s)").
  void driverLine(const std::string& line);
  void tick();
  void runFinished(const std::string& outcome, double wallSeconds);
  // A line that stays (warnings, notes), between the status lines.
  void note(const std::string& text);
  void finish();

  // Seconds left by the estimate, from now.
  double remainingSeconds() const;

 private:
  std::string statusText(std::size_t index) const;
  void show(bool permanent);
  double setUpEstimate() const;

  std::ostream& out_;
  bool terminal_;
  std::vector<ProgressRun> runs_;
  double setUpGuess_;
  std::chrono::steady_clock::time_point began_;
  std::chrono::steady_clock::time_point runBegan_;
  std::size_t current_ = 0;
  bool running_ = false;
  std::string phase_;
  double setUpSum_ = 0;
  int setUpCount_ = 0;
  bool statusShown_ = false;
};

}  // namespace mt::experiment::runner
