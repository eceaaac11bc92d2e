#include "PrometheusText.h"

#include <charconv>
#include <cmath>

namespace mt::metrics {
namespace {

bool isLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

void appendLabelValue(std::string& out, std::string_view value) {
  for (char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
}

void appendLabel(std::string& out, bool& first, std::string_view name, std::string_view value) {
  out += first ? '{' : ',';
  first = false;
  out += name;
  out += "=\"";
  appendLabelValue(out, value);
  out += '"';
}

}  // namespace

bool isValidMetricName(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool ok = isLetter(c) || c == '_' || c == ':' || (i > 0 && isDigit(c));
    if (!ok) return false;
  }
  return true;
}

bool isValidLabelName(std::string_view name) {
  if (name.empty() || name.starts_with("__")) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool ok = isLetter(c) || c == '_' || (i > 0 && isDigit(c));
    if (!ok) return false;
  }
  return true;
}

void appendHelpLine(std::string& out, std::string_view name, std::string_view help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  for (char c : help) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  out += '\n';
}

void appendTypeLine(std::string& out, std::string_view name, std::string_view type) {
  out += "# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

void appendSample(std::string& out, std::string_view name, std::string_view suffix,
                  const Labels& labels, std::string_view extraName, std::string_view extraValue,
                  std::string_view value) {
  out += name;
  out += suffix;
  bool first = true;
  for (const auto& [labelName, labelValue] : labels) {
    appendLabel(out, first, labelName, labelValue);
  }
  if (!extraName.empty()) appendLabel(out, first, extraName, extraValue);
  if (!first) out += '}';
  out += ' ';
  out += value;
  out += '\n';
}

std::string formatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char text[32];
  auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  return std::string(text, ec == std::errc() ? end : text);
}

std::string formatValue(std::uint64_t value) {
  char text[24];
  auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  return std::string(text, ec == std::errc() ? end : text);
}

}  // namespace mt::metrics
