#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "Value.h"

namespace mt::api {

// JSON text for Values: responses out, HTTP request bodies and variables in.
//
// Why our own reader rather than nlohmann_json: it parses straight into Value in one
// pass (no second tree to convert, objects keep their member order without
// ordered_json), it bounds nesting depth (a request body must not be able to exhaust
// the stack of a worker thread), and its errors carry the byte offset a client needs.

// Appends `value` as compact JSON, escaping strings as JSON.stringify does: `"`, `\`
// and control characters escaped (\n, \t, ... or \u00XX), everything else, including
// non-BMP characters, passed through as UTF-8. Bytes that are not valid UTF-8 are
// written as U+FFFD, so the output is always valid JSON. Numbers print as JavaScript
// prints them (see JsNumber.h); a NaN or infinite Float, which GraphQL cannot
// represent and execution reports as a field error before it gets here, is written as
// null.
void writeJson(const Value& value, std::string& out);
std::string toJson(const Value& value);

// Appends `text` as a JSON string literal, quotes included.
void writeJsonString(std::string_view text, std::string& out);

struct JsonLimits {
  // Arrays and objects nested deeper than this are an error.
  std::size_t maxDepth = 128;
};

// Parses one JSON text (RFC 8259, strictly: no comments, trailing commas, NaN, single
// quotes, leading zeros or byte order mark; strings must be valid UTF-8 and escaped
// surrogates must pair). Numbers without fraction or exponent that fit int64 become
// Int, all others Float; a number beyond double's range is an error. A duplicate
// object key keeps its first position and its last value, as JSON.parse does.
//
// On failure returns nullopt and, if `error` is not null, sets it to a message such
// as "Expected ':' after object key at offset 12".
std::optional<Value> parseJson(std::string_view text, std::string* error = nullptr,
                               JsonLimits limits = {});

}  // namespace mt::api
