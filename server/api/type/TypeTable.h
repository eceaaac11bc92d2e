#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <unordered_map>

#include "Type.h"

namespace mt::api {

// The wrapper types (List, NonNull) made so far, one object per distinct type. Used
// by Schema for the references its definitions use and by TypeArena for those a
// request adds; not part of the engine's public interface.
class TypeTable {
 public:
  // The wrapper of `kind` (List or NonNull) around `ofType`, if made already.
  const Type* find(TypeKind kind, const Type& ofType) const noexcept;
  // The same, made if need be. NonNull around a NonNull is a logic error.
  const Type& intern(TypeKind kind, const Type& ofType);

 private:
  struct Key {
    TypeKind kind;
    const Type* ofType;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const noexcept {
      return std::hash<const Type*>{}(key.ofType) * 2 + (key.kind == TypeKind::List ? 1 : 0);
    }
  };

  std::unordered_map<Key, std::unique_ptr<Type>, KeyHash> types_;
};

}  // namespace mt::api
