#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "RespCommands.h"

namespace mt::resp {
namespace {

struct Outcome {
  std::string reply;
  RespCommandOutcome outcome;
};

Outcome run(std::vector<std::string_view> args) {
  Outcome r{{}, RespCommandOutcome::Continue};
  r.outcome = executeRespCommand(args, r.reply);
  return r;
}

std::string reply(std::vector<std::string_view> args) {
  return run(std::move(args)).reply;
}

TEST(RespCommandsTest, Ping) {
  EXPECT_EQ(reply({"PING"}), "+PONG\r\n");
  EXPECT_EQ(reply({"ping", "hi there"}), "$8\r\nhi there\r\n");
  EXPECT_EQ(reply({"PING", "a", "b"}), "-ERR wrong number of arguments for 'ping' command\r\n");
}

TEST(RespCommandsTest, Echo) {
  EXPECT_EQ(reply({"ECHO", "hello"}), "$5\r\nhello\r\n");
  EXPECT_EQ(reply({"echo", ""}), "$0\r\n\r\n");
  EXPECT_EQ(reply({"EcHo", std::string_view("\r\n\0", 3)}), std::string("$3\r\n\r\n\0\r\n", 9));
  EXPECT_EQ(reply({"ECHO"}), "-ERR wrong number of arguments for 'echo' command\r\n");
  EXPECT_EQ(reply({"ECHO", "a", "b"}), "-ERR wrong number of arguments for 'echo' command\r\n");
}

TEST(RespCommandsTest, CommandAnswersAnEmptyTable) {
  EXPECT_EQ(reply({"COMMAND"}), "*0\r\n");
  EXPECT_EQ(reply({"COMMAND", "DOCS"}), "*0\r\n");
  EXPECT_EQ(reply({"command", "docs", "get", "set"}), "*0\r\n");
  EXPECT_EQ(reply({"COMMAND", "INFO", "ping"}), "*0\r\n");
  EXPECT_EQ(reply({"COMMAND", "COUNT"}), ":0\r\n");
  EXPECT_EQ(reply({"COMMAND", "FOO"}), "-ERR unknown subcommand 'FOO'. Try COMMAND HELP.\r\n");
}

TEST(RespCommandsTest, ConfigGetAnswersWhatRedisBenchmarkAsks) {
  EXPECT_EQ(reply({"CONFIG", "GET", "save"}), "*2\r\n$4\r\nsave\r\n$0\r\n\r\n");
  EXPECT_EQ(reply({"config", "get", "APPENDONLY"}), "*2\r\n$10\r\nappendonly\r\n$2\r\nno\r\n");
  EXPECT_EQ(reply({"CONFIG", "GET", "maxmemory"}), "*0\r\n");
  // Several patterns, globs, each parameter once.
  EXPECT_EQ(reply({"CONFIG", "GET", "*", "save", "app?ndonly"}),
            "*4\r\n$4\r\nsave\r\n$0\r\n\r\n$10\r\nappendonly\r\n$2\r\nno\r\n");
  EXPECT_EQ(reply({"CONFIG", "GET", "*only"}), "*2\r\n$10\r\nappendonly\r\n$2\r\nno\r\n");
  EXPECT_EQ(reply({"CONFIG", "GET", "s*x"}), "*0\r\n");
}

TEST(RespCommandsTest, ConfigRefusesWhatItDoesNotDo) {
  EXPECT_EQ(reply({"CONFIG"}), "-ERR wrong number of arguments for 'config' command\r\n");
  EXPECT_EQ(reply({"CONFIG", "GET"}),
            "-ERR wrong number of arguments for 'config|get' command\r\n");
  EXPECT_EQ(reply({"CONFIG", "SET", "save", ""}),
            "-ERR unknown subcommand 'SET'. Try CONFIG HELP.\r\n");
}

TEST(RespCommandsTest, QuitRepliesOkAndAsksToClose) {
  Outcome r = run({"QUIT"});
  EXPECT_EQ(r.reply, "+OK\r\n");
  EXPECT_EQ(r.outcome, RespCommandOutcome::Close);
  EXPECT_EQ(run({"PING"}).outcome, RespCommandOutcome::Continue);
}

TEST(RespCommandsTest, HelloIsRefusedSoClientsStayOnResp2) {
  Outcome r = run({"HELLO", "3"});
  EXPECT_EQ(r.reply, "-ERR unknown command 'HELLO'\r\n");
  EXPECT_EQ(r.outcome, RespCommandOutcome::Continue);
}

TEST(RespCommandsTest, UnknownCommands) {
  EXPECT_EQ(reply({"GET", "key"}), "-ERR unknown command 'GET'\r\n");
  // A name with line breaks cannot break the reply framing; a long one is cut.
  EXPECT_EQ(reply({"a\r\nb"}), "-ERR unknown command 'a  b'\r\n");
  std::string longName(1000, 'n');
  EXPECT_EQ(reply({longName}), "-ERR unknown command '" + std::string(128, 'n') + "'\r\n");
}

TEST(RespCommandsTest, RepliesAppendSoABatchBuildsOneBuffer) {
  std::string replies;
  std::vector<std::string_view> ping{"PING"};
  std::vector<std::string_view> echo{"ECHO", "x"};
  executeRespCommand(ping, replies);
  executeRespCommand(echo, replies);
  EXPECT_EQ(replies, "+PONG\r\n$1\r\nx\r\n");
}

}  // namespace
}  // namespace mt::resp
