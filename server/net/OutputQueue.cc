#include "OutputQueue.h"

#include <errno.h>
#include <sys/sendfile.h>
#include <sys/uio.h>

#include <array>

namespace mt::net {

namespace {
// Coalescing stops here so one huge body is not copied byte by byte into a string
// that already holds a header.
constexpr std::size_t kCoalesceLimit = 64 * 1024;
constexpr int kMaxIovecs = 64;
}  // namespace

void OutputQueue::append(std::string_view bytes) {
  if (bytes.empty()) return;
  if (!chunks_.empty() && !chunks_.back().file &&
      chunks_.back().data.size() + bytes.size() <= kCoalesceLimit) {
    chunks_.back().data.append(bytes);
  } else {
    chunks_.emplace_back().data.assign(bytes);
  }
  bytes_ += bytes.size();
}

void OutputQueue::append(std::string&& bytes) {
  if (bytes.empty()) return;
  if (!chunks_.empty() && !chunks_.back().file &&
      chunks_.back().data.size() + bytes.size() <= kCoalesceLimit) {
    chunks_.back().data.append(bytes);
    bytes_ += bytes.size();
    return;
  }
  bytes_ += bytes.size();
  chunks_.emplace_back().data = std::move(bytes);
}

void OutputQueue::appendFile(std::shared_ptr<const FileDescriptor> file, off_t offset,
                             std::size_t length) {
  if (length == 0) return;
  Chunk chunk;
  chunk.file = std::move(file);
  chunk.fileOffset = offset;
  chunk.fileLength = length;
  chunks_.push_back(std::move(chunk));
  bytes_ += length;
}

void OutputQueue::clear() {
  chunks_.clear();
  bytes_ = 0;
}

OutputQueue::WriteResult OutputQueue::writeTo(int fd, std::size_t& written) {
  written = 0;
  while (!chunks_.empty()) {
    std::size_t n = 0;
    WriteResult result = chunks_.front().file ? writeFile(fd, n) : writeStrings(fd, n);
    written += n;
    if (result != WriteResult::Drained) return result;
  }
  return WriteResult::Drained;
}

// Writes the leading run of string chunks with one writev.
OutputQueue::WriteResult OutputQueue::writeStrings(int fd, std::size_t& written) {
  std::array<iovec, kMaxIovecs> iov{};
  int count = 0;
  std::size_t total = 0;
  for (auto it = chunks_.begin(); it != chunks_.end() && !it->file && count < kMaxIovecs; ++it) {
    iov[count].iov_base = it->data.data() + it->sent;
    iov[count].iov_len = it->data.size() - it->sent;
    total += iov[count].iov_len;
    ++count;
  }
  ssize_t n;
  do {
    n = ::writev(fd, iov.data(), count);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    return (errno == EAGAIN || errno == EWOULDBLOCK) ? WriteResult::WouldBlock : WriteResult::Error;
  }
  written = static_cast<std::size_t>(n);
  consume(written);
  return written == total ? WriteResult::Drained : WriteResult::WouldBlock;
}

OutputQueue::WriteResult OutputQueue::writeFile(int fd, std::size_t& written) {
  Chunk& chunk = chunks_.front();
  while (chunk.sent < chunk.fileLength) {
    off_t offset = chunk.fileOffset + static_cast<off_t>(chunk.sent);
    ssize_t n = ::sendfile(fd, chunk.file->get(), &offset, chunk.fileLength - chunk.sent);
    if (n < 0) {
      if (errno == EINTR) continue;
      return (errno == EAGAIN || errno == EWOULDBLOCK) ? WriteResult::WouldBlock
                                                       : WriteResult::Error;
    }
    if (n == 0) return WriteResult::Error;  // the file shrank under us
    chunk.sent += static_cast<std::size_t>(n);
    written += static_cast<std::size_t>(n);
    bytes_ -= static_cast<std::size_t>(n);
  }
  chunks_.pop_front();
  return WriteResult::Drained;
}

void OutputQueue::consume(std::size_t n) {
  bytes_ -= n;
  while (n > 0) {
    Chunk& front = chunks_.front();
    std::size_t take = std::min(n, front.remaining());
    front.sent += take;
    n -= take;
    if (front.remaining() == 0) chunks_.pop_front();
  }
}

}  // namespace mt::net
