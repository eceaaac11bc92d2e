#pragma once

#include "Ast.h"
#include "SchemaAssembly.h"

namespace mt::api {

// Checks the directives an SDL document applies to its definitions, reporting to
// `assembly` as graphql-js's SDL rules do: KnownDirectives (known, and allowed where
// used), UniqueDirectivesPerLocation (a non-repeatable directive once per definition,
// a type's extensions included), KnownArgumentNamesOnDirectives, UniqueArgumentNames
// and ProvidedRequiredArgumentsOnDirectives; and, beyond graphql-js's SDL rules, that
// each argument's value fits its type. Runs once every directive and input type is
// complete, default values included.
void checkSdlDirectives(const ast::Document& document, SchemaAssembly& assembly);

}  // namespace mt::api
