#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <memory>
#include <string>

#include "CliRunner.h"
#include "TwitterApiFixture.h"

namespace mt::testing {

inline const std::string kCliPassword = "correct horse battery";

// The real minitwitter-client against the real server, once per storage backend, on
// the server per backend that TwitterApiFixture shares among a suite's tests (tests
// keep apart by fresh usernames and hashtags); each CliRunner has its own config folder.
class ClientCliBackendTest : public TwitterApiFixture {
 protected:
  void SetUp() override {
    TwitterApiFixture::SetUp();
    if (IsSkipped()) return;
    cli_ = std::make_unique<CliRunner>(serverUrl());
  }

  std::string serverUrl() { return "http://127.0.0.1:" + std::to_string(server().port()); }
  CliRunner& cli() { return *cli_; }

  // A username (or hashtag) no other test uses, on any backend's shared server.
  static std::string fresh(const std::string& prefix = "user") {
    static std::atomic<int> next{0};
    return prefix + std::to_string(::getpid() % 10000) + "_" + std::to_string(next++);
  }

  // A new account, logged in with `runner` (the password on standard input).
  static std::string signUp(const CliRunner& runner,
                            const std::string& displayName = std::string()) {
    const std::string name = fresh();
    std::vector<std::string> args = {"signup", name};
    if (!displayName.empty()) args.insert(args.end(), {"--display-name", displayName});
    const auto result = runner.run(args, kCliPassword + "\n");
    EXPECT_EQ(result.exitCode, 0) << result.err;
    return name;
  }

  // Posts `text` as the user logged in with `runner`; returns the new tweet's id.
  static std::string post(const CliRunner& runner, const std::string& text) {
    const auto result = runner.run({"post", text});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    const std::string prefix = "posted tweet ";
    if (result.out.rfind(prefix, 0) != 0) {
      ADD_FAILURE() << "unexpected output of post: " << result.out;
      return "";
    }
    return result.out.substr(prefix.size(), result.out.size() - prefix.size() - 1);
  }

 private:
  std::unique_ptr<CliRunner> cli_;
};

}  // namespace mt::testing
