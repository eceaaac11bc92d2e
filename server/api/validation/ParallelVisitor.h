#pragma once

#include "Ast.h"
#include "DirectiveLocation.h"
#include "ValidationContext.h"
#include "ValidationRule.h"

namespace mt::api {

// Walks an executable document once, in graphql-js's order (its visit() with
// QueryDocumentKeys), keeping the context's TypeInfo current and calling every
// rule's hooks at each node: graphql-js's visit + visitWithTypeInfo + visitInParallel
// in one pass. It also records variable usages as it meets them, which graphql-js
// collects with a second walk per operation and fragment.
//
// Type-system definitions in the document are not walked: ExecutableDefinitionsRule
// reports them from the Document hook, and the document is invalid whatever else is
// found in them.
class ParallelVisitor {
 public:
  ParallelVisitor(ValidationContext& context, const RuleHooks& hooks)
      : context_(context), typeInfo_(context.typeInfo_), hooks_(hooks) {}

  void visit(const ast::Document& document);

 private:
  void visitOperation(const ast::OperationDefinition& node);
  void visitFragmentDefinition(const ast::FragmentDefinition& node);
  void visitVariableDefinition(const ast::VariableDefinition& node);
  void visitSelectionSet(const ast::SelectionSet& node, ast::Kind owner);
  void visitField(const ast::Field& node);
  void visitFragmentSpread(const ast::FragmentSpread& node);
  void visitInlineFragment(const ast::InlineFragment& node);
  void visitDirectives(const std::vector<ast::Directive>& directives, DirectiveLocation location);
  void visitArgument(const ast::Argument& node);
  void visitValue(const ast::Value& value);
  void visitObjectField(const ast::ObjectField& node);
  void visitTypeRef(const ast::TypeRef& type);
  void visitNamedType(const ast::NamedType& node) {
    hooks_.enter(node);
    hooks_.leave(node);
  }
  template <class Scalar>
  void visitScalar(const Scalar& node);

  ValidationContext& context_;
  TypeInfo& typeInfo_;
  const RuleHooks& hooks_;
  bool inVariableDefinition_ = false;
};

}  // namespace mt::api
