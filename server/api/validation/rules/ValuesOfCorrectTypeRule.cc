#include <exception>
#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "Printer.h"
#include "SpecifiedRules.h"
#include "Suggestions.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Values of Correct Type": every literal fits the type its position expects.
// Leaf literals are checked by the type's own parseLiteral (so a custom scalar decides
// what it accepts, and the built-ins give their graphql-js messages); input objects
// must have their required fields, only fields they define, and for @oneOf exactly
// one non-null field.
class ValuesOfCorrectTypeRule {
 public:
  explicit ValuesOfCorrectTypeRule(ValidationContext& context) : context_(context) {}

  void enter(const ast::ListValue& node) {
    if (skipping()) return;
    // TypeInfo has entered the list: the parent input type is the list's own.
    const Type* type = context_.parentInputType();
    if (type != nullptr && type->nullable().isList()) return;
    checkLeafValue(node.loc);
    skip(&node);
  }
  void leave(const ast::ListValue& node) { stopSkipping(&node); }

  void enter(const ast::ObjectValue& node) {
    if (skipping()) return;
    const Type* locationType = context_.inputType();
    const NamedType* type = locationType != nullptr ? &locationType->named() : nullptr;
    if (type == nullptr || type->kind() != TypeKind::InputObject) {
      checkLeafValue(node.loc);
      skip(&node);
      return;
    }
    for (const InputValue& field : type->inputFields()) {
      if (!field.isRequired() || find(node, field.name) != nullptr) continue;
      context_.reportError("Field \"" + type->name() + "." + field.name + "\" of required type \"" +
                               field.type->str() + "\" was not provided.",
                           {node.loc});
    }
    if (type->isOneOf()) checkOneOf(node, *type);
  }
  void leave(const ast::ObjectValue& node) { stopSkipping(&node); }

  void enter(const ast::ObjectField& node) {
    if (skipping()) return;
    const Type* parent = context_.parentInputType();
    if (context_.inputType() != nullptr || parent == nullptr ||
        parent->named().kind() != TypeKind::InputObject) {
      return;
    }
    const NamedType& parentType = parent->named();
    std::string suggestion;
    if (!context_.hideSuggestions()) {
      std::vector<std::string_view> names;
      names.reserve(parentType.inputFields().size());
      for (const InputValue& field : parentType.inputFields())
        names.push_back(field.name);
      suggestion = didYouMean(suggestionList(node.name.value, names));
    }
    context_.reportError("Field \"" + std::string(node.name.value) +
                             "\" is not defined by type \"" + parentType.name() + "\"." +
                             suggestion,
                         {node.loc});
  }

  void enter(const ast::NullValue& node) {
    if (skipping()) return;
    const Type* type = context_.inputType();
    if (type == nullptr || !type->isNonNull()) return;
    context_.reportError("Expected value of type \"" + type->str() + "\", found null.", {node.loc});
  }

  void enter(const ast::EnumValue& node) { checkLeaf(node.loc); }
  void enter(const ast::IntValue& node) { checkLeaf(node.loc); }
  void enter(const ast::FloatValue& node) { checkLeaf(node.loc); }
  void enter(const ast::StringValue& node) { checkLeaf(node.loc); }
  void enter(const ast::BooleanValue& node) { checkLeaf(node.loc); }

 private:
  // graphql-js stops visiting a list or object for this rule once it has reported
  // it as a whole, so that its items are not reported again.
  bool skipping() const { return skipped_ != nullptr; }
  void skip(const void* node) { skipped_ = node; }
  void stopSkipping(const void* node) {
    if (skipped_ == node) skipped_ = nullptr;
  }

  void checkLeaf(const ast::Location& location) {
    if (!skipping()) checkLeafValue(location);
  }

  // graphql-js's isValidValueNode, for the value being visited.
  void checkLeafValue(const ast::Location& location) {
    const Type* locationType = context_.inputType();
    if (locationType == nullptr) return;
    const NamedType& type = locationType->named();
    const ast::Value& value = context_.value();
    if (!type.isLeaf()) {
      context_.reportError(
          "Expected value of type \"" + locationType->str() + "\", found " + print(value) + ".",
          {location});
      return;
    }
    try {
      type.parseLiteral(value, Value());
    } catch (const GraphQLError& error) {
      context_.reportError(withoutSuggestions(std::string(error.message())), {location});
    } catch (const std::exception& error) {
      context_.reportError("Expected value of type \"" + locationType->str() + "\", found " +
                               print(value) + "; " + error.what(),
                           {location});
    }
  }

  // Enum messages come with "Did you mean ...?" already appended.
  std::string withoutSuggestions(std::string message) const {
    if (context_.hideSuggestions()) {
      if (const auto at = message.find(" Did you mean "); at != std::string::npos) {
        message.resize(at);
      }
    }
    return message;
  }

  // The last field of that name, as graphql-js's keyMap keeps.
  static const ast::ObjectField* find(const ast::ObjectValue& node, std::string_view name) {
    const ast::ObjectField* found = nullptr;
    for (const ast::ObjectField& field : node.fields) {
      if (field.name.value == name) found = &field;
    }
    return found;
  }

  void checkOneOf(const ast::ObjectValue& node, const NamedType& type) {
    // The distinct names given: exactly one, with a non-null value.
    const ast::ObjectField* only = nullptr;
    bool several = false;
    for (const ast::ObjectField& field : node.fields) {
      if (only == nullptr) {
        only = &field;
      } else if (field.name.value != only->name.value) {
        several = true;
      }
    }
    if (only == nullptr || several) {
      context_.reportError(
          "OneOf Input Object \"" + type.name() + "\" must specify exactly one key.", {node.loc});
      return;
    }
    const ast::ObjectField* last = find(node, only->name.value);
    if (std::holds_alternative<ast::NullValue>(last->value)) {
      context_.reportError(
          "Field \"" + type.name() + "." + std::string(only->name.value) + "\" must be non-null.",
          {node.loc});
    }
  }

  ValidationContext& context_;
  const void* skipped_ = nullptr;
};

}  // namespace

constinit const ValidationRule kValuesOfCorrectTypeRule =
    makeValidationRule<ValuesOfCorrectTypeRule>("ValuesOfCorrectTypeRule");

}  // namespace mt::api
