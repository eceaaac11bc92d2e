#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_set>
#include <variant>
#include <vector>

#include "SpecifiedRules.h"
#include "Suggestions.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Fragment Spread Type Existence" and "Variables Are Input Types" (in part):
// every type a document names exists. As in graphql-js, types the document itself
// defines count as known (such a document is refused as not executable anyway).
class KnownTypeNamesRule {
 public:
  explicit KnownTypeNamesRule(ValidationContext& context)
      : context_(context), definedTypes_(context.memory()) {
    for (const ast::Definition& definition : context.document().definitions) {
      std::visit(
          [this](const auto& node) {
            using Node = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<Node, ast::ScalarTypeDefinition> ||
                          std::is_same_v<Node, ast::ObjectTypeDefinition> ||
                          std::is_same_v<Node, ast::InterfaceTypeDefinition> ||
                          std::is_same_v<Node, ast::UnionTypeDefinition> ||
                          std::is_same_v<Node, ast::EnumTypeDefinition> ||
                          std::is_same_v<Node, ast::InputObjectTypeDefinition>) {
              definedTypes_.insert(node.name.value);
            }
          },
          static_cast<const ast::Definition::variant&>(definition));
    }
  }

  void enter(const ast::NamedType& node) {
    const std::string_view name = node.name.value;
    if (context_.schema().type(name) != nullptr || definedTypes_.contains(name)) return;
    std::string suggestion;
    if (!context_.hideSuggestions()) {
      std::vector<std::string_view> names;
      for (const NamedType* type : context_.schema().types())
        names.push_back(type->name());
      names.insert(names.end(), definedTypes_.begin(), definedTypes_.end());
      suggestion = didYouMean(suggestionList(name, names));
    }
    context_.reportError("Unknown type \"" + std::string(name) + "\"." + suggestion, {node.loc});
  }

 private:
  ValidationContext& context_;
  std::pmr::unordered_set<std::string_view> definedTypes_;
};

}  // namespace

constinit const ValidationRule kKnownTypeNamesRule =
    makeValidationRule<KnownTypeNamesRule>("KnownTypeNamesRule");

}  // namespace mt::api
