#include <gtest/gtest.h>

#include "Change.h"

namespace mt::db {
namespace {

TEST(Change, EveryKindSurvivesEncoding) {
  for (const Change::Kind kind :
       {Change::Kind::TweetPosted, Change::Kind::Mentioned, Change::Kind::Followed,
        Change::Kind::Liked, Change::Kind::Retweeted, Change::Kind::TweetDeleted}) {
    const Change change{kind, 12, 0, 9'223'372'036'854'775'807};
    EXPECT_EQ(decodeChange(encodeChange(change)), change) << encodeChange(change);
  }
}

TEST(Change, EncodingIsCompactText) {
  EXPECT_EQ(encodeChange({Change::Kind::TweetPosted, 12, 0, 345}), "tweet 12 0 345");
  EXPECT_EQ(encodeChange({Change::Kind::Followed, 1, 2, 0}), "follow 1 2 0");
}

TEST(Change, ForeignTextDecodesToNothing) {
  for (const char* text :
       {"", "tweet", "tweet 1 2", "tweet 1 2 3 4", "tweet -1 2 3", "unknown 1 2 3", "tweet 1 2 x",
        "tweet 1  2 3", "tweet 1 2 3 ", "TWEET 1 2 3", "tweet 1 2 99999999999999999999"}) {
    EXPECT_EQ(decodeChange(text), std::nullopt) << '"' << text << '"';
  }
}

}  // namespace
}  // namespace mt::db
