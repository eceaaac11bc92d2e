// How ResponseParser finds the end of each response, and what it reports about it.
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

TEST(ResponseParserFraming, ContentLengthBody) {
  ResponseParser parser;
  std::string input =
      "HTTP/1.1 200 OK\r\nDate: Sat, 28 Nov 2026 17:27:08 GMT\r\nServer: minitwitter\r\n"
      "Content-Type: application/json; charset=utf-8\r\nContent-Length: 13\r\n\r\n"
      "{\"data\":null}";
  EXPECT_EQ(parser.feed(input), input.size());
  ASSERT_TRUE(parser.complete());
  EXPECT_FALSE(parser.failed());
  EXPECT_EQ(parser.status(), 200);
  EXPECT_EQ(parser.contentType(), "application/json; charset=utf-8");
  EXPECT_EQ(parser.body(), "{\"data\":null}");
  EXPECT_TRUE(parser.keepAlive());
  EXPECT_FALSE(parser.inProgress());
}

TEST(ResponseParserFraming, ZeroContentLengthCompletesAtEndOfHead) {
  ResponseParser parser;
  std::string input = "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n";
  EXPECT_EQ(parser.feed(input), input.size());
  ASSERT_TRUE(parser.complete());
  EXPECT_EQ(parser.status(), 201);
  EXPECT_EQ(parser.body(), "");
  EXPECT_EQ(parser.contentType(), "");
}

TEST(ResponseParserFraming, ChunkedBodyWithExtensionsAndTrailers) {
  EXPECT_EQ(
      parseStream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n"
                  "\r\n"
                  "5\r\nhello\r\n"
                  "1;name=value\r\n \r\n"
                  "A ; a=1 ; b=\"x y\"\r\n0123456789\r\n"
                  "000\r\nTrailer-One: 1\r\nTrailer-Two: two\r\n\r\n"),
      (Responses{ok(200, "hello 0123456789", true, "text/plain")}));
}

TEST(ResponseParserFraming, ChunkSizeInEitherCaseWithLeadingZeros) {
  std::string body(0x1f, 'b');
  EXPECT_EQ(parseStream("HTTP/1.1 200 OK\r\ntransfer-encoding: CHUNKED\r\n\r\n"
                        "001F\r\n" +
                        body + "\r\n0\r\n\r\n"),
            (Responses{ok(200, body)}));
  EXPECT_EQ(parseStream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1f\r\n" + body +
                        "\r\n0\r\n\r\n"),
            (Responses{ok(200, body)}));
}

TEST(ResponseParserFraming, TransferEncodingListWithEmptyElements) {
  EXPECT_EQ(
      parseStream("HTTP/1.1 200 OK\r\nTransfer-Encoding: , chunked ,\r\n\r\n2\r\nok\r\n0\r\n\r\n"),
      (Responses{ok(200, "ok")}));
}

TEST(ResponseParserFraming, BodyUntilCloseEndsWithTheConnection) {
  ResponseParser parser;
  std::string input = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>hi";
  EXPECT_EQ(parser.feed(input), input.size());
  EXPECT_FALSE(parser.complete());
  EXPECT_TRUE(parser.inProgress());
  EXPECT_EQ(parser.feed("</p>"), 4u);
  EXPECT_FALSE(parser.complete());
  parser.connectionClosed();
  ASSERT_TRUE(parser.complete());
  EXPECT_EQ(parser.body(), "<p>hi</p>");
  EXPECT_FALSE(parser.keepAlive());
  EXPECT_EQ(parser.contentType(), "text/html");
}

TEST(ResponseParserFraming, EmptyBodyUntilClose) {
  EXPECT_EQ(parseStream("HTTP/1.1 200 OK\r\n\r\n"), (Responses{ok(200, "", false)}));
}

