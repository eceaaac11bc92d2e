#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace mt::db {

// libpq connection strings: URIs (postgresql://…, postgres://…) and key=value lists.

bool isPostgresUri(std::string_view url);

// RFC 3986 percent-encoding of everything but the unreserved characters.
std::string percentEncode(std::string_view text);

// Adds the parameter `key` with the raw `value`: a query parameter of a URI
// (percent-encoded, after `?` or `&` as the URI needs) or a key='value' pair.
std::string addConnectionParameter(std::string_view url, std::string_view key,
                                   std::string_view value);

// Whether the connection string already sets `key` (then it is not overridden).
bool hasConnectionParameter(std::string_view url, std::string_view key);

// The connection string with connect_timeout set (whole seconds, rounded up), unless
// it sets one itself.
std::string withConnectTimeout(std::string_view url, std::chrono::milliseconds timeout);

// The connection string with its password (user:PASSWORD@ or password=…) replaced by ***.
std::string redactPassword(std::string_view url);

}  // namespace mt::db
