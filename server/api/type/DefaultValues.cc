#include "DefaultValues.h"

#include <string>
#include <unordered_map>

#include "Printer.h"
#include "ValueFromAst.h"

namespace mt::api {

namespace {

class DefaultValueCoercion {
 public:
  explicit DefaultValueCoercion(SchemaAssembly& assembly) : assembly_(assembly) {}

  void run() {
    for (NamedType* type : assembly_.types()) {
      for (const auto& field : type->fields()) {
        Field& mutableField = *type->mutableField(field.name);
        for (auto& arg : mutableField.args) {
          coerce(arg, "Argument \"" + type->name() + "." + field.name + "(" + arg.name + ":)\"");
        }
      }
      for (const auto& field : type->inputFields()) {
        coerce(*type->mutableInputField(field.name), inputFieldName(*type, field));
      }
    }
    for (Directive* directive : assembly_.directives()) {
      for (auto& arg : directive->args) {
        coerce(arg, "Argument \"@" + directive->name + "(" + arg.name + ":)\"");
      }
    }
  }

 private:
  enum class State { InProgress, Done };

  static std::string inputFieldName(const NamedType& type, const InputValue& field) {
    return "Input field \"" + type.name() + "." + field.name + "\"";
  }

  void coerce(InputValue& value, const std::string& description) {
    if (value.astNode == nullptr || !value.astNode->defaultValue.has_value() ||
        value.type == nullptr) {
      return;
    }
    const auto [state, fresh] = states_.emplace(&value, State::InProgress);
    if (!fresh) {
      if (state->second == State::InProgress) {
        assembly_.report("The default value of " + description + " depends on itself.",
                         {value.astNode->loc});
      }
      return;
    }
    const ast::Value& literal = *value.astNode->defaultValue;
    coerceOmittedFields(literal, *value.type);
    auto coerced = valueFromAst(literal, *value.type, Value());
    if (coerced.has_value()) {
      value.defaultValue = std::move(*coerced);
    } else {
      assembly_.report(description + " has an invalid default value: " + print(literal) + ".",
                       {ast::locationOf(literal)});
    }
    state->second = State::Done;
  }

  // Coerces the defaults of the input fields `literal` omits, wherever it holds an
  // input object, since coercing `literal` copies them.
  void coerceOmittedFields(const ast::Value& literal, const Type& type) {
    if (type.isNonNull()) {
      coerceOmittedFields(literal, *type.ofType());
      return;
    }
    if (type.isList()) {
      if (const auto* list = std::get_if<ast::ListValue>(&literal)) {
        for (const auto& item : list->values)
          coerceOmittedFields(item, *type.ofType());
      } else {
        coerceOmittedFields(literal, *type.ofType());
      }
      return;
    }
    const auto* object = std::get_if<ast::ObjectValue>(&literal);
    if (object == nullptr || type.kind() != TypeKind::InputObject) return;
    NamedType& inputType = *assembly_.type(type.named().name());
    for (const auto& field : inputType.inputFields()) {
      const ast::ObjectField* given = nullptr;
      for (const auto& objectField : object->fields) {
        if (objectField.name.value == field.name) given = &objectField;
      }
      if (given == nullptr) {
        coerce(*inputType.mutableInputField(field.name), inputFieldName(inputType, field));
      } else if (field.type != nullptr) {
        coerceOmittedFields(given->value, *field.type);
      }
    }
  }

  SchemaAssembly& assembly_;
  std::unordered_map<const InputValue*, State> states_;
};

}  // namespace

void coerceDefaultValues(SchemaAssembly& assembly) {
  DefaultValueCoercion(assembly).run();
}

}  // namespace mt::api
