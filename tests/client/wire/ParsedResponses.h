// Test helper: runs a ResponseParser over a byte stream the way the engine does, and
// records every response (or the failure) as plain values to compare.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "ResponseParser.h"

namespace mt::load::testing {

struct Parsed {
  bool failed = false;
  std::string error;
  int status = 0;
  std::string contentType;
  std::string body;
  bool keepAlive = false;

  bool operator==(const Parsed&) const = default;
};

inline std::ostream& operator<<(std::ostream& out, const Parsed& parsed) {
  if (parsed.failed) return out << "failed(" << parsed.error << ")";
  return out << "{" << parsed.status << ", \"" << parsed.contentType << "\", " << parsed.body.size()
             << " body bytes \"" << parsed.body.substr(0, 40) << "\", "
             << (parsed.keepAlive ? "keep-alive" : "close") << "}";
}

inline Parsed snapshot(const ResponseParser& parser) {
  Parsed parsed;
  parsed.failed = parser.failed();
  if (parsed.failed) {
    parsed.error = parser.error();
    return parsed;
  }
  parsed.status = parser.status();
  parsed.contentType = parser.contentType();
  parsed.body = parser.body();
  parsed.keepAlive = parser.keepAlive();
  return parsed;
}

inline Parsed ok(int status, std::string body, bool keepAlive = true,
                 std::string contentType = "") {
  Parsed parsed;
  parsed.status = status;
  parsed.contentType = std::move(contentType);
  parsed.body = std::move(body);
  parsed.keepAlive = keepAlive;
  return parsed;
}

inline Parsed failure(std::string error) {
  Parsed parsed;
  parsed.failed = true;
  parsed.error = std::move(error);
  return parsed;
}

// Feeds `input` in reads that end at `cuts` (ascending), each read in a buffer of its
// own so a view kept across reads would show under ASan. Response i answers a HEAD
// request when bit i of `headMask` is set. At the end the connection closes.
inline std::vector<Parsed> parseStream(std::string_view input, std::vector<std::size_t> cuts = {},
                                       std::uint64_t headMask = 0) {
  cuts.push_back(input.size());
  std::vector<Parsed> responses;
  ResponseParser parser;
  auto prepare = [&] {
    if (responses.size() < 64 && (headMask >> responses.size()) & 1) parser.expectNoBody();
  };
  prepare();
  std::size_t delivered = 0;
  for (std::size_t cut : cuts) {
    if (cut < delivered) continue;
    auto read = std::make_unique<std::string>(input.substr(delivered, cut - delivered));
    delivered = cut;
    std::string_view rest = *read;
    while (!rest.empty()) {
      std::size_t used = parser.feed(rest);
      if (used > rest.size()) {
        responses.push_back(failure("feed used more than it was given"));
        return responses;
      }
      rest.remove_prefix(used);
      if (parser.failed()) {
        responses.push_back(snapshot(parser));
        return responses;
      }
      if (parser.complete()) {
        responses.push_back(snapshot(parser));
        parser.reset();
        prepare();
      } else if (!rest.empty()) {
        responses.push_back(failure("feed stopped early while incomplete"));
        return responses;
      }
    }
  }
  parser.connectionClosed();
  if (parser.complete() || parser.failed()) responses.push_back(snapshot(parser));
  return responses;
}

}  // namespace mt::load::testing
