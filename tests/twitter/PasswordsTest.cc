#include <gtest/gtest.h>

#include <string>

#include "Passwords.h"

namespace mt::twitter {
namespace {

TEST(Passwords, HashIsArgon2idWithItsCostAndVerifies) {
  const PasswordCost cost = PasswordCost::cheap();
  std::string hash = hashPassword("correct horse", cost);
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=8,t=1,", 0), 0u) << hash;
  EXPECT_TRUE(verifyPassword(hash, "correct horse"));
  EXPECT_FALSE(verifyPassword(hash, "correct horse "));
  EXPECT_FALSE(verifyPassword(hash, ""));
}

TEST(Passwords, EachHashHasItsOwnSalt) {
  const PasswordCost cost = PasswordCost::cheap();
  EXPECT_NE(hashPassword("same password", cost), hashPassword("same password", cost));
}

TEST(Passwords, AnUnreadableHashVerifiesNothing) {
  EXPECT_FALSE(verifyPassword("", "anything"));
  EXPECT_FALSE(verifyPassword("plain text", "plain text"));
  EXPECT_FALSE(verifyPassword("$argon2id$v=19$m=8,t=1,p=1$garbage", "x"));
}

TEST(Passwords, PasswordsWithNulBytesAreHashedWhole) {
  const PasswordCost cost = PasswordCost::cheap();
  const std::string withNul("abc\0def", 7);
  std::string hash = hashPassword(withNul, cost);
  EXPECT_TRUE(verifyPassword(hash, withNul));
  EXPECT_FALSE(verifyPassword(hash, "abc"));
}

TEST(Passwords, TheDummyVerificationNeverSucceeds) {
  EXPECT_FALSE(verifyAgainstDummy("anything", PasswordCost::cheap()));
  EXPECT_FALSE(verifyAgainstDummy("", PasswordCost::cheap()));
}

TEST(PasswordCost, LevelsAreOrdered) {
  EXPECT_EQ(PasswordCost::cheap().opsLimit, 1u);
  EXPECT_EQ(PasswordCost::cheap().memLimitBytes, 8192u);
  EXPECT_LT(PasswordCost::cheap().memLimitBytes, PasswordCost::interactive().memLimitBytes);
  EXPECT_LT(PasswordCost::interactive().memLimitBytes, PasswordCost::moderate().memLimitBytes);
  EXPECT_EQ(PasswordCost::interactive().memLimitBytes, 64u * 1024 * 1024);
}

}  // namespace
}  // namespace mt::twitter
