#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory_resource>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "Ast.h"
#include "DirectiveLocation.h"
#include "GraphQLError.h"
#include "Schema.h"
#include "TypeInfo.h"
#include "Validate.h"

namespace mt::api {

// A variable where a value is expected (graphql-js's VariableUsage).
struct VariableUsage {
  const ast::Variable* node = nullptr;
  const Type* type = nullptr;        // the type the position expects; null if unknown
  bool hasLocationDefault = false;   // the argument or input field has a default value
  const Type* parentType = nullptr;  // the list or input object type around it, if any
};

// Thrown to end validation early: too many errors, or more work than a hostile
// document deserves. validate() catches it; rules never do.
struct ValidationAborted {};

// What rules see of one validation (graphql-js's ValidationContext): the schema and
// document, the TypeInfo of the walk, facts about fragments and variables computed
// once and shared between rules, and the error list.
//
// One per validate() call; single-threaded. Containers come from the call's arena.
class ValidationContext {
 public:
  ValidationContext(const Schema& schema, const ast::Document& document,
                    const ValidationOptions& options, std::pmr::memory_resource* memory);
  ValidationContext(const ValidationContext&) = delete;
  ValidationContext& operator=(const ValidationContext&) = delete;

  const Schema& schema() const { return schema_; }
  const ast::Document& document() const { return document_; }
  const ValidationOptions& options() const { return options_; }
  bool hideSuggestions() const { return options_.hideSuggestions; }
  std::pmr::memory_resource* memory() const { return memory_; }

  // --- Errors

  void reportError(const std::string& message, std::vector<ErrorLocation> locations);
  void reportError(const std::string& message, std::initializer_list<ast::Location> locations) {
    reportError(message, locationsOf(locations));
  }

  // Some rules can only decide at the end of the document what graphql-js decides at
  // the end of an operation: they need the variables of fragments defined further
  // down. They defer the check, which then runs when the walk reaches the end of the
  // document (before any hook on leaving it), in the order deferred, as graphql-js
  // would have run it; the errors it reports take the place in the list that they
  // would have had in graphql-js.
  template <auto Check, class Rule>
  void deferToDocumentEnd(Rule& rule, const ast::OperationDefinition& operation) {
    deferred_.push_back(
        {nextSequence_++, &rule, &operation, [](void* self, const ast::OperationDefinition& node) {
           (static_cast<Rule*>(self)->*Check)(node);
         }});
  }

  static std::vector<ErrorLocation> locationsOf(std::initializer_list<ast::Location> locations);
  static ErrorLocation locationOf(const ast::Location& location) {
    return {location.line, location.column};
  }

  // graphql-js bounds the work fragments can cause (spreads followed, variables
  // collected) and aborts beyond it with "Validation aborted."; we count the same work
  // so that both engines give up on the same documents.
  void spendFragmentWork(std::size_t cost);

  // Ends validation with graphql-js's "Validation aborted.", for a rule whose own work
  // budget has run out.
  [[noreturn]] void abort();

  // Recursion that follows fragment spreads is not bounded by the parser's nesting
  // limit: a chain of ten thousand fragments must not exhaust a worker's stack. Such
  // recursion calls this at each level; validation aborts once it has used more than
  // its share of the stack.
  void checkStack();

  // --- The document

  // The fragment of that name (the last one, if several share it); null if none.
  const ast::FragmentDefinition* fragment(std::string_view name) const;

  // A directive the document itself defines (the last, if several), which rules
  // consult before the schema as graphql-js does; such a document is refused as not
  // executable, but its other errors should still read the same. Null if none.
  const ast::DirectiveDefinition* documentDirective(std::string_view name) const {
    if (documentDirectives_.empty()) return nullptr;
    const auto found = documentDirectives_.find(name);
    return found == documentDirectives_.end() ? nullptr : found->second;
  }

  // The spreads anywhere inside a selection set, inline fragments and sub-selections
  // included, in graphql-js's order.
  std::span<const ast::FragmentSpread* const> fragmentSpreads(const ast::SelectionSet& set);

  // The fragments an operation uses, directly or through other fragments, each once.
  std::span<const ast::FragmentDefinition* const> recursivelyReferencedFragments(
      const ast::OperationDefinition& operation);
  std::span<const ast::FragmentDefinition* const> recursivelyReferencedFragmentsForOperations(
      std::span<const ast::OperationDefinition* const> operations);

