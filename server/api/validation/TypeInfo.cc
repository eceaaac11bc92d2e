#include "TypeInfo.h"

namespace mt::api {

namespace {

// Deep enough for any document the parser accepts without growing (its nesting limit
// is 256, but real documents stay far below this).
constexpr std::size_t kReservedDepth = 32;

const Type* outputTypeOrNull(const Type* type) {
  return type != nullptr && type->isOutputType() ? type : nullptr;
}

const Type* inputTypeOrNull(const Type* type) {
  return type != nullptr && type->isInputType() ? type : nullptr;
}

}  // namespace

TypeInfo::TypeInfo(const Schema& schema, TypeArena& arena, std::pmr::memory_resource* memory)
    : schema_(schema),
      arena_(arena),
      typeStack_(memory),
      parentTypeStack_(memory),
      fieldDefStack_(memory),
      inputTypeStack_(memory),
      defaultValueStack_(memory) {
  typeStack_.reserve(kReservedDepth);
  parentTypeStack_.reserve(kReservedDepth);
  fieldDefStack_.reserve(kReservedDepth);
  inputTypeStack_.reserve(kReservedDepth);
  defaultValueStack_.reserve(kReservedDepth);
}

void TypeInfo::enter(const ast::OperationDefinition& node) {
  typeStack_.push_back(schema_.rootType(node.operation));
}
void TypeInfo::leave(const ast::OperationDefinition& /*node*/) {
  typeStack_.pop_back();
}

void TypeInfo::enterFragment(const ast::NamedType* typeCondition) {
  const Type* type = nullptr;
  if (typeCondition != nullptr) {
    type = schema_.type(typeCondition->name.value);
  } else if (const Type* current = this->type()) {
    type = &current->named();
  }
  typeStack_.push_back(outputTypeOrNull(type));
}

void TypeInfo::enter(const ast::FragmentDefinition& node) {
  enterFragment(&node.typeCondition);
}
void TypeInfo::leave(const ast::FragmentDefinition& /*node*/) {
  typeStack_.pop_back();
}

void TypeInfo::enter(const ast::InlineFragment& node) {
  enterFragment(node.typeCondition ? &*node.typeCondition : nullptr);
}
void TypeInfo::leave(const ast::InlineFragment& /*node*/) {
  typeStack_.pop_back();
}

void TypeInfo::enter(const ast::VariableDefinition& node) {
  inputTypeStack_.push_back(inputTypeOrNull(arena_.fromAst(node.type)));
}
void TypeInfo::leave(const ast::VariableDefinition& /*node*/) {
  inputTypeStack_.pop_back();
}

void TypeInfo::enter(const ast::SelectionSet& /*node*/) {
  const Type* type = this->type();
  const NamedType* named = type != nullptr ? &type->named() : nullptr;
  parentTypeStack_.push_back(named != nullptr && named->isComposite() ? named : nullptr);
}
void TypeInfo::leave(const ast::SelectionSet& /*node*/) {
  parentTypeStack_.pop_back();
}

void TypeInfo::enter(const ast::Field& node) {
  const Field* fieldDef = nullptr;
  if (const NamedType* parent = parentType()) fieldDef = schema_.field(*parent, node.name.value);
  fieldDefStack_.push_back(fieldDef);
  typeStack_.push_back(fieldDef != nullptr ? outputTypeOrNull(fieldDef->type) : nullptr);
}
void TypeInfo::leave(const ast::Field& /*node*/) {
  fieldDefStack_.pop_back();
  typeStack_.pop_back();
}

void TypeInfo::enter(const ast::Directive& node) {
  directive_ = schema_.directive(node.name.value);
}
void TypeInfo::leave(const ast::Directive& /*node*/) {
  directive_ = nullptr;
}

void TypeInfo::enter(const ast::Argument& node) {
  // As graphql-js does, an argument of an unknown directive is looked up on the
  // enclosing field, so that both engines report the same errors for it.
  const InputValue* argDef = nullptr;
  if (directive_ != nullptr) {
    argDef = directive_->arg(node.name.value);
  } else if (const Field* field = fieldDef()) {
    argDef = field->arg(node.name.value);
  }
  argument_ = argDef;
  defaultValueStack_.push_back(argDef != nullptr && argDef->defaultValue ? &*argDef->defaultValue
                                                                         : nullptr);
  inputTypeStack_.push_back(argDef != nullptr ? inputTypeOrNull(argDef->type) : nullptr);
}
void TypeInfo::leave(const ast::Argument& /*node*/) {
  argument_ = nullptr;
  defaultValueStack_.pop_back();
  inputTypeStack_.pop_back();
}

void TypeInfo::enter(const ast::ListValue& /*node*/) {
  const Type* listType = inputType();
  if (listType != nullptr) listType = &listType->nullable();
  const Type* itemType = listType != nullptr && listType->isList() ? listType->ofType() : listType;
  defaultValueStack_.push_back(nullptr);
  inputTypeStack_.push_back(inputTypeOrNull(itemType));
}
void TypeInfo::leave(const ast::ListValue& /*node*/) {
  defaultValueStack_.pop_back();
  inputTypeStack_.pop_back();
}

void TypeInfo::enter(const ast::ObjectField& node) {
  const InputValue* inputField = nullptr;
  if (const Type* type = inputType(); type != nullptr) {
    const NamedType& objectType = type->named();
    if (objectType.kind() == TypeKind::InputObject) {
      inputField = objectType.inputField(node.name.value);
    }
  }
  defaultValueStack_.push_back(
      inputField != nullptr && inputField->defaultValue ? &*inputField->defaultValue : nullptr);
  inputTypeStack_.push_back(inputField != nullptr ? inputTypeOrNull(inputField->type) : nullptr);
}
void TypeInfo::leave(const ast::ObjectField& /*node*/) {
  defaultValueStack_.pop_back();
  inputTypeStack_.pop_back();
}

void TypeInfo::enter(const ast::EnumValue& node) {
  const Type* type = inputType();
  enumValue_ = type != nullptr && type->named().kind() == TypeKind::Enum
                   ? type->named().enumValue(node.value)
                   : nullptr;
}
void TypeInfo::leave(const ast::EnumValue& /*node*/) {
  enumValue_ = nullptr;
}

}  // namespace mt::api
