#include "RunResults.h"

#include <algorithm>
#include <stdexcept>

#include "JsonReading.h"
#include "Rfc3339.h"
#include "StatsJson.h"

namespace mt::load {

using nlohmann::json;
using namespace json_reading;

namespace {

std::string_view loopName(LoopKind loop) {
  return loop == LoopKind::open ? "open" : "closed";
}

json metadataToJson(const RunMetadata& m) {
  return {{"toolVersion", m.toolVersion},
          {"scenario", m.scenario},
          {"loop", loopName(m.loop)},
          {"ratePerSecond", m.ratePerSecond},
          {"virtualUsers", m.virtualUsers},
          {"connections", m.connections},
          {"targets", m.targets},
          {"hosts", m.hosts},
          {"startTime", formatRfc3339(m.startUnixNs)},
          {"warmupNs", m.warmupNs},
          {"durationNs", m.durationNs}};
}

std::vector<std::string> stringList(const json& obj, const std::string& path,
                                    std::string_view key) {
  const std::string listPath = child(path, key);
  const json& list = array(member(obj, path, key), listPath);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < list.size(); ++i)
    out.push_back(asString(list[i], element(listPath, i)));
  return out;
}

std::int64_t nonNegative(const json& obj, const std::string& path, std::string_view key) {
  const std::int64_t n = asInteger(member(obj, path, key), child(path, key));
  if (n < 0) fail(child(path, key), "must not be negative");
  return n;
}

RunMetadata metadataFromJson(const json& value, const std::string& path) {
  object(value, path);
  RunMetadata m;
  m.toolVersion = asString(member(value, path, "toolVersion"), child(path, "toolVersion"));
  m.scenario = asString(member(value, path, "scenario"), child(path, "scenario"));
  const std::string loop = asString(member(value, path, "loop"), child(path, "loop"));
  if (loop == "closed") {
    m.loop = LoopKind::closed;
  } else if (loop == "open") {
    m.loop = LoopKind::open;
  } else {
    fail(child(path, "loop"), "expected \"closed\" or \"open\", got \"" + loop + "\"");
  }
  m.ratePerSecond = asNumber(member(value, path, "ratePerSecond"), child(path, "ratePerSecond"));
  if (!(m.ratePerSecond >= 0)) fail(child(path, "ratePerSecond"), "must not be negative");
  m.virtualUsers = asUnsigned(member(value, path, "virtualUsers"), child(path, "virtualUsers"));
  m.connections = asUnsigned(member(value, path, "connections"), child(path, "connections"));
  m.targets = stringList(value, path, "targets");
  m.hosts = stringList(value, path, "hosts");
  const std::string startPath = child(path, "startTime");
  try {
    m.startUnixNs = parseRfc3339(asString(member(value, path, "startTime"), startPath));
  } catch (const std::invalid_argument& e) {
    if (std::string_view(e.what()).starts_with("load results: ")) throw;
    fail(startPath, e.what());
  }
  m.warmupNs = nonNegative(value, path, "warmupNs");
  m.durationNs = nonNegative(value, path, "durationNs");
  return m;
}

void requireSame(std::string_view what, const std::string& a, const std::string& b) {
  if (a != b) {
    throw std::invalid_argument("load results merge: different " + std::string(what) + " (\"" + a +
                                "\" and \"" + b + "\")");
  }
}

}  // namespace

OperationStats RunResults::totals() const {
  OperationStats all;
  for (const auto& [name, stats] : operations)
    all.merge(stats);
  return all;
}

json RunResults::toJson() const {
  json ops = json::object();
  for (const auto& [name, stats] : operations)
    ops[name] = operationToJson(stats);
  json document = {{"schema", push ? kResultsSchemaWithPush : kResultsSchema},
                   {"metadata", metadataToJson(metadata)},
                   {"operations", std::move(ops)},
                   {"totals", operationToJson(totals())}};
  if (push) document["push"] = pushToJson(*push);
  return document;
}

std::string RunResults::toJsonText() const {
  return toJson().dump(2) + "\n";
}

RunResults RunResults::fromJson(const json& document) {
  const std::string root = "$";
  object(document, root);
  const std::string schema = asString(member(document, root, "schema"), "$.schema");
  if (schema != kResultsSchema && schema != kResultsSchemaWithPush) {
    fail("$.schema", "expected \"" + std::string(kResultsSchema) + "\" or \"" +
                         std::string(kResultsSchemaWithPush) + "\", got \"" + schema + "\"");
  }
  const bool hasPush = document.contains("push");
  if (hasPush != (schema == kResultsSchemaWithPush)) {
    fail("$.schema",
         hasPush ? "a document with `push` must be \"" + std::string(kResultsSchemaWithPush) + "\""
                 : "\"" + std::string(kResultsSchemaWithPush) + "\" needs `push`");
  }
  RunResults results;
  results.metadata = metadataFromJson(member(document, root, "metadata"), "$.metadata");
  const json& ops = object(member(document, root, "operations"), "$.operations");
  for (const auto& [name, value] : ops.items()) {
    results.operations.emplace(name, operationFromJson(value, child("$.operations", name)));
  }
  if (hasPush) results.push = pushFromJson(document["push"], "$.push");
  return results;
}

RunResults RunResults::fromJsonText(std::string_view text) {
  json document;
  try {
    document = json::parse(text);
  } catch (const json::parse_error& e) {
    fail("$", std::string("not JSON: ") + e.what());
  }
  return fromJson(document);
}

RunResults merge(const RunResults& a, const RunResults& b) {
  requireSame("scenarios", a.metadata.scenario, b.metadata.scenario);
  requireSame("loop kinds", std::string(loopName(a.metadata.loop)),
              std::string(loopName(b.metadata.loop)));
  requireSame("tool versions", a.metadata.toolVersion, b.metadata.toolVersion);

  RunResults merged = a;
  RunMetadata& m = merged.metadata;
  m.ratePerSecond += b.metadata.ratePerSecond;
  m.virtualUsers += b.metadata.virtualUsers;
  m.connections += b.metadata.connections;
  for (const std::string& target : b.metadata.targets) {
    if (std::find(m.targets.begin(), m.targets.end(), target) == m.targets.end())
      m.targets.push_back(target);
  }
  m.hosts.insert(m.hosts.end(), b.metadata.hosts.begin(), b.metadata.hosts.end());
  // The merged measured phase spans from the earliest start to the latest end.
  const std::int64_t end = std::max(a.metadata.startUnixNs + a.metadata.durationNs,
                                    b.metadata.startUnixNs + b.metadata.durationNs);
  m.startUnixNs = std::min(a.metadata.startUnixNs, b.metadata.startUnixNs);
  m.durationNs = end - m.startUnixNs;
  m.warmupNs = std::max(a.metadata.warmupNs, b.metadata.warmupNs);

  for (const auto& [name, stats] : b.operations) {
    auto found = merged.operations.find(name);
    if (found == merged.operations.end()) {
      merged.operations.emplace(name, stats);
    } else {
      found->second.merge(stats);
    }
  }
  if (b.push) {
    if (merged.push) {
      merged.push->merge(*b.push);
    } else {
      merged.push = b.push;
    }
  }
  return merged;
}

}  // namespace mt::load
