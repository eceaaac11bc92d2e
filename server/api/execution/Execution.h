#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "Ast.h"
#include "CollectFields.h"
#include "ExecutionResult.h"
#include "Executor.h"
#include "GraphQLError.h"
#include "NamedType.h"
#include "Resolved.h"
#include "ResultTree.h"
#include "Schema.h"
#include "Value.h"

namespace mt::api {

// Which entry point is setting an operation up: each accepts different operation
// types, and a failure after operation selection gives `data: null` or no data.
enum class OperationUse {
  Execute,            // execute(): a query or mutation
  Subscribe,          // createSourceEventStream(): a subscription, no data on failure
  SubscriptionEvent,  // executeSubscriptionEvent(): a subscription
};

// The operation chosen by name (the spec's GetOperation), its root type and its
// variables coerced (CoerceVariableValues): where every way of executing begins.
// Either `failure` is set, the result to answer with instead, or all the rest is.
struct OperationSetup {
  const ast::OperationDefinition* operation = nullptr;
  const NamedType* rootType = nullptr;
  Value variables;
  std::optional<ExecutionResult> failure;
};
OperationSetup setUpOperation(const ExecutionArgs& args, OperationUse use);

// execute() and executeSubscriptionEvent(): the operation run for the root value
// (`eventPayload` null) or for one subscription event.
ExecutionResult executeOperation(const ExecutionArgs& args, OperationUse use,
                                 const Resolved* eventPayload);

// What a resolver of `definition` on `parentType` is told (its path left unset).
ResolveInfo resolveInfoFor(const Field& definition, const NamedType& parentType,
                           const Schema& schema, std::span<const ast::Field* const> fieldNodes,
                           const Value& variables);

// A request error: no path, located at `at` if given.
GraphQLError requestError(std::string message, const ast::Location* at = nullptr);

// An error raised while executing a field, given the field's locations and `path`
// (graphql-js's locatedError); an error that already says where it is keeps that.
GraphQLError located(const CollectedField* fieldNodes, GraphQLError error,
                     std::vector<PathSegment> path);

// One run of an operation, once it has been chosen and its variables coerced: the
// breadth-first executor described at the top of Executor.cc. Internal to the
// execution module; execute() and executeSubscriptionEvent() are the ways in.
//
// Not thread-safe; lives for one call of either. Owns everything the response and the
// resolvers' parents need until the end: collected field sets, resolved values, the
// result tree.
class Execution {
 public:
  Execution(const ExecutionArgs& args, const ast::OperationDefinition& operation,
            const FragmentTable& fragments, const Value& variables);
  Execution(const Execution&) = delete;
  Execution& operator=(const Execution&) = delete;

  // Executes the operation's selection set on `rootType` for args.rootValue; a
  // mutation's root fields one after another, each with everything below it before
  // the next begins.
  ExecutionResult run(const NamedType& rootType);
  // The same for one subscription event: `payload` is the root fields' parent, and the
  // value of those that have no resolver to map it.
  ExecutionResult runEvent(const NamedType& rootType, const Resolved& payload);

 private:
  using NodeId = ResultTree::NodeId;
  using Step = ResultTree::Step;

  // An object whose selection set is still to execute: its value as its resolver gave
  // it (owned by this Execution, so the pointer is stable) and its node in the tree.
  struct Parent {
    const Resolved* source;
    NodeId node;
  };

  // Objects of one runtime type reached through the same field nodes: they share a
  // selection set, so its fields are collected once and each field is resolved for
  // all of them at once.
  struct Group {
    const NamedType* type;
    // The field nodes whose sub-selections apply; null for the root group, which uses
    // the operation's selection set.
    const CollectedField* field;
    std::vector<Parent> parents;
  };

  // A field of a group's selection set, with its definition on the group's type.
  struct FieldPlan {
    const CollectedField* collected;
    const Field* definition;
  };

  // Where a value being completed goes.
  struct Position {
    Value* slot;
    NodeId container;
    Step step;
  };

  // What completing one field of one group needs to know, and the groups its object
  // values go to: one per runtime type, made on first use (the first inline, since
  // only an abstract type has more).
  struct FieldContext {
    FieldContext(const NamedType& parent, const Field& field, const CollectedField& fieldNodes)
        : parentType(&parent), definition(&field), collected(&fieldNodes) {}

