// `timeline --follow` end to end: the real client against the real server, its
// output read as it streams.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "CliRunner.h"
#include "ServerProcess.h"

namespace mt::testing {
namespace {

using namespace std::chrono_literals;

const std::string kPassword = "correct horse battery";

// minitwitter-client running in the background with `runner`'s config folder.
class BackgroundClient {
 public:
  BackgroundClient(const CliRunner& runner, const std::string& server,
                   const std::vector<std::string>& args) {
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(pipeFds[1], 1);
      ::dup2(pipeFds[1], 2);
      ::setenv("XDG_CONFIG_HOME", runner.configHome().c_str(), 1);
      std::vector<std::string> all = {MINITWITTER_CLIENT_BIN, "--server", server};
      all.insert(all.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (auto& arg : all)
        argv.push_back(arg.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(pipeFds[1]);
    fd_ = pipeFds[0];
  }
  ~BackgroundClient() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) ::close(fd_);
  }

  // Reads output until it contains `text` or `timeout` passes.
  bool waitFor(const std::string& text, std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (output_.find(text) == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          until - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char buffer[4096];
      const ssize_t n = ::read(fd_, buffer, sizeof buffer);
      if (n <= 0) return output_.find(text) != std::string::npos;
      output_.append(buffer, static_cast<std::size_t>(n));
    }
    return true;
  }

  // Waits for the exit; its status, 128+signal, or -1 after `timeout`.
  int wait(std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        waitFor("\x01", 200ms);  // drain what is left
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(20ms);
    }
    return -1;
  }

  void signal(int number) { ::kill(pid_, number); }
  const std::string& output() const { return output_; }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  std::string output_;
};

class ClientFollowTest : public ::testing::Test {
 protected:
  ClientFollowTest()
      : server_({"--password-cost", "cheap", "--allow-cheap-passwords", "--shutdown-grace", "2"}),
        url_("http://127.0.0.1:" + std::to_string(server_.port())),
        alice_(url_),
        bob_(url_) {
    EXPECT_EQ(alice_.run({"signup", "alice"}, kPassword + "\n").exitCode, 0);
    EXPECT_EQ(bob_.run({"signup", "bob"}, kPassword + "\n").exitCode, 0);
    EXPECT_EQ(alice_.run({"follow", "bob"}).exitCode, 0);
  }

  // Posts as bob until alice's follower prints it (the subscription starts just after
  // the page is printed, so the first post may come before it).
  bool postUntilSeen(BackgroundClient& follower) {
    for (int attempt = 0; attempt < 10; ++attempt) {
      const std::string text = "live from bob " + std::to_string(attempt);
      EXPECT_EQ(bob_.run({"post", text}).exitCode, 0);
      if (follower.waitFor(text, 1s)) return true;
    }
    return false;
  }

  ServerProcess server_;
  std::string url_;
  CliRunner alice_;
  CliRunner bob_;
};

TEST_F(ClientFollowTest, PrintsNewTweetsAsTimelineEntriesUntilCtrlC) {
  BackgroundClient follower(alice_, url_, {"timeline", "--follow"});
  ASSERT_TRUE(follower.waitFor("your timeline is empty", 5s)) << follower.output();
  ASSERT_TRUE(postUntilSeen(follower)) << follower.output();
  ASSERT_TRUE(follower.waitFor("likes · id ", 2s)) << follower.output();
  EXPECT_NE(follower.output().find("bob @bob · now\n  live from bob "), std::string::npos)
      << follower.output();
  follower.signal(SIGINT);
  EXPECT_EQ(follower.wait(5s), 0) << follower.output();
}

TEST_F(ClientFollowTest, ServerShutdownCompletesTheStream) {
  BackgroundClient follower(alice_, url_, {"timeline", "--follow"});
  ASSERT_TRUE(follower.waitFor("your timeline is empty", 5s));
  ASSERT_TRUE(postUntilSeen(follower)) << follower.output();
  EXPECT_EQ(server_.stop(SIGTERM), 0);
  EXPECT_EQ(follower.wait(10s), 0) << follower.output();
}

TEST_F(ClientFollowTest, AKilledServerIsAServerFailure) {
  BackgroundClient follower(alice_, url_, {"timeline", "--follow"});
  ASSERT_TRUE(follower.waitFor("your timeline is empty", 5s));
  ASSERT_TRUE(postUntilSeen(follower)) << follower.output();
  server_.stop(SIGKILL);
  EXPECT_EQ(follower.wait(10s), 4) << follower.output();
  EXPECT_NE(follower.output().find("minitwitter-client: the connection to the server at"),
            std::string::npos)
      << follower.output();
}

}  // namespace
}  // namespace mt::testing
