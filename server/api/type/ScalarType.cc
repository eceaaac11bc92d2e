#include "ScalarType.h"

#include "ValueFromAst.h"

namespace mt::api {

Value ScalarType::serialize(const Value& result) const {
  return result;
}

Value ScalarType::parseValue(const Value& input) const {
  return input;
}

Value ScalarType::parseLiteral(const ast::Value& literal, const Value& variables) const {
  return parseValue(valueFromAstUntyped(literal, variables));
}

}  // namespace mt::api
