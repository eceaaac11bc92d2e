// How answers become outcomes, and the shape of the requests.
#include <gtest/gtest.h>

#include "GraphQLRequests.h"
#include "ScenarioTestSupport.h"

namespace mt::load::graphql {
namespace {

using testing::Responses;

std::string kindOf(int status, const std::string& body) {
  HttpResponse response{status, "application/json", body};
  return judge(response).outcome.errorKind;
}

TEST(JudgeTest, DataWithoutErrorsIsASuccess) {
  HttpResponse response{200, "application/json", R"({"data":{"me":{"id":"1"}}})"};
  Reply reply = judge(response);
  EXPECT_TRUE(reply.outcome.ok());
  EXPECT_EQ(reply.data["me"]["id"], "1");
  EXPECT_EQ(kindOf(200, R"({"data":{"x":null},"errors":[]})"), "");
}

TEST(JudgeTest, AnUnexpectedStatusIsAnHttpError) {
  EXPECT_EQ(kindOf(500, R"({"data":{}})"), "http_500");
  EXPECT_EQ(kindOf(400, R"({"errors":[{"message":"bad"}]})"), "http_400");
  EXPECT_EQ(kindOf(404, ""), "http_404");
  EXPECT_EQ(kindOf(204, ""), "http_204");
}

TEST(JudgeTest, GraphQLErrorsNameTheirCode) {
  Responses responses;
  for (const char* code : {"UNAUTHENTICATED", "BAD_USER_INPUT", "NOT_FOUND", "FORBIDDEN",
                           "CONFLICT", "DATABASE_UNAVAILABLE", "INTERNAL"}) {
    EXPECT_EQ(judge(responses.error(code)).outcome.errorKind, std::string("graphql:") + code);
  }
  // Errors with partial data are still errors: the first error's code counts.
  EXPECT_EQ(kindOf(200, R"({"errors":[{"message":"a","extensions":{"code":"NOT_FOUND"}},)"
                        R"({"message":"b","extensions":{"code":"INTERNAL"}}],"data":{"x":1}})"),
            "graphql:NOT_FOUND");
}

TEST(JudgeTest, GraphQLErrorsWithoutAUsableCodeAreGraphql) {
  EXPECT_EQ(kindOf(200, R"({"errors":[{"message":"no code"}],"data":null})"), "graphql");
  EXPECT_EQ(kindOf(200, R"({"errors":[{"message":"m","extensions":{}}]})"), "graphql");
  EXPECT_EQ(kindOf(200, R"({"errors":[{"extensions":{"code":42}}]})"), "graphql");
  EXPECT_EQ(kindOf(200, R"({"errors":[{"extensions":{"code":"lower"}}]})"), "graphql");
  EXPECT_EQ(kindOf(200, R"({"errors":[{"extensions":{"code":"A B"}}]})"), "graphql");
  EXPECT_EQ(
      kindOf(200, R"({"errors":[{"extensions":{"code":")" + std::string(41, 'A') + R"("}}]})"),
      "graphql");
  EXPECT_EQ(kindOf(200, R"({"errors":["text"]})"), "graphql");
  EXPECT_EQ(kindOf(200, R"({"errors":{"code":"X"}})"), "graphql");
}

TEST(JudgeTest, AnUnreadableBodyIsABadResponse) {
  EXPECT_EQ(kindOf(200, ""), "bad_response");
  EXPECT_EQ(kindOf(200, "<html>hi</html>"), "bad_response");
  EXPECT_EQ(kindOf(200, R"({"data":)"), "bad_response");
  EXPECT_EQ(kindOf(200, R"([1,2])"), "bad_response");
  EXPECT_EQ(kindOf(200, R"({"data":null})"), "bad_response");
  EXPECT_EQ(kindOf(200, R"({"data":[]})"), "bad_response");
  EXPECT_EQ(kindOf(200, R"({})"), "bad_response");
  EXPECT_EQ(kindOf(200, "{\"data\":{\"x\":\"\xff\"}}"), "bad_response");
}

TEST(RequestsTest, VariablesAreJsonEscaped) {
  HttpRequest request = postTweet("tok", "quote \" backslash \\ newline \n tab \t #x");
  nlohmann::json body = nlohmann::json::parse(request.body);
  EXPECT_EQ(body["variables"]["t"], "quote \" backslash \\ newline \n tab \t #x");
  EXPECT_EQ(request.authorization, "Bearer tok");
  EXPECT_EQ(request.contentType, "application/json");
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, "/api");
}

TEST(RequestsTest, EachOperationAsksForItsField) {
  auto query = [](const HttpRequest& request) {
    return nlohmann::json::parse(request.body)["query"].get<std::string>();
  };
  EXPECT_NE(query(timeline("t", 20)).find("timeline(first: $n)"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(timeline("t", 20).body)["variables"]["n"], 20);
  EXPECT_NE(query(like("t", "42")).find("like(id: $id)"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(like("t", "42").body)["variables"]["id"], "42");
  EXPECT_NE(query(follow("t", "bob")).find("follow(username: $u)"), std::string::npos);
  EXPECT_NE(query(profile("t", "bob", 10)).find("tweets(first: $n)"), std::string::npos);
  EXPECT_NE(query(postTweet("t", "x")).find("postTweet(text: $t)"), std::string::npos);
  EXPECT_EQ(signup("u", "p").authorization, "");
  EXPECT_EQ(login("u", "p").authorization, "");
}

}  // namespace
}  // namespace mt::load::graphql
