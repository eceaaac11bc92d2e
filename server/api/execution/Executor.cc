// Execution, breadth-first over groups of parents.
//
// graphql-js executes depth-first: each object's fields one after another, each
// field's value completed (and its own sub-selection executed) before the next field.
// A list of 20 tweets thus calls the `author` resolver 20 times, and only a DataLoader
// waiting for the end of the event-loop tick turns that into one database query. This
// engine is synchronous (it runs on a worker thread, resolvers may block), so it has
// no tick to wait for; it changes the order of work instead.
//
// The unit of work is a Group: objects of one runtime type that were reached through
// the same field nodes (every tweet of the page, every author of those tweets), each
// with its Resolved value and its place in the response. A group's selection set is
// collected once (CollectFields), an Object with all its response keys is made for
// each parent, and then, field by field, the field is resolved for all parents at once
// (its arguments coerced once; a BatchFieldResolver called once with every parent, a
// FieldResolver or the default resolver per parent) and each value completed. Leaves
// are written at once; lists are flattened; object values join the child group of
// their runtime type for this field (abstract types split by runtime type), which is
// queued. Groups run first in, first out, so the response fills level by level and
// every level costs one resolver call per field of the query, however many objects it
// holds: a page of tweets with their authors is one `author` batch, and those authors'
// own fields one batch each. Mutations keep the spec's order: each root field, with
// everything below it, finishes before the next root field is resolved. A
// subscription event runs the same way, with the event's payload as the root group's
// parent (and as the root field's value when no resolver maps it).
//
// The response keeps request order because an object is made with all its keys before
// any is filled, and positions are pointers into it (ResultTree). Null propagation
// is per parent and exact: an error at a non-null position nulls the nearest nullable
// ancestor (possibly one completed several levels earlier) and marks it dead, so no
// more work is done or errors reported below it. Errors are reported in the order
// they happen, which, being level by level, is not graphql-js's depth-first order; an
// error below a position that a sibling's error nulled before it ran is not reported,
// where graphql-js may report it when it ran first (the spec allows either).
//
// Per request the cost is one collection per group rather than per object (graphql-js
// memoises the same), no per-value allocation beyond the response itself, and no
// exception unless a resolver or a coercion fails.

#include "Executor.h"

#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "Execution.h"
#include "Subscribe.h"
#include "Values.h"

namespace mt::api {

namespace {

// `nullData`: the request got as far as execution, so the response has data, null.
ExecutionResult requestFailure(GraphQLError error, bool nullData = false) {
  ExecutionResult result;
  if (nullData) result.data.emplace();
  result.errors.push_back(std::move(error));
  return result;
}

// The member `name` of Object data, or null. Rows of one type tend to share their
// layout, so the member's index in the previous parent is tried first: one string
// comparison instead of a scan for each.
const Value* memberOf(const Resolved& source, std::string_view name, std::size_t& hint) {
  if (!source.isValue()) return nullptr;
  const Value& data = source.value();
  if (!data.isObject()) return nullptr;
  const Value::Object& members = data.asObject();
  if (hint < members.size() && members[hint].first == name) return &members[hint].second;
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (members[i].first == name) {
      hint = i;
      return &members[i].second;
    }
  }
  return nullptr;
}

// The spec's GetOperation.
const ast::OperationDefinition* findOperation(const ExecutionArgs& args,
                                              std::optional<ExecutionResult>& failure) {
  const ast::OperationDefinition* operation = nullptr;
  for (const ast::Definition& definition : args.document.definitions) {
    const auto* candidate = std::get_if<ast::OperationDefinition>(&definition);
    if (candidate == nullptr) continue;
    if (args.operationName.empty()) {
      if (operation != nullptr) {
        failure = requestFailure(
            requestError("Must provide operation name if query contains multiple operations."));
        return nullptr;
      }
      operation = candidate;
    } else if (candidate->name && candidate->name->value == args.operationName) {
      operation = candidate;
    }
  }
  if (operation == nullptr) {
    failure = requestFailure(
        requestError(args.operationName.empty()
                         ? std::string("Must provide an operation.")
                         : "Unknown operation named \"" + std::string(args.operationName) + "\"."));
  }
  return operation;
}

// Why `use` cannot run `operation`, or null when it can.
std::optional<GraphQLError> unsupported(const ast::OperationDefinition& operation,
                                        OperationUse use) {
  const bool subscription = operation.operation == ast::OperationType::Subscription;
  if (use == OperationUse::Execute && subscription) {
    return requestError(std::string(kSubscriptionNotSupportedMessage), &operation.loc);
  }
  if (use != OperationUse::Execute && !subscription) {
    return requestError(std::string(kNotSubscriptionMessage), &operation.loc);
  }
  return std::nullopt;
}

}  // namespace

