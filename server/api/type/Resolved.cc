#include "Resolved.h"

#include "GraphQLError.h"

namespace mt::api {

Resolved::Resolved(Value value) {
  if (value.isList() || value.isObject()) {
    data_ = std::shared_ptr<const Value>(std::make_shared<Value>(std::move(value)));
  } else if (!value.isNull()) {
    data_ = std::move(value);
  }
}

Resolved::Resolved(std::shared_ptr<const Value> value) {
  if (value != nullptr && !value->isNull()) data_ = std::move(value);
}

Resolved Resolved::object(std::any object, std::string_view typeName) {
  Resolved resolved;
  if (object.has_value()) resolved.data_ = ObjectData{std::move(object), std::string(typeName)};
  return resolved;
}

Resolved Resolved::list(std::vector<Resolved> items) {
  Resolved resolved;
  resolved.data_ = std::move(items);
  return resolved;
}

const Value& Resolved::value() const {
  if (const auto* inPlace = std::get_if<Value>(&data_)) return *inPlace;
  return *std::get<std::shared_ptr<const Value>>(data_);
}

std::string_view Resolved::typeName() const noexcept {
  if (const auto* object = std::get_if<ObjectData>(&data_)) return object->typeName;
  if (const auto* shared = std::get_if<std::shared_ptr<const Value>>(&data_)) {
    const Value* name = (*shared)->find("__typename");
    if (name != nullptr && name->isString()) return name->asString();
  }
  return {};
}

Resolved Resolved::member(std::string_view name) const {
  const auto* shared = std::get_if<std::shared_ptr<const Value>>(&data_);
  if (shared == nullptr) return {};
  const Value* found = (*shared)->find(name);
  if (found == nullptr) return {};
  // Shares ownership of the whole value, points at the member.
  return Resolved(std::shared_ptr<const Value>(*shared, found));
}

Resolved Resolved::element(std::size_t index) const {
  const auto* shared = std::get_if<std::shared_ptr<const Value>>(&data_);
  if (shared == nullptr || !(*shared)->isList()) return {};
  const auto& items = (*shared)->asList();
  if (index >= items.size()) return {};
  return Resolved(std::shared_ptr<const Value>(*shared, &items[index]));
}

Resolved defaultFieldResolver(const ResolveParams& params) {
  if (params.parent.isObject()) {
    throw GraphQLError("Field \"" + std::string(params.info.parentTypeName) + "." +
                       std::string(params.info.fieldName) +
                       "\" has no resolver, and its parent is an application object that only a "
                       "resolver can read.");
  }
  return params.parent.member(params.info.fieldName);
}

}  // namespace mt::api
