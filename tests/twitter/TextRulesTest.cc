#include <gtest/gtest.h>

#include <string>

#include "TextRules.h"

namespace mt::twitter {
namespace {

std::string repeated(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i)
    out += piece;
  return out;
}

TEST(UsernameRules, AcceptsThreeToTwentyLettersDigitsAndUnderscores) {
  for (const char* good : {"bob", "Bob_99", "___", "a1234567890123456789", "ZZZ"}) {
    SCOPED_TRACE(good);
    TextCheck check = checkUsername(good);
    EXPECT_TRUE(check.ok()) << check.problem;
    EXPECT_EQ(check.value, good) << "kept as written";
  }
}

TEST(UsernameRules, RefusesWrongLengthsAndCharacters) {
  for (const std::string& bad :
       {std::string(""), std::string("ab"), std::string(21, 'a'), std::string("with space"),
        std::string("dash-name"), std::string("dot.name"), std::string("at@name"),
        std::string("\xc3\xa9mile"), std::string("tab\tname"), std::string("nul\0x", 5)}) {
    SCOPED_TRACE(bad);
    TextCheck check = checkUsername(bad);
    EXPECT_FALSE(check.ok());
    EXPECT_EQ(check.problem.find('\n'), std::string::npos) << "one line";
    EXPECT_EQ(check.problem.find('\t'), std::string::npos) << "control characters not echoed";
  }
  EXPECT_EQ(checkUsername("ab").problem, "username 'ab' is 2 characters long; use 3 to 20");
}

TEST(UsernameRules, RefusesReservedNamesInAnyCase) {
  for (const char* reserved : {"admin", "ADMIN", "Api", "graphql", "static", "root", "login"}) {
    SCOPED_TRACE(reserved);
    EXPECT_TRUE(isReservedUsername(reserved));
    EXPECT_NE(checkUsername(reserved).problem.find("is reserved"), std::string::npos);
  }
  EXPECT_TRUE(isReservedUsername("me"));
  EXPECT_FALSE(isReservedUsername("administrators"));
  EXPECT_FALSE(isReservedUsername("bob"));
}

TEST(UsernameRules, ShapeIgnoresReservation) {
  EXPECT_TRUE(hasUsernameShape("admin"));
  EXPECT_TRUE(hasUsernameShape("bob_1"));
  EXPECT_FALSE(hasUsernameShape("bo"));
  EXPECT_FALSE(hasUsernameShape("b-ob"));
}

TEST(PasswordRules, CountsCodePointsNotBytes) {
  EXPECT_TRUE(checkPassword("12345678", "bob").ok());
  EXPECT_TRUE(checkPassword(std::string(128, 'p'), "bob").ok());
  EXPECT_TRUE(checkPassword(repeated("\xc3\xa9", 8), "bob").ok()) << "8 characters, 16 bytes";
  EXPECT_FALSE(checkPassword(repeated("\xc3\xa9", 4), "bob").ok()) << "8 bytes, 4 characters";
  EXPECT_FALSE(checkPassword(repeated("\xf0\x9f\x94\x91", 7), "bob").ok());
  EXPECT_FALSE(checkPassword("1234567", "bob").ok());
  EXPECT_FALSE(checkPassword(std::string(129, 'p'), "bob").ok());
  EXPECT_EQ(checkPassword("short", "bob").problem, "password is 5 characters long; use at least 8");
  EXPECT_EQ(checkPassword(std::string(129, 'p'), "bob").problem,
            "password is 129 characters long; the limit is 128");
}

TEST(PasswordRules, RefusesWhiteSpaceOnlyTheUsernameAndInvalidUtf8) {
  EXPECT_FALSE(checkPassword("          ", "bob").ok());
  EXPECT_FALSE(checkPassword(" \t \n \xe3\x80\x80   ", "bob").ok()) << "ideographic space";
  EXPECT_FALSE(checkPassword("LongUsername", "longusername").ok());
  EXPECT_TRUE(checkPassword("LongUsername1", "longusername").ok());
  EXPECT_FALSE(checkPassword("abcdefgh\xff", "bob").ok());
  EXPECT_TRUE(checkPassword(" padded password ", "bob").ok()) << "spaces inside are fine";
  EXPECT_EQ(checkPassword(" padded password ", "bob").value, " padded password ")
      << "never trimmed";
}

TEST(DisplayNameRules, TrimsAndBoundsToFiftyCharacters) {
  EXPECT_EQ(checkDisplayName("  Ada Lovelace \n").value, "Ada Lovelace");
  EXPECT_TRUE(checkDisplayName(repeated("\xf0\x9f\x90\xa6", 50)).ok());
  EXPECT_FALSE(checkDisplayName(repeated("\xf0\x9f\x90\xa6", 51)).ok());
  EXPECT_FALSE(checkDisplayName("").ok());
  EXPECT_FALSE(checkDisplayName("   ").ok());
  EXPECT_FALSE(checkDisplayName("two\nlines").ok());
  EXPECT_FALSE(checkDisplayName("bell\a").ok());
  EXPECT_EQ(checkDisplayName(std::string(51, 'd')).problem,
            "display name is 51 characters long; the limit is 50");
}

TEST(BioRules, MayBeEmptyMayHaveLineBreaksAndIsBounded) {
  EXPECT_TRUE(checkBio("").ok());
  EXPECT_EQ(checkBio(" line one\r\nline two ").value, "line one\nline two");
  EXPECT_TRUE(checkBio(std::string(160, 'b')).ok());
  EXPECT_FALSE(checkBio(std::string(161, 'b')).ok());
  EXPECT_FALSE(checkBio("esc\x1b[31m").ok());
}

TEST(TweetRules, OneToTwoHundredEightyCodePointsAfterTrimming) {
  EXPECT_EQ(checkTweetText("  hello  ").value, "hello");
  EXPECT_TRUE(checkTweetText(std::string(280, 'x')).ok());
  EXPECT_TRUE(checkTweetText("  " + std::string(280, 'x') + "\n\n").ok()) << "trimmed first";
  EXPECT_TRUE(checkTweetText(repeated("\xf0\x9f\x98\x80", 280)).ok()) << "1120 bytes";
  EXPECT_FALSE(checkTweetText(repeated("\xf0\x9f\x98\x80", 281)).ok());
  EXPECT_EQ(checkTweetText(std::string(290, 'x')).problem,
            "tweet is 290 characters long; the limit is 280");
  EXPECT_EQ(checkTweetText(" \n\t\xc2\xa0 ").problem, "tweet is empty: write something");
}

TEST(TweetRules, RefusesControlCharactersOtherThanLineBreaksAndInvalidUtf8) {
  EXPECT_TRUE(checkTweetText("line\nbreak").ok());
  EXPECT_EQ(checkTweetText("windows\r\nline").value, "windows\nline");
  EXPECT_EQ(checkTweetText("bell\a").problem,
            "tweet contains a control character (U+0007): remove it");
  EXPECT_FALSE(checkTweetText("tab\tinside").ok());
  EXPECT_FALSE(checkTweetText(std::string("nul\0inside", 10)).ok());
  EXPECT_FALSE(checkTweetText("c1 \xc2\x80 inside").ok());
  for (const char* bad : {"\xff", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "ab\xe2\x82"}) {
    SCOPED_TRACE(bad);
    EXPECT_NE(checkTweetText(bad).problem.find("not valid UTF-8"), std::string::npos);
  }
}

TEST(QuoteForMessage, KeepsMessagesOnOneLineAndShort) {
  EXPECT_EQ(quoteForMessage("bob"), "bob");
  EXPECT_EQ(quoteForMessage("a\nb"), "a?b");
  EXPECT_EQ(quoteForMessage(std::string(40, 'x')), std::string(30, 'x') + "\u2026");
  EXPECT_EQ(quoteForMessage("\xff\x41"), "?A");
}

}  // namespace
}  // namespace mt::twitter
