#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "Json.h"

namespace mt::api {
namespace {

std::optional<Value> parse(std::string_view text, std::string* error = nullptr,
                           JsonLimits limits = {}) {
  return parseJson(text, error, limits);
}

std::string errorOf(std::string_view text, JsonLimits limits = {}) {
  std::string error;
  EXPECT_FALSE(parseJson(text, &error, limits).has_value()) << text;
  return error;
}

TEST(JsonWriterTest, WritesCompactJson) {
  const Value value = Value::object({{"data", Value::object({{"n", 1},
                                                             {"f", 2.5},
                                                             {"whole", 3.0},
                                                             {"big", 1e21},
                                                             {"b", false},
                                                             {"nothing", Value()},
                                                             {"list", Value::list({1, "two"})},
                                                             {"empty", Value::list({})},
                                                             {"none", Value::object({})}})}});
  EXPECT_EQ(toJson(value),
            R"({"data":{"n":1,"f":2.5,"whole":3,"big":1e+21,"b":false,"nothing":null,)"
            R"("list":[1,"two"],"empty":[],"none":{}}})");
  std::string out = "prefix:";
  writeJson(Value(std::int64_t{-9223372036854775807LL - 1}), out);
  EXPECT_EQ(out, "prefix:-9223372036854775808");
}

TEST(JsonWriterTest, EscapesStringsAsJsonStringify) {
  EXPECT_EQ(toJson(Value("quote\" backslash\\ slash/")), R"("quote\" backslash\\ slash/")");
  EXPECT_EQ(toJson(Value("\b\f\n\r\t")), R"("\b\f\n\r\t")");
  EXPECT_EQ(toJson(Value(std::string("\x00\x01\x1f\x7f", 4))), R"("\u0000\u0001\u001f)"
                                                               "\x7f\"");
  // Non-ASCII passes through as UTF-8, non-BMP included; U+2028 is not escaped either.
  EXPECT_EQ(toJson(Value("é € 😀 \u2028")), "\"é € 😀 \u2028\"");
}

TEST(JsonWriterTest, ReplacesInvalidUtf8) {
  EXPECT_EQ(toJson(Value("a\xff"
                         "b")),
            "\"a\xEF\xBF\xBD"
            "b\"");
  EXPECT_EQ(toJson(Value("\xC0\xAF")), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");  // overlong
  EXPECT_EQ(toJson(Value("\xED\xA0\x80")),
            "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");                       // surrogate
  EXPECT_EQ(toJson(Value("end\xE2\x82")), "\"end\xEF\xBF\xBD\xEF\xBF\xBD\"");  // truncated
}

TEST(JsonWriterTest, NonFiniteFloatsAreNull) {
  EXPECT_EQ(toJson(Value::list({std::nan(""), HUGE_VAL, -HUGE_VAL})), "[null,null,null]");
}

TEST(JsonReaderTest, ReadsEveryKind) {
  const auto value = parse(R"( {"a": [1, -2, 3.5, 1e3, -0, true, false, null, "s"], "b": {}} )");
  ASSERT_TRUE(value.has_value());
  const Value expected =
      Value::object({{"a", Value::list({1, -2, 3.5, 1000.0, 0, true, false, Value(), "s"})},
                     {"b", Value::object({})}});
  EXPECT_EQ(*value, expected);
  EXPECT_TRUE(parse("1e3")->isFloat());
  EXPECT_TRUE(parse("1.0")->isFloat());
  EXPECT_TRUE(parse("10")->isInt());
}

TEST(JsonReaderTest, IntegersBeyondInt64BecomeFloats) {
  EXPECT_EQ(*parse("9223372036854775807"), Value(std::int64_t{9223372036854775807LL}));
  EXPECT_EQ(*parse("-9223372036854775808"), Value(std::int64_t{-9223372036854775807LL - 1}));
  EXPECT_EQ(*parse("9223372036854775808"), Value(9223372036854775808.0));
}

TEST(JsonReaderTest, DecodesEscapes) {
  EXPECT_EQ(*parse(R"("\"\\\/\b\f\n\r\t")"), Value("\"\\/\b\f\n\r\t"));
  EXPECT_EQ(*parse(R"("\u0041\u00e9\u20AC")"), Value("Aé€"));
  EXPECT_EQ(*parse(R"("\ud83d\ude00")"), Value("😀"));
  EXPECT_EQ(*parse("\"raw 😀 é\""), Value("raw 😀 é"));
  EXPECT_EQ(*parse(R"("\u0000")"), Value(std::string(1, '\0')));
}

TEST(JsonReaderTest, DuplicateKeysKeepFirstPlaceAndLastValue) {
  EXPECT_EQ(*parse(R"({"a":1,"b":2,"a":3})"), Value::object({{"a", 3}, {"b", 2}}));
  // Past the size where keys are indexed, the same rule holds.
  std::string text = "{";
  for (int i = 0; i < 100; ++i)
    text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  text += R"("k5":"again","k99":"last","new":true})";
  const auto value = parse(text);
  ASSERT_TRUE(value.has_value());
  ASSERT_EQ(value->asObject().size(), 101u);
  EXPECT_EQ(value->asObject()[5], (Value::Member{"k5", "again"}));
  EXPECT_EQ(value->asObject()[99], (Value::Member{"k99", "last"}));
  EXPECT_EQ(value->asObject()[100], (Value::Member{"new", true}));
  EXPECT_EQ(*value->find("k42"), Value(42));
}

TEST(JsonReaderTest, ReportsWhatAndWhere) {
  const std::pair<const char*, const char*> cases[] = {
      {"", "Expected a JSON value, found end of input at offset 0"},
      {"   ", "Expected a JSON value, found end of input at offset 3"},
      {"{\"a\" 1}", "Expected ':' after object key, found character '1' at offset 5"},
      {"{\"a\":1,}", "Expected a string for an object key, found character '}' at offset 7"},
      {"[1,]", "Expected a JSON value, found character ']' at offset 3"},
      {"[1 2]", "Expected ',' or ']' in array, found character '2' at offset 3"},
      {"{\"a\":1 \"b\":2}", "Expected ',' or '}' in object, found character '\"' at offset 7"},
      {"{'a':1}", "Expected a string for an object key, found character ''' at offset 1"},
      {"tru", "Expected a JSON value, found character 't' at offset 0"},
      {"nul", "Expected a JSON value, found character 'n' at offset 0"},
      {"NaN", "Expected a JSON value, found character 'N' at offset 0"},
      {"01", "Leading zeros are not allowed in JSON numbers at offset 1"},
      {"-", "Expected a digit after '-', found end of input at offset 1"},
      {"1.", "Expected a digit after the decimal point, found end of input at offset 2"},
      {"1e+", "Expected a digit in the exponent, found end of input at offset 3"},
      {"1e400", "Number out of range at offset 0"},
      {"+1", "Expected a JSON value, found character '+' at offset 0"},
      {"1 2", "Unexpected character '2' after the JSON value at offset 2"},
      {"\"abc", "Unterminated string at offset 0"},
      {"\"a\nb\"", "Unescaped control character in string at offset 2"},
      {"\"\\x\"", "Invalid escape sequence '\\x' at offset 1"},
      {"\"\\u12G4\"", "Invalid \\u escape: expected 4 hex digits at offset 1"},
      {"\"\\ud800\"", "Unpaired surrogate in \\u escape at offset 1"},
      {"\"\\udc00\"", "Unpaired surrogate in \\u escape at offset 1"},
      {"\"\\ud800\\u0041\"", "Unpaired surrogate in \\u escape at offset 1"},
      {"\"\xff\"", "Invalid UTF-8 in string at offset 1"},
      {"\"\xC0\xAF\"", "Invalid UTF-8 in string at offset 1"},
      {"\xEF\xBB\xBF{}", "Expected a JSON value, found byte 0xEF at offset 0"},
      {"[1] // comment", "Unexpected character '/' after the JSON value at offset 4"},
  };
  for (const auto& [text, message] : cases)
    EXPECT_EQ(errorOf(text), message) << text;
}

TEST(JsonReaderTest, LimitsNestingDepth) {
  const std::string deep = std::string(10, '[') + std::string(10, ']');
  EXPECT_TRUE(parse(deep, nullptr, {.maxDepth = 10}).has_value());
  EXPECT_EQ(errorOf(deep, {.maxDepth = 9}), "JSON nested deeper than 9 levels at offset 9");
  // The default bound holds against a body that would otherwise exhaust the stack.
  const std::string hostile(1'000'000, '[');
  EXPECT_EQ(errorOf(hostile), "JSON nested deeper than 128 levels at offset 128");
  EXPECT_EQ(errorOf(std::string(200, '[') + "{\"a\":"),
            "JSON nested deeper than 128 levels at offset 128");
}

TEST(JsonReaderTest, ErrorArgumentIsOptional) {
  EXPECT_FALSE(parseJson("[").has_value());
}

TEST(JsonRoundTripTest, ValueThroughTextAndBack) {
  const Value value =
      Value::object({{"query", "{ me { name } }"},
                     {"variables", Value::object({{"first", 10},
                                                  {"ratio", 0.1},
                                                  {"big", 1.7976931348623157e308},
                                                  {"tiny", 5e-324},
                                                  {"text", "line\nbreak \"quoted\" \x01 é 😀"},
                                                  {"tags", Value::list({"a", Value(), true})}})},
                     {"operationName", Value()}});
  const auto back = parseJson(toJson(value));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, value);
}

TEST(JsonRoundTripTest, CanonicalTextThroughValueAndBack) {
  for (const char* text : {R"({"a":[1,2.5,-3,1e+21,0.000001,null,true],"b":{"c":"\u0001\n"}})",
                           R"([])", R"("")", R"(-0.5)", R"({"z":1,"a":2})"}) {
    const auto value = parseJson(text);
    ASSERT_TRUE(value.has_value()) << text;
    EXPECT_EQ(toJson(*value), text);
  }
}

}  // namespace
}  // namespace mt::api
