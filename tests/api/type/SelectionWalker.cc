#include "SelectionWalker.h"

#include <stdexcept>
#include <string>
#include <unordered_map>

#include "Parser.h"
#include "ValueFromAst.h"

namespace mt::api::testing {

namespace {

class SelectionWalker {
 public:
  SelectionWalker(const Schema& schema, const ast::Document& document, std::any context)
      : schema_(schema), context_(std::move(context)) {
    for (const auto& definition : document.definitions) {
      if (const auto* fragment = std::get_if<ast::FragmentDefinition>(&definition)) {
        fragments_.emplace(fragment->name.value, fragment);
      }
    }
  }

  Value selectionSet(const ast::SelectionSet& selections, const NamedType& type,
                     const Resolved& parent) {
    std::vector<const ast::Field*> fields;
    collect(selections, type, fields);
    Value result{Value::Object{}};
    for (const ast::Field* node : fields) {
      const Field* field = schema_.field(type, node->name.value);
      if (field == nullptr) {
        throw std::runtime_error("no field " + type.name() + "." + std::string(node->name.value));
      }
      const Value args = arguments(*field, *node);
      const ast::Field* const nodes[] = {node};
      ResolveInfo info;
      info.fieldName = field->name;
      info.parentTypeName = type.name();
      info.returnType = field->type;
      info.parentType = &type;
      info.field = field;
      info.schema = &schema_;
      info.fieldNodes = nodes;
      const ResolveParams params{parent, args, context_, info};
      const Resolved resolved =
          field->resolve ? field->resolve(params) : defaultFieldResolver(params);
      result.append(std::string(node->responseKey()), complete(*field->type, resolved, *node));
    }
    return result;
  }

 private:
  bool applies(std::string_view typeCondition, const NamedType& type) const {
    if (typeCondition == type.name()) return true;
    const NamedType* condition = schema_.type(typeCondition);
    return condition != nullptr && condition->isAbstract() && condition->isPossibleType(type);
  }

  void collect(const ast::SelectionSet& selections, const NamedType& type,
               std::vector<const ast::Field*>& fields) const {
    for (const auto& selection : selections.selections) {
      if (const auto* field = std::get_if<ast::Field>(&selection)) {
        fields.push_back(field);
      } else if (const auto* inlineFragment = std::get_if<ast::InlineFragment>(&selection)) {
        if (!inlineFragment->typeCondition ||
            applies(inlineFragment->typeCondition->name.value, type)) {
          collect(inlineFragment->selectionSet, type, fields);
        }
      } else {
        const auto& spread = std::get<ast::FragmentSpread>(selection);
        const ast::FragmentDefinition* fragment = fragments_.at(spread.name.value);
        if (applies(fragment->typeCondition.name.value, type)) {
          collect(fragment->selectionSet, type, fields);
        }
      }
    }
  }

  static Value arguments(const Field& field, const ast::Field& node) {
    Value args{Value::Object{}};
    for (const auto& arg : field.args) {
      const ast::Argument* given = nullptr;
      for (const auto& argument : node.arguments) {
        if (argument.name.value == arg.name) given = &argument;
      }
      if (given != nullptr) {
        auto value = valueFromAst(given->value, *arg.type, Value());
        if (!value) throw std::runtime_error("invalid argument " + arg.name);
        args.append(arg.name, std::move(*value));
      } else if (arg.defaultValue) {
        args.append(arg.name, *arg.defaultValue);
      }
    }
    return args;
  }

  Value complete(const Type& type, const Resolved& resolved, const ast::Field& node) {
    if (type.isNonNull()) {
      Value value = complete(*type.ofType(), resolved, node);
      if (value.isNull()) {
        throw std::runtime_error("null for non-null field " + std::string(node.name.value));
      }
      return value;
    }
    if (resolved.isNull()) return Value();
    if (type.isList()) {
      Value::List items;
      if (resolved.isList()) {
        for (const auto& item : resolved.items())
          items.push_back(complete(*type.ofType(), item, node));
      } else {
        for (std::size_t i = 0; i < resolved.value().asList().size(); ++i) {
          items.push_back(complete(*type.ofType(), resolved.element(i), node));
        }
      }
      return Value(std::move(items));
    }
    const NamedType& named = type.named();
    if (named.isLeaf()) return named.serialize(resolved.value());
    const NamedType* runtime = &named;
    if (named.isAbstract()) {
      std::string typeName(resolved.typeName());
      if (typeName.empty() && named.typeResolver())
        typeName = named.typeResolver()(resolved, context_);
      runtime = schema_.type(typeName);
      if (runtime == nullptr) throw std::runtime_error("unknown runtime type " + typeName);
    }
    return selectionSet(*node.selectionSet, *runtime, resolved);
  }

  const Schema& schema_;
  std::any context_;
  std::unordered_map<std::string_view, const ast::FragmentDefinition*> fragments_;
};

}  // namespace

Value runQuery(const Schema& schema, std::string_view query, const Resolved& root,
               std::any context) {
  const auto document = parse(std::string(query));
  SelectionWalker walker(schema, *document, std::move(context));
  for (const auto& definition : document->definitions) {
    if (const auto* operation = std::get_if<ast::OperationDefinition>(&definition)) {
      return walker.selectionSet(operation->selectionSet, schema.queryType(), root);
    }
  }
  throw std::runtime_error("no operation");
}

}  // namespace mt::api::testing
