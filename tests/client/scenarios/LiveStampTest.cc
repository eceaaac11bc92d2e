// The send-time stamp of live tweets: what posters write, and what subscribers accept.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "LiveStamp.h"

namespace mt::load {
namespace {

constexpr std::int64_t kNow = 1'795'881'600'123'456'789;  // 2026-11-28T16:00:00.123456789Z

TEST(LiveStampTest, FormatsMicrosecondsTagAndSerial) {
  EXPECT_EQ(stampedText(kNow, 42), "t=1795881600123456 #live n42");
  EXPECT_EQ(stampedText(0, 0), "t=0 #live n0");
}

TEST(LiveStampTest, ParsesWhatItFormatsAtMicrosecondPrecision) {
  EXPECT_EQ(stampOf(stampedText(kNow, 7)), std::optional<std::int64_t>(1'795'881'600'123'456'000));
  EXPECT_EQ(stampOf(stampedText(999, 7)), std::optional<std::int64_t>(0));
}

TEST(LiveStampTest, SerialsMakeTextsDistinct) {
  EXPECT_NE(stampedText(kNow, 1), stampedText(kNow, 2));
}

TEST(LiveStampTest, AcceptsAStampAloneOrFollowedByASpace) {
  EXPECT_EQ(stampOf("t=5"), std::optional<std::int64_t>(5'000));
  EXPECT_EQ(stampOf("t=12 anything at all"), std::optional<std::int64_t>(12'000));
}

TEST(LiveStampTest, RejectsTextsWithoutAStamp) {
  for (const char* text : {"", "t", "t=", "t= 5", "hello t=5", " t=5", "T=5", "t:5", "t=-5", "t=+5",
                           "t=5x", "t=5\n", "t=5,6", "tt=5"}) {
    EXPECT_EQ(stampOf(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(LiveStampTest, RejectsStampsBeyondTheRangeOfNanoseconds) {
  // Unix µs with 16 digits reach the year 2286; the largest that fits int64 ns is
  // INT64_MAX / 1000.
  const std::int64_t largest = std::numeric_limits<std::int64_t>::max() / 1000;
  EXPECT_EQ(stampOf("t=" + std::to_string(largest)), std::optional<std::int64_t>(largest * 1000));
  EXPECT_EQ(stampOf("t=" + std::to_string(largest + 1)), std::nullopt);
  EXPECT_EQ(stampOf("t=999999999999999999"), std::nullopt);
  EXPECT_EQ(stampOf("t=" + std::string(40, '9')), std::nullopt);
}

TEST(LiveStampTest, ToleratesLeadingZeros) {
  EXPECT_EQ(stampOf("t=000000000000000000000001"), std::optional<std::int64_t>(1'000));
}

}  // namespace
}  // namespace mt::load
