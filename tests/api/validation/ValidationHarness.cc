#include "ValidationHarness.h"

#include <memory>
#include <stdexcept>

#include "Parser.h"
#include "Printer.h"
#include "SchemaBuilder.h"

namespace mt::api {

namespace {

constexpr const char* kTestSdl = R"graphql(
interface Being {
  name(surname: Boolean): String
}

interface Mammal {
  mother: Mammal
  father: Mammal
}

interface Pet implements Being {
  name(surname: Boolean): String
}

interface Canine implements Being & Mammal {
  name(surname: Boolean): String
  mother: Canine
  father: Canine
}

enum DogCommand {
  SIT
  HEEL
  DOWN
}

type Dog implements Being & Pet & Mammal & Canine {
  name(surname: Boolean): String
  nickname: String
  barkVolume: Int
  barks: Boolean
  doesKnowCommand(dogCommand: DogCommand): Boolean
  isHouseTrained(atOtherHomes: Boolean = true): Boolean
  isAtLocation(x: Int, y: Int): Boolean
  mother: Dog
  father: Dog
}

type Cat implements Being & Pet {
  name(surname: Boolean): String
  nickname: String
  meows: Boolean
  meowsVolume: Int
  furColor: FurColor
}

union CatOrDog = Cat | Dog

interface Intelligent {
  iq: Int
}

type Human implements Being & Intelligent {
  name(surname: Boolean): String
  pets: [Pet]
  relatives: [Human]!
  iq: Int
}

type Alien implements Being & Intelligent {
  name(surname: Boolean): String
  numEyes: Int
  iq: Int
}

union DogOrHuman = Dog | Human

union HumanOrAlien = Human | Alien

enum FurColor {
  BROWN
  BLACK
  TAN
  SPOTTED
  NO_FUR
  UNKNOWN
}

input ComplexInput {
  requiredField: Boolean!
  nonNullField: Boolean! = false
  intField: Int
  stringField: String
  booleanField: Boolean
  stringListField: [String]
}

input OneOfInput @oneOf {
  stringField: String
  intField: Int
}

scalar Any

scalar Invalid

type ComplicatedArgs {
  intArgField(intArg: Int): String
  nonNullIntArgField(nonNullIntArg: Int!): String
  stringArgField(stringArg: String): String
  booleanArgField(booleanArg: Boolean): String
  enumArgField(enumArg: FurColor): String
  floatArgField(floatArg: Float): String
  idArgField(idArg: ID): String
  stringListArgField(stringListArg: [String]): String
  stringListNonNullArgField(stringListNonNullArg: [String!]): String
  complexArgField(complexArg: ComplexInput): String
  oneOfArgField(oneOfArg: OneOfInput): String
  anyArgField(anyArg: Any): String
  invalidArgField(invalidArg: Invalid): String
  multipleReqs(req1: Int!, req2: Int!): String
  nonNullFieldWithDefault(arg: Int! = 0): String
  multipleOpts(opt1: Int = 0, opt2: Int = 0): String
  multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String
}

type QueryRoot {
  human(id: ID): Human
  alien: Alien
  dog: Dog
  cat: Cat
  pet: Pet
  catOrDog: CatOrDog
  dogOrHuman: DogOrHuman
  humanOrAlien: HumanOrAlien
  complicatedArgs: ComplicatedArgs
}

type MutationRoot {
  setDogName(name: String!): Dog
}

type Message {
  body: String
  sender: String
}

type SubscriptionRoot {
  importantEmails: [String]
  notImportantEmails: [String]
  moreImportantEmails: [String]
  spamEmails: [String]
  deletedEmails: [String]
  newMessage: Message
}

schema {
  query: QueryRoot
  mutation: MutationRoot
  subscription: SubscriptionRoot
}

directive @onQuery on QUERY
directive @onMutation on MUTATION
directive @onSubscription on SUBSCRIPTION
directive @onField on FIELD
directive @onFragmentDefinition on FRAGMENT_DEFINITION
directive @onFragmentSpread on FRAGMENT_SPREAD
directive @onInlineFragment on INLINE_FRAGMENT
directive @onVariableDefinition on VARIABLE_DEFINITION
directive @repeatable repeatable on FIELD | FRAGMENT_SPREAD
directive @withArgs(required: Int!, optional: String = "x", list: [Int]) on FIELD
)graphql";

constexpr const char* kBoxSdl = R"graphql(
interface SomeBox {
  deepBox: SomeBox
  unrelatedField: String
}

type StringBox implements SomeBox {
  scalar: String
  deepBox: StringBox
  unrelatedField: String
  listStringBox: [StringBox]
  stringBox: StringBox
  intBox: IntBox
}

type IntBox implements SomeBox {
  scalar: Int
  deepBox: IntBox
  unrelatedField: String
  listStringBox: [StringBox]
  stringBox: StringBox
  intBox: IntBox
}

interface NonNullStringBox1 {
  scalar: String!
}

type NonNullStringBox1Impl implements SomeBox & NonNullStringBox1 {
  scalar: String!
  unrelatedField: String
  deepBox: SomeBox
}

interface NonNullStringBox2 {
  scalar: String!
}

type NonNullStringBox2Impl implements SomeBox & NonNullStringBox2 {
  scalar: String!
  unrelatedField: String
  deepBox: SomeBox
}

type Connection {
  edges: [Edge]
}

type Edge {
  node: Node
}

type Node {
  id: ID
  name: String
}

input SomeInput {
  a: String
  b: String
}

type Query {
  someBox: SomeBox
  connection: Connection
  someField(a: String, b: String, arg: SomeInput): String
}
)graphql";

