#pragma once

#include <sys/types.h>

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "FileDescriptor.h"

namespace mt::net {

// What a connection still has to write: byte strings and file ranges, in order.
// Small sends are coalesced into the last string so a burst of pipelined responses
// goes out in one writev(2); files go out with sendfile(2) without passing through
// user space.
//
// Thread affinity: loop thread only (owned by a Connection).
class OutputQueue {
 public:
  enum class WriteResult { Drained, WouldBlock, Error };

  void append(std::string_view bytes);
  void append(std::string&& bytes);
  void appendFile(std::shared_ptr<const FileDescriptor> file, off_t offset, std::size_t length);

  std::size_t bytes() const { return bytes_; }
  bool empty() const { return chunks_.empty(); }
  void clear();

  // Writes as much as the socket takes. `written` gets the number of bytes sent.
  WriteResult writeTo(int fd, std::size_t& written);

 private:
  struct Chunk {
    std::string data;  // when file is null
    std::size_t sent = 0;
    std::shared_ptr<const FileDescriptor> file;
    off_t fileOffset = 0;
    std::size_t fileLength = 0;

    std::size_t remaining() const { return file ? fileLength - sent : data.size() - sent; }
  };

  WriteResult writeStrings(int fd, std::size_t& written);
  WriteResult writeFile(int fd, std::size_t& written);
  void consume(std::size_t n);

  std::deque<Chunk> chunks_;
  std::size_t bytes_ = 0;
};

}  // namespace mt::net
