#include "SchemaValidator.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "TypeComparators.h"

namespace mt::api {

namespace {

std::vector<ast::Location> locationOf(const ast::InputValueDefinition* node) {
  if (node == nullptr) return {};
  return {ast::locationOf(node->type)};
}

std::vector<ast::Location> locationsOf(const NamedType& type) {
  std::vector<ast::Location> locations;
  for (const ast::Definition* node : type.astNodes())
    locations.push_back(ast::locationOf(*node));
  return locations;
}

class SchemaValidator {
 public:
  explicit SchemaValidator(SchemaAssembly& assembly) : assembly_(assembly) {}

  void run() {
    validateRootTypes();
    for (const Directive* directive : assembly_.directives())
      validateDirective(*directive);
    for (const NamedType* type : assembly_.types()) {
      if (assembly_.isSpecified(*type)) continue;  // the engine's own are valid
      validateType(*type);
    }
  }

 private:
  void report(std::string message, std::vector<ast::Location> where = {}) {
    assembly_.report(std::move(message), where);
  }

  // Names starting with "__" belong to introspection.
  void validateName(const std::string& name, std::vector<ast::Location> where) {
    if (name.starts_with("__")) {
      report("Name \"" + name +
                 "\" must not begin with \"__\", which is reserved by GraphQL introspection.",
             std::move(where));
    }
  }

  void validateRootTypes() {
    const NamedType* query = assembly_.rootType(ast::OperationType::Query);
    if (query == nullptr) {
      report("Query root type must be provided.");
    } else if (query->kind() != TypeKind::Object) {
      report("Query root type must be Object type, it cannot be " + query->name() + ".",
             locationsOf(*query));
    }
    for (const auto& [operation, word] :
         {std::pair{ast::OperationType::Mutation, "Mutation"},
          std::pair{ast::OperationType::Subscription, "Subscription"}}) {
      const NamedType* root = assembly_.rootType(operation);
      if (root != nullptr && root->kind() != TypeKind::Object) {
        report(std::string(word) + " root type must be Object type if provided, it cannot be " +
                   root->name() + ".",
               locationsOf(*root));
      }
    }
  }

  void validateDirective(const Directive& directive) {
    if (assembly_.isSpecified(directive)) return;
    validateName(directive.name, {directive.astNode->name.loc});
    for (const auto& arg : directive.args) {
      validateName(arg.name, {arg.astNode->name.loc});
      if (arg.type != nullptr && !arg.type->isInputType()) {
        report("The type of @" + directive.name + "(" + arg.name +
                   ":) must be Input Type but got: " + arg.type->str() + ".",
               locationOf(arg.astNode));
      }
      if (arg.type != nullptr && arg.isRequired() && arg.isDeprecated()) {
        report("Required argument @" + directive.name + "(" + arg.name + ":) cannot be deprecated.",
               locationOf(arg.astNode));
      }
    }
  }

  void validateType(const NamedType& type) {
    if (!type.astNodes().empty()) {
      validateName(type.name(), {ast::locationOf(*type.astNodes().front())});
    }
    switch (type.kind()) {
      case TypeKind::Object:
      case TypeKind::Interface:
        validateFields(type);
        validateInterfaces(type);
        return;
      case TypeKind::Union:
        validateUnionMembers(type);
        return;
      case TypeKind::Enum:
        if (type.enumValues().empty()) {
          report("Enum type " + type.name() + " must define one or more values.",
                 locationsOf(type));
        }
        for (const auto& value : type.enumValues()) {
          validateName(value.name, {value.astNode->name.loc});
        }
        return;
      case TypeKind::InputObject: {
        validateInputFields(type);
        std::vector<const InputValue*> path;
        std::unordered_map<const NamedType*, std::size_t> pathIndex;
        findNonNullCycles(type, path, pathIndex);
        return;
      }
      default:
        return;
    }
  }

