#include <gtest/gtest.h>

#include "CookieParser.h"

namespace mt::http {
namespace {

TEST(CookieParserTest, ParsesACookieString) {
  auto cookies = parseCookies("token=abc.def-ghi_jk; theme=dark; n=1");
  ASSERT_EQ(cookies.size(), 3u);
  EXPECT_EQ(cookies[0].name, "token");
  EXPECT_EQ(cookies[0].value, "abc.def-ghi_jk");
  EXPECT_EQ(cookies[1].name, "theme");
  EXPECT_EQ(cookies[2].value, "1");
}

TEST(CookieParserTest, ToleratesSpacingAndTrailingSeparators) {
  auto cookies = parseCookies("  a=1;b=2 ;  c = 3 ;; ");
  ASSERT_EQ(cookies.size(), 3u);
  EXPECT_EQ(cookies[0].value, "1");
  EXPECT_EQ(cookies[1].name, "b");
  EXPECT_EQ(cookies[1].value, "2");
  EXPECT_EQ(cookies[2].name, "c");
  EXPECT_EQ(cookies[2].value, "3");
}

TEST(CookieParserTest, StripsQuotesAndAllowsEmptyValues) {
  auto cookies = parseCookies("q=\"quoted value\"; e=; eq=a=b");
  ASSERT_EQ(cookies.size(), 3u);
  EXPECT_EQ(cookies[0].value, "quoted value");
  EXPECT_EQ(cookies[1].value, "");
  EXPECT_EQ(cookies[2].value, "a=b");
}

TEST(CookieParserTest, SkipsMalformedPairsAndKeepsTheRest) {
  auto cookies = parseCookies("novalue; =anon; bad name=1; x=\"unbalanced; ok=1; b=back\\slash");
  ASSERT_EQ(cookies.size(), 1u);
  EXPECT_EQ(cookies[0].name, "ok");
  EXPECT_TRUE(parseCookies("").empty());
}

TEST(CookieParserTest, FindsTheFirstCookieWithAName) {
  std::string_view header = "session=old; other=x; session=new";
  EXPECT_EQ(findCookie(header, "session"), "old");
  EXPECT_EQ(findCookie(header, "other"), "x");
  EXPECT_EQ(findCookie(header, "Session"), std::nullopt);
  EXPECT_EQ(findCookie(header, "missing"), std::nullopt);

  auto cookies = parseCookies(header);
  EXPECT_EQ(findCookie(cookies, "session"), "old");
  EXPECT_EQ(findCookie(cookies, "nope"), std::nullopt);
}

TEST(CookieParserTest, ValuesAreViewsIntoTheHeader) {
  std::string header = "token=secret";
  auto value = findCookie(header, "token");
  ASSERT_TRUE(value);
  EXPECT_EQ(value->data(), header.data() + 6);
}

}  // namespace
}  // namespace mt::http
