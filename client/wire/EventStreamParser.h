#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mt::load {

// One event of a text/event-stream as the parser dispatches it. The views point into
// the parser's buffers and are valid only during the call that hands the event over.
struct ServerSentEvent {
  std::string_view type;         // the `event` field; "message" when none (or an empty one) came
  std::string_view data;         // the event's `data` lines joined with '\n'
  std::string_view lastEventId;  // the last `id` field so far: it carries over to later events
};

// Incremental parser of a text/event-stream body, after WHATWG HTML "Interpreting an
// event stream": feed it the body's bytes as they arrive, cut anywhere; it hands over
// each event when the blank line that ends it arrives. No I/O, no clock.
//
// Lines end in CRLF, LF or a lone CR (a CR ending one feed and an LF starting the next
// are one line end). One UTF-8 byte order mark at the very start of the stream is
// skipped. Lines starting with ':' are comments (the server's keep-alives): counted,
// not dispatched. Fields: `event`, `data`, `id` (ignored when its value holds a NUL),
// `retry` (only ASCII digits); any other field is ignored. A line without a colon is a
// field with an empty value; one space after the colon is not part of the value. A
// blank line dispatches the event when at least one `data` line came (spec: an empty
// data buffer dispatches nothing); the bytes of an event never ended by a blank line
// (the stream stopped) are never dispatched.
//
// The bytes are not checked as UTF-8 (the spec decodes with replacement characters;
// the views hold the bytes as sent).
//
// Limit: a line, and an event's data, at most kMaxEventBytes; beyond, failed() with a
// message, and the stream is unusable. A failed parser stays failed until reset().
//
// Cost: one pass over each byte; a line inside one feed is read in place, only a line
// cut between feeds, and an event's data, are copied. Buffers keep their capacity.
class EventStreamParser {
 public:
  static constexpr std::size_t kMaxEventBytes = 1024 * 1024;

  // Consumes all of `input` (up to a failure), calling onEvent(const ServerSentEvent&)
  // for each event completed, in stream order.
  template <typename OnEvent>
  void feed(std::string_view input, OnEvent&& onEvent) {
    std::string_view line;
    while (!failed() && takeLine(input, line)) {
      if (onLine(line)) {
        onEvent(ServerSentEvent{type_.empty() ? std::string_view("message") : type_, data_,
                                lastEventId_});
        endEvent();
      }
    }
  }

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  // The last valid `retry` field (the reconnection time the server asks for), in
  // milliseconds; nullopt until one came. Saturates instead of overflowing.
  std::optional<std::uint64_t> retryMs() const { return retryMs_; }
  // Comment lines read so far.
  std::uint64_t comments() const { return comments_; }

  // Ready for a new stream: forgets the last event id, the retry time and the counts.
  void reset();

 private:
  // Takes the next line (without its line end) off the front of `input`; false when
  // `input` ran out first (the partial line is kept for the next feed).
  bool takeLine(std::string_view& input, std::string_view& line);
  // Skips the byte order mark; false when `input` ran out before it was decided.
  bool skipByteOrderMark(std::string_view& input);
  // Interprets one line; true when it dispatches an event (type_, data_ hold it).
  bool onLine(std::string_view line);
  void onField(std::string_view name, std::string_view value);
  void endEvent();
  void fail(std::string_view message) { error_.assign(message); }

  std::string line_;            // a line cut between feeds, assembled
  bool lineInBuffer_ = false;   // the last line handed out is line_: clear it first
  bool skipLf_ = false;         // the last feed ended in CR: an LF first is its line end
  std::size_t bomMatched_ = 0;  // bytes of the byte order mark seen at the start
  bool bomDecided_ = false;
  std::string type_;
  std::string data_;  // each data line followed by '\n'
  std::string lastEventId_;
  std::optional<std::uint64_t> retryMs_;
  std::uint64_t comments_ = 0;
  std::string error_;
};

}  // namespace mt::load
