#include "BlockString.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <optional>

#include "Utf8.h"

namespace mt::api {

namespace {

bool isWhiteSpace(char c) {
  return c == ' ' || c == '\t';
}

std::size_t leadingWhiteSpace(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && isWhiteSpace(line[i]))
    ++i;
  return i;
}

}  // namespace

std::string blockStringValue(const std::vector<std::string>& rawLines) {
  std::size_t commonIndent = std::numeric_limits<std::size_t>::max();
  std::optional<std::size_t> firstNonEmptyLine;
  std::size_t lastNonEmptyLine = 0;
  for (std::size_t i = 0; i < rawLines.size(); ++i) {
    std::size_t indent = leadingWhiteSpace(rawLines[i]);
    if (indent == rawLines[i].size()) continue;  // blank lines do not set the indentation
    if (!firstNonEmptyLine) firstNonEmptyLine = i;
    lastNonEmptyLine = i;
    // The first line follows the opening quotes, so its indentation is not the block's.
    if (i != 0) commonIndent = std::min(commonIndent, indent);
  }
  if (!firstNonEmptyLine) return {};

  std::string value;
  for (std::size_t i = *firstNonEmptyLine; i <= lastNonEmptyLine; ++i) {
    if (i != *firstNonEmptyLine) value += '\n';
    std::string_view line = rawLines[i];
    if (i != 0) line.remove_prefix(std::min(commonIndent, line.size()));
    value += line;
  }
  return value;
}

bool isPrintableAsBlockString(std::string_view value) {
  if (value.empty()) return true;
  bool isEmptyLine = true;
  bool hasIndent = false;
  bool hasCommonIndent = true;
  bool seenNonEmptyLine = false;
  for (char c : value) {
    auto byte = static_cast<unsigned char>(c);
    if (byte == '\n') {
      if (isEmptyLine && !seenNonEmptyLine) return false;  // a leading blank line would be lost
      seenNonEmptyLine = true;
      isEmptyLine = true;
      hasIndent = false;
    } else if (byte == '\t' || byte == ' ') {
      hasIndent = hasIndent || isEmptyLine;
    } else if (byte < 0x20) {
      return false;  // \r would become \n; other controls are unreadable
    } else {
      hasCommonIndent = hasCommonIndent && hasIndent;
      isEmptyLine = false;
    }
  }
  if (isEmptyLine) return false;                          // trailing blank lines would be lost
  if (hasCommonIndent && seenNonEmptyLine) return false;  // the indentation would be lost
  return true;
}

std::string printBlockString(std::string_view value, bool minimize) {
  std::string escaped;
  escaped.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value.compare(i, 3, R"(""")") == 0) {
      escaped += R"(\""")";
      i += 2;
    } else {
      escaped += value[i];
    }
  }

  // The escaped value's lines (graphql-js splits at \r\n, \n and \r).
  std::vector<std::string_view> lines;
  std::string_view rest = escaped;
  while (true) {
    std::size_t brk = rest.find_first_of("\r\n");
    if (brk == std::string_view::npos) {
      lines.push_back(rest);
      break;
    }
    lines.push_back(rest.substr(0, brk));
    std::size_t skip = rest.compare(brk, 2, "\r\n") == 0 ? 2 : 1;
    rest.remove_prefix(brk + skip);
  }
  bool isSingleLine = lines.size() == 1;

  // Lines after the first that all start indented would lose that indentation as
  // common indentation, unless a line break puts the first line among them.
  bool forceLeadingNewLine =
      lines.size() > 1 && std::all_of(lines.begin() + 1, lines.end(), [](std::string_view line) {
        return line.empty() || isWhiteSpace(line.front());
      });

  bool hasTrailingTripleQuotes = std::string_view(escaped).ends_with(R"(\""")");
  // A closing quote or a backslash right before the closing """ would change them.
  bool hasTrailingQuote = value.ends_with('"') && !hasTrailingTripleQuotes;
  bool hasTrailingSlash = value.ends_with('\\');
  bool forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash;

  bool printAsMultipleLines =
      !minimize && (!isSingleLine || utf8::utf16Length(value) > 70 || forceTrailingNewLine ||
                    forceLeadingNewLine || hasTrailingTripleQuotes);

  std::string result = R"(""")";
  // A single line that starts with white space must not be moved to its own line:
  // the first line keeps its indentation, later ones lose it.
  bool skipLeadingNewLine = isSingleLine && !value.empty() && isWhiteSpace(value.front());
  if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine) result += '\n';
  result += escaped;
  if (printAsMultipleLines || forceTrailingNewLine) result += '\n';
  result += R"(""")";
  return result;
}

}  // namespace mt::api
