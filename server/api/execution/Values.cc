#include "Values.h"

#include <exception>
#include <utility>
#include <variant>

#include "Inspect.h"
#include "NamedType.h"
#include "Printer.h"
#include "Suggestions.h"
#include "ValueFromAst.h"

namespace mt::api {

namespace {

// The recursive part of coerceInputValue, carrying the path to the value at hand.
class InputCoercion {
 public:
  explicit InputCoercion(const InputErrorHandler& onError) : onError_(onError) {}

  Value coerce(const Value& input, const Type& type) {
    if (type.isNonNull()) {
      if (!input.isNull()) return coerce(input, *type.ofType());
      fail(input, "Expected non-nullable type \"" + type.str() + "\" not to be null.");
      return {};
    }
    if (input.isNull()) return {};

    if (type.isList()) {
      const Type& itemType = *type.ofType();
      if (!input.isList()) {
        // A lone value stands for a list of one.
        Value::List one;
        one.push_back(coerce(input, itemType));
        return Value(std::move(one));
      }
      const Value::List& items = input.asList();
      Value::List coerced;
      coerced.reserve(items.size());
      for (std::size_t i = 0; i < items.size(); ++i) {
        path_.push_back({{}, i, true});
        coerced.push_back(coerce(items[i], itemType));
        path_.pop_back();
      }
      return Value(std::move(coerced));
    }

    const NamedType& named = type.named();
    if (named.kind() == TypeKind::InputObject) return coerceInputObject(input, named);
    return coerceLeaf(input, named);
  }

 private:
  Value coerceInputObject(const Value& input, const NamedType& type) {
    if (!input.isObject()) {
      fail(input, "Expected type \"" + type.name() + "\" to be an object.");
      return {};
    }
    Value::Object coerced;
    coerced.reserve(type.inputFields().size());
    for (const InputValue& field : type.inputFields()) {
      const Value* fieldValue = input.find(field.name);
      if (fieldValue == nullptr) {
        if (field.defaultValue) {
          coerced.emplace_back(field.name, *field.defaultValue);
        } else if (field.type->isNonNull()) {
          fail(input, "Field \"" + field.name + "\" of required type \"" + field.type->str() +
                          "\" was not provided.");
        }
        continue;
      }
      path_.push_back({field.name, 0, false});
      Value value = coerce(*fieldValue, *field.type);
      path_.pop_back();
      coerced.emplace_back(field.name, std::move(value));
    }

    for (const auto& [name, value] : input.asObject()) {
      if (type.inputField(name) != nullptr) continue;
      std::vector<std::string_view> names;
      names.reserve(type.inputFields().size());
      for (const InputValue& field : type.inputFields())
        names.push_back(field.name);
      fail(input, "Field \"" + name + "\" is not defined by type \"" + type.name() + "\"." +
                      didYouMean(suggestionList(name, names)));
    }

    if (type.isOneOf()) {
      if (coerced.size() != 1) {
        fail(input, "Exactly one key must be specified for OneOf type \"" + type.name() + "\".");
      }
      if (!coerced.empty() && coerced.front().second.isNull()) {
        const std::string& key = coerced.front().first;
        path_.push_back({key, 0, false});
        fail(coerced.front().second, "Field \"" + key + "\" must be non-null.");
        path_.pop_back();
      }
    }
    return Value(std::move(coerced));
  }

  Value coerceLeaf(const Value& input, const NamedType& type) {
    try {
      return type.parseValue(input);
    } catch (const GraphQLError& error) {
      fail(input, std::string(error.message()));
    } catch (const std::exception& error) {
      fail(input, "Expected type \"" + type.name() + "\". " + error.what());
    }
    return {};
  }

  void fail(const Value& invalid, const std::string& reason) { onError_(path_, invalid, reason); }

