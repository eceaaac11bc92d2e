// libFuzzer target for the load client's ResponseParser. Beyond "does not crash", it
// checks what the engine relies on: the responses (or the failure) do not depend on
// how the bytes were cut into reads, nor on the parser being reset rather than new,
// and what a complete response reports keeps the parser's rules.
//
// Input: byte 0 says which responses answer HEAD (bit i: response i), bytes 1-3 choose
// where the reads end; the rest is what the server sent, then the connection closes.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ResponseParser.h"

namespace {

using mt::load::ResponseParser;

constexpr std::size_t kConfigBytes = 4;

struct Outcome {
  bool failed = false;
  std::string error;
  int status = 0;
  std::string contentType;
  std::string body;
  bool keepAlive = false;

  bool operator==(const Outcome&) const = default;
};

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "http_response_parser_fuzzer: %s\n", what);
  std::abort();
}

void check(bool condition, const char* what) {
  if (!condition) fail(what);
}

bool answersHead(std::uint8_t headMask, std::size_t response) {
  return response < 8 && ((headMask >> response) & 1) != 0;
}

bool hasSurroundingWhitespaceOrLineBreak(std::string_view text) {
  if (text.find_first_of("\r\n") != std::string_view::npos) return true;
  return !text.empty() &&
         (text.front() == ' ' || text.front() == '\t' || text.back() == ' ' || text.back() == '\t');
}

// Snapshot of a finished parser, checking on the way what must hold for any input.
Outcome snapshot(const ResponseParser& parser, bool head) {
  check(parser.complete() != parser.failed(), "finished parser neither complete nor failed");
  check(!parser.inProgress(), "finished parser still in progress");
  Outcome o;
  if (parser.failed()) {
    check(!parser.error().empty(), "failure without a message");
    o.failed = true;
    o.error = parser.error();
    return o;
  }
  check(parser.status() >= 200 && parser.status() <= 599, "final status out of range");
  check(parser.body().size() <= ResponseParser::kMaxBodyBytes, "body over the limit");
  if (head || parser.status() == 204 || parser.status() == 304) {
    check(parser.body().empty(), "body on a response that cannot have one");
  }
  check(!hasSurroundingWhitespaceOrLineBreak(parser.contentType()), "content type not trimmed");
  o.status = parser.status();
  o.contentType = parser.contentType();
  o.body = parser.body();
  o.keepAlive = parser.keepAlive();
  return o;
}

// Delivers `input` in reads ending at `cuts`, each read in a fresh heap buffer so a
// view kept across reads shows under ASan. `freshParsers`: a new parser for every
// response instead of reset(), so reset() is checked to forget everything.
std::vector<Outcome> parse(std::string_view input, std::vector<std::size_t> cuts,
                           std::uint8_t headMask, bool freshParsers) {
  cuts.push_back(input.size());
  std::vector<Outcome> outcomes;
  auto parser = std::make_unique<ResponseParser>();
  auto next = [&] {
    if (freshParsers) {
      parser = std::make_unique<ResponseParser>();
    } else {
      parser->reset();
      check(!parser->inProgress() && !parser->complete() && !parser->failed(), "reset kept state");
    }
    if (answersHead(headMask, outcomes.size())) parser->expectNoBody();
  };
  if (answersHead(headMask, 0)) parser->expectNoBody();

  std::size_t delivered = 0;
  for (std::size_t cut : cuts) {
    if (cut < delivered) continue;
    auto read = std::make_unique<std::string>(input.substr(delivered, cut - delivered));
    delivered = cut;
    std::string_view rest = *read;
    while (!rest.empty()) {
      std::size_t used = parser->feed(rest);
      check(used <= rest.size(), "feed used more than it was given");
      rest.remove_prefix(used);
      if (parser->failed()) {
        check(parser->feed(rest) == 0, "a failed parser took bytes");
        outcomes.push_back(snapshot(*parser, answersHead(headMask, outcomes.size())));
        return outcomes;
      }
      if (parser->complete()) {
        check(parser->feed(rest) == 0, "a complete parser took bytes");
        outcomes.push_back(snapshot(*parser, answersHead(headMask, outcomes.size())));
        next();
      } else {
        check(rest.empty(), "feed stopped early while incomplete");
        check(parser->inProgress(), "bytes fed but not in progress");
      }
    }
  }
  bool wasInProgress = parser->inProgress();
  parser->connectionClosed();
  if (parser->complete() || parser->failed()) {
    check(wasInProgress, "connectionClosed() finished a response that had not started");
    if (parser->complete()) check(!parser->keepAlive(), "a body ended by close yet keep-alive");
    outcomes.push_back(snapshot(*parser, answersHead(headMask, outcomes.size())));
  } else {
    check(!wasInProgress, "connectionClosed() left a response in progress");
  }
  return outcomes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < kConfigBytes) return 0;
  std::uint8_t headMask = data[0];
  std::string_view input(reinterpret_cast<const char*>(data + kConfigBytes), size - kConfigBytes);

  std::vector<Outcome> expected = parse(input, {}, headMask, true);

  std::vector<std::size_t> cuts;
  for (std::size_t i = 1; i < kConfigBytes; ++i)
    cuts.push_back(data[i] * (input.size() + 1) / 256);
  std::sort(cuts.begin(), cuts.end());
  check(parse(input, cuts, headMask, false) == expected, "cut reads disagree with one read");

  if (input.size() <= 512) {
    std::vector<std::size_t> everyByte;
    for (std::size_t i = 1; i < input.size(); ++i)
      everyByte.push_back(i);
    check(parse(input, everyByte, headMask, false) == expected,
          "byte-by-byte reads disagree with one read");
  }
  return 0;
}
