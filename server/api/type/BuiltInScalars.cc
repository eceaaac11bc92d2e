#include "BuiltInScalars.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "GraphQLError.h"
#include "Inspect.h"
#include "JsNumber.h"
#include "Printer.h"

namespace mt::api {

namespace {

constexpr std::int64_t kMaxInt = 2147483647;
constexpr std::int64_t kMinInt = -2147483648LL;

// JavaScript's Number.isInteger.
bool isIntegral(double d) {
  return std::isfinite(d) && std::trunc(d) == d;
}

// The number a result value stands for, as graphql-js's Int and Float serialize read
// it: a Boolean is 1 or 0, a non-empty String is read as JavaScript's Number() reads
// it; nullopt for anything else (and for a String that is not a number).
std::optional<double> resultAsNumber(const Value& result) {
  switch (result.kind()) {
    case Value::Kind::Boolean:
      return result.asBool() ? 1.0 : 0.0;
    case Value::Kind::Int:
    case Value::Kind::Float:
      return result.asNumber();
    case Value::Kind::String:
      if (result.asString().empty()) return std::nullopt;
      return parseJsNumber(result.asString());
    default:
      return std::nullopt;
  }
}

[[noreturn]] void fail(std::string message) {
  throw GraphQLError(message);
}

}  // namespace

// ---------------------------------------------------------------------------- Int

Value IntScalar::serialize(const Value& result) const {
  if (result.isInt()) {
    const std::int64_t n = result.asInt();
    if (n > kMaxInt || n < kMinInt) {
      fail("Int cannot represent non 32-bit signed integer value: " + inspect(result));
    }
    return result;
  }
  const std::optional<double> number = resultAsNumber(result);
  if (!number.has_value() || !isIntegral(*number)) {
    fail("Int cannot represent non-integer value: " + inspect(result));
  }
  if (*number > static_cast<double>(kMaxInt) || *number < static_cast<double>(kMinInt)) {
    fail("Int cannot represent non 32-bit signed integer value: " + inspect(result));
  }
  return Value(static_cast<std::int64_t>(*number));
}

Value IntScalar::parseValue(const Value& input) const {
  if (input.isInt()) {
    const std::int64_t n = input.asInt();
    if (n > kMaxInt || n < kMinInt) {
      fail("Int cannot represent non 32-bit signed integer value: " + std::to_string(n));
    }
    return input;
  }
  if (!input.isFloat() || !isIntegral(input.asFloat())) {
    fail("Int cannot represent non-integer value: " + inspect(input));
  }
  const double d = input.asFloat();
  if (d > static_cast<double>(kMaxInt) || d < static_cast<double>(kMinInt)) {
    fail("Int cannot represent non 32-bit signed integer value: " + jsNumberText(d));
  }
  return Value(static_cast<std::int64_t>(d));
}

Value IntScalar::parseLiteral(const ast::Value& literal, const Value& /*variables*/) const {
  const auto* node = std::get_if<ast::IntValue>(&literal);
  if (node == nullptr) fail("Int cannot represent non-integer value: " + print(literal));
  std::int64_t n = 0;
  const char* end = node->value.data() + node->value.size();
  const auto parsed = std::from_chars(node->value.data(), end, n);
  if (parsed.ec != std::errc() || parsed.ptr != end || n > kMaxInt || n < kMinInt) {
    fail("Int cannot represent non 32-bit signed integer value: " + std::string(node->value));
  }
  return Value(n);
}

// -------------------------------------------------------------------------- Float

Value FloatScalar::serialize(const Value& result) const {
  const std::optional<double> number = resultAsNumber(result);
  if (!number.has_value() || !std::isfinite(*number)) {
    fail("Float cannot represent non numeric value: " + inspect(result));
  }
  return Value(*number);
}

Value FloatScalar::parseValue(const Value& input) const {
  if (!input.isNumber() || !std::isfinite(input.asNumber())) {
    fail("Float cannot represent non numeric value: " + inspect(input));
  }
  return Value(input.asNumber());
}

Value FloatScalar::parseLiteral(const ast::Value& literal, const Value& /*variables*/) const {
  std::string_view text;
  if (const auto* integer = std::get_if<ast::IntValue>(&literal)) {
    text = integer->value;
  } else if (const auto* number = std::get_if<ast::FloatValue>(&literal)) {
    text = number->value;
  } else {
    fail("Float cannot represent non numeric value: " + print(literal));
  }
  // Like graphql-js's parseFloat, a literal beyond double's range reads as infinite;
  // serialising such a value later fails.
  return Value(parseJsNumber(text).value_or(0.0));
}

// ------------------------------------------------------------------------- String

Value StringScalar::serialize(const Value& result) const {
  switch (result.kind()) {
    case Value::Kind::String:
      return result;
    case Value::Kind::Boolean:
      return Value(result.asBool() ? "true" : "false");
    case Value::Kind::Int:
      return Value(std::to_string(result.asInt()));
    case Value::Kind::Float:
      if (std::isfinite(result.asFloat())) return Value(jsNumberText(result.asFloat()));
      break;
    default:
      break;
  }
  fail("String cannot represent value: " + inspect(result));
}

Value StringScalar::parseValue(const Value& input) const {
  if (!input.isString()) fail("String cannot represent a non string value: " + inspect(input));
  return input;
}

Value StringScalar::parseLiteral(const ast::Value& literal, const Value& /*variables*/) const {
  const auto* node = std::get_if<ast::StringValue>(&literal);
  if (node == nullptr) fail("String cannot represent a non string value: " + print(literal));
  return Value(node->value);
}

// ------------------------------------------------------------------------ Boolean

Value BooleanScalar::serialize(const Value& result) const {
  if (result.isBool()) return result;
  if (result.isNumber() && std::isfinite(result.asNumber())) {
    return Value(result.asNumber() != 0);
  }
  fail("Boolean cannot represent a non boolean value: " + inspect(result));
}

Value BooleanScalar::parseValue(const Value& input) const {
  if (!input.isBool()) fail("Boolean cannot represent a non boolean value: " + inspect(input));
  return input;
}

Value BooleanScalar::parseLiteral(const ast::Value& literal, const Value& /*variables*/) const {
  const auto* node = std::get_if<ast::BooleanValue>(&literal);
  if (node == nullptr) fail("Boolean cannot represent a non boolean value: " + print(literal));
  return Value(node->value);
}

// ----------------------------------------------------------------------------- ID

namespace {

// An ID from a String or an integral number; nullopt for anything else.
std::optional<Value> idFrom(const Value& value) {
  if (value.isString()) return value;
  if (value.isInt()) return Value(std::to_string(value.asInt()));
  if (value.isFloat() && isIntegral(value.asFloat())) return Value(jsNumberText(value.asFloat()));
  return std::nullopt;
}

}  // namespace

Value IdScalar::serialize(const Value& result) const {
  if (auto id = idFrom(result)) return std::move(*id);
  fail("ID cannot represent value: " + inspect(result));
}

Value IdScalar::parseValue(const Value& input) const {
  if (auto id = idFrom(input)) return std::move(*id);
  fail("ID cannot represent value: " + inspect(input));
}

Value IdScalar::parseLiteral(const ast::Value& literal, const Value& /*variables*/) const {
  if (const auto* string = std::get_if<ast::StringValue>(&literal)) return Value(string->value);
  if (const auto* integer = std::get_if<ast::IntValue>(&literal)) return Value(integer->value);
  fail("ID cannot represent a non-string and non-integer value: " + print(literal));
}

// ------------------------------------------------------------------------ Lookup

bool isSpecifiedScalar(std::string_view name) noexcept {
  return name == "Int" || name == "Float" || name == "String" || name == "Boolean" || name == "ID";
}

std::shared_ptr<const ScalarType> specifiedScalar(std::string_view name) {
  static const auto kInt = std::make_shared<const IntScalar>();
  static const auto kFloat = std::make_shared<const FloatScalar>();
  static const auto kString = std::make_shared<const StringScalar>();
  static const auto kBoolean = std::make_shared<const BooleanScalar>();
  static const auto kId = std::make_shared<const IdScalar>();
  if (name == "Int") return kInt;
  if (name == "Float") return kFloat;
  if (name == "String") return kString;
  if (name == "Boolean") return kBoolean;
  if (name == "ID") return kId;
  return nullptr;
}

}  // namespace mt::api