    const NamedType* parentType;
    const Field* definition;
    const CollectedField* collected;
    const NamedType* firstChildType = nullptr;
    std::size_t firstChildGroup = 0;
    std::vector<std::pair<const NamedType*, std::size_t>> moreChildGroups;
  };

  ExecutionResult runFrom(const NamedType& rootType, const Resolved& root);

  // Executor.cc: the group loop and field resolution. `alive` lists the indices of the
  // group's parents that are still in the response.
  void drain();
  // A group's fields for all its parents; never re-entered, so it works in the
  // scratch vectors below.
  void executeGroup(Group& group);
  // The root of a mutation, one field at a time with a drain() after each: the only
  // place execution nests, so it keeps its own vectors.
  void executeSerially(Group& root);
  // Collects the group's selection set and makes each live parent's Object with all
  // its response keys; false if collection failed (the parents are nulled).
  bool prepareGroup(Group& group, std::vector<FieldPlan>& plans);
  void aliveParents(const Group& group, std::vector<std::uint32_t>& alive) const;
  void executeField(Group& group, std::span<const std::uint32_t> alive, std::size_t fieldIndex,
                    const FieldPlan& plan);
  void resolveAll(FieldContext& field, Group& group, std::span<const std::uint32_t> alive,
                  std::size_t fieldIndex, const Value& args, ResolveInfo& info);
  void completeDefaultLeaves(FieldContext& field, Group& group,
                             std::span<const std::uint32_t> alive, std::size_t fieldIndex);
  Position fieldPosition(NodeId object, std::size_t fieldIndex, std::string_view key);

  // CompleteValue.cc: result coercion into the tree.
  void completeValue(FieldContext& field, const Type& type, const Resolved& result,
                     const Position& at);
  void completeLeaf(FieldContext& field, const Type& type, const Value* result, const Position& at);
  void serializeLeaf(FieldContext& field, const NamedType& type, bool nonNull, const Value& result,
                     const Position& at);
  void completeList(FieldContext& field, const Type& listType, bool nonNull, const Resolved& result,
                    const Position& at);
  void completeObject(FieldContext& field, const NamedType& type, bool nonNull,
                      const Resolved& result, const Position& at);
  const NamedType& resolveRuntimeType(const FieldContext& field, const NamedType& abstractType,
                                      const Resolved& result);
  Group& childGroup(FieldContext& field, const NamedType& type);
  bool countValue();

  // Errors: recorded with locations and path, then the position nulled, propagating
  // through non-null positions.
  void fail(const FieldContext& field, const Position& at, bool nonNull, GraphQLError error);
  void failCurrentException(const FieldContext& field, const Position& at, bool nonNull);
  void failNode(NodeId node, const CollectedField* fieldNodes, GraphQLError error);

  const Resolved& keep(Resolved value) { return resolved_.emplace_back(std::move(value)); }

  const ExecutionArgs& args_;
  const Schema& schema_;
  const ast::OperationDefinition& operation_;
  const FragmentTable& fragments_;
  const Value& variables_;

  Value data_;
  ResultTree tree_;
  std::vector<GraphQLError> errors_;
  // Groups waiting to execute, first in first out; `head_` is the next one.
  std::vector<Group> queue_;
  std::size_t head_ = 0;
  // Storage whose addresses must not move while execution runs: collected fields
  // (their spans are held by groups and ResolveInfo), and every resolved value that
  // may become a parent.
  std::deque<CollectedFields> collected_;
  std::deque<Resolved> resolved_;
  std::deque<std::vector<Resolved>> resolvedLists_;
  FieldCollector collector_;
  // Reused between groups and fields rather than allocated for each.
  std::vector<const ast::SelectionSet*> selectionSets_;
  std::vector<FieldPlan> plans_;
  std::vector<std::uint32_t> alive_;
  std::vector<const Resolved*> batchParents_;
  std::vector<ResponsePath> pathBuffer_;

  // Set by runEvent(): the root group's parent is an event payload.
  bool rootIsEventPayload_ = false;
  std::size_t valuesProduced_ = 0;
  bool limitExceeded_ = false;
};

}  // namespace mt::api
