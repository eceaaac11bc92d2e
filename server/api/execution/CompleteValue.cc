// Result coercion (the spec's CompleteValue) into the ResultTree, and field errors.
// Leaves are serialised in place, lists made and their items completed at once;
// objects only get a node and join the group that will execute their selection set.

#include <exception>
#include <string>
#include <utility>

#include "Execution.h"
#include "Inspect.h"
#include "Values.h"

namespace mt::api {

namespace {

std::string nonNullMessage(const NamedType& parentType, const Field& field) {
  return "Cannot return null for non-nullable field " + parentType.name() + "." + field.name + ".";
}

}  // namespace

bool Execution::countValue() {
  if (++valuesProduced_ <= args_.limits.maxResultValues) return true;
  limitExceeded_ = true;
  return false;
}

void Execution::completeValue(FieldContext& field, const Type& type, const Resolved& result,
                              const Position& at) {
  if (!countValue()) return;
  const bool nonNull = type.isNonNull();
  if (result.isNull()) {
    if (nonNull) {
      fail(field, at, true, GraphQLError(nonNullMessage(*field.parentType, *field.definition)));
    }
    return;
  }

  const Type& nullable = type.nullable();
  switch (nullable.kind()) {
    case TypeKind::List:
      completeList(field, nullable, nonNull, result, at);
      return;
    case TypeKind::Scalar:
    case TypeKind::Enum:
      if (!result.isValue()) {
        fail(field, at, nonNull,
             GraphQLError("Expected a value of leaf type \"" + nullable.str() +
                          "\", but the resolver of field \"" + field.parentType->name() + "." +
                          field.definition->name + "\" returned " +
                          (result.isObject() ? "an application object." : "a list.")));
        return;
      }
      serializeLeaf(field, nullable.named(), nonNull, result.value(), at);
      return;
    case TypeKind::Object:
      completeObject(field, nullable.named(), nonNull, result, at);
      return;
    case TypeKind::Interface:
    case TypeKind::Union: {
      const NamedType* runtimeType = nullptr;
      try {
        runtimeType = &resolveRuntimeType(field, nullable.named(), result);
      } catch (...) {
        failCurrentException(field, at, nonNull);
        return;
      }
      completeObject(field, *runtimeType, nonNull, result, at);
      return;
    }
    case TypeKind::InputObject:
    case TypeKind::NonNull:
      break;
  }
  // A schema built by SchemaBuilder has no such field; be an error, not a crash.
  fail(field, at, nonNull,
       GraphQLError("Cannot complete value of unexpected output type: " + nullable.str()));
}

void Execution::completeLeaf(FieldContext& field, const Type& type, const Value* result,
                             const Position& at) {
  if (!countValue()) return;
  const bool nonNull = type.isNonNull();
  if (result == nullptr || result->isNull()) {
    if (nonNull) {
      fail(field, at, true, GraphQLError(nonNullMessage(*field.parentType, *field.definition)));
    }
    return;
  }
  serializeLeaf(field, type.named(), nonNull, *result, at);
}

void Execution::serializeLeaf(FieldContext& field, const NamedType& type, bool nonNull,
                              const Value& result, const Position& at) {
  try {
    Value serialized = type.serialize(result);
    if (serialized.isNull()) {
      fail(field, at, nonNull,
           GraphQLError("Expected `" + type.name() + ".serialize(" + inspect(result) +
                        ")` to return non-nullable value, returned: null"));
      return;
    }
    *at.slot = std::move(serialized);
  } catch (...) {
    failCurrentException(field, at, nonNull);
  }
}

void Execution::completeList(FieldContext& field, const Type& listType, bool nonNull,
                             const Resolved& result, const Position& at) {
  const Type& itemType = *listType.ofType();
  const std::vector<Resolved>* items = nullptr;
  const Value::List* values = nullptr;
  if (result.isList()) {
    items = &result.items();
  } else if (result.isValue() && result.value().isList()) {
    values = &result.value().asList();
  } else {
    fail(field, at, nonNull,
         GraphQLError("Expected Iterable, but did not find one for field \"" +
                      field.parentType->name() + "." + field.definition->name + "\"."));
    return;
  }

  const std::size_t size = items != nullptr ? items->size() : values->size();
  *at.slot = Value(Value::List(size));
  const NodeId list = tree_.add(at.slot, at.container, at.step, nonNull);
  Value::List& out = at.slot->asList();
  const bool leafItems = itemType.nullable().isLeaf();
  for (std::size_t i = 0; i < size; ++i) {
    // An item's error may have nulled the list (a non-null item) and freed `out`.
    if (limitExceeded_ || !tree_.isAlive(list)) return;
    const Position item{&out[i], list, Step::item(i)};
    if (items != nullptr) {
      completeValue(field, itemType, (*items)[i], item);
    } else if (leafItems) {
      completeLeaf(field, itemType, &(*values)[i], item);
    } else {
      // Items of Value data that may become parents: a Resolved sharing the data.
      completeValue(field, itemType, keep(result.element(i)), item);
    }
  }
}

void Execution::completeObject(FieldContext& field, const NamedType& type, bool nonNull,
                               const Resolved& result, const Position& at) {
  const NodeId node = tree_.add(at.slot, at.container, at.step, nonNull);
  childGroup(field, type).parents.push_back({&result, node});
}

Execution::Group& Execution::childGroup(FieldContext& field, const NamedType& type) {
  if (field.firstChildType == &type) return queue_[field.firstChildGroup];
  for (const auto& [childType, index] : field.moreChildGroups) {
    if (childType == &type) return queue_[index];
  }
  const std::size_t index = queue_.size();
  queue_.push_back(Group{&type, field.collected, {}});
  if (field.firstChildType == nullptr) {
    field.firstChildType = &type;
    field.firstChildGroup = index;
  } else {
    field.moreChildGroups.emplace_back(&type, index);
  }
  return queue_.back();
}

const NamedType& Execution::resolveRuntimeType(const FieldContext& field,
                                               const NamedType& abstractType,
                                               const Resolved& result) {
  // The name an application object was given wins; then the type's resolver; then,
  // when that has no answer, a "__typename" in Value data (graphql-js's default type
  // resolver reads the same member).
  std::string resolverAnswer;
  std::string_view name;
  if (result.isObject()) name = result.typeName();
  if (name.empty() && abstractType.typeResolver()) {
    resolverAnswer = abstractType.typeResolver()(result, args_.context);
    name = resolverAnswer;
  }
  if (name.empty()) name = result.typeName();

  const std::string& abstractName = abstractType.name();
  if (name.empty()) {
    throw GraphQLError("Abstract type \"" + abstractName +
                       "\" must resolve to an Object type at runtime for field \"" +
                       field.parentType->name() + "." + field.definition->name +
                       "\". Either the \"" + abstractName +
                       "\" type should have a type resolver or the value should carry its "
                       "type name.");
  }
  const NamedType* runtimeType = schema_.type(name);
  if (runtimeType == nullptr) {
    throw GraphQLError("Abstract type \"" + abstractName + "\" was resolved to a type \"" +
                       std::string(name) + "\" that does not exist inside the schema.");
  }
  if (runtimeType->kind() != TypeKind::Object) {
    throw GraphQLError("Abstract type \"" + abstractName +
                       "\" was resolved to a non-object type \"" + std::string(name) + "\".");
  }
  if (!abstractType.isSubType(*runtimeType)) {
    throw GraphQLError("Runtime Object type \"" + runtimeType->name() +
                       "\" is not a possible type for \"" + abstractName + "\".");
  }
  return *runtimeType;
}

void Execution::fail(const FieldContext& field, const Position& at, bool nonNull,
                     GraphQLError error) {
  errors_.push_back(located(field.collected, std::move(error), tree_.path(at.container, at.step)));
  if (nonNull) {
    tree_.nullify(at.container);
  } else {
    *at.slot = Value();
  }
}

void Execution::failCurrentException(const FieldContext& field, const Position& at, bool nonNull) {
  try {
    throw;
  } catch (const GraphQLError& error) {
    fail(field, at, nonNull, error);
  } catch (const std::exception& error) {
    fail(field, at, nonNull, GraphQLError(error.what()));
  } catch (...) {
    fail(field, at, nonNull, GraphQLError("Unexpected error value: not a std::exception."));
  }
}

void Execution::failNode(NodeId node, const CollectedField* fieldNodes, GraphQLError error) {
  errors_.push_back(located(fieldNodes, std::move(error), tree_.path(node)));
  tree_.nullify(node);
}

}  // namespace mt::api
