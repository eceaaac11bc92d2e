#include <gtest/gtest.h>

#include <string>

#include "Buffer.h"

namespace mt::net {
namespace {

TEST(BufferTest, AppendsAndRetrievesInOrder) {
  Buffer buffer(8);
  buffer.append("hello ");
  buffer.append("world, this is longer than eight bytes");
  EXPECT_EQ(buffer.view(), "hello world, this is longer than eight bytes");
  buffer.retrieve(6);
  EXPECT_EQ(buffer.view().substr(0, 5), "world");
  buffer.retrieveAll();
  EXPECT_TRUE(buffer.empty());
}

TEST(BufferTest, CompactsBeforeGrowing) {
  Buffer buffer(16);
  buffer.append("0123456789abcdef");
  buffer.retrieve(12);
  buffer.append("ghijklmnop");  // fits once the 12 consumed bytes are reclaimed
  EXPECT_EQ(buffer.capacity(), 16u);
  EXPECT_EQ(buffer.view(), "cdefghijklmnop");
}

TEST(BufferTest, ShrinksOnlyWhenEmpty) {
  Buffer buffer(16);
  buffer.append(std::string(1000, 'x'));
  buffer.shrinkIfIdle(16);
  EXPECT_GE(buffer.capacity(), 1000u);
  buffer.retrieveAll();
  buffer.shrinkIfIdle(16);
  EXPECT_EQ(buffer.capacity(), 16u);
}

}  // namespace
}  // namespace mt::net
