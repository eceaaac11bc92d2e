#include <string>
#include <string_view>
#include <vector>

#include "SpecifiedRules.h"
#include "Suggestions.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Argument Names": every argument given to a field or directive is one it
// defines. Arguments of unknown fields and directives are left alone: their parent
// is already reported.
class KnownArgumentNamesRule {
 public:
  explicit KnownArgumentNamesRule(ValidationContext& context) : context_(context) {}

  void enter(const ast::Directive& directive) {
    // graphql-js's visitor skips a directive's arguments after this (the field check
    // below must not see them).
    inDirective_ = true;
    if (directive.arguments.empty()) return;
    const std::string_view directiveName = directive.name.value;
    const ast::DirectiveDefinition* definition = context_.documentDirective(directiveName);
    const Directive* known =
        definition == nullptr ? context_.schema().directive(directiveName) : nullptr;
    if (definition == nullptr && known == nullptr) return;
    for (const ast::Argument& argument : directive.arguments) {
      const std::string_view name = argument.name.value;
      if (definition != nullptr ? hasArgument(*definition, name) : known->arg(name) != nullptr) {
        continue;
      }
      std::string suggestion;
      if (!context_.hideSuggestions()) {
        std::vector<std::string_view> names;
        if (definition != nullptr) {
          for (const ast::InputValueDefinition& arg : definition->arguments) {
            names.push_back(arg.name.value);
          }
        } else {
          for (const InputValue& arg : known->args)
            names.push_back(arg.name);
        }
        suggestion = didYouMean(suggestionList(name, names));
      }
      context_.reportError("Unknown argument \"" + std::string(name) + "\" on directive \"@" +
                               std::string(directiveName) + "\"." + suggestion,
                           {argument.loc});
    }
  }
  void leave(const ast::Directive& /*directive*/) { inDirective_ = false; }

  void enter(const ast::Argument& argument) {
    if (inDirective_ || context_.argument() != nullptr) return;
    const Field* field = context_.fieldDef();
    const NamedType* parentType = context_.parentType();
    if (field == nullptr || parentType == nullptr) return;
    std::string suggestion;
    if (!context_.hideSuggestions()) {
      std::vector<std::string_view> names;
      names.reserve(field->args.size());
      for (const InputValue& arg : field->args)
        names.push_back(arg.name);
      suggestion = didYouMean(suggestionList(argument.name.value, names));
    }
    context_.reportError("Unknown argument \"" + std::string(argument.name.value) +
                             "\" on field \"" + parentType->name() + "." + field->name + "\"." +
                             suggestion,
                         {argument.loc});
  }

 private:
  static bool hasArgument(const ast::DirectiveDefinition& definition, std::string_view name) {
    for (const ast::InputValueDefinition& arg : definition.arguments) {
      if (arg.name.value == name) return true;
    }
    return false;
  }

  ValidationContext& context_;
  bool inDirective_ = false;
};

}  // namespace

constinit const ValidationRule kKnownArgumentNamesRule =
    makeValidationRule<KnownArgumentNamesRule>("KnownArgumentNamesRule");

}  // namespace mt::api
