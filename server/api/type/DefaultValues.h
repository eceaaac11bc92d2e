#pragma once

#include "SchemaAssembly.h"

namespace mt::api {

// Coerces the default values the SDL gives arguments, input fields and directive
// arguments to their types (graphql-js's valueFromAST at build time), so that
// InputValue::defaultValue holds what a resolver will see. An input object literal
// takes the defaults of the fields it omits, so those are coerced first, on demand;
// a default that needs itself is reported, as is a default its type cannot hold.
void coerceDefaultValues(SchemaAssembly& assembly);

}  // namespace mt::api
