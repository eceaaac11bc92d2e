#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "CapturingSink.h"
#include "Router.h"

namespace mt::views {
namespace {

using http::HttpResponse;
using http::Method;
using testing::dispatch;
using testing::headerOf;

HttpResponse textView(std::string body) {
  return HttpResponse::text(200, std::move(body));
}

TEST(RouterTest, RunsTheViewWithItsParams) {
  Router router;
  router.get("/users/<str:name>/tweets/<int:id>", [](const ViewContext& ctx) {
    return textView(ctx.params.string("name") + "#" + std::to_string(ctx.params.integer("id")));
  });
  HttpResponse response = dispatch(router, Method::Get, "/users/al%20ice/tweets/7?x=1");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "al ice#7");
}

TEST(RouterTest, AsyncViewAnswersLaterFromAnotherThread) {
  Router router;
  std::thread worker;
  router.get("/slow", [&worker](const ViewContext& ctx) {
    worker = std::thread([responder = ctx.responder] { responder.send(textView("later")); });
  });
  auto sink = std::make_shared<testing::CapturingSink>();
  router.handle(testing::makeRequest(Method::Get, "/slow"), http::Responder(sink, 3));
  worker.join();
  auto responses = sink->responses();
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_EQ(responses[0].first, 3u);
  EXPECT_EQ(responses[0].second.body, "later");
}

TEST(RouterTest, FirstMatchingRouteWins) {
  Router router;
  router.get("/a/<str:x>", [](const ViewContext&) { return textView("str"); });
  router.get("/a/<int:x>", [](const ViewContext&) { return textView("int"); });
  router.get(UrlPattern::regex("^/b/(?P<id>[0-9]+)$"),
             [](const ViewContext& ctx) { return textView(ctx.params.string("id")); });
  EXPECT_EQ(dispatch(router, Method::Get, "/a/5").body, "str");
  EXPECT_EQ(dispatch(router, Method::Get, "/b/55").body, "55");
}

TEST(RouterTest, SamePatternDifferentMethods) {
  Router router;
  router.get("/tweets", [](const ViewContext&) { return textView("list"); });
  router.post("/tweets", [](const ViewContext&) { return textView("create"); });
  EXPECT_EQ(dispatch(router, Method::Get, "/tweets").body, "list");
  EXPECT_EQ(dispatch(router, Method::Post, "/tweets").body, "create");
}

TEST(RouterTest, NoMatchIs404AndNotFoundIsConfigurable) {
  Router router;
  router.get("/a", [](const ViewContext&) { return textView("a"); });
  EXPECT_EQ(dispatch(router, Method::Get, "/b").status, 404);
  EXPECT_EQ(dispatch(router, Method::Post, "/b").status, 404);
  router.setNotFound([](const ViewContext& ctx) {
    return HttpResponse::text(404, "nothing at " + std::string(ctx.request.path));
  });
  HttpResponse response = dispatch(router, Method::Get, "/b");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.body, "nothing at /b");
}

TEST(RouterTest, WrongMethodIs405WithAllow) {
  Router router;
  router.get("/r", [](const ViewContext&) { return textView("get"); });
  router.route("/r", {Method::Post, Method::Delete},
               [](const ViewContext&) { return textView("x"); });
  router.get("/only-get", [](const ViewContext&) { return textView("get"); });
  HttpResponse response = dispatch(router, Method::Put, "/r");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(headerOf(response, "Allow"), "GET, HEAD, POST, DELETE, OPTIONS");
  response = dispatch(router, Method::Post, "/only-get");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(headerOf(response, "Allow"), "GET, HEAD, OPTIONS");
}

TEST(RouterTest, HeadRunsTheGetView) {
  Router router;
  std::atomic<int> calls{0};
  router.get("/h", [&calls](const ViewContext&) {
    ++calls;
    return textView("body");
  });
  HttpResponse response = dispatch(router, Method::Head, "/h");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "body");  // L2 drops it, keeping its Content-Length
  EXPECT_EQ(calls.load(), 1);
}

TEST(RouterTest, OptionsIsAnsweredWithAllow) {
  Router router;
  router.get("/o", [](const ViewContext&) { return textView("get"); });
  router.post("/o", [](const ViewContext&) { return textView("post"); });
  router.route("/custom", {Method::Options},
               [](const ViewContext&) { return HttpResponse::text(200, "mine"); });
  HttpResponse response = dispatch(router, Method::Options, "/o");
  EXPECT_EQ(response.status, 204);
  EXPECT_EQ(headerOf(response, "Allow"), "GET, HEAD, POST, OPTIONS");
  EXPECT_EQ(dispatch(router, Method::Options, "/custom").body, "mine");
  EXPECT_EQ(dispatch(router, Method::Options, "/none").status, 404);
  response = dispatch(router, Method::Options, "*");
  EXPECT_EQ(response.status, 204);
  EXPECT_EQ(headerOf(response, "Allow"), "GET, HEAD, POST, OPTIONS");
}

TEST(RouterTest, ThrowingViewIs500) {
  Router router;
  router.get("/boom",
             [](const ViewContext&) -> HttpResponse { throw std::runtime_error("kaboom"); });
  router.get("/odd", [](const ViewContext&) { throw 42; });
  router.get("/missing", [](const ViewContext& ctx) { return textView(ctx.params.string("x")); });
  EXPECT_EQ(dispatch(router, Method::Get, "/boom").status, 500);
  EXPECT_EQ(dispatch(router, Method::Get, "/odd").status, 500);
  EXPECT_EQ(dispatch(router, Method::Get, "/missing").status, 500);
}

TEST(RouterTest, ViewThatSendsThenThrowsKeepsItsAnswer) {
  Router router;
  router.get("/late-throw", [](const ViewContext& ctx) {
    ctx.responder.send(textView("sent"));
    throw std::runtime_error("after send");
  });
  HttpResponse response = dispatch(router, Method::Get, "/late-throw");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "sent");
}

TEST(RouterTest, ViewThatNeverAnswersStillGetsA500) {
  Router router;
  router.get("/forgot", [](const ViewContext&) {});
  EXPECT_EQ(dispatch(router, Method::Get, "/forgot").status, 500);
}

TEST(RouterTest, BadPercentEncodingIs400) {
  Router router;
  router.get("/<path:p>", [](const ViewContext&) { return textView("x"); });
  EXPECT_EQ(dispatch(router, Method::Get, "/a%zz").status, 400);
  EXPECT_EQ(dispatch(router, Method::Get, "/a%4").status, 400);
  EXPECT_EQ(dispatch(router, Method::Get, "/%").status, 400);
  EXPECT_EQ(dispatch(router, Method::Get, "/a%41").status, 200);
}

}  // namespace
}  // namespace mt::views
