#include <gtest/gtest.h>

#include "ContentTypes.h"

namespace mt::views {
namespace {

TEST(ContentTypesTest, KnownExtensions) {
  EXPECT_EQ(contentTypeForPath("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(contentTypeForPath("a/b/site.css"), "text/css; charset=utf-8");
  EXPECT_EQ(contentTypeForPath("app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(contentTypeForPath("app.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(contentTypeForPath("data.json"), "application/json");
  EXPECT_EQ(contentTypeForPath("logo.svg"), "image/svg+xml");
  EXPECT_EQ(contentTypeForPath("a.png"), "image/png");
  EXPECT_EQ(contentTypeForPath("a.jpg"), "image/jpeg");
  EXPECT_EQ(contentTypeForPath("a.jpeg"), "image/jpeg");
  EXPECT_EQ(contentTypeForPath("a.gif"), "image/gif");
  EXPECT_EQ(contentTypeForPath("a.webp"), "image/webp");
  EXPECT_EQ(contentTypeForPath("favicon.ico"), "image/x-icon");
  EXPECT_EQ(contentTypeForPath("notes.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(contentTypeForPath("m.wasm"), "application/wasm");
  EXPECT_EQ(contentTypeForPath("f.woff2"), "font/woff2");
  EXPECT_EQ(contentTypeForPath("app.js.map"), "application/json");
  EXPECT_EQ(contentTypeForPath("feed.xml"), "application/xml");
  EXPECT_EQ(contentTypeForPath("paper.pdf"), "application/pdf");
}

TEST(ContentTypesTest, CaseInsensitiveAndDefaults) {
  EXPECT_EQ(contentTypeForPath("INDEX.HTML"), "text/html; charset=utf-8");
  EXPECT_EQ(contentTypeForPath("Photo.JpG"), "image/jpeg");
  EXPECT_EQ(contentTypeForPath("README"), "application/octet-stream");
  EXPECT_EQ(contentTypeForPath("archive.tar.zst"), "application/octet-stream");
  EXPECT_EQ(contentTypeForPath("dir.d/file"), "application/octet-stream");
  EXPECT_EQ(contentTypeForPath("trailing."), "application/octet-stream");
  EXPECT_EQ(contentTypeForPath("x.averyveryverylongextension"), "application/octet-stream");
}

}  // namespace
}  // namespace mt::views
