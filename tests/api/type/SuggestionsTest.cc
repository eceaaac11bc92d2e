#include <gtest/gtest.h>

#include "Suggestions.h"

namespace mt::api {
namespace {

using Names = std::vector<std::string_view>;

// Expected lists are graphql-js's suggestionList() for the same inputs.
TEST(SuggestionsTest, SuggestionListMatchesGraphqlJs) {
  EXPECT_EQ(suggestionList("name", {"name", "nmae", "names", "game", "id", "NAME", "title"}),
            (Names{"name", "NAME", "game", "names", "nmae"}));
  EXPECT_EQ(suggestionList("tweet", {"tweets", "tweet", "twet", "text", "author"}),
            (Names{"tweet", "tweets", "twet", "text"}));
  EXPECT_EQ(suggestionList("a1", {"a10", "a2", "a1x", "b1"}), (Names{"a1x", "a2", "a10", "b1"}));
  EXPECT_EQ(suggestionList("x", {"y", "xx", "abc"}), (Names{"xx", "y"}));
  EXPECT_EQ(suggestionList("createdAt", {"createdat", "created_at", "updatedAt", "createdBy"}),
            (Names{"created_at", "createdat", "createdBy", "updatedAt"}));
  EXPECT_EQ(suggestionList("zzz", {"name", "id"}), Names{});
  EXPECT_EQ(suggestionList("id", {"id", "id"}), Names{"id"});
}

TEST(SuggestionsTest, DidYouMeanMatchesGraphqlJs) {
  EXPECT_EQ(didYouMean({}), "");
  EXPECT_EQ(didYouMean({"a"}), " Did you mean \"a\"?");
  EXPECT_EQ(didYouMean({"a", "b"}), " Did you mean \"a\" or \"b\"?");
  EXPECT_EQ(didYouMean({"a", "b", "c"}), " Did you mean \"a\", \"b\", or \"c\"?");
  EXPECT_EQ(didYouMean({"a", "b", "c", "d", "e", "f", "g"}),
            " Did you mean \"a\", \"b\", \"c\", \"d\", or \"e\"?");
  EXPECT_EQ(didYouMean({"RED"}, "the enum value"), " Did you mean the enum value \"RED\"?");
}

}  // namespace
}  // namespace mt::api
