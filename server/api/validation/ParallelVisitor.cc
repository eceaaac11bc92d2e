#include "ParallelVisitor.h"

#include <variant>

namespace mt::api {

namespace {

DirectiveLocation operationLocation(ast::OperationType operation) {
  switch (operation) {
    case ast::OperationType::Query:
      return DirectiveLocation::Query;
    case ast::OperationType::Mutation:
      return DirectiveLocation::Mutation;
    case ast::OperationType::Subscription:
      return DirectiveLocation::Subscription;
  }
  return DirectiveLocation::Query;
}

}  // namespace

void ParallelVisitor::visit(const ast::Document& document) {
  hooks_.enter(document);
  for (const ast::Definition& definition : document.definitions) {
    if (const auto* operation = std::get_if<ast::OperationDefinition>(&definition)) {
      visitOperation(*operation);
    } else if (const auto* fragment = std::get_if<ast::FragmentDefinition>(&definition)) {
      visitFragmentDefinition(*fragment);
    }
  }
  context_.runDeferred();
  hooks_.leave(document);
}

void ParallelVisitor::visitOperation(const ast::OperationDefinition& node) {
  context_.currentUsages_ = &context_.usagesOf(&node);
  typeInfo_.enter(node);
  hooks_.enter(node);
  for (const ast::VariableDefinition& variable : node.variableDefinitions) {
    visitVariableDefinition(variable);
  }
  visitDirectives(node.directives, operationLocation(node.operation));
  visitSelectionSet(node.selectionSet, ast::Kind::OperationDefinition);
  hooks_.leave(node);
  typeInfo_.leave(node);
  context_.currentUsages_ = nullptr;
}

void ParallelVisitor::visitFragmentDefinition(const ast::FragmentDefinition& node) {
  context_.currentUsages_ = &context_.usagesOf(&node);
  typeInfo_.enter(node);
  hooks_.enter(node);
  visitNamedType(node.typeCondition);
  visitDirectives(node.directives, DirectiveLocation::FragmentDefinition);
  visitSelectionSet(node.selectionSet, ast::Kind::FragmentDefinition);
  hooks_.leave(node);
  typeInfo_.leave(node);
  context_.currentUsages_ = nullptr;
}

void ParallelVisitor::visitVariableDefinition(const ast::VariableDefinition& node) {
  typeInfo_.enter(node);
  hooks_.enter(node);
  // The variable being defined is visited, as in graphql-js, but nothing inside a
  // definition is a usage.
  inVariableDefinition_ = true;
  hooks_.enter(node.variable);
  hooks_.leave(node.variable);
  visitTypeRef(node.type);
  if (node.defaultValue) visitValue(*node.defaultValue);
  visitDirectives(node.directives, DirectiveLocation::VariableDefinition);
  inVariableDefinition_ = false;
  hooks_.leave(node);
  typeInfo_.leave(node);
}

void ParallelVisitor::visitTypeRef(const ast::TypeRef& type) {
  if (const auto* named = std::get_if<ast::NamedType>(&type)) {
    visitNamedType(*named);
  } else if (const auto* list = std::get_if<ast::ListType>(&type)) {
    visitTypeRef(*list->type);
  } else {
    visitTypeRef(*std::get<ast::NonNullType>(type).type);
  }
}

void ParallelVisitor::visitSelectionSet(const ast::SelectionSet& node, ast::Kind owner) {
  typeInfo_.enter(node);
  context_.selectionSetOwner_ = owner;
  hooks_.enter(node);
  for (const ast::Selection& selection : node.selections) {
    if (const auto* field = std::get_if<ast::Field>(&selection)) {
      visitField(*field);
    } else if (const auto* spread = std::get_if<ast::FragmentSpread>(&selection)) {
      visitFragmentSpread(*spread);
    } else {
      visitInlineFragment(std::get<ast::InlineFragment>(selection));
    }
  }
  hooks_.leave(node);
  typeInfo_.leave(node);
}

void ParallelVisitor::visitField(const ast::Field& node) {
  typeInfo_.enter(node);
  hooks_.enter(node);
  for (const ast::Argument& argument : node.arguments)
    visitArgument(argument);
  visitDirectives(node.directives, DirectiveLocation::Field);
  if (node.selectionSet) visitSelectionSet(*node.selectionSet, ast::Kind::Field);
  hooks_.leave(node);
  typeInfo_.leave(node);
}

void ParallelVisitor::visitFragmentSpread(const ast::FragmentSpread& node) {
  hooks_.enter(node);
  visitDirectives(node.directives, DirectiveLocation::FragmentSpread);
  hooks_.leave(node);
}

void ParallelVisitor::visitInlineFragment(const ast::InlineFragment& node) {
  typeInfo_.enter(node);
  hooks_.enter(node);
  if (node.typeCondition) visitNamedType(*node.typeCondition);
  visitDirectives(node.directives, DirectiveLocation::InlineFragment);
  visitSelectionSet(node.selectionSet, ast::Kind::InlineFragment);
  hooks_.leave(node);
  typeInfo_.leave(node);
}

void ParallelVisitor::visitDirectives(const std::vector<ast::Directive>& directives,
                                      DirectiveLocation location) {
  for (const ast::Directive& directive : directives) {
    typeInfo_.enter(directive);
    context_.directiveLocation_ = location;
    hooks_.enter(directive);
    for (const ast::Argument& argument : directive.arguments)
      visitArgument(argument);
    hooks_.leave(directive);
    typeInfo_.leave(directive);
  }
}

void ParallelVisitor::visitArgument(const ast::Argument& node) {
  typeInfo_.enter(node);
  hooks_.enter(node);
  visitValue(node.value);
  hooks_.leave(node);
  typeInfo_.leave(node);
}

template <class Scalar>
void ParallelVisitor::visitScalar(const Scalar& node) {
  hooks_.enter(node);
  hooks_.leave(node);
}

void ParallelVisitor::visitValue(const ast::Value& value) {
  const ast::Value* outer = context_.value_;
  context_.value_ = &value;
  std::visit(
      [this](const auto& node) {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, ast::Variable>) {
          if (!inVariableDefinition_ && context_.currentUsages_ != nullptr) {
            context_.currentUsages_->push_back({&node, typeInfo_.inputType(),
                                                typeInfo_.defaultValue() != nullptr,
                                                typeInfo_.parentInputType()});
          }
          visitScalar(node);
        } else if constexpr (std::is_same_v<Node, ast::ListValue>) {
          typeInfo_.enter(node);
          hooks_.enter(node);
          for (const ast::Value& item : node.values)
            visitValue(item);
          hooks_.leave(node);
          typeInfo_.leave(node);
        } else if constexpr (std::is_same_v<Node, ast::ObjectValue>) {
          hooks_.enter(node);
          for (const ast::ObjectField& field : node.fields)
            visitObjectField(field);
          hooks_.leave(node);
        } else if constexpr (std::is_same_v<Node, ast::EnumValue>) {
          typeInfo_.enter(node);
          visitScalar(node);
          typeInfo_.leave(node);
        } else {
          visitScalar(node);
        }
      },
      static_cast<const ast::Value::variant&>(value));
  context_.value_ = outer;
}

void ParallelVisitor::visitObjectField(const ast::ObjectField& node) {
  typeInfo_.enter(node);
  hooks_.enter(node);
  visitValue(node.value);
  hooks_.leave(node);
  typeInfo_.leave(node);
}

}  // namespace mt::api
