#pragma once

#include <any>
#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "Value.h"

namespace mt::api {

namespace ast {
struct Field;
}  // namespace ast

class Type;
class NamedType;
struct Field;
class Schema;
struct ResponsePath;

// What a resolver returns, and what execution hands to the resolvers of the fields
// below it as their parent. One of:
//
// - null;
// - a Value: a leaf for a scalar or enum field (an enum value is a String holding the
//   value's name), or JSON-like data for an object or list field. The default
//   resolver reads an object field's value from the parent's member of the same name,
//   so data fetched as a whole (a JSON document, a cached row) needs no resolver per
//   field. Lists and objects are held by shared pointer and the members and elements
//   handed to child fields share it: walking nested data copies nothing;
// - an application object (std::any, typically a shared_ptr to a row or a domain
//   object) that only the resolvers of its type's fields understand, optionally
//   with the name of its runtime type (needed when the field's type is an interface
//   or union and the schema has no type resolver for it);
// - a list of Resolved, for list fields whose items are application objects.
//
// Cheap to move; copying shares Value data and copies the std::any (a shared_ptr
// inside it is the cheap choice). A Value null becomes the null Resolved.
class Resolved {
 public:
  Resolved() noexcept = default;
  Resolved(std::nullptr_t) noexcept {}
  Resolved(Value value);
  // Data the caller shares, kept alive as long as any Resolved derived from it.
  Resolved(std::shared_ptr<const Value> value);
  static Resolved object(std::any object, std::string_view typeName = {});
  static Resolved list(std::vector<Resolved> items);

  bool isNull() const noexcept { return std::holds_alternative<std::monostate>(data_); }
  bool isValue() const noexcept {
    return std::holds_alternative<Value>(data_) ||
           std::holds_alternative<std::shared_ptr<const Value>>(data_);
  }
  bool isObject() const noexcept { return std::holds_alternative<ObjectData>(data_); }
  // A list made with list(). A Value holding a List is isValue(); execution handles
  // both (element() reads the latter).
  bool isList() const noexcept { return std::holds_alternative<std::vector<Resolved>>(data_); }

  // Each accessor throws std::bad_variant_access when the Resolved is not of its kind.
  const Value& value() const;
  const std::any& object() const { return std::get<ObjectData>(data_).object; }
  // The object as a T, or nullptr if it is not an object holding a T.
  template <class T>
  const T* objectAs() const noexcept {
    const auto* data = std::get_if<ObjectData>(&data_);
    return data != nullptr ? std::any_cast<T>(&data->object) : nullptr;
  }
  const std::vector<Resolved>& items() const { return std::get<std::vector<Resolved>>(data_); }

  // The runtime type's name, if known: the name given to object(), or for an Object
  // Value its "__typename" member when that is a String (graphql-js's default type
  // resolver reads the same member). Empty otherwise.
  std::string_view typeName() const noexcept;

  // For Value data: the member `name` of an Object, or item `index` of a List, sharing
  // this Resolved's storage; null if absent or if this is not an Object (List).
  Resolved member(std::string_view name) const;
  Resolved element(std::size_t index) const;

 private:
  struct ObjectData {
    std::any object;
    std::string typeName;
  };

  // Scalars and strings are stored in place; lists and objects behind a shared
  // pointer, so that member() and element() can alias into them.
  std::variant<std::monostate, Value, std::shared_ptr<const Value>, ObjectData,
               std::vector<Resolved>>
      data_;
};

// What a resolver is told about the field it resolves (graphql-js's GraphQLResolveInfo,
// the parts this engine has). Views and pointers are valid during the call only.
struct ResolveInfo {
  std::string_view fieldName;
  std::string_view parentTypeName;
  const Type* returnType = nullptr;
  const NamedType* parentType = nullptr;
  const Field* field = nullptr;
  const Schema* schema = nullptr;
  // Where the field's value goes in the response; null in a batch call (the parents'
  // paths differ) and when execution does not track it.
  const ResponsePath* path = nullptr;
  // The field's occurrences in the request (several when a query repeats a field),
  // for resolvers that look ahead at the sub-selection.
  std::span<const ast::Field* const> fieldNodes;
  // The operation's coerced variable values, an Object; null if execution has none.
  const Value* variableValues = nullptr;
};

struct ResolveParams {
  const Resolved& parent;
  const Value& args;  // coerced argument values, an Object
  std::any& context;  // per request: the authenticated user, database access
  const ResolveInfo& info;
};

// Resolves one field for one parent. Signals an error by throwing (GraphQLError or any
// std::exception): execution turns it into a field error with location and path, and
// the field becomes null.
using FieldResolver = std::function<Resolved(const ResolveParams&)>;

// Resolves one field for every parent in a list at once (a page of tweets' authors in
// one database round trip). Must return exactly parents.size() results, in order;
// throwing fails the field for every parent.
struct BatchResolveParams {
  std::span<const Resolved* const> parents;
  const Value& args;
  std::any& context;
  const ResolveInfo& info;
};
using BatchFieldResolver = std::function<std::vector<Resolved>(const BatchResolveParams&)>;

// Names the object type of a value returned for an interface or union field, when the
// Resolved carries no typeName.
using TypeResolver = std::function<std::string(const Resolved&, std::any& context)>;

// ---- subscriptions ----------------------------------------------------------------------
// The live source of one subscription's events (graphql-js's source event stream),
// made by the subscribe resolver of the subscription's root field. Destroying it
// stops the events: once the destructor returns, the EventCallback it was given is
// not running and will never run again.
class SourceEventStream {
 public:
  virtual ~SourceEventStream() = default;
};

// Called by a source for each event, in order, never concurrently for one stream, on
// whatever thread the source runs (not one that may block on the subscriber). The
// payload becomes the parent of the subscription's root field for that event. Must
// be quick and must not throw.
using EventCallback = std::function<void(Resolved payload)>;

struct SubscribeParams {
  const Value& args;  // coerced argument values, an Object
  std::any& context;  // the subscription's context (the authenticated user, …)
  const ResolveInfo& info;
  EventCallback emit;  // the stream calls it for every event
};

// Starts the source event stream of a subscription root field. Signals an error by
// throwing (GraphQLError or std::exception): the subscription then does not start,
// and the client gets the error (with path and location) instead.
using SubscribeResolver = std::function<std::unique_ptr<SourceEventStream>(SubscribeParams)>;

// What a field without a resolver does: reads the parent's member named after the field
// (params.info.fieldName) when the parent is Object Value data, and is null when the
// parent is null or has no such member. Throws GraphQLError when the parent is an
// application object, since only a resolver can read one.
Resolved defaultFieldResolver(const ResolveParams& params);

}  // namespace mt::api
