#include "ValueFromAst.h"

#include <charconv>
#include <exception>
#include <string>
#include <type_traits>

#include "JsNumber.h"
#include "NamedType.h"

namespace mt::api {

namespace {

bool isMissingVariable(const ast::Value& literal, const Value& variables) {
  const auto* variable = std::get_if<ast::Variable>(&literal);
  return variable != nullptr && variables.find(variable->name.value) == nullptr;
}

// The last field of that name, as graphql-js's keyMap keeps (validation reports the
// duplicates).
const ast::ObjectField* findField(const ast::ObjectValue& object, std::string_view name) {
  const ast::ObjectField* found = nullptr;
  for (const auto& field : object.fields) {
    if (field.name.value == name) found = &field;
  }
  return found;
}

std::optional<Value> inputObjectFromAst(const ast::Value& literal, const NamedType& type,
                                        const Value& variables) {
  const auto* object = std::get_if<ast::ObjectValue>(&literal);
  if (object == nullptr) return std::nullopt;
  Value::Object coerced;
  for (const auto& field : type.inputFields()) {
    const ast::ObjectField* node = findField(*object, field.name);
    if (node == nullptr || isMissingVariable(node->value, variables)) {
      if (field.defaultValue.has_value()) {
        coerced.emplace_back(field.name, *field.defaultValue);
      } else if (field.type->isNonNull()) {
        return std::nullopt;
      }
      continue;
    }
    auto value = valueFromAst(node->value, *field.type, variables);
    if (!value.has_value()) return std::nullopt;
    coerced.emplace_back(field.name, std::move(*value));
  }
  if (type.isOneOf() && (coerced.size() != 1 || coerced.front().second.isNull())) {
    return std::nullopt;
  }
  return Value(std::move(coerced));
}

}  // namespace

std::optional<Value> valueFromAst(const ast::Value& literal, const Type& type,
                                  const Value& variables) {
  if (const auto* variable = std::get_if<ast::Variable>(&literal)) {
    const Value* value = variables.find(variable->name.value);
    if (value == nullptr || (value->isNull() && type.isNonNull())) return std::nullopt;
    // Already coerced to the variable's type, which validation has found compatible.
    return *value;
  }
  const bool isNull = std::holds_alternative<ast::NullValue>(literal);
  if (type.isNonNull()) {
    if (isNull) return std::nullopt;
    return valueFromAst(literal, *type.ofType(), variables);
  }
  // Made in place: moving a null Value into the optional draws a false
  // -Wmaybe-uninitialized from GCC 12 under the sanitizers.
  if (isNull) return std::optional<Value>(std::in_place);
  if (type.isList()) {
    const Type& itemType = *type.ofType();
    const auto* list = std::get_if<ast::ListValue>(&literal);
    if (list == nullptr) {
      // A single item where a list is expected is a list of one (input coercion).
      auto item = valueFromAst(literal, itemType, variables);
      if (!item.has_value()) return std::nullopt;
      return Value(Value::List{std::move(*item)});
    }
    Value::List items;
    items.reserve(list->values.size());
    for (const auto& itemLiteral : list->values) {
      if (isMissingVariable(itemLiteral, variables)) {
        if (itemType.isNonNull()) return std::nullopt;
        items.emplace_back();
        continue;
      }
      auto item = valueFromAst(itemLiteral, itemType, variables);
      if (!item.has_value()) return std::nullopt;
      items.push_back(std::move(*item));
    }
    return Value(std::move(items));
  }
  const NamedType& named = type.named();
  if (named.kind() == TypeKind::InputObject) return inputObjectFromAst(literal, named, variables);
  if (!named.isLeaf()) return std::nullopt;  // not an input type
  try {
    return named.parseLiteral(literal, variables);
  } catch (const std::exception&) {
    // graphql-js treats any failure of parseLiteral as "not a valid value".
    return std::nullopt;
  }
}

Value valueFromAstUntyped(const ast::Value& literal, const Value& variables) {
  return std::visit(
      [&](const auto& node) -> Value {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, ast::NullValue>) {
          return Value();
        } else if constexpr (std::is_same_v<Node, ast::IntValue>) {
          std::int64_t integer = 0;
          const auto* end = node.value.data() + node.value.size();
          const auto parsed = std::from_chars(node.value.data(), end, integer);
          if (parsed.ec == std::errc() && parsed.ptr == end) return Value(integer);
          return Value(parseJsNumber(node.value).value_or(0.0));
        } else if constexpr (std::is_same_v<Node, ast::FloatValue>) {
          return Value(parseJsNumber(node.value).value_or(0.0));
        } else if constexpr (std::is_same_v<Node, ast::StringValue> ||
                             std::is_same_v<Node, ast::BooleanValue>) {
          return Value(node.value);
        } else if constexpr (std::is_same_v<Node, ast::EnumValue>) {
          return Value(node.value);
        } else if constexpr (std::is_same_v<Node, ast::ListValue>) {
          Value::List items;
          items.reserve(node.values.size());
          for (const auto& item : node.values)
            items.push_back(valueFromAstUntyped(item, variables));
          return Value(std::move(items));
        } else if constexpr (std::is_same_v<Node, ast::ObjectValue>) {
          Value object{Value::Object{}};
          for (const auto& field : node.fields) {
            Value value = valueFromAstUntyped(field.value, variables);
            if (Value* existing = object.find(field.name.value)) {
              *existing = std::move(value);  // the last one wins, as in a JavaScript object
            } else {
              object.append(std::string(field.name.value), std::move(value));
            }
          }
          return object;
        } else {
          static_assert(std::is_same_v<Node, ast::Variable>);
          const Value* value = variables.find(node.name.value);
          return value != nullptr ? *value : Value();
        }
      },
      static_cast<const ast::Value::variant&>(literal));
}

}  // namespace mt::api
