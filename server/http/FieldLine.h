#pragma once

#include <string_view>

#include "HttpRequest.h"

namespace mt::http {

// Splits one field line of a header or trailer section (RFC 9112 5), given without
// its line ending, into a token name and a value with surrounding whitespace
// removed. Returns an empty string on success, otherwise why the line is malformed
// (always a 400): whitespace before the colon, obs-fold, control characters.
std::string_view parseFieldLine(std::string_view line, HeaderField& field);

}  // namespace mt::http
