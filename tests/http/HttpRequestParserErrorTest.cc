// Malformed, hostile and oversized requests: each refusal and the status it carries.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "HttpRequestParser.h"
#include "ParserTestSupport.h"

namespace mt::http {
namespace {

using test::parseByteByByte;
using test::parseWhole;
using namespace std::string_literals;

struct ErrorCase {
  const char* name;
  std::string request;
  int status;
};

void expectErrors(const std::vector<ErrorCase>& cases) {
  for (const ErrorCase& c : cases) {
    auto whole = parseWhole(c.request);
    EXPECT_EQ(whole.status, ParseStatus::Error) << c.name;
    EXPECT_EQ(whole.errorStatus, c.status) << c.name;
    EXPECT_EQ(parseByteByByte(c.request).errorStatus, c.status) << c.name << " (byte by byte)";
  }
}

std::string withHost(std::string fieldsAndBody) {
  return "POST / HTTP/1.1\r\nHost: a\r\n" + fieldsAndBody;
}

std::string chunked(std::string body) {
  return withHost("Transfer-Encoding: chunked\r\n\r\n" + body);
}

TEST(HttpRequestParserErrorTest, MalformedRequestLinesAre400) {
  expectErrors({
      {"no version", "GET /\r\nHost: a\r\n\r\n", 400},
      {"no target", "GET\r\nHost: a\r\n\r\n", 400},
      {"two spaces", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"trailing space", "GET / HTTP/1.1 \r\nHost: a\r\n\r\n", 400},
      {"tab separator", "GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"lowercase version", "GET / http/1.1\r\nHost: a\r\n\r\n", 400},
      {"two-digit minor", "GET / HTTP/1.10\r\nHost: a\r\n\r\n", 400},
      {"method not a token", "GE(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"control char in target", "GET /a\x01 HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"DEL in target", "GET /a\x7F HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"relative target", "GET a/b HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"asterisk with GET", "GET * HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"authority with GET", "GET example.com:80 HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"CONNECT with a path", "CONNECT /x HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"CONNECT without port", "CONNECT example.com HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"absolute without host", "GET http:///x HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"CR inside the line", "GET /\r HTTP/1.1\r\nHost: a\r\n\r\n", 400},
      {"NUL in method", "G\0T / HTTP/1.1\r\nHost: a\r\n\r\n"s, 400},
      {"too many leading empty lines", std::string(9 * 2, '\n') + "GET / HTTP/1.1\r\n\r\n", 400},
  });
}

TEST(HttpRequestParserErrorTest, MalformedFieldsAre400) {
  expectErrors({
      {"space before colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400},
      {"tab before colon", "GET / HTTP/1.1\r\nHost\t: a\r\n\r\n", 400},
      {"obs-fold", "GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n two\r\n\r\n", 400},
      {"leading whitespace first", "GET / HTTP/1.1\r\n Host: a\r\n\r\n", 400},
      {"no colon", "GET / HTTP/1.1\r\nHost: a\r\nJustAName\r\n\r\n", 400},
      {"empty name", "GET / HTTP/1.1\r\nHost: a\r\n: v\r\n\r\n", 400},
      {"non-token name", "GET / HTTP/1.1\r\nHost: a\r\nX(y): v\r\n\r\n", 400},
      {"NUL in value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\0b\r\n\r\n"s, 400},
      {"CR in value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", 400},
      {"double CR", "GET / HTTP/1.1\r\nHost: a\r\r\n\r\n", 400},
      {"escape in value", "GET / HTTP/1.1\r\nHost: a\r\nX: \x1B[31m\r\n\r\n", 400},
      {"missing Host in 1.1", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", 400},
      {"two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n", 400},
  });
}

TEST(HttpRequestParserErrorTest, BadContentLengthsAre400) {
  expectErrors({
      {"letters", withHost("Content-Length: abc\r\n\r\n"), 400},
      {"sign", withHost("Content-Length: +5\r\n\r\n"), 400},
      {"negative", withHost("Content-Length: -1\r\n\r\n"), 400},
      {"hex", withHost("Content-Length: 0x10\r\n\r\n"), 400},
      {"decimal point", withHost("Content-Length: 1.0\r\n\r\n"), 400},
      {"inner space", withHost("Content-Length: 1 2\r\n\r\n"), 400},
      {"empty", withHost("Content-Length:\r\n\r\n"), 400},
      {"only commas", withHost("Content-Length: ,\r\n\r\n"), 400},
      {"overflow", withHost("Content-Length: 18446744073709551616\r\n\r\n"), 400},
      {"huge overflow", withHost("Content-Length: 99999999999999999999999999\r\n\r\n"), 400},
  });
}

TEST(HttpRequestParserErrorTest, SmugglingAttemptsAreRefused) {
  expectErrors({
      {"CL then TE", withHost("Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
       400},
      {"TE then CL", withHost("Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n"),
       400},
      {"conflicting CL list", withHost("Content-Length: 5, 6\r\n\r\nhello"), 400},
      {"conflicting CL fields", withHost("Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello"),
       400},
      {"chunked twice", withHost("Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n"), 400},
      {"chunked twice in fields",
       withHost("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"), 400},
      {"chunked not final", withHost("Transfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n"), 400},
      {"only gzip", withHost("Transfer-Encoding: gzip\r\n\r\n"), 400},
      {"empty TE", withHost("Transfer-Encoding:\r\n\r\n"), 400},
      {"TE in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400},
      {"non-hex size", chunked("g\r\nx\r\n0\r\n\r\n"), 400},
      {"empty size", chunked("\r\nx\r\n0\r\n\r\n"), 400},
      {"negative size", chunked("-1\r\nx\r\n0\r\n\r\n"), 400},
      {"0x prefix", chunked("0x1\r\nx\r\n0\r\n\r\n"), 400},
      {"size overflow", chunked("10000000000000000\r\nx\r\n0\r\n\r\n"), 400},
      {"space inside size", chunked("1 0\r\nx\r\n0\r\n\r\n"), 400},
      {"bare LF after size", chunked("1\nx\r\n0\r\n\r\n"), 400},
      {"bare LF after data", chunked("1\r\nx\n0\r\n\r\n"), 400},
      {"data longer than size", chunked("1\r\nxy\r\n0\r\n\r\n"), 400},
      {"CR in extension", chunked("1;a\rb\r\nx\r\n0\r\n\r\n"), 400},
      {"bare LF in last chunk", chunked("0\n\r\n"), 400},
      {"bare LF ending trailers", chunked("0\r\n\n"), 400},
      {"malformed trailer", chunked("0\r\nBad Trailer: x\r\n\r\n"), 400},
      {"chunk line too long", chunked("1;" + std::string(5000, 'a') + "\r\nx\r\n0\r\n\r\n"), 400},
  });
}

TEST(HttpRequestParserErrorTest, UnsupportedThingsAre501And505) {
  expectErrors({
      {"unknown method", "BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n", 501},
      {"lowercase method", "get / HTTP/1.1\r\nHost: a\r\n\r\n", 501},
      {"WebDAV method", "PROPFIND / HTTP/1.1\r\nHost: a\r\n\r\n", 501},
      {"gzip then chunked", withHost("Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"), 501},
      {"identity then chunked",
       withHost("Transfer-Encoding: identity\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"), 501},
      {"HTTP/2.0", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505},
      {"HTTP/1.2", "GET / HTTP/1.2\r\nHost: a\r\n\r\n", 505},
      {"HTTP/0.9", "GET / HTTP/0.9\r\n\r\n", 505},
      {"HTTP/3.0", "GET / HTTP/3.0\r\n\r\n", 505},
  });
}

TEST(HttpRequestParserErrorTest, AnEndlessMethodIsRefusedEarly) {
  HttpRequestParser parser;
  HttpRequest request;
  std::string input(33, 'X');
  EXPECT_EQ(parser.parse(input.substr(0, 32), request).status, ParseStatus::Incomplete);
  ParseResult result = parser.parse(input, request);
  EXPECT_EQ(result.errorStatus, 501);
}

// --- limits: exactly at each limit passes, one over fails ---------------------------

constexpr ParserLimits kSmallLimits{
    .maxRequestTarget = 64, .maxHeaderBytes = 128, .maxHeaderCount = 4, .maxBodyBytes = 100};

std::string requestWithTarget(std::size_t length) {
  return "GET /" + std::string(length - 1, 't') + " HTTP/1.1\r\nHost: a\r\n\r\n";
}

TEST(HttpRequestParserErrorTest, RequestTargetLimit) {
  for (ParserLimits limits : {kSmallLimits, ParserLimits{}}) {
    std::size_t max = limits.maxRequestTarget;
    auto atLimit = parseWhole(requestWithTarget(max), limits);
    EXPECT_EQ(atLimit.status, ParseStatus::Complete);
    EXPECT_EQ(atLimit.target.size(), max);
    EXPECT_EQ(parseWhole(requestWithTarget(max + 1), limits).errorStatus, 414);
    EXPECT_EQ(test::parseInPieces(requestWithTarget(max), {max / 2, max + 3}, limits).status,
              ParseStatus::Complete);
    EXPECT_EQ(parseByteByByte(requestWithTarget(max + 1), limits).errorStatus, 414);
  }
}

TEST(HttpRequestParserErrorTest, AHugeTargetIsRefusedBeforeItEnds) {
  // 1 MB of target arriving in 1 KiB pieces: refused within a piece of the limit.
  std::string input = "GET /" + std::string(1 << 20, 'a');
  HttpRequestParser parser;
  HttpRequest request;
  std::size_t fed = 0;
  ParseResult result;
  while (fed < input.size() && result.status == ParseStatus::Incomplete) {
    fed += 1024;
    result = parser.parse(std::string_view(input).substr(0, fed), request);
  }
  EXPECT_EQ(result.errorStatus, 414);
  EXPECT_LE(fed, parser.limits().maxRequestTarget + 2048);
}

// A header section of exactly `bytes` bytes: "Host: a\r\n" and one filler field.
std::string requestWithHeaderBytes(std::size_t bytes) {
  std::string host = "Host: a\r\n";
  std::string filler = "X: " + std::string(bytes - host.size() - 5, 'v') + "\r\n";
  return "GET / HTTP/1.1\r\n" + host + filler + "\r\n";
}

TEST(HttpRequestParserErrorTest, HeaderSectionSizeLimit) {
  for (ParserLimits limits : {kSmallLimits, ParserLimits{}}) {
    std::size_t max = limits.maxHeaderBytes;
    EXPECT_EQ(parseWhole(requestWithHeaderBytes(max), limits).status, ParseStatus::Complete);
    EXPECT_EQ(parseByteByByte(requestWithHeaderBytes(max), limits).status, ParseStatus::Complete);
    EXPECT_EQ(parseWhole(requestWithHeaderBytes(max + 1), limits).errorStatus, 431);
    EXPECT_EQ(parseByteByByte(requestWithHeaderBytes(max + 1), limits).errorStatus, 431);
  }
}

TEST(HttpRequestParserErrorTest, AnEndlessHeaderIsRefusedBeforeItEnds) {
  std::string input = "GET / HTTP/1.1\r\nHost: a\r\nX: " + std::string(1 << 20, 'v');
  HttpRequestParser parser;
  HttpRequest request;
  std::size_t fed = 0;
  ParseResult result;
  while (fed < input.size() && result.status == ParseStatus::Incomplete) {
    fed += 1024;
    result = parser.parse(std::string_view(input).substr(0, fed), request);
  }
  EXPECT_EQ(result.errorStatus, 431);
  EXPECT_LE(fed, parser.limits().maxHeaderBytes + 2048);
}

std::string requestWithFieldCount(std::size_t count) {
  std::string input = "GET / HTTP/1.1\r\nHost: a\r\n";
  for (std::size_t i = 1; i < count; ++i)
    input += "X-" + std::to_string(i) + ": v\r\n";
  return input + "\r\n";
}

TEST(HttpRequestParserErrorTest, HeaderCountLimit) {
  for (ParserLimits limits : {kSmallLimits, ParserLimits{}}) {
    std::size_t max = limits.maxHeaderCount;
    auto atLimit = parseWhole(requestWithFieldCount(max), limits);
    EXPECT_EQ(atLimit.status, ParseStatus::Complete);
    EXPECT_EQ(atLimit.headers.size(), max);
    EXPECT_EQ(parseWhole(requestWithFieldCount(max + 1), limits).errorStatus, 431);
    // Refused as soon as the field one too many ends, not at the end of the section.
    std::string head = requestWithFieldCount(max + 1);
    head.resize(head.size() - 2);
    EXPECT_EQ(parseWhole(head, limits).errorStatus, 431);
  }
}

std::string requestWithBody(std::size_t length) {
  return withHost("Content-Length: " + std::to_string(length) + "\r\n\r\n" +
                  std::string(length, 'b'));
}

TEST(HttpRequestParserErrorTest, ContentLengthBodyLimit) {
  for (ParserLimits limits : {kSmallLimits, ParserLimits{}}) {
    std::size_t max = limits.maxBodyBytes;
    auto atLimit = parseWhole(requestWithBody(max), limits);
    EXPECT_EQ(atLimit.status, ParseStatus::Complete);
    EXPECT_EQ(atLimit.body.size(), max);
    EXPECT_EQ(parseWhole(requestWithBody(max + 1), limits).errorStatus, 413);
  }
}

TEST(HttpRequestParserErrorTest, AnOversizedBodyIsRefusedBeforeItArrives) {
  HttpRequestParser parser;
  HttpRequest request;
  ParseResult result =
      parser.parse(withHost("Content-Length: 1048577\r\n\r\n"), request);  // no body bytes
  EXPECT_EQ(result.errorStatus, 413);
  parser.reset();
  result = parser.parse(withHost("Content-Length: 18446744073709551615\r\n\r\n"), request);
  EXPECT_EQ(result.errorStatus, 413);
}

std::string chunkedBodyOf(std::size_t length) {
  std::string body;
  // Two chunks, so the limit applies to the sum, not to one chunk.
  std::size_t first = length / 2;
  for (std::size_t part : {first, length - first}) {
    if (part == 0) continue;
    char size[20];
    std::snprintf(size, sizeof size, "%zx", part);
    body += std::string(size) + "\r\n" + std::string(part, 'c') + "\r\n";
  }
  return chunked(body + "0\r\n\r\n");
}

TEST(HttpRequestParserErrorTest, ChunkedBodyLimitAppliesToTheDecodedSize) {
  for (ParserLimits limits : {kSmallLimits, ParserLimits{}}) {
    std::size_t max = limits.maxBodyBytes;
    auto atLimit = parseWhole(chunkedBodyOf(max), limits);
    EXPECT_EQ(atLimit.status, ParseStatus::Complete);
    EXPECT_EQ(atLimit.body.size(), max);
    EXPECT_EQ(parseWhole(chunkedBodyOf(max + 1), limits).errorStatus, 413);
  }
  // A single huge chunk is refused at its size line, before its data.
  EXPECT_EQ(parseWhole(chunked("fffffffffff\r\n")).errorStatus, 413);
}

TEST(HttpRequestParserErrorTest, TrailerLimits) {
  std::string trailers;
  for (std::size_t i = 0; i < kSmallLimits.maxHeaderCount; ++i) {
    trailers += "T" + std::to_string(i) + ": v\r\n";
  }
  EXPECT_EQ(parseWhole(chunked("0\r\n" + trailers + "\r\n"), kSmallLimits).status,
            ParseStatus::Complete);
  EXPECT_EQ(parseWhole(chunked("0\r\n" + trailers + "T: v\r\n\r\n"), kSmallLimits).errorStatus,
            431);
  std::string big = "T: " + std::string(kSmallLimits.maxHeaderBytes, 'v') + "\r\n";
  EXPECT_EQ(parseWhole(chunked("0\r\n" + big + "\r\n"), kSmallLimits).errorStatus, 431);
  EXPECT_EQ(parseByteByByte(chunked("0\r\n" + big + "\r\n"), kSmallLimits).errorStatus, 431);
}

}  // namespace
}  // namespace mt::http