  void validateFields(const NamedType& type) {
    if (type.fields().empty()) {
      report("Type " + type.name() + " must define one or more fields.", locationsOf(type));
    }
    for (const auto& field : type.fields()) {
      validateName(field.name, {field.astNode->name.loc});
      if (field.type != nullptr && !field.type->isOutputType()) {
        report("The type of " + type.name() + "." + field.name +
                   " must be Output Type but got: " + field.type->str() + ".",
               {ast::locationOf(field.astNode->type)});
      }
      for (const auto& arg : field.args) {
        validateName(arg.name, {arg.astNode->name.loc});
        if (arg.type != nullptr && !arg.type->isInputType()) {
          report("The type of " + type.name() + "." + field.name + "(" + arg.name +
                     ":) must be Input Type but got: " + arg.type->str() + ".",
                 locationOf(arg.astNode));
        }
        if (arg.type != nullptr && arg.isRequired() && arg.isDeprecated()) {
          report("Required argument " + type.name() + "." + field.name + "(" + arg.name +
                     ":) cannot be deprecated.",
                 locationOf(arg.astNode));
        }
      }
    }
  }

  void validateInterfaces(const NamedType& type) {
    for (const NamedType* iface : type.interfaces()) {
      if (iface->kind() != TypeKind::Interface) {
        report("Type " + type.name() +
                   " must only implement Interface types, it cannot implement " + iface->name() +
                   ".",
               locationsOf(type));
        continue;
      }
      if (iface == &type) {
        report("Type " + type.name() +
                   " cannot implement itself because it would create a circular reference.",
               locationsOf(type));
        continue;
      }
      validateImplementsAncestors(type, *iface);
      validateImplementsInterface(type, *iface);
    }
  }

  // Whatever `iface` implements, `type` must declare too.
  void validateImplementsAncestors(const NamedType& type, const NamedType& iface) {
    for (const NamedType* transitive : iface.interfaces()) {
      bool declared = false;
      for (const NamedType* own : type.interfaces())
        declared = declared || own == transitive;
      if (declared) continue;
      report(transitive == &type ? "Type " + type.name() + " cannot implement " + iface.name() +
                                       " because it would create a circular reference."
                                 : "Type " + type.name() + " must implement " + transitive->name() +
                                       " because it is implemented by " + iface.name() + ".",
             locationsOf(type));
    }
  }

  // The specification's IsValidImplementation for one interface.
  void validateImplementsInterface(const NamedType& type, const NamedType& iface) {
    for (const auto& ifaceField : iface.fields()) {
      const std::string& fieldName = ifaceField.name;
      const Field* typeField = type.field(fieldName);
      if (typeField == nullptr) {
        std::vector<ast::Location> where = {ifaceField.astNode->loc};
        for (const auto& location : locationsOf(type))
          where.push_back(location);
        report("Interface field " + iface.name() + "." + fieldName + " expected but " +
                   type.name() + " does not provide it.",
               where);
        continue;
      }
      if (ifaceField.type != nullptr && typeField->type != nullptr &&
          !isTypeSubTypeOf(*typeField->type, *ifaceField.type)) {
        report(
            "Interface field " + iface.name() + "." + fieldName + " expects type " +
                ifaceField.type->str() + " but " + type.name() + "." + fieldName + " is type " +
                typeField->type->str() + ".",
            {ast::locationOf(ifaceField.astNode->type), ast::locationOf(typeField->astNode->type)});
      }
      for (const auto& ifaceArg : ifaceField.args) {
        const InputValue* typeArg = typeField->arg(ifaceArg.name);
        if (typeArg == nullptr) {
          report("Interface field argument " + iface.name() + "." + fieldName + "(" +
                     ifaceArg.name + ":) expected but " + type.name() + "." + fieldName +
                     " does not provide it.",
                 {ifaceArg.astNode->loc, typeField->astNode->loc});
          continue;
        }
        // Invariant, as graphql-js has it.
        if (ifaceArg.type != nullptr && typeArg->type != nullptr &&
            !isEqualType(*ifaceArg.type, *typeArg->type)) {
          report(
              "Interface field argument " + iface.name() + "." + fieldName + "(" + ifaceArg.name +
                  ":) expects type " + ifaceArg.type->str() + " but " + type.name() + "." +
                  fieldName + "(" + ifaceArg.name + ":) is type " + typeArg->type->str() + ".",
              {ast::locationOf(ifaceArg.astNode->type), ast::locationOf(typeArg->astNode->type)});
        }
      }
      for (const auto& typeArg : typeField->args) {
        if (ifaceField.arg(typeArg.name) == nullptr && typeArg.type != nullptr &&
            typeArg.isRequired()) {
          report("Object field " + type.name() + "." + fieldName + " includes required argument " +
                     typeArg.name + " that is missing from the Interface field " + iface.name() +
                     "." + fieldName + ".",
                 {typeArg.astNode->loc, ifaceField.astNode->loc});
        }
      }
    }
  }

