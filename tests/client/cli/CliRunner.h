#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mt::testing {

struct CliResult {
  int exitCode = -1;  // 128+signal when killed by one
  std::string out;
  std::string err;
};

// Runs the real minitwitter-client binary as a child process, with a private config
// folder (XDG_CONFIG_HOME, removed with the runner) and the caller's environment
// otherwise, minus MINITWITTER_* so the developer's shell cannot leak in.
class CliRunner {
 public:
  explicit CliRunner(std::string serverUrl);
  ~CliRunner();
  CliRunner(const CliRunner&) = delete;
  CliRunner& operator=(const CliRunner&) = delete;

  // `--server <url>` is added first; `input` is standard input (a pipe, not a terminal).
  CliResult run(const std::vector<std::string>& args, const std::string& input = "",
                const std::map<std::string, std::string>& extraEnv = {}) const;

  const std::filesystem::path& configHome() const { return configHome_; }
  std::filesystem::path credentialsFolder() const { return configHome_ / "minitwitter"; }
  std::filesystem::path credentialsFile() const { return credentialsFolder() / "credentials.json"; }

 private:
  std::string serverUrl_;
  std::filesystem::path configHome_;
};

// A server URL where nothing answers: a loopback port bound but never listening, so
// connecting is refused at once. Released when destroyed.
class UnreachableServer {
 public:
  UnreachableServer();
  ~UnreachableServer();
  UnreachableServer(const UnreachableServer&) = delete;
  UnreachableServer& operator=(const UnreachableServer&) = delete;

  const std::string& url() const { return url_; }

 private:
  int fd_ = -1;
  std::string url_;
};

// Standard error is one line, as every failure of the client must be.
bool isOneLine(const std::string& text);

}  // namespace mt::testing
