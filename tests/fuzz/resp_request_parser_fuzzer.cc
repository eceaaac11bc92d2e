// libFuzzer target for RespRequestParser. Beyond "does not crash", it checks what
// RespProtocol relies on: the parser is pure (the same input gives the same answer),
// a request's outcome does not depend on how its bytes were cut into reads, nor on the
// buffer moving between reads, and what it accepts stays within its limits.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "RespRequestParser.h"

namespace {

using namespace mt::resp;

struct Outcome {
  RespParseStatus status = RespParseStatus::Incomplete;
  std::size_t consumed = 0;
  std::string error;
  std::vector<std::string> args;

  bool operator==(const Outcome&) const = default;
};

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "resp_request_parser_fuzzer: %s\n", what);
  std::abort();
}

void check(bool condition, const char* what) {
  if (!condition) fail(what);
}

bool inside(std::string_view view, std::string_view buffer) {
  return view.data() >= buffer.data() && view.data() + view.size() <= buffer.data() + buffer.size();
}

bool overlaps(std::string_view view, std::string_view buffer) {
  return view.data() < buffer.data() + buffer.size() && buffer.data() < view.data() + view.size();
}

// Snapshot of a result (copied at once: the views die with the buffer), checking on
// the way that a complete request keeps the limits and that its arguments view the
// request's own bytes, or (inline arguments with quotes or escapes) the command's
// storage, never the rest of the buffer.
Outcome snapshot(const RespParseResult& result, const RespCommand& command, std::string_view buffer,
                 const RespLimits& limits) {
  Outcome o;
  o.status = result.status;
  o.consumed = result.consumed;
  o.error = result.error;
  if (result.status != RespParseStatus::Complete) {
    check(result.consumed == 0, "consumed bytes without a complete request");
    check((result.status == RespParseStatus::Error) == !result.error.empty(),
          "an error needs a reason, and only an error has one");
    return o;
  }

  check(result.consumed > 0 && result.consumed <= buffer.size(), "consumed out of range");
  check(result.error.empty(), "a complete request with an error");
  check(command.size() == command.args().size() && command.empty() == (command.size() == 0),
        "size, empty and args disagree");
  check(command.size() <= limits.maxArguments, "too many arguments accepted");
  std::string_view request = buffer.substr(0, result.consumed);
  const bool array = buffer.front() == '*';
  if (!array) check(result.consumed <= limits.maxInlineBytes + 1, "inline line over the limit");
  std::size_t total = 0;
  for (std::size_t i = 0; i < command.size(); ++i) {
    std::string_view arg = command[i];
    check(arg == command.args()[i], "operator[] and args disagree");
    if (array) {
      check(inside(arg, request), "bulk string outside its request");
      check(arg.size() <= limits.maxBulkBytes, "bulk string over the limit");
      total += arg.size();
    } else {
      check(inside(arg, request) || !overlaps(arg, buffer), "inline argument outside its line");
      check(arg.size() < result.consumed, "inline argument longer than its line");
    }
    o.args.emplace_back(arg);
  }
  check(total <= limits.maxRequestBytes, "request over the limit");
  return o;
}

// Parses every request in `input` one after another, as if it had all arrived at
// once, until one is incomplete or an error. Each parse is done twice: it is pure.
std::vector<Outcome> parseAtOnce(std::string_view input, const RespLimits& limits) {
  std::vector<Outcome> outcomes;
  const RespRequestParser parser(limits);
  RespCommand command;
  RespCommand again;
  while (true) {
    RespParseResult result = parser.parse(input, command);
    outcomes.push_back(snapshot(result, command, input, limits));
    check(snapshot(parser.parse(input, again), again, input, limits) == outcomes.back(),
          "the same input parsed twice gives different results");
    if (result.status != RespParseStatus::Complete) return outcomes;
    input.remove_prefix(result.consumed);
  }
}

// The same, delivering the bytes in reads that end at `cuts`, through a buffer that
// is consumed from the front and reallocated on every read, with one RespCommand
// reused throughout, as RespProtocol does.
std::vector<Outcome> parseAsDelivered(std::string_view input, std::vector<std::size_t> cuts,
                                      const RespLimits& limits) {
  cuts.push_back(input.size());
  std::vector<Outcome> outcomes;
  const RespRequestParser parser(limits);
  RespCommand command;
  std::string pending;
  std::size_t delivered = 0;
  for (std::size_t cut : cuts) {
    if (cut < delivered) continue;
    auto buffer = std::make_unique<std::string>(pending);  // a new address every read
    buffer->append(input.substr(delivered, cut - delivered));
    delivered = cut;
    std::string_view rest = *buffer;
    while (true) {
      RespParseResult result = parser.parse(rest, command);
      if (result.status == RespParseStatus::Incomplete && delivered < input.size()) break;
      outcomes.push_back(snapshot(result, command, rest, limits));
      if (result.status != RespParseStatus::Complete) return outcomes;
      rest.remove_prefix(result.consumed);
    }
    pending = rest;
  }
  return outcomes;
}

std::uint64_t hashOf(const std::uint8_t* data, std::size_t size) {
  std::uint64_t hash = 14695981039346656037ull;
  for (std::size_t i = 0; i < size; ++i)
    hash = (hash ^ data[i]) * 1099511628211ull;
  return hash;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::uint64_t hash = hashOf(data, size);

  // Small limits on some inputs, so every limit is reachable with short inputs.
  RespLimits limits;
  if (hash & 1) {
    limits = RespLimits{
        .maxArguments = 4, .maxBulkBytes = 16, .maxRequestBytes = 40, .maxInlineBytes = 24};
  }

  std::vector<Outcome> expected = parseAtOnce(input, limits);

  std::vector<std::size_t> cuts;
  cuts.reserve(3);
  for (int i = 0; i < 3; ++i)
    cuts.push_back(((hash >> (8 + 16 * i)) & 0xFFFF) % (size + 1));
  std::sort(cuts.begin(), cuts.end());
  check(parseAsDelivered(input, cuts, limits) == expected, "cut reads disagree with one read");

  if (size <= 512) {
    std::vector<std::size_t> everyByte;
    for (std::size_t i = 1; i < size; ++i)
      everyByte.push_back(i);
    check(parseAsDelivered(input, everyByte, limits) == expected,
          "byte-by-byte reads disagree with one read");
  }
  return 0;
}
