#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "InterruptSignals.h"
#include "RunnerPaths.h"

// One run of the experiment driver (tools/experiment-driver) as a child process group:
// its output teed into a log and handed over line by line, a deadline after which the
// whole group is killed, and signals forwarded for an orderly teardown.
namespace mt::experiment::runner {

// run-in-namespace.sh PLAN (private namespaces: everything dies with the driver), or
// for loopback without root `python -B driver.py PLAN`.
std::vector<std::string> driverCommand(const RunnerPaths& paths, bool inNamespace,
                                       const std::filesystem::path& planPath);

struct DriverLimits {
  // From the start; then the group gets SIGKILL (in a namespace that takes every host,
  // link and process of the run with it).
  std::chrono::milliseconds deadline{std::chrono::minutes(10)};
  // After a forwarded signal: how long the driver may take to tear down.
  std::chrono::milliseconds teardownGrace{std::chrono::seconds(90)};
};

struct DriverResult {
  int exitCode = -1;              // the driver's, or 128 + the signal that ended it
  bool killedAtDeadline = false;  // the runner killed it: past DriverLimits::deadline
  bool killedAfterGrace = false;  // the runner killed it: no teardown within the grace
  int interruptedBy = 0;          // the signal the runner received and forwarded, or 0
  std::string errorLine;          // the driver's last "driver: error: …", without prefix
  double wallSeconds = 0;
};

struct DriverCallbacks {
  std::function<void(const std::string& line)> onLine;  // each output line
  std::function<void()> onTick;                         // about once a second
  std::function<void(pid_t group)> onStarted;           // the driver's process group
};

// Starts `argv` in a session of its own (so a terminal's Ctrl-C reaches only the
// runner, which forwards it), with SIGKILL as its parent-death signal (a SIGKILLed
// runner takes the driver along), and waits for it. Output goes to `logPath`.
// Throws std::runtime_error when it cannot start it.
DriverResult runDriver(const std::vector<std::string>& argv, const std::filesystem::path& logPath,
                       const DriverLimits& limits, const InterruptSignals& signals,
                       const DriverCallbacks& callbacks);

}  // namespace mt::experiment::runner
