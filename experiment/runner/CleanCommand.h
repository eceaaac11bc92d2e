#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "RunnerPaths.h"

// What killed runs leave behind, and its removal (`minitwitter-experiment clean`, and
// quietly at the start of every run). In a namespace a killed run leaves nothing but
// its state file; a loopback driver outside one leaves its scratch folder
// (driver.py clean removes those of dead drivers).
namespace mt::experiment::runner {

// For each recorded run whose runner is gone: SIGKILL to its driver's process group if
// that still lives, then its state file. Then `driver.py clean`. One line per thing
// removed; `problems` gets what could not be done.
std::vector<std::string> cleanStaleRuns(const RunnerPaths& paths,
                                        std::vector<std::string>& problems);

// The command: prints what it removed (or that nothing was left); 0, or 1 on a problem.
int cleanCommand(const RunnerPaths& paths, std::ostream& out, std::ostream& err);

}  // namespace mt::experiment::runner
