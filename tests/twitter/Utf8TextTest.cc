#include <gtest/gtest.h>

#include "Utf8Text.h"

namespace mt::twitter::utf8 {
namespace {

TEST(Utf8Decode, AcceptsWellFormedText) {
  EXPECT_EQ(decode("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"),
            (std::u32string{U'a', 0xE9, 0x20AC, 0x1F600}));
  EXPECT_EQ(decode(""), std::u32string());
  EXPECT_EQ(encode(U"a\u00e9\u20ac\U0001F600"), "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
}

TEST(Utf8Decode, RefusesMalformedText) {
  for (const char* bad :
       {"\x80", "\xc3", "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xed\xa0\x80", "\xed\xbf\xbf",
        "\xf0\x80\x80\x80", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xe2\x28\xa1"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(decode(bad));
  }
}

TEST(Utf8Classes, WhiteSpaceAndControls) {
  for (char32_t c :
       {U' ', U'\t', U'\n', U'\r', char32_t{0xA0}, char32_t{0x3000}, char32_t{0x2028}}) {
    EXPECT_TRUE(isWhiteSpace(c)) << static_cast<unsigned>(c);
  }
  EXPECT_FALSE(isWhiteSpace(U'x'));
  EXPECT_FALSE(isWhiteSpace(0x200B)) << "zero width space is not White_Space";
  EXPECT_TRUE(isControl(0));
  EXPECT_TRUE(isControl(0x7F));
  EXPECT_TRUE(isControl(0x85));
  EXPECT_FALSE(isControl(0xA0));
}

TEST(Utf8Classes, WordCharacters) {
  for (char32_t c : {U'a', U'Z', U'0', U'_', char32_t{0xE9}, char32_t{0x3B1}, char32_t{0x43C},
                     char32_t{0x6771}, char32_t{0xAC00}, char32_t{0x301}}) {
    EXPECT_TRUE(isWordCharacter(c)) << static_cast<unsigned>(c);
  }
  for (char32_t c :
       {U'-', U'.', U'#', U'@', U' ', char32_t{0xD7}, char32_t{0x1F600}, char32_t{0x2019}}) {
    EXPECT_FALSE(isWordCharacter(c)) << static_cast<unsigned>(c);
  }
}

TEST(Utf8Classes, LowerCase) {
  EXPECT_EQ(toLower(U'A'), U'a');
  EXPECT_EQ(toLower(U'a'), U'a');
  EXPECT_EQ(toLower(0xC9), 0xE9u);      // É
  EXPECT_EQ(toLower(0xD7), 0xD7u);      // × stays
  EXPECT_EQ(toLower(0x100), 0x101u);    // Ā
  EXPECT_EQ(toLower(0x141), 0x142u);    // Ł
  EXPECT_EQ(toLower(0x178), 0xFFu);     // Ÿ
  EXPECT_EQ(toLower(0x391), 0x3B1u);    // Α
  EXPECT_EQ(toLower(0x3A2), 0x3A2u);    // no capital final sigma
  EXPECT_EQ(toLower(0x386), 0x3ACu);    // Ά
  EXPECT_EQ(toLower(0x410), 0x430u);    // А
  EXPECT_EQ(toLower(0x401), 0x451u);    // Ё
  EXPECT_EQ(toLower(0x1EA0), 0x1EA1u);  // Ạ
  EXPECT_EQ(toLower(0x6771), 0x6771u);  // 東
}

TEST(Utf8Trim, RemovesUnicodeWhiteSpaceAtBothEnds) {
  EXPECT_EQ(trimWhiteSpace(U"\u3000 a b \n"), U"a b");
  EXPECT_EQ(trimWhiteSpace(U"   "), U"");
}

}  // namespace
}  // namespace mt::twitter::utf8
