#include "Inspect.h"

#include "JsNumber.h"
#include "Json.h"

namespace mt::api {

namespace {

constexpr std::size_t kMaxListItems = 10;
constexpr std::size_t kMaxDepth = 2;  // graphql-js's MAX_RECURSIVE_DEPTH, counted from 0

void inspectInto(const Value& value, std::size_t depth, std::string& out) {
  switch (value.kind()) {
    case Value::Kind::Null:
      out += "null";
      return;
    case Value::Kind::Boolean:
      out += value.asBool() ? "true" : "false";
      return;
    case Value::Kind::Int:
      out += std::to_string(value.asInt());
      return;
    case Value::Kind::Float:
      appendJsNumber(value.asFloat(), out);
      return;
    case Value::Kind::String:
      writeJsonString(value.asString(), out);
      return;
    case Value::Kind::List: {
      const auto& items = value.asList();
      if (items.empty()) {
        out += "[]";
        return;
      }
      if (depth >= kMaxDepth) {
        out += "[Array]";
        return;
      }
      out += '[';
      const std::size_t shown = std::min(items.size(), kMaxListItems);
      for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0) out += ", ";
        inspectInto(items[i], depth + 1, out);
      }
      const std::size_t remaining = items.size() - shown;
      if (remaining == 1) out += ", ... 1 more item";
      if (remaining > 1) out += ", ... " + std::to_string(remaining) + " more items";
      out += ']';
      return;
    }
    case Value::Kind::Object: {
      const auto& members = value.asObject();
      if (members.empty()) {
        out += "{}";
        return;
      }
      if (depth >= kMaxDepth) {
        out += "[Object]";
        return;
      }
      out += "{ ";
      bool first = true;
      for (const auto& [name, member] : members) {
        if (!first) out += ", ";
        first = false;
        out += name;
        out += ": ";
        inspectInto(member, depth + 1, out);
      }
      out += " }";
      return;
    }
  }
}

}  // namespace

std::string inspect(const Value& value) {
  std::string out;
  inspectInto(value, 0, out);
  return out;
}

}  // namespace mt::api
