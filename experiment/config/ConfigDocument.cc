#include "ConfigDocument.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>
#include <tuple>

#include "ConfigSchema.h"

namespace mt::experiment {

namespace {

Location locationOf(const toml::source_region& region, const std::string& origin) {
  return Location{origin, static_cast<int>(region.begin.line)};
}

// A scalar TOML node as a Value; false for tables, lists, dates and times.
bool scalarValue(const toml::node& node, Value& value) {
  if (const auto* integer = node.as_integer()) {
    value = integer->get();
  } else if (const auto* number = node.as_floating_point()) {
    value = number->get();
  } else if (const auto* text = node.as_string()) {
    value = text->get();
  } else if (const auto* flag = node.as_boolean()) {
    value = flag->get();
  } else {
    return false;
  }
  return true;
}

std::string tomlTypeName(const toml::node& node) {
  if (node.is_table()) return "a table";
  if (node.is_array()) return "a list";
  Value value;
  return scalarValue(node, value) ? typeName(value) : "a date or time";
}

std::string join(std::string_view prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : std::string(prefix) + "." + std::string(key);
}

[[noreturn]] void unknownKey(const Location& where, std::string_view section,
                             std::string_view key) {
  const std::string place = section.empty() ? "the top level" : "[" + std::string(section) + "]";
  fail(where, {},
       "unknown key '" + std::string(key) + "': the keys of " + place + " are " + keysOf(section));
}

// `inSweep`: an element of a sweep's list (a list there is no hint at [sweep]).
Setting checkedScalar(const toml::node& node, const KeySpec& spec, const Location& where,
                      bool inSweep = false) {
  Setting setting{{}, where};
  if (!scalarValue(node, setting.value)) {
    std::string problem = "expected a single value, found " + tomlTypeName(node);
    if (node.is_array() && !inSweep) problem += " (lists of values to run belong in [sweep])";
    fail(where, std::string(spec.path), problem);
  }
  if (std::string problem = kindProblem(spec.kind, setting.value); !problem.empty())
    fail(where, std::string(spec.path), problem);
  return setting;
}

// The elements' own lines when `origin` is a file's; else (--set) all at `where`.
std::vector<Setting> sweepValues(const toml::array& list, const KeySpec& spec,
                                 const Location& where, const std::string& origin) {
  const std::string key = "sweep." + std::string(spec.path);
  if (spec.path == "name" || spec.path == "description")
    fail(where, key, std::string(spec.path) + " cannot be swept");
  if (list.empty()) fail(where, key, "an empty list: give at least one value");
  std::vector<Setting> values;
  for (const toml::node& element : list) {
    const Location elementWhere = where.line > 0 && element.source().begin.line > 0
                                      ? locationOf(element.source(), origin)
                                      : where;
    values.push_back(checkedScalar(element, spec, elementWhere, true));
  }
  return values;
}

struct PendingAxis {
  toml::source_position position;
  SweepAxis axis;
};

// [sweep] keys are dotted paths, quoted ("servers.instances" = …) or as nested tables.
void readSweep(const toml::table& table, const std::string& prefix, const std::string& origin,
               std::vector<PendingAxis>& axes) {
  for (auto&& [key, node] : table) {
    const std::string path = join(prefix, key.str());
    const Location where = locationOf(key.source(), origin);
    if (const toml::table* nested = node.as_table()) {
      readSweep(*nested, path, origin, axes);
      continue;
    }
    const KeySpec* spec = findKey(path);
    if (spec == nullptr) {
      fail(where, "sweep." + path,
           "'" + path +
               "' is not a key of the config (a sweep names keys by their dotted "
               "path, as in \"servers.instances\")");
    }
    const toml::array* list = node.as_array();
    if (list == nullptr) {
      fail(where, "sweep." + path, "expected a list of values, as in [1, 2, 4]");
    }
    axes.push_back({key.source().begin, {path, where, sweepValues(*list, *spec, where, origin)}});
  }
}

void readTable(const toml::table& table, const std::string& section, ConfigDocument& document) {
  for (auto&& [key, node] : table) {
    const std::string path = join(section, key.str());
    const Location where = locationOf(key.source(), document.origin);
    if (section.empty() && path == "sweep") {
      const toml::table* sweep = node.as_table();
      if (sweep == nullptr) fail(where, "sweep", "expected a table, found " + tomlTypeName(node));
      std::vector<PendingAxis> axes;
      readSweep(*sweep, "", document.origin, axes);
      // toml++ keeps keys sorted; the sweep's order is the order they were written in.
      std::stable_sort(axes.begin(), axes.end(), [](const PendingAxis& a, const PendingAxis& b) {
        return std::tie(a.position.line, a.position.column) <
               std::tie(b.position.line, b.position.column);
      });
      for (PendingAxis& pending : axes) {
        for (const SweepAxis& earlier : document.sweep) {
          if (earlier.key == pending.axis.key)
            fail(pending.axis.where, "sweep." + earlier.key, "swept twice");
        }
        document.sweep.push_back(std::move(pending.axis));
      }
      continue;
    }
    if (const KeySpec* spec = findKey(path)) {
      document.settings[path] = checkedScalar(node, *spec, where);
    } else if (isSection(path)) {
      const toml::table* nested = node.as_table();
      if (nested == nullptr) fail(where, path, "expected a table, found " + tomlTypeName(node));
      document.tables[path] = where;
      readTable(*nested, path, document);
    } else {
      unknownKey(where, section, key.str());
    }
  }
}

std::string trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace

ConfigDocument parseConfigDocument(std::string_view text, const std::string& origin) {
  toml::table root;
  try {
    root = toml::parse(text, origin);
  } catch (const toml::parse_error& error) {
    fail(locationOf(error.source(), origin), {},
         "not valid TOML: " + std::string(error.description()));
  }
  ConfigDocument document;
  document.origin = origin;
  document.baseDir = std::filesystem::current_path();
  readTable(root, "", document);
  return document;
}

ConfigDocument readConfigDocument(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored))
    throw ConfigError(path + ": cannot read the experiment config: it is a folder");
  std::ifstream file(path, std::ios::binary);
  if (!file)
    throw ConfigError(path + ": cannot read the experiment config: " +
                      std::error_code(errno, std::generic_category()).message());
  std::ostringstream text;
  text << file.rdbuf();
  if (file.bad()) throw ConfigError(path + ": cannot read the experiment config");
  ConfigDocument document = parseConfigDocument(text.str(), path);
  document.baseDir = std::filesystem::absolute(path).parent_path();
  return document;
}

