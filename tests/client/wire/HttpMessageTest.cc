#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "HttpMessage.h"

namespace mt::load {
namespace {

HttpRequest makeRequest(std::string method, std::string target, std::string authorization = "",
                        std::string contentType = "", std::string body = "") {
  HttpRequest request;
  request.method = std::move(method);
  request.target = std::move(target);
  request.authorization = std::move(authorization);
  request.contentType = std::move(contentType);
  request.body = std::move(body);
  return request;
}

TEST(AppendRequest, GetWritesRequestLineAndHostOnly) {
  std::string out;
  appendRequest(out, makeRequest("GET", "/api?query=%7Bme%7D"), "10.0.0.1:8080");
  EXPECT_EQ(out, "GET /api?query=%7Bme%7D HTTP/1.1\r\nHost: 10.0.0.1:8080\r\n\r\n");
}

TEST(AppendRequest, PostWithBodyAndAuthorization) {
  std::string out;
  appendRequest(out,
                makeRequest("POST", "/api", "Bearer abc.def", "application/json",
                            R"({"query":"{me{name}}"})"),
                "server:80");
  EXPECT_EQ(out,
            "POST /api HTTP/1.1\r\n"
            "Host: server:80\r\n"
            "Authorization: Bearer abc.def\r\n"
            "Content-Type: application/json\r\n"
            "Content-Length: 22\r\n"
            "\r\n"
            R"({"query":"{me{name}}"})");
}

TEST(AppendRequest, SubscriptionAsksForAnEventStream) {
  std::string out;
  HttpRequest request = makeRequest("POST", "/api", "Bearer t", "application/json", "{}");
  request.accept = "text/event-stream";
  appendRequest(out, request, "h:1");
  EXPECT_EQ(out,
            "POST /api HTTP/1.1\r\nHost: h:1\r\nAuthorization: Bearer t\r\n"
            "Accept: text/event-stream\r\nContent-Type: application/json\r\n"
            "Content-Length: 2\r\n\r\n{}");
}

TEST(AppendRequest, PostWithBodyWithoutAuthorization) {
  std::string out;
  appendRequest(out, makeRequest("POST", "/api", "", "text/plain", "hi"), "h:1");
  EXPECT_EQ(out,
            "POST /api HTTP/1.1\r\nHost: h:1\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
            "\r\nhi");
}

TEST(AppendRequest, AuthorizationWithoutBody) {
  std::string out;
  appendRequest(out, makeRequest("GET", "/timeline", "Bearer t"), "h:1");
  EXPECT_EQ(out, "GET /timeline HTTP/1.1\r\nHost: h:1\r\nAuthorization: Bearer t\r\n\r\n");
}

TEST(AppendRequest, ContentTypeWithEmptyBodySaysLengthZero) {
  std::string out;
  appendRequest(out, makeRequest("POST", "/", "", "application/json"), "h:1");
  EXPECT_EQ(out,
            "POST / HTTP/1.1\r\nHost: h:1\r\nContent-Type: application/json\r\n"
            "Content-Length: 0\r\n\r\n");
}

// The body must be framed even without a type, or the server would read it as the
// next request.
TEST(AppendRequest, BodyWithoutContentTypeIsStillFramed) {
  std::string out;
  appendRequest(out, makeRequest("PUT", "/x", "", "", "abc"), "h:1");
  EXPECT_EQ(out, "PUT /x HTTP/1.1\r\nHost: h:1\r\nContent-Length: 3\r\n\r\nabc");
}

TEST(AppendRequest, AppendsAfterWhatIsAlreadyThere) {
  std::string out = "GET /a HTTP/1.1\r\nHost: h:1\r\n\r\n";
  appendRequest(out, makeRequest("HEAD", "/b"), "h:1");
  EXPECT_EQ(out, "GET /a HTTP/1.1\r\nHost: h:1\r\n\r\nHEAD /b HTTP/1.1\r\nHost: h:1\r\n\r\n");
}

TEST(AppendRequest, LargeBodyLength) {
  std::string out;
  HttpRequest request =
      makeRequest("POST", "/upload", "", "application/octet-stream", std::string(123456, 'z'));
  appendRequest(out, request, "h:1");
  std::string head =
      "POST /upload HTTP/1.1\r\nHost: h:1\r\nContent-Type: application/octet-stream\r\n"
      "Content-Length: 123456\r\n\r\n";
  ASSERT_EQ(out.size(), head.size() + 123456);
  EXPECT_EQ(out.substr(0, head.size()), head);
  EXPECT_EQ(out.substr(head.size()), request.body);
}

}  // namespace
}  // namespace mt::load
