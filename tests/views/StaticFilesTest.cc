#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "CapturingSink.h"
#include "FileDescriptor.h"
#include "HttpDate.h"
#include "Router.h"
#include "StaticFiles.h"

namespace mt::views {
namespace {

namespace fs = std::filesystem;
using http::HeaderField;
using http::HttpResponse;
using http::Method;
using testing::dispatch;
using testing::headerOf;

void writeFile(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

// A scratch tree:
//   <tmp>/outside.txt            a file the server must never show
//   <tmp>/root/...               the served folder
class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "mt-static-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    base_ = pattern;
    root_ = base_ / "root";
    fs::create_directories(root_ / "docs");
    fs::create_directories(root_ / "empty-dir");
    fs::create_directories(root_ / "sub");
    writeFile(base_ / "outside.txt", "secret");
    writeFile(root_ / "index.html", "<h1>home</h1>");
    writeFile(root_ / "hello.txt", "hello");
    writeFile(root_ / "docs" / "index.html", "<h1>docs</h1>");
    writeFile(root_ / ".env", "PASSWORD=x");
    writeFile(root_ / "sub" / "inner.txt", "inner");
    fs::create_symlink("hello.txt", root_ / "link-inside");
    fs::create_symlink(root_ / "sub" / "inner.txt", root_ / "link-absolute-inside");
    fs::create_symlink("../outside.txt", root_ / "link-outside");
    fs::create_symlink(base_ / "outside.txt", root_ / "link-absolute-outside");
    fs::create_symlink("..", root_ / "link-parent");
    fs::create_symlink("/etc", root_ / "link-etc");
  }

  void TearDown() override { fs::remove_all(base_); }

  void start(StaticFilesOptions options = {}) {
    options.root = root_;
    files_ = std::make_unique<StaticFiles>(std::move(options), &registry_);
    router_ = std::make_unique<Router>();
    router_->get("/", files_->view());
    router_->get("/<path:path>", files_->view());
  }

  HttpResponse get(std::string_view target, std::vector<HeaderField> headers = {}) {
    return dispatch(*router_, Method::Get, target, std::move(headers));
  }

