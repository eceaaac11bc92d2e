#include <gtest/gtest.h>

#include <memory>
#include <type_traits>

#include "GraphQLError.h"
#include "Resolved.h"

namespace mt::api {
namespace {

struct Tweet {
  int id;
};

TEST(ResolvedTest, NullFromEveryForm) {
  EXPECT_TRUE(Resolved().isNull());
  EXPECT_TRUE(Resolved(nullptr).isNull());
  EXPECT_TRUE(Resolved(Value()).isNull());
  EXPECT_TRUE(Resolved(std::shared_ptr<const Value>()).isNull());
  EXPECT_TRUE(Resolved::object(std::any()).isNull());
  EXPECT_FALSE(Resolved::list({}).isNull());  // an empty list is not null
}

TEST(ResolvedTest, LeafValues) {
  const Resolved leaf(Value("text"));
  EXPECT_TRUE(leaf.isValue());
  EXPECT_FALSE(leaf.isObject());
  EXPECT_FALSE(leaf.isList());
  EXPECT_EQ(leaf.value(), Value("text"));
  EXPECT_THROW((void)leaf.items(), std::bad_variant_access);
  EXPECT_THROW((void)leaf.object(), std::bad_variant_access);
  EXPECT_TRUE(leaf.typeName().empty());
}

TEST(ResolvedTest, ApplicationObjects) {
  auto tweet = std::make_shared<const Tweet>(Tweet{7});
  const Resolved resolved = Resolved::object(tweet, "Tweet");
  EXPECT_TRUE(resolved.isObject());
  EXPECT_EQ(resolved.typeName(), "Tweet");
  const auto* held = resolved.objectAs<std::shared_ptr<const Tweet>>();
  ASSERT_NE(held, nullptr);
  EXPECT_EQ((*held)->id, 7);
  EXPECT_EQ(resolved.objectAs<int>(), nullptr);
  EXPECT_EQ(Resolved(Value(1)).objectAs<int>(), nullptr);
  EXPECT_TRUE(Resolved::object(tweet).typeName().empty());
}

TEST(ResolvedTest, ListsOfResolved) {
  const Resolved list = Resolved::list({Resolved::object(1, "A"), Resolved(), Resolved(Value(2))});
  ASSERT_TRUE(list.isList());
  ASSERT_EQ(list.items().size(), 3u);
  EXPECT_EQ(list.items()[0].typeName(), "A");
  EXPECT_TRUE(list.items()[1].isNull());
  EXPECT_EQ(list.items()[2].value(), Value(2));
}

TEST(ResolvedTest, MembersAndElementsShareTheData) {
  Resolved data(Value::object({{"author", Value::object({{"name", "ada"}})},
                               {"tags", Value::list({"a", "b"})},
                               {"nothing", Value()},
                               {"__typename", "Tweet"}}));
  EXPECT_EQ(data.typeName(), "Tweet");
  const Resolved author = data.member("author");
  const Resolved tags = data.member("tags");
  EXPECT_EQ(author.member("name").value(), Value("ada"));
  EXPECT_EQ(tags.element(1).value(), Value("b"));
  EXPECT_TRUE(tags.element(2).isNull());
  EXPECT_TRUE(data.member("nothing").isNull());
  EXPECT_TRUE(data.member("missing").isNull());
  EXPECT_TRUE(author.element(0).isNull());               // not a list
  EXPECT_TRUE(Resolved(Value(1)).member("a").isNull());  // not an object
  // A member points into its parent's storage and keeps it alive.
  const Value* inParent = data.value().find("author");
  EXPECT_EQ(&author.value(), inParent);
  data = Resolved();
  EXPECT_EQ(author.member("name").value(), Value("ada"));
}

TEST(ResolvedTest, SharedDataFromTheCaller) {
  auto shared = std::make_shared<const Value>(Value::list({1, 2}));
  const Resolved resolved(shared);
  EXPECT_EQ(&resolved.value(), shared.get());
  EXPECT_EQ(resolved.element(0).value(), Value(1));
}

TEST(ResolvedTest, CheapToMove) {
  static_assert(std::is_nothrow_move_constructible_v<Resolved>);
  Resolved big(Value::list({1, 2, 3}));
  const Value* storage = &big.value();
  Resolved moved = std::move(big);
  EXPECT_EQ(&moved.value(), storage);
}

class DefaultFieldResolverTest : public ::testing::Test {
 protected:
  Resolved resolve(const Resolved& parent, std::string_view field) {
    ResolveInfo info;
    info.fieldName = field;
    info.parentTypeName = "Tweet";
    const Value args{Value::Object{}};
    return defaultFieldResolver(ResolveParams{parent, args, context_, info});
  }

  std::any context_;
};

TEST_F(DefaultFieldResolverTest, ReadsTheParentsMember) {
  const Resolved parent(Value::object({{"text", "hi"}, {"likes", 3}}));
  EXPECT_EQ(resolve(parent, "text").value(), Value("hi"));
  EXPECT_EQ(resolve(parent, "likes").value(), Value(3));
  EXPECT_TRUE(resolve(parent, "missing").isNull());
  EXPECT_TRUE(resolve(Resolved(), "text").isNull());
  EXPECT_TRUE(resolve(Resolved(Value("scalar")), "text").isNull());
}

TEST_F(DefaultFieldResolverTest, ApplicationObjectsNeedAResolver) {
  try {
    resolve(Resolved::object(Tweet{1}), "text");
    FAIL() << "expected an error";
  } catch (const GraphQLError& error) {
    EXPECT_EQ(error.message(),
              "Field \"Tweet.text\" has no resolver, and its parent is an application object that "
              "only a resolver can read.");
  }
}

}  // namespace
}  // namespace mt::api
