#include <gtest/gtest.h>

#include "DateTimeScalar.h"
#include "GraphQLError.h"
#include "Parser.h"
#include "ScalarRegistry.h"

namespace mt::api {
namespace {

std::string errorOf(auto coerce) {
  try {
    coerce();
  } catch (const GraphQLError& error) {
    return std::string(error.message());
  }
  return "no error";
}

TEST(DateTimeScalarTest, ParsesRfc3339) {
  EXPECT_EQ(DateTimeScalar::parse("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(DateTimeScalar::parse("1970-01-01T00:00:00.001Z"), 1);
  EXPECT_EQ(DateTimeScalar::parse("2024-05-01T12:30:00.000Z"), 1714566600000);
  EXPECT_EQ(DateTimeScalar::parse("2024-05-01T14:30:00+02:00"), 1714566600000);
  EXPECT_EQ(DateTimeScalar::parse("2024-05-01t10:00:00.5-02:30"), 1714566600500);
  EXPECT_EQ(DateTimeScalar::parse("2024-02-29T00:00:00z"), 1709164800000);
  EXPECT_EQ(DateTimeScalar::parse("1969-12-31T23:59:59.999999Z"), -1);  // truncated
  EXPECT_EQ(DateTimeScalar::parse("0000-01-01T00:00:00Z"), -62167219200000);
  EXPECT_EQ(DateTimeScalar::parse("9999-12-31T23:59:59.999Z"), 253402300799999);
  for (const char* invalid :
       {"", "2024-05-01", "2024-05-01T12:30:00", "2024-05-01 12:30:00Z", "2024-13-01T00:00:00Z",
        "2023-02-29T00:00:00Z", "2024-05-32T00:00:00Z", "2024-05-01T24:00:00Z",
        "2024-05-01T12:60:00Z", "2024-05-01T12:30:60Z", "2024-05-01T12:30:00.Z",
        "2024-05-01T12:30:00+0200", "2024-05-01T12:30:00+24:00", "2024-05-01T12:30:00Zjunk",
        "24-05-01T12:30:00Z", "2024/05/01T12:30:00Z", "+2024-05-01T12:30:00Z"}) {
    EXPECT_FALSE(DateTimeScalar::parse(invalid).has_value()) << invalid;
  }
}

TEST(DateTimeScalarTest, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(DateTimeScalar::format(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(DateTimeScalar::format(1714566600123), "2024-05-01T12:30:00.123Z");
  EXPECT_EQ(DateTimeScalar::format(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(DateTimeScalar::format(-62167219200000), "0000-01-01T00:00:00.000Z");
  EXPECT_EQ(DateTimeScalar::format(253402300799999), "9999-12-31T23:59:59.999Z");
  EXPECT_FALSE(DateTimeScalar::format(253402300800000).has_value());
  EXPECT_FALSE(DateTimeScalar::format(-62167219200001).has_value());
}

TEST(DateTimeScalarTest, SerializesEpochMillisecondsAndStrings) {
  const DateTimeScalar scalar;
  EXPECT_EQ(scalar.serialize(Value(1714566600000)), Value("2024-05-01T12:30:00.000Z"));
  EXPECT_EQ(scalar.serialize(Value(1714566600000.0)), Value("2024-05-01T12:30:00.000Z"));
  EXPECT_EQ(scalar.serialize(Value("2024-05-01T14:30:00+02:00")),
            Value("2024-05-01T12:30:00.000Z"));
  EXPECT_EQ(errorOf([&] { scalar.serialize(Value("yesterday")); }),
            "DateTime cannot represent an invalid date-time string: \"yesterday\"");
  EXPECT_EQ(errorOf([&] { scalar.serialize(Value(true)); }),
            "DateTime cannot represent value: true");
  EXPECT_EQ(errorOf([&] { scalar.serialize(Value(1.5)); }), "DateTime cannot represent value: 1.5");
  EXPECT_EQ(errorOf([&] { scalar.serialize(Value(std::int64_t{1} << 60)); }),
            "DateTime cannot represent a date-time outside years 0000-9999: 1152921504606846976");
}

TEST(DateTimeScalarTest, InputsBecomeEpochMilliseconds) {
  const DateTimeScalar scalar;
  EXPECT_EQ(scalar.parseValue(Value("2024-05-01T14:30:00+02:00")), Value(1714566600000));
  EXPECT_EQ(errorOf([&] { scalar.parseValue(Value(1714566600000)); }),
            "DateTime cannot represent non-string value: 1714566600000");
  EXPECT_EQ(errorOf([&] { scalar.parseValue(Value("2024-02-30T00:00:00Z")); }),
            "DateTime cannot represent an invalid date-time string: \"2024-02-30T00:00:00Z\"");
  const auto literal = parseValue(R"("2024-05-01T12:30:00Z")");
  EXPECT_EQ(scalar.parseLiteral(literal.value, Value()), Value(1714566600000));
  const auto number = parseValue("1714566600000");
  EXPECT_EQ(errorOf([&] { scalar.parseLiteral(number.value, Value()); }),
            "DateTime cannot represent non-string value: 1714566600000");
}

TEST(ScalarRegistryTest, AddsAndFinds) {
  ScalarRegistry registry;
  auto dateTime = std::make_shared<DateTimeScalar>();
  registry.add("DateTime", dateTime);
  EXPECT_EQ(registry.find("DateTime"), dateTime);
  EXPECT_NE(registry.find("Int"), nullptr);  // the specified ones are always there
  EXPECT_EQ(registry.find("Missing"), nullptr);
  EXPECT_EQ(registry.entries().size(), 1u);
}

TEST(ScalarRegistryTest, RefusesReplacingAndNulls) {
  ScalarRegistry registry;
  registry.add("DateTime", std::make_shared<DateTimeScalar>());
  EXPECT_THROW(registry.add("DateTime", std::make_shared<DateTimeScalar>()), std::invalid_argument);
  EXPECT_THROW(registry.add("Int", std::make_shared<DateTimeScalar>()), std::invalid_argument);
  EXPECT_THROW(registry.add("Json", nullptr), std::invalid_argument);
}

}  // namespace
}  // namespace mt::api
