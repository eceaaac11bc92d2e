#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "JsNumber.h"

namespace mt::api {
namespace {

TEST(JsNumberTest, PrintsAsJavaScriptsStringOfNumber) {
  // Expected texts are node's String(n) for the same doubles.
  const std::pair<double, const char*> cases[] = {
      {0.0, "0"},
      {-0.0, "0"},
      {1.0, "1"},
      {-1.0, "-1"},
      {1.5, "1.5"},
      {0.1, "0.1"},
      {0.1 + 0.2, "0.30000000000000004"},
      {1e21, "1e+21"},
      {1e20, "100000000000000000000"},
      {123456789012345680000.0, "123456789012345680000"},
      {1.5e-7, "1.5e-7"},
      {1e-6, "0.000001"},
      {0.000001234, "0.000001234"},
      {1e-7, "1e-7"},
      {5e-324, "5e-324"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {-2.5e-10, "-2.5e-10"},
      {100.0, "100"},
      {1e100, "1e+100"},
      {123.456, "123.456"},
      {4294967296.5, "4294967296.5"},
      {9007199254740992.0, "9007199254740992"},
      {9007199254740994.0, "9007199254740994"},
      {0.5e-6, "5e-7"},
      {std::nan(""), "NaN"},
      {std::numeric_limits<double>::infinity(), "Infinity"},
      {-std::numeric_limits<double>::infinity(), "-Infinity"},
  };
  for (const auto& [number, text] : cases)
    EXPECT_EQ(jsNumberText(number), text) << text;
}

TEST(JsNumberTest, ParsesAsJavaScriptsNumberOfString) {
  EXPECT_EQ(parseJsNumber("42"), 42.0);
  EXPECT_EQ(parseJsNumber("  -1.5e3 \n"), -1500.0);
  EXPECT_EQ(parseJsNumber("+.5"), 0.5);
  EXPECT_EQ(parseJsNumber("5."), 5.0);
  EXPECT_EQ(parseJsNumber(""), 0.0);
  EXPECT_EQ(parseJsNumber("   "), 0.0);
  EXPECT_EQ(parseJsNumber("0x1F"), 31.0);
  EXPECT_EQ(parseJsNumber("0o17"), 15.0);
  EXPECT_EQ(parseJsNumber("0b101"), 5.0);
  EXPECT_EQ(parseJsNumber("-Infinity"), -std::numeric_limits<double>::infinity());
  EXPECT_EQ(parseJsNumber("1e400"), std::numeric_limits<double>::infinity());
  EXPECT_EQ(parseJsNumber("-1e400"), -std::numeric_limits<double>::infinity());
  EXPECT_EQ(parseJsNumber("1e-400"), 0.0);
  EXPECT_EQ(parseJsNumber("0.0000000001e-400"), 0.0);
  EXPECT_EQ(parseJsNumber("12345678901234567890123"), 12345678901234567890123.0);
  for (const char* notANumber :
       {"abc", "1a", "1e", ".", "-", "0x", "-0x1", "1 2", "infinity", "1_000"}) {
    EXPECT_FALSE(parseJsNumber(notANumber).has_value()) << notANumber;
  }
}

}  // namespace
}  // namespace mt::api
