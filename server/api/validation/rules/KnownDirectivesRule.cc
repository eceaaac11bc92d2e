#include <algorithm>
#include <string>
#include <string_view>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Directives Are Defined" and "Directives Are In Valid Locations".
class KnownDirectivesRule {
 public:
  explicit KnownDirectivesRule(ValidationContext& context) : context_(context) {}

  void enter(const ast::Directive& directive) {
    const std::string_view name = directive.name.value;
    const DirectiveLocation location = context_.directiveLocation();
    bool allowed = false;
    if (const ast::DirectiveDefinition* defined = context_.documentDirective(name)) {
      allowed = std::any_of(defined->locations.begin(), defined->locations.end(),
                            [location](const ast::Name& allowedLocation) {
                              return directiveLocationFromName(allowedLocation.value) == location;
                            });
    } else if (const Directive* known = context_.schema().directive(name)) {
      allowed = known->isAllowedAt(location);
    } else {
      context_.reportError("Unknown directive \"@" + std::string(name) + "\".", {directive.loc});
      return;
    }
    if (allowed) return;
    context_.reportError("Directive \"@" + std::string(name) + "\" may not be used on " +
                             std::string(directiveLocationName(location)) + ".",
                         {directive.loc});
  }

 private:
  ValidationContext& context_;
};

}  // namespace

constinit const ValidationRule kKnownDirectivesRule =
    makeValidationRule<KnownDirectivesRule>("KnownDirectivesRule");

}  // namespace mt::api
