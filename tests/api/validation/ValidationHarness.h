#pragma once

#include <gtest/gtest.h>

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "GraphQLError.h"
#include "Schema.h"
#include "Validate.h"
#include "ValidationRule.h"

// The validation tests' schemas and checks, after graphql-js's validation test
// harness.
//
// Documents are written as raw strings that start with a newline, so a document's
// first line is line 2 of its errors' locations, and its text sits at the left margin
// where its columns can be read off.

namespace mt::api {

void PrintTo(const ErrorLocation& location, std::ostream* out);

// An error as the tests expect it: message and locations, compared exactly.
struct ExpectedError {
  std::string message;
  std::vector<ErrorLocation> locations;

  bool operator==(const ExpectedError&) const = default;
};
void PrintTo(const ExpectedError& error, std::ostream* out);

// Beings, pets (Dog, Cat), Human, Alien, their interfaces and unions, ComplicatedArgs
// with an argument of every kind, a @oneOf input, the custom scalars Any (accepts
// every literal) and Invalid (refuses every literal), mutation and subscription
// roots, and directives for each executable location.
const Schema& testSchema();
// Boxes whose fields share names but not types, for OverlappingFieldsCanBeMerged.
const Schema& boxSchema();

// Parses `document` (which must parse) and validates it with `rules`.
std::vector<ExpectedError> validateWith(std::span<const ValidationRule* const> rules,
                                        std::string_view document, const Schema& schema,
                                        ValidationOptions options = {});

void expectErrors(std::span<const ValidationRule* const> rules, std::string_view document,
                  const std::vector<ExpectedError>& expected, const Schema& schema = testSchema());
void expectErrors(const ValidationRule& rule, std::string_view document,
                  const std::vector<ExpectedError>& expected, const Schema& schema = testSchema());
void expectValid(std::span<const ValidationRule* const> rules, std::string_view document,
                 const Schema& schema = testSchema());
void expectValid(const ValidationRule& rule, std::string_view document,
                 const Schema& schema = testSchema());

}  // namespace mt::api