// Refuses every literal with an error that is not a GraphQLError, which validation
// reports as "Expected value of type ..., found ...; <reason>".
class InvalidScalar final : public ScalarType {
 public:
  Value parseLiteral(const ast::Value& literal, const Value& /*variables*/) const override {
    throw std::invalid_argument("Invalid scalar is always invalid: " + print(literal));
  }
};

std::vector<ExpectedError> toExpected(const std::vector<GraphQLError>& errors) {
  std::vector<ExpectedError> result;
  result.reserve(errors.size());
  for (const GraphQLError& error : errors) {
    result.push_back({std::string(error.message()), error.locations});
  }
  return result;
}

}  // namespace

void PrintTo(const ErrorLocation& location, std::ostream* out) {
  *out << "{" << location.line << ", " << location.column << "}";
}

void PrintTo(const ExpectedError& error, std::ostream* out) {
  *out << "\n  {\"" << error.message << "\", {";
  for (std::size_t i = 0; i < error.locations.size(); ++i) {
    if (i > 0) *out << ", ";
    PrintTo(error.locations[i], out);
  }
  *out << "}}";
}

const Schema& testSchema() {
  static const std::shared_ptr<const Schema> schema = [] {
    SchemaBuilder builder(kTestSdl, "validation-test-schema.graphql");
    builder.scalar("Any", std::make_shared<ScalarType>());
    builder.scalar("Invalid", std::make_shared<InvalidScalar>());
    return builder.build();
  }();
  return *schema;
}

const Schema& boxSchema() {
  static const std::shared_ptr<const Schema> schema =
      SchemaBuilder(kBoxSdl, "validation-box-schema.graphql").build();
  return *schema;
}

std::vector<ExpectedError> validateWith(std::span<const ValidationRule* const> rules,
                                        std::string_view document, const Schema& schema,
                                        ValidationOptions options) {
  const auto parsed = parse(std::string(document));
  options.rules = rules;
  return toExpected(validate(schema, *parsed, options));
}

void expectErrors(std::span<const ValidationRule* const> rules, std::string_view document,
                  const std::vector<ExpectedError>& expected, const Schema& schema) {
  EXPECT_EQ(validateWith(rules, document, schema), expected) << "in" << document;
}

void expectErrors(const ValidationRule& rule, std::string_view document,
                  const std::vector<ExpectedError>& expected, const Schema& schema) {
  const ValidationRule* rules[] = {&rule};
  expectErrors(rules, document, expected, schema);
}

void expectValid(std::span<const ValidationRule* const> rules, std::string_view document,
                 const Schema& schema) {
  expectErrors(rules, document, {}, schema);
}

void expectValid(const ValidationRule& rule, std::string_view document, const Schema& schema) {
  expectErrors(rule, document, {}, schema);
}

}  // namespace mt::api
