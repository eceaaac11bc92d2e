#include "MachineFacts.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "ChildProcess.h"

namespace mt::experiment::runner {

namespace {

using nlohmann::json;

// The first line a command prints when it succeeds, else null.
json versionOf(const std::vector<std::string>& argv) {
  const CommandOutput result = captureCommand(argv, std::chrono::seconds(20));
  const std::string line = firstLine(result.output);
  if (result.exitCode != 0 || line.empty()) return nullptr;
  return line;
}

json memoryBytes() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  long long kilobytes = 0;
  std::string unit;
  while (meminfo >> key >> kilobytes >> unit) {
    if (key == "MemTotal:") return kilobytes * 1024;
  }
  return nullptr;
}

json osRelease() {
  std::ifstream release("/etc/os-release");
  std::string line;
  while (std::getline(release, line)) {
    if (!line.starts_with("PRETTY_NAME=")) continue;
    std::string value = line.substr(12);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    return value;
  }
  return nullptr;
}

json kernel() {
  utsname names{};
  if (::uname(&names) != 0) return nullptr;
  return {{"system", names.sysname},
          {"release", names.release},
          {"version", names.version},
          {"machine", names.machine}};
}

std::string hostName() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return {};
  return name;
}

std::string compiler() {
#if defined(__clang__)
  return std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
  return std::string("gcc ") + __VERSION__;
#else
  return "unknown";
#endif
}

}  // namespace

json collectMachineFacts(const RunnerPaths& paths, const std::string& postgresBin) {
  const long online = ::sysconf(_SC_NPROCESSORS_ONLN);
  const std::optional<std::string> haproxy = findProgram("haproxy");
  json tools = {
      {"minitwitter", versionOf({paths.serverBinary, "--version"})},
      {"minitwitter-client", versionOf({paths.clientBinary, "--version"})},
      {"postgres", versionOf({postgresBin + "/postgres", "--version"})},
      {"python", versionOf({paths.python, "--version"})},
      {"mininet",
       versionOf({paths.python, "-I", "-c", "import mininet.net; print(mininet.net.VERSION)"})},
      {"haproxy", haproxy ? versionOf({*haproxy, "-v"}) : json(nullptr)},
  };
  return {{"schema", "minitwitter-experiment-machine/1"},
          {"hostName", hostName()},
          {"kernel", kernel()},
          {"cores", online > 0 ? json(online) : json(nullptr)},
          {"hardwareThreads", std::thread::hardware_concurrency()},
          {"memoryBytes", memoryBytes()},
          {"osRelease", osRelease()},
          {"compiler", compiler()},
          {"binaries",
           {{"minitwitter", paths.serverBinary},
            {"minitwitter-client", paths.clientBinary},
            {"postgres", postgresBin}}},
          {"tools", tools}};
}

}  // namespace mt::experiment::runner
