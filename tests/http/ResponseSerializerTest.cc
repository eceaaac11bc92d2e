#include <gtest/gtest.h>

#include <string>

#include "ResponseSerializer.h"

namespace mt::http {
namespace {

constexpr std::string_view kDate = "Sun, 06 Nov 1994 08:49:37 GMT";

ResponseFraming framing() {
  ResponseFraming f;
  f.date = kDate;
  return f;
}

std::string serialize(const HttpResponse& response, const ResponseFraming& f) {
  std::string out;
  appendResponse(response, f, out);
  return out;
}

TEST(ResponseSerializerTest, WritesAKeepAliveResponse) {
  auto response = HttpResponse::text(200, "hello");
  EXPECT_EQ(serialize(response, framing()),
            "HTTP/1.1 200 OK\r\n"
            "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
            "Server: minitwitter\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Length: 5\r\n"
            "\r\n"
            "hello");
}

TEST(ResponseSerializerTest, SaysCloseWhenTheConnectionEnds) {
  HttpResponse response(404);
  response.body = "nope";
  auto f = framing();
  f.keepAlive = false;
  f.server = {};
  EXPECT_EQ(serialize(response, f),
            "HTTP/1.1 404 Not Found\r\n"
            "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
            "Content-Length: 4\r\n"
            "Connection: close\r\n"
            "\r\n"
            "nope");
}

TEST(ResponseSerializerTest, AnswersHttp10InKind) {
  HttpResponse response(200);
  auto f = framing();
  f.versionMinor = 0;
  f.date = {};
  f.server = {};
  EXPECT_EQ(serialize(response, f),
            "HTTP/1.0 200 OK\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n");
  f.keepAlive = false;
  EXPECT_EQ(serialize(response, f),
            "HTTP/1.0 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
}

TEST(ResponseSerializerTest, HeadGetsTheLengthButNoBody) {
  auto response = HttpResponse::text(200, "0123456789");
  auto f = framing();
  f.headRequest = true;
  f.date = {};
  EXPECT_EQ(serialize(response, f),
            "HTTP/1.1 200 OK\r\nServer: minitwitter\r\n"
            "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 10\r\n\r\n");
}

TEST(ResponseSerializerTest, StatusesWithoutBodyHaveNoLength) {
  auto f = framing();
  f.date = {};
  f.server = {};
  HttpResponse noContent(204);
  noContent.body = "ignored";
  EXPECT_EQ(serialize(noContent, f), "HTTP/1.1 204 No Content\r\n\r\n");
  HttpResponse notModified(304);
  notModified.setHeader("ETag", "\"v1\"");
  EXPECT_EQ(serialize(notModified, f), "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\n\r\n");
  std::string out;
  serializeResponseHead(HttpResponse(100), f, out);
  EXPECT_EQ(out, "HTTP/1.1 100 Continue\r\n\r\n");
}

TEST(ResponseSerializerTest, FramingHeadersFromTheViewAreReplaced) {
  HttpResponse response(200);
  response.body = "abc";
  response.addHeader("content-length", "999").addHeader("Transfer-Encoding", "gzip");
  response.addHeader("X-Kept", "yes");
  auto f = framing();
  f.date = {};
  f.server = {};
  EXPECT_EQ(serialize(response, f),
            "HTTP/1.1 200 OK\r\nX-Kept: yes\r\nContent-Length: 3\r\n\r\nabc");
}

TEST(ResponseSerializerTest, AViewsOwnDateAndServerWin) {
  HttpResponse response(200);
  response.setHeader("Server", "proxy").setHeader("date", "Mon, 07 Nov 1994 00:00:00 GMT");
  EXPECT_EQ(serialize(response, framing()),
            "HTTP/1.1 200 OK\r\nServer: proxy\r\ndate: Mon, 07 Nov 1994 00:00:00 GMT\r\n"
            "Content-Length: 0\r\n\r\n");
}

TEST(ResponseSerializerTest, AFileBodyCountsButIsNotAppended) {
  HttpResponse response(200);
  response.file = FileBody{nullptr, 0, 1234};
  response.body = "not sent";
  auto f = framing();
  f.date = {};
  f.server = {};
  EXPECT_EQ(serialize(response, f), "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n");
}

TEST(ResponseSerializerTest, StreamsInChunks) {
  HttpResponse response(200);
  response.setHeader("Content-Type", "text/event-stream");
  auto f = framing();
  f.chunked = true;
  f.date = {};
  f.server = {};
  EXPECT_TRUE(usesChunkedCoding(f));
  std::string out;
  serializeResponseHead(response, f, out);
  appendChunk("data: 1\n\n", out);
  appendChunk("", out);
  appendChunk(std::string(300, 'x'), out);
  appendLastChunk(out);
  EXPECT_EQ(out,
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n"
            "\r\n"
            "9\r\ndata: 1\n\n\r\n"
            "12c\r\n" +
                std::string(300, 'x') +
                "\r\n"
                "0\r\n\r\n");
}

TEST(ResponseSerializerTest, StreamsToHttp10ByClosing) {
  HttpResponse response(200);
  auto f = framing();
  f.chunked = true;
  f.versionMinor = 0;
  f.date = {};
  f.server = {};
  EXPECT_FALSE(usesChunkedCoding(f));
  std::string out;
  serializeResponseHead(response, f, out);
  EXPECT_EQ(out, "HTTP/1.0 200 OK\r\nConnection: close\r\n\r\n");
}

TEST(ResponseSerializerTest, AppendsToWhatIsThere) {
  std::string out = "previous";
  auto f = framing();
  f.date = {};
  f.server = {};
  appendResponse(HttpResponse(201), f, out);
  EXPECT_EQ(out, "previousHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
}

TEST(ResponseSerializerTest, KnowsWhichResponsesHaveABody) {
  EXPECT_TRUE(responseHasBody(200, false));
  EXPECT_TRUE(responseHasBody(404, false));
  EXPECT_FALSE(responseHasBody(200, true));
  EXPECT_FALSE(responseHasBody(101, false));
  EXPECT_FALSE(responseHasBody(204, false));
  EXPECT_FALSE(responseHasBody(304, false));
}

}  // namespace
}  // namespace mt::http