ResolveInfo resolveInfoFor(const Field& definition, const NamedType& parentType,
                           const Schema& schema, std::span<const ast::Field* const> fieldNodes,
                           const Value& variables) {
  ResolveInfo info;
  info.fieldName = definition.name;
  info.parentTypeName = parentType.name();
  info.returnType = definition.type;
  info.parentType = &parentType;
  info.field = &definition;
  info.schema = &schema;
  info.fieldNodes = fieldNodes;
  info.variableValues = &variables;
  return info;
}

GraphQLError requestError(std::string message, const ast::Location* at) {
  std::vector<ErrorLocation> locations;
  if (at != nullptr) appendLocation(*at, locations);
  return GraphQLError(std::move(message), std::move(locations));
}

GraphQLError located(const CollectedField* fieldNodes, GraphQLError error,
                     std::vector<PathSegment> path) {
  if (error.locations.empty() && fieldNodes != nullptr) {
    for (const ast::Field* node : fieldNodes->nodes)
      appendLocation(node->loc, error.locations);
  }
  if (error.path.empty()) error.path = std::move(path);
  return error;
}

OperationSetup setUpOperation(const ExecutionArgs& args, OperationUse use) {
  OperationSetup setup;
  setup.operation = findOperation(args, setup.failure);
  if (setup.failure) return setup;
  const ast::OperationDefinition& operation = *setup.operation;

  if (!args.variableValues.isNull() && !args.variableValues.isObject()) {
    setup.failure = requestFailure(requestError(
        "Variables must be provided as an Object where each property is a variable value. "
        "Perhaps look to see if an unparsed JSON string was provided."));
    return setup;
  }
  if (std::optional<GraphQLError> problem = unsupported(operation, use)) {
    setup.failure = requestFailure(std::move(*problem));
    return setup;
  }

  setup.rootType = args.schema.rootType(operation.operation);
  if (setup.rootType == nullptr) {
    // Past operation selection a response has data, except for a subscription that
    // never started (it has no response, only errors).
    setup.failure = requestFailure(
        requestError("Schema is not configured to execute " +
                         std::string(ast::operationTypeName(operation.operation)) + " operation.",
                     &operation.loc),
        use != OperationUse::Subscribe);
    return setup;
  }

  TypeArena types(args.schema);
  CoercedVariables variables = coerceVariableValues(
      types, operation.variableDefinitions, args.variableValues, args.limits.maxVariableErrors);
  if (!variables.errors.empty()) {
    ExecutionResult result;
    result.errors = std::move(variables.errors);
    setup.failure = std::move(result);
    return setup;
  }
  setup.variables = std::move(variables.values);
  return setup;
}

ExecutionResult executeOperation(const ExecutionArgs& args, OperationUse use,
                                 const Resolved* eventPayload) {
  try {
    OperationSetup setup = setUpOperation(args, use);
    if (setup.failure) return std::move(*setup.failure);
    const FragmentTable fragments(args.document);
    Execution execution(args, *setup.operation, fragments, setup.variables);
    return eventPayload != nullptr ? execution.runEvent(*setup.rootType, *eventPayload)
                                   : execution.run(*setup.rootType);
  } catch (const std::exception& error) {
    // Resolvers' exceptions are field errors and never get here; this is what is left,
    // e.g. memory exhausted while building the response.
    return requestFailure(requestError(error.what()), true);
  }
}

ExecutionResult execute(const ExecutionArgs& args) {
  return executeOperation(args, OperationUse::Execute, nullptr);
}

Execution::Execution(const ExecutionArgs& args, const ast::OperationDefinition& operation,
                     const FragmentTable& fragments, const Value& variables)
    : args_(args),
      schema_(args.schema),
      operation_(operation),
      fragments_(fragments),
      variables_(variables),
      tree_(data_),
      collector_(args.schema, fragments, variables) {}

ExecutionResult Execution::run(const NamedType& rootType) {
  static const Resolved kNullRoot;
  return runFrom(rootType, args_.rootValue != nullptr ? *args_.rootValue : kNullRoot);
}

ExecutionResult Execution::runEvent(const NamedType& rootType, const Resolved& payload) {
  rootIsEventPayload_ = true;
  return runFrom(rootType, payload);
}

