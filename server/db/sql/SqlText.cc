#include "SqlText.h"

#include <cctype>
#include <cstddef>

namespace mt::db {
namespace {

bool isIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}
bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// The length of the dollar-quote tag ($$ or $name$) starting at `at`, or 0 when `at`
// does not open one. A tag never starts with a digit, which is what tells it from $1.
std::size_t dollarTagLength(std::string_view sql, std::size_t at) {
  if (sql[at] != '$') return 0;
  std::size_t end = at + 1;
  if (end < sql.size() && isDigit(sql[end])) return 0;
  while (end < sql.size() && isIdentifierChar(sql[end]))
    ++end;
  if (end < sql.size() && sql[end] == '$') return end - at + 1;
  return 0;
}

// For each character of `sql`: true when it is code, false inside a literal, a quoted
// identifier, a dollar-quoted body or a comment (their delimiters included).
std::vector<bool> codeMask(std::string_view sql) {
  std::vector<bool> code(sql.size(), false);
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    if (c == '\'' || c == '"') {
      // A doubled quote inside is an escaped one: the scan closes and reopens, which
      // leaves every character of the literal marked as not code.
      const std::size_t close = sql.find(c, i + 1);
      i = close == std::string_view::npos ? sql.size() : close + 1;
    } else if (c == '-' && next == '-') {
      const std::size_t end = sql.find('\n', i);
      i = end == std::string_view::npos ? sql.size() : end;
    } else if (c == '/' && next == '*') {
      const std::size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else if (const std::size_t tag = dollarTagLength(sql, i); tag > 0) {
      const std::size_t close = sql.find(sql.substr(i, tag), i + tag);
      i = close == std::string_view::npos ? sql.size() : close + tag;
    } else {
      // A `$` glued to an identifier (PostgreSQL allows `a$1`) is part of that name.
      code[i] = true;
      if (isIdentifierChar(c) || c == '$') {
        while (i + 1 < sql.size() && (isIdentifierChar(sql[i + 1]) || sql[i + 1] == '$')) {
          code[++i] = true;
        }
      }
      ++i;
    }
  }
  return code;
}

// Calls `visit(position, number)` for each `$N` parameter in code.
template <typename Visit>
void forEachParameter(std::string_view sql, const std::vector<bool>& code, Visit visit) {
  for (std::size_t i = 0; i + 1 < sql.size(); ++i) {
    if (!code[i] || sql[i] != '$' || !isDigit(sql[i + 1])) continue;
    if (i > 0 && code[i - 1] && isIdentifierChar(sql[i - 1])) continue;  // `a$1`
    int number = 0;
    std::size_t j = i + 1;
    while (j < sql.size() && isDigit(sql[j]) && number < 100'000) {
      number = number * 10 + (sql[j] - '0');
      ++j;
    }
    visit(i, number);
    i = j - 1;
  }
}

std::string_view trim(std::string_view text) {
  const auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && isSpace(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back()))
    text.remove_suffix(1);
  return text;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// The words (identifiers and keywords) of the code, in order, with their positions.
struct Word {
  std::string_view text;
  std::size_t position;
};
std::vector<Word> codeWords(std::string_view sql, const std::vector<bool>& code) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < sql.size()) {
    if (code[i] && isIdentifierChar(sql[i])) {
      const std::size_t start = i;
      while (i < sql.size() && code[i] && isIdentifierChar(sql[i]))
        ++i;
      words.push_back({sql.substr(start, i - start), start});
    } else {
      ++i;
    }
  }
  return words;
}

bool startsCreateTrigger(const std::vector<Word>& words, std::size_t first) {
  std::size_t at = first;
  if (at >= words.size() || !equalsIgnoringCase(words[at].text, "CREATE")) return false;
  ++at;
  if (at < words.size() && (equalsIgnoringCase(words[at].text, "TEMP") ||
                            equalsIgnoringCase(words[at].text, "TEMPORARY"))) {
    ++at;
  }
  return at < words.size() && equalsIgnoringCase(words[at].text, "TRIGGER");
}

}  // namespace

std::string rewriteDollarParameters(std::string_view sql) {
  std::string rewritten(sql);
  forEachParameter(sql, codeMask(sql), [&](std::size_t at, int) { rewritten[at] = '?'; });
  return rewritten;
}

int parameterCount(std::string_view sql) {
  int highest = 0;
  forEachParameter(sql, codeMask(sql), [&](std::size_t, int number) {
    if (number > highest) highest = number;
  });
  return highest;
}

std::string_view firstKeyword(std::string_view sql) {
  const std::vector<bool> code = codeMask(sql);
  const std::vector<Word> words = codeWords(sql, code);
  return words.empty() ? std::string_view() : words.front().text;
}

std::vector<std::string_view> splitSqlScript(std::string_view script) {
  const std::vector<bool> code = codeMask(script);
  const std::vector<Word> words = codeWords(script, code);
  std::vector<std::string_view> statements;

  std::size_t start = 0;     // where the current statement begins
  std::size_t nextWord = 0;  // the first word at or after `start`
  bool inTrigger = false;
  int blockDepth = 0;  // BEGIN/CASE … END nesting inside a trigger
  bool statementHasCode = false;

  const auto finish = [&](std::size_t end) {
    if (statementHasCode) {
      const std::string_view statement = trim(script.substr(start, end - start));
      if (!statement.empty()) statements.push_back(statement);
    }
    start = end + 1;
    statementHasCode = false;
    inTrigger = false;
    blockDepth = 0;
  };

  for (std::size_t i = 0; i < script.size(); ++i) {
    if (nextWord < words.size() && words[nextWord].position == i) {
      if (!statementHasCode) inTrigger = startsCreateTrigger(words, nextWord);
      const std::string_view word = words[nextWord].text;
      if (inTrigger) {
        if (equalsIgnoringCase(word, "BEGIN") || equalsIgnoringCase(word, "CASE")) ++blockDepth;
        if (equalsIgnoringCase(word, "END") && blockDepth > 0) --blockDepth;
      }
      ++nextWord;
    }
    if (!code[i]) continue;
    if (script[i] == ';') {
      if (!inTrigger || blockDepth == 0) finish(i);
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(script[i])) == 0) statementHasCode = true;
  }
  if (start < script.size()) finish(script.size());
  return statements;
}

}  // namespace mt::db
