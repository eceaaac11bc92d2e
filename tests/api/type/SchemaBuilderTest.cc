#include <gtest/gtest.h>

#include <any>
#include <memory>

#include "DateTimeScalar.h"
#include "GraphQLError.h"
#include "Parser.h"
#include "SchemaBuilder.h"

namespace mt::api {
namespace {

constexpr const char* kTwitterSdl = R"graphql(
"""
A point in time, RFC 3339.
"""
scalar DateTime @specifiedBy(url: "https://www.rfc-editor.org/rfc/rfc3339")

directive @auth(role: Role = USER) repeatable on FIELD_DEFINITION | OBJECT

"Anything with an id."
interface Node { id: ID! }
interface Post implements Node { id: ID! text: String! }

enum Role { ADMIN USER GUEST @deprecated(reason: "Sign up") LEGACY @deprecated }

type User implements Node {
  id: ID!
  "The handle"
  name: String!
  tweets(first: Int = 10, order: Order = {}, tags: [String] = "solo"): [Tweet!]!
  oldName: String @deprecated
  nickname: String @deprecated(reason: "Use name")
  stillThere: String @deprecated(reason: null)
}

type Tweet implements Node & Post @auth {
  id: ID!
  text: String!
  author: User!
  postedAt: DateTime
  likes: Int @auth(role: ADMIN)
}

type Retweet implements Node & Post { id: ID! text: String! original: Tweet! }

union Activity = Tweet | Retweet

enum Direction { ASC DESC }

input Order { by: String = "postedAt", direction: Direction = DESC, window: Window = {} }
input Window { days: Int = 7 }
input Search @oneOf { text: String, author: ID }

type Query {
  me: User
  tweet(id: ID!): Tweet
  feed(page: Int = 1, search: Search, old: Boolean @deprecated(reason: "no")): [Activity]
}

type Mutation { post(text: String!): Tweet }

extend type User { bio: String }
extend enum Direction { RANDOM }
)graphql";

std::shared_ptr<const Schema> twitterSchema(SchemaBuilder builder = SchemaBuilder(kTwitterSdl)) {
  builder.scalar("DateTime", std::make_shared<DateTimeScalar>());
  return builder.build();
}

std::vector<std::string> namesOf(const std::vector<const NamedType*>& types) {
  std::vector<std::string> names;
  for (const NamedType* type : types)
    names.push_back(type->name());
  return names;
}

TEST(SchemaBuilderTest, TypesInGraphqlJsOrder) {
  const auto schema = twitterSchema();
  // graphql-js's order: each SDL type, then the specified scalars it is first to use,
  // then those of the directives, then the introspection types. Float is unused.
  EXPECT_EQ(namesOf(schema->types()),
            (std::vector<std::string>{"DateTime",     "Node",
                                      "ID",           "Post",
                                      "String",       "Role",
                                      "User",         "Int",
                                      "Tweet",        "Retweet",
                                      "Activity",     "Direction",
                                      "Order",        "Window",
                                      "Search",       "Query",
                                      "Boolean",      "Mutation",
                                      "__Schema",     "__Type",
                                      "__TypeKind",   "__Field",
                                      "__InputValue", "__EnumValue",
                                      "__Directive",  "__DirectiveLocation"}));
  EXPECT_EQ(schema->type("Float"), nullptr);
  EXPECT_EQ(schema->type("Nope"), nullptr);
  ASSERT_NE(schema->type("Tweet"), nullptr);
  EXPECT_EQ(schema->type("Tweet")->kind(), TypeKind::Object);
  EXPECT_EQ(schema->type("Activity")->kind(), TypeKind::Union);
  EXPECT_EQ(schema->type("Order")->kind(), TypeKind::InputObject);
  EXPECT_EQ(schema->type("__Type")->kind(), TypeKind::Object);
}

TEST(SchemaBuilderTest, RootTypes) {
  const auto schema = twitterSchema();
  EXPECT_EQ(&schema->queryType(), schema->type("Query"));
  EXPECT_EQ(schema->mutationType(), schema->type("Mutation"));
  EXPECT_EQ(schema->subscriptionType(), nullptr);
  EXPECT_EQ(schema->rootType(ast::OperationType::Mutation), schema->type("Mutation"));

  const auto custom = SchemaBuilder(R"(
    "The schema" schema { query: Root }
    extend schema { subscription: Events }
    type Root { a: Int } type Events { b: Int } type Mutation { c: Int }
  )")
                          .build();
  EXPECT_EQ(custom->queryType().name(), "Root");
  EXPECT_EQ(custom->subscriptionType()->name(), "Events");
  EXPECT_EQ(custom->mutationType(), nullptr);  // a schema definition turns off the names
  EXPECT_EQ(custom->description(), "The schema");
}

TEST(SchemaBuilderTest, FieldsArgumentsAndDescriptions) {
  const auto schema = twitterSchema();
  const NamedType& user = *schema->type("User");
  std::vector<std::string> fieldNames;
  for (const auto& field : user.fields())
    fieldNames.push_back(field.name);
  EXPECT_EQ(fieldNames, (std::vector<std::string>{"id", "name", "tweets", "oldName", "nickname",
                                                  "stillThere", "bio"}));
  const Field* name = user.field("name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->description, "The handle");
  EXPECT_EQ(name->type->str(), "String!");
  EXPECT_EQ(name->astNode->name.value, "name");
  EXPECT_EQ(user.field("missing"), nullptr);

  const Field& tweets = *user.field("tweets");
  EXPECT_EQ(tweets.type->str(), "[Tweet!]!");
  EXPECT_EQ(&tweets.type->named(), schema->type("Tweet"));
  ASSERT_EQ(tweets.args.size(), 3u);
  EXPECT_EQ(tweets.arg("first")->defaultValue, Value(10));
  EXPECT_EQ(tweets.arg("nope"), nullptr);
  EXPECT_FALSE(schema->type("Query")->field("tweet")->arg("id")->defaultValue.has_value());
  EXPECT_TRUE(schema->type("Query")->field("tweet")->arg("id")->isRequired());
  EXPECT_FALSE(tweets.arg("first")->isRequired());

  EXPECT_EQ(schema->type("DateTime")->description(), "A point in time, RFC 3339.");
  EXPECT_EQ(schema->type("Node")->description(), "Anything with an id.");
  EXPECT_FALSE(schema->type("Tweet")->description().has_value());
  EXPECT_FALSE(schema->description().has_value());
  EXPECT_EQ(schema->type("User")->astNodes().size(), 2u);  // definition and extension
}

TEST(SchemaBuilderTest, DefaultValuesAreCoercedToTheirTypes) {
  const auto schema = twitterSchema();
  const Field& tweets = *schema->type("User")->field("tweets");
  // An input object's omitted fields take their defaults, nested ones included.
  EXPECT_EQ(
      tweets.arg("order")->defaultValue,
      Value::object(
          {{"by", "postedAt"}, {"direction", "DESC"}, {"window", Value::object({{"days", 7}})}}));
  // A single value where a list is expected is a list of one.
  EXPECT_EQ(tweets.arg("tags")->defaultValue, Value::list({"solo"}));
  const NamedType& order = *schema->type("Order");
  EXPECT_EQ(order.inputField("direction")->defaultValue, Value("DESC"));
  EXPECT_EQ(order.inputField("nope"), nullptr);
  EXPECT_EQ(schema->directive("auth")->arg("role")->defaultValue, Value("USER"));
}

TEST(SchemaBuilderTest, Deprecation) {
  const auto schema = twitterSchema();
  const NamedType& user = *schema->type("User");
  EXPECT_EQ(user.field("oldName")->deprecationReason, "No longer supported");
  EXPECT_EQ(user.field("nickname")->deprecationReason, "Use name");
  EXPECT_TRUE(user.field("nickname")->isDeprecated());
  EXPECT_FALSE(user.field("stillThere")->isDeprecated());  // reason: null, as graphql-js
  EXPECT_FALSE(user.field("name")->isDeprecated());
  const NamedType& role = *schema->type("Role");
  EXPECT_EQ(role.enumValue("GUEST")->deprecationReason, "Sign up");
  EXPECT_EQ(role.enumValue("LEGACY")->deprecationReason, "No longer supported");
  EXPECT_FALSE(role.enumValue("ADMIN")->isDeprecated());
  EXPECT_EQ(schema->type("Query")->field("feed")->arg("old")->deprecationReason, "no");
}

TEST(SchemaBuilderTest, ScalarsEnumsAndInputObjects) {
  const auto schema = twitterSchema();
  const NamedType& dateTime = *schema->type("DateTime");
  EXPECT_NE(dateTime.scalar(), nullptr);
  EXPECT_EQ(dateTime.specifiedByURL(), "https://www.rfc-editor.org/rfc/rfc3339");
  EXPECT_FALSE(schema->type("String")->specifiedByURL().has_value());
  std::vector<std::string> values;
  for (const auto& value : schema->type("Direction")->enumValues())
    values.push_back(value.name);
  EXPECT_EQ(values, (std::vector<std::string>{"ASC", "DESC", "RANDOM"}));
  EXPECT_TRUE(schema->type("Search")->isOneOf());
  EXPECT_FALSE(schema->type("Order")->isOneOf());
}

TEST(SchemaBuilderTest, LeafCoercionThroughTheType) {
  const auto schema = twitterSchema();
  const NamedType& direction = *schema->type("Direction");
  const auto error = [](auto coerce) -> std::string {
    try {
      coerce();
    } catch (const GraphQLError& e) {
      return std::string(e.message());
    }
    return "no error";
  };
  // Messages as graphql-js's GraphQLEnumType gives them for the same enum.
  EXPECT_EQ(direction.serialize(Value("ASC")), Value("ASC"));
  EXPECT_EQ(error([&] { direction.serialize(Value("UP")); }),
            "Enum \"Direction\" cannot represent value: \"UP\"");
  EXPECT_EQ(error([&] { direction.parseValue(Value(1)); }),
            "Enum \"Direction\" cannot represent non-string value: 1.");
  EXPECT_EQ(
      error([&] { direction.parseValue(Value("asc")); }),
      "Value \"asc\" does not exist in \"Direction\" enum. Did you mean the enum value \"ASC\" "
      "or \"DESC\"?");
  const auto stringLiteral = parseValue("\"ASC\"");
  EXPECT_EQ(
      error([&] { direction.parseLiteral(stringLiteral.value, Value()); }),
      "Enum \"Direction\" cannot represent non-enum value: \"ASC\". Did you mean the enum value "
      "\"ASC\" or \"DESC\"?");
  const auto unknown = parseValue("DSC");
  EXPECT_EQ(
      error([&] { direction.parseLiteral(unknown.value, Value()); }),
      "Value \"DSC\" does not exist in \"Direction\" enum. Did you mean the enum value \"ASC\" "
      "or \"DESC\"?");
  const auto known = parseValue("DESC");
  EXPECT_EQ(direction.parseLiteral(known.value, Value()), Value("DESC"));

  const NamedType& integer = *schema->type("Int");
  EXPECT_EQ(integer.parseValue(Value(5.0)), Value(5));
  EXPECT_THROW(schema->type("User")->serialize(Value(1)), std::logic_error);
}

TEST(SchemaBuilderTest, AbstractTypes) {
  const auto schema = twitterSchema();
  const NamedType& node = *schema->type("Node");
  const NamedType& post = *schema->type("Post");
  const NamedType& activity = *schema->type("Activity");
  const NamedType& tweet = *schema->type("Tweet");
  const NamedType& retweet = *schema->type("Retweet");
  EXPECT_EQ(namesOf(node.possibleTypes()), (std::vector<std::string>{"User", "Tweet", "Retweet"}));
  EXPECT_EQ(namesOf(post.possibleTypes()), (std::vector<std::string>{"Tweet", "Retweet"}));
  EXPECT_EQ(namesOf(activity.possibleTypes()), (std::vector<std::string>{"Tweet", "Retweet"}));
  EXPECT_EQ(namesOf(tweet.interfaces()), (std::vector<std::string>{"Node", "Post"}));
  EXPECT_TRUE(node.isPossibleType(tweet));
  EXPECT_FALSE(post.isPossibleType(*schema->type("User")));
  EXPECT_FALSE(node.isPossibleType(post));  // an interface is not a possible type
  EXPECT_TRUE(node.isSubType(post));        // but a sub-type
  EXPECT_TRUE(activity.isSubType(retweet));
  EXPECT_FALSE(activity.isSubType(node));
  EXPECT_TRUE(tweet.possibleTypes().empty());
}

TEST(SchemaBuilderTest, Directives) {
  const auto schema = twitterSchema();
  std::vector<std::string> names;
  for (const Directive* directive : schema->directives())
    names.push_back(directive->name);
  EXPECT_EQ(names, (std::vector<std::string>{"auth", "include", "skip", "deprecated", "specifiedBy",
                                             "oneOf"}));
  const Directive& auth = *schema->directive("auth");
  EXPECT_TRUE(auth.isRepeatable);
  EXPECT_EQ(auth.locations, (std::vector<DirectiveLocation>{DirectiveLocation::FieldDefinition,
                                                            DirectiveLocation::Object}));
  EXPECT_TRUE(auth.isAllowedAt(DirectiveLocation::Object));
  EXPECT_FALSE(auth.isAllowedAt(DirectiveLocation::Field));
  const Directive& skip = *schema->directive("skip");
  EXPECT_EQ(skip.arg("if")->type->str(), "Boolean!");
  EXPECT_EQ(skip.description,
            "Directs the executor to skip this field or fragment when the `if` argument is true.");
  EXPECT_EQ(schema->directive("deprecated")->arg("reason")->defaultValue,
            Value("No longer supported"));
  EXPECT_EQ(schema->directive("nope"), nullptr);
  EXPECT_TRUE(isSpecifiedDirective("oneOf"));
  EXPECT_FALSE(isSpecifiedDirective("auth"));
  // Applied directives stay readable on the AST, for applications that use their own.
  EXPECT_EQ(schema->type("Tweet")->field("likes")->astNode->directives.at(0).name.value, "auth");
}

TEST(SchemaBuilderTest, MetaFields) {
  const auto schema = twitterSchema();
  const NamedType& query = schema->queryType();
  const NamedType& tweet = *schema->type("Tweet");
  EXPECT_EQ(schema->metaField(query, "__schema"), &schema->schemaField());
  EXPECT_EQ(schema->metaField(query, "__type"), &schema->typeField());
  EXPECT_EQ(schema->metaField(query, "__typename"), &schema->typenameField());
  EXPECT_EQ(schema->metaField(tweet, "__typename"), &schema->typenameField());
  EXPECT_EQ(schema->metaField(*schema->type("Node"), "__typename"), &schema->typenameField());
  EXPECT_EQ(schema->metaField(*schema->type("Activity"), "__typename"), &schema->typenameField());
  EXPECT_EQ(schema->metaField(tweet, "__schema"), nullptr);  // query root only
  EXPECT_EQ(schema->metaField(*schema->type("Role"), "__typename"), nullptr);
  EXPECT_EQ(schema->metaField(query, "me"), nullptr);
  EXPECT_EQ(schema->field(query, "me"), query.field("me"));
  EXPECT_EQ(schema->field(query, "__type"), &schema->typeField());
  EXPECT_EQ(schema->field(*schema->type("Activity"), "id"), nullptr);  // unions have no fields
  EXPECT_EQ(schema->typeField().type->str(), "__Type");
  EXPECT_EQ(schema->typeField().arg("name")->type->str(), "String!");
  EXPECT_EQ(schema->schemaField().type->str(), "__Schema!");
  EXPECT_EQ(schema->typenameField().type->str(), "String!");
}

TEST(SchemaBuilderTest, ResolversAreAttached) {
  SchemaBuilder builder(kTwitterSdl);
  builder.resolver("Query", "me", [](const ResolveParams&) -> Resolved { return Value("me"); });
  builder.batchResolver("Tweet", "author", [](const BatchResolveParams& params) {
    return std::vector<Resolved>(params.parents.size());
  });
  builder.resolver("Node", "id", [](const ResolveParams&) -> Resolved { return Value("node"); });
  builder.resolver("Retweet", "id", [](const ResolveParams&) -> Resolved { return Value("own"); });
  builder.typeResolver("Activity", [](const Resolved&, std::any&) { return std::string("Tweet"); });
  const auto schema = twitterSchema(std::move(builder));
  const auto call = [](const Field& field) {
    std::any context;
    const ResolveInfo info;
    const Value args{Value::Object{}};
    return field.resolve(ResolveParams{Resolved(), args, context, info}).value();
  };
  EXPECT_EQ(call(*schema->queryType().field("me")), Value("me"));
  const Field& author = *schema->type("Tweet")->field("author");
  EXPECT_FALSE(author.resolve);
  EXPECT_TRUE(author.batchResolve);
  // Object fields inherit a resolver registered on an interface, unless they have their own.
  EXPECT_EQ(call(*schema->type("User")->field("id")), Value("node"));
  EXPECT_EQ(call(*schema->type("Retweet")->field("id")), Value("own"));
  EXPECT_FALSE(schema->type("Tweet")->field("text")->resolve);  // the default resolver's
  std::any context;
  EXPECT_EQ(schema->type("Activity")->typeResolver()(Resolved(), context), "Tweet");
  EXPECT_FALSE(schema->type("Node")->typeResolver());
}

TEST(SchemaBuilderTest, SubscribersAreAttachedBesideResolvers) {
  struct Stream : SourceEventStream {};
  const auto schema =
      SchemaBuilder("type Query { a: Int } type Subscription { tick: Int quiet: Int }")
          .subscriber("Subscription", "tick",
                      [](SubscribeParams) { return std::make_unique<Stream>(); })
          .resolver("Subscription", "tick",
                    [](const ResolveParams&) -> Resolved { return Value(1); })
          .build();
  const Field& tick = *schema->subscriptionType()->field("tick");
  EXPECT_TRUE(tick.subscribe);
  EXPECT_TRUE(tick.resolve);
  EXPECT_FALSE(schema->subscriptionType()->field("quiet")->subscribe);
  std::any context;
  const ResolveInfo info;
  const Value args{Value::Object{}};
  EXPECT_NE(tick.subscribe(SubscribeParams{args, context, info, [](Resolved) {}}), nullptr);
}

TEST(SchemaBuilderTest, ScalarRegistriesServeSeveralSchemas) {
  ScalarRegistry registry;
  registry.add("DateTime", std::make_shared<DateTimeScalar>());
  registry.add("Unused", std::make_shared<ScalarType>());
  SchemaBuilder builder(kTwitterSdl);
  builder.scalars(registry).scalars(registry);  // the same implementations twice: no conflict
  const auto schema = builder.build();
  EXPECT_EQ(schema->type("DateTime")->scalar(), registry.find("DateTime").get());
  EXPECT_EQ(schema->type("Unused"), nullptr);
}

TEST(SchemaBuilderTest, BuildsIndependentSchemasFromOneBuilder) {
  SchemaBuilder builder("type Query { a: Int }");
  const auto first = builder.build();
  const auto second = builder.build();
  EXPECT_NE(first, second);
  EXPECT_NE(first->type("Query"), second->type("Query"));
  EXPECT_EQ(first->documents().size(), 2u);  // the engine's SDL and the application's
}

TEST(TypeArenaTest, SharesTheSchemasTypesAndInternsItsOwn) {
  const auto schema = twitterSchema();
  TypeArena arena(*schema);
  const auto tweets = parseType("[Tweet!]!");
  const Type* fromSchema = arena.fromAst(tweets.type);
  EXPECT_EQ(fromSchema, schema->type("User")->field("tweets")->type);
  const auto nested = parseType("[[Int]]");
  const Type* own = arena.fromAst(nested.type);
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(own->str(), "[[Int]]");
  EXPECT_EQ(own, arena.fromAst(nested.type));  // interned
  EXPECT_EQ(own, &arena.listOf(arena.listOf(*schema->type("Int"))));
  EXPECT_EQ(&own->named(), schema->type("Int"));
  EXPECT_EQ(own->ofType()->ofType(), schema->type("Int"));
  EXPECT_EQ(arena.fromAst(parseType("[Nope!]").type), nullptr);
  EXPECT_EQ(&arena.nonNullOf(*schema->type("String")), schema->type("User")->field("name")->type);
  EXPECT_THROW(arena.nonNullOf(arena.nonNullOf(*schema->type("Int"))), std::logic_error);
}

TEST(TypeTest, KindsAndWrappers) {
  const auto schema = twitterSchema();
  const Type& tweets = *schema->type("User")->field("tweets")->type;
  EXPECT_EQ(tweets.kind(), TypeKind::NonNull);
  EXPECT_TRUE(tweets.isWrapping());
  EXPECT_EQ(tweets.nullable().kind(), TypeKind::List);
  EXPECT_EQ(tweets.nullable().str(), "[Tweet!]");
  EXPECT_EQ(schema->type("Tweet")->nullable().str(), "Tweet");
  EXPECT_EQ(typeKindName(tweets.kind()), "NON_NULL");
  EXPECT_EQ(typeKindName(TypeKind::InputObject), "INPUT_OBJECT");
  EXPECT_TRUE(tweets.isOutputType());
  EXPECT_FALSE(tweets.isInputType());
  EXPECT_TRUE(schema->type("Order")->isInputType());
  EXPECT_FALSE(schema->type("Order")->isOutputType());
  EXPECT_TRUE(schema->type("Role")->isInputType() && schema->type("Role")->isOutputType());
  EXPECT_TRUE(schema->type("Role")->isLeaf());
  EXPECT_TRUE(schema->type("Activity")->isAbstract() && schema->type("Activity")->isComposite());
  EXPECT_FALSE(tweets.isComposite());  // wrappers are neither
}

}  // namespace
}  // namespace mt::api