TEST(ResponseParserFraming, InterimResponsesAreSkipped) {
  EXPECT_EQ(parseStream("HTTP/1.1 100 Continue\r\n\r\n"
                        "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n"
                        "Content-Type: text/css\r\nConnection: close\r\n\r\n"
                        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
            (Responses{ok(200, "ok")}));
}

TEST(ResponseParserFraming, InterimResponseKeepsTheParserInProgress) {
  ResponseParser parser;
  parser.feed("HTTP/1.1 100 Continue\r\n\r\n");
  EXPECT_FALSE(parser.complete());
  EXPECT_TRUE(parser.inProgress());
  parser.connectionClosed();
  ASSERT_TRUE(parser.failed());
  EXPECT_EQ(parser.error(), "connection closed mid-response");
}

TEST(ResponseParserFraming, NoContentAndNotModifiedHaveNoBody) {
  EXPECT_EQ(parseStream("HTTP/1.1 204 No Content\r\n\r\n"
                        "HTTP/1.1 304 Not Modified\r\nContent-Length: 1234\r\nETag: \"x\"\r\n\r\n"
                        "HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n"
                        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nz"),
            (Responses{ok(204, ""), ok(304, ""), ok(204, ""), ok(200, "z")}));
}

TEST(ResponseParserFraming, HeadResponseHasNoBodyWhateverItsLength) {
  ResponseParser parser;
  parser.expectNoBody();
  std::string head =
      "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 999999999999\r\n\r\n";
  std::string next = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc";
  EXPECT_EQ(parser.feed(head + next), head.size());
  ASSERT_TRUE(parser.complete());
  EXPECT_EQ(parser.body(), "");
  EXPECT_EQ(parser.contentType(), "image/png");
  EXPECT_TRUE(parser.keepAlive());

  // reset() forgets the HEAD: the next response reads its body.
  parser.reset();
  EXPECT_EQ(parser.feed(next), next.size());
  ASSERT_TRUE(parser.complete());
  EXPECT_EQ(parser.body(), "abc");
}

TEST(ResponseParserFraming, HeadResponseWithoutLengthDoesNotWaitForClose) {
  EXPECT_EQ(
      parseStream("HTTP/1.1 200 OK\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", {}, 1),
      (Responses{ok(200, ""), ok(200, "")}));
}

TEST(ResponseParserFraming, HeadExpectationSurvivesInterimResponses) {
  EXPECT_EQ(parseStream("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n",
                        {}, 1),
            (Responses{ok(200, "")}));
}

TEST(ResponseParserFraming, PipelinedResponsesInOneBuffer) {
  std::string first = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst";
  std::string second =
      "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nnot\r\n0\r\n\r\n";
  std::string third = "HTTP/1.1 204 No Content\r\n\r\n";
  std::string all = first + second + third;

  ResponseParser parser;
  std::string_view rest = all;
  EXPECT_EQ(parser.feed(rest), first.size());
  ASSERT_TRUE(parser.complete());
  EXPECT_EQ(parser.body(), "first");
  EXPECT_EQ(parser.feed(rest.substr(first.size())), 0u) << "a complete parser takes nothing";
  rest.remove_prefix(first.size());
  parser.reset();

  EXPECT_EQ(parser.feed(rest), second.size());
  ASSERT_TRUE(parser.complete());
  EXPECT_EQ(parser.status(), 404);
  EXPECT_EQ(parser.body(), "not");
  rest.remove_prefix(second.size());
  parser.reset();

  EXPECT_EQ(parser.feed(rest), third.size());
  ASSERT_TRUE(parser.complete());
  EXPECT_EQ(parser.status(), 204);
}

TEST(ResponseParserFraming, KeepAliveRules) {
  auto keepAlive = [](const std::string& head) {
    std::vector<Parsed> parsed = parseStream(head + "Content-Length: 0\r\n\r\n");
    EXPECT_EQ(parsed.size(), 1u) << head;
    EXPECT_FALSE(parsed.empty() || parsed[0].failed) << head;
    return !parsed.empty() && parsed[0].keepAlive;
  };
  EXPECT_TRUE(keepAlive("HTTP/1.1 200 OK\r\n"));
  EXPECT_FALSE(keepAlive("HTTP/1.1 200 OK\r\nConnection: close\r\n"));
  EXPECT_FALSE(keepAlive("HTTP/1.1 200 OK\r\nconnection: Keep-Alive, CLOSE\r\n"));
  EXPECT_FALSE(keepAlive("HTTP/1.1 200 OK\r\nConnection: upgrade\r\nConnection: close\r\n"));
  EXPECT_TRUE(keepAlive("HTTP/1.1 200 OK\r\nConnection: closed, keep-alive\r\n"));
  EXPECT_FALSE(keepAlive("HTTP/1.0 200 OK\r\n"));
  EXPECT_TRUE(keepAlive("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n"));
  EXPECT_TRUE(keepAlive("HTTP/1.0 200 OK\r\nCONNECTION:\tKEEP-ALIVE \r\n"));
  EXPECT_FALSE(keepAlive("HTTP/1.0 200 OK\r\nConnection: keep-alive, close\r\n"));
  // A later minor version is read as 1.1 (RFC 9110 2.5).
  EXPECT_TRUE(keepAlive("HTTP/1.2 200 OK\r\n"));
}

TEST(ResponseParserFraming, HeaderNamesAreCaseInsensitive) {
  EXPECT_EQ(
      parseStream("HTTP/1.1 200 OK\r\nCONTENT-TYPE: a/b\r\ncontent-length: 2\r\n\r\nokHTTP/1.1 "
                  "200 OK\r\ncOnTeNt-LeNgTh: 1\r\nContent-type: c/d\r\n\r\n!"),
      (Responses{ok(200, "ok", true, "a/b"), ok(200, "!", true, "c/d")}));
}

TEST(ResponseParserFraming, LookalikeHeaderNamesAreIgnored) {
  EXPECT_EQ(parseStream("HTTP/1.1 200 OK\r\nContent-Lengthy: 9\r\nXContent-Length: 9\r\n"
                        "Content_Length: 9\r\nTransfer-Encodinq: chunked\r\nConnectiom: close\r\n"
                        "Content-Length: 1\r\n\r\n1"),
            (Responses{ok(200, "1")}));
}

TEST(ResponseParserFraming, ContentTypeIsTrimmedAndTheFirstWins) {
  EXPECT_EQ(parseStream("HTTP/1.1 200 OK\r\nContent-Type: \t text/plain ; q=1 \t\r\n"
                        "Content-Type: text/html\r\nContent-Length: 0\r\n\r\n"),
            (Responses{ok(200, "", true, "text/plain ; q=1")}));
}

TEST(ResponseParserFraming, AgreeingContentLengthsAreOneLength) {
  EXPECT_EQ(parseStream("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 003\r\n\r\nabc"),
            (Responses{ok(200, "abc")}));
  EXPECT_EQ(parseStream("HTTP/1.1 200 OK\r\nContent-Length: 3, 3,3\r\n\r\nabc"),
            (Responses{ok(200, "abc")}));
}

TEST(ResponseParserFraming, ReasonPhraseMayBeEmptyOrMissing) {
  EXPECT_EQ(
      parseStream("HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n"
                  "HTTP/1.1 500\r\nContent-Length: 0\r\n\r\n"
                  "HTTP/1.1 418 I'm a teapot, \xe2\x98\x95\tsort of\r\nContent-Length: 0\r\n\r\n"),
      (Responses{ok(200, ""), ok(500, ""), ok(418, "")}));
}

TEST(ResponseParserFraming, BareLineFeedsAreAccepted) {
  EXPECT_EQ(parseStream("HTTP/1.1 200 OK\nContent-Length: 2\n\nok"
                        "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2\nab\n0\nX: y\n\n"),
            (Responses{ok(200, "ok"), ok(200, "ab")}));
}

TEST(ResponseParserFraming, UnknownHeadersWithOddButValidValues) {
  EXPECT_EQ(parseStream("HTTP/1.1 200 OK\r\nX-Empty:\r\nX-Spaces:    \r\nX-Obs: \xff\x80\r\n"
                        "!#$%&'*+-.^_`|~09az: x\r\nContent-Length: 0\r\n\r\n"),
            (Responses{ok(200, "")}));
}

TEST(ResponseParserFraming, InProgressFollowsTheResponse) {
  ResponseParser parser;
  EXPECT_FALSE(parser.inProgress());
  parser.feed("");
  EXPECT_FALSE(parser.inProgress());
  parser.feed("H");
  EXPECT_TRUE(parser.inProgress());
  parser.feed("TTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n");
  EXPECT_TRUE(parser.inProgress());
  parser.feed("x");
  EXPECT_TRUE(parser.complete());
  EXPECT_FALSE(parser.inProgress());
  parser.reset();
  EXPECT_FALSE(parser.inProgress());
  parser.feed("nonsense\r\n");
  EXPECT_TRUE(parser.failed());
  EXPECT_FALSE(parser.inProgress());
}

TEST(ResponseParserFraming, ConnectionClosedBetweenResponsesDoesNothing) {
  ResponseParser parser;
  parser.connectionClosed();
  EXPECT_FALSE(parser.failed());
  EXPECT_FALSE(parser.complete());
  parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
  ASSERT_TRUE(parser.complete());
  parser.connectionClosed();
  EXPECT_TRUE(parser.complete());
  EXPECT_TRUE(parser.keepAlive());
}

TEST(ResponseParserFraming, ConnectionClosedMidResponseFails) {
  for (std::string cutShort :
       {"HTTP/1.1 2", "HTTP/1.1 200 OK\r\n", "HTTP/1.1 200 OK\r\nContent-Len",
        "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nabc",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nab",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nA: b\r\n"}) {
    EXPECT_EQ(parseStream(cutShort), (Responses{failure("connection closed mid-response")}))
        << cutShort;
  }
}

TEST(ResponseParserFraming, ResetReusesTheParser) {
  ResponseParser parser;
  std::string body(300, 'q');
  std::string response =
      "HTTP/1.1 200 OK\r\nContent-Type: application/graphql-response+json\r\n"
      "Content-Length: 300\r\n\r\n" +
      body;
  parser.feed(response);
  ASSERT_TRUE(parser.complete());
  const char* bodyBuffer = parser.body().data();
  for (int i = 0; i < 3; ++i) {
    parser.reset();
    EXPECT_FALSE(parser.complete());
    EXPECT_EQ(parser.status(), 0);
    EXPECT_EQ(parser.body(), "");
    EXPECT_EQ(parser.contentType(), "");
    EXPECT_EQ(parser.feed(response), response.size());
    ASSERT_TRUE(parser.complete());
    EXPECT_EQ(parser.body(), body);
    EXPECT_EQ(parser.body().data(), bodyBuffer) << "the body buffer keeps its capacity";
  }

  // After a failure too.
  parser.reset();
  parser.feed("HTTP/9.9 200 OK\r\n");
  ASSERT_TRUE(parser.failed());
  parser.reset();
  EXPECT_FALSE(parser.failed());
  EXPECT_EQ(parser.error(), "");
  EXPECT_EQ(parser.feed(response), response.size());
  ASSERT_TRUE(parser.complete());
  EXPECT_EQ(parser.body(), body);
}

}  // namespace
}  // namespace mt::load
