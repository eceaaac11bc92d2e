// Breadth-first execution: a field with a BatchFieldResolver is resolved once per
// level for all the parents there, however many there are and however deep.

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "ExecutionTestSupport.h"

namespace mt::api {
namespace {

using testing::normalized;

struct UserRow {
  std::string id;
  std::string name;
};

struct TweetRow {
  std::string id;
  std::string text;  // empty stands for a missing text
  std::string authorId;
};

// Rows as application objects, as a database layer would hand them out.
using UserPtr = std::shared_ptr<const UserRow>;
using TweetPtr = std::shared_ptr<const TweetRow>;

// An in-memory "database" that counts its round trips.
struct Store {
  std::map<std::string, UserPtr> users;
  std::vector<TweetPtr> tweets;
  std::vector<std::size_t> authorBatches;      // parents per call of Tweet.author
  std::vector<std::size_t> userTweetsBatches;  // parents per call of User.tweets
  int likesCalls = 0;

  Store() {
    for (const char* id : {"u1", "u2", "u3"}) {
      users[id] = std::make_shared<UserRow>(UserRow{id, std::string("name-") + id});
    }
    const char* authors[] = {"u1", "u2", "u1", "u3", "u2"};
    for (int i = 0; i < 5; ++i) {
      tweets.push_back(std::make_shared<TweetRow>(TweetRow{
          "t" + std::to_string(i), i == 2 ? "" : "text " + std::to_string(i), authors[i]}));
    }
  }
};

Resolved tweetObject(const TweetPtr& tweet) {
  return Resolved::object(tweet, "Tweet");
}
Resolved userObject(const UserPtr& user) {
  return Resolved::object(user, "User");
}

std::shared_ptr<const Schema> twitterSchema(Store& store) {
  SchemaBuilder builder(R"(
    type User { id: ID! name: String tweets: [Tweet!]! }
    type Tweet {
      id: ID!
      text: String!
      author: User!
      maybeAuthor(fail: Boolean = false, wrongCount: Boolean = false): User
      likes: Int
    }
    union SearchResult = User | Tweet
    type Query {
      tweets: [Tweet!]!
      looseTweets: [Tweet]
      search: [SearchResult]
    }
  )");
  auto allTweets = [&store](const ResolveParams&) -> Resolved {
    std::vector<Resolved> items;
    for (const TweetPtr& tweet : store.tweets)
      items.push_back(tweetObject(tweet));
    return Resolved::list(std::move(items));
  };
  builder.resolver("Query", "tweets", allTweets);
  builder.resolver("Query", "looseTweets", allTweets);
  builder.resolver("Query", "search", [&store](const ResolveParams&) -> Resolved {
    return Resolved::list({userObject(store.users["u3"]), tweetObject(store.tweets[0]),
                           tweetObject(store.tweets[1]), userObject(store.users["u1"])});
  });

  builder.resolver("User", "id", [](const ResolveParams& params) -> Resolved {
    return Value((*params.parent.objectAs<UserPtr>())->id);
  });
  builder.resolver("User", "name", [](const ResolveParams& params) -> Resolved {
    return Value((*params.parent.objectAs<UserPtr>())->name);
  });
  builder.batchResolver("User", "tweets", [&store](const BatchResolveParams& params) {
    store.userTweetsBatches.push_back(params.parents.size());
    std::vector<Resolved> results;
    for (const Resolved* parent : params.parents) {
      const UserPtr& user = *parent->objectAs<UserPtr>();
      std::vector<Resolved> own;
      for (const TweetPtr& tweet : store.tweets) {
        if (tweet->authorId == user->id) own.push_back(tweetObject(tweet));
      }
      results.push_back(Resolved::list(std::move(own)));
    }
    return results;
  });

  builder.resolver("Tweet", "id", [](const ResolveParams& params) -> Resolved {
    return Value((*params.parent.objectAs<TweetPtr>())->id);
  });
  builder.resolver("Tweet", "text", [](const ResolveParams& params) -> Resolved {
    const std::string& text = (*params.parent.objectAs<TweetPtr>())->text;
    return text.empty() ? Resolved() : Resolved(Value(text));
  });
  auto authors = [&store](const BatchResolveParams& params) {
    EXPECT_EQ(params.info.path, nullptr);
    store.authorBatches.push_back(params.parents.size());
    if (params.args.find("fail") != nullptr && params.args.find("fail")->asBool()) {
      throw std::runtime_error("database down");
    }
    std::vector<Resolved> results;
    for (const Resolved* parent : params.parents) {
      const TweetPtr& tweet = *parent->objectAs<TweetPtr>();
      // t4's author is unknown to maybeAuthor, to null one parent's value only.
      if (params.info.fieldName == "maybeAuthor" && tweet->id == "t4") {
        results.emplace_back();
      } else {
        results.push_back(userObject(store.users.at(tweet->authorId)));
      }
    }
    if (params.args.find("wrongCount") != nullptr && params.args.find("wrongCount")->asBool()) {
      results.pop_back();
    }
    return results;
  };
  builder.batchResolver("Tweet", "author", authors);
  builder.batchResolver("Tweet", "maybeAuthor", authors);
  builder.resolver("Tweet", "likes", [&store](const ResolveParams&) -> Resolved {
    return Value(++store.likesCalls);
  });
  return builder.build();
}

class BatchingTest : public ::testing::Test {
 protected:
  std::string run(const std::string& query) { return testing::run(*schema_, query); }

