// A request must parse the same however the network cuts it into pieces.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "HttpRequestParser.h"
#include "ParserTestSupport.h"

namespace mt::http {
namespace {

using test::parseByteByByte;
using test::parseInPieces;
using test::ParseOutcome;
using test::parseWhole;

const std::vector<std::string>& validCorpus() {
  static const std::vector<std::string> corpus = {
      // curl
      "GET /api?query=%7Bme%7D HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: curl/7.88.1\r\n"
      "Accept: */*\r\n\r\n",
      // a browser
      "GET /static/app.js HTTP/1.1\r\nHost: minitwitter.local\r\nConnection: keep-alive\r\n"
      "sec-ch-ua: \"Chromium\";v=\"120\"\r\nsec-ch-ua-mobile: ?0\r\n"
      "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
      "Chrome/120.0 Safari/537.36\r\nsec-ch-ua-platform: \"Linux\"\r\nAccept: */*\r\n"
      "Sec-Fetch-Site: same-origin\r\nSec-Fetch-Mode: no-cors\r\nSec-Fetch-Dest: script\r\n"
      "Referer: http://minitwitter.local/\r\nAccept-Encoding: gzip, deflate, br\r\n"
      "Accept-Language: en-US,en;q=0.9\r\nCookie: token=abc.def; theme=dark\r\n\r\n",
      // GraphQL over HTTP
      "POST /graphql HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
      "Content-Length: 47\r\n\r\n{\"query\":\"{ feed { id text } }\",\"variables\":{}}",
      // chunked with extensions and trailers
      "PUT /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
      "4;ext=1\r\nWiki\r\n5\r\npedia\r\nE ; a=\"b\"\r\n in\r\n\r\nchunks.\r\n"
      "0\r\nExpires: never\r\n\r\n",
      "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      // HTTP/1.0, with and without keep-alive
      "GET /index.html HTTP/1.0\r\nUser-Agent: ApacheBench/2.3\r\n\r\n",
      "HEAD / HTTP/1.0\r\nConnection: Keep-Alive\r\nHost: a\r\n\r\n",
      // bare LF and leading empty lines
      "\r\n\nGET /lf HTTP/1.1\nHost: a\nX-Mixed: 1\r\n\n",
      // other target forms
      "GET http://example.com/a?b=c HTTP/1.1\r\nHost: example.com\r\n\r\n",
      "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
      "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
      // Expect, whitespace, repeated Content-Length
      "POST /a HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5, 5\r\n"
      "Content-Length: 5\r\n\r\nhello",
      "DELETE /t/1 HTTP/1.1\r\nHost:a\r\nX-Pad:   \t  v  \t\r\nConnection: close\r\n\r\n",
      "PATCH /me HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
  };
  return corpus;
}

// Requests that fail, with the status they must fail with however they are cut.
const std::vector<std::pair<std::string, int>>& errorCorpus() {
  static const std::vector<std::pair<std::string, int>> corpus = {
      {"GET / HTTP/1.1\r\nHost: a\r\nBad Name: x\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400},
      {"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX", 400},
      {"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999\r\n\r\n", 413},
      {"GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505},
      {"BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n", 501},
      {"GET / HTTP/1.1\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501},
  };
  return corpus;
}

TEST(HttpRequestParserSplitTest, CorpusParsesCompletely) {
  for (const std::string& input : validCorpus()) {
    ParseOutcome outcome = parseWhole(input);
    EXPECT_EQ(outcome.status, ParseStatus::Complete) << input;
    EXPECT_EQ(outcome.consumed, input.size()) << input;
  }
}

TEST(HttpRequestParserSplitTest, EverySingleCutGivesTheSameResult) {
  for (const std::string& input : validCorpus()) {
    ParseOutcome whole = parseWhole(input);
    for (std::size_t cut = 0; cut <= input.size(); ++cut) {
      ASSERT_EQ(parseInPieces(input, {cut}), whole) << "cut at " << cut << " of\n" << input;
    }
  }
}

TEST(HttpRequestParserSplitTest, ByteByByteGivesTheSameResult) {
  for (const std::string& input : validCorpus()) {
    EXPECT_EQ(parseByteByByte(input), parseWhole(input)) << input;
  }
}

TEST(HttpRequestParserSplitTest, EveryTwoCutsGiveTheSameResult) {
  // The chunked request, where state crosses the most boundaries.
  const std::string& input = validCorpus()[3];
  ParseOutcome whole = parseWhole(input);
  for (std::size_t a = 0; a < input.size(); ++a) {
    for (std::size_t b = a; b < input.size(); ++b) {
      ASSERT_EQ(parseInPieces(input, {a, b}), whole) << "cuts at " << a << ", " << b;
    }
  }
}

TEST(HttpRequestParserSplitTest, ErrorsDoNotDependOnTheCuts) {
  for (const auto& [input, status] : errorCorpus()) {
    ParseOutcome whole = parseWhole(input);
    EXPECT_EQ(whole.status, ParseStatus::Error) << input;
    EXPECT_EQ(whole.errorStatus, status) << input;
    EXPECT_EQ(parseByteByByte(input), whole) << input;
    for (std::size_t cut = 0; cut <= input.size(); ++cut) {
      ASSERT_EQ(parseInPieces(input, {cut}), whole) << "cut at " << cut << " of\n" << input;
    }
  }
}

TEST(HttpRequestParserSplitTest, PipelinedCorpusParsesTheSameByteByByte) {
  std::string all;
  for (const std::string& input : validCorpus())
    all += input;
  // Feeds one byte more each call, consuming and resetting after each request, as
  // the protocol does with a connection's buffer.
  HttpRequestParser parser;
  HttpRequest request;
  std::size_t start = 0;
  std::vector<ParseOutcome> outcomes;
  for (std::size_t end = 1; end <= all.size(); ++end) {
    std::string copy = all.substr(start, end - start);
    ParseResult result = parser.parse(copy, request);
    ASSERT_NE(result.status, ParseStatus::Error) << result.error;
    if (result.status == ParseStatus::Complete) {
      outcomes.push_back(test::snapshot(result, request));
      start += result.consumed;
      parser.reset();
    }
  }
  std::vector<ParseOutcome> expected;
  for (const std::string& input : validCorpus())
    expected.push_back(parseWhole(input));
  EXPECT_EQ(outcomes, expected);
  EXPECT_EQ(start, all.size());
}

}  // namespace
}  // namespace mt::http
