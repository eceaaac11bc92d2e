// libFuzzer target for the clients' EventStreamParser. Beyond "does not crash", it
// checks what the clients rely on: the events (and any failure) do not depend on how
// the bytes were cut into feeds nor on the parser being reset rather than new, and
// every event keeps the parser's rules (a type without line ends, a non-empty "message"
// default, data within the limit).
//
// Input: bytes 0-1 choose where the feeds end; the rest is the stream.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "EventStreamParser.h"

namespace {

using mt::load::EventStreamParser;
using mt::load::ServerSentEvent;

constexpr std::size_t kConfigBytes = 2;

struct Event {
  std::string type;
  std::string data;
  std::string lastEventId;
  bool operator==(const Event&) const = default;
};

struct Run {
  std::vector<Event> events;
  bool failed = false;
  std::string error;
  std::uint64_t comments = 0;
  bool operator==(const Run&) const = default;
};

void check(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "event_stream_parser_fuzzer: %s\n", what);
  std::abort();
}

void collect(Run& run, const ServerSentEvent& e) {
  check(!e.type.empty(), "empty event type");
  check(e.type.find_first_of("\r\n") == std::string_view::npos, "line end in event type");
  check(e.lastEventId.find_first_of("\r\n") == std::string_view::npos, "line end in event id");
  check(e.lastEventId.find('\0') == std::string_view::npos, "NUL in event id");
  check(e.data.find('\r') == std::string_view::npos, "CR in event data");
  check(e.data.size() < EventStreamParser::kMaxEventBytes, "event data over the limit");
  run.events.push_back({std::string(e.type), std::string(e.data), std::string(e.lastEventId)});
}

// Feeds `stream` cut at the offsets `step` and `step2` alternately (1 + a byte each).
Run parse(EventStreamParser& parser, std::string_view stream, std::size_t step, std::size_t step2) {
  Run run;
  bool second = false;
  while (!stream.empty()) {
    const std::size_t piece = std::min(stream.size(), second ? step2 : step);
    second = !second;
    parser.feed(stream.substr(0, piece), [&](const ServerSentEvent& e) { collect(run, e); });
    stream.remove_prefix(piece);
  }
  run.failed = parser.failed();
  run.error = parser.error();
  run.comments = parser.comments();
  return run;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  if (size < kConfigBytes) return 0;
  const std::string_view stream(reinterpret_cast<const char*>(bytes) + kConfigBytes,
                                size - kConfigBytes);
  EventStreamParser whole;
  const Run reference = parse(whole, stream, stream.size() + 1, stream.size() + 1);

  EventStreamParser cut;
  const Run pieces = parse(cut, stream, 1U + bytes[0], 1U + bytes[1]);
  check(pieces == reference, "events depend on where the feeds end");

  // A reset parser behaves as a new one, whatever it read before.
  cut.reset();
  check(parse(cut, stream, 1U + bytes[1], stream.size() + 1) == reference,
        "a reset parser differs from a new one");
  return 0;
}
