#include "NamedType.h"

#include <stdexcept>

#include "GraphQLError.h"
#include "Inspect.h"
#include "Printer.h"
#include "Suggestions.h"

namespace mt::api {

namespace {

// "Did you mean the enum value ...?" for a value an enum does not have.
std::string didYouMeanEnumValue(const NamedType& type, std::string_view unknown) {
  std::vector<std::string_view> names;
  names.reserve(type.enumValues().size());
  for (const auto& value : type.enumValues())
    names.push_back(value.name);
  return didYouMean(suggestionList(unknown, names), "the enum value");
}

template <class Index>
std::size_t indexOf(const Index& index, std::string_view name) {
  const auto found = index.find(name);
  return found == index.end() ? static_cast<std::size_t>(-1) : found->second;
}

}  // namespace

NamedType::NamedType(TypeKind kind, std::string name) : Type(kind, nullptr, this, std::move(name)) {
  if (isWrapping()) throw std::logic_error("NamedType: List and NonNull are not named types");
}

const Field* NamedType::field(std::string_view fieldName) const noexcept {
  const std::size_t i = indexOf(fieldIndex_, fieldName);
  return i < fields_.size() ? &fields_[i] : nullptr;
}

Field* NamedType::mutableField(std::string_view fieldName) {
  return const_cast<Field*>(std::as_const(*this).field(fieldName));
}

InputValue* NamedType::mutableInputField(std::string_view fieldName) {
  return const_cast<InputValue*>(std::as_const(*this).inputField(fieldName));
}

const EnumValue* NamedType::enumValue(std::string_view valueName) const noexcept {
  const std::size_t i = indexOf(enumValueIndex_, valueName);
  return i < enumValues_.size() ? &enumValues_[i] : nullptr;
}

const InputValue* NamedType::inputField(std::string_view fieldName) const noexcept {
  const std::size_t i = indexOf(inputFieldIndex_, fieldName);
  return i < inputFields_.size() ? &inputFields_[i] : nullptr;
}

bool NamedType::isPossibleType(const NamedType& object) const noexcept {
  return possibleTypeSet_.contains(&object);
}

bool NamedType::isSubType(const NamedType& type) const noexcept {
  return subTypes_.contains(&type);
}

bool NamedType::addField(Field field) {
  if (fieldIndex_.contains(field.name)) return false;
  fieldIndex_.emplace(field.name, fields_.size());
  fields_.push_back(std::move(field));
  return true;
}

bool NamedType::addInputField(InputValue field) {
  if (inputFieldIndex_.contains(field.name)) return false;
  inputFieldIndex_.emplace(field.name, inputFields_.size());
  inputFields_.push_back(std::move(field));
  return true;
}

bool NamedType::addEnumValue(EnumValue value) {
  if (enumValueIndex_.contains(value.name)) return false;
  enumValueIndex_.emplace(value.name, enumValues_.size());
  enumValues_.push_back(std::move(value));
  return true;
}

void NamedType::addPossibleType(const NamedType& object) {
  if (!possibleTypeSet_.insert(&object).second) return;
  possibleTypes_.push_back(&object);
  subTypes_.insert(&object);
}

void NamedType::requireLeaf(std::string_view operation) const {
  if (!isLeaf()) {
    throw std::logic_error(std::string(operation) + " called on " + name() +
                           ", which is not a scalar or enum type");
  }
}

Value NamedType::serialize(const Value& result) const {
  requireLeaf("serialize");
  if (kind() == TypeKind::Enum) return serializeEnum(result);
  return scalar_->serialize(result);
}

Value NamedType::parseValue(const Value& input) const {
  requireLeaf("parseValue");
  if (kind() == TypeKind::Enum) return parseEnumValue(input);
  return scalar_->parseValue(input);
}

Value NamedType::parseLiteral(const ast::Value& literal, const Value& variables) const {
  requireLeaf("parseLiteral");
  if (kind() == TypeKind::Enum) return parseEnumLiteral(literal);
  return scalar_->parseLiteral(literal, variables);
}

Value NamedType::serializeEnum(const Value& result) const {
  if (!result.isString() || enumValue(result.asString()) == nullptr) {
    throw GraphQLError("Enum \"" + name() + "\" cannot represent value: " + inspect(result));
  }
  return result;
}

Value NamedType::parseEnumValue(const Value& input) const {
  if (!input.isString()) {
    const std::string text = inspect(input);
    throw GraphQLError("Enum \"" + name() + "\" cannot represent non-string value: " + text + "." +
                       didYouMeanEnumValue(*this, text));
  }
  if (enumValue(input.asString()) == nullptr) {
    throw GraphQLError("Value \"" + input.asString() + "\" does not exist in \"" + name() +
                       "\" enum." + didYouMeanEnumValue(*this, input.asString()));
  }
  return input;
}

Value NamedType::parseEnumLiteral(const ast::Value& literal) const {
  const auto* enumLiteral = std::get_if<ast::EnumValue>(&literal);
  if (enumLiteral == nullptr) {
    const std::string text = print(literal);
    throw GraphQLError("Enum \"" + name() + "\" cannot represent non-enum value: " + text + "." +
                       didYouMeanEnumValue(*this, text));
  }
  if (enumValue(enumLiteral->value) == nullptr) {
    const std::string text(enumLiteral->value);
    throw GraphQLError("Value \"" + text + "\" does not exist in \"" + name() + "\" enum." +
                       didYouMeanEnumValue(*this, text));
  }
  return Value(enumLiteral->value);
}

}  // namespace mt::api
