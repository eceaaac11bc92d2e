// HttpMethod, HttpRequest, HttpResponse and SetCookie: the message types.
#include <gtest/gtest.h>

#include "HttpMethod.h"
#include "HttpRequest.h"
#include "HttpResponse.h"
#include "SetCookie.h"

namespace mt::http {
namespace {

TEST(HttpMethodTest, RoundTripsEveryMethod) {
  for (Method m : {Method::Get, Method::Head, Method::Post, Method::Put, Method::Delete,
                   Method::Patch, Method::Options, Method::Trace, Method::Connect}) {
    EXPECT_EQ(parseMethod(methodName(m)), m) << methodName(m);
  }
  EXPECT_EQ(parseMethod("get"), std::nullopt);
  EXPECT_EQ(parseMethod("BREW"), std::nullopt);
  EXPECT_EQ(parseMethod(""), std::nullopt);
}

TEST(HttpRequestTest, LooksHeadersUpCaseInsensitively) {
  HttpRequest request;
  request.headers = {{"Content-Type", "a"}, {"X-Dup", "1"}, {"x-dup", "2"}};
  EXPECT_EQ(request.header("content-type"), "a");
  EXPECT_EQ(request.header("X-DUP"), "1");
  EXPECT_EQ(request.header("Content-Typ"), std::nullopt);
}

TEST(HttpRequestTest, ClearResetsEverythingAndKeepsCapacity) {
  HttpRequest request;
  request.method = Method::Post;
  request.target = "/x";
  request.versionMinor = 0;
  request.headers.resize(10);
  request.decodedBody.assign(1000, 'x');
  request.keepAlive = false;
  request.expectContinue = true;
  request.chunked = true;
  auto capacity = request.headers.capacity();
  request.clear();
  EXPECT_EQ(request.method, Method::Get);
  EXPECT_TRUE(request.target.empty());
  EXPECT_EQ(request.versionMinor, 1);
  EXPECT_TRUE(request.headers.empty());
  EXPECT_TRUE(request.decodedBody.empty());
  EXPECT_TRUE(request.keepAlive);
  EXPECT_FALSE(request.expectContinue);
  EXPECT_FALSE(request.chunked);
  EXPECT_EQ(request.headers.capacity(), capacity);
  EXPECT_GE(request.decodedBody.capacity(), 1000u);
}

TEST(HttpResponseTest, SetHeaderReplacesEveryValueOfTheName) {
  HttpResponse response;
  response.addHeader("Vary", "a").addHeader("X", "1").addHeader("vary", "b");
  response.setHeader("VARY", "c");
  ASSERT_EQ(response.headers.size(), 2u);
  EXPECT_EQ(response.headers[0], (std::pair<std::string, std::string>{"Vary", "c"}));
  EXPECT_EQ(*response.findHeader("vary"), "c");
  response.setHeader("New", "n");
  EXPECT_EQ(response.headers.back().first, "New");
  EXPECT_EQ(response.findHeader("missing"), nullptr);
}

TEST(HttpResponseTest, SetCookieAppendsOneFieldPerCookie) {
  SetCookie a;
  a.name = "a";
  a.value = "1";
  SetCookie b = a;
  b.name = "b";
  HttpResponse response;
  response.setCookie(a).setCookie(b);
  ASSERT_EQ(response.headers.size(), 2u);
  EXPECT_EQ(response.headers[0].second, "a=1; Path=/; HttpOnly; SameSite=Lax");
  EXPECT_EQ(response.headers[1].first, "Set-Cookie");
}

TEST(HttpResponseTest, TextSetsBodyAndType) {
  auto response = HttpResponse::text(201, "made", "application/json");
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.body, "made");
  EXPECT_EQ(*response.findHeader("content-type"), "application/json");
  EXPECT_EQ(response.contentLength(), 4u);
}

TEST(HttpResponseTest, ErrorIsASmallEscapedHtmlPage) {
  auto response = HttpResponse::error(404, "no <script> & \"such\" page");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(*response.findHeader("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(response.body.find("<title>404 Not Found</title>"), std::string::npos);
  EXPECT_NE(response.body.find("no &lt;script&gt; &amp; &quot;such&quot; page"), std::string::npos);
  EXPECT_EQ(response.body.find("<script>"), std::string::npos);
  EXPECT_EQ(HttpResponse::error(500).body.find("<p>"), std::string::npos);
}

TEST(HttpResponseTest, KnowsTheReasonPhrases) {
  const std::pair<int, std::string_view> phrases[] = {{100, "Continue"},
                                                      {101, "Switching Protocols"},
                                                      {200, "OK"},
                                                      {201, "Created"},
                                                      {204, "No Content"},
                                                      {206, "Partial Content"},
                                                      {301, "Moved Permanently"},
                                                      {302, "Found"},
                                                      {304, "Not Modified"},
                                                      {400, "Bad Request"},
                                                      {401, "Unauthorized"},
                                                      {403, "Forbidden"},
                                                      {404, "Not Found"},
                                                      {405, "Method Not Allowed"},
                                                      {408, "Request Timeout"},
                                                      {411, "Length Required"},
                                                      {413, "Content Too Large"},
                                                      {414, "URI Too Long"},
                                                      {415, "Unsupported Media Type"},
                                                      {417, "Expectation Failed"},
                                                      {422, "Unprocessable Content"},
                                                      {429, "Too Many Requests"},
                                                      {431, "Request Header Fields Too Large"},
                                                      {500, "Internal Server Error"},
                                                      {501, "Not Implemented"},
                                                      {502, "Bad Gateway"},
                                                      {503, "Service Unavailable"},
                                                      {504, "Gateway Timeout"},
                                                      {505, "HTTP Version Not Supported"}};
  for (auto [status, phrase] : phrases)
    EXPECT_EQ(reasonPhrase(status), phrase) << status;
  EXPECT_EQ(reasonPhrase(299), "Unknown");
  EXPECT_EQ(reasonPhrase(-1), "Unknown");
}

TEST(SetCookieTest, SerializesEveryAttribute) {
  SetCookie cookie{.name = "token",
                   .value = "abc.DEF_123-x",
                   .path = "/api",
                   .maxAge = std::chrono::hours(1),
                   .httpOnly = true,
                   .secure = true,
                   .sameSite = SetCookie::SameSite::Strict};
  EXPECT_EQ(cookie.serialize(),
            "token=abc.DEF_123-x; Path=/api; Max-Age=3600; Secure; HttpOnly; SameSite=Strict");
}

TEST(SetCookieTest, OmitsUnsetAttributesAndExpiresWithZero) {
  SetCookie cookie{.name = "t",
                   .value = "",
                   .path = "",
                   .maxAge = std::chrono::seconds(-5),
                   .httpOnly = false,
                   .secure = false,
                   .sameSite = SetCookie::SameSite::Unset};
  EXPECT_EQ(cookie.serialize(), "t=; Max-Age=0");
  cookie.sameSite = SetCookie::SameSite::None;
  cookie.secure = true;
  EXPECT_EQ(cookie.serialize(), "t=; Max-Age=0; Secure; SameSite=None");
}

}  // namespace
}  // namespace mt::http
