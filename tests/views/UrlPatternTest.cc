#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

#include "UrlPattern.h"

namespace mt::views {
namespace {

std::optional<RouteParams> matchPath(std::string_view pattern, std::string_view path) {
  std::optional<RequestPath> parsed = RequestPath::parse(path);
  if (!parsed) ADD_FAILURE() << "bad test path " << path;
  return UrlPattern::path(pattern).match(*parsed);
}

std::optional<RouteParams> matchRegex(std::string_view pattern, std::string_view path) {
  std::optional<RequestPath> parsed = RequestPath::parse(path);
  if (!parsed) ADD_FAILURE() << "bad test path " << path;
  return UrlPattern::regex(pattern).match(*parsed);
}

TEST(RequestPathTest, SplitsAndDecodesEachSegment) {
  auto path = RequestPath::parse("/a%20b/c%2Fd/");
  ASSERT_TRUE(path);
  EXPECT_EQ(path->segments(), (std::vector<std::string>{"a b", "c/d", ""}));
  EXPECT_EQ(path->regexSubject(), "/a b/c%2Fd/");
  EXPECT_EQ(RequestPath::parse("/")->segments(), (std::vector<std::string>{""}));
  EXPECT_FALSE(RequestPath::parse("/a%zz"));
  EXPECT_FALSE(RequestPath::parse("/a%4"));
  EXPECT_FALSE(RequestPath::parse("relative"));
  EXPECT_EQ(RequestPath::unescapeRegexCapture("x%2Fy%25z%"), "x/y%z%");
}

TEST(UrlPatternTest, LiteralSegmentsMatchExactly) {
  EXPECT_TRUE(matchPath("/", "/"));
  EXPECT_TRUE(matchPath("/about", "/about"));
  EXPECT_FALSE(matchPath("/about", "/about/"));
  EXPECT_FALSE(matchPath("/about", "/About"));
  EXPECT_FALSE(matchPath("/a/b", "/a"));
  EXPECT_TRUE(matchPath("/caf\xC3\xA9", "/caf%C3%A9"));
}

TEST(UrlPatternTest, StrTakesOneNonEmptySegment) {
  auto params = matchPath("/users/<str:name>", "/users/bob");
  ASSERT_TRUE(params);
  EXPECT_EQ(params->string("name"), "bob");
  EXPECT_FALSE(matchPath("/users/<str:name>", "/users/"));
  EXPECT_FALSE(matchPath("/users/<str:name>", "/users/a/b"));
  // An encoded slash stays inside its segment.
  EXPECT_EQ(matchPath("/users/<str:name>", "/users/a%2Fb")->string("name"), "a/b");
  EXPECT_EQ(matchPath("/users/<name>", "/users/J%C3%B6rg")->string("name"), "J\xC3\xB6rg");
}

TEST(UrlPatternTest, IntParsesToInt64WithOverflowCheck) {
  EXPECT_EQ(matchPath("/t/<int:id>", "/t/42")->integer("id"), 42);
  EXPECT_EQ(matchPath("/t/<int:id>", "/t/007")->integer("id"), 7);
  EXPECT_EQ(matchPath("/t/<int:id>", "/t/9223372036854775807")->integer("id"),
            std::numeric_limits<std::int64_t>::max());
  EXPECT_FALSE(matchPath("/t/<int:id>", "/t/9223372036854775808"));
  EXPECT_FALSE(matchPath("/t/<int:id>", "/t/99999999999999999999999"));
  EXPECT_FALSE(matchPath("/t/<int:id>", "/t/-1"));
  EXPECT_FALSE(matchPath("/t/<int:id>", "/t/1a"));
  EXPECT_FALSE(matchPath("/t/<int:id>", "/t/"));
  EXPECT_EQ(matchPath("/t/<int:id>", "/t/12")->string("id"), "12");
}

TEST(UrlPatternTest, SlugAndUuid) {
  EXPECT_EQ(matchPath("/s/<slug:s>", "/s/Hello-world_9")->string("s"), "Hello-world_9");
  EXPECT_FALSE(matchPath("/s/<slug:s>", "/s/a.b"));
  EXPECT_FALSE(matchPath("/s/<slug:s>", "/s/a%20b"));
  EXPECT_TRUE(matchPath("/u/<uuid:u>", "/u/123e4567-e89b-12d3-a456-426614174000"));
  EXPECT_FALSE(matchPath("/u/<uuid:u>", "/u/123E4567-E89B-12D3-A456-426614174000"));
  EXPECT_FALSE(matchPath("/u/<uuid:u>", "/u/123e4567e89b12d3a456426614174000"));
}

TEST(UrlPatternTest, PathTakesWholeSegments) {
  EXPECT_EQ(matchPath("/files/<path:rest>", "/files/a/b/c.txt")->string("rest"), "a/b/c.txt");
  EXPECT_EQ(matchPath("/files/<path:rest>", "/files/a")->string("rest"), "a");
  EXPECT_EQ(matchPath("/files/<path:rest>", "/files/docs/")->string("rest"), "docs/");
  EXPECT_FALSE(matchPath("/files/<path:rest>", "/files/"));
  EXPECT_FALSE(matchPath("/files/<path:rest>", "/files"));
  auto edit = matchPath("/p/<path:page>/edit/<int:v>", "/p/a/b/edit/3");
  ASSERT_TRUE(edit);
  EXPECT_EQ(edit->string("page"), "a/b");
  EXPECT_EQ(edit->integer("v"), 3);
  EXPECT_FALSE(matchPath("/p/<path:page>/edit", "/p/edit"));
}

TEST(UrlPatternTest, ConverterSharingASegmentWithLiteralText) {
  auto params = matchPath("/t/<int:id>.json", "/t/5.json");
  ASSERT_TRUE(params);
  EXPECT_EQ(params->integer("id"), 5);
  EXPECT_FALSE(matchPath("/t/<int:id>.json", "/t/x.json"));
  EXPECT_FALSE(matchPath("/t/<int:id>.json", "/t/5.xml"));
  auto pair = matchPath("/v/<str:a>-<str:b>", "/v/x-y-z");
  ASSERT_TRUE(pair);
  EXPECT_EQ(pair->string("a"), "x-y");
  EXPECT_EQ(pair->string("b"), "z");
}

TEST(UrlPatternTest, MalformedPatternsThrow) {
  for (std::string_view bad : {"no-slash", "/<foo:x>", "/<int:1x>", "/<a>/<a>", "/a<b", "/a>b",
                               "/x<path:p>", "/<int:>", "/<>"}) {
    EXPECT_THROW(UrlPattern::path(bad), std::invalid_argument) << bad;
  }
  EXPECT_THROW(UrlPattern::regex("^/(?P<id>[0-9]+$"), std::invalid_argument);
  EXPECT_THROW(UrlPattern::regex("^/(?P<a>x)/(?P<a>y)$"), std::invalid_argument);
  EXPECT_THROW(UrlPattern::regex("^/(?P<1a>x)$"), std::invalid_argument);
}

TEST(UrlPatternTest, RegexNamedGroupsBecomeParams) {
  auto params = matchRegex("^/tweets/(?P<id>[0-9]+)$", "/tweets/123");
  ASSERT_TRUE(params);
  EXPECT_EQ(params->integer("id"), 123);
  EXPECT_EQ(params->size(), 1u);
  EXPECT_FALSE(matchRegex("^/tweets/(?P<id>[0-9]+)$", "/tweets/abc"));
  EXPECT_EQ(UrlPattern::regex("^/tweets/(?P<id>[0-9]+)$").source(), "^/tweets/(?P<id>[0-9]+)$");
}

TEST(UrlPatternTest, RegexGroupNumbersSkipNonCapturingEscapedAndClassParens) {
  auto params = matchRegex(R"(^/(?:a|b)/(x)\((?<first>[(a-z]+)\)/(?=[0-9])(?P<second>[0-9]+)$)",
                           "/b/x(q(r)/42");
  ASSERT_TRUE(params);
  EXPECT_EQ(params->string("first"), "q(r");
  EXPECT_EQ(params->integer("second"), 42);
}

TEST(UrlPatternTest, RegexSeesEncodedSlashAsPartOfItsSegment) {
  auto params = matchRegex("^/a/(?P<x>[^/]+)$", "/a/b%2Fc%25d");
  ASSERT_TRUE(params);
  EXPECT_EQ(params->string("x"), "b/c%d");
  EXPECT_FALSE(matchRegex("^/a/(?P<x>[^/]+)$", "/a/b/c"));
}

TEST(UrlPatternTest, OptionalGroupThatDidNotTakePartIsAbsent) {
  auto params = matchRegex("^/n(?P<num>[0-9]+)?$", "/n");
  ASSERT_TRUE(params);
  EXPECT_FALSE(params->contains("num"));
}

TEST(RouteParamsTest, TypedAccessors) {
  RouteParams params({{"n", "12", std::nullopt}, {"s", "abc", std::nullopt}});
  EXPECT_EQ(params.integer("n"), 12);
  EXPECT_THROW(params.integer("s"), std::invalid_argument);
  EXPECT_THROW(params.string("missing"), std::out_of_range);
  EXPECT_THROW(params.integer("missing"), std::out_of_range);
  EXPECT_EQ(params.find("s"), std::optional<std::string_view>("abc"));
  EXPECT_EQ(params.find("missing"), std::nullopt);
  EXPECT_EQ(parseInt64("-9223372036854775808"), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(parseInt64("+1"), std::nullopt);
  EXPECT_EQ(parseInt64(""), std::nullopt);
}

}  // namespace
}  // namespace mt::views
