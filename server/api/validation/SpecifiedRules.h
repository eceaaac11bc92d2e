#pragma once

#include <span>

#include "ValidationRule.h"

namespace mt::api {

// The rules of the specification's "Validation" section, in graphql-js 16's order
// (which it chose for the clearest output when a document has several errors),
// followed, as in graphql-js, by MaxIntrospectionDepthRule.
std::span<const ValidationRule* const> specifiedRules();

// Each rule, under graphql-js's name, for running a chosen few.
extern const ValidationRule kExecutableDefinitionsRule;
extern const ValidationRule kUniqueOperationNamesRule;
extern const ValidationRule kLoneAnonymousOperationRule;
extern const ValidationRule kSingleFieldSubscriptionsRule;
extern const ValidationRule kKnownTypeNamesRule;
extern const ValidationRule kFragmentsOnCompositeTypesRule;
extern const ValidationRule kVariablesAreInputTypesRule;
extern const ValidationRule kScalarLeafsRule;
extern const ValidationRule kFieldsOnCorrectTypeRule;
extern const ValidationRule kUniqueFragmentNamesRule;
extern const ValidationRule kKnownFragmentNamesRule;
extern const ValidationRule kNoUnusedFragmentsRule;
extern const ValidationRule kPossibleFragmentSpreadsRule;
extern const ValidationRule kNoFragmentCyclesRule;
extern const ValidationRule kUniqueVariableNamesRule;
extern const ValidationRule kNoUndefinedVariablesRule;
extern const ValidationRule kNoUnusedVariablesRule;
extern const ValidationRule kKnownDirectivesRule;
extern const ValidationRule kUniqueDirectivesPerLocationRule;
extern const ValidationRule kKnownArgumentNamesRule;
extern const ValidationRule kUniqueArgumentNamesRule;
extern const ValidationRule kValuesOfCorrectTypeRule;
extern const ValidationRule kProvidedRequiredArgumentsRule;
extern const ValidationRule kVariablesInAllowedPositionRule;
extern const ValidationRule kOverlappingFieldsCanBeMergedRule;
extern const ValidationRule kUniqueInputFieldNamesRule;
extern const ValidationRule kMaxIntrospectionDepthRule;

// Defences, not in the specification; validate() adds each when ValidationOptions
// sets its limit.
extern const ValidationRule kMaxSelectionDepthRule;
extern const ValidationRule kMaxFieldCountRule;
extern const ValidationRule kMaxAliasCountRule;

}  // namespace mt::api
