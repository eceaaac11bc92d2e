#include "Validate.h"

#include <array>
#include <cstddef>
#include <memory_resource>

#include "ParallelVisitor.h"
#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// What a typical validation allocates (rules, their tables, TypeInfo's stacks), so
// that it takes no heap memory beyond its errors; a large document spills over into
// the heap.
constexpr std::size_t kArenaBytes = 16 * 1024;

}  // namespace

std::vector<GraphQLError> validate(const Schema& schema, const ast::Document& document,
                                   const ValidationOptions& options) {
  alignas(std::max_align_t) std::array<std::byte, kArenaBytes> buffer;
  std::pmr::monotonic_buffer_resource memory(buffer.data(), buffer.size());
  ValidationContext context(schema, document, options, &memory);
  {
    RuleSet rules(&memory);
    for (const ValidationRule* rule : options.rules.empty() ? specifiedRules() : options.rules) {
      rule->instantiate(rules, context);
    }
    if (options.maxSelectionDepth) kMaxSelectionDepthRule.instantiate(rules, context);
    if (options.maxFieldCount) kMaxFieldCountRule.instantiate(rules, context);
    if (options.maxAliasCount) kMaxAliasCountRule.instantiate(rules, context);
    rules.hooks().seal();
    try {
      ParallelVisitor(context, rules.hooks()).visit(document);
    } catch (const ValidationAborted&) {
      // The context knows why and says so in the errors.
    }
  }
  return context.takeErrors();
}

}  // namespace mt::api
