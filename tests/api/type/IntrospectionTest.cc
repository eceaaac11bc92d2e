#include <gtest/gtest.h>

#include "DateTimeScalar.h"
#include "Introspection.h"
#include "Json.h"
#include "SchemaBuilder.h"
#include "SelectionWalker.h"

namespace mt::api {
namespace {

// graphql-js 16's getIntrospectionQuery() with every option on (descriptions,
// specifiedByUrl, directiveIsRepeatable, schemaDescription, inputValueDeprecation,
// oneOf): what GraphiQL and buildClientSchema ask for.
constexpr const char* kIntrospectionQuery = R"graphql(
query IntrospectionQuery {
  __schema {
    description
    queryType { name kind }
    mutationType { name kind }
    subscriptionType { name kind }
    types {
      ...FullType
    }
    directives {
      name
      description
      isRepeatable
      locations
      args(includeDeprecated: true) {
        ...InputValue
      }
    }
  }
}
fragment FullType on __Type {
  kind
  name
  description
  specifiedByURL
  isOneOf
  fields(includeDeprecated: true) {
    name
    description
    args(includeDeprecated: true) {
      ...InputValue
    }
    type {
      ...TypeRef
    }
    isDeprecated
    deprecationReason
  }
  inputFields(includeDeprecated: true) {
    ...InputValue
  }
  interfaces {
    ...TypeRef
  }
  enumValues(includeDeprecated: true) {
    name
    description
    isDeprecated
    deprecationReason
  }
  possibleTypes {
    ...TypeRef
  }
}
fragment InputValue on __InputValue {
  name
  description
  type { ...TypeRef }
  defaultValue
  isDeprecated
  deprecationReason
}
fragment TypeRef on __Type {
  kind
  name
  ofType {
    name
    kind
    ofType {
      name
      kind
      ofType {
        name
        kind
        ofType {
          name
          kind
          ofType {
            name
            kind
            ofType {
              name
              kind
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
)graphql";

constexpr const char* kSdl = R"graphql(
"The test schema."
schema { query: Query }

"When, in RFC 3339."
scalar DateTime @specifiedBy(url: "https://www.rfc-editor.org/rfc/rfc3339")

"Tags things."
directive @tag(name: String! = "x") repeatable on OBJECT | FIELD_DEFINITION

interface Node { id: ID! }

"A user."
type User implements Node @tag {
  id: ID!
  "The handle."
  name(upper: Boolean = false, style: Style @deprecated(reason: "gone")): String!
  old: String @deprecated(reason: "Use name")
  seen: [[DateTime!]]!
}

union Thing = User

enum Color { RED "Green." GREEN BLUE @deprecated(reason: "Too blue") }

input Style { color: Color = RED, size: Int! = 3, weight: Float @deprecated }
input Pick @oneOf { a: Int, b: String }

type Query { node(id: ID!): Node things(pick: Pick): [Thing] color(c: [Color] = [RED, GREEN]): Color }
)graphql";

class IntrospectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    schema_ = SchemaBuilder(kSdl).scalar("DateTime", std::make_shared<DateTimeScalar>()).build();
    result_ = testing::runQuery(*schema_, kIntrospectionQuery);
  }

  const Value& schemaResult() const { return *result_.find("__schema"); }

  // The entry for type `name` in __schema.types.
  const Value& type(std::string_view name) const {
    for (const auto& type : schemaResult().find("types")->asList()) {
      if (*type.find("name") == Value(name)) return type;
    }
    throw std::runtime_error("no type " + std::string(name));
  }

  static const Value& named(const Value& list, std::string_view name) {
    for (const auto& item : list.asList()) {
      if (*item.find("name") == Value(name)) return item;
    }
    throw std::runtime_error("no item " + std::string(name));
  }

  static std::vector<std::string> names(const Value& list) {
    std::vector<std::string> result;
    for (const auto& item : list.asList())
      result.push_back(item.find("name")->asString());
    return result;
  }

  // A type reference as SDL writes it, from its kind/name/ofType chain.
  static std::string typeRef(const Value& ref) {
    const std::string kind = ref.find("kind")->asString();
    if (kind == "NON_NULL") return typeRef(*ref.find("ofType")) + "!";
    if (kind == "LIST") return "[" + typeRef(*ref.find("ofType")) + "]";
    return ref.find("name")->asString();
  }

  std::shared_ptr<const Schema> schema_;
  Value result_;
};

TEST_F(IntrospectionTest, Schema) {
  const Value& schema = schemaResult();
  EXPECT_EQ(*schema.find("description"), Value("The test schema."));
  EXPECT_EQ(toJson(*schema.find("queryType")), R"({"name":"Query","kind":"OBJECT"})");
  // In graphql-js's order (its buildSchema of the same SDL lists the same).
  EXPECT_TRUE(schema.find("mutationType")->isNull());
  EXPECT_TRUE(schema.find("subscriptionType")->isNull());
  EXPECT_EQ(names(*schema.find("types")),
            (std::vector<std::string>{"DateTime",    "Node",        "ID",
                                      "User",        "String",      "Boolean",
                                      "Thing",       "Color",       "Style",
                                      "Int",         "Float",       "Pick",
                                      "Query",       "__Schema",    "__Type",
                                      "__TypeKind",  "__Field",     "__InputValue",
                                      "__EnumValue", "__Directive", "__DirectiveLocation"}));
}

TEST_F(IntrospectionTest, ObjectType) {
  const Value& user = type("User");
  EXPECT_EQ(*user.find("kind"), Value("OBJECT"));
  EXPECT_EQ(*user.find("description"), Value("A user."));
  EXPECT_EQ(toJson(*user.find("interfaces")),
            R"([{"kind":"INTERFACE","name":"Node","ofType":null}])");
  // What only other kinds have is null, not empty.
  for (const char* absent :
       {"possibleTypes", "enumValues", "inputFields", "specifiedByURL", "isOneOf"}) {
    EXPECT_TRUE(user.find(absent)->isNull()) << absent;
  }
  const Value& fields = *user.find("fields");
  EXPECT_EQ(names(fields), (std::vector<std::string>{"id", "name", "old", "seen"}));
  const Value& name = named(fields, "name");
  EXPECT_EQ(*name.find("description"), Value("The handle."));
  EXPECT_EQ(typeRef(*name.find("type")), "String!");
  EXPECT_EQ(*name.find("isDeprecated"), Value(false));
  EXPECT_TRUE(name.find("deprecationReason")->isNull());
  const Value& old = named(fields, "old");
  EXPECT_EQ(*old.find("isDeprecated"), Value(true));
  EXPECT_EQ(*old.find("deprecationReason"), Value("Use name"));
  EXPECT_EQ(typeRef(*named(fields, "seen").find("type")), "[[DateTime!]]!");
  // The wrappers of a type reference have no name.
  const Value& seenType = *named(fields, "seen").find("type");
  EXPECT_TRUE(seenType.find("name")->isNull());
  EXPECT_TRUE(seenType.find("ofType")->find("name")->isNull());
}

TEST_F(IntrospectionTest, Arguments) {
  const Value& args = *named(*type("User").find("fields"), "name").find("args");
  EXPECT_EQ(
      toJson(named(args, "upper")),
      R"({"name":"upper","description":null,"type":{"kind":"SCALAR","name":"Boolean",)"
      R"("ofType":null},"defaultValue":"false","isDeprecated":false,"deprecationReason":null})");
  const Value& style = named(args, "style");
  EXPECT_TRUE(style.find("defaultValue")->isNull());
  EXPECT_EQ(*style.find("isDeprecated"), Value(true));
  EXPECT_EQ(*style.find("deprecationReason"), Value("gone"));
  const Value& color = named(*named(*type("Query").find("fields"), "color").find("args"), "c");
  EXPECT_EQ(*color.find("defaultValue"), Value("[RED, GREEN]"));
}

TEST_F(IntrospectionTest, InterfaceAndUnion) {
  const Value& node = type("Node");
  EXPECT_EQ(*node.find("kind"), Value("INTERFACE"));
  EXPECT_EQ(names(*node.find("possibleTypes")), std::vector<std::string>{"User"});
  EXPECT_EQ(toJson(*node.find("interfaces")), "[]");
  EXPECT_EQ(names(*node.find("fields")), std::vector<std::string>{"id"});
  const Value& thing = type("Thing");
  EXPECT_EQ(*thing.find("kind"), Value("UNION"));
  EXPECT_EQ(names(*thing.find("possibleTypes")), std::vector<std::string>{"User"});
  EXPECT_TRUE(thing.find("fields")->isNull());
  EXPECT_TRUE(thing.find("interfaces")->isNull());
}

TEST_F(IntrospectionTest, EnumType) {
  const Value& color = type("Color");
  EXPECT_EQ(*color.find("kind"), Value("ENUM"));
  EXPECT_EQ(
      toJson(*color.find("enumValues")),
      R"([{"name":"RED","description":null,"isDeprecated":false,"deprecationReason":null},)"
      R"({"name":"GREEN","description":"Green.","isDeprecated":false,"deprecationReason":null},)"
      R"({"name":"BLUE","description":null,"isDeprecated":true,"deprecationReason":"Too blue"}])");
  EXPECT_TRUE(color.find("fields")->isNull());
  EXPECT_TRUE(color.find("possibleTypes")->isNull());
}

TEST_F(IntrospectionTest, InputObjectTypes) {
  const Value& style = type("Style");
  EXPECT_EQ(*style.find("kind"), Value("INPUT_OBJECT"));
  EXPECT_EQ(*style.find("isOneOf"), Value(false));
  EXPECT_TRUE(style.find("fields")->isNull());
  const Value& inputFields = *style.find("inputFields");
  EXPECT_EQ(names(inputFields), (std::vector<std::string>{"color", "size", "weight"}));
  EXPECT_EQ(*named(inputFields, "color").find("defaultValue"), Value("RED"));
  EXPECT_EQ(*named(inputFields, "size").find("defaultValue"), Value("3"));
  EXPECT_EQ(typeRef(*named(inputFields, "size").find("type")), "Int!");
  EXPECT_EQ(*named(inputFields, "weight").find("deprecationReason"), Value("No longer supported"));
  EXPECT_EQ(*type("Pick").find("isOneOf"), Value(true));
}

TEST_F(IntrospectionTest, ScalarTypes) {
  const Value& dateTime = type("DateTime");
  EXPECT_EQ(toJson(dateTime),
            R"({"kind":"SCALAR","name":"DateTime","description":"When, in RFC 3339.",)"
            R"("specifiedByURL":"https://www.rfc-editor.org/rfc/rfc3339","isOneOf":null,)"
            R"("fields":null,"inputFields":null,"interfaces":null,"enumValues":null,)"
            R"("possibleTypes":null})");
  EXPECT_TRUE(type("Int").find("specifiedByURL")->isNull());
  EXPECT_EQ(*type("Boolean").find("description"),
            Value("The `Boolean` scalar type represents `true` or `false`."));
}

TEST_F(IntrospectionTest, Directives) {
  const Value& directives = *schemaResult().find("directives");
  EXPECT_EQ(names(directives), (std::vector<std::string>{"tag", "include", "skip", "deprecated",
                                                         "specifiedBy", "oneOf"}));
  const Value& tag = named(directives, "tag");
  EXPECT_EQ(*tag.find("description"), Value("Tags things."));
  EXPECT_EQ(*tag.find("isRepeatable"), Value(true));
  EXPECT_EQ(toJson(*tag.find("locations")), R"(["OBJECT","FIELD_DEFINITION"])");
  EXPECT_EQ(*named(*tag.find("args"), "name").find("defaultValue"), Value("\"x\""));
  const Value& deprecated = named(directives, "deprecated");
  EXPECT_EQ(*deprecated.find("isRepeatable"), Value(false));
  EXPECT_EQ(toJson(*deprecated.find("locations")),
            R"(["FIELD_DEFINITION","ARGUMENT_DEFINITION","INPUT_FIELD_DEFINITION","ENUM_VALUE"])");
  EXPECT_EQ(*named(*deprecated.find("args"), "reason").find("defaultValue"),
            Value("\"No longer supported\""));
}

TEST_F(IntrospectionTest, DeprecatedMembersOnlyWhenAskedFor) {
  const Value result = testing::runQuery(*schema_, R"({
    user: __type(name: "User") {
      fields { name args { name } }
      all: fields(includeDeprecated: true) { name args(includeDeprecated: true) { name } }
    }
    color: __type(name: "Color") { enumValues { name } all: enumValues(includeDeprecated: true) { name } }
    style: __type(name: "Style") { inputFields { name } }
  })");
  EXPECT_EQ(
      toJson(*result.find("user")),
      R"({"fields":[{"name":"id","args":[]},{"name":"name","args":[{"name":"upper"}]},)"
      R"({"name":"seen","args":[]}],"all":[{"name":"id","args":[]},{"name":"name","args":)"
      R"([{"name":"upper"},{"name":"style"}]},{"name":"old","args":[]},{"name":"seen","args":[]}]})");
  EXPECT_EQ(toJson(*result.find("color")),
            R"({"enumValues":[{"name":"RED"},{"name":"GREEN"}],)"
            R"("all":[{"name":"RED"},{"name":"GREEN"},{"name":"BLUE"}]})");
  EXPECT_EQ(toJson(*result.find("style")), R"({"inputFields":[{"name":"color"},{"name":"size"}]})");
}

TEST_F(IntrospectionTest, MetaFields) {
  const Value result = testing::runQuery(*schema_, R"({
    __typename
    missing: __type(name: "Nope") { name }
    wrapped: __type(name: "Query") { fields { name type { kind name ofType { kind name } } } }
    meta: __type(name: "__Type") { name fields(includeDeprecated: true) { name } }
  })");
  EXPECT_EQ(*result.find("__typename"), Value("Query"));
  EXPECT_TRUE(result.find("missing")->isNull());
  EXPECT_EQ(toJson(*result.find("wrapped")->find("fields")->asList().front().find("type")),
            R"({"kind":"INTERFACE","name":"Node","ofType":null})");
  EXPECT_EQ(names(*result.find("meta")->find("fields")),
            (std::vector<std::string>{"kind", "name", "description", "specifiedByURL", "fields",
                                      "interfaces", "possibleTypes", "enumValues", "inputFields",
                                      "ofType", "isOneOf"}));
}

TEST_F(IntrospectionTest, IntrospectionTypeNames) {
  for (const char* name : {"__Schema", "__Type", "__TypeKind", "__Field", "__InputValue",
                           "__EnumValue", "__Directive", "__DirectiveLocation"}) {
    EXPECT_TRUE(isIntrospectionType(name)) << name;
    EXPECT_NE(schema_->type(name), nullptr) << name;
  }
  EXPECT_FALSE(isIntrospectionType("Query"));
  EXPECT_FALSE(isIntrospectionType("__typename"));
}

}  // namespace
}  // namespace mt::api