  Store store_;
  std::shared_ptr<const Schema> schema_ = twitterSchema(store_);
};

TEST_F(BatchingTest, OneBatchCallForAllParents) {
  EXPECT_EQ(run("{ looseTweets { id author { name } } }"), normalized(R"({"data": {"looseTweets": [
                {"id": "t0", "author": {"name": "name-u1"}},
                {"id": "t1", "author": {"name": "name-u2"}},
                {"id": "t2", "author": {"name": "name-u1"}},
                {"id": "t3", "author": {"name": "name-u3"}},
                {"id": "t4", "author": {"name": "name-u2"}}]}})"));
  EXPECT_EQ(store_.authorBatches, (std::vector<std::size_t>{5}));
}

TEST_F(BatchingTest, PlainResolversStillRunPerParent) {
  run("{ looseTweets { likes } }");
  EXPECT_EQ(store_.likesCalls, 5);
}

TEST_F(BatchingTest, NestedBatchingTwoLevelsDeep) {
  EXPECT_EQ(run("{ looseTweets { author { id tweets { id author { id } } } } }"),
            normalized(R"({"data": {"looseTweets": [
                {"author": {"id": "u1", "tweets": [{"id": "t0", "author": {"id": "u1"}},
                                                   {"id": "t2", "author": {"id": "u1"}}]}},
                {"author": {"id": "u2", "tweets": [{"id": "t1", "author": {"id": "u2"}},
                                                   {"id": "t4", "author": {"id": "u2"}}]}},
                {"author": {"id": "u1", "tweets": [{"id": "t0", "author": {"id": "u1"}},
                                                   {"id": "t2", "author": {"id": "u1"}}]}},
                {"author": {"id": "u3", "tweets": [{"id": "t3", "author": {"id": "u3"}}]}},
                {"author": {"id": "u2", "tweets": [{"id": "t1", "author": {"id": "u2"}},
                                                   {"id": "t4", "author": {"id": "u2"}}]}}]}})"));
  // Level 2: the 5 tweets' authors; level 4: the authors of the 9 tweets those 5
  // authors wrote, all in one call.
  EXPECT_EQ(store_.authorBatches, (std::vector<std::size_t>{5, 9}));
  EXPECT_EQ(store_.userTweetsBatches, (std::vector<std::size_t>{5}));
}

