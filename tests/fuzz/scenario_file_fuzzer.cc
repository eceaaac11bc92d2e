// libFuzzer target for scenario files. Beyond "does not crash": every refusal is an
// invalid_argument that names the file; settings read without complaint either make a
// scenario or are refused by makeScenario with invalid_argument (never anything else);
// and a user of a scenario made from them runs its set-up and a few loop requests.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "Scenario.h"

namespace {

using namespace mt::load;

const std::string kOrigin = "fuzz.toml";

[[noreturn]] void fail(const char* what, const std::string& detail = {}) {
  std::fprintf(stderr, "scenario_file_fuzzer: %s\n%s\n", what, detail.c_str());
  std::abort();
}

void check(bool condition, const char* what, const std::string& detail = {}) {
  if (!condition) fail(what, detail);
}

bool isOperation(std::string_view operation) {
  for (std::string_view known :
       {"timeline", "profile", "post", "like", "follow", "static", "signup", "login"}) {
    if (operation == known) return true;
  }
  return false;
}

void checkRequest(const Request& request) {
  check(isOperation(request.operation), "unknown operation", std::string(request.operation));
  check(!request.http.target.empty() && request.http.target.front() == '/',
        "target not in origin form", request.http.target);
  check(request.http.target.find_first_of("\r\n ") == std::string::npos, "target breaks the line",
        request.http.target);
}

// Drives one user: set-up answered with a token, then a few loop requests answered
// with a timeline page (which every operation reads as success or an error kind).
void driveUser(const Scenario& scenario, std::uint64_t index) {
  auto user = scenario.makeUser(index);
  static const std::string token = R"({"data":{"signup":{"token":"t"},"login":{"token":"t"}}})";
  static const std::string page =
      R"({"data":{"timeline":{"nodes":[{"id":"1"},{"id":"2"}],"pageInfo":{"hasNextPage":false}}}})";
  for (int i = 0; i < 3; ++i) {
    std::optional<Request> setup = user->nextSetupRequest();
    if (!setup) break;
    checkRequest(*setup);
    user->handleResponse(HttpResponse{200, "application/json", token});
  }
  check(!user->nextSetupRequest(), "set-up does not end after a token");
  for (int i = 0; i < 8; ++i) {
    Request request = user->nextRequest();
    checkRequest(request);
    if (i % 3 == 2) {
      user->handleFailure("timeout");
    } else {
      user->handleResponse(HttpResponse{200, "application/json", page});
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ScenarioSettings settings;
  try {
    settings = readScenarioText(text, kOrigin, ScenarioSettings{});
  } catch (const std::invalid_argument& error) {
    check(std::string_view(error.what()).starts_with(kOrigin + ":"), "message without the file",
          error.what());
    return 0;
  }
  std::unique_ptr<Scenario> scenario;
  try {
    scenario = makeScenario(settings);
  } catch (const std::invalid_argument& error) {
    check(*error.what() != '\0', "empty message");
    return 0;
  }
  check(scenario->name() == settings.name, "scenario of another name");
  driveUser(*scenario, settings.userOffset);
  if (settings.population > settings.userOffset + 1) driveUser(*scenario, settings.population - 1);
  return 0;
}
