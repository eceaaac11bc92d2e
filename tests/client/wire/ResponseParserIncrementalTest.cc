// The incremental property: however the bytes are cut into reads, the parser reports
// the same responses (or the same failure) as when they arrive in one read.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ParsedResponses.h"

namespace mt::load {
namespace {

using testing::Parsed;
using testing::parseStream;

struct Stream {
  const char* name;
  std::string bytes;
  std::uint64_t headMask = 0;
};

std::vector<Stream> streams() {
  return {
      {"content-length",
       "HTTP/1.1 200 OK\r\nDate: Sat, 28 Nov 2026 17:27:08 GMT\r\nServer: minitwitter\r\n"
       "Content-Type: application/json\r\nContent-Length: 17\r\n\r\n{\"data\":{\"a\":1}}\n"},
      {"chunked",
       "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\nWiki\r\n5\r\npedia\r\n"
       "E\r\n in\r\n\r\nchunks.\r\n0\r\nExpires: never\r\n\r\n"},
      {"interim then final",
       "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok"},
      {"until close", "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of the rest"},
      {"pipelined",
       "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na"
       "HTTP/1.1 304 Not Modified\r\nContent-Length: 50\r\n\r\n"
       "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n"
       "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: "
       "close\r\n\r\n1\r\nb\r\n0\r\n\r\n",
       0b100},
      {"bare line feeds", "HTTP/1.1 200 OK\nContent-Length: 3\n\nabcHTTP/1.1 204 No Content\n\n"},
      {"failure in the middle",
       "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx"
       "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxx"},
      {"failure in a chunk",
       "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n"},
  };
}

TEST(ResponseParserIncremental, OneCutAnywhere) {
  for (const Stream& stream : streams()) {
    std::vector<Parsed> whole = parseStream(stream.bytes, {}, stream.headMask);
    ASSERT_FALSE(whole.empty()) << stream.name;
    for (std::size_t cut = 0; cut <= stream.bytes.size(); ++cut) {
      ASSERT_EQ(parseStream(stream.bytes, {cut}, stream.headMask), whole)
          << stream.name << ", cut at " << cut;
    }
  }
}

TEST(ResponseParserIncremental, TwoCutsAnywhere) {
  for (const Stream& stream : streams()) {
    std::vector<Parsed> whole = parseStream(stream.bytes, {}, stream.headMask);
    for (std::size_t first = 0; first <= stream.bytes.size(); ++first) {
      for (std::size_t second = first; second <= stream.bytes.size(); ++second) {
        ASSERT_EQ(parseStream(stream.bytes, {first, second}, stream.headMask), whole)
            << stream.name << ", cuts at " << first << " and " << second;
      }
    }
  }
}

TEST(ResponseParserIncremental, ByteByByte) {
  for (const Stream& stream : streams()) {
    std::vector<std::size_t> everyByte;
    for (std::size_t i = 1; i < stream.bytes.size(); ++i)
      everyByte.push_back(i);
    EXPECT_EQ(parseStream(stream.bytes, everyByte, stream.headMask),
              parseStream(stream.bytes, {}, stream.headMask))
        << stream.name;
  }
}

TEST(ResponseParserIncremental, ExpectedOutcomes) {
  using testing::failure;
  using testing::ok;
  std::vector<std::vector<Parsed>> expected = {
      {ok(200, "{\"data\":{\"a\":1}}\n", true, "application/json")},
      {ok(200, "Wikipedia in\r\n\r\nchunks.")},
      {ok(201, "ok")},
      {ok(200, "all of the rest", false, "text/plain")},
      {ok(200, "a"), ok(304, ""), ok(200, ""), ok(200, "b", false)},
      {ok(200, "abc"), ok(204, "")},
      {ok(200, "x"), failure("conflicting Content-Length values")},
      {failure("missing CRLF after chunk data")},
  };
  std::vector<Stream> all = streams();
  ASSERT_EQ(all.size(), expected.size());
  for (std::size_t i = 0; i < all.size(); ++i)
    EXPECT_EQ(parseStream(all[i].bytes, {}, all[i].headMask), expected[i]) << all[i].name;
}

}  // namespace
}  // namespace mt::load
