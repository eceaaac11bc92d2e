#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "HttpDate.h"

namespace mt::http {
namespace {

using namespace std::chrono;

// RFC 9110's own example instant.
constexpr sys_seconds kExample = sys_days{1994y / November / 6} + 8h + 49min + 37s;

TEST(HttpDateTest, FormatsImfFixdate) {
  EXPECT_EQ(formatHttpDate(kExample), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(formatHttpDate(sys_seconds{}), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(formatHttpDate(sys_days{2024y / February / 29} + 23h + 59min + 59s),
            "Thu, 29 Feb 2024 23:59:59 GMT");
  EXPECT_EQ(formatHttpDate(sys_days{2038y / January / 19} + 3h + 14min + 8s),
            "Tue, 19 Jan 2038 03:14:08 GMT");
}

TEST(HttpDateTest, ClampsTimesTheFormatCannotExpress) {
  EXPECT_EQ(formatHttpDate(sys_days{year{12000} / 1 / 1}), "Fri, 31 Dec 9999 23:59:59 GMT");
  EXPECT_EQ(formatHttpDate(sys_days{year{-5} / 1 / 1}), "Sat, 01 Jan 0000 00:00:00 GMT");
}

TEST(HttpDateTest, ParsesAllThreeFormats) {
  EXPECT_EQ(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), kExample);
  EXPECT_EQ(parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"), kExample);
  EXPECT_EQ(parseHttpDate("Sun Nov  6 08:49:37 1994"), kExample);
  EXPECT_EQ(parseHttpDate("Sun Nov 16 08:49:37 1994"), kExample + days{10});
}

TEST(HttpDateTest, ReadsTwoDigitYearsAsNoMoreThanFiftyYearsAhead) {
  auto thisYear = static_cast<int>(year_month_day{floor<days>(system_clock::now())}.year());
  auto parsedYear = [](std::string_view text) {
    return static_cast<int>(year_month_day{floor<days>(*parseHttpDate(text))}.year());
  };
  int twoDigits = (thisYear + 1) % 100;
  char text[64];
  std::snprintf(text, sizeof text, "Monday, 01-Jan-%02d 00:00:00 GMT", twoDigits);
  EXPECT_EQ(parsedYear(text), thisYear + 1);
  twoDigits = (thisYear + 60) % 100;
  std::snprintf(text, sizeof text, "Monday, 01-Jan-%02d 00:00:00 GMT", twoDigits);
  EXPECT_EQ(parsedYear(text), thisYear + 60 - 100);
}

TEST(HttpDateTest, RoundTrips) {
  for (sys_seconds t : {sys_seconds{}, kExample, sys_seconds{seconds{1700000000}},
                        sys_seconds{seconds{4102444799}}}) {
    EXPECT_EQ(parseHttpDate(formatHttpDate(t)), t);
  }
}

TEST(HttpDateTest, RefusesMalformedDates) {
  for (const char* bad :
       {"", "garbage", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 06 Nov 1994 08:49:37 gmt",
        "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 94 08:49:37 GMT",
        "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:00 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT ", " Sun, 06 Nov 1994 08:49:37 GMT",
        "Xyz, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49 GMT",
        "Sunday, 06-Nov-1994 08:49:37 GMT", "Sun Nov 6 08:49:37 1994", "Sun Nov  6 08:49:37 94",
        "1994-11-06T08:49:37Z"}) {
    EXPECT_EQ(parseHttpDate(bad), std::nullopt) << bad;
  }
}

TEST(HttpDateTest, CurrentDateIsNowAndWellFormed) {
  std::string_view now = currentHttpDate();
  ASSERT_EQ(now.size(), kHttpDateLength);
  auto parsed = parseHttpDate(now);
  ASSERT_TRUE(parsed);
  auto difference = floor<seconds>(system_clock::now()) - *parsed;
  EXPECT_LE(std::abs(difference.count()), 2);
  EXPECT_EQ(currentHttpDate().data(), now.data());  // cached per thread
}

}  // namespace
}  // namespace mt::http
