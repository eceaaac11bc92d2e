#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "RespRequestParser.h"

namespace mt::resp {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;

std::vector<std::string> argsOf(const RespCommand& command) {
  return {command.args().begin(), command.args().end()};
}

struct Parsed {
  RespParseStatus status;
  std::size_t consumed;
  std::string error;
  std::vector<std::string> args;
};

Parsed parse(std::string_view input, RespLimits limits = {}) {
  RespRequestParser parser(limits);
  RespCommand command;
  RespParseResult result = parser.parse(input, command);
  return {
      result.status, result.consumed, result.error,
      result.status == RespParseStatus::Complete ? argsOf(command) : std::vector<std::string>{}};
}

std::string bulkArray(const std::vector<std::string>& args) {
  std::string out = "*" + std::to_string(args.size()) + "\r\n";
  for (const auto& a : args)
    out += "$" + std::to_string(a.size()) + "\r\n" + a + "\r\n";
  return out;
}

// --- arrays of bulk strings ----------------------------------------------------------

TEST(RespRequestParserTest, ParsesAnArrayOfBulkStrings) {
  Parsed p = parse("*2\r\n$4\r\nECHO\r\n$5\r\nhello\r\n");
  ASSERT_EQ(p.status, RespParseStatus::Complete) << p.error;
  EXPECT_EQ(p.consumed, 25u);
  EXPECT_THAT(p.args, ElementsAre("ECHO", "hello"));
}

TEST(RespRequestParserTest, BulkStringsAreBinarySafe) {
  std::string value("a\r\nb\0c*$", 8);
  Parsed p = parse(bulkArray({"ECHO", value}));
  ASSERT_EQ(p.status, RespParseStatus::Complete) << p.error;
  EXPECT_THAT(p.args, ElementsAre("ECHO", value));
}

TEST(RespRequestParserTest, AcceptsEmptyBulkStrings) {
  Parsed p = parse("*2\r\n$4\r\nPING\r\n$0\r\n\r\n");
  ASSERT_EQ(p.status, RespParseStatus::Complete) << p.error;
  EXPECT_THAT(p.args, ElementsAre("PING", ""));
}

TEST(RespRequestParserTest, EmptyAndNullArraysAreRequestsWithNothingToRun) {
  for (std::string_view input : {"*0\r\n", "*-1\r\n"}) {
    Parsed p = parse(input);
    ASSERT_EQ(p.status, RespParseStatus::Complete) << input;
    EXPECT_EQ(p.consumed, input.size());
    EXPECT_THAT(p.args, IsEmpty());
  }
}

TEST(RespRequestParserTest, ArgumentsViewTheInputWithoutCopying) {
  std::string input = bulkArray({"ECHO", "zero-copy"});
  RespRequestParser parser;
  RespCommand command;
  ASSERT_EQ(parser.parse(input, command).status, RespParseStatus::Complete);
  ASSERT_EQ(command.size(), 2u);
  EXPECT_GE(command[1].data(), input.data());
  EXPECT_LT(command[1].data(), input.data() + input.size());
}

// --- inline commands -------------------------------------------------------------------

TEST(RespRequestParserTest, ParsesInlineCommands) {
  Parsed p = parse("PING\r\n");
  ASSERT_EQ(p.status, RespParseStatus::Complete) << p.error;
  EXPECT_EQ(p.consumed, 6u);
  EXPECT_THAT(p.args, ElementsAre("PING"));

  p = parse("  echo \t hello  \n");  // blanks anywhere, bare LF
  ASSERT_EQ(p.status, RespParseStatus::Complete) << p.error;
  EXPECT_THAT(p.args, ElementsAre("echo", "hello"));
}

TEST(RespRequestParserTest, AnEmptyInlineLineIsARequestWithNothingToRun) {
  for (std::string_view input : {"\r\n", "\n", "   \r\n"}) {
    Parsed p = parse(input);
    ASSERT_EQ(p.status, RespParseStatus::Complete);
    EXPECT_EQ(p.consumed, input.size());
    EXPECT_THAT(p.args, IsEmpty());
  }
}

TEST(RespRequestParserTest, InlineArgumentsMayBeQuotedAndEscaped) {
  Parsed p = parse("ECHO \"hello world\" 'it\\'s' \"a\\tb\\x41\\n\" \"\" x\"y z\"\r\n");
  ASSERT_EQ(p.status, RespParseStatus::Complete) << p.error;
  EXPECT_THAT(p.args, ElementsAre("ECHO", "hello world", "it's", "a\tbA\n", "", "xy z"));
}

TEST(RespRequestParserTest, ManyQuotedInlineArgumentsStayValid) {
  // Decoded arguments live in a growing vector; the views must survive its growth.
  std::string line = "SET";
  std::vector<std::string> expected{"SET"};
  for (int i = 0; i < 40; ++i) {
    std::string value = "quoted value number " + std::to_string(i);
    line += " \"" + value + "\" plain" + std::to_string(i);
    expected.push_back(value);
    expected.push_back("plain" + std::to_string(i));
  }
  Parsed p = parse(line + "\n");
  ASSERT_EQ(p.status, RespParseStatus::Complete) << p.error;
  EXPECT_THAT(p.args, ElementsAreArray(expected));
}

TEST(RespRequestParserTest, RefusesUnbalancedQuotes) {
  for (std::string_view input :
       {"ECHO \"open\r\n", "ECHO 'open\r\n", "ECHO \"a\"b\r\n", "ECHO 'a'b\r\n"}) {
    Parsed p = parse(input);
    EXPECT_EQ(p.status, RespParseStatus::Error) << input;
    EXPECT_EQ(p.error, "unbalanced quotes in request") << input;
  }
}

// --- incremental parsing -----------------------------------------------------------------

// Every request, cut at every byte: each strict prefix is Incomplete, the whole is
// Complete with the same arguments as when parsed at once.
TEST(RespRequestParserTest, EveryPrefixOfARequestIsIncomplete) {
  std::vector<std::string> requests{
      "*1\r\n$4\r\nPING\r\n",
      bulkArray({"ECHO", "hello"}),
      bulkArray({"SET", std::string(300, 'v'), ""}),
      bulkArray({"CONFIG", "GET", "save"}),
      "PING\r\n",
      "ECHO \"quoted arg\" 'x'\r\n",
      "*0\r\n",
  };
  RespRequestParser parser;
  RespCommand command;
  for (const std::string& request : requests) {
    Parsed whole = parse(request);
    ASSERT_EQ(whole.status, RespParseStatus::Complete) << request;
    ASSERT_EQ(whole.consumed, request.size());
    for (std::size_t cut = 0; cut < request.size(); ++cut) {
      std::string prefix = request.substr(0, cut);
      EXPECT_EQ(parser.parse(prefix, command).status, RespParseStatus::Incomplete)
          << "request " << request << " cut at " << cut;
    }
  }
}

TEST(RespRequestParserTest, PipelinedRequestsAreParsedOneAfterAnother) {
  std::string input = bulkArray({"PING"}) + "PING\r\n" + bulkArray({"ECHO", "a b"}) + "*0\r\n" +
                      "ECHO x\n" + bulkArray({"QUIT"});
  std::vector<std::vector<std::string>> expected{{"PING"}, {"PING"},      {"ECHO", "a b"},
                                                 {},       {"ECHO", "x"}, {"QUIT"}};
  RespRequestParser parser;
  RespCommand command;
  std::string_view rest = input;
  for (const auto& want : expected) {
    RespParseResult r = parser.parse(rest, command);
    ASSERT_EQ(r.status, RespParseStatus::Complete) << r.error;
    EXPECT_EQ(argsOf(command), want);
    rest.remove_prefix(r.consumed);
  }
  EXPECT_TRUE(rest.empty());
}

// A pipeline fed in chunks of every size, the way a socket may deliver it: the
// requests come out the same and in order.
TEST(RespRequestParserTest, PipelineSplitAtEveryChunkSizeYieldsTheSameRequests) {
  std::string stream = bulkArray({"PING"}) + "PING\r\n" + bulkArray({"ECHO", "hello\r\nworld"}) +
                       "ECHO 'q q'\r\n" + bulkArray({"CONFIG", "GET", "appendonly"});
  std::vector<std::vector<std::string>> expected{{"PING"},
                                                 {"PING"},
                                                 {"ECHO", "hello\r\nworld"},
                                                 {"ECHO", "q q"},
                                                 {"CONFIG", "GET", "appendonly"}};
  RespRequestParser parser;
  RespCommand command;
  for (std::size_t chunk = 1; chunk <= stream.size(); ++chunk) {
    std::string buffer;
    std::vector<std::vector<std::string>> got;
    for (std::size_t fed = 0; fed < stream.size();) {
      buffer += stream.substr(fed, chunk);
      fed += chunk;
      for (;;) {
        RespParseResult r = parser.parse(buffer, command);
        ASSERT_NE(r.status, RespParseStatus::Error) << r.error << " chunk " << chunk;
        if (r.status == RespParseStatus::Incomplete) break;
        got.push_back(argsOf(command));
        buffer.erase(0, r.consumed);
      }
    }
    EXPECT_EQ(got, expected) << "chunk size " << chunk;
    EXPECT_TRUE(buffer.empty());
  }
}

// --- protocol errors -----------------------------------------------------------------------

TEST(RespRequestParserTest, RefusesMalformedArrays) {
  struct Case {
    std::string_view input;
    std::string_view error;
  };
  for (const Case& c : std::vector<Case>{
           {"*x\r\n", "invalid multibulk length"},
           {"*\r\n", "invalid multibulk length"},
           {"*1\rx", "invalid multibulk length"},
           {"*+1\r\n", "invalid multibulk length"},
           {"*99999999999999999999999\r\n", "invalid multibulk length"},
           {"*1\r\n+PING\r\n", "expected '$', got '+'"},
           {"*1\r\n\x01", "expected '$', got byte 0x01"},
           {"*1\r\n$x\r\n", "invalid bulk length"},
           {"*1\r\n$-1\r\n", "invalid bulk length"},
           {"*1\r\n$4\r\nPINGxx", "expected CRLF after bulk string"},
           {"*1\r\n$4\r\nPING\rx", "expected CRLF after bulk string"},
       }) {
    Parsed p = parse(c.input);
    EXPECT_EQ(p.status, RespParseStatus::Error) << c.input;
    EXPECT_EQ(p.error, c.error) << c.input;
  }
}

TEST(RespRequestParserTest, RefusesGarbageInANumberWithoutWaitingForMore) {
  // No CR LF yet, but the bytes already cannot be a length: no point waiting.
  EXPECT_EQ(parse("*12a").status, RespParseStatus::Error);
  EXPECT_EQ(parse("*1\r\n$12a").status, RespParseStatus::Error);
  EXPECT_EQ(parse(std::string("*") + std::string(40, '1')).status, RespParseStatus::Error);
  EXPECT_EQ(parse("*12").status, RespParseStatus::Incomplete);
}

// --- limits ------------------------------------------------------------------------------------

TEST(RespRequestParserTest, EnforcesTheArgumentCountLimit) {
  RespLimits limits;
  limits.maxArguments = 3;
  EXPECT_EQ(parse(bulkArray({"a", "b", "c"}), limits).status, RespParseStatus::Complete);
  Parsed p = parse("*4\r\n", limits);  // refused from the header alone
  EXPECT_EQ(p.status, RespParseStatus::Error);
  EXPECT_EQ(p.error, "invalid multibulk length");
  EXPECT_EQ(parse("a b c\r\n", limits).status, RespParseStatus::Complete);
  p = parse("a b c d\r\n", limits);
  EXPECT_EQ(p.status, RespParseStatus::Error);
  EXPECT_EQ(p.error, "too many arguments in inline request");
}

TEST(RespRequestParserTest, EnforcesTheBulkSizeLimitFromTheHeader) {
  RespLimits limits;
  limits.maxBulkBytes = 10;
  EXPECT_EQ(parse(bulkArray({"ECHO", std::string(10, 'x')}), limits).status,
            RespParseStatus::Complete);
  // Refused before the payload arrives: nothing to buffer.
  Parsed p = parse("*2\r\n$4\r\nECHO\r\n$11\r\n", limits);
  EXPECT_EQ(p.status, RespParseStatus::Error);
  EXPECT_EQ(p.error, "invalid bulk length");
}

TEST(RespRequestParserTest, EnforcesTheRequestSizeLimit) {
  RespLimits limits;
  limits.maxBulkBytes = 100;
  limits.maxRequestBytes = 150;
  EXPECT_EQ(parse(bulkArray({std::string(100, 'a'), std::string(50, 'b')}), limits).status,
            RespParseStatus::Complete);
  Parsed p = parse("*2\r\n$100\r\n" + std::string(100, 'a') + "\r\n$51\r\n", limits);
  EXPECT_EQ(p.status, RespParseStatus::Error);
  EXPECT_EQ(p.error, "request too large");
}

TEST(RespRequestParserTest, EnforcesTheInlineLineLimit) {
  RespLimits limits;
  limits.maxInlineBytes = 16;
  EXPECT_EQ(parse(std::string(16, 'x') + "\n", limits).status, RespParseStatus::Complete);
  EXPECT_EQ(parse(std::string(16, 'x'), limits).status, RespParseStatus::Incomplete);
  Parsed p = parse(std::string(17, 'x'), limits);  // no newline in sight: give up
  EXPECT_EQ(p.status, RespParseStatus::Error);
  EXPECT_EQ(p.error, "too big inline request");
  EXPECT_EQ(parse(std::string(17, 'x') + "\n", limits).status, RespParseStatus::Error);
}

}  // namespace
}  // namespace mt::resp
