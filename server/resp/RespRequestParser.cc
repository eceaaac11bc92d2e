#include "RespRequestParser.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace mt::resp {

namespace {

// "*<count>\r\n" and "$<length>\r\n": a sign, at most 19 digits, CR LF.
constexpr std::size_t kMaxNumberLine = 22;

RespParseResult incomplete() {
  return {RespParseStatus::Incomplete, 0, {}};
}
RespParseResult complete(std::size_t consumed) {
  return {RespParseStatus::Complete, consumed, {}};
}
RespParseResult failure(std::string message) {
  return {RespParseStatus::Error, 0, std::move(message)};
}

enum class LineRead { Ok, Incomplete, Invalid };

// Reads "<decimal integer>\r\n" starting at input[pos], leaving pos after the LF.
// Fails as soon as a byte cannot belong to such a line, so garbage is refused without
// waiting for more of it.
LineRead readNumberLine(std::string_view input, std::size_t& pos, long long& value) {
  std::size_t end = pos;
  while (end < input.size() && input[end] != '\r') {
    char c = input[end];
    bool sign = c == '-' && end == pos;
    if (!sign && (c < '0' || c > '9')) return LineRead::Invalid;
    if (end - pos >= kMaxNumberLine) return LineRead::Invalid;
    ++end;
  }
  if (end + 1 >= input.size()) return LineRead::Incomplete;  // no CR LF yet
  if (input[end + 1] != '\n' || end == pos) return LineRead::Invalid;
  auto [last, ec] = std::from_chars(input.data() + pos, input.data() + end, value);
  if (ec != std::errc() || last != input.data() + end) return LineRead::Invalid;
  pos = end + 2;
  return LineRead::Ok;
}

std::string unexpectedByte(char expected, char got) {
  char text[48];
  auto byte = static_cast<unsigned char>(got);
  if (byte >= 0x20 && byte < 0x7f) {
    std::snprintf(text, sizeof text, "expected '%c', got '%c'", expected, got);
  } else {
    std::snprintf(text, sizeof text, "expected '%c', got byte 0x%02x", expected, byte);
  }
  return text;
}

bool isBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

RespParseResult RespRequestParser::parse(std::string_view input, RespCommand& command) const {
  command.clear();
  if (input.empty()) return incomplete();
  if (input.front() == '*') return parseArray(input, command);
  return parseInline(input, command);
}

// *<count> CR LF, then <count> times: $<length> CR LF <length bytes> CR LF
RespParseResult RespRequestParser::parseArray(std::string_view input, RespCommand& command) const {
  std::size_t pos = 1;
  long long count = 0;
  switch (readNumberLine(input, pos, count)) {
    case LineRead::Incomplete:
      return incomplete();
    case LineRead::Invalid:
      return failure("invalid multibulk length");
    case LineRead::Ok:
      break;
  }
  // "*0" and the null array "*-1" are requests with nothing to run, as in redis.
  if (count <= 0) return complete(pos);
  if (static_cast<unsigned long long>(count) > limits_.maxArguments) {
    return failure("invalid multibulk length");
  }

  std::size_t declared = 0;
  for (long long i = 0; i < count; ++i) {
    if (pos == input.size()) return incomplete();
    if (input[pos] != '$') return failure(unexpectedByte('$', input[pos]));
    ++pos;
    long long length = 0;
    switch (readNumberLine(input, pos, length)) {
      case LineRead::Incomplete:
        return incomplete();
      case LineRead::Invalid:
        return failure("invalid bulk length");
      case LineRead::Ok:
        break;
    }
    if (length < 0 || static_cast<unsigned long long>(length) > limits_.maxBulkBytes) {
      return failure("invalid bulk length");
    }
    auto size = static_cast<std::size_t>(length);
    declared += size;
    if (declared > limits_.maxRequestBytes) return failure("request too large");
    if (input.size() - pos < size + 2) return incomplete();
    if (input[pos + size] != '\r' || input[pos + size + 1] != '\n') {
      return failure("expected CRLF after bulk string");
    }
    command.args_.push_back(input.substr(pos, size));
    pos += size + 2;
  }
  return complete(pos);
}

// A line of arguments separated by blanks, ended by LF (CR LF accepted). Arguments
// may be "double quoted" (with \n \r \t \b \a \xHH and \<char> escapes) or 'single
// quoted' (with \' only); a closing quote must be followed by a blank or the end.
RespParseResult RespRequestParser::parseInline(std::string_view input, RespCommand& command) const {
  std::size_t newline = input.substr(0, limits_.maxInlineBytes + 1).find('\n');
  if (newline == std::string_view::npos) {
    if (input.size() > limits_.maxInlineBytes) return failure("too big inline request");
    return incomplete();
  }
  std::string_view line = input.substr(0, newline);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  // Unquoted arguments are views into the line. Quoted ones are decoded into owned
  // strings first and put in place at the end (a null view marks the slot), since
  // the vector of strings may still move while it grows.
  std::size_t p = 0;
  const std::size_t n = line.size();
  while (true) {
    while (p < n && isBlank(line[p]))
      ++p;
    if (p == n) break;
    if (command.args_.size() == limits_.maxArguments) {
      return failure("too many arguments in inline request");
    }
    std::size_t start = p;
    bool quoted = false;
    std::string decoded;
    bool inDouble = false;
    bool inSingle = false;
    bool done = false;
    while (!done) {
      if (inDouble) {
        if (p == n) return failure("unbalanced quotes in request");
        char c = line[p];
        if (c == '\\' && p + 3 < n && line[p + 1] == 'x' && hexValue(line[p + 2]) >= 0 &&
            hexValue(line[p + 3]) >= 0) {
          decoded.push_back(static_cast<char>(hexValue(line[p + 2]) * 16 + hexValue(line[p + 3])));
          p += 4;
        } else if (c == '\\' && p + 1 < n) {
          char e = line[p + 1];
          switch (e) {
            case 'n':
              e = '\n';
              break;
            case 'r':
              e = '\r';
              break;
            case 't':
              e = '\t';
              break;
            case 'b':
              e = '\b';
              break;
            case 'a':
              e = '\a';
              break;
            default:
              break;
          }
          decoded.push_back(e);
          p += 2;
        } else if (c == '"') {
          if (p + 1 < n && !isBlank(line[p + 1])) return failure("unbalanced quotes in request");
          ++p;
          done = true;
        } else {
          decoded.push_back(c);
          ++p;
        }
      } else if (inSingle) {
        if (p == n) return failure("unbalanced quotes in request");
        char c = line[p];
        if (c == '\\' && p + 1 < n && line[p + 1] == '\'') {
          decoded.push_back('\'');
          p += 2;
        } else if (c == '\'') {
          if (p + 1 < n && !isBlank(line[p + 1])) return failure("unbalanced quotes in request");
          ++p;
          done = true;
        } else {
          decoded.push_back(c);
          ++p;
        }
      } else if (p == n || isBlank(line[p])) {
        done = true;
      } else if (line[p] == '"' || line[p] == '\'') {
        if (!quoted) decoded.assign(line.substr(start, p - start));
        quoted = true;
        inDouble = line[p] == '"';
        inSingle = !inDouble;
        ++p;
      } else {
        if (quoted) decoded.push_back(line[p]);
        ++p;
      }
    }
    if (quoted) {
      command.decoded_.push_back(std::move(decoded));
      command.args_.emplace_back();  // filled in below
    } else {
      command.args_.push_back(line.substr(start, p - start));
    }
  }

  if (!command.decoded_.empty()) {
    auto next = command.decoded_.begin();
    for (auto& arg : command.args_) {
      if (arg.data() == nullptr) arg = *next++;
    }
  }
  return complete(newline + 1);
}

}  // namespace mt::resp
