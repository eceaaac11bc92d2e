#include "Printer.h"

#include <cstdio>
#include <utility>
#include <vector>

#include "BlockString.h"
#include "Utf8.h"

namespace mt::api {

namespace {

// graphql-js wraps a field's arguments onto their own lines past this length.
constexpr std::size_t kMaxLineLength = 80;

// The parts that are not empty, separated by `separator`.
std::string join(const std::vector<std::string>& parts, std::string_view separator = "") {
  std::string out;
  bool first = true;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!first) out += separator;
    out += part;
    first = false;
  }
  return out;
}

// `start + text + end`, or nothing when `text` is empty.
std::string wrap(std::string_view start, const std::string& text, std::string_view end = "") {
  if (text.empty()) return {};
  std::string out;
  out.reserve(start.size() + text.size() + end.size());
  out += start;
  out += text;
  out += end;
  return out;
}

// Every line of `text` indented by two spaces (block strings' lines included, which
// their dedent removes again when read back).
std::string indent(const std::string& text) {
  if (text.empty()) return {};
  std::string out = "  ";
  out.reserve(text.size() + 16);
  for (char c : text) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

// Items one per line in an indented `{ }` block, or nothing when there are none.
std::string block(const std::vector<std::string>& items) {
  return wrap("{\n", indent(join(items, "\n")), "\n}");
}

bool hasMultilineItems(const std::vector<std::string>& items) {
  for (const std::string& item : items) {
    if (item.find('\n') != std::string::npos) return true;
  }
  return false;
}

// Text being printed, with the indentation of the block being written: every line
// break written starts its line at that indentation (graphql-js's indent(), applied
// once instead of at every level).
class IndentedOutput {
 public:
  void write(std::string_view text) {
    for (std::size_t brk; (brk = text.find('\n')) != std::string_view::npos;) {
      out_.append(text.substr(0, brk + 1));
      out_.append(2 * depth_, ' ');
      text.remove_prefix(brk + 1);
    }
    out_.append(text);
  }
  void indent() { ++depth_; }
  void dedent() { --depth_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  std::size_t depth_ = 0;
};

// graphql-js's printDocASTReducer: one function per node kind, each printing its
// children first. The executable containers write into an IndentedOutput instead.
class AstPrinter {
 public:
  std::string operator()(const ast::Name& name) const { return std::string(name.value); }

  template <class Node>
  std::vector<std::string> each(const std::vector<Node>& nodes) const {
    std::vector<std::string> out;
    out.reserve(nodes.size());
    for (const Node& node : nodes)
      out.push_back((*this)(node));
    return out;
  }

  template <class Node>
  std::string optional(const std::optional<Node>& node) const {
    return node ? (*this)(*node) : std::string();
  }

  std::string description(const std::optional<ast::StringValue>& description) const {
    return wrap("", optional(description), "\n");
  }

  // Executable definitions. Selection sets nest as deep as the document does, so they
  // are written into one IndentedOutput rather than re-indented at every level.

  void write(IndentedOutput& out, const ast::Document& document) const {
    // A shorthand query ("{ … }") right after a type-system definition printed without
    // its optional body would be read back as that body ("extend schema @a { … }"), so
    // there the query is printed in full ("query { … }"); elsewhere as graphql-js does.
    bool lastMayTakeABody = false;
    for (std::size_t i = 0; i < document.definitions.size(); ++i) {
      if (i != 0) out.write("\n\n");
      lastMayTakeABody = write(out, document.definitions[i], lastMayTakeABody);
    }
  }

  // Returns whether a "{" printed next would be read as part of this definition.
  bool write(IndentedOutput& out, const ast::Definition& definition,
             bool afterBodylessDefinition = false) const {
    return std::visit(
        [&](const auto& node) { return writeDefinition(out, node, afterBodylessDefinition); },
        static_cast<const ast::Definition::variant&>(definition));
  }

  bool writeDefinition(IndentedOutput& out, const ast::OperationDefinition& operation,
                       bool afterBodylessDefinition) const {
    std::vector<std::string> definitions = each(operation.variableDefinitions);
    // Variables with a description (or a block string) take a line each, unindented
    // (as graphql-js 16.15 prints them).
    std::string variables = hasMultilineItems(definitions)
                                ? wrap("(\n", join(definitions, "\n"), "\n)")
                                : wrap("(", join(definitions, ", "), ")");
    std::string prefix =
        description(operation.description) +
        join({std::string(ast::operationTypeName(operation.operation)),
              join({optional(operation.name), variables}), join(each(operation.directives), " ")},
             " ");
    // An anonymous query without variables, directives or description prints in the
    // shorthand form.
    if (prefix != "query" || afterBodylessDefinition) {
      out.write(prefix);
      out.write(" ");
    }
    write(out, operation.selectionSet);
    return false;
  }

  bool writeDefinition(IndentedOutput& out, const ast::FragmentDefinition& fragment,
                       bool /*afterBodylessDefinition*/) const {
    out.write(description(fragment.description) + "fragment " + (*this)(fragment.name) + " on " +
              (*this)(fragment.typeCondition) + " " +
              wrap("", join(each(fragment.directives), " "), " "));
    write(out, fragment.selectionSet);
    return false;
  }

  template <class TypeSystemDefinition>
  bool writeDefinition(IndentedOutput& out, const TypeSystemDefinition& definition,
                       bool /*afterBodylessDefinition*/) const {
    const std::string printed = (*this)(definition);
    out.write(printed);
    return !printed.empty() && printed.back() != '}';
  }

  std::string operator()(const ast::VariableDefinition& definition) const {
    return description(definition.description) + (*this)(definition.variable) + ": " +
           (*this)(definition.type) + wrap(" = ", optional(definition.defaultValue)) +
           wrap(" ", join(each(definition.directives), " "));
  }

  // graphql-js's block(): nothing at all for no selections.
  void write(IndentedOutput& out, const ast::SelectionSet& selectionSet) const {
    if (selectionSet.selections.empty()) return;
    out.write("{");
    out.indent();
    for (const ast::Selection& selection : selectionSet.selections) {
      out.write("\n");
      write(out, selection);
    }
    out.dedent();
    out.write("\n}");
  }

  void write(IndentedOutput& out, const ast::Selection& selection) const {
    std::visit([&](const auto& node) { writeSelection(out, node); },
               static_cast<const ast::Selection::variant&>(selection));
  }

  void writeSelection(IndentedOutput& out, const ast::Field& field) const {
    std::string prefix = wrap("", optional(field.alias), ": ") + (*this)(field.name);
    std::vector<std::string> arguments = each(field.arguments);
    std::string argumentsLine = prefix + wrap("(", join(arguments, ", "), ")");
    if (utf8::utf16Length(argumentsLine) > kMaxLineLength) {
      argumentsLine = prefix + wrap("(\n", indent(join(arguments, "\n")), "\n)");
    }
    out.write(argumentsLine);
    out.write(wrap(" ", join(each(field.directives), " ")));
    if (field.selectionSet && !field.selectionSet->selections.empty()) {
      out.write(" ");
      write(out, *field.selectionSet);
    }
  }

  void writeSelection(IndentedOutput& out, const ast::FragmentSpread& spread) const {
    out.write("..." + (*this)(spread.name) + wrap(" ", join(each(spread.directives), " ")));
  }

  void writeSelection(IndentedOutput& out, const ast::InlineFragment& fragment) const {
    out.write(join({"...", wrap("on ", optional(fragment.typeCondition)),
                    join(each(fragment.directives), " ")},
                   " "));
    if (!fragment.selectionSet.selections.empty()) {
      out.write(" ");
      write(out, fragment.selectionSet);
    }
  }

  std::string operator()(const ast::Argument& argument) const {
    return (*this)(argument.name) + ": " + (*this)(argument.value);
  }

  // Values

  std::string operator()(const ast::Value& value) const {
    return std::visit(*this, static_cast<const ast::Value::variant&>(value));
  }
  std::string operator()(const ast::Variable& variable) const {
    return "$" + (*this)(variable.name);
  }
  std::string operator()(const ast::IntValue& value) const { return std::string(value.value); }
  std::string operator()(const ast::FloatValue& value) const { return std::string(value.value); }
  std::string operator()(const ast::StringValue& value) const {
    return value.block ? printBlockString(value.value) : printString(value.value);
  }
  std::string operator()(const ast::BooleanValue& value) const {
    return value.value ? "true" : "false";
  }
  std::string operator()(const ast::NullValue&) const { return "null"; }
  std::string operator()(const ast::EnumValue& value) const { return std::string(value.value); }
  std::string operator()(const ast::ListValue& list) const {
    return "[" + join(each(list.values), ", ") + "]";
  }
  std::string operator()(const ast::ObjectValue& object) const {
    return "{" + join(each(object.fields), ", ") + "}";
  }
  std::string operator()(const ast::ObjectField& field) const {
    return (*this)(field.name) + ": " + (*this)(field.value);
  }

  // Directives

  std::string operator()(const ast::Directive& directive) const {
    return "@" + (*this)(directive.name) + wrap("(", join(each(directive.arguments), ", "), ")");
  }

  // Types

  std::string operator()(const ast::TypeRef& type) const {
    return std::visit(*this, static_cast<const ast::TypeRef::variant&>(type));
  }
  std::string operator()(const ast::NamedType& type) const { return (*this)(type.name); }
  std::string operator()(const ast::ListType& type) const {
    return "[" + (*this)(*type.type) + "]";
  }
  std::string operator()(const ast::NonNullType& type) const { return (*this)(*type.type) + "!"; }

  // Type-system definitions

  std::string operator()(const ast::SchemaDefinition& schema) const {
    return description(schema.description) +
           join({"schema", join(each(schema.directives), " "), block(each(schema.operationTypes))},
                " ");
  }

  std::string operator()(const ast::OperationTypeDefinition& definition) const {
    return std::string(ast::operationTypeName(definition.operation)) + ": " +
           (*this)(definition.type);
  }

  std::string operator()(const ast::ScalarTypeDefinition& scalar) const {
    return description(scalar.description) +
           join({"scalar", (*this)(scalar.name), join(each(scalar.directives), " ")}, " ");
  }

  std::string operator()(const ast::ObjectTypeDefinition& object) const {
    return description(object.description) +
           join({"type", (*this)(object.name),
                 wrap("implements ", join(each(object.interfaces), " & ")),
                 join(each(object.directives), " "), block(each(object.fields))},
                " ");
  }

  std::string operator()(const ast::FieldDefinition& field) const {
    return description(field.description) + (*this)(field.name) +
           argumentDefinitions(field.arguments) + ": " + (*this)(field.type) +
           wrap(" ", join(each(field.directives), " "));
  }

  std::string operator()(const ast::InputValueDefinition& input) const {
    return description(input.description) +
           join({(*this)(input.name) + ": " + (*this)(input.type),
                 wrap("= ", optional(input.defaultValue)), join(each(input.directives), " ")},
                " ");
  }

  std::string operator()(const ast::InterfaceTypeDefinition& interfaceType) const {
    return description(interfaceType.description) +
           join({"interface", (*this)(interfaceType.name),
                 wrap("implements ", join(each(interfaceType.interfaces), " & ")),
                 join(each(interfaceType.directives), " "), block(each(interfaceType.fields))},
                " ");
  }

  std::string operator()(const ast::UnionTypeDefinition& unionType) const {
    return description(unionType.description) +
           join({"union", (*this)(unionType.name), join(each(unionType.directives), " "),
                 wrap("= ", join(each(unionType.types), " | "))},
                " ");
  }

  std::string operator()(const ast::EnumTypeDefinition& enumType) const {
    return description(enumType.description) +
           join({"enum", (*this)(enumType.name), join(each(enumType.directives), " "),
                 block(each(enumType.values))},
                " ");
  }

  std::string operator()(const ast::EnumValueDefinition& value) const {
    return description(value.description) +
           join({(*this)(value.name), join(each(value.directives), " ")}, " ");
  }

  std::string operator()(const ast::InputObjectTypeDefinition& input) const {
    return description(input.description) +
           join({"input", (*this)(input.name), join(each(input.directives), " "),
                 block(each(input.fields))},
                " ");
  }

  std::string operator()(const ast::DirectiveDefinition& directive) const {
    return description(directive.description) + "directive @" + (*this)(directive.name) +
           argumentDefinitions(directive.arguments) + (directive.repeatable ? " repeatable" : "") +
           " on " + join(each(directive.locations), " | ");
  }

  // Type-system extensions

  std::string operator()(const ast::SchemaExtension& extension) const {
    return join({"extend schema", join(each(extension.directives), " "),
                 block(each(extension.operationTypes))},
                " ");
  }

  std::string operator()(const ast::ScalarTypeExtension& extension) const {
    return join({"extend scalar", (*this)(extension.name), join(each(extension.directives), " ")},
                " ");
  }

  std::string operator()(const ast::ObjectTypeExtension& extension) const {
    return join({"extend type", (*this)(extension.name),
                 wrap("implements ", join(each(extension.interfaces), " & ")),
                 join(each(extension.directives), " "), block(each(extension.fields))},
                " ");
  }

  std::string operator()(const ast::InterfaceTypeExtension& extension) const {
    return join({"extend interface", (*this)(extension.name),
                 wrap("implements ", join(each(extension.interfaces), " & ")),
                 join(each(extension.directives), " "), block(each(extension.fields))},
                " ");
  }

  std::string operator()(const ast::UnionTypeExtension& extension) const {
    return join({"extend union", (*this)(extension.name), join(each(extension.directives), " "),
                 wrap("= ", join(each(extension.types), " | "))},
                " ");
  }

  std::string operator()(const ast::EnumTypeExtension& extension) const {
    return join({"extend enum", (*this)(extension.name), join(each(extension.directives), " "),
                 block(each(extension.values))},
                " ");
  }

  std::string operator()(const ast::InputObjectTypeExtension& extension) const {
    return join({"extend input", (*this)(extension.name), join(each(extension.directives), " "),
                 block(each(extension.fields))},
                " ");
  }

 private:
  // Arguments of a field or directive definition: on one line, unless one of them
  // takes several (a description does), then one per line.
  std::string argumentDefinitions(const std::vector<ast::InputValueDefinition>& arguments) const {
    std::vector<std::string> printed = each(arguments);
    if (hasMultilineItems(printed)) return wrap("(\n", indent(join(printed, "\n")), "\n)");
    return wrap("(", join(printed, ", "), ")");
  }
};

template <class Node>
std::string printExecutable(const Node& node) {
  IndentedOutput out;
  AstPrinter().write(out, node);
  return out.take();
}

}  // namespace

std::string print(const ast::Document& document) {
  return printExecutable(document);
}
std::string print(const ast::Definition& definition) {
  return printExecutable(definition);
}
std::string print(const ast::SelectionSet& selectionSet) {
  return printExecutable(selectionSet);
}
std::string print(const ast::Selection& selection) {
  return printExecutable(selection);
}
std::string print(const ast::VariableDefinition& definition) {
  return AstPrinter()(definition);
}
std::string print(const ast::Argument& argument) {
  return AstPrinter()(argument);
}
std::string print(const ast::Directive& directive) {
  return AstPrinter()(directive);
}
std::string print(const ast::Value& value) {
  return AstPrinter()(value);
}
std::string print(const ast::TypeRef& type) {
  return AstPrinter()(type);
}

std::string printString(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 2);
  out += '"';
  auto escapeCode = [&out](unsigned code) {
    char text[8];
    std::snprintf(text, sizeof text, "\\u%04X", code);
    out += text;
  };
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto c = static_cast<unsigned char>(value[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\b':
        out += "\\b";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\f':
        out += "\\f";
        continue;
      case '\r':
        out += "\\r";
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7F) {
      escapeCode(c);
    } else if (c == 0xC2 && i + 1 < value.size() &&
               static_cast<unsigned char>(value[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(value[i + 1]) <= 0x9F) {
      // U+0080..U+009F, the C1 controls, as UTF-8.
      escapeCode(static_cast<unsigned char>(value[++i]));
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

}  // namespace mt::api
