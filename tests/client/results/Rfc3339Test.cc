#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>

#include "Rfc3339.h"

namespace mt::load {
namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kT0 = 1'795'881'600 * kSecond;  // 2026-11-28T16:00:00Z

TEST(Rfc3339Test, FormatsWithAsManyFractionDigitsAsNeeded) {
  EXPECT_EQ(formatRfc3339(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(formatRfc3339(kT0), "2026-11-28T16:00:00Z");
  EXPECT_EQ(formatRfc3339(kT0 + 123'000'000), "2026-11-28T16:00:00.123Z");
  EXPECT_EQ(formatRfc3339(kT0 + 123'400'000), "2026-11-28T16:00:00.123400Z");
  EXPECT_EQ(formatRfc3339(kT0 + 1), "2026-11-28T16:00:00.000000001Z");
  EXPECT_EQ(formatRfc3339(-1), "1969-12-31T23:59:59.999999999Z");
}

TEST(Rfc3339Test, RoundTripsEveryNanosecond) {
  for (std::int64_t t :
       {std::int64_t{0}, kT0, kT0 + 1, kT0 + 999'999'999, kT0 + 86'399 * kSecond + 5,
        std::int64_t{951'782'400} * kSecond /* 2000-02-29 */, std::int64_t{-1}}) {
    EXPECT_EQ(parseRfc3339(formatRfc3339(t)), t) << formatRfc3339(t);
  }
}

TEST(Rfc3339Test, ParsesOffsetsAndLowerCase) {
  EXPECT_EQ(parseRfc3339("2026-11-28T17:30:00+01:30"), kT0);
  EXPECT_EQ(parseRfc3339("2026-11-28T14:00:00-02:00"), kT0);
  EXPECT_EQ(parseRfc3339("2026-11-28t16:00:00.5z"), kT0 + 500'000'000);
}

TEST(Rfc3339Test, RejectsWhatIsNotATime) {
  for (const char* text :
       {"", "2026-11-28", "2026-11-28 16:00:00Z", "2026-11-28T16:00:00", "2026-02-30T16:00:00Z",
        "2026-11-28T24:00:00Z", "2026-11-28T16:00:00.Z", "2026-11-28T16:00:00.1234567890Z",
        "2026-11-28T16:00:00Zjunk", "2026-11-28T16:00:00+0100", "2O26-11-28T16:00:00Z"}) {
    EXPECT_THROW(parseRfc3339(text), std::invalid_argument) << text;
  }
}

}  // namespace
}  // namespace mt::load
