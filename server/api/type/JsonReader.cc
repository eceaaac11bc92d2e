#include <charconv>
#include <cmath>
#include <unordered_map>

#include "Json.h"
#include "Utf8.h"  // the language module's UTF-8 decoder

namespace mt::api {

namespace {

// Objects with more members than this index their keys while they are read, so that
// finding duplicates stays linear in a hostile body with thousands of keys.
constexpr std::size_t kIndexObjectsFrom = 16;

struct ParseFailure {
  std::string message;
  std::size_t offset;
};

// A recursive-descent reader over the whole text; depth is bounded by JsonLimits, so
// the recursion is too.
class JsonReader {
 public:
  JsonReader(std::string_view text, JsonLimits limits) : text_(text), limits_(limits) {}

  Value readDocument() {
    skipWhitespace();
    Value value = readValue(0);
    skipWhitespace();
    if (pos_ != text_.size()) fail("Unexpected " + describe(pos_) + " after the JSON value");
    return value;
  }

 private:
  [[noreturn]] void fail(std::string message) const {
    throw ParseFailure{std::move(message), pos_};
  }
  [[noreturn]] void failAt(std::size_t at, std::string message) const {
    throw ParseFailure{std::move(message), at};
  }

  std::string describe(std::size_t at) const {
    if (at >= text_.size()) return "end of input";
    const auto c = static_cast<unsigned char>(text_[at]);
    if (c >= 0x20 && c < 0x7F) return std::string("character '") + static_cast<char>(c) + "'";
    static constexpr char kHex[] = "0123456789ABCDEF";
    return std::string("byte 0x") + kHex[c >> 4] + kHex[c & 0xF];
  }

  void skipWhitespace() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      ++pos_;
    }
  }

  Value readValue(std::size_t depth) {
    if (pos_ >= text_.size()) fail("Expected a JSON value, found end of input");
    switch (text_[pos_]) {
      case '{':
        return readObject(depth + 1);
      case '[':
        return readArray(depth + 1);
      case '"':
        return Value(readString());
      case 't':
        readKeyword("true");
        return Value(true);
      case 'f':
        readKeyword("false");
        return Value(false);
      case 'n':
        readKeyword("null");
        return Value();
      default:
        if (text_[pos_] == '-' || (text_[pos_] >= '0' && text_[pos_] <= '9')) return readNumber();
        fail("Expected a JSON value, found " + describe(pos_));
    }
  }

  void enter(std::size_t depth) const {
    if (depth > limits_.maxDepth) {
      fail("JSON nested deeper than " + std::to_string(limits_.maxDepth) + " levels");
    }
  }

