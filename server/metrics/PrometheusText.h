#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "Labels.h"

namespace mt::metrics {

// The pieces of the Prometheus text exposition format, version 0.0.4.

inline constexpr std::string_view kPrometheusContentType =
    "text/plain; version=0.0.4; charset=utf-8";

// [a-zA-Z_:][a-zA-Z0-9_:]*
bool isValidMetricName(std::string_view name);
// [a-zA-Z_][a-zA-Z0-9_]*, and not starting with "__" (reserved for Prometheus itself).
bool isValidLabelName(std::string_view name);

// "# HELP name text" with '\' and newline escaped, and its newline.
void appendHelpLine(std::string& out, std::string_view name, std::string_view help);
// "# TYPE name type" and its newline.
void appendTypeLine(std::string& out, std::string_view name, std::string_view type);

// One sample line: name+suffix, the labels (plus `extraName`=`extraValue` last when
// extraName is not empty, for a histogram's "le"), a space, the value, a newline.
void appendSample(std::string& out, std::string_view name, std::string_view suffix,
                  const Labels& labels, std::string_view extraName, std::string_view extraValue,
                  std::string_view value);

// Shortest text that reads back to the same double; "+Inf", "-Inf", "NaN".
std::string formatValue(double value);
std::string formatValue(std::uint64_t value);

}  // namespace mt::metrics
