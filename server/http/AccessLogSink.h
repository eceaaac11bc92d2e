#pragma once

#include <chrono>
#include <cstddef>
#include <string_view>

namespace mt::http {

// One finished request, as an access log needs it. Views are valid only during
// the record() call.
struct AccessRecord {
  std::string_view peerAddress;  // "127.0.0.1"
  std::chrono::system_clock::time_point received;
  std::string_view method;
  std::string_view target;
  int versionMinor = 1;
  int status = 0;
  std::size_t bodyBytes = 0;
  std::chrono::microseconds latency{0};
};

// Where the HTTP protocol reports finished requests when access logging is on.
// Thread affinity: record() is called from every loop thread, concurrently.
class AccessLogSink {
 public:
  virtual ~AccessLogSink() = default;
  virtual void record(const AccessRecord& entry) = 0;
};

}  // namespace mt::http
