#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "AccessLog.h"
#include "CommonLogFormat.h"

namespace mt::views {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

http::AccessRecord sampleRecord() {
  http::AccessRecord record;
  record.peerAddress = "127.0.0.1";
  record.received = sys_days{2000y / October / 10} + 13h + 55min + 36s + 250ms;
  record.method = "GET";
  record.target = "/a";
  record.versionMinor = 1;
  record.status = 200;
  record.bodyBytes = 2326;
  return record;
}

std::string readAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

TEST(CommonLogFormatTest, FormatsTheClassicLine) {
  std::string line;
  appendCommonLogLine(line, sampleRecord());
  EXPECT_EQ(line, "127.0.0.1 - - [10/Oct/2000:13:55:36 +0000] \"GET /a HTTP/1.1\" 200 2326\n");
}

TEST(CommonLogFormatTest, EmptyBodyUnknownPeerAndHostileTarget) {
  http::AccessRecord record = sampleRecord();
  record.peerAddress = "";
  record.bodyBytes = 0;
  record.status = 304;
  record.versionMinor = 0;
  record.target = "/x\"y\\z\n\x01\xff";
  std::string line;
  appendCommonLogLine(line, record);
  EXPECT_EQ(
      line,
      "- - - [10/Oct/2000:13:55:36 +0000] \"GET /x\\\"y\\\\z\\x0a\\x01\\xff HTTP/1.0\" 304 -\n");
}

class AccessLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "mt-accesslog-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(AccessLogTest, BuffersAndWritesOnFlushAndDestruction) {
  fs::path file = dir_ / "access.log";
  AccessLogOptions options;
  options.flushInterval = hours(1);  // only explicit flushes and the destructor write
  {
    auto log = AccessLog::toFile(file, options);
    log->record(sampleRecord());
    EXPECT_EQ(readAll(file), "");
    log->flush();
    EXPECT_EQ(readAll(file),
              "127.0.0.1 - - [10/Oct/2000:13:55:36 +0000] \"GET /a HTTP/1.1\" 200 2326\n");
    log->record(sampleRecord());
  }
  std::string content = readAll(file);
  EXPECT_EQ(std::count(content.begin(), content.end(), '\n'), 2);
}

TEST_F(AccessLogTest, FlushesOnItsOwnWithinTheInterval) {
  fs::path file = dir_ / "access.log";
  AccessLogOptions options;
  options.flushInterval = milliseconds(50);
  auto log = AccessLog::toFile(file, options);
  log->record(sampleRecord());
  auto deadline = steady_clock::now() + seconds(5);
  while (readAll(file).empty() && steady_clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(10));
  }
  EXPECT_FALSE(readAll(file).empty());
}

TEST_F(AccessLogTest, ManyThreadsNoLineTornOrLost) {
  fs::path file = dir_ / "access.log";
  AccessLogOptions options;
  options.flushBytes = 4096;  // the writer wakes often while the threads log
  {
    auto log = AccessLog::toFile(file, options);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&log] {
        for (int i = 0; i < 2000; ++i) {
          log->record(sampleRecord());
        }
      });
    }
    for (auto& thread : threads) {
      thread.join();
    }
    EXPECT_EQ(log->droppedLines(), 0u);
  }
  std::ifstream in(file);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    ASSERT_EQ(line, "127.0.0.1 - - [10/Oct/2000:13:55:36 +0000] \"GET /a HTTP/1.1\" 200 2326");
  }
  EXPECT_EQ(lines, 8000);
}

TEST_F(AccessLogTest, DropsLinesPastTheBufferLimit) {
  AccessLogOptions options;
  options.flushInterval = hours(1);
  options.flushBytes = 1 << 20;
  options.maxBufferedBytes = 100;  // one line fits, the next does not
  auto log = AccessLog::toFile(dir_ / "access.log", options);
  log->record(sampleRecord());
  log->record(sampleRecord());
  EXPECT_EQ(log->droppedLines(), 1u);
}

TEST_F(AccessLogTest, UnopenableFileThrows) {
  EXPECT_THROW(AccessLog::toFile(dir_ / "missing-dir" / "access.log"), std::system_error);
}

}  // namespace
}  // namespace mt::views