ExecutionResult Execution::runFrom(const NamedType& rootType, const Resolved& root) {
  Group rootGroup{&rootType, nullptr, {{&root, ResultTree::kRoot}}};
  if (operation_.operation == ast::OperationType::Mutation) {
    executeSerially(rootGroup);
  } else {
    executeGroup(rootGroup);
    drain();
  }

  ExecutionResult result;
  if (limitExceeded_) {
    // What was built is a fragment of an answer that cannot be given; say why instead.
    result.data.emplace();  // present and null
    result.errors.emplace_back("Execution stopped: the response would hold more than " +
                               std::to_string(args_.limits.maxResultValues) + " values.");
    return result;
  }
  result.data = std::move(data_);
  result.errors = std::move(errors_);
  return result;
}

void Execution::drain() {
  while (head_ < queue_.size() && !limitExceeded_) {
    Group group = std::move(queue_[head_++]);
    executeGroup(group);
  }
}

bool Execution::prepareGroup(Group& group, std::vector<FieldPlan>& plans) {
  selectionSets_.clear();
  if (group.field == nullptr) {
    selectionSets_.push_back(&operation_.selectionSet);
  } else {
    for (const ast::Field* node : group.field->nodes) {
      if (node->selectionSet) selectionSets_.push_back(&*node->selectionSet);
    }
  }

  const CollectedFields* fields = nullptr;
  try {
    fields = &collected_.emplace_back(collector_.collect(*group.type, selectionSets_));
  } catch (const GraphQLError& error) {
    for (const Parent& parent : group.parents) {
      if (!tree_.isAlive(parent.node)) continue;
      failNode(parent.node, group.field, error);
    }
    return false;
  }

  // Fields the type does not have are left out of the response (graphql-js does the
  // same; validation reports them).
  plans.clear();
  for (const CollectedField& collected : fields->fields) {
    const Field* definition = schema_.field(*group.type, collected.nodes.front()->name.value);
    if (definition != nullptr) plans.push_back({&collected, definition});
  }

  for (const Parent& parent : group.parents) {
    if (!tree_.isAlive(parent.node)) continue;
    Value::Object members;
    members.reserve(plans.size());
    for (const FieldPlan& plan : plans) {
      members.emplace_back(std::string(plan.collected->responseKey), Value());
    }
    tree_.value(parent.node) = Value(std::move(members));
  }
  return true;
}

void Execution::aliveParents(const Group& group, std::vector<std::uint32_t>& alive) const {
  alive.clear();
  for (std::size_t p = 0; p < group.parents.size(); ++p) {
    if (tree_.isAlive(group.parents[p].node)) alive.push_back(static_cast<std::uint32_t>(p));
  }
}

void Execution::executeGroup(Group& group) {
  if (!prepareGroup(group, plans_)) return;
  for (std::size_t i = 0; i < plans_.size() && !limitExceeded_; ++i) {
    aliveParents(group, alive_);
    if (alive_.empty()) return;
    executeField(group, alive_, i, plans_[i]);
  }
}

void Execution::executeSerially(Group& root) {
  std::vector<FieldPlan> plans;
  if (!prepareGroup(root, plans)) return;
  std::vector<std::uint32_t> alive;
  for (std::size_t i = 0; i < plans.size() && !limitExceeded_; ++i) {
    aliveParents(root, alive);
    if (alive.empty()) return;
    executeField(root, alive, i, plans[i]);
    drain();
  }
}

Execution::Position Execution::fieldPosition(NodeId object, std::size_t fieldIndex,
                                             std::string_view key) {
  return {&tree_.value(object).asObject()[fieldIndex].second, object, Step::field(key)};
}

void Execution::executeField(Group& group, std::span<const std::uint32_t> alive,
                             std::size_t fieldIndex, const FieldPlan& plan) {
  const Field& definition = *plan.definition;
  FieldContext field(*group.type, definition, *plan.collected);
  const std::string_view key = plan.collected->responseKey;

  if (&definition == &schema_.typenameField()) {
    for (const std::uint32_t p : alive) {
      if (!countValue()) return;
      *fieldPosition(group.parents[p].node, fieldIndex, key).slot = Value(group.type->name());
    }
    return;
  }

  const ast::Field& node = *plan.collected->nodes.front();
  Value args;
  try {
    args = coerceArgumentValues(definition.args, node.arguments, node.loc, variables_);
  } catch (...) {
    // Arguments are the same for every parent, and so is their error.
    for (const std::uint32_t p : alive) {
      const NodeId object = group.parents[p].node;
      if (!tree_.isAlive(object)) continue;
      failCurrentException(field, fieldPosition(object, fieldIndex, key),
                           definition.type->isNonNull());
    }
    return;
  }

  if (rootIsEventPayload_ && group.field == nullptr && !definition.resolve &&
      !definition.batchResolve) {
    // No resolver maps the event: the payload is the root field's value.
    for (const std::uint32_t p : alive) {
      if (limitExceeded_) return;
      const Parent& parent = group.parents[p];
      if (!tree_.isAlive(parent.node)) continue;
      completeValue(field, *definition.type, *parent.source,
                    fieldPosition(parent.node, fieldIndex, key));
    }
    return;
  }

  if (!definition.resolve && !definition.batchResolve && definition.type->nullable().isLeaf()) {
    completeDefaultLeaves(field, group, alive, fieldIndex);
    return;
  }

  ResolveInfo info =
      resolveInfoFor(definition, *group.type, schema_, plan.collected->nodes, variables_);
  resolveAll(field, group, alive, fieldIndex, args, info);
}

