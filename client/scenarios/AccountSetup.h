#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "Scenario.h"

namespace mt::load {

// A user's account before its loop: sign up; when the name is taken (a re-run on the
// same database, or another process made it) log in instead. Done once a token is known.
class AccountSetup {
 public:
  AccountSetup(std::string username, std::string password);

  // The next set-up request, or nullopt once done. After a failure it is the same step.
  std::optional<Request> next() const;
  Outcome handleResponse(const HttpResponse& response);
  void handleFailure() {}  // a lost request: the same step again

  bool done() const { return step_ == Step::done; }
  const std::string& token() const { return token_; }
  const std::string& username() const { return username_; }

 private:
  enum class Step { signup, login, done };

  std::string username_;
  std::string password_;
  std::string token_;
  Step step_ = Step::signup;
};

// A user with an account: set-up first (AccountSetup), then its scenario's loop.
class AccountUser : public VirtualUser {
 public:
  AccountUser(std::string username, std::string password);

  std::optional<Request> nextSetupRequest() final;
  Outcome handleResponse(const HttpResponse& response) final;
  void handleFailure(std::string_view kind) final;

 protected:
  const std::string& token() const { return setup_.token(); }
  const std::string& username() const { return setup_.username(); }

  virtual Outcome handleLoopResponse(const HttpResponse& response) = 0;
  virtual void handleLoopFailure(std::string_view kind) = 0;

 private:
  AccountSetup setup_;
  bool awaitingSetup_ = false;  // the request in flight is a set-up step
};

}  // namespace mt::load
