// static: GET of one file, for raw HTTP throughput next to wrk. No accounts, no JSON:
// the request is built once per user and each loop step only copies it.
#include <utility>

#include "GraphQLRequests.h"
#include "ScenarioKinds.h"

namespace mt::load {
namespace {

class StaticUser final : public VirtualUser {
 public:
  explicit StaticUser(const HttpRequest& request) : request_{"static", request} {}

  std::optional<Request> nextSetupRequest() override { return std::nullopt; }
  Request nextRequest() override { return request_; }
  Outcome handleResponse(const HttpResponse& response) override {
    if (response.status == 200) return {};
    return {graphql::httpErrorKind(response.status)};
  }
  void handleFailure(std::string_view) override {}

 private:
  const Request request_;
};

class StaticScenario final : public Scenario {
 public:
  explicit StaticScenario(std::string path) { request_.target = std::move(path); }

  std::string_view name() const override { return "static"; }
  bool needsAccounts() const override { return false; }
  std::unique_ptr<VirtualUser> makeUser(std::uint64_t) const override {
    return std::make_unique<StaticUser>(request_);
  }

 private:
  HttpRequest request_;  // GET path, no headers beyond Host
};

}  // namespace

std::unique_ptr<Scenario> makeStaticScenario(const ScenarioSettings& settings) {
  return std::make_unique<StaticScenario>(settings.staticPath);
}

}  // namespace mt::load
