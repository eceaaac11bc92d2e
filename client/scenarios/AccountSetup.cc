#include "AccountSetup.h"

#include <utility>

#include "GraphQLRequests.h"

namespace mt::load {
namespace {

// The token of an AuthPayload field (`signup` or `login`), or empty.
std::string tokenOf(const nlohmann::json& data, const char* field) {
  auto payload = data.find(field);
  if (payload == data.end() || !payload->is_object()) return {};
  auto token = payload->find("token");
  if (token == payload->end() || !token->is_string()) return {};
  return token->get<std::string>();
}

}  // namespace

AccountSetup::AccountSetup(std::string username, std::string password)
    : username_(std::move(username)), password_(std::move(password)) {}

std::optional<Request> AccountSetup::next() const {
  switch (step_) {
    case Step::signup:
      return Request{"signup", graphql::signup(username_, password_)};
    case Step::login:
      return Request{"login", graphql::login(username_, password_)};
    case Step::done:
      break;
  }
  return std::nullopt;
}

Outcome AccountSetup::handleResponse(const HttpResponse& response) {
  if (step_ == Step::done) return {};
  graphql::Reply reply = graphql::judge(response);
  if (!reply.outcome.ok()) {
    if (step_ == Step::signup && reply.outcome.errorKind == "graphql:CONFLICT") step_ = Step::login;
    return reply.outcome;
  }
  std::string token = tokenOf(reply.data, step_ == Step::signup ? "signup" : "login");
  // A token goes into a header line: refuse one that would break it.
  if (token.empty() || token.find_first_of("\r\n") != std::string::npos) {
    return {std::string(graphql::kBadResponse)};
  }
  token_ = std::move(token);
  step_ = Step::done;
  return {};
}

AccountUser::AccountUser(std::string username, std::string password)
    : setup_(std::move(username), std::move(password)) {}

std::optional<Request> AccountUser::nextSetupRequest() {
  std::optional<Request> request = setup_.next();
  awaitingSetup_ = request.has_value();
  return request;
}

Outcome AccountUser::handleResponse(const HttpResponse& response) {
  if (awaitingSetup_) {
    awaitingSetup_ = false;
    return setup_.handleResponse(response);
  }
  return handleLoopResponse(response);
}

void AccountUser::handleFailure(std::string_view kind) {
  if (awaitingSetup_) {
    awaitingSetup_ = false;
    setup_.handleFailure();
    return;
  }
  handleLoopFailure(kind);
}

}  // namespace mt::load
