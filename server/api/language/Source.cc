#include "Source.h"

#include <algorithm>

#include "Utf8.h"

namespace mt::api {

SourceLocation Source::locationOf(std::size_t offset) const {
  offset = std::min(offset, body_.size());
  int line = 1;
  std::size_t lineStart = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    char c = body_[i];
    if (c == '\n' || c == '\r') {
      // "\r\n" is one line break; an offset between its two bytes stays on the line.
      if (c == '\r' && i + 1 < body_.size() && body_[i + 1] == '\n') {
        if (i + 1 == offset) break;
        ++i;
      }
      ++line;
      lineStart = i + 1;
    }
  }
  std::string_view before(body_.data() + lineStart, offset - lineStart);
  return {line, static_cast<int>(utf8::utf16Length(before)) + 1};
}

}  // namespace mt::api
