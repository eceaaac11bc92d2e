#include <gtest/gtest.h>

#include "UrlEncoding.h"

namespace mt::http {
namespace {

using namespace std::string_literals;

TEST(UrlEncodingTest, DecodesEscapesInEitherCase) {
  EXPECT_EQ(percentDecode("a%20b%2fc%2Fd"), "a b/c/d");
  EXPECT_EQ(percentDecode("%E2%82%AC"), "\xE2\x82\xAC");
  EXPECT_EQ(percentDecode("%00"), "\0"s);
  EXPECT_EQ(percentDecode(""), "");
  EXPECT_EQ(percentDecode("plain"), "plain");
}

TEST(UrlEncodingTest, PlusIsASpaceOnlyWhenAsked) {
  EXPECT_EQ(percentDecode("a+b%2B"), "a+b+");
  EXPECT_EQ(percentDecode("a+b%2B", PlusAsSpace::Yes), "a b+");
}

TEST(UrlEncodingTest, RefusesBrokenEscapes) {
  for (const char* bad : {"%", "%2", "a%2", "%zz", "%2g", "%%", "%+1", "abc%"}) {
    EXPECT_EQ(percentDecode(bad), std::nullopt) << bad;
  }
}

TEST(UrlEncodingTest, ParsesAQueryStringInOrder) {
  auto params = parseQueryString("query=%7B+me+%7D&operationName=Me&flag&empty=&a=1&a=2");
  ASSERT_TRUE(params);
  ASSERT_EQ(params->size(), 6u);
  EXPECT_EQ((*params)[0].name, "query");
  EXPECT_EQ((*params)[0].value, "{ me }");
  EXPECT_EQ((*params)[2].name, "flag");
  EXPECT_EQ((*params)[2].value, "");
  EXPECT_EQ((*params)[3].value, "");
  ASSERT_NE(findQueryParam(*params, "operationName"), nullptr);
  EXPECT_EQ(*findQueryParam(*params, "operationName"), "Me");
  EXPECT_EQ(*findQueryParam(*params, "a"), "1");
  EXPECT_EQ(findQueryParam(*params, "missing"), nullptr);
  EXPECT_EQ(findQueryParam(*params, "Query"), nullptr);
}

TEST(UrlEncodingTest, DecodesNamesAndKeepsEqualsInValues) {
  auto params = parseQueryString("a%5B0%5D=x%3Dy&b=c=d");
  ASSERT_TRUE(params);
  EXPECT_EQ((*params)[0].name, "a[0]");
  EXPECT_EQ((*params)[0].value, "x=y");
  EXPECT_EQ((*params)[1].value, "c=d");
}

TEST(UrlEncodingTest, SkipsEmptySegments) {
  auto params = parseQueryString("&&a=1&&");
  ASSERT_TRUE(params);
  ASSERT_EQ(params->size(), 1u);
  EXPECT_EQ((*params)[0].name, "a");
  EXPECT_TRUE(parseQueryString("")->empty());
}

TEST(UrlEncodingTest, RefusesAQueryWithABrokenEscape) {
  EXPECT_EQ(parseQueryString("a=1&b=%zz"), std::nullopt);
  EXPECT_EQ(parseQueryString("%=1"), std::nullopt);
}

}  // namespace
}  // namespace mt::http
