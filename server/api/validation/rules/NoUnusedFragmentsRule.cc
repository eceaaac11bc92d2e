#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Fragments must be used": a fragment no operation reaches, directly or through
// other fragments, is most likely a mistake.
class NoUnusedFragmentsRule {
 public:
  explicit NoUnusedFragmentsRule(ValidationContext& context)
      : context_(context), operations_(context.memory()), fragments_(context.memory()) {}

  void enter(const ast::OperationDefinition& operation) { operations_.push_back(&operation); }
  void enter(const ast::FragmentDefinition& fragment) { fragments_.push_back(&fragment); }

  void leave(const ast::Document& /*document*/) {
    std::pmr::unordered_set<std::string_view> used(context_.memory());
    for (const ast::FragmentDefinition* fragment :
         context_.recursivelyReferencedFragmentsForOperations(operations_)) {
      used.insert(fragment->name.value);
    }
    for (const ast::FragmentDefinition* fragment : fragments_) {
      if (used.contains(fragment->name.value)) continue;
      context_.reportError("Fragment \"" + std::string(fragment->name.value) + "\" is never used.",
                           {fragment->loc});
    }
  }

 private:
  ValidationContext& context_;
  std::pmr::vector<const ast::OperationDefinition*> operations_;
  std::pmr::vector<const ast::FragmentDefinition*> fragments_;
};

}  // namespace

constinit const ValidationRule kNoUnusedFragmentsRule =
    makeValidationRule<NoUnusedFragmentsRule>("NoUnusedFragmentsRule");

}  // namespace mt::api
