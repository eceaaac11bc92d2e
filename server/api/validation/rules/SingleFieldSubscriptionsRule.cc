#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

#include "Printer.h"
#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Single root field": a subscription delivers events of one source stream, so
// it selects exactly one root field, and not an introspection one.
//
// As graphql-js does, the root fields are collected the way execution collects them
// (@skip and @include applied, fragments whose condition cannot match the root type
// dropped), with no variable values. An @skip or @include whose `if` is then not a
// literal boolean makes graphql-js's validate() throw; we report the same message as
// an error and stop validating.
class SingleFieldSubscriptionsRule {
 public:
  explicit SingleFieldSubscriptionsRule(ValidationContext& context)
      : context_(context),
        groups_(context.memory()),
        groupIndex_(context.memory()),
        visitedFragments_(context.memory()) {}

  void enter(const ast::OperationDefinition& operation) {
    if (operation.operation != ast::OperationType::Subscription) return;
    const NamedType* subscriptionType = context_.schema().subscriptionType();
    if (subscriptionType == nullptr) return;
    if (!definitionsCounted_) {
      context_.spendFragmentWork(context_.document().definitions.size());
      definitionsCounted_ = true;
    }
    groups_.clear();
    groupIndex_.clear();
    visitedFragments_.clear();
    collectFields(*subscriptionType, operation.selectionSet);

    const std::string subject = operation.name
                                    ? "Subscription \"" + std::string(operation.name->value) + "\""
                                    : std::string("Anonymous Subscription");
    if (groups_.size() > 1) {
      std::vector<ErrorLocation> locations;
      for (std::size_t i = 1; i < groups_.size(); ++i) {
        for (const ast::Field* field : groups_[i]) {
          locations.push_back(ValidationContext::locationOf(field->loc));
        }
      }
      context_.reportError(subject + " must select only one top level field.",
                           std::move(locations));
    }
    for (const auto& fields : groups_) {
      if (!fields.front()->name.value.starts_with("__")) continue;
      std::vector<ErrorLocation> locations;
      locations.reserve(fields.size());
      for (const ast::Field* field : fields) {
        locations.push_back(ValidationContext::locationOf(field->loc));
      }
      context_.reportError(subject + " must not select an introspection top level field.",
                           std::move(locations));
    }
  }

 private:
  using FieldGroup = std::pmr::vector<const ast::Field*>;

  void collectFields(const NamedType& rootType, const ast::SelectionSet& set) {
    context_.checkStack();
    spendSelectionSetWork(set);
    for (const ast::Selection& selection : set.selections) {
      if (const auto* field = std::get_if<ast::Field>(&selection)) {
        if (!shouldInclude(field->directives)) continue;
        const auto [entry, inserted] =
            groupIndex_.try_emplace(field->responseKey(), groups_.size());
        if (inserted) groups_.emplace_back();
        groups_[entry->second].push_back(field);
      } else if (const auto* inlineFragment = std::get_if<ast::InlineFragment>(&selection)) {
        if (!shouldInclude(inlineFragment->directives) ||
            !conditionMatches(
                inlineFragment->typeCondition ? &*inlineFragment->typeCondition : nullptr,
                rootType)) {
          continue;
        }
        collectFields(rootType, inlineFragment->selectionSet);
      } else {
        const auto& spread = std::get<ast::FragmentSpread>(selection);
        if (visitedFragments_.contains(spread.name.value) || !shouldInclude(spread.directives)) {
          continue;
        }
        visitedFragments_.insert(spread.name.value);
        const ast::FragmentDefinition* fragment = context_.fragment(spread.name.value);
        if (fragment == nullptr || !conditionMatches(&fragment->typeCondition, rootType)) continue;
        collectFields(rootType, fragment->selectionSet);
      }
    }
  }

  void spendSelectionSetWork(const ast::SelectionSet& set) {
    context_.spendFragmentWork(set.selections.size());
    for (const ast::Selection& selection : set.selections) {
      const auto& directives = std::visit(
          [](const auto& node) -> const std::vector<ast::Directive>& { return node.directives; },
          static_cast<const ast::Selection::variant&>(selection));
      context_.spendFragmentWork(directives.size());
      for (const ast::Directive& directive : directives) {
        if (directive.name.value == "skip" || directive.name.value == "include") {
          context_.spendFragmentWork(directive.arguments.size());
        }
      }
    }
  }

  bool conditionMatches(const ast::NamedType* typeCondition, const NamedType& rootType) const {
    if (typeCondition == nullptr) return true;
    const NamedType* conditionType = context_.namedTypeFromAst(*typeCondition);
    if (conditionType == &rootType) return true;
    return conditionType != nullptr && conditionType->isAbstract() &&
           conditionType->isSubType(rootType);
  }

  // Execution's shouldIncludeNode with no variables.
  bool shouldInclude(const std::vector<ast::Directive>& directives) {
    if (const ast::Directive* skip = find(directives, "skip"); skip && ifArgument(*skip)) {
      return false;
    }
    if (const ast::Directive* include = find(directives, "include");
        include && !ifArgument(*include)) {
      return false;
    }
    return true;
  }

  static const ast::Directive* find(const std::vector<ast::Directive>& directives,
                                    std::string_view name) {
    for (const ast::Directive& directive : directives) {
      if (directive.name.value == name) return &directive;
    }
    return nullptr;
  }

  // The `if: Boolean!` argument of @skip or @include, coerced as execution's
  // getArgumentValues coerces it (the last argument of that name counts).
  bool ifArgument(const ast::Directive& directive) {
    const ast::Argument* argument = nullptr;
    for (const ast::Argument& candidate : directive.arguments) {
      if (candidate.name.value == "if") argument = &candidate;
    }
    if (argument == nullptr) {
      fail("Argument \"if\" of required type \"Boolean!\" was not provided.", directive.loc);
    }
    const ast::Value& value = argument->value;
    if (const auto* variable = std::get_if<ast::Variable>(&value)) {
      fail("Argument \"if\" of required type \"Boolean!\" was provided the variable \"$" +
               std::string(variable->name.value) + "\" which was not provided a runtime value.",
           variable->loc);
    }
    if (const auto* null = std::get_if<ast::NullValue>(&value)) {
      fail("Argument \"if\" of non-null type \"Boolean!\" must not be null.", null->loc);
    }
    if (const auto* boolean = std::get_if<ast::BooleanValue>(&value)) return boolean->value;
    fail("Argument \"if\" has invalid value " + print(value) + ".", ast::locationOf(value));
  }

  [[noreturn]] void fail(const std::string& message, const ast::Location& location) {
    context_.reportError(message, {location});
    throw ValidationAborted{};
  }

  ValidationContext& context_;
  bool definitionsCounted_ = false;
  std::pmr::vector<FieldGroup> groups_;
  std::pmr::unordered_map<std::string_view, std::size_t> groupIndex_;
  std::pmr::unordered_set<std::string_view> visitedFragments_;
};

}  // namespace

constinit const ValidationRule kSingleFieldSubscriptionsRule =
    makeValidationRule<SingleFieldSubscriptionsRule>("SingleFieldSubscriptionsRule");

}  // namespace mt::api
