#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mt::http {

// Whether '+' means a space: it does in application/x-www-form-urlencoded data (query
// strings, form bodies), not in a path.
enum class PlusAsSpace { No, Yes };

// Decodes %XX escapes (RFC 3986 2.1). Returns nullopt for a '%' not followed by two hex
// digits. A decoded "%00" yields a NUL byte: callers that hand the result to the file
// system or C APIs must refuse it themselves.
std::optional<std::string> percentDecode(std::string_view encoded,
                                         PlusAsSpace plus = PlusAsSpace::No);

struct QueryParam {
  std::string name;
  std::string value;
};
using QueryParams = std::vector<QueryParam>;

// Parses "a=1&b=x%20y&flag" into decoded pairs, in order, duplicates kept ("flag" has
// an empty value; empty segments are skipped). Returns nullopt if any escape is
// malformed, so the caller can answer 400 rather than act on half a query.
std::optional<QueryParams> parseQueryString(std::string_view query);

// The value of the first parameter with this (decoded, case-sensitive) name.
const std::string* findQueryParam(const QueryParams& params, std::string_view name);

}  // namespace mt::http