  Value readObject(std::size_t depth) {
    enter(depth);
    ++pos_;  // '{'
    Value::Object members;
    std::unordered_map<std::string_view, std::size_t> index;  // only for large objects
    skipWhitespace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return Value(std::move(members));
    }
    while (true) {
      skipWhitespace();
      if (pos_ >= text_.size() || text_[pos_] != '"') {
        fail("Expected a string for an object key, found " + describe(pos_));
      }
      std::string key = readString();
      skipWhitespace();
      if (pos_ >= text_.size() || text_[pos_] != ':') {
        fail("Expected ':' after object key, found " + describe(pos_));
      }
      ++pos_;
      skipWhitespace();
      Value value = readValue(depth);
      addMember(members, index, std::move(key), std::move(value));
      skipWhitespace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return Value(std::move(members));
      }
      fail("Expected ',' or '}' in object, found " + describe(pos_));
    }
  }

  static void addMember(Value::Object& members,
                        std::unordered_map<std::string_view, std::size_t>& index, std::string key,
                        Value value) {
    if (members.size() < kIndexObjectsFrom) {
      for (auto& member : members) {
        if (member.first == key) {
          member.second = std::move(value);
          return;
        }
      }
    } else {
      if (index.empty()) {
        // Keys are indexed by view; reserve so that later members never move them.
        members.reserve(members.size() * 2);
        for (std::size_t i = 0; i < members.size(); ++i)
          index.emplace(members[i].first, i);
      }
      if (const auto found = index.find(key); found != index.end()) {
        members[found->second].second = std::move(value);
        return;
      }
    }
    if (!index.empty() && members.size() == members.capacity()) {
      // Growing moves the strings the index views; rebuild it after the move.
      members.reserve(members.size() * 2);
      index.clear();
      for (std::size_t i = 0; i < members.size(); ++i)
        index.emplace(members[i].first, i);
    }
    members.emplace_back(std::move(key), std::move(value));
    if (!index.empty()) index.emplace(members.back().first, members.size() - 1);
  }

  Value readArray(std::size_t depth) {
    enter(depth);
    ++pos_;  // '['
    Value::List items;
    skipWhitespace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return Value(std::move(items));
    }
    while (true) {
      skipWhitespace();
      items.push_back(readValue(depth));
      skipWhitespace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return Value(std::move(items));
      }
      fail("Expected ',' or ']' in array, found " + describe(pos_));
    }
  }

  void readKeyword(std::string_view keyword) {
    if (text_.substr(pos_, keyword.size()) != keyword) {
      fail("Expected a JSON value, found " + describe(pos_));
    }
    pos_ += keyword.size();
  }

  // number = [ minus ] int [ frac ] [ exp ]; int = zero / ( digit1-9 *DIGIT )
  Value readNumber() {
    const std::size_t start = pos_;
    const auto digitAt = [&](std::size_t at) {
      return at < text_.size() && text_[at] >= '0' && text_[at] <= '9';
    };
    if (text_[pos_] == '-') ++pos_;
    if (!digitAt(pos_)) fail("Expected a digit after '-', found " + describe(pos_));
    if (text_[pos_] == '0') {
      ++pos_;
      if (digitAt(pos_)) fail("Leading zeros are not allowed in JSON numbers");
    } else {
      while (digitAt(pos_))
        ++pos_;
    }
    bool integral = true;
    if (pos_ < text_.size() && text_[pos_] == '.') {
      integral = false;
      ++pos_;
      if (!digitAt(pos_)) fail("Expected a digit after the decimal point, found " + describe(pos_));
      while (digitAt(pos_))
        ++pos_;
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      integral = false;
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!digitAt(pos_)) fail("Expected a digit in the exponent, found " + describe(pos_));
      while (digitAt(pos_))
        ++pos_;
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + pos_;
    if (integral) {
      std::int64_t integer = 0;
      if (std::from_chars(first, last, integer).ec == std::errc()) return Value(integer);
      // Too long for int64: JSON.parse would read it as a double, and so do we.
    }
    double number = 0;
    if (std::from_chars(first, last, number).ec != std::errc() || !std::isfinite(number)) {
      failAt(start, "Number out of range");
    }
    return Value(number);
  }

  std::string readString() {
    const std::size_t open = pos_;
    ++pos_;  // '"'
    std::string out;
    std::size_t runStart = pos_;  // bytes copied as they are, in one append per run
    while (true) {
      if (pos_ >= text_.size()) failAt(open, "Unterminated string");
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        out.append(text_, runStart, pos_ - runStart);
        ++pos_;
        return out;
      }
      if (c == '\\') {
        out.append(text_, runStart, pos_ - runStart);
        readEscape(out);
        runStart = pos_;
        continue;
      }
      if (c < 0x20) fail("Unescaped control character in string");
      if (c < 0x80) {
        ++pos_;
        continue;
      }
      const std::size_t length = utf8::decode(text_, pos_).size;
      if (length == 0) fail("Invalid UTF-8 in string");
      pos_ += length;
    }
  }

  void readEscape(std::string& out) {
    const std::size_t escape = pos_;
    ++pos_;  // '\'
    if (pos_ >= text_.size()) failAt(escape, "Unterminated escape sequence");
    const char c = text_[pos_++];
    switch (c) {
      case '"':
        out += '"';
        return;
      case '\\':
        out += '\\';
        return;
      case '/':
        out += '/';
        return;
      case 'b':
        out += '\b';
        return;
      case 'f':
        out += '\f';
        return;
      case 'n':
        out += '\n';
        return;
      case 'r':
        out += '\r';
        return;
      case 't':
        out += '\t';
        return;
      case 'u':
        break;
      default:
        failAt(escape, "Invalid escape sequence '\\" + std::string(1, c) + "'");
    }
    char32_t unit = readHex4(escape);
    if (unit >= 0xDC00 && unit <= 0xDFFF) failAt(escape, "Unpaired surrogate in \\u escape");
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      if (text_.substr(pos_, 2) != "\\u") failAt(escape, "Unpaired surrogate in \\u escape");
      pos_ += 2;
      const char32_t low = readHex4(escape);
      if (low < 0xDC00 || low > 0xDFFF) failAt(escape, "Unpaired surrogate in \\u escape");
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }
    utf8::append(out, unit);
  }

  char32_t readHex4(std::size_t escape) {
    if (text_.size() - pos_ < 4) failAt(escape, "Invalid \\u escape: expected 4 hex digits");
    char32_t unit = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_++];
      unit <<= 4;
      if (c >= '0' && c <= '9') {
        unit |= static_cast<char32_t>(c - '0');
      } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        unit |= static_cast<char32_t>((c | 0x20) - 'a' + 10);
      } else {
        failAt(escape, "Invalid \\u escape: expected 4 hex digits");
      }
    }
    return unit;
  }

  std::string_view text_;
  JsonLimits limits_;
  std::size_t pos_ = 0;
};

}  // namespace

std::optional<Value> parseJson(std::string_view text, std::string* error, JsonLimits limits) {
  try {
    return JsonReader(text, limits).readDocument();
  } catch (const ParseFailure& failure) {
    if (error != nullptr) *error = failure.message + " at offset " + std::to_string(failure.offset);
    return std::nullopt;
  }
}

}  // namespace mt::api