  // Variables used in an operation and the fragments it uses, with the types their
  // positions expect. Complete only once the walk has left the document.
  std::span<const VariableUsage> recursiveVariableUsages(const ast::OperationDefinition& operation);

  // The type a document names; null if the schema has no such type.
  const Type* typeFromAst(const ast::TypeRef& type) { return arena_.fromAst(type); }
  const NamedType* namedTypeFromAst(const ast::NamedType& type) const {
    return schema_.type(type.name.value);
  }

  // --- Where the walk is

  const TypeInfo& typeInfo() const { return typeInfo_; }
  const Type* type() const { return typeInfo_.type(); }
  const NamedType* parentType() const { return typeInfo_.parentType(); }
  const Field* fieldDef() const { return typeInfo_.fieldDef(); }
  const Type* inputType() const { return typeInfo_.inputType(); }
  const Type* parentInputType() const { return typeInfo_.parentInputType(); }
  const Directive* directive() const { return typeInfo_.directive(); }
  const InputValue* argument() const { return typeInfo_.argument(); }

  // Where the directives being visited stand (graphql-js reads it off the ancestors).
  DirectiveLocation directiveLocation() const { return directiveLocation_; }
  // The kind of node that owns the selection set being entered.
  ast::Kind selectionSetOwner() const { return selectionSetOwner_; }
  // The value being visited, as the variant that printing and parseLiteral take; valid
  // in the hooks of value nodes.
  const ast::Value& value() const { return *value_; }

  // The errors, in order; validate() takes them at the end.
  std::vector<GraphQLError> takeErrors();

 private:
  friend class ParallelVisitor;

  using Usages = std::pmr::vector<VariableUsage>;
  using FragmentList = std::pmr::vector<const ast::FragmentDefinition*>;

  struct Deferred {
    std::uint64_t sequence;  // where its errors go in the list
    void* rule;
    const ast::OperationDefinition* operation;
    void (*check)(void* rule, const ast::OperationDefinition& operation);
  };

  void runDeferred();

  // Usages in one operation or fragment, recorded during the walk.
  Usages& usagesOf(const void* definition);
  FragmentList& referencedFragmentList(std::span<const ast::OperationDefinition* const> operations);
  void append(std::uint64_t key, const std::string& message, std::vector<ErrorLocation> locations);

  const Schema& schema_;
  const ast::Document& document_;
  const ValidationOptions& options_;
  std::pmr::memory_resource* memory_;
  TypeArena arena_;
  TypeInfo typeInfo_;

  std::pmr::unordered_map<std::string_view, const ast::FragmentDefinition*> fragments_;
  std::pmr::unordered_map<std::string_view, const ast::DirectiveDefinition*> documentDirectives_;
  std::pmr::unordered_map<const ast::SelectionSet*, std::pmr::vector<const ast::FragmentSpread*>>
      fragmentSpreads_;
  // Keyed by the sorted names of the fragments spread directly, as graphql-js's SetMap.
  std::pmr::unordered_map<std::pmr::string, FragmentList> referencedFragments_;
  std::pmr::unordered_map<const void*, Usages> usages_;
  std::pmr::unordered_map<const void*, Usages> recursiveUsages_;
  std::ptrdiff_t remainingFragmentWork_;
  std::uintptr_t stackBase_;  // where the stack was when validation began

  // Errors keyed by where they go: (sequence << 32 | index). Each error reported
  // during the walk takes a sequence of its own; a deferred check takes one when
  // deferred, and its errors are numbered within it.
  std::vector<std::pair<std::uint64_t, GraphQLError>> errors_;
  std::uint64_t nextSequence_ = 0;
  std::pmr::vector<Deferred> deferred_;
  const Deferred* running_ = nullptr;  // the deferred check being run, if any
  std::uint32_t runningErrors_ = 0;    // errors it has reported
  bool deferredErrors_ = false;
  bool tooManyErrors_ = false;
  bool workExhausted_ = false;

  // Set by ParallelVisitor.
  Usages* currentUsages_ = nullptr;
  DirectiveLocation directiveLocation_ = DirectiveLocation::Query;
  ast::Kind selectionSetOwner_ = ast::Kind::OperationDefinition;
  const ast::Value* value_ = nullptr;
};

}  // namespace mt::api
