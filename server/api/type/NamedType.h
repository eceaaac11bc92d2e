#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "Ast.h"
#include "Field.h"
#include "Resolved.h"
#include "ScalarType.h"
#include "Type.h"
#include "Value.h"

namespace mt::api {

// A named type of a schema: scalar, object, interface, union, enum or input object.
//
// One class for every kind, as introspection's __Type is one type: the members a kind
// does not have are empty (an object's enumValues(), a scalar's fields()), so code
// that walks types switches on kind() and never casts. Lookups by name (fields, enum
// values, input fields) and possible-type tests are O(1).
//
// Built by SchemaBuilder through the non-const members at the end of the class; a
// built schema hands out only const NamedTypes, which are safe to share across
// threads.
class NamedType : public Type {
 public:
  NamedType(TypeKind kind, std::string name);

  const std::string& name() const noexcept { return str(); }
  const std::optional<std::string>& description() const noexcept { return description_; }

  // Object and Interface: fields in definition order, and the interfaces this type
  // declares it implements (an interface may implement interfaces too).
  const std::vector<Field>& fields() const noexcept { return fields_; }
  const Field* field(std::string_view fieldName) const noexcept;
  const std::vector<const NamedType*>& interfaces() const noexcept { return interfaces_; }

  // Interface and Union: the object types a value may have at runtime (a union's
  // members in definition order; an interface's implementations in schema order).
  const std::vector<const NamedType*>& possibleTypes() const noexcept { return possibleTypes_; }
  bool isPossibleType(const NamedType& object) const noexcept;
  // graphql-js's schema.isSubType(this, type): `type` is a possible type of this
  // abstract type, or an interface that implements this interface.
  bool isSubType(const NamedType& type) const noexcept;
  // Picks the object type of a value of this abstract type when the value carries no
  // type name; may be empty.
  const TypeResolver& typeResolver() const noexcept { return typeResolver_; }

  // Enum: values in definition order.
  const std::vector<EnumValue>& enumValues() const noexcept { return enumValues_; }
  const EnumValue* enumValue(std::string_view valueName) const noexcept;

  // InputObject: fields in definition order; a @oneOf input object takes exactly one
  // field, not null.
  const std::vector<InputValue>& inputFields() const noexcept { return inputFields_; }
  const InputValue* inputField(std::string_view fieldName) const noexcept;
  bool isOneOf() const noexcept { return isOneOf_; }

  // Scalar: the coercion rules, and the URL @specifiedBy gives.
  const ScalarType* scalar() const noexcept { return scalar_.get(); }
  const std::optional<std::string>& specifiedByURL() const noexcept { return specifiedByURL_; }

  // Leaf coercion for scalars and enums, one entry point for execution and
  // validation: a scalar delegates to its ScalarType; an enum applies graphql-js's
  // GraphQLEnumType rules and messages (a value is the String naming it). Each throws
  // GraphQLError (message only) for a value the type cannot represent, and
  // std::logic_error when called on a type that is not a leaf.
  Value serialize(const Value& result) const;
  Value parseValue(const Value& input) const;
  Value parseLiteral(const ast::Value& literal, const Value& variables) const;

  // The SDL definition and extensions of this type, in document order; empty for
  // built-in and introspection types.
  const std::vector<const ast::Definition*>& astNodes() const noexcept { return astNodes_; }

  // Building: SchemaBuilder only.
  void setDescription(std::optional<std::string> description) {
    description_ = std::move(description);
  }
  // Returns false, and adds nothing, if a member of that name exists.
  bool addField(Field field);
  bool addInputField(InputValue field);
  bool addEnumValue(EnumValue value);
  Field* mutableField(std::string_view fieldName);
  InputValue* mutableInputField(std::string_view fieldName);
  void addInterface(const NamedType& iface) { interfaces_.push_back(&iface); }
  void addPossibleType(const NamedType& object);
  void addSubType(const NamedType& type) { subTypes_.insert(&type); }
  void setTypeResolver(TypeResolver resolver) { typeResolver_ = std::move(resolver); }
  void setOneOf(bool oneOf) noexcept { isOneOf_ = oneOf; }
  void setScalar(std::shared_ptr<const ScalarType> scalar) { scalar_ = std::move(scalar); }
  void setSpecifiedByURL(std::optional<std::string> url) { specifiedByURL_ = std::move(url); }
  void addAstNode(const ast::Definition& node) { astNodes_.push_back(&node); }

 private:
  Value serializeEnum(const Value& result) const;
  Value parseEnumValue(const Value& input) const;
  Value parseEnumLiteral(const ast::Value& literal) const;
  void requireLeaf(std::string_view operation) const;

  // Heterogeneous lookup: find by string_view without building a std::string.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const noexcept {
      return std::hash<std::string_view>{}(name);
    }
  };
  using NameIndex = std::unordered_map<std::string, std::size_t, NameHash, std::equal_to<>>;

  std::optional<std::string> description_;
  std::vector<Field> fields_;
  NameIndex fieldIndex_;
  std::vector<const NamedType*> interfaces_;
  std::vector<const NamedType*> possibleTypes_;
  std::unordered_set<const NamedType*> possibleTypeSet_;
  std::unordered_set<const NamedType*> subTypes_;  // possible types and sub-interfaces
  TypeResolver typeResolver_;
  std::vector<EnumValue> enumValues_;
  NameIndex enumValueIndex_;
  std::vector<InputValue> inputFields_;
  NameIndex inputFieldIndex_;
  bool isOneOf_ = false;
  std::shared_ptr<const ScalarType> scalar_;
  std::optional<std::string> specifiedByURL_;
  std::vector<const ast::Definition*> astNodes_;
};

}  // namespace mt::api
