#pragma once

#include <cstdint>

namespace mt::load {

// A virtual user's own random numbers: xoshiro256** seeded by splitmix64 from the run's
// seed and the user's global index. Own code rather than <random>'s distributions, whose
// results differ between standard libraries, so a seed means the same run everywhere;
// and 32 bytes of state rather than mt19937_64's 2.5 KB, for many thousands of users.
class UserRandom {
 public:
  UserRandom(std::uint64_t seed, std::uint64_t userIndex) {
    std::uint64_t indexState = userIndex;
    std::uint64_t mixer = seed ^ splitmix(indexState);
    for (std::uint64_t& word : state_)
      word = splitmix(mixer);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, bound); bound > 0. Rejects the few values that would favour small
  // results, so weights hold exactly.
  std::uint64_t below(std::uint64_t bound) {
    const std::uint64_t threshold = (0 - bound) % bound;  // 2^64 mod bound
    for (;;) {
      const std::uint64_t value = next();
      if (value >= threshold) return value % bound;
    }
  }

  // True with probability numerator / denominator.
  bool chance(std::uint64_t numerator, std::uint64_t denominator) {
    return below(denominator) < numerator;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  // Advances `state` and returns the next splitmix64 output.
  static std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  std::uint64_t state_[4];
};

}  // namespace mt::load
