#pragma once

#include "NamedType.h"
#include "Type.h"

namespace mt::api {

// graphql-js's utilities/typeComparators, on this engine's interned types.

// Whether the two are the same type. Types are interned (see Type), so this is pointer
// equality, valid among the types of one schema and one TypeArena over it.
inline bool isEqualType(const Type& a, const Type& b) noexcept {
  return &a == &b;
}

// Whether a value of `maybeSubType` is always a valid `superType` (covariance: a
// non-null type is a sub-type of its nullable form, an object of the interfaces it
// implements and the unions it belongs to, lists element-wise).
bool isTypeSubTypeOf(const Type& maybeSubType, const Type& superType) noexcept;

// Whether some object type is possible for both composite types (graphql-js's
// doTypesOverlap): fields selected on one may apply to a value of the other.
bool doTypesOverlap(const NamedType& a, const NamedType& b) noexcept;

}  // namespace mt::api
