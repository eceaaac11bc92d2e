#include "ReportText.h"

#include <algorithm>
#include <cctype>

namespace mt::experiment::report {
namespace {

std::size_t backtickRun(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && text[end] == '`')
    ++end;
  return end - at;
}

bool isAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool isAsciiPunct(char c) {
  return c > ' ' && c < 127 && !isAsciiAlnum(c);
}

bool isBlank(char c) {
  return c == ' ' || c == '\t';
}

// `&name;` or `&#123;`: Markdown would show the character it names instead of the text.
bool looksLikeEntity(std::string_view text, std::size_t ampersand) {
  std::size_t i = ampersand + 1;
  const std::size_t start = i;
  while (i < text.size() && (isAsciiAlnum(text[i]) || text[i] == '#'))
    ++i;
  return i > start && i < text.size() && text[i] == ';';
}

// A line made of one character and blanks only: "---", "===", "- - -" (a thematic break,
// or the underline that turns the line above into a heading).
bool onlyCharAndBlanks(std::string_view line, char c) {
  return std::all_of(line.begin(), line.end(), [c](char x) { return x == c || isBlank(x); });
}

// Where a line would begin a block (heading, quote, list, break, link definition), the index
// of the character to escape; npos when it is plain paragraph text.
std::size_t blockMarker(std::string_view line) {
  if (line.empty()) return std::string_view::npos;
  const char first = line[0];
  const bool spaceAfter = line.size() == 1 || isBlank(line[1]);
  if (first == '#' || first == '>' || first == '[') return 0;
  if ((first == '-' || first == '+') && spaceAfter) return 0;
  if ((first == '-' || first == '=') && onlyCharAndBlanks(line, first)) return 0;
  std::size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits])))
    ++digits;
  if (digits > 0 && digits <= 9 && digits < line.size() &&
      (line[digits] == '.' || line[digits] == ')') &&
      (digits + 1 == line.size() || isBlank(line[digits + 1]))) {
    return digits;
  }
  return std::string_view::npos;
}

void escapeMarkdownLine(std::string_view line, bool startsLine, const MarkdownContext& context,
                        std::string& out) {
  std::size_t marker = std::string_view::npos;
  if (startsLine && !context.tableCell) {
    // Leading blanks mean nothing in a paragraph, but four of them make a code block.
    while (!line.empty() && isBlank(line.front()))
      line.remove_prefix(1);
    marker = blockMarker(line);
  }
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const char previous = i > 0 ? line[i - 1] : ' ';
    const char next = i + 1 < line.size() ? line[i + 1] : ' ';
    bool escape = i == marker;
    switch (c) {
      case '\\':
        escape = i + 1 == line.size() || isAsciiPunct(next);
        break;
      case '`':
      case '*':
      case '~':
        escape = true;
        break;
      case '_':  // only emphasis where it touches a word on one side, not in p_99
        escape = escape || !isAsciiAlnum(previous) || !isAsciiAlnum(next);
        break;
      case '<':
        escape = std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' ||
                 next == '?';
        break;
      case '&':
        escape = looksLikeEntity(line, i);
        break;
      case '[':
        escape = escape || context.linkText;
        break;
      case ']':
        escape = context.linkText || next == '(' || next == '[';
        break;
      case '|':
        escape = context.tableCell;
        break;
      default:
        break;
    }
    if (escape) out += '\\';
    out += c;
  }
}

}  // namespace

std::vector<TextSpan> splitCodeSpans(std::string_view text) {
  std::vector<TextSpan> spans;
  std::size_t plainStart = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '`') {
      ++i;
      continue;
    }
    const std::size_t run = backtickRun(text, i);
    std::size_t search = i + run;
    std::size_t close = std::string_view::npos;
    while (search < text.size()) {
      const std::size_t candidate = text.find('`', search);
      if (candidate == std::string_view::npos) break;
      const std::size_t candidateRun = backtickRun(text, candidate);
      if (candidateRun == run) {
        close = candidate;
        break;
      }
      search = candidate + candidateRun;
    }
    if (close == std::string_view::npos) {
      i += run;  // nothing closes it: literal backticks
      continue;
    }
    if (i > plainStart) spans.push_back({text.substr(plainStart, i - plainStart), false});
    std::string_view code = text.substr(i + run, close - i - run);
    // As CommonMark: one space each side is padding (so a code span can start with `).
    if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ' &&
        code.find_first_not_of(' ') != std::string_view::npos) {
      code = code.substr(1, code.size() - 2);
    }
    spans.push_back({code, true});
    i = close + run;
    plainStart = i;
  }
  if (plainStart < text.size()) spans.push_back({text.substr(plainStart), false});
  return spans;
}

std::string escapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string anchorSlug(std::string_view text) {
  std::string slug;
  bool separator = false;
  for (const char c : text) {
    if (isAsciiAlnum(c)) {
      if (separator && !slug.empty()) slug += '-';
      separator = false;
      slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      separator = true;
    }
  }
  return slug.empty() ? "section" : slug;
}

std::string escapeMarkdown(std::string_view text, MarkdownContext context) {
  std::string out;
  std::size_t lineStart = 0;
  bool first = true;
  while (true) {
    const std::size_t newline = text.find('\n', lineStart);
    const std::string_view line =
        text.substr(lineStart, newline == std::string_view::npos ? text.npos : newline - lineStart);
    if (!first) out += context.tableCell ? ' ' : '\n';
    escapeMarkdownLine(line, context.startsLine || !first, context, out);
    if (newline == std::string_view::npos) break;
    lineStart = newline + 1;
    first = false;
  }
  return out;
}

std::string markdownFence(std::string_view text) {
  std::size_t longest = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t run = backtickRun(text, i);
    longest = std::max(longest, run);
    i += run == 0 ? 1 : run;
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

}  // namespace mt::experiment::report
