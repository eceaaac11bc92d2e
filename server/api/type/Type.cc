#include "Type.h"

#include "NamedType.h"

namespace mt::api {

std::string_view typeKindName(TypeKind kind) noexcept {
  switch (kind) {
    case TypeKind::Scalar:
      return "SCALAR";
    case TypeKind::Object:
      return "OBJECT";
    case TypeKind::Interface:
      return "INTERFACE";
    case TypeKind::Union:
      return "UNION";
    case TypeKind::Enum:
      return "ENUM";
    case TypeKind::InputObject:
      return "INPUT_OBJECT";
    case TypeKind::List:
      return "LIST";
    case TypeKind::NonNull:
      return "NON_NULL";
  }
  return "?";
}

bool Type::isInputType() const noexcept {
  const TypeKind kind = named().kind();
  return kind == TypeKind::Scalar || kind == TypeKind::Enum || kind == TypeKind::InputObject;
}

bool Type::isOutputType() const noexcept {
  return named().kind() != TypeKind::InputObject;
}

}  // namespace mt::api
