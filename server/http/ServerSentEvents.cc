#include "ServerSentEvents.h"

namespace mt::http {

std::string serverSentEvent(std::string_view name, std::string_view data) {
  std::string out;
  out.reserve(name.size() + data.size() + 16);
  out.append("event: ").append(name).append("\n");
  // One `data:` line per line of `data`; CR LF counts as one break, not two.
  std::size_t lineStart = 0;
  for (std::size_t i = 0; i <= data.size(); ++i) {
    if (i < data.size() && data[i] != '\r' && data[i] != '\n') continue;
    out.append("data: ").append(data.substr(lineStart, i - lineStart)).append("\n");
    if (i + 1 < data.size() && data[i] == '\r' && data[i + 1] == '\n') ++i;
    lineStart = i + 1;
  }
  out.append("\n");
  return out;
}

std::string serverSentComment(std::string_view text) {
  std::string out(": ");
  out.reserve(text.size() + 4);
  for (char c : text)
    out.push_back(c == '\r' || c == '\n' ? ' ' : c);
  out.append("\n\n");
  return out;
}

}  // namespace mt::http
