// libFuzzer target for the GraphQL parser and printer. Beyond "does not crash": a
// syntax error is well formed and points inside the document, and whatever parses
// prints to text that parses again and prints the same (print is stable).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "Parser.h"
#include "Printer.h"

namespace {

using namespace mt::api;

[[noreturn]] void fail(const char* what, const std::string& detail = {}) {
  std::fprintf(stderr, "graphql_parser_fuzzer: %s\n%s\n", what, detail.c_str());
  std::abort();
}

void check(bool condition, const char* what, const std::string& detail = {}) {
  if (!condition) fail(what, detail);
}

void checkSyntaxError(const GraphQLSyntaxError& error, const std::string& text) {
  check(std::string_view(error.what()).starts_with("Syntax Error: "), "message without prefix");
  check(!error.description().empty(), "empty description");
  check(error.locations.size() == 1, "not one location");
  check(error.offset() <= text.size(), "offset past the end");
  SourceLocation where = Source(text).locationOf(error.offset());
  check(error.location() == ErrorLocation{where.line, where.column}, "location disagrees",
        error.what());
}

// Printing must not need more tokens or depth than the original had, so the reparse
// uses the same limits.
template <class ParseFn, class PrintFn>
void checkStablePrint(const std::string& printed, const ParseOptions& options, ParseFn parseFn,
                      PrintFn printFn) {
  std::string reprinted;
  try {
    reprinted = printFn(parseFn(printed, options));
  } catch (const GraphQLSyntaxError& error) {
    fail("printed text does not parse", std::string(error.what()) + "\n---\n" + printed);
  }
  check(reprinted == printed, "print is not stable", printed + "\n---\n" + reprinted);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the entry point and the limits, so every limit is reachable
  // with short inputs.
  std::uint8_t control = data[0];
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  ParseOptions options;
  if (control & 1) {
    options.maxTokens = 64;
    options.maxDepth = 8;
  }

  try {
    switch ((control >> 1) % 4) {
      case 0:
      case 1: {
        auto document = parse(text, options);
        check(document->tokenCount <= options.maxTokens, "token limit exceeded");
        check(document->loc.end == text.size(), "document does not end at the end");
        checkStablePrint(
            print(*document), options,
            [](const std::string& t, const ParseOptions& o) { return parse(t, o); },
            [](const auto& d) { return print(*d); });
        break;
      }
      case 2: {
        ParsedValue value = parseValue(text, options);
        checkStablePrint(
            print(value.value), options,
            [](const std::string& t, const ParseOptions& o) { return parseValue(t, o); },
            [](const ParsedValue& v) { return print(v.value); });
        break;
      }
      case 3: {
        ParsedType type = parseType(text, options);
        checkStablePrint(
            print(type.type), options,
            [](const std::string& t, const ParseOptions& o) { return parseType(t, o); },
            [](const ParsedType& t) { return print(t.type); });
        break;
      }
    }
  } catch (const GraphQLSyntaxError& error) {
    checkSyntaxError(error, text);
  }
  return 0;
}
