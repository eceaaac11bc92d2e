// The event-stream parser: the WHATWG rules, and the same events however the bytes
// are cut into feeds.
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "EventStreamParser.h"

using namespace std::string_view_literals;

namespace mt::load {
namespace {

struct Event {
  std::string type;
  std::string data;
  std::string lastEventId;
  bool operator==(const Event&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Event& e) {
  return out << "{" << e.type << ", \"" << e.data << "\", id " << e.lastEventId << "}";
}

std::vector<Event> feedAll(EventStreamParser& parser, std::string_view bytes) {
  std::vector<Event> events;
  parser.feed(bytes, [&](const ServerSentEvent& e) {
    events.push_back({std::string(e.type), std::string(e.data), std::string(e.lastEventId)});
  });
  return events;
}

std::vector<Event> parse(std::string_view bytes) {
  EventStreamParser parser;
  return feedAll(parser, bytes);
}

// The events of `bytes` fed in pieces of `piece` bytes.
std::vector<Event> parseInPieces(std::string_view bytes, std::size_t piece) {
  EventStreamParser parser;
  std::vector<Event> events;
  for (std::size_t at = 0; at < bytes.size(); at += piece) {
    auto more = feedAll(parser, bytes.substr(at, piece));
    events.insert(events.end(), more.begin(), more.end());
  }
  return events;
}

TEST(EventStreamParserTest, GraphQLSseEventsAndKeepAlive) {
  EventStreamParser parser;
  auto events = feedAll(parser,
                        "event: next\ndata: {\"data\":{\"x\":1}}\n\n"
                        ": keep-alive\n\n"
                        "event: complete\ndata: \n\n");
  ASSERT_EQ(events.size(), 2U);
  EXPECT_EQ(events[0], (Event{"next", "{\"data\":{\"x\":1}}", ""}));
  EXPECT_EQ(events[1], (Event{"complete", "", ""}));
  EXPECT_EQ(parser.comments(), 1U);
  EXPECT_FALSE(parser.failed());
}

TEST(EventStreamParserTest, DataLinesJoinWithNewline) {
  auto events = parse("data: one\ndata: two\ndata:\ndata: four\n\n");
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0].data, "one\ntwo\n\nfour");
  EXPECT_EQ(events[0].type, "message");
}

TEST(EventStreamParserTest, LineEndsCrLfAndCrLfAreEquivalent) {
  const std::vector<Event> expected = {{"next", "a\nb", ""}, {"message", "c", ""}};
  EXPECT_EQ(parse("event: next\ndata: a\ndata: b\n\ndata: c\n\n"), expected);
  EXPECT_EQ(parse("event: next\rdata: a\rdata: b\r\rdata: c\r\r"), expected);
  EXPECT_EQ(parse("event: next\r\ndata: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n"), expected);
  EXPECT_EQ(parse("event: next\r\ndata: a\rdata: b\n\r\ndata: c\n\r"), expected);
}

TEST(EventStreamParserTest, CrLfCutBetweenFeedsIsOneLineEnd) {
  EventStreamParser parser;
  EXPECT_TRUE(feedAll(parser, "data: x\r").empty());
  // Were the LF a line end of its own, this would be a blank line dispatching "x".
  EXPECT_TRUE(feedAll(parser, "\n").empty());
  auto events = feedAll(parser, "data: y\r\n\r");
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0].data, "x\ny");
  EXPECT_TRUE(feedAll(parser, "\ndata: z\n\n").size() == 1);
}

TEST(EventStreamParserTest, EveryCutGivesTheSameEvents) {
  const std::string stream =
      "\xEF\xBB\xBF: hello\r\nevent: next\r\ndata: {\"a\":\r\ndata: 1}\r\nid: 7\r\n\r\n"
      "retry: 3000\rdata:x\r\r: keep-alive\n\nevent: complete\ndata: \n\n";
  const std::vector<Event> whole = parse(stream);
  ASSERT_EQ(whole.size(), 3U);
  EXPECT_EQ(whole[0], (Event{"next", "{\"a\":\n1}", "7"}));
  EXPECT_EQ(whole[1], (Event{"message", "x", "7"}));
  EXPECT_EQ(whole[2], (Event{"complete", "", "7"}));
  for (std::size_t piece = 1; piece < stream.size(); ++piece) {
    EXPECT_EQ(parseInPieces(stream, piece), whole) << "pieces of " << piece;
  }
  for (std::size_t cut = 0; cut <= stream.size(); ++cut) {
    EventStreamParser parser;
    auto events = feedAll(parser, std::string_view(stream).substr(0, cut));
    auto rest = feedAll(parser, std::string_view(stream).substr(cut));
    events.insert(events.end(), rest.begin(), rest.end());
    EXPECT_EQ(events, whole) << "cut at " << cut;
  }
}

