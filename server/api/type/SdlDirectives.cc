#include "SdlDirectives.h"

#include "Directive.h"

namespace mt::api {

const ast::Directive* findDirective(const std::vector<ast::Directive>& directives,
                                    std::string_view name) {
  for (const auto& directive : directives) {
    if (directive.name.value == name) return &directive;
  }
  return nullptr;
}

const ast::Argument* findArgument(const ast::Directive& directive, std::string_view name) {
  for (const auto& argument : directive.arguments) {
    if (argument.name.value == name) return &argument;
  }
  return nullptr;
}

const std::string* stringArgument(const ast::Directive& directive, std::string_view name) {
  const ast::Argument* argument = findArgument(directive, name);
  if (argument == nullptr) return nullptr;
  const auto* string = std::get_if<ast::StringValue>(&argument->value);
  return string == nullptr ? nullptr : &string->value;
}

std::optional<std::string> deprecationReason(const std::vector<ast::Directive>& directives) {
  const ast::Directive* deprecated = findDirective(directives, "deprecated");
  if (deprecated == nullptr) return std::nullopt;
  const ast::Argument* reason = findArgument(*deprecated, "reason");
  if (reason == nullptr) return std::string(kDefaultDeprecationReason);
  if (std::holds_alternative<ast::NullValue>(reason->value)) return std::nullopt;
  if (const auto* text = std::get_if<ast::StringValue>(&reason->value)) return text->value;
  return std::string(kDefaultDeprecationReason);
}

}  // namespace mt::api
