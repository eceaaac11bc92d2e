#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "HttpRequestParser.h"

namespace mt::http::test {

// An owned copy of everything a parse produced, so results of parses fed in
// different ways can be compared after their buffers are gone.
struct ParseOutcome {
  ParseStatus status = ParseStatus::Incomplete;
  std::size_t consumed = 0;
  int errorStatus = 0;
  Method method = Method::Get;
  std::string target;
  std::string path;
  std::string query;
  int versionMinor = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool keepAlive = false;
  bool expectContinue = false;
  bool chunked = false;

  bool operator==(const ParseOutcome&) const = default;
};

inline bool pointsInto(std::string_view view, std::string_view buffer) {
  return view.data() >= buffer.data() && view.data() + view.size() <= buffer.data() + buffer.size();
}

inline ParseOutcome snapshot(const ParseResult& result, const HttpRequest& request) {
  ParseOutcome outcome;
  outcome.status = result.status;
  outcome.consumed = result.consumed;
  outcome.errorStatus = result.errorStatus;
  if (result.status != ParseStatus::Complete) return outcome;
  outcome.method = request.method;
  outcome.target = request.target;
  outcome.path = request.path;
  outcome.query = request.query;
  outcome.versionMinor = request.versionMinor;
  for (const HeaderField& field : request.headers) {
    outcome.headers.emplace_back(field.name, field.value);
  }
  outcome.body = request.body;
  outcome.keepAlive = request.keepAlive;
  outcome.expectContinue = request.expectContinue;
  outcome.chunked = request.chunked;
  return outcome;
}

inline ParseOutcome parseWhole(std::string_view input, ParserLimits limits = {}) {
  HttpRequestParser parser(limits);
  HttpRequest request;
  ParseResult result = parser.parse(input, request);
  return snapshot(result, request);
}

// Feeds `input` as the network would deliver it, ending a delivery at each cut (and
// at the end). Every call gets a freshly allocated copy of all bytes so far, so the
// buffer moves each time, as a connection buffer that grows does; the sanitizers
// catch any view left pointing into an old copy.
inline ParseOutcome parseInPieces(std::string_view input, std::vector<std::size_t> cuts,
                                  ParserLimits limits = {}) {
  cuts.push_back(input.size());
  HttpRequestParser parser(limits);
  HttpRequest request;
  ParseOutcome outcome;
  std::size_t previousCut = 0;
  for (std::size_t cut : cuts) {
    if (cut < previousCut || cut > input.size()) continue;
    previousCut = cut;
    auto copy = std::make_unique<char[]>(cut + 1);
    std::copy(input.begin(), input.begin() + static_cast<std::ptrdiff_t>(cut), copy.get());
    ParseResult result = parser.parse(std::string_view(copy.get(), cut), request);
    outcome = snapshot(result, request);
    if (result.status != ParseStatus::Incomplete) break;
  }
  return outcome;
}

inline ParseOutcome parseByteByByte(std::string_view input, ParserLimits limits = {}) {
  std::vector<std::size_t> cuts;
  for (std::size_t i = 1; i < input.size(); ++i)
    cuts.push_back(i);
  return parseInPieces(input, std::move(cuts), limits);
}

}  // namespace mt::http::test
