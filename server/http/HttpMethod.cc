#include "HttpMethod.h"

namespace mt::http {

// Methods are case-sensitive (RFC 9110 9.1): "get" is a different, unknown method.
std::optional<Method> parseMethod(std::string_view token) {
  switch (token.size()) {
    case 3:
      if (token == "GET") return Method::Get;
      if (token == "PUT") return Method::Put;
      break;
    case 4:
      if (token == "POST") return Method::Post;
      if (token == "HEAD") return Method::Head;
      break;
    case 5:
      if (token == "PATCH") return Method::Patch;
      if (token == "TRACE") return Method::Trace;
      break;
    case 6:
      if (token == "DELETE") return Method::Delete;
      break;
    case 7:
      if (token == "OPTIONS") return Method::Options;
      if (token == "CONNECT") return Method::Connect;
      break;
    default:
      break;
  }
  return std::nullopt;
}

std::string_view methodName(Method m) {
  switch (m) {
    case Method::Get:
      return "GET";
    case Method::Head:
      return "HEAD";
    case Method::Post:
      return "POST";
    case Method::Put:
      return "PUT";
    case Method::Delete:
      return "DELETE";
    case Method::Patch:
      return "PATCH";
    case Method::Options:
      return "OPTIONS";
    case Method::Trace:
      return "TRACE";
    case Method::Connect:
      return "CONNECT";
  }
  return "UNKNOWN";
}

}  // namespace mt::http
