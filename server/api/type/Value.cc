#include "Value.h"

namespace mt::api {

double Value::asNumber() const {
  if (isInt()) return static_cast<double>(asInt());
  return asFloat();
}

const Value* Value::find(std::string_view name) const noexcept {
  const auto* object = std::get_if<Object>(&data_);
  if (object == nullptr) return nullptr;
  for (const auto& [key, value] : *object) {
    if (key == name) return &value;
  }
  return nullptr;
}

Value* Value::find(std::string_view name) noexcept {
  return const_cast<Value*>(std::as_const(*this).find(name));
}

Value& Value::append(std::string name, Value value) {
  auto& object = asObject();
  return object.emplace_back(std::move(name), std::move(value)).second;
}

bool operator==(const Value& a, const Value& b) noexcept {
  // Float members compare with ==, so a NaN differs from itself, as in IEEE 754.
  return a.data_ == b.data_;
}

std::string_view kindName(Value::Kind kind) noexcept {
  switch (kind) {
    case Value::Kind::Null:
      return "Null";
    case Value::Kind::Boolean:
      return "Boolean";
    case Value::Kind::Int:
      return "Int";
    case Value::Kind::Float:
      return "Float";
    case Value::Kind::String:
      return "String";
    case Value::Kind::List:
      return "List";
    case Value::Kind::Object:
      return "Object";
  }
  return "?";
}

}  // namespace mt::api