void applyOverride(ConfigDocument& document, std::string_view assignment) {
  const Location where{"--set " + std::string(assignment), 0};
  const std::size_t equals = assignment.find('=');
  if (equals == std::string_view::npos)
    fail(where, {}, "expected key=value, as in servers.instances=4");
  const std::string key = trim(assignment.substr(0, equals));
  const std::string text = trim(assignment.substr(equals + 1));
  const KeySpec* spec = findKey(key);
  if (spec == nullptr) {
    const std::size_t dot = key.rfind('.');
    const std::string section = dot == std::string::npos ? "" : key.substr(0, dot);
    if (!section.empty() && !isSection(section))
      fail(where, {}, "unknown key '" + key + "': the keys of the top level are " + keysOf(""));
    unknownKey(where, section, dot == std::string::npos ? key : key.substr(dot + 1));
  }

  toml::table parsed;
  const bool literal = spec->kind == ValueKind::string && !text.starts_with('"') &&
                       !text.starts_with('\'') && !text.starts_with('[');
  if (!literal) {
    try {
      parsed = toml::parse("value = " + text, where.origin);
    } catch (const toml::parse_error&) {
      // Not a TOML value: plain text, which the key's type check judges (2s is a duration).
      parsed = toml::table{};
    }
  }
  const toml::node* node = parsed.get("value");
  if (node == nullptr) {
    Setting setting{text, where};
    if (std::string problem = kindProblem(spec->kind, setting.value); !problem.empty())
      fail(where, key, problem);
    document.settings[key] = std::move(setting);
  } else if (const toml::array* list = node->as_array()) {
    SweepAxis axis{key, where, sweepValues(*list, *spec, where, where.origin)};
    auto existing = std::find_if(document.sweep.begin(), document.sweep.end(),
                                 [&](const SweepAxis& other) { return other.key == key; });
    if (existing != document.sweep.end()) {
      *existing = std::move(axis);
    } else {
      document.sweep.push_back(std::move(axis));
    }
    return;
  } else {
    document.settings[key] = checkedScalar(*node, *spec, where);
  }
  std::erase_if(document.sweep, [&](const SweepAxis& axis) { return axis.key == key; });
}

}  // namespace mt::experiment