TEST(EventStreamParserTest, ByteOrderMarkOnlyAtTheStart) {
  EXPECT_EQ(parse("\xEF\xBB\xBF"
                  "data: a\n\n"),
            (std::vector<Event>{{"message", "a", ""}}));
  // A second mark is part of the field name: an unknown field, ignored.
  EXPECT_TRUE(parse("\xEF\xBB\xBF\xEF\xBB\xBF"
                    "data: a\n\n")
                  .empty());
  // Bytes that begin like a mark and are not one stay in the line.
  EventStreamParser parser;
  EXPECT_TRUE(feedAll(parser, "\xEF\xBB").empty());
  EXPECT_TRUE(feedAll(parser, "data: a\n\n").empty());  // field "\xEF\xBB" "data"
  EXPECT_EQ(parse("\xEF\n"
                  "data: b\n\n"),
            (std::vector<Event>{{"message", "b", ""}}));
}

TEST(EventStreamParserTest, FieldSyntax) {
  // One space after the colon is dropped, not two; no colon: an empty value.
  EXPECT_EQ(parse("data:  x\n\n")[0].data, " x");
  EXPECT_EQ(parse("data:x\n\n")[0].data, "x");
  EXPECT_EQ(parse("data\n\n")[0].data, "");
  EXPECT_EQ(parse("data: a:b\n\n")[0].data, "a:b");
  // Unknown fields and field names that only look like ours are ignored.
  EXPECT_TRUE(parse("Data: x\n\n").empty());
  EXPECT_TRUE(parse("data : x\n\n").empty());
  EXPECT_EQ(parse("foo: bar\ndata: y\n\n"), (std::vector<Event>{{"message", "y", ""}}));
}

TEST(EventStreamParserTest, EventTypeDefaultsAndResets) {
  auto events = parse("event: next\ndata: 1\n\ndata: 2\n\nevent:\ndata: 3\n\n");
  ASSERT_EQ(events.size(), 3U);
  EXPECT_EQ(events[0].type, "next");
  EXPECT_EQ(events[1].type, "message");
  EXPECT_EQ(events[2].type, "message");
  // A type without data dispatches nothing and does not leak into the next event.
  events = parse("event: next\n\ndata: 4\n\n");
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0], (Event{"message", "4", ""}));
}

TEST(EventStreamParserTest, LastEventIdPersistsAndRefusesNul) {
  auto events = parse("id: a\ndata: 1\n\ndata: 2\n\nid: b\0c\ndata: 3\n\nid\ndata: 4\n\n"sv);
  ASSERT_EQ(events.size(), 4U);
  EXPECT_EQ(events[0].lastEventId, "a");
  EXPECT_EQ(events[1].lastEventId, "a");
  EXPECT_EQ(events[2].lastEventId, "a");  // the id with a NUL is ignored
  EXPECT_EQ(events[3].lastEventId, "");   // an empty id resets it
}

TEST(EventStreamParserTest, RetryTakesOnlyDigits) {
  EventStreamParser parser;
  feedAll(parser, "retry: 1500\n");
  EXPECT_EQ(parser.retryMs(), 1500U);
  feedAll(parser, "retry: 15x\nretry:\nretry: -1\n");
  EXPECT_EQ(parser.retryMs(), 1500U);
  feedAll(parser, "retry: 99999999999999999999999\n");
  EXPECT_EQ(parser.retryMs(), std::numeric_limits<std::uint64_t>::max());
}

TEST(EventStreamParserTest, UnterminatedEventIsNotDispatched) {
  EventStreamParser parser;
  EXPECT_TRUE(feedAll(parser, "event: next\ndata: {}\n").empty());
  EXPECT_TRUE(feedAll(parser, "data: more").empty());
}

TEST(EventStreamParserTest, LimitsFailAndResetRecovers) {
  EventStreamParser parser;
  const std::string longLine(EventStreamParser::kMaxEventBytes + 1, 'x');
  feedAll(parser, "data: ");
  feedAll(parser, longLine);
  EXPECT_TRUE(parser.failed());
  EXPECT_EQ(parser.error(), "event stream line longer than 1 MiB");
  EXPECT_TRUE(feedAll(parser, "\n\ndata: a\n\n").empty());  // failed stays failed

  parser.reset();
  EXPECT_FALSE(parser.failed());
  const std::string piece(EventStreamParser::kMaxEventBytes / 2, 'y');
  feedAll(parser, "data: " + piece + "\ndata: " + piece + "\n");
  EXPECT_TRUE(parser.failed());
  EXPECT_EQ(parser.error(), "event stream event larger than 1 MiB");

  parser.reset();
  EXPECT_EQ(feedAll(parser, "data: ok\n\n"), (std::vector<Event>{{"message", "ok", ""}}));
}

TEST(EventStreamParserTest, LongLineAcrossManyFeedsWithinTheLimit) {
  EventStreamParser parser;
  const std::string chunk(4096, 'z');
  feedAll(parser, "data: ");
  for (int i = 0; i < 100; ++i)
    EXPECT_TRUE(feedAll(parser, chunk).empty());
  auto events = feedAll(parser, "\n\n");
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0].data.size(), 409600U);
}

}  // namespace
}  // namespace mt::load