void Execution::completeDefaultLeaves(FieldContext& field, Group& group,
                                      std::span<const std::uint32_t> alive,
                                      std::size_t fieldIndex) {
  // The default resolver's work without building a Resolved per value: most fields of
  // a response are leaves read from Value data.
  const Field& definition = *field.definition;
  std::size_t memberHint = 0;
  for (const std::uint32_t p : alive) {
    if (limitExceeded_) return;
    const Parent& parent = group.parents[p];
    if (!tree_.isAlive(parent.node)) continue;
    const Position at = fieldPosition(parent.node, fieldIndex, field.collected->responseKey);
    const Resolved& source = *parent.source;
    if (source.isObject()) {
      ResolveInfo info;
      info.fieldName = definition.name;
      info.parentTypeName = group.type->name();
      const Value noArgs;
      try {
        defaultFieldResolver({source, noArgs, args_.context, info});
      } catch (...) {
        failCurrentException(field, at, definition.type->isNonNull());
      }
      continue;
    }
    completeLeaf(field, *definition.type, memberOf(source, definition.name, memberHint), at);
  }
}

void Execution::resolveAll(FieldContext& field, Group& group, std::span<const std::uint32_t> alive,
                           std::size_t fieldIndex, const Value& args, ResolveInfo& info) {
  const Field& definition = *field.definition;
  const std::string_view key = field.collected->responseKey;
  const bool nonNull = definition.type->isNonNull();

  if (definition.batchResolve) {
    batchParents_.clear();
    for (const std::uint32_t p : alive) {
      batchParents_.push_back(group.parents[p].source);
    }
    std::vector<Resolved>& results = resolvedLists_.emplace_back();
    try {
      results = definition.batchResolve({batchParents_, args, args_.context, info});
      if (results.size() != alive.size()) {
        throw GraphQLError("The batch resolver of field \"" + group.type->name() + "." +
                           definition.name + "\" returned " + std::to_string(results.size()) +
                           " values for " + std::to_string(alive.size()) + " parents.");
      }
    } catch (...) {
      for (const std::uint32_t p : alive) {
        const NodeId object = group.parents[p].node;
        if (!tree_.isAlive(object)) continue;
        failCurrentException(field, fieldPosition(object, fieldIndex, key), nonNull);
      }
      return;
    }
    for (std::size_t i = 0; i < alive.size() && !limitExceeded_; ++i) {
      const NodeId object = group.parents[alive[i]].node;
      if (!tree_.isAlive(object)) continue;
      completeValue(field, *definition.type, results[i], fieldPosition(object, fieldIndex, key));
    }
    return;
  }

  // One value per parent, in storage that stays put: objects among them become the
  // parents of the next level.
  std::vector<Resolved>& results = resolvedLists_.emplace_back(alive.size());
  for (std::size_t i = 0; i < alive.size() && !limitExceeded_; ++i) {
    const Parent& parent = group.parents[alive[i]];
    if (!tree_.isAlive(parent.node)) continue;
    const Position at = fieldPosition(parent.node, fieldIndex, key);
    try {
      if (definition.resolve) {
        info.path = tree_.responsePath(parent.node, at.step, pathBuffer_);
        results[i] = definition.resolve({*parent.source, args, args_.context, info});
      } else if (parent.source->isObject()) {
        results[i] = defaultFieldResolver({*parent.source, args, args_.context, info});
      } else {
        results[i] = parent.source->member(definition.name);
      }
    } catch (...) {
      failCurrentException(field, at, nonNull);
      continue;
    }
    completeValue(field, *definition.type, results[i], at);
  }
}

}  // namespace mt::api