  void validateUnionMembers(const NamedType& type) {
    if (type.possibleTypes().empty()) {
      report("Union type " + type.name() + " must define one or more member types.",
             locationsOf(type));
    }
    for (const NamedType* member : type.possibleTypes()) {
      if (member->kind() != TypeKind::Object) {
        report("Union type " + type.name() + " can only include Object types, it cannot include " +
                   member->name() + ".",
               locationsOf(type));
      }
    }
  }

  void validateInputFields(const NamedType& type) {
    if (type.inputFields().empty()) {
      report("Input Object type " + type.name() + " must define one or more fields.",
             locationsOf(type));
    }
    for (const auto& field : type.inputFields()) {
      validateName(field.name, {field.astNode->name.loc});
      if (field.type == nullptr) continue;
      if (!field.type->isInputType()) {
        report("The type of " + type.name() + "." + field.name +
                   " must be Input Type but got: " + field.type->str() + ".",
               locationOf(field.astNode));
      }
      if (field.isRequired() && field.isDeprecated()) {
        report("Required input field " + type.name() + "." + field.name + " cannot be deprecated.",
               locationOf(field.astNode));
      }
      if (type.isOneOf()) {
        if (field.type->isNonNull()) {
          report("OneOf input field " + type.name() + "." + field.name + " must be nullable.",
                 locationOf(field.astNode));
        }
        if (field.astNode->defaultValue.has_value()) {
          report("OneOf input field " + type.name() + "." + field.name +
                     " cannot have a default value.",
                 {field.astNode->loc});
        }
      }
    }
  }

  // An input object that reaches itself through non-null fields can never be given.
  // A depth-first search, as graphql-js's: each type explored once, each cycle reported
  // once, from the type where the search found it.
  void findNonNullCycles(const NamedType& type, std::vector<const InputValue*>& path,
                         std::unordered_map<const NamedType*, std::size_t>& pathIndex) {
    if (!visited_.insert(&type).second) return;
    pathIndex[&type] = path.size();
    for (const auto& field : type.inputFields()) {
      if (field.type == nullptr || !field.type->isNonNull() ||
          field.type->ofType()->kind() != TypeKind::InputObject) {
        continue;
      }
      const NamedType& fieldType = field.type->named();
      path.push_back(&field);
      const auto cycleStart = pathIndex.find(&fieldType);
      if (cycleStart == pathIndex.end()) {
        findNonNullCycles(fieldType, path, pathIndex);
      } else {
        std::string names;
        std::vector<ast::Location> where;
        for (std::size_t i = cycleStart->second; i < path.size(); ++i) {
          if (!names.empty()) names += '.';
          names += path[i]->name;
          where.push_back(path[i]->astNode->loc);
        }
        report("Cannot reference Input Object \"" + fieldType.name() +
                   "\" within itself through a series of non-null fields: \"" + names + "\".",
               where);
      }
      path.pop_back();
    }
    pathIndex.erase(&type);
  }

  SchemaAssembly& assembly_;
  std::unordered_set<const NamedType*> visited_;
};

}  // namespace

void validateSchema(SchemaAssembly& assembly) {
  SchemaValidator(assembly).run();
}

}  // namespace mt::api