TEST_F(BatchingTest, AbstractTypesBatchPerRuntimeType) {
  EXPECT_EQ(run("{ search { ... on User { name } ... on Tweet { author { id } } } }"),
            normalized(R"({"data": {"search": [{"name": "name-u3"}, {"author": {"id": "u1"}},
                                                {"author": {"id": "u2"}}, {"name": "name-u1"}]}})"));
  EXPECT_EQ(store_.authorBatches, (std::vector<std::size_t>{2}));
}

TEST_F(BatchingTest, EachResponseKeyIsItsOwnBatch) {
  run("{ looseTweets { a: author { id } b: author { name } } }");
  EXPECT_EQ(store_.authorBatches, (std::vector<std::size_t>{5, 5}));
}

TEST_F(BatchingTest, NulledParentsAreLeftOut) {
  // t2 has no text, and text is non-null: t2 is nulled before its author is resolved.
  EXPECT_EQ(
      run("{ looseTweets { text author { id } } }"),
      normalized(R"({"errors": [{"message": "Cannot return null for non-nullable field Tweet.text.",
                "locations": [{"line": 1, "column": 17}], "path": ["looseTweets", 2, "text"]}],
                "data": {"looseTweets": [
                  {"text": "text 0", "author": {"id": "u1"}},
                  {"text": "text 1", "author": {"id": "u2"}},
                  null,
                  {"text": "text 3", "author": {"id": "u3"}},
                  {"text": "text 4", "author": {"id": "u2"}}]}})"));
  EXPECT_EQ(store_.authorBatches, (std::vector<std::size_t>{4}));
}

TEST_F(BatchingTest, ABatchResultCanBeNullForOneParent) {
  EXPECT_EQ(run("{ looseTweets { maybeAuthor { id } } }"), normalized(R"({"data": {"looseTweets": [
                {"maybeAuthor": {"id": "u1"}}, {"maybeAuthor": {"id": "u2"}},
                {"maybeAuthor": {"id": "u1"}}, {"maybeAuthor": {"id": "u3"}},
                {"maybeAuthor": null}]}})"));
}

TEST_F(BatchingTest, AFailingBatchFailsTheFieldForEveryParent) {
  const std::string response = run("{ looseTweets { id maybeAuthor(fail: true) { id } } }");
  std::string expectedErrors;
  std::string expectedData;
  for (int i = 0; i < 5; ++i) {
    if (i > 0) {
      expectedErrors += ",";
      expectedData += ",";
    }
    expectedErrors += R"({"message": "database down", "locations": [{"line": 1, "column": 20}],
                          "path": ["looseTweets", )" +
                      std::to_string(i) + R"(, "maybeAuthor"]})";
    expectedData += R"({"id": "t)" + std::to_string(i) + R"(", "maybeAuthor": null})";
  }
  EXPECT_EQ(response, normalized(R"({"errors": [)" + expectedErrors +
                                 R"(], "data": {"looseTweets": [)" + expectedData + "]}}"));
  EXPECT_EQ(store_.authorBatches, (std::vector<std::size_t>{5}));
}

TEST_F(BatchingTest, ABatchMustAnswerEveryParent) {
  const ExecutionResult result = testing::executeRequest(
      *schema_, testing::Request("{ looseTweets { maybeAuthor(wrongCount: true) { id } } }"));
  ASSERT_EQ(result.errors.size(), 5U);
  EXPECT_EQ(result.errors[0].message(),
            "The batch resolver of field \"Tweet.maybeAuthor\" returned 4 values for 5 parents.");
}

TEST_F(BatchingTest, NonNullBatchFailurePropagates) {
  EXPECT_EQ(
      run("{ tweets { id text } }"),
      normalized(R"({"errors": [{"message": "Cannot return null for non-nullable field Tweet.text.",
                "locations": [{"line": 1, "column": 15}], "path": ["tweets", 2, "text"]}],
                "data": null})"));
}

}  // namespace
}  // namespace mt::api