  const InputErrorHandler& onError_;
  std::vector<InputPathStep> path_;
};

const Value& emptyObject() {
  static const Value empty{Value::Object{}};
  return empty;
}

// Thrown from the error handler to stop variable coercion at the error limit.
struct TooManyErrors {};

}  // namespace

void appendLocation(const ast::Location& location, std::vector<ErrorLocation>& out) {
  if (location.line > 0) out.push_back({location.line, location.column});
}

Value coerceInputValue(const Value& input, const Type& type, const InputErrorHandler& onError) {
  return InputCoercion(onError).coerce(input, type);
}

std::string printInputPath(std::span<const InputPathStep> path) {
  std::string text;
  for (const InputPathStep& step : path) {
    if (step.isIndex) {
      text += '[';
      text += std::to_string(step.index);
      text += ']';
    } else {
      text += '.';
      text += step.key;
    }
  }
  return text;
}

CoercedVariables coerceVariableValues(TypeArena& types,
                                      const std::vector<ast::VariableDefinition>& definitions,
                                      const Value& inputs, std::size_t maxErrors) {
  CoercedVariables result;
  result.values = Value(Value::Object{});
  if (definitions.empty()) return result;
  result.values.asObject().reserve(definitions.size());
  const Value& given = inputs.isObject() ? inputs : emptyObject();

  auto report = [&](std::string message, const ast::Location& location) {
    if (result.errors.size() >= maxErrors) throw TooManyErrors{};
    std::vector<ErrorLocation> locations;
    appendLocation(location, locations);
    result.errors.emplace_back(message, std::move(locations));
  };

  try {
    for (const ast::VariableDefinition& definition : definitions) {
      const std::string_view name = definition.variable.name.value;
      const Type* type = types.fromAst(definition.type);
      if (type == nullptr || !type->isInputType()) {
        report("Variable \"$" + std::string(name) + "\" expected value of type \"" +
                   print(definition.type) + "\" which cannot be used as an input type.",
               locationOf(definition.type));
        continue;
      }

      const Value* input = given.find(name);
      if (input == nullptr) {
        if (definition.defaultValue) {
          // A default that is not a valid value was refused by validation; without
          // validation the variable is left absent, as graphql-js leaves it undefined.
          if (auto value = valueFromAst(*definition.defaultValue, *type, emptyObject())) {
            result.values.append(std::string(name), std::move(*value));
          }
        } else if (type->isNonNull()) {
          report("Variable \"$" + std::string(name) + "\" of required type \"" + type->str() +
                     "\" was not provided.",
                 definition.loc);
        }
        continue;
      }

      if (input->isNull() && type->isNonNull()) {
        report("Variable \"$" + std::string(name) + "\" of non-null type \"" + type->str() +
                   "\" must not be null.",
               definition.loc);
        continue;
      }

      Value coerced =
          coerceInputValue(*input, *type,
                           [&](std::span<const InputPathStep> path, const Value& invalid,
                               const std::string& reason) {
                             std::string message = "Variable \"$" + std::string(name) +
                                                   "\" got invalid value " + inspect(invalid);
                             if (!path.empty())
                               message += " at \"" + std::string(name) + printInputPath(path) + '"';
                             report(message + "; " + reason, definition.loc);
                           });
      result.values.append(std::string(name), std::move(coerced));
    }
  } catch (const TooManyErrors&) {
    result.errors.emplace_back(
        "Too many errors processing variables, error limit reached. Execution aborted.");
  }
  return result;
}

Value coerceArgumentValues(const std::vector<InputValue>& definitions,
                           const std::vector<ast::Argument>& arguments,
                           const ast::Location& location, const Value& variables) {
  if (definitions.empty()) return Value(Value::Object{});
  Value::Object coerced;
  coerced.reserve(definitions.size());

  auto located = [](std::string message, const ast::Location& at) {
    std::vector<ErrorLocation> locations;
    appendLocation(at, locations);
    return GraphQLError(message, std::move(locations));
  };

  for (const InputValue& definition : definitions) {
    const ast::Argument* argument = nullptr;
    for (const ast::Argument& candidate : arguments) {
      if (candidate.name.value == definition.name) {
        argument = &candidate;
        break;
      }
    }
    const Type& type = *definition.type;

    if (argument == nullptr) {
      if (definition.defaultValue) {
        coerced.emplace_back(definition.name, *definition.defaultValue);
      } else if (type.isNonNull()) {
        throw located("Argument \"" + definition.name + "\" of required type \"" + type.str() +
                          "\" was not provided.",
                      location);
      }
      continue;
    }

    const ast::Value& literal = argument->value;
    const ast::Location& literalLocation = ast::locationOf(literal);
    bool isNull = std::holds_alternative<ast::NullValue>(literal);
    if (const auto* variable = std::get_if<ast::Variable>(&literal)) {
      const Value* value = variables.find(variable->name.value);
      if (value == nullptr) {
        if (definition.defaultValue) {
          coerced.emplace_back(definition.name, *definition.defaultValue);
        } else if (type.isNonNull()) {
          throw located("Argument \"" + definition.name + "\" of required type \"" + type.str() +
                            "\" was provided the variable \"$" + std::string(variable->name.value) +
                            "\" which was not provided a runtime value.",
                        literalLocation);
        }
        continue;
      }
      isNull = value->isNull();
    }

    if (isNull && type.isNonNull()) {
      throw located("Argument \"" + definition.name + "\" of non-null type \"" + type.str() +
                        "\" must not be null.",
                    literalLocation);
    }

    std::optional<Value> value = valueFromAst(literal, type, variables);
    if (!value) {
      throw located(
          "Argument \"" + definition.name + "\" has invalid value " + print(literal) + ".",
          literalLocation);
    }
    coerced.emplace_back(definition.name, std::move(*value));
  }
  return Value(std::move(coerced));
}

namespace {

// The `if` argument of @skip or @include. Reads a Boolean literal or a Boolean
// variable directly, as nearly every document has them; anything else goes through
// the full argument coercion, which gives the error.
bool directiveCondition(const Schema& schema, const ast::Directive& directive,
                        const Value& variables) {
  if (directive.arguments.size() == 1 && directive.arguments.front().name.value == "if") {
    const ast::Value& literal = directive.arguments.front().value;
    if (const auto* boolean = std::get_if<ast::BooleanValue>(&literal)) return boolean->value;
    if (const auto* variable = std::get_if<ast::Variable>(&literal)) {
      const Value* value = variables.find(variable->name.value);
      if (value != nullptr && value->isBool()) return value->asBool();
    }
  }
  const Directive* definition = schema.directive(directive.name.value);
  if (definition == nullptr) return true;  // a schema always has both; be safe regardless
  const Value args =
      coerceArgumentValues(definition->args, directive.arguments, directive.loc, variables);
  const Value* condition = args.find("if");
  if (condition == nullptr || !condition->isBool()) {
    throw GraphQLError("Directive \"@" + std::string(directive.name.value) +
                       "\" needs a Boolean \"if\" argument.");
  }
  return condition->asBool();
}

}  // namespace

bool shouldIncludeNode(const Schema& schema, const std::vector<ast::Directive>& directives,
                       const Value& variables) {
  if (directives.empty()) return true;
  // As graphql-js: the first @skip, then the first @include, whatever their order.
  auto first = [&](std::string_view name) -> const ast::Directive* {
    for (const ast::Directive& directive : directives) {
      if (directive.name.value == name) return &directive;
    }
    return nullptr;
  };
  if (const ast::Directive* skip = first("skip")) {
    if (directiveCondition(schema, *skip, variables)) return false;
  }
  if (const ast::Directive* include = first("include")) {
    if (!directiveCondition(schema, *include, variables)) return false;
  }
  return true;
}

}  // namespace mt::api
