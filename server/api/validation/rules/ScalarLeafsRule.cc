#include <string>

#include "SpecifiedRules.h"
#include "ValidationContext.h"

namespace mt::api {

namespace {

// Spec "Leaf Field Selections": scalars and enums are where a response ends, so they
// take no selection; every other field must say which of its fields it wants.
class ScalarLeafsRule {
 public:
  explicit ScalarLeafsRule(ValidationContext& context) : context_(context) {}

  void enter(const ast::Field& field) {
    const Type* type = context_.type();
    if (type == nullptr) return;
    const std::string name(field.name.value);
    if (type->named().isLeaf()) {
      if (field.selectionSet) {
        context_.reportError("Field \"" + name + "\" must not have a selection since type \"" +
                                 type->str() + "\" has no subfields.",
                             {field.selectionSet->loc});
      }
    } else if (!field.selectionSet) {
      context_.reportError("Field \"" + name + "\" of type \"" + type->str() +
                               "\" must have a selection of subfields. Did you mean \"" + name +
                               " { ... }\"?",
                           {field.loc});
    } else if (field.selectionSet->selections.empty()) {
      // Only a document built by hand gets here: the parser refuses `{}`.
      context_.reportError("Field \"" + name + "\" of type \"" + type->str() +
                               "\" must have at least one field selected.",
                           {field.loc});
    }
  }

 private:
  ValidationContext& context_;
};

}  // namespace

constinit const ValidationRule kScalarLeafsRule =
    makeValidationRule<ScalarLeafsRule>("ScalarLeafsRule");

}  // namespace mt::api
