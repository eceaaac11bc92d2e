// Throughput of the request parser on the requests this server sees, and of the
// response head serializer. Run a Release build:
//   build/release/tests/benchmarks/http_parser_benchmark
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

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

void parseRepeatedly(benchmark::State& state, const std::string& input) {
  HttpRequestParser parser;
  HttpRequest request;
  for (auto _ : state) {
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

void BM_ParseSmallGet(benchmark::State& state) {
  parseRepeatedly(state, kSmallGet);
}
BENCHMARK(BM_ParseSmallGet);

void BM_ParseBrowserGet(benchmark::State& state) {
  parseRepeatedly(state, kBrowserGet);
}
BENCHMARK(BM_ParseBrowserGet);

void BM_ParsePost1KiB(benchmark::State& state) {
  parseRepeatedly(state, postWithBody(1024));
}
BENCHMARK(BM_ParsePost1KiB);

void BM_ParseChunkedPost4x256(benchmark::State& state) {
  parseRepeatedly(state, chunkedPost(4, 256));
}
BENCHMARK(BM_ParseChunkedPost4x256);

// The browser request arriving in two reads, the second in a moved buffer: the cost
// of resuming and of moving the views already handed out.
void BM_ParseBrowserGetInTwoReads(benchmark::State& state) {
  HttpRequestParser parser;
  HttpRequest request;
  std::string first = kBrowserGet.substr(0, kBrowserGet.size() / 2);
  std::string whole = kBrowserGet;
  for (auto _ : state) {
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
  for (auto _ : state) {
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
