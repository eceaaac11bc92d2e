#include <gtest/gtest.h>

#include <string>

#include "Cursors.h"

namespace mt::twitter {
namespace {

TEST(Cursors, RoundTrip) {
  for (db::Id id : {db::Id{1}, db::Id{42}, db::Id{9'223'372'036'854'775'807}}) {
    SCOPED_TRACE(id);
    std::string cursor = encodeCursor(CursorKind::Tweet, id);
    EXPECT_EQ(cursor.find_first_of("=+/"), std::string::npos) << "base64url, unpadded";
    EXPECT_EQ(decodeCursor(CursorKind::Tweet, cursor), id);
    EXPECT_EQ(decodeCursor(CursorKind::FollowEdge, encodeCursor(CursorKind::FollowEdge, id)), id);
  }
  EXPECT_EQ(encodeCursor(CursorKind::Tweet, 42), "dDo0Mg") << "base64url of \"t:42\"";
}

TEST(Cursors, AKindIsNotAnother) {
  EXPECT_FALSE(decodeCursor(CursorKind::FollowEdge, encodeCursor(CursorKind::Tweet, 7)));
  EXPECT_FALSE(decodeCursor(CursorKind::Tweet, encodeCursor(CursorKind::FollowEdge, 7)));
}

TEST(Cursors, AnythingElseIsRefused) {
  for (const std::string& bad :
       {std::string(""), std::string("garbage"), std::string("-1"), std::string("\xff\xfe"),
        std::string("dDo0Mg=="), std::string("dDo0Mh"), std::string("dDo0Mg "),
        std::string(5000, 'A'), std::string("'; DROP TABLE tweets; --"),
        std::string("dDow") /* t:0 */, std::string("dDotMQ") /* t:-1 */,
        std::string("dDphYmM") /* t:abc */, std::string("dDo") /* t: */}) {
    SCOPED_TRACE(bad.substr(0, 20));
    EXPECT_FALSE(decodeCursor(CursorKind::Tweet, bad));
  }
}

TEST(PositiveIds, AreDecimalIntegersAboveZero) {
  EXPECT_EQ(parsePositiveId("1"), 1);
  EXPECT_EQ(parsePositiveId("9223372036854775807"), 9'223'372'036'854'775'807);
  for (const char* bad : {"", "0", "-1", "+1", "1.5", " 1", "1 ", "0x10", "abc",
                          "9223372036854775808", "99999999999999999999999999"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(parsePositiveId(bad));
  }
}

}  // namespace
}  // namespace mt::twitter
