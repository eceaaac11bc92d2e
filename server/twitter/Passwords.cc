#include "Passwords.h"

#include <sodium.h>

#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>

#include "Sodium.h"

namespace mt::twitter {

namespace {

// One hash of a random password per cost, made on first use: verifying against it
// costs what verifying a real hash of that cost does.
const std::string& dummyHash(const PasswordCost& cost) {
  static std::mutex mutex;
  static std::map<std::pair<unsigned long long, std::size_t>, std::string> hashes;
  std::lock_guard lock(mutex);
  auto key = std::make_pair(cost.opsLimit, cost.memLimitBytes);
  auto found = hashes.find(key);
  if (found != hashes.end()) return found->second;
  unsigned char secret[32];
  randombytes_buf(secret, sizeof secret);
  std::string hash =
      hashPassword(std::string_view(reinterpret_cast<const char*>(secret), sizeof secret), cost);
  sodium_memzero(secret, sizeof secret);
  return hashes.emplace(key, std::move(hash)).first->second;
}

}  // namespace

PasswordCost PasswordCost::interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::moderate() {
  return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

PasswordCost PasswordCost::cheap() {
  return {1, crypto_pwhash_MEMLIMIT_MIN};
}

std::string hashPassword(std::string_view password, const PasswordCost& cost) {
  ensureSodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.opsLimit,
                            cost.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("the password hash could not be computed (out of memory)");
  }
  return out;
}

bool verifyPassword(std::string_view passwordHash, std::string_view password) {
  ensureSodium();
  const std::string terminated(passwordHash);  // libsodium reads a C string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool verifyAgainstDummy(std::string_view password, const PasswordCost& cost) {
  verifyPassword(dummyHash(cost), password);
  return false;
}

}  // namespace mt::twitter
