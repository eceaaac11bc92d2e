#include "TwitterTestServer.h"

#include <signal.h>

#include <sstream>
#include <stdexcept>

#include "RawHttpClient.h"

namespace mt::testing {

namespace {

std::vector<std::string> concat(std::vector<std::string> first,
                                const std::vector<std::string>& second) {
  first.insert(first.end(), second.begin(), second.end());
  return first;
}

}  // namespace

std::vector<std::string> TwitterTestServer::defaultArgs(const std::string& databaseUrl) {
  return {"--database", databaseUrl, "--password-cost", "cheap", "--allow-cheap-passwords",
          "--threads",  "1",         "--workers",       "4"};
}

TwitterTestServer::TwitterTestServer(Backend backend, std::vector<std::string> extraArgs)
    : scratch_(std::make_unique<ScratchDatabase>(backend)),
      databaseUrl_(scratch_->url()),
      extraArgs_(std::move(extraArgs)) {
  process_ = std::make_unique<ServerProcess>(concat(defaultArgs(databaseUrl_), extraArgs_));
}

TwitterTestServer::TwitterTestServer(std::string databaseUrl, std::vector<std::string> extraArgs)
    : databaseUrl_(std::move(databaseUrl)), extraArgs_(std::move(extraArgs)) {
  process_ = std::make_unique<ServerProcess>(concat(defaultArgs(databaseUrl_), extraArgs_));
}

// The process goes before the database it uses (members die in reverse order).
TwitterTestServer::~TwitterTestServer() {
  process_.reset();
}

void TwitterTestServer::restart() {
  process_->stop(SIGKILL);
  process_.reset();
  process_ = std::make_unique<ServerProcess>(concat(defaultArgs(databaseUrl_), extraArgs_));
}

std::string TwitterTestServer::troubleInOutput() {
  const std::string text = process_->output();
  for (const char* marker :
       {"runtime error:", "AddressSanitizer", "LeakSanitizer", "terminate called", "Assertion `"}) {
    auto at = text.find(marker);
    if (at != std::string::npos) {
      auto from = text.rfind('\n', at);
      from = from == std::string::npos ? 0 : from + 1;
      return text.substr(from, 2000);
    }
  }
  return {};
}

double TwitterTestServer::metric(const std::string& name) const {
  WireResponse response = httpGet(port(), "/metrics");
  if (response.status != 200) throw std::runtime_error("/metrics: " + response.statusLine);
  std::istringstream lines(response.body);
  std::string line;
  bool found = false;
  double sum = 0;
  while (std::getline(lines, line)) {
    if (line.rfind(name, 0) != 0 || line.size() <= name.size()) continue;
    char next = line[name.size()];
    if (next != ' ' && next != '{') continue;  // a longer name with this one as prefix
    std::size_t valueStart = next == '{' ? line.find('}', name.size()) + 1 : name.size();
    sum += std::stod(line.substr(valueStart));  // stod skips the blank; a timestamp may follow
    found = true;
  }
  if (!found) throw std::runtime_error("no metric " + name + " on /metrics:\n" + response.body);
  return sum;
}

}  // namespace mt::testing
