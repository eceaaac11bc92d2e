#include <gtest/gtest.h>

#include "Source.h"

namespace mt::api {
namespace {

TEST(SourceTest, KeepsItsTextAndName) {
  Source source("{ a }", "schema.graphql");
  EXPECT_EQ(source.body(), "{ a }");
  EXPECT_EQ(source.name(), "schema.graphql");
  EXPECT_EQ(Source("x").name(), "GraphQL request");
}

TEST(SourceTest, LocatesOffsetsOnTheFirstLine) {
  Source source("abc");
  EXPECT_EQ(source.locationOf(0), (SourceLocation{1, 1}));
  EXPECT_EQ(source.locationOf(2), (SourceLocation{1, 3}));
  EXPECT_EQ(source.locationOf(3), (SourceLocation{1, 4}));
  EXPECT_EQ(source.locationOf(99), (SourceLocation{1, 4}));  // clamped to the end
}

TEST(SourceTest, StartsALineAfterEveryLineTerminator) {
  Source source("a\nb\r\nc\rd\n\re");
  EXPECT_EQ(source.locationOf(2), (SourceLocation{2, 1}));   // b
  EXPECT_EQ(source.locationOf(5), (SourceLocation{3, 1}));   // c
  EXPECT_EQ(source.locationOf(7), (SourceLocation{4, 1}));   // d
  EXPECT_EQ(source.locationOf(9), (SourceLocation{5, 1}));   // the empty line between \n and \r
  EXPECT_EQ(source.locationOf(10), (SourceLocation{6, 1}));  // e
  EXPECT_EQ(source.locationOf(1), (SourceLocation{1, 2}));   // the \n itself ends line 1
}

TEST(SourceTest, CountsColumnsInUtf16CodeUnits) {
  Source source("\"é😀\" x\n😀y");
  EXPECT_EQ(source.locationOf(9), (SourceLocation{1, 7}));   // x
  EXPECT_EQ(source.locationOf(15), (SourceLocation{2, 3}));  // y
}

TEST(SourceTest, CountsEachMalformedByteAsOneColumn) {
  Source source("\xFF\xC3x");
  EXPECT_EQ(source.locationOf(2), (SourceLocation{1, 3}));
}

}  // namespace
}  // namespace mt::api
