#pragma once

#include <memory>
#include <string_view>

#include "ScalarType.h"

namespace mt::api {

// The five scalars the specification defines, with graphql-js 16's coercion rules and
// error messages (type/scalars.ts). Values a resolver returns are coerced leniently
// (a Boolean serialises as an Int 1 or 0, a numeric String as a number); inputs
// strictly (a Float variable or literal is not an Int unless it is integral).

// 32-bit signed integers.
class IntScalar final : public ScalarType {
 public:
  Value serialize(const Value& result) const override;
  Value parseValue(const Value& input) const override;
  Value parseLiteral(const ast::Value& literal, const Value& variables) const override;
};

// Finite doubles; an Int input is accepted and becomes a Float.
class FloatScalar final : public ScalarType {
 public:
  Value serialize(const Value& result) const override;
  Value parseValue(const Value& input) const override;
  Value parseLiteral(const ast::Value& literal, const Value& variables) const override;
};

class StringScalar final : public ScalarType {
 public:
  Value serialize(const Value& result) const override;
  Value parseValue(const Value& input) const override;
  Value parseLiteral(const ast::Value& literal, const Value& variables) const override;
};

class BooleanScalar final : public ScalarType {
 public:
  Value serialize(const Value& result) const override;
  Value parseValue(const Value& input) const override;
  Value parseLiteral(const ast::Value& literal, const Value& variables) const override;
};

// Accepts a String or an integer as input and always produces a String.
class IdScalar final : public ScalarType {
 public:
  Value serialize(const Value& result) const override;
  Value parseValue(const Value& input) const override;
  Value parseLiteral(const ast::Value& literal, const Value& variables) const override;
};

// True for "Int", "Float", "String", "Boolean" and "ID".
bool isSpecifiedScalar(std::string_view name) noexcept;

// The shared implementation of a specified scalar; null for any other name.
std::shared_ptr<const ScalarType> specifiedScalar(std::string_view name);

}  // namespace mt::api
