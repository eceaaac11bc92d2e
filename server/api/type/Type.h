#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace mt::api {

class NamedType;

// The kinds of __TypeKind, in its order.
enum class TypeKind : std::uint8_t {
  Scalar,
  Object,
  Interface,
  Union,
  Enum,
  InputObject,
  List,
  NonNull,
};

// "SCALAR", "OBJECT", ..., "NON_NULL", as introspection spells them.
std::string_view typeKindName(TypeKind kind) noexcept;

// A type as a field, argument or variable refers to it: a named type (a NamedType is a
// Type), or a List or NonNull wrapper around another Type.
//
// Types are interned: a Schema holds one object per distinct reference its definitions
// use, and a TypeArena adds the ones only a request uses (a variable of type
// `[[Int]]`), so within one schema and arena two references to the same type are the
// same pointer and type equality is pointer equality. Walking needs no lookups:
// ofType() is the wrapped type and named() the innermost named type, stored in every
// wrapper.
//
// Immutable once built; owned by its schema or arena, never copied.
class Type {
 public:
  Type(const Type&) = delete;
  Type& operator=(const Type&) = delete;

  TypeKind kind() const noexcept { return kind_; }
  bool isNonNull() const noexcept { return kind_ == TypeKind::NonNull; }
  bool isList() const noexcept { return kind_ == TypeKind::List; }
  bool isWrapping() const noexcept { return isNonNull() || isList(); }
  bool isNamed() const noexcept { return !isWrapping(); }

  // The wrapped type of a List or NonNull; null for a named type.
  const Type* ofType() const noexcept { return ofType_; }
  // The innermost named type: `Int` for `[Int!]!`; itself for a named type.
  const NamedType& named() const noexcept { return *named_; }
  // This type without its outer NonNull.
  const Type& nullable() const noexcept { return isNonNull() ? *ofType_ : *this; }

  // The type as SDL spells it: "[Int!]!"; a named type's name.
  const std::string& str() const noexcept { return text_; }

  // Whether values of this type may be inputs (scalar, enum, input object, possibly
  // wrapped) or outputs (anything but an input object, possibly wrapped).
  bool isInputType() const noexcept;
  bool isOutputType() const noexcept;
  // Kinds of this type itself; false for wrappers.
  bool isLeaf() const noexcept { return kind_ == TypeKind::Scalar || kind_ == TypeKind::Enum; }
  bool isComposite() const noexcept {
    return kind_ == TypeKind::Object || kind_ == TypeKind::Interface || kind_ == TypeKind::Union;
  }
  bool isAbstract() const noexcept {
    return kind_ == TypeKind::Interface || kind_ == TypeKind::Union;
  }

  // Not virtual: types are owned as what they are (a NamedType, or a wrapper Type),
  // never destroyed through a pointer to the base.
  ~Type() = default;

 private:
  friend class NamedType;
  friend class TypeTable;

  Type(TypeKind kind, const Type* ofType, const NamedType* named, std::string text)
      : kind_(kind), ofType_(ofType), named_(named), text_(std::move(text)) {}

  TypeKind kind_;
  const Type* ofType_;
  const NamedType* named_;
  std::string text_;
};

}  // namespace mt::api
