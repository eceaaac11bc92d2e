#include "ValueLiteral.h"

#include <cmath>

#include "GraphQLError.h"
#include "Inspect.h"
#include "JsNumber.h"
#include "NamedType.h"
#include "Printer.h"

namespace mt::api {

namespace {

// graphql-js's integerStringRegExp: /^-?(?:0|[1-9][0-9]*)$/
bool looksLikeInteger(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  if (text.empty()) return false;
  if (text.front() == '0') return text.size() == 1;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<std::string> printLeaf(const Value& value, const NamedType& type) {
  const Value serialized = type.serialize(value);
  switch (serialized.kind()) {
    case Value::Kind::Null:
      return std::nullopt;
    case Value::Kind::Boolean:
      return serialized.asBool() ? "true" : "false";
    case Value::Kind::Int:
      return std::to_string(serialized.asInt());
    case Value::Kind::Float:
      if (std::isfinite(serialized.asFloat())) return jsNumberText(serialized.asFloat());
      break;
    case Value::Kind::String: {
      const std::string& text = serialized.asString();
      if (type.kind() == TypeKind::Enum) return text;
      if (type.name() == "ID" && looksLikeInteger(text)) return text;
      return printString(text);
    }
    default:
      break;
  }
  throw GraphQLError("Cannot convert value to AST: " + inspect(serialized) + ".");
}

}  // namespace

std::optional<std::string> printValueLiteral(const Value& value, const Type& type) {
  if (type.isNonNull()) {
    auto printed = printValueLiteral(value, *type.ofType());
    if (printed == "null") return std::nullopt;
    return printed;
  }
  if (value.isNull()) return "null";
  if (type.isList()) {
    if (!value.isList()) return printValueLiteral(value, *type.ofType());
    std::string text = "[";
    bool first = true;
    for (const auto& item : value.asList()) {
      auto printed = printValueLiteral(item, *type.ofType());
      if (!printed.has_value()) continue;
      if (!first) text += ", ";
      first = false;
      text += *printed;
    }
    return text + "]";
  }
  const NamedType& named = type.named();
  if (named.kind() == TypeKind::InputObject) {
    if (!value.isObject()) return std::nullopt;
    std::string text = "{";
    bool first = true;
    for (const auto& field : named.inputFields()) {
      const Value* fieldValue = value.find(field.name);
      if (fieldValue == nullptr) continue;
      auto printed = printValueLiteral(*fieldValue, *field.type);
      if (!printed.has_value()) continue;
      if (!first) text += ", ";
      first = false;
      text += field.name + ": " + *printed;
    }
    return text + "}";
  }
  return printLeaf(value, named);
}

}  // namespace mt::api
