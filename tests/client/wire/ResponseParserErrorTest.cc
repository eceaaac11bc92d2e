// What ResponseParser refuses, and the message it gives.
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

struct Case {
  std::string input;
  std::string error;
};

void expectFailures(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(parseStream(c.input), (Responses{failure(c.error)})) << "input: " << c.input;
  }
}

TEST(ResponseParserErrors, StatusLine) {
  expectFailures({
      {"\r\nHTTP/1.1 200 OK\r\n\r\n", "invalid status line"},
      {"HTTP/1.1 200 OK\r\r\n\r\n", "invalid character in reason phrase"},
      {"http/1.1 200 OK\r\n\r\n", "invalid status line"},
      {"HTTP/1.1  200 OK\r\n\r\n", "invalid status code"},
      {"HTTP/1.1 2000 OK\r\n\r\n", "invalid status line"},
      {"HTTP/1.1 20 OK\r\n\r\n", "invalid status code"},
      {"HTTP/1.1 20x OK\r\n\r\n", "invalid status code"},
      {"HTTP/1.1 099 Low\r\n\r\n", "invalid status code"},
      {"HTTP/1.1 600 High\r\n\r\n", "invalid status code"},
      {"HTTP/1.1\t200 OK\r\n\r\n", "invalid status line"},
      {"HTTP/11 200 OK\r\n\r\n", "invalid status line"},
      {"HTTP/2.0 200 OK\r\n\r\n", "unsupported HTTP version"},
      {"HTTP/0.9 200 OK\r\n\r\n", "unsupported HTTP version"},
      {"HTTP/1.1 200 O\x01K\r\n\r\n", "invalid character in reason phrase"},
      {"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n",
       "unexpected 101 Switching Protocols"},
      {"SSH-2.0-OpenSSH_9.2\r\n", "invalid status line"},
  });
}

TEST(ResponseParserErrors, HeaderLines) {
  std::string status = "HTTP/1.1 200 OK\r\n";
  expectFailures({
      {status + "X-A: 1\r\n folded\r\n\r\n", "obsolete line folding in header"},
      {status + "\tX-A: 1\r\n\r\n", "obsolete line folding in header"},
      {status + "Content-Length : 1\r\n\r\nx", "whitespace between header name and colon"},
      {status + "No colon here\r\n\r\n", "header line without a colon"},
      {status + ": value\r\n\r\n", "empty header name"},
      {status + "X(A): 1\r\n\r\n", "invalid character in header name"},
      {status + "X A: 1\r\n\r\n", "invalid character in header name"},
      {status + "X-A: 1\r2\r\n\r\n", "invalid character in header value"},
      {status + "X-A: 1\r\r\n\r\n", "invalid character in header value"},
      {status + std::string("X-A: a\0b\r\n\r\n", 12), "invalid character in header value"},
      {status + "X-A: a\x7f\r\n\r\n", "invalid character in header value"},
  });
}

TEST(ResponseParserErrors, ContentLength) {
  std::string status = "HTTP/1.1 200 OK\r\n";
  expectFailures({
      {status + "Content-Length: +5\r\n\r\n", "invalid Content-Length"},
      {status + "Content-Length: -1\r\n\r\n", "invalid Content-Length"},
      {status + "Content-Length: 0x10\r\n\r\n", "invalid Content-Length"},
      {status + "Content-Length: 1 2\r\n\r\n", "invalid Content-Length"},
      {status + "Content-Length: 1.0\r\n\r\n", "invalid Content-Length"},
      {status + "Content-Length:\r\n\r\n", "invalid Content-Length"},
      {status + "Content-Length: ,\r\n\r\n", "invalid Content-Length"},
      {status + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n",
       "conflicting Content-Length values"},
      {status + "Content-Length: 5, 6\r\n\r\n", "conflicting Content-Length values"},
      {status + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
       "both Transfer-Encoding and Content-Length"},
  });
}

TEST(ResponseParserErrors, TransferEncoding) {
  std::string status = "HTTP/1.1 200 OK\r\n";
  expectFailures({
      {status + "Transfer-Encoding: gzip, chunked\r\n\r\n", "unsupported transfer coding"},
      {status + "Transfer-Encoding: chunked, gzip\r\n\r\n", "unsupported transfer coding"},
      {status + "Transfer-Encoding: identity\r\n\r\n", "unsupported transfer coding"},
      {status + "Transfer-Encoding: chunked;q=1\r\n\r\n", "unsupported transfer coding"},
      {status + "Transfer-Encoding: chunked, chunked\r\n\r\n",
       "chunked transfer coding applied twice"},
      {status + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
       "chunked transfer coding applied twice"},
      {status + "Transfer-Encoding: \r\n\r\n", "empty Transfer-Encoding"},
      {"HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
       "Transfer-Encoding in an HTTP/1.0 response"},
  });
}

TEST(ResponseParserErrors, ChunkedBody) {
  std::string head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
  expectFailures({
      {head + "\r\n", "invalid chunk size"},
      {head + "xyz\r\n", "invalid chunk size"},
      {head + "-1\r\n", "invalid chunk size"},
      {head + "5 5\r\nhello\r\n", "invalid chunk size"},
      {head + "5\x01\r\nhello\r\n", "invalid chunk size"},
      {head + "5;a=\x01\r\nhello\r\n", "invalid character in chunk extension"},
      {head + "5;a\rb\r\nhello\r\n", "invalid character in chunk extension"},
      {head + "5\r\nhelloX\r\n0\r\n\r\n", "missing CRLF after chunk data"},
      {head + "5\r\nhello\r\r\n0\r\n\r\n", "missing CRLF after chunk data"},
      {head + "5\r\nhello0\r\n\r\n", "missing CRLF after chunk data"},
      {head + "0\r\n folded: trailer\r\n\r\n", "obsolete line folding in trailer"},
      {head + "0\r\nno colon\r\n\r\n", "trailer line without a colon"},
      {head + "0\r\nBad Name: x\r\n\r\n", "invalid trailer name"},
      {head + "0\r\nX: \x02\r\n\r\n", "invalid character in trailer value"},
      {head + "ffffffffffffffffffffffffffffffff\r\n", "body larger than 64 MiB"},
  });
}

TEST(ResponseParserErrors, AFailedParserStaysFailed) {
  ResponseParser parser;
  std::string bad = "HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n";
  std::size_t used = parser.feed(bad);
  EXPECT_LE(used, bad.size());
  ASSERT_TRUE(parser.failed());
  EXPECT_FALSE(parser.complete());
  EXPECT_EQ(parser.error(), "invalid Content-Length");
  EXPECT_EQ(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"), 0u);
  EXPECT_TRUE(parser.failed());
  parser.connectionClosed();
  EXPECT_TRUE(parser.failed());
  EXPECT_EQ(parser.error(), "invalid Content-Length");
}

TEST(ResponseParserErrors, FeedStopsAtTheFailure) {
  ResponseParser parser;
  std::string bad = "HTTP/1.1 200 OK\r\nbad header\r\nContent-Length: 0\r\n\r\n";
  EXPECT_EQ(parser.feed(bad), std::string("HTTP/1.1 200 OK\r\nbad header\r\n").size());
  EXPECT_TRUE(parser.failed());
}

TEST(ResponseParserErrors, ErrorsAfterAGoodResponseKeepIt) {
  EXPECT_EQ(parseStream("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n1garbage\r\n"),
            (Responses{ok(200, "1"), failure("invalid status line")}));
}

}  // namespace
}  // namespace mt::load
