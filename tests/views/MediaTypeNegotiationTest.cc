#include <gtest/gtest.h>

#include <array>

#include "MediaTypeNegotiation.h"

namespace mt::views {
namespace {

constexpr std::array<std::string_view, 2> kOffered = {"application/graphql-response+json",
                                                      "application/json"};

std::string negotiate(std::optional<std::string_view> accept) {
  auto chosen = negotiateMediaType(accept, kOffered);
  return chosen ? std::string(*chosen) : "406";
}

TEST(MediaTypeNegotiationTest, NoPreferenceGetsTheServersFirstChoice) {
  EXPECT_EQ(negotiate(std::nullopt), "application/graphql-response+json");
  EXPECT_EQ(negotiate(""), "application/graphql-response+json");
  EXPECT_EQ(negotiate("*/*"), "application/graphql-response+json");
  EXPECT_EQ(negotiate("application/*"), "application/graphql-response+json");
}

TEST(MediaTypeNegotiationTest, HonoursExplicitTypesAndQualities) {
  EXPECT_EQ(negotiate("application/json"), "application/json");
  EXPECT_EQ(negotiate("application/json, application/graphql-response+json;q=0.9"),
            "application/json");
  EXPECT_EQ(negotiate("application/graphql-response+json;q=0.5, application/json;q=0.8"),
            "application/json");
  EXPECT_EQ(negotiate("APPLICATION/JSON; charset=utf-8"), "application/json");
  // An exact range decides over a wildcard, even with a lower quality.
  EXPECT_EQ(negotiate("*/*;q=1, application/graphql-response+json;q=0"), "application/json");
}

TEST(MediaTypeNegotiationTest, NothingAcceptableIs406) {
  EXPECT_EQ(negotiate("text/html"), "406");
  EXPECT_EQ(negotiate("application/json;q=0, application/graphql-response+json;q=0"), "406");
  EXPECT_EQ(negotiate("garbage"), "406");
}

TEST(MediaTypeNegotiationTest, ParsesContentType) {
  ContentType plain = parseContentType("application/json");
  EXPECT_EQ(plain.mediaType, "application/json");
  EXPECT_FALSE(plain.charset);
  ContentType withCharset = parseContentType("Application/JSON ; Charset=\"UTF-8\"");
  EXPECT_EQ(withCharset.mediaType, "application/json");
  EXPECT_EQ(withCharset.charset, "utf-8");
}

}  // namespace
}  // namespace mt::views
