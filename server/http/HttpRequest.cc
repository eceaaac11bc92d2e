#include "HttpRequest.h"

#include "HttpSyntax.h"

namespace mt::http {

std::optional<std::string_view> HttpRequest::header(std::string_view name) const {
  for (const HeaderField& field : headers) {
    if (syntax::equalsIgnoreCase(field.name, name)) return field.value;
  }
  return std::nullopt;
}

// Keeps the capacity of headers and decodedBody: a connection reuses one request
// object for every request it parses, so the steady state allocates nothing.
void HttpRequest::clear() {
  method = Method::Get;
  target = {};
  path = {};
  query = {};
  versionMinor = 1;
  headers.clear();
  body = {};
  decodedBody.clear();
  keepAlive = true;
  expectContinue = false;
  chunked = false;
}

}  // namespace mt::http
