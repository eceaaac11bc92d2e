#include "TypeComparators.h"

namespace mt::api {

bool isTypeSubTypeOf(const Type& maybeSubType, const Type& superType) {
  if (&maybeSubType == &superType) return true;
  if (superType.isNonNull()) {
    return maybeSubType.isNonNull() && isTypeSubTypeOf(*maybeSubType.ofType(), *superType.ofType());
  }
  // A non-null value may go where a nullable one is expected.
  if (maybeSubType.isNonNull()) return isTypeSubTypeOf(*maybeSubType.ofType(), superType);
  if (superType.isList()) {
    return maybeSubType.isList() && isTypeSubTypeOf(*maybeSubType.ofType(), *superType.ofType());
  }
  if (maybeSubType.isList()) return false;
  return superType.isAbstract() &&
         (maybeSubType.kind() == TypeKind::Interface || maybeSubType.kind() == TypeKind::Object) &&
         superType.named().isSubType(maybeSubType.named());
}

bool doTypesOverlap(const NamedType& typeA, const NamedType& typeB) {
  if (&typeA == &typeB) return true;
  if (typeA.isAbstract()) {
    if (typeB.isAbstract()) {
      for (const NamedType* possible : typeA.possibleTypes()) {
        if (typeB.isSubType(*possible)) return true;
      }
      return false;
    }
    return typeA.isSubType(typeB);
  }
  if (typeB.isAbstract()) return typeB.isSubType(typeA);
  return false;
}

}  // namespace mt::api
