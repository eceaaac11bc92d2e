#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace mt::load::json_reading {

// Strict accessors for reading a results document: each names the JSON path of what
// it rejects ("$.operations.post.latency.buckets[3]"), in a std::invalid_argument
// whose message starts with "load results: ".

[[noreturn]] void fail(const std::string& path, const std::string& problem);

// `path` + ".key", or `path` + "[\"key\"]" when the key is not a plain identifier.
std::string child(const std::string& path, std::string_view key);
std::string element(const std::string& path, std::size_t index);

const nlohmann::json& object(const nlohmann::json& value, const std::string& path);
const nlohmann::json& array(const nlohmann::json& value, const std::string& path);
// The member `key` of `obj` (an object already checked); missing is an error.
const nlohmann::json& member(const nlohmann::json& obj, const std::string& path,
                             std::string_view key);

std::uint64_t asUnsigned(const nlohmann::json& value, const std::string& path);
std::int64_t asInteger(const nlohmann::json& value, const std::string& path);
double asNumber(const nlohmann::json& value, const std::string& path);
std::string asString(const nlohmann::json& value, const std::string& path);

}  // namespace mt::load::json_reading
