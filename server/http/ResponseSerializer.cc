#include "ResponseSerializer.h"

#include <cassert>
#include <charconv>

#include "HttpSyntax.h"

namespace mt::http {

namespace {

using syntax::equalsIgnoreCase;

// The response headers the serializer must know about, found in one pass.
struct HeaderPresence {
  bool date = false;
  bool server = false;
  std::size_t bytes = 0;  // what the headers written as they are will take
};

enum class HeaderKind { Ordinary, Date, Server, Framing };

HeaderKind classify(std::string_view name) {
  switch (name.size()) {
    case 4:
      return equalsIgnoreCase(name, "Date") ? HeaderKind::Date : HeaderKind::Ordinary;
    case 6:
      return equalsIgnoreCase(name, "Server") ? HeaderKind::Server : HeaderKind::Ordinary;
    case 14:
      return equalsIgnoreCase(name, "Content-Length") ? HeaderKind::Framing : HeaderKind::Ordinary;
    case 17:
      return equalsIgnoreCase(name, "Transfer-Encoding") ? HeaderKind::Framing
                                                         : HeaderKind::Ordinary;
    default:
      return HeaderKind::Ordinary;
  }
}

void appendField(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += ": ";
  out += value;
  out += "\r\n";
}

template <typename Integer>
void appendDecimal(std::string& out, Integer value) {
  char digits[24];
  char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

}  // namespace

bool responseHasBody(int status, bool headRequest) {
  return !headRequest && status >= 200 && status != 204 && status != 304;
}

bool usesChunkedCoding(const ResponseFraming& framing) {
  return framing.chunked && framing.versionMinor >= 1;
}

void serializeResponseHead(const HttpResponse& response, const ResponseFraming& framing,
                           std::string& out) {
  HeaderPresence present;
  for (const auto& [name, value] : response.headers) {
    HeaderKind kind = classify(name);
    present.date = present.date || kind == HeaderKind::Date;
    present.server = present.server || kind == HeaderKind::Server;
    present.bytes += name.size() + value.size() + 4;
  }
  std::string_view reason = reasonPhrase(response.status);
  out.reserve(out.size() + present.bytes + reason.size() + framing.date.size() +
              framing.server.size() + 128);

  out += framing.versionMinor == 0 ? "HTTP/1.0 " : "HTTP/1.1 ";
  appendDecimal(out, response.status);
  out += ' ';
  out += reason;
  out += "\r\n";

  if (!framing.date.empty() && !present.date) appendField(out, "Date", framing.date);
  if (!framing.server.empty() && !present.server) appendField(out, "Server", framing.server);
  for (const auto& [name, value] : response.headers) {
    if (classify(name) != HeaderKind::Framing) appendField(out, name, value);
  }

  // 1xx, 204 and 304 never have a body, so no length (RFC 9110 8.6); a HEAD response
  // announces the length a GET would have had.
  bool statusAllowsBody = responseHasBody(response.status, false);
  bool closeDelimited = framing.chunked && !usesChunkedCoding(framing);
  if (statusAllowsBody) {
    if (usesChunkedCoding(framing)) {
      out += "Transfer-Encoding: chunked\r\n";
    } else if (!framing.chunked) {
      out += "Content-Length: ";
      appendDecimal(out, response.contentLength());
      out += "\r\n";
    }
  }

  if (!framing.keepAlive || (closeDelimited && statusAllowsBody)) {
    out += "Connection: close\r\n";
  } else if (framing.versionMinor == 0) {
    // A 1.0 client only keeps the connection if told so (RFC 9112 9.3).
    out += "Connection: keep-alive\r\n";
  }
  out += "\r\n";
}

void appendResponse(const HttpResponse& response, const ResponseFraming& framing,
                    std::string& out) {
  assert(!framing.chunked && "streamed bodies go through appendChunk");
  bool withBody = responseHasBody(response.status, framing.headRequest) && !response.file;
  out.reserve(out.size() + (withBody ? response.body.size() : 0) + 256);
  serializeResponseHead(response, framing, out);
  if (withBody) out += response.body;
}

void appendChunk(std::string_view data, std::string& out) {
  if (data.empty()) return;
  char size[16];
  char* end = std::to_chars(size, size + sizeof size, data.size(), 16).ptr;
  out.reserve(out.size() + static_cast<std::size_t>(end - size) + data.size() + 4);
  out.append(size, end);
  out += "\r\n";
  out += data;
  out += "\r\n";
}

void appendLastChunk(std::string& out) {
  out += "0\r\n\r\n";
}

}  // namespace mt::http
