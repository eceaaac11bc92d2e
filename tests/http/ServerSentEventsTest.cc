#include <gtest/gtest.h>

#include "ServerSentEvents.h"

namespace mt::http {
namespace {

TEST(ServerSentEventsTest, WritesAnEventWithOneDataLine) {
  EXPECT_EQ(serverSentEvent("next", R"({"data":{"n":1}})"),
            "event: next\ndata: {\"data\":{\"n\":1}}\n\n");
}

TEST(ServerSentEventsTest, SplitsDataOnEveryKindOfLineBreak) {
  EXPECT_EQ(serverSentEvent("next", "a\nb\r\nc\rd"),
            "event: next\ndata: a\ndata: b\ndata: c\ndata: d\n\n");
}

TEST(ServerSentEventsTest, KeepsEmptyLinesSoTheClientRebuildsTheSameData) {
  EXPECT_EQ(serverSentEvent("next", "a\n\nb\n"),
            "event: next\ndata: a\ndata: \ndata: b\ndata: \n\n");
  EXPECT_EQ(serverSentEvent("next", "\r\n"), "event: next\ndata: \ndata: \n\n");
}

TEST(ServerSentEventsTest, GivesEmptyDataOneEmptyDataLine) {
  EXPECT_EQ(serverSentEvent("complete", ""), "event: complete\ndata: \n\n");
}

TEST(ServerSentEventsTest, WritesACommentOnOneLine) {
  EXPECT_EQ(serverSentComment("keep-alive"), ": keep-alive\n\n");
  EXPECT_EQ(serverSentComment("two\r\nlines\n"), ": two  lines \n\n");
  EXPECT_EQ(serverSentComment(""), ": \n\n");
}

}  // namespace
}  // namespace mt::http
