#pragma once

#include <string>

#include "Value.h"

namespace mt::api {

// A Value written the way graphql-js's inspect() writes it into error messages, so
// that our coercion errors read exactly like the reference implementation's:
// strings JSON-quoted, numbers as JavaScript prints them, `{ a: 1, b: "x" }`,
// `[1, 2]`, at most 10 list items ("... 3 more items") and nested three levels deep
// ("[Array]", "[Object]" beyond).
std::string inspect(const Value& value);

}  // namespace mt::api
