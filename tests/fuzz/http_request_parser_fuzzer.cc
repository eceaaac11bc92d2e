// libFuzzer target for HttpRequestParser. Beyond "does not crash", it checks the
// property the connection code relies on: the result does not depend on how the
// bytes were cut into reads, nor on the buffer moving between reads.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "HttpRequestParser.h"

namespace {

using namespace mt::http;

struct Outcome {
  ParseStatus status = ParseStatus::Incomplete;
  std::size_t consumed = 0;
  int errorStatus = 0;
  Method method = Method::Get;
  std::string target, path, query;
  int versionMinor = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool keepAlive = false, expectContinue = false, chunked = false;

  bool operator==(const Outcome&) const = default;
};

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "http_request_parser_fuzzer: %s\n", what);
  std::abort();
}

void check(bool condition, const char* what) {
  if (!condition) fail(what);
}

bool inside(std::string_view view, std::string_view buffer) {
  return view.empty() || (view.data() >= buffer.data() &&
                          view.data() + view.size() <= buffer.data() + buffer.size());
}

// Snapshot of a result, checking on the way that a complete request keeps its
// limits and that its views point into the buffer of the call that completed it.
Outcome snapshot(const ParseResult& result, const HttpRequest& request, std::string_view buffer,
                 const ParserLimits& limits) {
  Outcome o;
  o.status = result.status;
  o.consumed = result.consumed;
  o.errorStatus = result.errorStatus;
  if (result.status == ParseStatus::Error) {
    check(result.errorStatus >= 400 && result.errorStatus <= 505, "odd error status");
    check(!result.error.empty(), "error without a reason");
  }
  if (result.status != ParseStatus::Complete) return o;

  check(result.consumed > 0 && result.consumed <= buffer.size(), "consumed out of range");
  check(request.target.size() <= limits.maxRequestTarget, "target over the limit");
  check(request.headers.size() <= limits.maxHeaderCount, "too many headers accepted");
  check(request.body.size() <= limits.maxBodyBytes, "body over the limit");
  check(inside(request.target, buffer), "target outside the buffer");
  check(inside(request.query, buffer), "query outside the buffer");
  for (const HeaderField& field : request.headers) {
    check(inside(field.name, buffer) && inside(field.value, buffer), "field outside the buffer");
  }
  if (request.chunked) {
    check(request.body.data() == request.decodedBody.data(), "chunked body not in decodedBody");
  } else {
    check(inside(request.body, buffer), "body outside the buffer");
  }

  o.method = request.method;
  o.target = request.target;
  o.path = request.path;
  o.query = request.query;
  o.versionMinor = request.versionMinor;
  for (const HeaderField& field : request.headers)
    o.headers.emplace_back(field.name, field.value);
  o.body = request.body;
  o.keepAlive = request.keepAlive;
  o.expectContinue = request.expectContinue;
  o.chunked = request.chunked;
  return o;
}

// Parses every request in `input` one after another, as if it had all arrived at once.
std::vector<Outcome> parseAtOnce(std::string_view input, const ParserLimits& limits) {
  std::vector<Outcome> outcomes;
  HttpRequestParser parser(limits);
  HttpRequest request;
  while (true) {
    ParseResult result = parser.parse(input, request);
    outcomes.push_back(snapshot(result, request, input, limits));
    if (result.status != ParseStatus::Complete) return outcomes;
    input.remove_prefix(result.consumed);
    parser.reset();
  }
}

// The same, delivering the bytes in reads that end at `cuts`, through a buffer that
// is consumed from the front and reallocated on every read, as a connection's is.
std::vector<Outcome> parseAsDelivered(std::string_view input, std::vector<std::size_t> cuts,
                                      const ParserLimits& limits) {
  cuts.push_back(input.size());
  std::vector<Outcome> outcomes;
  HttpRequestParser parser(limits);
  HttpRequest request;
  std::string pending;
  std::size_t delivered = 0;
  for (std::size_t cut : cuts) {
    if (cut < delivered) continue;
    auto buffer = std::make_unique<std::string>(pending);  // a new address every read
    buffer->append(input.substr(delivered, cut - delivered));
    delivered = cut;
    std::string_view rest = *buffer;
    while (true) {
      ParseResult result = parser.parse(rest, request);
      if (result.status == ParseStatus::Incomplete && delivered < input.size()) break;
      outcomes.push_back(snapshot(result, request, rest, limits));
      if (result.status != ParseStatus::Complete) return outcomes;
      rest.remove_prefix(result.consumed);
      parser.reset();
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
  ParserLimits limits;
  if (hash & 1) {
    limits = ParserLimits{
        .maxRequestTarget = 32, .maxHeaderBytes = 96, .maxHeaderCount = 4, .maxBodyBytes = 64};
  }

  std::vector<Outcome> expected = parseAtOnce(input, limits);

  std::vector<std::size_t> cuts;
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
