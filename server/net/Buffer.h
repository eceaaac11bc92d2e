#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace mt::net {

// A connection's input buffer: bytes are appended at the back and consumed at the
// front. Readable bytes are contiguous, so a parser can hand out string_views into
// them. Those views stay valid until the next append() or makeSpace() (which may
// move the bytes) — never across a return to the event loop.
class Buffer {
 public:
  explicit Buffer(std::size_t initialCapacity = 4096) : storage_(initialCapacity) {}

  std::size_t readableBytes() const { return writeIndex_ - readIndex_; }
  bool empty() const { return readableBytes() == 0; }
  const char* peek() const { return storage_.data() + readIndex_; }
  std::string_view view() const { return {peek(), readableBytes()}; }

  // Drops n bytes from the front (n <= readableBytes()).
  void retrieve(std::size_t n) {
    readIndex_ += n;
    if (readIndex_ == writeIndex_) readIndex_ = writeIndex_ = 0;
  }
  void retrieveAll() { readIndex_ = writeIndex_ = 0; }

  void append(std::string_view bytes) {
    makeSpace(bytes.size());
    std::memcpy(storage_.data() + writeIndex_, bytes.data(), bytes.size());
    writeIndex_ += bytes.size();
  }

  // Guarantees writableBytes() >= n, compacting before growing.
  void makeSpace(std::size_t n) {
    if (writableBytes() >= n) return;
    if (readIndex_ + writableBytes() >= n && readIndex_ > 0) {
      std::size_t readable = readableBytes();
      std::memmove(storage_.data(), peek(), readable);
      readIndex_ = 0;
      writeIndex_ = readable;
      if (writableBytes() >= n) return;
    }
    storage_.resize(std::max(storage_.size() * 2, writeIndex_ + n));
  }

  std::size_t writableBytes() const { return storage_.size() - writeIndex_; }
  char* beginWrite() { return storage_.data() + writeIndex_; }
  void hasWritten(std::size_t n) { writeIndex_ += n; }
  std::size_t capacity() const { return storage_.size(); }

  // Returns memory to the allocator when a burst is over (an idle connection should
  // not pin a large buffer).
  void shrinkIfIdle(std::size_t keep) {
    if (readableBytes() == 0 && storage_.size() > keep) {
      std::vector<char>(keep).swap(storage_);
      readIndex_ = writeIndex_ = 0;
    }
  }

 private:
  std::vector<char> storage_;
  std::size_t readIndex_ = 0;
  std::size_t writeIndex_ = 0;
};

}  // namespace mt::net
