#include "TypeComparators.h"

namespace mt::api {

bool isTypeSubTypeOf(const Type& maybeSubType, const Type& superType) noexcept {
  if (isEqualType(maybeSubType, superType)) return true;
  if (superType.isNonNull()) {
    return maybeSubType.isNonNull() && isTypeSubTypeOf(*maybeSubType.ofType(), *superType.ofType());
  }
  if (maybeSubType.isNonNull()) return isTypeSubTypeOf(*maybeSubType.ofType(), superType);
  if (superType.isList()) {
    return maybeSubType.isList() && isTypeSubTypeOf(*maybeSubType.ofType(), *superType.ofType());
  }
  if (maybeSubType.isList()) return false;
  const TypeKind subKind = maybeSubType.kind();
  return superType.isAbstract() &&
         (subKind == TypeKind::Interface || subKind == TypeKind::Object) &&
         superType.named().isSubType(maybeSubType.named());
}

bool doTypesOverlap(const NamedType& a, const NamedType& b) noexcept {
  if (&a == &b) return true;
  if (a.isAbstract()) {
    if (b.isAbstract()) {
      for (const NamedType* type : a.possibleTypes()) {
        if (b.isSubType(*type)) return true;
      }
      return false;
    }
    return a.isSubType(b);
  }
  return b.isAbstract() && b.isSubType(a);
}

}  // namespace mt::api
