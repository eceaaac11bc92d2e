#pragma once

#include <string>
#include <string_view>

#include "TwitterService.h"

// Password hashing with libsodium's Argon2id (crypto_pwhash_str), the string form that
// carries its own salt and cost, so hashes made at another cost still verify.
namespace mt::twitter {

// Throws std::runtime_error when the hash cannot be made (out of memory).
std::string hashPassword(std::string_view password, const PasswordCost& cost);

// False for a wrong password and for a hash libsodium cannot read.
bool verifyPassword(std::string_view passwordHash, std::string_view password);

// Spends the time of one verification at `cost` and returns false: what login does
// for an unknown username, so that its response time does not say which names exist.
bool verifyAgainstDummy(std::string_view password, const PasswordCost& cost);

}  // namespace mt::twitter
