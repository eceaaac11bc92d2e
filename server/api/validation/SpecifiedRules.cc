#include "SpecifiedRules.h"

namespace mt::api {

std::span<const ValidationRule* const> specifiedRules() {
  static constexpr const ValidationRule* kRules[] = {
      &kExecutableDefinitionsRule,
      &kUniqueOperationNamesRule,
      &kLoneAnonymousOperationRule,
      &kSingleFieldSubscriptionsRule,
      &kKnownTypeNamesRule,
      &kFragmentsOnCompositeTypesRule,
      &kVariablesAreInputTypesRule,
      &kScalarLeafsRule,
      &kFieldsOnCorrectTypeRule,
      &kUniqueFragmentNamesRule,
      &kKnownFragmentNamesRule,
      &kNoUnusedFragmentsRule,
      &kPossibleFragmentSpreadsRule,
      &kNoFragmentCyclesRule,
      &kUniqueVariableNamesRule,
      &kNoUndefinedVariablesRule,
      &kNoUnusedVariablesRule,
      &kKnownDirectivesRule,
      &kUniqueDirectivesPerLocationRule,
      &kKnownArgumentNamesRule,
      &kUniqueArgumentNamesRule,
      &kValuesOfCorrectTypeRule,
      &kProvidedRequiredArgumentsRule,
      &kVariablesInAllowedPositionRule,
      &kOverlappingFieldsCanBeMergedRule,
      &kUniqueInputFieldNamesRule,
      &kMaxIntrospectionDepthRule,
  };
  return kRules;
}

}  // namespace mt::api
