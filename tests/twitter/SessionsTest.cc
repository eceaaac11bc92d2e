#include <gtest/gtest.h>

#include <set>
#include <string>

#include "Sessions.h"
#include "TwitterService.h"

namespace mt::twitter {
namespace {

TEST(SessionTokens, AreFortyThreeBase64UrlCharactersAndDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string token = newSessionToken();
    EXPECT_EQ(token.size(), 43u);
    EXPECT_TRUE(looksLikeSessionToken(token)) << token;
    EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                      "0123456789-_"),
              std::string::npos);
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(SessionTokens, HashIsLowerCaseHexSha256OfTheTokenText) {
  // FIPS 180-2's test vector, and the empty string's digest.
  EXPECT_EQ(sessionTokenHash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sessionTokenHash(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(SessionTokens, ShapeCheck) {
  EXPECT_FALSE(looksLikeSessionToken(""));
  EXPECT_FALSE(looksLikeSessionToken(std::string(42, 'a')));
  EXPECT_FALSE(looksLikeSessionToken(std::string(44, 'a')));
  EXPECT_FALSE(looksLikeSessionToken(std::string(42, 'a') + "="));
  EXPECT_FALSE(looksLikeSessionToken(std::string(42, 'a') + "+"));
  EXPECT_TRUE(looksLikeSessionToken(std::string(41, 'a') + "-_"));
}

TEST(SessionCookie, CarriesTheTokenAndItsAttributes) {
  EXPECT_EQ(sessionCookie("tok", std::chrono::seconds(3600), false),
            "minitwitter_session=tok; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600");
  EXPECT_EQ(sessionCookie("tok", std::chrono::hours(24), true),
            "minitwitter_session=tok; Path=/; HttpOnly; SameSite=Lax; Max-Age=86400; Secure");
  EXPECT_EQ(expiredSessionCookie(false),
            "minitwitter_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
  EXPECT_EQ(expiredSessionCookie(true),
            "minitwitter_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");
}

TEST(CookieHeader, FindsTheNamedCookie) {
  EXPECT_EQ(cookieValue("minitwitter_session=abc", "minitwitter_session"), "abc");
  EXPECT_EQ(cookieValue("a=1; minitwitter_session=abc; b=2", "minitwitter_session"), "abc");
  EXPECT_EQ(cookieValue("a=1;minitwitter_session=abc;", "minitwitter_session"), "abc");
  EXPECT_EQ(cookieValue("  minitwitter_session = abc  ", "minitwitter_session"), "abc");
  EXPECT_EQ(cookieValue("minitwitter_session=\"abc\"", "minitwitter_session"), "abc");
  EXPECT_EQ(
      cookieValue("minitwitter_session=first; minitwitter_session=second", "minitwitter_session"),
      "first");
  EXPECT_EQ(cookieValue("x_minitwitter_session=no; minitwitter_sessionx=no", "minitwitter_session"),
            "");
  EXPECT_EQ(cookieValue("garbage; minitwitter_session=abc", "minitwitter_session"), "abc");
  EXPECT_EQ(cookieValue("", "minitwitter_session"), "");
  EXPECT_EQ(cookieValue("a=b=c", "a"), "b=c");
}

TEST(AuthorizationHeader, BearerInAnyCase) {
  EXPECT_EQ(bearerToken("Bearer abc"), "abc");
  EXPECT_EQ(bearerToken("bearer abc"), "abc");
  EXPECT_EQ(bearerToken("BEARER   abc  "), "abc");
  EXPECT_EQ(bearerToken("Bearer\tabc"), "abc");
  EXPECT_EQ(bearerToken("Bearer"), "");
  EXPECT_EQ(bearerToken("Bearer "), "");
  EXPECT_EQ(bearerToken("Bearerabc"), "");
  EXPECT_EQ(bearerToken("Basic YWxhZGRpbjpvcGVuc2VzYW1l"), "");
  EXPECT_EQ(bearerToken(""), "");
}

TEST(SessionTokenFrom, BearerWinsOverTheCookie) {
  EXPECT_EQ(sessionTokenFrom("Bearer fromHeader", "minitwitter_session=fromCookie"), "fromHeader");
  EXPECT_EQ(sessionTokenFrom("", "minitwitter_session=fromCookie"), "fromCookie");
  EXPECT_EQ(sessionTokenFrom("Basic abc", "minitwitter_session=fromCookie"), "fromCookie");
  EXPECT_EQ(sessionTokenFrom("Bearer ", "other=1; minitwitter_session=fromCookie"), "fromCookie");
  EXPECT_EQ(sessionTokenFrom("", ""), "");
  EXPECT_EQ(sessionTokenFrom("", "other=1"), "");
}

}  // namespace
}  // namespace mt::twitter
