#pragma once

#include <string_view>

#include "SchemaAssembly.h"

namespace mt::api {

// Introspection (the specification's section 4, graphql-js's type/introspection.ts).
//
// The introspection types themselves are SDL (SpecifiedSdl), read into every schema
// like the application's types; this file gives their fields resolvers that read the
// schema model, and makes the meta-fields __schema, __type(name:) and __typename
// (Schema::metaField). Execution needs nothing special for them: they are Fields
// with FieldResolvers, whose parents are application objects holding pointers into
// the schema:
//
//   __Schema      const Schema*       __Field       const Field*
//   __Type        const Type*         __InputValue  const InputValue*
//   __Directive   const Directive*    __EnumValue   const EnumValue*
//
// The enums (__TypeKind, __DirectiveLocation) resolve to Strings naming their values.

// True for the names of the eight introspection types.
bool isIntrospectionType(std::string_view name) noexcept;

// Installs the resolvers and meta-fields; after the specified SDL has been read.
void installIntrospection(SchemaAssembly& assembly);

}  // namespace mt::api
