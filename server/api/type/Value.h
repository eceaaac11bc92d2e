#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace mt::api {

// The engine's JSON-like value: variables, argument values, resolver data and results.
//
// Int and Float stay apart (JSON `1` is an Int, `1.0` and `1e3` are Floats) so results
// print the way they were produced; GraphQL's Int is 32-bit, and the Int scalar checks
// the range when it coerces, not Value. Enum values are Strings holding the value's
// name. An Object keeps its members in insertion order, since a response lists fields
// in request order; lookup by name is a linear scan (objects here are small).
//
// Moves are cheap (no allocation); copies are deep. A Value is a plain value type: safe
// to read from several threads, not to write while others read.
class Value {
 public:
  enum class Kind : std::uint8_t { Null, Boolean, Int, Float, String, List, Object };
  using List = std::vector<Value>;
  using Member = std::pair<std::string, Value>;
  using Object = std::vector<Member>;

  Value() noexcept = default;  // null
  Value(std::nullptr_t) noexcept {}
  Value(bool boolean) noexcept : data_(boolean) {}
  // Every integral type that fits int64; an unsigned 64-bit number must be converted
  // explicitly by the caller, who knows whether it can overflow.
  template <std::integral T>
  requires(!std::same_as<T, bool> && (std::signed_integral<T> || sizeof(T) < 8)) Value(T integer)
  noexcept : data_(static_cast<std::int64_t>(integer)) {}
  Value(double number) noexcept : data_(number) {}
  Value(std::string string) noexcept : data_(std::move(string)) {}
  Value(std::string_view string) : data_(std::string(string)) {}
  Value(const char* string) : data_(std::string(string)) {}
  Value(List list) noexcept : data_(std::move(list)) {}
  Value(Object object) noexcept : data_(std::move(object)) {}

  static Value list(std::initializer_list<Value> items) { return Value(List(items)); }
  static Value object(std::initializer_list<Member> members) { return Value(Object(members)); }

  Kind kind() const noexcept { return static_cast<Kind>(data_.index()); }
  bool isNull() const noexcept { return kind() == Kind::Null; }
  bool isBool() const noexcept { return kind() == Kind::Boolean; }
  bool isInt() const noexcept { return kind() == Kind::Int; }
  bool isFloat() const noexcept { return kind() == Kind::Float; }
  bool isNumber() const noexcept { return isInt() || isFloat(); }
  bool isString() const noexcept { return kind() == Kind::String; }
  bool isList() const noexcept { return kind() == Kind::List; }
  bool isObject() const noexcept { return kind() == Kind::Object; }

  // The as...() accessors throw std::bad_variant_access when the kind differs.
  bool asBool() const { return std::get<bool>(data_); }
  std::int64_t asInt() const { return std::get<std::int64_t>(data_); }
  double asFloat() const { return std::get<double>(data_); }
  // An Int or a Float as a double (an Int beyond 2^53 loses precision).
  double asNumber() const;
  const std::string& asString() const { return std::get<std::string>(data_); }
  std::string& asString() { return std::get<std::string>(data_); }
  const List& asList() const { return std::get<List>(data_); }
  List& asList() { return std::get<List>(data_); }
  const Object& asObject() const { return std::get<Object>(data_); }
  Object& asObject() { return std::get<Object>(data_); }

  // The member called `name` of an Object; nullptr if absent or not an Object.
  const Value* find(std::string_view name) const noexcept;
  Value* find(std::string_view name) noexcept;

  // Appends a member to an Object without looking for an existing one (callers that
  // build objects know their names are unique); throws if this is not an Object.
  Value& append(std::string name, Value value);

  // Structural equality: Int 1 and Float 1.0 differ; objects compare member by member
  // in order.
  friend bool operator==(const Value& a, const Value& b) noexcept;

 private:
  // The alternatives' order is Kind's order.
  std::variant<std::monostate, bool, std::int64_t, double, std::string, List, Object> data_;
};

// "Null", "Boolean", ... for messages.
std::string_view kindName(Value::Kind kind) noexcept;

}  // namespace mt::api
