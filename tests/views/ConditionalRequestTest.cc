#include <gtest/gtest.h>

#include <chrono>

#include "CapturingSink.h"
#include "ConditionalRequest.h"
#include "FileVersion.h"
#include "HttpDate.h"

namespace mt::views {
namespace {

using namespace std::chrono;

TEST(ConditionalRequestTest, IfNoneMatchListsAndWeakComparison) {
  EXPECT_TRUE(ifNoneMatchMatches("\"a\"", "\"a\""));
  EXPECT_TRUE(ifNoneMatchMatches("W/\"a\"", "\"a\""));
  EXPECT_TRUE(ifNoneMatchMatches("\"a\"", "W/\"a\""));
  EXPECT_TRUE(ifNoneMatchMatches("\"x\", W/\"y\" ,\"a\"", "\"a\""));
  EXPECT_TRUE(ifNoneMatchMatches("\"x,y\", \"a\"", "\"a\""));
  EXPECT_TRUE(ifNoneMatchMatches("*", "\"a\""));
  EXPECT_FALSE(ifNoneMatchMatches("\"x,\\\"a\\\"\"", "\"a\""));
  EXPECT_FALSE(ifNoneMatchMatches("\"ab\"", "\"a\""));
  EXPECT_FALSE(ifNoneMatchMatches("a", "\"a\""));
  EXPECT_FALSE(ifNoneMatchMatches("garbage, \"b\"", "\"a\""));
  EXPECT_TRUE(ifNoneMatchMatches("garbage, \"a\"", "\"a\""));
  EXPECT_FALSE(ifNoneMatchMatches("", "\"a\""));
  EXPECT_FALSE(ifNoneMatchMatches("\"unterminated", "\"a\""));
}

TEST(ConditionalRequestTest, IfModifiedSinceComparesSeconds) {
  sys_seconds modified = sys_days{1994y / November / 6} + 8h + 49min + 37s;
  auto request = [](std::string_view date) {
    return testing::makeRequest(http::Method::Get, "/", {{"If-Modified-Since", date}});
  };
  EXPECT_TRUE(isNotModified(request("Sun, 06 Nov 1994 08:49:37 GMT"), "\"e\"", modified));
  EXPECT_TRUE(isNotModified(request("Sun, 06 Nov 1994 08:49:38 GMT"), "\"e\"", modified));
  EXPECT_FALSE(isNotModified(request("Sun, 06 Nov 1994 08:49:36 GMT"), "\"e\"", modified));
  EXPECT_FALSE(isNotModified(request("yesterday"), "\"e\"", modified));
  EXPECT_FALSE(isNotModified(testing::makeRequest(http::Method::Get, "/"), "\"e\"", modified));
}

TEST(FileVersionTest, EntityTagAndModifiedTime) {
  struct stat status {};
  status.st_ino = 0x1f;
  status.st_size = 256;
  status.st_mtim.tv_sec = 10;
  status.st_mtim.tv_nsec = 5;
  FileVersion version = FileVersion::of(status);
  EXPECT_EQ(version.entityTag(false), "\"1f-100-2540be405\"");
  EXPECT_EQ(version.entityTag(true), "W/\"1f-100-2540be405\"");
  EXPECT_EQ(version.modified(), sys_seconds(seconds(10)));
}

}  // namespace
}  // namespace mt::views
