#include <gtest/gtest.h>

#include <string>

#include "CapturingSink.h"
#include "Router.h"
#include "StaticFiles.h"

namespace mt::views {
namespace {

using http::Method;
using testing::dispatch;
using testing::headerOf;

// The bundled site as the executable serves it; the benchmark fixtures must keep
// their exact sizes, since results are compared with nginx serving the same files.
class SiteTest : public ::testing::Test {
 protected:
  SiteTest() : files_(StaticFilesOptions{.root = MT_SITE_DIR}) {
    router_.get("/", files_.view());
    router_.get("/<path:path>", files_.view());
  }
  StaticFiles files_;
  Router router_;
};

TEST_F(SiteTest, BenchmarkFixturesHaveTheirExactSizes) {
  http::HttpResponse hello = dispatch(router_, Method::Get, "/files/hello-100.txt");
  EXPECT_EQ(hello.status, 200);
  EXPECT_EQ(hello.body.size(), 100u);
  EXPECT_EQ(headerOf(hello, "Content-Type"), "text/plain; charset=utf-8");
  http::HttpResponse asset = dispatch(router_, Method::Get, "/files/asset-4k.txt");
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.body.size(), 4096u);
}

TEST_F(SiteTest, IndexStylesheetAndIcon) {
  http::HttpResponse index = dispatch(router_, Method::Get, "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(headerOf(index, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(index.body.find("href=\"/healthz\""), std::string::npos);
  EXPECT_NE(index.body.find("href=\"/metrics\""), std::string::npos);
  EXPECT_EQ(headerOf(dispatch(router_, Method::Get, "/style.css"), "Content-Type"),
            "text/css; charset=utf-8");
  EXPECT_EQ(headerOf(dispatch(router_, Method::Get, "/favicon.svg"), "Content-Type"),
            "image/svg+xml");
}

}  // namespace
}  // namespace mt::views
