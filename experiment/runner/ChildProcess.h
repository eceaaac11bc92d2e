#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Child processes of the runner and the report: short commands whose output we want
// (versions, prerequisite probes, `driver.py clean`, gnuplot with its script on stdin),
// and the exit status of any child.
namespace mt::experiment::runner {

struct CommandOutput {
  int exitCode = -1;   // 128 + signal when killed; -1 when it could not be started (not
                       // found, or exec failed)
  std::string output;  // stdout and stderr, interleaved as written
  bool timedOut = false;
};

// Runs argv[0] (a path, or a name looked up in PATH) with `input` on its stdin (when
// empty: /dev/null) and waits at most `timeout`; a command still running then is killed
// with its process group (it runs in a group of its own). Input of any size is written
// while the output is read, and a command that exits without reading all of it is no
// error here: only its exit code tells.
CommandOutput captureCommand(const std::vector<std::string>& argv,
                             std::chrono::milliseconds timeout = std::chrono::seconds(20),
                             std::string_view input = {});

// The first line of `text`, without its newline and surrounding blanks.
std::string firstLine(const std::string& text);

// A wait status as an exit code: the code itself, or 128 + the signal's number.
int exitCodeOf(int waitStatus);

// Whether an executable file is at `path`.
bool isExecutable(const std::string& path);

// The first executable `name` in PATH and then the sbin folders (tools like brctl
// live there, and a user's PATH often lacks them), or nothing.
std::optional<std::string> findProgram(const std::string& name);

}  // namespace mt::experiment::runner
