// Throughput of the load client's wire layer (client/wire): the response parser on
// what this server sends, and the request writer. Run a Release build:
//   build/release/tests/benchmarks/response_parser_benchmark
//
// BM_ReferenceApiResponse parses the same bytes with nodejs/http-parser set up as wrk
// sets it up (only on_message_complete: no body copy, no header values), the cost per
// response the load client has to stay close to.
#include <benchmark/benchmark.h>
#include <http_parser.h>

#include <cstdio>
#include <string>
#include <string_view>

#include "HttpMessage.h"
#include "ResponseParser.h"

namespace {

using mt::load::ResponseParser;

const std::string kDate = "Date: Sat, 28 Nov 2026 17:27:08 GMT\r\n";

// What the GraphQL endpoint answers: the server's Date and Server, the view's
// Content-Type, the serializer's Content-Length; a 100-byte JSON body.
std::string apiResponse() {
  std::string body =
      R"({"data":{"timeline":[{"id":"42","text":"hello #minitwitter","author":{"name":"ann"}}]}})";
  body.resize(100, ' ');
  return "HTTP/1.1 200 OK\r\n" + kDate +
         "Server: minitwitter\r\n"
         "Content-Type: application/graphql-response+json; charset=utf-8\r\n"
         "Content-Length: 100\r\n"
         "\r\n" +
         body;
}

// A static file (server/views/StaticFiles): validators and caching headers too.
std::string staticFileResponse() {
  return "HTTP/1.1 200 OK\r\n" + kDate +
         "Server: minitwitter\r\n"
         "Content-Type: text/css; charset=utf-8\r\n"
         "ETag: \"5f3a2c-19c\"\r\n"
         "Last-Modified: Fri, 27 Nov 2026 10:00:00 GMT\r\n"
         "Cache-Control: public, max-age=3600\r\n"
         "Content-Length: 100\r\n"
         "\r\n" +
         std::string(100, 'c');
}

// A streamed body: chunks of `chunkBytes`.
std::string chunkedResponse(int chunks, std::size_t chunkBytes) {
  std::string response = "HTTP/1.1 200 OK\r\n" + kDate +
                         "Server: minitwitter\r\n"
                         "Content-Type: application/json\r\n"
                         "Transfer-Encoding: chunked\r\n"
                         "\r\n";
  char size[20];
  std::snprintf(size, sizeof size, "%zx\r\n", chunkBytes);
  for (int i = 0; i < chunks; ++i) {
    response += size;
    response.append(chunkBytes, 'k');
    response += "\r\n";
  }
  return response + "0\r\n\r\n";
}

// Parses `responses` back to back from `bytes`, `readSize` bytes per feed().
void parseStream(benchmark::State& state, const std::string& bytes, int responses,
                 std::size_t readSize) {
  ResponseParser parser;
  for (auto _ : state) {
    int completed = 0;
    for (std::size_t at = 0; at < bytes.size(); at += readSize) {
      std::string_view read = std::string_view(bytes).substr(at, readSize);
      while (!read.empty()) {
        read.remove_prefix(parser.feed(read));
        if (parser.complete()) {
          benchmark::DoNotOptimize(parser.body().data());
          ++completed;
          parser.reset();
        }
      }
    }
    if (completed != responses || parser.failed()) {
      state.SkipWithError("the benchmark's responses did not parse");
      return;
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.SetItemsProcessed(state.iterations() * responses);
}

void BM_ParseApiResponse(benchmark::State& state) {
  std::string response = apiResponse();
  parseStream(state, response, 1, response.size());
}
BENCHMARK(BM_ParseApiResponse);

// The head in one read and the body in the next, as when a packet ends between them.
void BM_ParseApiResponseInTwoReads(benchmark::State& state) {
  std::string response = apiResponse();
  parseStream(state, response, 1, response.size() - 100);
}
BENCHMARK(BM_ParseApiResponseInTwoReads);

void BM_ParseStaticFileResponse(benchmark::State& state) {
  std::string response = staticFileResponse();
  parseStream(state, response, 1, response.size());
}
BENCHMARK(BM_ParseStaticFileResponse);

void BM_ParsePipelinedApiResponses(benchmark::State& state) {
  std::string responses;
  for (int i = 0; i < 16; ++i)
    responses += apiResponse();
  parseStream(state, responses, 16, responses.size());
}
BENCHMARK(BM_ParsePipelinedApiResponses);

void BM_ParseChunkedResponse(benchmark::State& state) {
  std::string response = chunkedResponse(4, 256);
  parseStream(state, response, 1, response.size());
}
BENCHMARK(BM_ParseChunkedResponse);

void BM_ParseLargeResponse(benchmark::State& state) {
  std::string response = "HTTP/1.1 200 OK\r\n" + kDate +
                         "Server: minitwitter\r\nContent-Type: image/png\r\n"
                         "Content-Length: 65536\r\n\r\n" +
                         std::string(65536, 'p');
  parseStream(state, response, 1, 16384);
}
BENCHMARK(BM_ParseLargeResponse);

int onReferenceComplete(http_parser* parser) {
  ++*static_cast<int*>(parser->data);
  return 0;
}

void BM_ReferenceApiResponse(benchmark::State& state) {
  std::string response = apiResponse();
  http_parser_settings settings;
  http_parser_settings_init(&settings);
  settings.on_message_complete = onReferenceComplete;
  http_parser parser;
  http_parser_init(&parser, HTTP_RESPONSE);
  int completed = 0;
  parser.data = &completed;
  for (auto _ : state) {
    std::size_t used = http_parser_execute(&parser, &settings, response.data(), response.size());
    benchmark::DoNotOptimize(used);
  }
  if (completed != static_cast<int>(state.iterations()) || HTTP_PARSER_ERRNO(&parser) != HPE_OK) {
    state.SkipWithError("http-parser did not parse the response");
    return;
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * response.size()));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReferenceApiResponse);

void BM_AppendRequest(benchmark::State& state) {
  mt::load::HttpRequest request;
  request.method = "POST";
  request.target = "/api";
  request.authorization = "Bearer eyJ1c2VyIjo0Mn0.c2lnbmF0dXJlLWJ5dGVz";
  request.contentType = "application/json";
  request.body = R"({"query":"query($n:Int){timeline(first:$n){id text}}","variables":{"n":20}})";
  std::string out;
  for (auto _ : state) {
    out.clear();
    mt::load::appendRequest(out, request, "10.0.0.1:8080");
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AppendRequest);

}  // namespace
