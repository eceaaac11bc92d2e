#include "SdlDirectiveChecker.h"

#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include "Printer.h"
#include "Suggestions.h"
#include "ValueFromAst.h"

namespace mt::api {

namespace {

class DirectiveChecker {
 public:
  explicit DirectiveChecker(SchemaAssembly& assembly) : assembly_(assembly) {}

  void checkDocument(const ast::Document& document) {
    for (const auto& definition : document.definitions) {
      std::visit([&](const auto& node) { checkDefinition(node); },
                 static_cast<const ast::Definition::variant&>(definition));
    }
  }

 private:
  // Directive name -> where it was first used, among the directives that share a
  // location: a type and its extensions, the schema and its extensions, or one field,
  // argument or enum value.
  using Seen = std::unordered_map<std::string_view, ast::Location>;

  template <class Node>
  void checkDefinition(const Node& node) {
    using ast::Kind;
    constexpr Kind kind = Node::kind;
    if constexpr (kind == Kind::SchemaDefinition || kind == Kind::SchemaExtension) {
      check(node.directives, DirectiveLocation::Schema, schemaSeen_);
    } else if constexpr (kind == Kind::ScalarTypeDefinition || kind == Kind::ScalarTypeExtension) {
      check(node.directives, DirectiveLocation::Scalar, typeSeen_[node.name.value]);
    } else if constexpr (kind == Kind::ObjectTypeDefinition || kind == Kind::ObjectTypeExtension) {
      check(node.directives, DirectiveLocation::Object, typeSeen_[node.name.value]);
      checkFields(node.fields);
    } else if constexpr (kind == Kind::InterfaceTypeDefinition ||
                         kind == Kind::InterfaceTypeExtension) {
      check(node.directives, DirectiveLocation::Interface, typeSeen_[node.name.value]);
      checkFields(node.fields);
    } else if constexpr (kind == Kind::UnionTypeDefinition || kind == Kind::UnionTypeExtension) {
      check(node.directives, DirectiveLocation::Union, typeSeen_[node.name.value]);
    } else if constexpr (kind == Kind::EnumTypeDefinition || kind == Kind::EnumTypeExtension) {
      check(node.directives, DirectiveLocation::Enum, typeSeen_[node.name.value]);
      for (const auto& value : node.values) {
        Seen seen;
        check(value.directives, DirectiveLocation::EnumValue, seen);
      }
    } else if constexpr (kind == Kind::InputObjectTypeDefinition ||
                         kind == Kind::InputObjectTypeExtension) {
      check(node.directives, DirectiveLocation::InputObject, typeSeen_[node.name.value]);
      checkInputValues(node.fields, DirectiveLocation::InputFieldDefinition);
    } else if constexpr (kind == Kind::DirectiveDefinition) {
      checkInputValues(node.arguments, DirectiveLocation::ArgumentDefinition);
    }
    // Operations and fragments are reported by indexSdl.
  }

  void checkFields(const std::vector<ast::FieldDefinition>& fields) {
    for (const auto& field : fields) {
      Seen seen;
      check(field.directives, DirectiveLocation::FieldDefinition, seen);
      checkInputValues(field.arguments, DirectiveLocation::ArgumentDefinition);
    }
  }

  void checkInputValues(const std::vector<ast::InputValueDefinition>& values,
                        DirectiveLocation location) {
    for (const auto& value : values) {
      Seen seen;
      check(value.directives, location, seen);
    }
  }

  void check(const std::vector<ast::Directive>& directives, DirectiveLocation location,
             Seen& seen) {
    for (const auto& node : directives) {
      const std::string name(node.name.value);
      const Directive* directive = assembly_.directive(name);
      if (directive == nullptr) {
        assembly_.report("Unknown directive \"@" + name + "\".", {node.loc});
        continue;
      }
      if (!directive->isAllowedAt(location)) {
        assembly_.report("Directive \"@" + name + "\" may not be used on " +
                             std::string(directiveLocationName(location)) + ".",
                         {node.loc});
      }
      if (!directive->isRepeatable) {
        const auto [first, fresh] = seen.emplace(node.name.value, node.loc);
        if (!fresh) {
          assembly_.report(
              "The directive \"@" + name + "\" can only be used once at this location.",
              {first->second, node.loc});
        }
      }
      checkArguments(node, *directive);
    }
  }

  void checkArguments(const ast::Directive& node, const Directive& directive) {
    std::unordered_map<std::string_view, ast::Location> given;
    for (const auto& argument : node.arguments) {
      const auto [first, fresh] = given.emplace(argument.name.value, argument.name.loc);
      if (!fresh) {
        assembly_.report(
            "There can be only one argument named \"" + std::string(argument.name.value) + "\".",
            {first->second, argument.name.loc});
        continue;
      }
      const InputValue* definition = directive.arg(argument.name.value);
      if (definition == nullptr) {
        std::vector<std::string_view> names;
        for (const auto& arg : directive.args)
          names.push_back(arg.name);
        assembly_.report("Unknown argument \"" + std::string(argument.name.value) +
                             "\" on directive \"@" + directive.name + "\"." +
                             didYouMean(suggestionList(argument.name.value, names)),
                         {argument.loc});
        continue;
      }
      if (definition->type != nullptr &&
          !valueFromAst(argument.value, *definition->type, Value()).has_value()) {
        assembly_.report("Argument \"@" + directive.name + "(" + definition->name +
                             ":)\" has invalid value " + print(argument.value) + ".",
                         {argument.loc});
      }
    }
    for (const auto& arg : directive.args) {
      if (arg.type != nullptr && arg.isRequired() && !given.contains(arg.name)) {
        assembly_.report("Directive \"@" + directive.name + "\" argument \"" + arg.name +
                             "\" of type \"" + arg.type->str() +
                             "\" is required, but it was not provided.",
                         {node.loc});
      }
    }
  }

  SchemaAssembly& assembly_;
  Seen schemaSeen_;
  std::unordered_map<std::string_view, Seen> typeSeen_;
};

}  // namespace

void checkSdlDirectives(const ast::Document& document, SchemaAssembly& assembly) {
  DirectiveChecker(assembly).checkDocument(document);
}

}  // namespace mt::api
