#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mt::api {

// Numbers as JavaScript writes and reads them, so that our JSON, our error messages
// and the String scalar's coercions print numbers exactly as graphql-js does (the
// reference the project's oracle tests compare against).

// Appends ECMAScript's Number::toString(d): the shortest digits that round-trip,
// "1" for 1.0, "1e+21", "1.5e-7", "NaN", "Infinity", "-Infinity"; -0 prints "0".
void appendJsNumber(double d, std::string& out);
std::string jsNumberText(double d);

// ECMAScript's Number(string) for the forms that matter to GraphQL coercion: surrounding
// ASCII white space ignored, "" is 0, decimal literals with optional sign, fraction and
// exponent, "Infinity" with optional sign, and unsigned 0x/0o/0b integers. Anything
// else is nullopt (JavaScript's NaN).
std::optional<double> parseJsNumber(std::string_view text);

}  // namespace mt::api
