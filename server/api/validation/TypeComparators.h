#pragma once

#include "Schema.h"

namespace mt::api {

// graphql-js's utilities/typeComparators. Types are interned, so identity is equality.

// Whether a value of `maybeSubType` may be used where `superType` is expected: the
// same type, a non-null of an allowed type, a list of allowed items, or an object or
// interface type a possible type of an abstract `superType`.
bool isTypeSubTypeOf(const Type& maybeSubType, const Type& superType);

// Whether some object could be of both composite types.
bool doTypesOverlap(const NamedType& typeA, const NamedType& typeB);

}  // namespace mt::api
