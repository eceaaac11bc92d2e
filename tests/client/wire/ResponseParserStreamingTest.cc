// A body read as it arrives: the head first, then the decoded body in pieces that the
// reader takes and discards, as the load client reads an event stream.
#include <gtest/gtest.h>

#include <string>

#include "ResponseParser.h"

namespace mt::load {
namespace {

constexpr std::string_view kStreamHead =
    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";

TEST(ResponseParserStreamingTest, HeadFirstThenTheBodyAsItArrives) {
  ResponseParser parser;
  parser.feed(kStreamHead.substr(0, 20));
  EXPECT_FALSE(parser.headComplete());
  parser.feed(kStreamHead.substr(20));
  ASSERT_TRUE(parser.headComplete());
  EXPECT_FALSE(parser.complete());
  EXPECT_EQ(parser.status(), 200);
  EXPECT_EQ(parser.contentType(), "text/event-stream");
  EXPECT_EQ(parser.bodySoFar(), "");

  parser.feed("d\r\n: keep-alive\n\r\nb\r\nevent");
  EXPECT_EQ(parser.bodySoFar(), ": keep-alive\nevent");
  parser.discardBodySoFar();
  parser.feed(": next\r\n");  // the rest of the 11-byte chunk and its CRLF
  EXPECT_EQ(parser.bodySoFar(), ": next");
  parser.discardBodySoFar();
  EXPECT_FALSE(parser.complete());
  parser.feed("0\r\n\r\n");
  EXPECT_TRUE(parser.complete());
  EXPECT_EQ(parser.bodySoFar(), "");
}

TEST(ResponseParserStreamingTest, DiscardingKeepsAnEndlessStreamUnderTheLimit) {
  ResponseParser parser;
  parser.feed(kStreamHead);
  const std::string data(64 * 1024, 'x');
  const std::string chunk = "10000\r\n" + data + "\r\n";
  // Twice the body limit in all; each piece is taken before the next arrives.
  for (std::size_t total = 0; total <= 2 * ResponseParser::kMaxBodyBytes; total += data.size()) {
    parser.feed(chunk);
    ASSERT_FALSE(parser.failed()) << parser.error();
    ASSERT_EQ(parser.bodySoFar().size(), data.size());
    parser.discardBodySoFar();
  }
}

TEST(ResponseParserStreamingTest, AnErrorAnswerIsReadWhole) {
  ResponseParser parser;
  parser.feed(
      "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n"
      "{\"errors\":1");
  EXPECT_TRUE(parser.headComplete());
  EXPECT_FALSE(parser.complete());
  parser.feed("}");
  EXPECT_TRUE(parser.complete());
  EXPECT_EQ(parser.body(), "{\"errors\":1}");
}

TEST(ResponseParserStreamingTest, NoHeadYetOrFailed) {
  ResponseParser parser;
  EXPECT_FALSE(parser.headComplete());
  parser.feed("HTTP/1.1 200 OK\r\nBad Header\r\n\r\n");
  EXPECT_TRUE(parser.failed());
  EXPECT_FALSE(parser.headComplete());
}

}  // namespace
}  // namespace mt::load
