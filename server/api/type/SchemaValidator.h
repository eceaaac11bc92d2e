#pragma once

#include "SchemaAssembly.h"

namespace mt::api {

// The specification's type validation (graphql-js's validateSchema, with its
// messages), reported to `assembly`: root operation types that exist and are object
// types; names without the "__" reserved for introspection; objects and interfaces
// with fields of output types and arguments of input types; each object and interface
// implementing its interfaces' fields and their ancestors (IsValidImplementation);
// unions of object types; enums with values; input objects with fields of input types
// and no cycle of non-null fields; required arguments and input fields not deprecated;
// @oneOf input objects with nullable fields and no defaults.
//
// Tolerates what the SDL reader already reported: a member whose type is unknown (a
// null Type) is skipped.
void validateSchema(SchemaAssembly& assembly);

}  // namespace mt::api
