// The parser's limits: exactly at a limit is fine, one byte over fails, whether the
// bytes come in one read or many.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ParsedResponses.h"
#include "ResponseParser.h"

namespace mt::load {
namespace {

using testing::failure;
using testing::ok;
using testing::Parsed;
using testing::parseStream;
using Responses = std::vector<Parsed>;

// A head of exactly `bytes` bytes (status line, headers, the empty line), padded with
// one long header.
std::string headOfSize(std::size_t bytes, std::string_view framing = "Content-Length: 0\r\n") {
  std::string start = "HTTP/1.1 200 OK\r\n";
  start += framing;
  start += "X-Pad: ";
  std::size_t fixed = start.size() + 4;  // the pad line's CRLF and the empty line
  return start + std::string(bytes - fixed, 'p') + "\r\n\r\n";
}

std::vector<std::size_t> cutsEvery(std::size_t step, std::size_t size) {
  std::vector<std::size_t> cuts;
  for (std::size_t at = step; at < size; at += step)
    cuts.push_back(at);
  return cuts;
}

TEST(ResponseParserLimits, HeadOfExactlyTheLimitIsAccepted) {
  std::string head = headOfSize(ResponseParser::kMaxHeaderBytes);
  ASSERT_EQ(head.size(), ResponseParser::kMaxHeaderBytes);
  EXPECT_EQ(parseStream(head), (Responses{ok(200, "")}));
  EXPECT_EQ(parseStream(head, cutsEvery(1000, head.size())), (Responses{ok(200, "")}));
}

TEST(ResponseParserLimits, HeadOneByteOverFails) {
  std::string head = headOfSize(ResponseParser::kMaxHeaderBytes + 1);
  Responses expected{failure("response head larger than 64 KiB")};
  EXPECT_EQ(parseStream(head), expected);
  EXPECT_EQ(parseStream(head, cutsEvery(1000, head.size())), expected);
  EXPECT_EQ(parseStream(head, {head.size() - 1}), expected);
  EXPECT_EQ(parseStream(head, {head.size() - 2}), expected);
}

TEST(ResponseParserLimits, EndlessHeaderLineFailsWithoutItsEnd) {
  ResponseParser parser;
  std::string line = "HTTP/1.1 200 OK\r\nX-Endless: ";
  parser.feed(line);
  std::string more(4096, 'e');
  for (int i = 0; i < 20 && !parser.failed(); ++i)
    parser.feed(more);
  ASSERT_TRUE(parser.failed());
  EXPECT_EQ(parser.error(), "response head larger than 64 KiB");
}

TEST(ResponseParserLimits, EachResponseHasItsOwnHeadBudget) {
  std::string head = headOfSize(ResponseParser::kMaxHeaderBytes);
  EXPECT_EQ(parseStream(head + head + head), (Responses{ok(200, ""), ok(200, ""), ok(200, "")}));
}

TEST(ResponseParserLimits, InterimResponsesHaveTheirOwnHeadBudget) {
  std::string interim = headOfSize(ResponseParser::kMaxHeaderBytes, "");
  interim.replace(9, 3, "103");
  EXPECT_EQ(parseStream(interim + headOfSize(ResponseParser::kMaxHeaderBytes)),
            (Responses{ok(200, "")}));
}

TEST(ResponseParserLimits, TrailerSection) {
  std::string start = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n";
  auto trailersOfSize = [&](std::size_t bytes) {
    return start + "X-Pad: " + std::string(bytes - 11, 't') + "\r\n\r\n";
  };
  EXPECT_EQ(parseStream(trailersOfSize(ResponseParser::kMaxHeaderBytes)),
            (Responses{ok(200, "x")}));
  std::string over = trailersOfSize(ResponseParser::kMaxHeaderBytes + 1);
  Responses expected{failure("trailer section larger than 64 KiB")};
  EXPECT_EQ(parseStream(over), expected);
  EXPECT_EQ(parseStream(over, cutsEvery(777, over.size())), expected);
}

TEST(ResponseParserLimits, ChunkSizeLine) {
  std::string head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
  auto sizeLineOf = [](std::size_t bytes) {  // "1;" extension CRLF
    return "1;" + std::string(bytes - 4, 'e') + "\r\n";
  };
  EXPECT_EQ(parseStream(head + sizeLineOf(4096) + "x\r\n0\r\n\r\n"), (Responses{ok(200, "x")}));
  std::string over = head + sizeLineOf(4097) + "x\r\n0\r\n\r\n";
  Responses expected{failure("chunk size line longer than 4 KiB")};
  EXPECT_EQ(parseStream(over), expected);
  EXPECT_EQ(parseStream(over, cutsEvery(100, over.size())), expected);
}

TEST(ResponseParserLimits, ContentLengthOverTheBodyLimitFailsAtOnce) {
  std::string tooLong =
      "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(ResponseParser::kMaxBodyBytes + 1) +
      "\r\n\r\n";
  EXPECT_EQ(parseStream(tooLong), (Responses{failure("body larger than 64 MiB")}));
  EXPECT_EQ(parseStream("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999999999\r\n\r\n"),
            (Responses{failure("body larger than 64 MiB")}));
}

TEST(ResponseParserLimits, BodyOfExactlyTheLimit) {
  std::string body(ResponseParser::kMaxBodyBytes, 'b');
  ResponseParser parser;
  std::string head =
      "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  EXPECT_EQ(parser.feed(head), head.size());
  EXPECT_EQ(parser.feed(body), body.size());
  ASSERT_TRUE(parser.complete());
  EXPECT_EQ(parser.body().size(), body.size());

  // The same, until the connection closes; one byte more fails.
  parser.reset();
  parser.feed("HTTP/1.1 200 OK\r\n\r\n");
  parser.feed(body);
  EXPECT_FALSE(parser.failed());
  parser.feed("!");
  ASSERT_TRUE(parser.failed());
  EXPECT_EQ(parser.error(), "body larger than 64 MiB");

  // Chunked: the chunk that would cross the limit fails as its size is read.
  parser.reset();
  parser.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4000000\r\n");
  parser.feed(body);
  parser.feed("\r\n");
  EXPECT_FALSE(parser.failed());
  parser.feed("1\r\n");
  ASSERT_TRUE(parser.failed());
  EXPECT_EQ(parser.error(), "body larger than 64 MiB");
}

}  // namespace
}  // namespace mt::load
