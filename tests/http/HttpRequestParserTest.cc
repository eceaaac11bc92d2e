#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "HttpRequestParser.h"
#include "ParserTestSupport.h"

namespace mt::http {
namespace {

using test::parseWhole;
using test::pointsInto;

TEST(HttpRequestParserTest, ParsesASimpleGetWithoutCopying) {
  std::string input =
      "GET /api/tweets?user=ann&n=10 HTTP/1.1\r\nHost: localhost:8080\r\n"
      "User-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";
  HttpRequestParser parser;
  HttpRequest request;
  ParseResult result = parser.parse(input, request);

  ASSERT_EQ(result.status, ParseStatus::Complete);
  EXPECT_EQ(result.consumed, input.size());
  EXPECT_EQ(request.method, Method::Get);
  EXPECT_EQ(request.target, "/api/tweets?user=ann&n=10");
  EXPECT_EQ(request.path, "/api/tweets");
  EXPECT_EQ(request.query, "user=ann&n=10");
  EXPECT_EQ(request.versionMinor, 1);
  ASSERT_EQ(request.headers.size(), 3u);
  EXPECT_EQ(request.headers[0].name, "Host");
  EXPECT_EQ(request.headers[0].value, "localhost:8080");
  EXPECT_EQ(request.header("user-agent"), "curl/7.88.1");
  EXPECT_TRUE(request.body.empty());
  EXPECT_TRUE(request.keepAlive);
  EXPECT_FALSE(request.chunked);
  EXPECT_TRUE(pointsInto(request.target, input));
  EXPECT_TRUE(pointsInto(request.headers[2].value, input));
}

TEST(HttpRequestParserTest, ReturnsIncompleteUntilTheHeadEnds) {
  std::string input = "GET / HTTP/1.1\r\nHost: a\r\n";
  HttpRequestParser parser;
  HttpRequest request;
  EXPECT_EQ(parser.parse(input, request).status, ParseStatus::Incomplete);
  EXPECT_FALSE(parser.headersComplete());
  input += "\r";
  EXPECT_EQ(parser.parse(input, request).status, ParseStatus::Incomplete);
  input += "\n";
  ParseResult result = parser.parse(input, request);
  EXPECT_EQ(result.status, ParseStatus::Complete);
  EXPECT_EQ(result.consumed, input.size());
  EXPECT_TRUE(parser.headersComplete());
}

TEST(HttpRequestParserTest, ReadsAContentLengthBodyAndStopsThere) {
  std::string input =
      "POST /api HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
      "Content-Length: 13\r\n\r\n{\"query\":\"x\"}GET / HTTP/1.1\r\n";
  HttpRequestParser parser;
  HttpRequest request;
  ParseResult result = parser.parse(input, request);
  ASSERT_EQ(result.status, ParseStatus::Complete);
  EXPECT_EQ(request.method, Method::Post);
  EXPECT_EQ(request.body, "{\"query\":\"x\"}");
  EXPECT_TRUE(pointsInto(request.body, input));
  EXPECT_EQ(input.substr(result.consumed), "GET / HTTP/1.1\r\n");
}

TEST(HttpRequestParserTest, TrimsWhitespaceAroundValuesAndKeepsItInside) {
  auto outcome = parseWhole(
      "GET / HTTP/1.1\r\nHost:a\r\nX-A: \t spaced  out \t\r\nX-Empty:\r\nX-Blank:   \r\n\r\n");
  ASSERT_EQ(outcome.status, ParseStatus::Complete);
  ASSERT_EQ(outcome.headers.size(), 4u);
  EXPECT_EQ(outcome.headers[0].second, "a");
  EXPECT_EQ(outcome.headers[1].second, "spaced  out");
  EXPECT_EQ(outcome.headers[2].second, "");
  EXPECT_EQ(outcome.headers[3].second, "");
}

TEST(HttpRequestParserTest, AcceptsObsTextInValuesAndTargets) {
  auto outcome = parseWhole("GET /caf\xC3\xA9 HTTP/1.1\r\nHost: a\r\nX-Name: Jos\xC3\xA9\r\n\r\n");
  ASSERT_EQ(outcome.status, ParseStatus::Complete);
  EXPECT_EQ(outcome.path, "/caf\xC3\xA9");
  EXPECT_EQ(outcome.headers[1].second, "Jos\xC3\xA9");
}

TEST(HttpRequestParserTest, ToleratesBareLineFeeds) {
  auto outcome = parseWhole("GET /x HTTP/1.1\nHost: a\nAccept: */*\n\n");
  ASSERT_EQ(outcome.status, ParseStatus::Complete);
  EXPECT_EQ(outcome.path, "/x");
  EXPECT_EQ(outcome.headers.size(), 2u);
  EXPECT_EQ(outcome.headers[1].second, "*/*");
}

TEST(HttpRequestParserTest, SkipsEmptyLinesBeforeTheRequestLineAndCountsThem) {
  std::string input = "\r\n\r\n\nGET / HTTP/1.1\r\nHost: a\r\n\r\n";
  auto outcome = parseWhole(input);
  ASSERT_EQ(outcome.status, ParseStatus::Complete);
  EXPECT_EQ(outcome.consumed, input.size());
}

TEST(HttpRequestParserTest, HandlesEveryRequestTargetForm) {
  auto absolute = parseWhole("GET http://example.com:8080/a/b?c=d HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(absolute.status, ParseStatus::Complete);
  EXPECT_EQ(absolute.target, "http://example.com:8080/a/b?c=d");
  EXPECT_EQ(absolute.path, "/a/b");
  EXPECT_EQ(absolute.query, "c=d");

  auto absoluteNoPath = parseWhole("GET https://example.com?q HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(absoluteNoPath.status, ParseStatus::Complete);
  EXPECT_EQ(absoluteNoPath.path, "/");
  EXPECT_EQ(absoluteNoPath.query, "q");

  auto asterisk = parseWhole("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(asterisk.status, ParseStatus::Complete);
  EXPECT_EQ(asterisk.method, Method::Options);
  EXPECT_EQ(asterisk.path, "*");

  auto authority = parseWhole("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
  ASSERT_EQ(authority.status, ParseStatus::Complete);
  EXPECT_EQ(authority.method, Method::Connect);
  EXPECT_EQ(authority.path, "example.com:443");

  auto emptyQuery = parseWhole("GET /p? HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(emptyQuery.path, "/p");
  EXPECT_EQ(emptyQuery.query, "");
}

TEST(HttpRequestParserTest, ParsesEveryImplementedMethod) {
  for (auto [token, method] : {std::pair{"GET", Method::Get},
                               {"HEAD", Method::Head},
                               {"POST", Method::Post},
                               {"PUT", Method::Put},
                               {"DELETE", Method::Delete},
                               {"PATCH", Method::Patch},
                               {"OPTIONS", Method::Options},
                               {"TRACE", Method::Trace}}) {
    auto outcome = parseWhole(std::string(token) + " / HTTP/1.1\r\nHost: a\r\n\r\n");
    ASSERT_EQ(outcome.status, ParseStatus::Complete) << token;
    EXPECT_EQ(outcome.method, method) << token;
  }
}

struct KeepAliveCase {
  const char* version;
  const char* connection;  // nullptr: no Connection header
  bool keepAlive;
};

TEST(HttpRequestParserTest, DecidesKeepAliveFromVersionAndConnection) {
  const KeepAliveCase cases[] = {
      {"HTTP/1.1", nullptr, true},      {"HTTP/1.1", "close", false},
      {"HTTP/1.1", "CLOSE", false},     {"HTTP/1.1", "Upgrade, Close", false},
      {"HTTP/1.1", "keep-alive", true}, {"HTTP/1.1", "closed", true},
      {"HTTP/1.0", nullptr, false},     {"HTTP/1.0", "keep-alive", true},
      {"HTTP/1.0", "Keep-Alive", true}, {"HTTP/1.0", "keep-alive, close", false},
      {"HTTP/1.0", "close", false},
  };
  for (const KeepAliveCase& c : cases) {
    std::string input = std::string("GET / ") + c.version + "\r\nHost: a\r\n";
    if (c.connection) input += std::string("Connection: ") + c.connection + "\r\n";
    input += "\r\n";
    auto outcome = parseWhole(input);
    ASSERT_EQ(outcome.status, ParseStatus::Complete) << input;
    EXPECT_EQ(outcome.keepAlive, c.keepAlive) << input;
  }
}

TEST(HttpRequestParserTest, SeparateConnectionFieldsAreOneList) {
  auto outcome =
      parseWhole("GET / HTTP/1.1\r\nHost: a\r\nConnection: te\r\nConnection: close\r\n\r\n");
  EXPECT_FALSE(outcome.keepAlive);
}

TEST(HttpRequestParserTest, Http10NeedsNoHost) {
  auto outcome = parseWhole("GET / HTTP/1.0\r\n\r\n");
  ASSERT_EQ(outcome.status, ParseStatus::Complete);
  EXPECT_EQ(outcome.versionMinor, 0);
}

TEST(HttpRequestParserTest, ReportsTheHeadBeforeTheBodyForExpectContinue) {
  std::string input =
      "POST /upload HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 5\r\n\r\n";
  HttpRequestParser parser;
  HttpRequest request;
  ParseResult result = parser.parse(input, request);
  EXPECT_EQ(result.status, ParseStatus::Incomplete);
  EXPECT_TRUE(parser.headersComplete());
  EXPECT_TRUE(request.expectContinue);
  EXPECT_TRUE(request.keepAlive);
  EXPECT_EQ(request.method, Method::Post);
  EXPECT_EQ(request.versionMinor, 1);
  EXPECT_EQ(request.header("content-length"), "5");

  input += "hello";
  result = parser.parse(input, request);
  ASSERT_EQ(result.status, ParseStatus::Complete);
  EXPECT_EQ(request.body, "hello");
  EXPECT_TRUE(request.expectContinue);
}

TEST(HttpRequestParserTest, IgnoresExpectContinueFromHttp10) {
  HttpRequestParser parser;
  HttpRequest request;
  parser.parse("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n", request);
  EXPECT_TRUE(parser.headersComplete());
  EXPECT_FALSE(request.expectContinue);
}

TEST(HttpRequestParserTest, MovesItsViewsWhenTheBufferMoves) {
  std::string head = "POST /a?b HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\n";
  HttpRequestParser parser;
  HttpRequest request;
  {
    auto first = std::make_unique<std::string>(head + "x");
    ASSERT_EQ(parser.parse(*first, request).status, ParseStatus::Incomplete);
  }  // the first buffer is gone; the views must not point there any more
  std::string second = head + "xyz";
  ParseResult result = parser.parse(second, request);
  ASSERT_EQ(result.status, ParseStatus::Complete);
  EXPECT_TRUE(pointsInto(request.target, second));
  EXPECT_TRUE(pointsInto(request.path, second));
  EXPECT_TRUE(pointsInto(request.query, second));
  EXPECT_TRUE(pointsInto(request.headers[1].value, second));
  EXPECT_EQ(request.target, "/a?b");
  EXPECT_EQ(request.query, "b");
  EXPECT_EQ(request.headers[0].value, "h");
  EXPECT_EQ(request.body, "xyz");
}

TEST(HttpRequestParserTest, DecodesAChunkedBodyWithExtensionsAndTrailers) {
  std::string input =
      "POST /api HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5;name=value\r\nhello\r\n"
      "6 ; quoted=\"a;b\" ; flag\r\n world\r\n"
      "A\r\n0123456789\r\n"
      "0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n"
      "NEXT";
  HttpRequestParser parser;
  HttpRequest request;
  ParseResult result = parser.parse(input, request);
  ASSERT_EQ(result.status, ParseStatus::Complete) << result.error;
  EXPECT_TRUE(request.chunked);
  EXPECT_EQ(request.body, "hello world0123456789");
  EXPECT_EQ(request.body.data(), request.decodedBody.data());
  EXPECT_EQ(input.substr(result.consumed), "NEXT");
  EXPECT_FALSE(request.header("X-Checksum"));  // trailers are discarded
}

TEST(HttpRequestParserTest, AcceptsChunkedAsAListElementInAnyCase) {
  auto outcome = parseWhole(
      "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ,CHUNKED\r\n\r\n1\r\nx\r\n0\r\n\r\n");
  ASSERT_EQ(outcome.status, ParseStatus::Complete);
  EXPECT_EQ(outcome.body, "x");
}

TEST(HttpRequestParserTest, AcceptsAnEmptyChunkedBody) {
  auto outcome =
      parseWhole("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
  ASSERT_EQ(outcome.status, ParseStatus::Complete);
  EXPECT_TRUE(outcome.body.empty());
  EXPECT_TRUE(outcome.chunked);
}

TEST(HttpRequestParserTest, AcceptsRepeatedIdenticalContentLengths) {
  for (const char* fields :
       {"Content-Length: 3, 3\r\n", "Content-Length: 3\r\nContent-Length: 3\r\n",
        "Content-Length: 003\r\n", "Content-Length: 3,3,  3\r\n"}) {
    auto outcome = parseWhole(std::string("POST / HTTP/1.1\r\nHost: a\r\n") + fields + "\r\nabc");
    ASSERT_EQ(outcome.status, ParseStatus::Complete) << fields;
    EXPECT_EQ(outcome.body, "abc");
  }
}

TEST(HttpRequestParserTest, ParsesAHundredPipelinedRequestsOneAfterAnother) {
  std::string input;
  for (int i = 0; i < 100; ++i) {
    std::string n = std::to_string(i);
    switch (i % 3) {
      case 0:
        input += "GET /item/" + n + " HTTP/1.1\r\nHost: a\r\n\r\n";
        break;
      case 1:
        input += "POST /item/" + n +
                 " HTTP/1.1\r\nHost: a\r\nContent-Length: " + std::to_string(n.size()) +
                 "\r\n\r\n" + n;
        break;
      default:
        input += "PUT /item/" + n + " HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" +
                 std::to_string(n.size()) + "\r\n" + n + "\r\n0\r\n\r\n";
        break;
    }
  }
  HttpRequestParser parser;
  HttpRequest request;
  std::string_view rest = input;
  for (int i = 0; i < 100; ++i) {
    ParseResult result = parser.parse(rest, request);
    ASSERT_EQ(result.status, ParseStatus::Complete) << i << ": " << result.error;
    std::string n = std::to_string(i);
    EXPECT_EQ(request.path, "/item/" + n);
    EXPECT_EQ(request.body, i % 3 == 0 ? "" : n);
    EXPECT_EQ(request.chunked, i % 3 == 2);
    rest.remove_prefix(result.consumed);
    parser.reset();
  }
  EXPECT_TRUE(rest.empty());
  EXPECT_EQ(parser.parse(rest, request).status, ParseStatus::Incomplete);
}

TEST(HttpRequestParserTest, ErrorsAreStickyUntilReset) {
  HttpRequestParser parser;
  HttpRequest request;
  ParseResult first = parser.parse("GET / HTTP/9.9\r\n", request);
  EXPECT_EQ(first.errorStatus, 505);
  ParseResult again = parser.parse("GET / HTTP/1.1\r\nHost: a\r\n\r\n", request);
  EXPECT_EQ(again.status, ParseStatus::Error);
  EXPECT_EQ(again.errorStatus, 505);
  parser.reset();
  EXPECT_EQ(parser.parse("GET / HTTP/1.1\r\nHost: a\r\n\r\n", request).status,
            ParseStatus::Complete);
}

TEST(HttpRequestParserTest, ParsingAgainWithoutResetRepeatsTheRequest) {
  std::string input = "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nokGET";
  HttpRequestParser parser;
  HttpRequest request;
  ParseResult first = parser.parse(input, request);
  ASSERT_EQ(first.status, ParseStatus::Complete);
  std::string moved = input + "more";
  ParseResult again = parser.parse(moved, request);
  ASSERT_EQ(again.status, ParseStatus::Complete);
  EXPECT_EQ(again.consumed, first.consumed);
  EXPECT_TRUE(pointsInto(request.body, moved));
  EXPECT_EQ(request.body, "ok");
  EXPECT_EQ(request.path, "/x");
}

TEST(HttpRequestParserTest, ReusesTheRequestAcrossRequests) {
  HttpRequestParser parser;
  HttpRequest request;
  parser.parse(
      "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n",
      request);
  parser.reset();
  ParseResult result = parser.parse("GET /b HTTP/1.0\r\n\r\n", request);
  ASSERT_EQ(result.status, ParseStatus::Complete);
  EXPECT_EQ(request.path, "/b");
  EXPECT_TRUE(request.headers.empty());
  EXPECT_TRUE(request.body.empty());
  EXPECT_TRUE(request.decodedBody.empty());
  EXPECT_FALSE(request.chunked);
  EXPECT_FALSE(request.keepAlive);
}

}  // namespace
}  // namespace mt::http
