#include "TypeTable.h"

#include <stdexcept>
#include <string>

#include "NamedType.h"

namespace mt::api {

const Type* TypeTable::find(TypeKind kind, const Type& ofType) const noexcept {
  const auto found = types_.find(Key{kind, &ofType});
  return found == types_.end() ? nullptr : found->second.get();
}

const Type& TypeTable::intern(TypeKind kind, const Type& ofType) {
  if (kind != TypeKind::List && kind != TypeKind::NonNull) {
    throw std::logic_error("TypeTable::intern: only List and NonNull wrap a type");
  }
  if (kind == TypeKind::NonNull && ofType.isNonNull()) {
    throw std::logic_error("TypeTable::intern: NonNull cannot wrap " + ofType.str());
  }
  auto& slot = types_[Key{kind, &ofType}];
  if (slot == nullptr) {
    std::string text = kind == TypeKind::List ? "[" + ofType.str() + "]" : ofType.str() + "!";
    slot.reset(new Type(kind, &ofType, &ofType.named(), std::move(text)));
  }
  return *slot;
}

}  // namespace mt::api
