#pragma once

#include <filesystem>
#include <string>

// What a run takes from the machine: paths, a password, a port, the time.
namespace mt::experiment::app {

// /usr/lib/postgresql/<highest version>/bin, or version 15's when none is installed.
std::string postgresBinDir();
// 24 hex digits from the kernel's random source.
std::string randomPassword();
// A TCP port free on 127.0.0.1 right now (loopback runs' PostgreSQL).
int freeLoopbackPort();
// "2026-11-28T18-00-00Z": a results folder's name, now, in UTC.
std::string timestampFolderName();

}  // namespace mt::experiment::app
