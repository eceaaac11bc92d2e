#pragma once

#include <memory_resource>
#include <vector>

#include "Ast.h"
#include "Schema.h"

namespace mt::api {

// Where the walk is, in terms of the schema (graphql-js's TypeInfo): the type of the
// field or fragment being visited, its parent composite type, the field, directive
// and argument definitions in scope, and the expected input type of a value.
//
// ParallelVisitor calls enter() before a node's hooks and leave() after them, as
// graphql-js's visitWithTypeInfo does. Nothing is assumed valid: an unknown field or
// type simply leaves its slot null, and rules decide what that means.
class TypeInfo {
 public:
  TypeInfo(const Schema& schema, TypeArena& arena, std::pmr::memory_resource* memory);

  // The output type of the current field, fragment or operation root; null if unknown.
  const Type* type() const { return top(typeStack_); }
  // The composite type whose selection set is being visited; null if it is not one.
  const NamedType* parentType() const { return top(parentTypeStack_); }
  // The definition of the current field; null if unknown or outside any field.
  const Field* fieldDef() const { return top(fieldDefStack_); }
  // The type a value at the current position must have; null if unknown.
  const Type* inputType() const { return top(inputTypeStack_); }
  // The type of the list or input object around the current value; null if none.
  const Type* parentInputType() const {
    return inputTypeStack_.size() < 2 ? nullptr : inputTypeStack_[inputTypeStack_.size() - 2];
  }
  // The default of the current argument or input field, or null if it has none (list
  // items never do).
  const Value* defaultValue() const { return top(defaultValueStack_); }
  // Set only while inside a directive, an argument or an enum value respectively.
  const Directive* directive() const { return directive_; }
  const InputValue* argument() const { return argument_; }
  const EnumValue* enumValue() const { return enumValue_; }

  void enter(const ast::OperationDefinition& node);
  void leave(const ast::OperationDefinition& node);
  void enter(const ast::FragmentDefinition& node);
  void leave(const ast::FragmentDefinition& node);
  void enter(const ast::VariableDefinition& node);
  void leave(const ast::VariableDefinition& node);
  void enter(const ast::SelectionSet& node);
  void leave(const ast::SelectionSet& node);
  void enter(const ast::Field& node);
  void leave(const ast::Field& node);
  void enter(const ast::InlineFragment& node);
  void leave(const ast::InlineFragment& node);
  void enter(const ast::Directive& node);
  void leave(const ast::Directive& node);
  void enter(const ast::Argument& node);
  void leave(const ast::Argument& node);
  void enter(const ast::ListValue& node);
  void leave(const ast::ListValue& node);
  void enter(const ast::ObjectField& node);
  void leave(const ast::ObjectField& node);
  void enter(const ast::EnumValue& node);
  void leave(const ast::EnumValue& node);

 private:
  template <class T>
  static T* top(const std::pmr::vector<T*>& stack) {
    return stack.empty() ? nullptr : stack.back();
  }
  // A type condition, or the current type when there is none (`... { }`).
  void enterFragment(const ast::NamedType* typeCondition);

  const Schema& schema_;
  TypeArena& arena_;
  std::pmr::vector<const Type*> typeStack_;
  std::pmr::vector<const NamedType*> parentTypeStack_;
  std::pmr::vector<const Field*> fieldDefStack_;
  std::pmr::vector<const Type*> inputTypeStack_;
  std::pmr::vector<const Value*> defaultValueStack_;
  const Directive* directive_ = nullptr;
  const InputValue* argument_ = nullptr;
  const EnumValue* enumValue_ = nullptr;
};

}  // namespace mt::api
