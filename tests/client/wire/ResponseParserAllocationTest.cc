// A steady stream of responses allocates nothing once the parser's buffers have grown:
// this binary counts every operator new.
#include <gtest/gtest.h>

#include <cstdlib>
#include <new>
#include <string>

#include "ResponseParser.h"

namespace {
std::size_t allocations = 0;

// Out of line: GCC takes a free() inside operator delete for a mismatched pair.
[[gnu::noinline]] void release(void* memory) {
  std::free(memory);
}
}  // namespace

void* operator new(std::size_t size) {
  ++allocations;
  if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
  throw std::bad_alloc();
}
void operator delete(void* memory) noexcept {
  release(memory);
}
void operator delete(void* memory, std::size_t) noexcept {
  release(memory);
}

namespace mt::load {
namespace {

TEST(ResponseParserAllocations, SteadyStreamAllocatesNothing) {
  std::string chunkBody(150, 'c');
  std::string stream =
      "HTTP/1.1 200 OK\r\nDate: Sat, 28 Nov 2026 17:27:08 GMT\r\nServer: minitwitter\r\n"
      "Content-Type: application/graphql-response+json; charset=utf-8\r\n"
      "Content-Length: 100\r\n\r\n" +
      std::string(100, 'j') +
      "HTTP/1.1 100 Continue\r\n\r\n"
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/event-stream\r\n\r\n"
      "96;ext\r\n" +
      chunkBody + "\r\n0\r\nX-Trailer: 1\r\n\r\n";
  ResponseParser parser;
  auto parseAll = [&](std::size_t readSize) {
    std::size_t responses = 0;
    for (std::size_t at = 0; at < stream.size(); at += readSize) {
      std::string_view read = std::string_view(stream).substr(at, readSize);
      while (!read.empty()) {
        read.remove_prefix(parser.feed(read));
        if (parser.failed()) return std::size_t{0};
        if (parser.complete()) {
          ++responses;
          parser.reset();
        }
      }
    }
    return responses;
  };

  std::size_t beforeWarmUp = allocations;
  ASSERT_EQ(parseAll(stream.size()), 2u);  // warm-up: the buffers grow here
  ASSERT_GT(allocations, beforeWarmUp) << "the counter must see the parser's allocations";
  ASSERT_EQ(parseAll(7), 2u);

  std::size_t before = allocations;
  for (int i = 0; i < 100; ++i) {
    ASSERT_EQ(parseAll(stream.size()), 2u);
    ASSERT_EQ(parseAll(7), 2u);
  }
  EXPECT_EQ(allocations, before);
}

}  // namespace
}  // namespace mt::load
