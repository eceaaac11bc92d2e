// The GraphQL endpoint of the real `minitwitter serve`, spoken to over HTTP as the
// GraphQL-over-HTTP specification describes.
#include <gtest/gtest.h>

#include <string>

#include "RawHttpClient.h"
#include "ServerProcess.h"

namespace mt::testing {
namespace {

constexpr const char* kGraphQLResponse = "application/graphql-response+json; charset=utf-8";
constexpr const char* kJson = "application/json; charset=utf-8";

class GraphQLApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess({"--threads", "1"}); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static WireResponse post(const std::string& body, const std::string& headers = "",
                           const std::string& path = "/api") {
    RawHttpClient client(server_->port());
    return client.request("POST " + path + " HTTP/1.1\r\nHost: t\r\n" + headers +
                          "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  }
  static WireResponse postJson(const std::string& body, const std::string& accept = "") {
    std::string headers = "Content-Type: application/json\r\n";
    if (!accept.empty()) headers += "Accept: " + accept + "\r\n";
    return post(body, headers);
  }
  static WireResponse get(const std::string& target, const std::string& accept = "") {
    RawHttpClient client(server_->port());
    std::string headers = accept.empty() ? "" : "Accept: " + accept + "\r\n";
    return client.request("GET " + target + " HTTP/1.1\r\nHost: t\r\n" + headers + "\r\n");
  }

  static ServerProcess* server_;
};
ServerProcess* GraphQLApiTest::server_ = nullptr;

TEST_F(GraphQLApiTest, AnswersAQueryPostedAsJson) {
  WireResponse response = postJson(R"({"query":"{ version echo(message: \"hi\") }"})");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.header("content-type"), kGraphQLResponse);
  EXPECT_NE(response.body.find(R"("version":"minitwitter )"), std::string::npos) << response.body;
  EXPECT_NE(response.body.find(R"("echo":"hi")"), std::string::npos) << response.body;
}

TEST_F(GraphQLApiTest, ServesTheSameEndpointAtGraphql) {
  WireResponse response =
      post(R"({"query":"{ __typename }"})", "Content-Type: application/json\r\n", "/graphql");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"data":{"__typename":"Query"}})");
}

TEST_F(GraphQLApiTest, TakesVariablesAndAnOperationName) {
  WireResponse response =
      postJson(R"({"query":"query A { version } query B($m: String!) { echo(message: $m) }",)"
               R"("operationName":"B","variables":{"m":"from a variable"}})");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"data":{"echo":"from a variable"}})");
}

TEST_F(GraphQLApiTest, AnswersQueriesOverGet) {
  WireResponse response = get("/api?query=%7B%20echo(message%3A%20%22get%22)%20%7D");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"data":{"echo":"get"}})");
}

TEST_F(GraphQLApiTest, RefusesMutationsOverGet) {
  WireResponse response = get("/api?query=mutation%20%7B%20echo(message%3A%20%22x%22)%20%7D");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.header("allow"), "POST");
}

TEST_F(GraphQLApiTest, RunsMutationsOverPost) {
  WireResponse response = postJson(R"({"query":"mutation { echo(message: \"m\") }"})");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"data":{"echo":"m"}})");
}

TEST_F(GraphQLApiTest, ValidationErrorsAre400InTheNewMediaTypeAnd200InLegacyJson) {
  std::string body = R"({"query":"{ nope }"})";
  WireResponse modern = postJson(body, "application/graphql-response+json");
  EXPECT_EQ(modern.status, 400);
  EXPECT_EQ(modern.header("content-type"), kGraphQLResponse);
  EXPECT_NE(modern.body.find(R"(Cannot query field \"nope\" on type \"Query\".)"),
            std::string::npos)
      << modern.body;
  EXPECT_NE(modern.body.find(R"("locations":[{"line":1,"column":3}])"), std::string::npos);
  WireResponse legacy = postJson(body, "application/json");
  EXPECT_EQ(legacy.status, 200);
  EXPECT_EQ(legacy.header("content-type"), kJson);
  EXPECT_EQ(legacy.body, modern.body);
}

TEST_F(GraphQLApiTest, ParseErrorsSayWhereAndWhat) {
  WireResponse response = postJson(R"({"query":"{ version "})");
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(response.body.find(R"(Syntax Error: Expected Name, found <EOF>.)"), std::string::npos)
      << response.body;
}

TEST_F(GraphQLApiTest, VariableErrorsAreRequestErrors) {
  WireResponse response =
      postJson(R"({"query":"query($m: String!) { echo(message: $m) }","variables":{}})");
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(response.body.find(R"(Variable \"$m\" of required type \"String!\" was not provided.)"),
            std::string::npos)
      << response.body;
  EXPECT_EQ(response.body.find("\"data\""), std::string::npos);
}

TEST_F(GraphQLApiTest, MalformedRequestsGetAClear400) {
  WireResponse badJson = postJson(R"({"query":)");
  EXPECT_EQ(badJson.status, 400);
  EXPECT_NE(badJson.body.find("not valid JSON"), std::string::npos) << badJson.body;
  EXPECT_EQ(postJson(R"(["not an object"])").status, 400);
  EXPECT_EQ(postJson(R"({"qeury":"{ version }"})").status, 400);
  EXPECT_EQ(postJson(R"({"query":"{ version }","variables":[7]})").status, 400);
  EXPECT_EQ(get("/api").status, 400);
}

TEST_F(GraphQLApiTest, RefusesOtherContentTypesAndUnacceptableAccepts) {
  EXPECT_EQ(post(R"({"query":"{ version }"})", "Content-Type: text/plain\r\n").status, 415);
  EXPECT_EQ(post(R"({"query":"{ version }"})", "").status, 415);
  EXPECT_EQ(postJson(R"({"query":"{ version }"})", "text/html").status, 406);
  WireResponse wildcard = postJson(R"({"query":"{ version }"})", "*/*");
  EXPECT_EQ(wildcard.status, 200);
  EXPECT_EQ(wildcard.header("content-type"), kGraphQLResponse);
}

TEST_F(GraphQLApiTest, IntrospectionWorks) {
  WireResponse response =
      postJson(R"({"query":"{ __schema { queryType { name } mutationType { name } } }"})");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(
      response.body,
      R"({"data":{"__schema":{"queryType":{"name":"Query"},"mutationType":{"name":"Mutation"}}}})");
}

TEST_F(GraphQLApiTest, OtherMethodsGet405) {
  RawHttpClient client(server_->port());
  WireResponse response =
      client.request("PUT /api HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n");
  EXPECT_EQ(response.status, 405);
  EXPECT_NE(response.header("allow")->find("POST"), std::string::npos);
}

}  // namespace
}  // namespace mt::testing
