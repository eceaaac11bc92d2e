// Throughput of the request parser on the requests this server sees, and of the
// response head serializer. Run a Release build:
//   build/release/tests/benchmarks/http_parser_benchmark
//
// Each BM_Parse<Request> has a BM_Reference<Request> twin: the same request parsed by
// nodejs/http-parser (Debian's libhttp-parser-dev), the reference our figures are
// ratios against (tools/bench-parser.sh prints them).
#include <benchmark/benchmark.h>
#include <http_parser.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "HttpDate.h"
#include "HttpRequestParser.h"
#include "ResponseSerializer.h"

namespace {

using namespace mt::http;

// What wrk and curl send.
const std::string kSmallGet =
    "GET /api?query=%7Bme%7Bname%7D%7D HTTP/1.1\r\nHost: localhost:8080\r\n"
    "User-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";

// A browser's navigation request: 12 fields, long values.
const std::string kBrowserGet =
    "GET /timeline?user=ann HTTP/1.1\r\n"
    "Host: minitwitter.local:8080\r\n"
    "Connection: keep-alive\r\n"
    "sec-ch-ua: \"Chromium\";v=\"120\", \"Not?A_Brand\";v=\"8\"\r\n"
    "sec-ch-ua-mobile: ?0\r\n"
    "sec-ch-ua-platform: \"Linux\"\r\n"
    "Upgrade-Insecure-Requests: 1\r\n"
    "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36\r\n"
    "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
    "*/*;q=0.8\r\n"
    "Sec-Fetch-Site: same-origin\r\n"
    "Accept-Encoding: gzip, deflate, br\r\n"
    "Accept-Language: en-US,en;q=0.9,de;q=0.8\r\n"
    "Cookie: token=eyJ1c2VyIjo0Mn0.c2lnbmF0dXJlLWJ5dGVz; theme=dark\r\n"
    "\r\n";

std::string postWithBody(std::size_t bodyBytes) {
  return "POST /api HTTP/1.1\r\nHost: localhost:8080\r\nContent-Type: application/json\r\n"
         "Content-Length: " +
         std::to_string(bodyBytes) + "\r\n\r\n" + std::string(bodyBytes, 'x');
}

std::string chunkedPost(std::size_t chunks, std::size_t chunkBytes) {
  std::string request =
      "POST /api HTTP/1.1\r\nHost: localhost:8080\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  char size[20];
  std::snprintf(size, sizeof size, "%zx\r\n", chunkBytes);
  for (std::size_t i = 0; i < chunks; ++i)
    request += size + std::string(chunkBytes, 'x') + "\r\n";
  return request + "0\r\n\r\n";
}

// The four requests both parsers are measured on.
const std::string kPost1KiB = postWithBody(1024);
const std::string kChunkedPost4x256 = chunkedPost(4, 256);

void parseRepeatedly(benchmark::State& state, const std::string& input) {
  HttpRequestParser parser;
  HttpRequest request;
  for ([[maybe_unused]] auto _ : state) {
    ParseResult result = parser.parse(input, request);
    if (result.status != ParseStatus::Complete) {
      state.SkipWithError("request did not parse");
      break;
    }
    benchmark::DoNotOptimize(request);
    parser.reset();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// --- the reference: nodejs/http-parser ---------------------------------------------

// What the reference's callbacks record: what HttpRequestParser hands out (method,
// target split into path and query, header names and values, body; a chunked body
// reassembled into decodedBody), so both parsers do equivalent work. Each request is
// parsed from one contiguous buffer, so a value that arrives in several callbacks
// (it does not here) is still one view: extend() grows it up to the newest piece.
struct ReferenceRequest {
  unsigned method = 0;
  std::string_view target, path, query;
  std::vector<HeaderField> headers;
  std::string_view body;
  std::string decodedBody;
  bool keepAlive = false;
  bool chunked = false;
  bool complete = false;
  bool lastWasField = false;  // the previous header callback was for a name

  void clear() {
    method = 0;
    target = path = query = body = {};
    headers.clear();
    decodedBody.clear();
    keepAlive = chunked = complete = lastWasField = false;
  }
};

void extend(std::string_view& view, const char* at, std::size_t length) {
  if (view.empty()) {
    view = {at, length};
  } else {
    view = {view.data(), static_cast<std::size_t>(at + length - view.data())};
  }
}

ReferenceRequest& requestOf(http_parser* parser) {
  return *static_cast<ReferenceRequest*>(parser->data);
}

int onUrl(http_parser* parser, const char* at, std::size_t length) {
  extend(requestOf(parser).target, at, length);
  return 0;
}

int onHeaderField(http_parser* parser, const char* at, std::size_t length) {
  ReferenceRequest& request = requestOf(parser);
  if (!request.lastWasField) request.headers.emplace_back();
  request.lastWasField = true;
  extend(request.headers.back().name, at, length);
  return 0;
}

int onHeaderValue(http_parser* parser, const char* at, std::size_t length) {
  ReferenceRequest& request = requestOf(parser);
  request.lastWasField = false;
  extend(request.headers.back().value, at, length);
  return 0;
}

int onHeadersComplete(http_parser* parser) {
  ReferenceRequest& request = requestOf(parser);
  request.method = parser->method;
  std::size_t question = request.target.find('?');
  request.path = request.target.substr(0, question);
  if (question != std::string_view::npos) request.query = request.target.substr(question + 1);
  request.keepAlive = http_should_keep_alive(parser) != 0;
  request.chunked = (parser->flags & F_CHUNKED) != 0;
  return 0;
}

int onBody(http_parser* parser, const char* at, std::size_t length) {
  ReferenceRequest& request = requestOf(parser);
  if (request.chunked) {
    request.decodedBody.append(at, length);
  } else {
    extend(request.body, at, length);
  }
  return 0;
}

int onMessageComplete(http_parser* parser) {
  ReferenceRequest& request = requestOf(parser);
  if (request.chunked) request.body = request.decodedBody;
  request.complete = true;
  return 0;
}

http_parser_settings referenceSettings() {
  http_parser_settings settings;
  http_parser_settings_init(&settings);
  settings.on_url = onUrl;
  settings.on_header_field = onHeaderField;
  settings.on_header_value = onHeaderValue;
  settings.on_headers_complete = onHeadersComplete;
  settings.on_body = onBody;
  settings.on_message_complete = onMessageComplete;
  return settings;
}

bool referenceParse(http_parser& parser, const http_parser_settings& settings,
                    const std::string& input, ReferenceRequest& request) {
  http_parser_init(&parser, HTTP_REQUEST);  // per request, as our parser.reset()
  parser.data = &request;
  request.clear();
  std::size_t parsed = http_parser_execute(&parser, &settings, input.data(), input.size());
  return parsed == input.size() && HTTP_PARSER_ERRNO(&parser) == HPE_OK && request.complete;
}

// The reference saw what ours sees: same target, fields and body.
bool sameAsOurs(const ReferenceRequest& reference, const std::string& input) {
  HttpRequestParser parser;
  HttpRequest ours;
  if (parser.parse(input, ours).status != ParseStatus::Complete) return false;
  if (reference.target != ours.target || reference.path != ours.path ||
      reference.query != ours.query || reference.body != ours.body ||
      reference.keepAlive != ours.keepAlive || reference.chunked != ours.chunked ||
      reference.headers.size() != ours.headers.size()) {
    return false;
  }
  for (std::size_t i = 0; i < ours.headers.size(); ++i) {
    if (reference.headers[i].name != ours.headers[i].name ||
        reference.headers[i].value != ours.headers[i].value) {
      return false;
    }
  }
  return true;
}

void referenceParseRepeatedly(benchmark::State& state, const std::string& input) {
  const http_parser_settings settings = referenceSettings();
  http_parser parser;
  ReferenceRequest request;
  if (!referenceParse(parser, settings, input, request) || !sameAsOurs(request, input)) {
    state.SkipWithError("the reference parser does not record what ours does");
    return;
  }
  for ([[maybe_unused]] auto _ : state) {
    if (!referenceParse(parser, settings, input, request)) {
      state.SkipWithError("request did not parse");
      break;
    }
    benchmark::DoNotOptimize(request);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// --- the four requests, ours and the reference's -------------------------------------

void BM_ParseSmallGet(benchmark::State& state) {
  parseRepeatedly(state, kSmallGet);
}
BENCHMARK(BM_ParseSmallGet);

void BM_ReferenceSmallGet(benchmark::State& state) {
  referenceParseRepeatedly(state, kSmallGet);
}
BENCHMARK(BM_ReferenceSmallGet);

void BM_ParseBrowserGet(benchmark::State& state) {
  parseRepeatedly(state, kBrowserGet);
}
BENCHMARK(BM_ParseBrowserGet);

void BM_ReferenceBrowserGet(benchmark::State& state) {
  referenceParseRepeatedly(state, kBrowserGet);
}
BENCHMARK(BM_ReferenceBrowserGet);

void BM_ParsePost1KiB(benchmark::State& state) {
  parseRepeatedly(state, kPost1KiB);
}
BENCHMARK(BM_ParsePost1KiB);

void BM_ReferencePost1KiB(benchmark::State& state) {
  referenceParseRepeatedly(state, kPost1KiB);
}
BENCHMARK(BM_ReferencePost1KiB);

void BM_ParseChunkedPost4x256(benchmark::State& state) {
  parseRepeatedly(state, kChunkedPost4x256);
}
BENCHMARK(BM_ParseChunkedPost4x256);

void BM_ReferenceChunkedPost4x256(benchmark::State& state) {
  referenceParseRepeatedly(state, kChunkedPost4x256);
}
BENCHMARK(BM_ReferenceChunkedPost4x256);

// --- the rest: ours only ---------------------------------------------------------------

// The browser request arriving in two reads, the second in a moved buffer: the cost
// of resuming and of moving the views already handed out.
void BM_ParseBrowserGetInTwoReads(benchmark::State& state) {
  HttpRequestParser parser;
  HttpRequest request;
  std::string first = kBrowserGet.substr(0, kBrowserGet.size() / 2);
  std::string whole = kBrowserGet;
  for ([[maybe_unused]] auto _ : state) {
    parser.parse(first, request);
    ParseResult result = parser.parse(whole, request);
    benchmark::DoNotOptimize(result);
    parser.reset();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kBrowserGet.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ParseBrowserGetInTwoReads);

void BM_SerializeResponseHead(benchmark::State& state) {
  HttpResponse response = HttpResponse::text(200, std::string(512, 'j'), "application/json");
  response.setHeader("Cache-Control", "no-store");
  ResponseFraming framing;
  std::string out;
  std::size_t bytes = 0;
  for ([[maybe_unused]] auto _ : state) {
    framing.date = currentHttpDate();
    out.clear();
    serializeResponseHead(response, framing, out);
    bytes += out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_SerializeResponseHead);

}  // namespace
