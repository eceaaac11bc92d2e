#include "AccessLog.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <utility>

#include "CommonLogFormat.h"

namespace mt::views {

std::unique_ptr<AccessLog> AccessLog::toFile(const std::filesystem::path& path,
                                             AccessLogOptions options) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw std::system_error(errno, std::generic_category(),
                            "cannot open access log " + path.string());
  }
  return std::make_unique<AccessLog>(fd, true, options);
}

std::unique_ptr<AccessLog> AccessLog::toStdout(AccessLogOptions options) {
  return std::make_unique<AccessLog>(STDOUT_FILENO, false, options);
}

AccessLog::AccessLog(int fd, bool ownsFd, AccessLogOptions options)
    : fd_(fd), ownsFd_(ownsFd), options_(options) {
  pending_.reserve(options_.flushBytes * 2);
  writing_.reserve(options_.flushBytes * 2);
  writer_ = std::thread([this] { writerLoop(); });
}

AccessLog::~AccessLog() {
  {
    std::lock_guard lock(bufferMutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  writer_.join();
  writeBuffered();
  if (ownsFd_) ::close(fd_);
}

void AccessLog::record(const http::AccessRecord& entry) {
  thread_local std::string line;
  line.clear();
  appendCommonLogLine(line, entry);
  bool crossed = false;
  {
    std::lock_guard lock(bufferMutex_);
    if (pending_.size() + line.size() > options_.maxBufferedBytes) {
      dropped_.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    crossed = pending_.size() < options_.flushBytes &&
              pending_.size() + line.size() >= options_.flushBytes;
    pending_ += line;
    ++pendingLines_;
  }
  if (crossed) wake_.notify_one();
}

void AccessLog::flush() {
  writeBuffered();
}

void AccessLog::writerLoop() {
  std::unique_lock lock(bufferMutex_);
  while (!stopping_) {
    wake_.wait_for(lock, options_.flushInterval,
                   [this] { return stopping_ || pending_.size() >= options_.flushBytes; });
    lock.unlock();
    writeBuffered();
    lock.lock();
  }
}

void AccessLog::writeBuffered() {
  std::lock_guard writing(writeMutex_);
  std::size_t lines = 0;
  {
    std::lock_guard lock(bufferMutex_);
    if (pending_.empty()) return;
    // The two buffers trade places and keep their capacity: no allocation per flush.
    writing_.swap(pending_);
    lines = std::exchange(pendingLines_, 0);
  }
  writeAll(writing_, lines);
  writing_.clear();
}

void AccessLog::writeAll(const std::string& bytes, std::size_t lines) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      // A log that cannot be written must not stop the server; the loss is counted.
      dropped_.fetch_add(lines, std::memory_order_relaxed);
      return;
    }
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace mt::views
