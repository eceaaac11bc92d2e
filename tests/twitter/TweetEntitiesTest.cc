#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "TweetEntities.h"

namespace mt::twitter {
namespace {

using Strings = std::vector<std::string>;

Strings hashtagsOf(const std::string& text) {
  return extractEntities(text).hashtags;
}
Strings mentionsOf(const std::string& text) {
  return extractEntities(text).mentions;
}

TEST(Hashtags, AreLowerCasedDistinctAndInOrder) {
  EXPECT_EQ(hashtagsOf("#Hello world #CPP and #hello again, #cpp_20!"),
            (Strings{"hello", "cpp", "cpp_20"}));
  EXPECT_EQ(hashtagsOf("#a"), (Strings{"a"}));
  EXPECT_EQ(hashtagsOf("(#paren) \"#quoted\" #end."), (Strings{"paren", "quoted", "end"}));
}

TEST(Hashtags, NeedAStartOfWordAndSomethingBesidesDigits) {
  EXPECT_TRUE(hashtagsOf("a#b c&d#e").empty()) << "after a word character";
  EXPECT_TRUE(hashtagsOf("we're #1, issue #42").empty()) << "digits only";
  EXPECT_EQ(hashtagsOf("#2024goals"), (Strings{"2024goals"}));
  EXPECT_TRUE(hashtagsOf("# alone #").empty());
  EXPECT_EQ(hashtagsOf("##double"), (Strings{"double"}));
  EXPECT_EQ(hashtagsOf("#tag#other"), (Strings{"tag"})) << "the second follows a word character";
}

TEST(Hashtags, AreAtMostFiftyCharacters) {
  EXPECT_EQ(hashtagsOf("#" + std::string(50, 'x')), (Strings{std::string(50, 'x')}));
  EXPECT_TRUE(hashtagsOf("#" + std::string(51, 'x')).empty()) << "too long: not a tag at all";
}

TEST(Hashtags, AcceptUnicodeLettersAndLowerCaseThem) {
  EXPECT_EQ(hashtagsOf("#Caf\xc3\xa9 #\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1 "
                       "#\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0"),
            (Strings{"caf\xc3\xa9", "\xce\xb1\xce\xb8\xce\xae\xce\xbd\xce\xb1",
                     "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0"}));
  EXPECT_EQ(hashtagsOf("#\xe6\x9d\xb1\xe4\xba\xac"), (Strings{"\xe6\x9d\xb1\xe4\xba\xac"}))
      << "CJK";
  EXPECT_EQ(hashtagsOf("#emoji\xf0\x9f\x98\x80"), (Strings{"emoji"})) << "an emoji ends the tag";
}

TEST(Hashtags, AtMostTenPerTweet) {
  std::string text;
  for (int i = 0; i < 12; ++i)
    text += "#tag" + std::to_string(i) + " ";
  Strings tags = hashtagsOf(text);
  ASSERT_EQ(tags.size(), 10u);
  EXPECT_EQ(tags.front(), "tag0");
  EXPECT_EQ(tags.back(), "tag9");
}

TEST(Mentions, FollowTheUsernameRules) {
  EXPECT_EQ(mentionsOf("hi @Alice and @bob_2, @ALICE again"), (Strings{"alice", "bob_2"}));
  EXPECT_TRUE(mentionsOf("write to bob@example.com").empty()) << "an email is not a mention";
  EXPECT_TRUE(mentionsOf("@ab is too short").empty());
  EXPECT_TRUE(mentionsOf("@" + std::string(21, 'a')).empty()) << "too long";
  EXPECT_EQ(mentionsOf("@" + std::string(20, 'a') + "."), (Strings{std::string(20, 'a')}));
  EXPECT_TRUE(mentionsOf("@bob\xc3\xa9").empty()) << "a username has no accents";
  EXPECT_TRUE(mentionsOf("@admin @api").empty()) << "reserved names are no one";
  EXPECT_EQ(mentionsOf("(@carol) @dave's"), (Strings{"carol", "dave"}));
  EXPECT_EQ(mentionsOf("@@eve"), (Strings{"eve"}));
}

TEST(Mentions, AtMostTenPerTweet) {
  std::string text;
  for (int i = 0; i < 12; ++i)
    text += "@user" + std::to_string(i) + " ";
  Strings users = mentionsOf(text);
  ASSERT_EQ(users.size(), 10u);
  EXPECT_EQ(users.back(), "user9");
}

TEST(Entities, InvalidUtf8YieldsNothing) {
  TweetEntities entities = extractEntities("#tag @user1 \xff");
  EXPECT_TRUE(entities.hashtags.empty());
  EXPECT_TRUE(entities.mentions.empty());
}

TEST(NormaliseHashtag, TakesTheTagWithOrWithoutHashInAnyCase) {
  EXPECT_EQ(normaliseHashtag("CPP"), "cpp");
  EXPECT_EQ(normaliseHashtag("#Cpp"), "cpp");
  EXPECT_EQ(normaliseHashtag(" #cpp "), "cpp");
  EXPECT_EQ(normaliseHashtag("\xc3\x89t\xc3\xa9"), "\xc3\xa9t\xc3\xa9");
  for (const char* bad : {"", "#", "two words", "#a#b", "42", "dash-ed", "\xff"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(normaliseHashtag(bad));
  }
  EXPECT_FALSE(normaliseHashtag(std::string(51, 'x')));
}

}  // namespace
}  // namespace mt::twitter