  fs::path base_;
  fs::path root_;
  metrics::Registry registry_;
  std::unique_ptr<StaticFiles> files_;
  std::unique_ptr<Router> router_;
};

TEST_F(StaticFilesTest, ServesAFileWithItsHeaders) {
  start();
  HttpResponse response = get("/hello.txt");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "hello");
  EXPECT_EQ(headerOf(response, "Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(headerOf(response, "Cache-Control"), "no-cache");
  std::string_view etag = headerOf(response, "ETag");
  EXPECT_TRUE(etag.starts_with('"') && etag.ends_with('"')) << etag;
  struct stat status {};
  ASSERT_EQ(::stat((root_ / "hello.txt").c_str(), &status), 0);
  EXPECT_EQ(headerOf(response, "Last-Modified"),
            http::formatHttpDate(std::chrono::sys_seconds(std::chrono::seconds(status.st_mtime))));
  EXPECT_FALSE(response.file);
}

TEST_F(StaticFilesTest, ContentTypesFollowTheExtension) {
  for (const auto& [name, type] : std::vector<std::pair<std::string, std::string>>{
           {"a.html", "text/html; charset=utf-8"},
           {"a.css", "text/css; charset=utf-8"},
           {"a.js", "text/javascript; charset=utf-8"},
           {"a.json", "application/json"},
           {"a.svg", "image/svg+xml"},
           {"a.PNG", "image/png"},
           {"a.woff2", "font/woff2"},
           {"noextension", "application/octet-stream"}}) {
    writeFile(root_ / name, "x");
  }
  start();
  EXPECT_EQ(headerOf(get("/a.html"), "Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(headerOf(get("/a.css"), "Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(headerOf(get("/a.js"), "Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(headerOf(get("/a.json"), "Content-Type"), "application/json");
  EXPECT_EQ(headerOf(get("/a.svg"), "Content-Type"), "image/svg+xml");
  EXPECT_EQ(headerOf(get("/a.PNG"), "Content-Type"), "image/png");
  EXPECT_EQ(headerOf(get("/a.woff2"), "Content-Type"), "font/woff2");
  EXPECT_EQ(headerOf(get("/noextension"), "Content-Type"), "application/octet-stream");
}

TEST_F(StaticFilesTest, RootAndDirectoriesServeTheirIndex) {
  start();
  EXPECT_EQ(get("/").body, "<h1>home</h1>");
  HttpResponse docs = get("/docs/");
  EXPECT_EQ(docs.status, 200);
  EXPECT_EQ(docs.body, "<h1>docs</h1>");
  EXPECT_EQ(headerOf(docs, "Content-Type"), "text/html; charset=utf-8");
  HttpResponse redirect = get("/docs?x=1");
  EXPECT_EQ(redirect.status, 301);
  EXPECT_EQ(headerOf(redirect, "Location"), "/docs/?x=1");
  EXPECT_EQ(get("/empty-dir/").status, 404);  // no index, and never a listing
  EXPECT_EQ(get("/missing.txt").status, 404);
  EXPECT_EQ(get("/hello.txt/").status, 404);
}

TEST_F(StaticFilesTest, IfNoneMatchAnswers304) {
  start();
  std::string etag(headerOf(get("/hello.txt"), "ETag"));
  std::string weak = "W/" + etag;
  std::string list = "\"nope\", " + etag;
  HttpResponse notModified = get("/hello.txt", {{"If-None-Match", etag}});
  EXPECT_EQ(notModified.status, 304);
  EXPECT_EQ(notModified.body, "");
  EXPECT_EQ(headerOf(notModified, "ETag"), etag);
  EXPECT_EQ(headerOf(notModified, "Content-Type"), "<absent>");
  EXPECT_EQ(headerOf(notModified, "Cache-Control"), "no-cache");
  EXPECT_EQ(get("/hello.txt", {{"If-None-Match", weak}}).status, 304);
  EXPECT_EQ(get("/hello.txt", {{"If-None-Match", list}}).status, 304);
  EXPECT_EQ(get("/hello.txt", {{"If-None-Match", "*"}}).status, 304);
  EXPECT_EQ(get("/hello.txt", {{"If-None-Match", "\"other\""}}).status, 200);
}

TEST_F(StaticFilesTest, IfNoneMatchTakesPrecedenceOverIfModifiedSince) {
  start();
  std::string lastModified(headerOf(get("/hello.txt"), "Last-Modified"));
  HttpResponse response =
      get("/hello.txt", {{"If-None-Match", "\"other\""}, {"If-Modified-Since", lastModified}});
  EXPECT_EQ(response.status, 200);
}

TEST_F(StaticFilesTest, IfModifiedSinceAnswers304) {
  start();
  std::string lastModified(headerOf(get("/hello.txt"), "Last-Modified"));
  EXPECT_EQ(get("/hello.txt", {{"If-Modified-Since", lastModified}}).status, 304);
  EXPECT_EQ(get("/hello.txt", {{"If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT"}}).status,
            200);
  EXPECT_EQ(get("/hello.txt", {{"If-Modified-Since", "not a date"}}).status, 200);
}

TEST_F(StaticFilesTest, HeadAnswersLikeGet) {
  start();
  HttpResponse head = dispatch(*router_, Method::Head, "/hello.txt");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.contentLength(), 5u);
  EXPECT_EQ(headerOf(head, "Content-Type"), "text/plain; charset=utf-8");
}

TEST_F(StaticFilesTest, OnlyGetAndHead) {
  start();
  HttpResponse response =
      files_->serve(testing::makeRequest(Method::Post, "/hello.txt"), "hello.txt");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(headerOf(response, "Allow"), "GET, HEAD");
}

TEST_F(StaticFilesTest, TraversalIsRefused) {
  start();
  for (std::string_view target :
       {"/../outside.txt", "/%2e%2e/outside.txt", "/%2E%2e/outside.txt", "/%2E%2E%2Foutside.txt",
        "/..%2foutside.txt", "/..%5coutside.txt", "/sub/..%5c..%5coutside.txt",
        "/sub/../../outside.txt", "//etc/passwd", "/%2Fetc%2Fpasswd", "/hello.txt%00.png",
        "/./hello.txt", "/sub//inner.txt", "/.env", "/%2eenv", "/link-outside",
        "/link-absolute-outside", "/link-parent/outside.txt", "/link-etc/passwd"}) {
    HttpResponse response = get(target);
    EXPECT_EQ(response.status, 404) << target;
    EXPECT_EQ(response.body.find("secret"), std::string::npos) << target;
  }
}

TEST_F(StaticFilesTest, SymlinksInsideTheRootAreServed) {
  start();
  EXPECT_EQ(get("/link-inside").body, "hello");
  EXPECT_EQ(get("/link-absolute-inside").body, "inner");
  EXPECT_EQ(get("/sub/inner.txt").body, "inner");
}

TEST_F(StaticFilesTest, HiddenFilesCanBeAllowed) {
  StaticFilesOptions options;
  options.serveHiddenFiles = true;
  start(options);
  EXPECT_EQ(get("/.env").status, 200);
  EXPECT_EQ(get("/%2e%2e/outside.txt").status, 404);
}

TEST_F(StaticFilesTest, LargeFilesAreSentAsFileBody) {
  std::string big(200 * 1024, 'x');
  big[1234] = 'y';
  writeFile(root_ / "big.bin", big);
  start();
  HttpResponse response = get("/big.bin");
  EXPECT_EQ(response.status, 200);
  ASSERT_TRUE(response.file);
  EXPECT_TRUE(response.body.empty());
  EXPECT_EQ(response.file->offset, 0);
  EXPECT_EQ(response.file->length, big.size());
  EXPECT_EQ(response.contentLength(), big.size());
  std::string read(big.size(), '\0');
  ASSERT_EQ(::pread(response.file->file->get(), read.data(), read.size(), 0),
            static_cast<ssize_t>(read.size()));
  EXPECT_EQ(read, big);
  EXPECT_EQ(files_->cache().entries(), 0u);
  std::string etag(headerOf(response, "ETag"));
  HttpResponse conditional = get("/big.bin", {{"If-None-Match", etag}});
  EXPECT_EQ(conditional.status, 304);
  EXPECT_FALSE(conditional.file);
}

TEST_F(StaticFilesTest, SmallFilesComeFromTheCache) {
  start();
  get("/hello.txt");
  get("/hello.txt");
  get("/hello.txt");
  EXPECT_EQ(files_->cache().entries(), 1u);
  EXPECT_EQ(files_->cache().bytes(), 5u);
  std::string metrics = registry_.renderPrometheus();
  EXPECT_NE(
      metrics.find("static_cache_hits_total{root=\"" + fs::canonical(root_).string() + "\"} 2"),
      std::string::npos)
      << metrics;
  EXPECT_NE(
      metrics.find("static_cache_misses_total{root=\"" + fs::canonical(root_).string() + "\"} 1"),
      std::string::npos);
}

TEST_F(StaticFilesTest, ChangedFileIsNoticedOnRevalidation) {
  StaticFilesOptions options;
  options.revalidateAfter = std::chrono::milliseconds(0);
  start(options);
  HttpResponse first = get("/hello.txt");
  writeFile(root_ / "hello.txt", "hello, changed");
  HttpResponse second = get("/hello.txt");
  EXPECT_EQ(second.body, "hello, changed");
  EXPECT_NE(headerOf(first, "ETag"), headerOf(second, "ETag"));
  // Replaced by rename (a new inode), as deploy tools do.
  writeFile(root_ / "hello.new", "third");
  fs::rename(root_ / "hello.new", root_ / "hello.txt");
  EXPECT_EQ(get("/hello.txt").body, "third");
  fs::remove(root_ / "hello.txt");
  EXPECT_EQ(get("/hello.txt").status, 404);
}

TEST_F(StaticFilesTest, RevalidatesAtMostOncePerInterval) {
  StaticFilesOptions options;
  options.revalidateAfter = std::chrono::milliseconds(500);
  start(options);
  EXPECT_EQ(get("/hello.txt").body, "hello");
  writeFile(root_ / "hello.txt", "hello, changed");
  EXPECT_EQ(get("/hello.txt").body, "hello");  // still within the interval
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  EXPECT_EQ(get("/hello.txt").body, "hello, changed");
}

TEST_F(StaticFilesTest, ConcurrentRequestsShareTheCache) {
  StaticFilesOptions options;
  options.revalidateAfter = std::chrono::milliseconds(0);
  options.cacheTotalMaxBytes = 64;  // forces eviction while others read
  for (int i = 0; i < 8; ++i) {
    writeFile(root_ / ("f" + std::to_string(i)), std::string(20, 'a' + i));
  }
  start(options);
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        int n = (i + t) % 8;
        std::string target = "/f" + std::to_string(n);
        HttpResponse response = get(target);
        if (response.body != std::string(20, static_cast<char>('a' + n))) ++wrong;
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_LE(files_->cache().bytes(), 64u);
}

TEST_F(StaticFilesTest, MissingRootThrows) {
  StaticFilesOptions options;
  options.root = base_ / "does-not-exist";
  EXPECT_THROW(StaticFiles files(options), std::system_error);
}

}  // namespace
}  // namespace mt::views
