#pragma once

#include <string>
#include <string_view>

namespace mt::load {

// A request as a virtual user asks for it; the engine writes it on a keep-alive
// connection to the user's target.
struct HttpRequest {
  std::string method = "GET";
  std::string target = "/";   // origin-form: path and query
  std::string authorization;  // the Authorization header's value; empty: none
  std::string accept;         // the Accept header's value; empty: none
  std::string contentType;    // empty: none
  std::string body;           // framed by Content-Length whenever it or contentType is set
};

// Appends `request` in HTTP/1.1 wire form to `out`: request line, Host (`hostHeader`,
// "host:port"), Authorization, Accept and Content-Type when set, Content-Length when there is
// a body or a content type (an unframed body would be read as the next request). No
// `Connection` header: HTTP/1.1 keeps the connection alive by default, and the fewer
// bytes per request the closer the load client stays to wrk's cost per request.
void appendRequest(std::string& out, const HttpRequest& request, std::string_view hostHeader);

// A response as the engine hands it to the virtual user that asked; the views point
// into the connection's buffers and are valid only during that call.
struct HttpResponse {
  int status = 0;
  std::string_view contentType;
  std::string_view body;  // decoded: chunked transfer coding removed
};

}  // namespace mt::load
