#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "AccessLogSink.h"

namespace mt::views {

struct AccessLogOptions {
  // Buffered lines reach the file at least this often.
  std::chrono::milliseconds flushInterval{1000};
  // The writer is woken early once this much is buffered.
  std::size_t flushBytes = 64 * 1024;
  // Past this (the disk has stalled), new lines are dropped and counted instead of
  // growing memory without bound.
  std::size_t maxBufferedBytes = 8 * 1024 * 1024;
};

// Writes every finished request as a Common Log Format line to a file or stdout.
//
// record() never makes a system call: it formats the line on the calling loop thread
// and appends it to a buffer under a mutex. A writer thread of its own writes the
// buffer out every flushInterval (sooner when flushBytes are waiting), so under load
// one write(2) carries thousands of lines. The destructor writes what is left.
//
// Thread affinity: record(), flush() and droppedLines() from any thread.
class AccessLog : public http::AccessLogSink {
 public:
  // Appends to `path`, creating it with mode 0644; std::system_error if it cannot.
  static std::unique_ptr<AccessLog> toFile(const std::filesystem::path& path,
                                           AccessLogOptions options = {});
  static std::unique_ptr<AccessLog> toStdout(AccessLogOptions options = {});

  // Writes to `fd`, closing it at the end when `ownsFd`.
  AccessLog(int fd, bool ownsFd, AccessLogOptions options = {});
  ~AccessLog() override;
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  void record(const http::AccessRecord& entry) override;

  // Writes out everything recorded so far before returning.
  void flush();

  // Lines lost because the buffer was full or a write failed.
  std::uint64_t droppedLines() const { return dropped_.load(std::memory_order_relaxed); }

 private:
  void writerLoop();
  void writeBuffered();
  void writeAll(const std::string& bytes, std::size_t lines);

  int fd_;
  bool ownsFd_;
  AccessLogOptions options_;

  std::mutex bufferMutex_;  // guards pending_, pendingLines_, stopping_
  std::condition_variable wake_;
  std::string pending_;
  std::size_t pendingLines_ = 0;
  bool stopping_ = false;

  // Held from taking the buffer until it is written, so that two flushes cannot
  // reorder lines. Guards writing_.
  std::mutex writeMutex_;
  std::string writing_;
  std::atomic<std::uint64_t> dropped_{0};
  std::thread writer_;
};

}  // namespace mt::views
